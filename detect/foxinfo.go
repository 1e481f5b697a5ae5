package detect

import (
	"bytes"
	"context"
	"errors"
	"strings"
)

// FoxInfo stands for nmap's fox-info: on port 1911 (or a port named
// niagara-fox) it sends a Niagara Fox "fox hello" message and reads the
// station's hello (a "fox a 0 -1 fox hello" line, then "{", key=type:value
// lines, "};;"). A hello names the port niagara-fox, probed with
// confidence 10 and its fingerprint dropped, with the hostName value as
// its host name (nmap 7.93 sets nothing else: product and version come
// from the signatures, app.name, os.name and the rest only show in its
// script output).
type FoxInfo struct{}

func (FoxInfo) Name() string { return "fox-info" }
func (FoxInfo) Rule() Rule {
	return Rule{Ports: []int{1911, 4911}, Services: []string{"niagara-fox"}, MinIntensity: 7}
}
func (FoxInfo) Sets() []Field { return []Field{FName, FHostname} }

// foxHello is the client's hello: Fox version 1.0, session id 1.
const foxHello = "fox a 1 -1 fox hello\n{\nfox.version=s:1.0\nid=i:1\n};;\n"

func (FoxInfo) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	s, err := dial(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if err := s.write([]byte(foxHello)); err != nil {
		return nil, err
	}
	reply, err := s.readUntil(64<<10, func(b []byte) bool { return bytes.Contains(b, []byte("};;")) })
	fields, perr := ParseFoxHello(reply)
	if perr != nil {
		if err != nil {
			return nil, err
		}
		return nil, perr
	}
	env.Trace("Service scan detector fox-info: %s:%d is a Niagara Fox %s (%s)", p.Addr, p.Number, fields["app.name"], fields["app.version"])
	return &Update{Name: "niagara-fox", Hostname: fields["hostName"], Match: Hard}, nil
}

// ParseFoxHello reads a Fox hello: its first line names the message
// ("fox a N -1 fox hello"), then a "{" line and key=type:value lines up
// to "};;". It returns the values without their type prefix.
func ParseFoxHello(b []byte) (map[string]string, error) {
	lines := strings.Split(string(b), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "fox a ") || !strings.HasSuffix(lines[0], "fox hello") || lines[1] != "{" {
		return nil, errors.New("fox-info: not a fox hello")
	}
	out := map[string]string{}
	for _, l := range lines[2:] {
		if strings.HasPrefix(l, "}") {
			break
		}
		k, v, ok := strings.Cut(l, "=")
		if !ok {
			continue
		}
		if _, val, ok := strings.Cut(v, ":"); ok {
			v = val
		}
		out[k] = v
	}
	return out, nil
}
