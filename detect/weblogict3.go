package detect

import (
	"bytes"
	"context"
	"regexp"
)

// WebLogicT3Info stands for nmap's weblogic-t3-info: on ports 7001 to
// 7003, or a port named http, it opens the WebLogic T3 handshake
// ("t3 12.1.2", the abbreviation size and header length lines, an empty
// line). A server that answers "HELO:VERSION.false..." speaks T3: the
// answer becomes product "WebLogic application server", version the
// first four numbers of VERSION (nmap 7.93 prints 12.2.1.4 for
// HELO:12.2.1.4.0, 10.3.6.0 for HELO:10.3.6.0), extrainfo "T3 enabled";
// one that refuses it with a "LGIN:" line (T3 filtered) gets the same
// without a version. Probed with confidence 10, the fingerprint dropped,
// the name kept. An HTTP reply changes nothing.
type WebLogicT3Info struct{}

func (WebLogicT3Info) Name() string { return "weblogic-t3-info" }
func (WebLogicT3Info) Rule() Rule {
	return Rule{Ports: []int{7001, 7002, 7003}, Services: []string{"http"}, MinIntensity: 7}
}
func (WebLogicT3Info) Sets() []Field { return []Field{FProduct, FVersion, FInfo} }

var heloVersion = regexp.MustCompile(`^HELO:(\d+(?:\.\d+){0,3})`)

func (WebLogicT3Info) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	s, err := dial(ctx, env, p.Service.Tunnel == "ssl")
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if err := s.write([]byte("t3 12.1.2\nAS:2048\nHL:19\n\n")); err != nil {
		return nil, err
	}
	reply, err := s.readUntil(4096, func(b []byte) bool { return bytes.Contains(b, []byte("\n\n")) })
	if len(reply) == 0 {
		return nil, err
	}
	u := &Update{Product: "WebLogic application server", Info: "T3 enabled", Match: Hard}
	switch {
	case bytes.HasPrefix(reply, []byte("HELO:")):
		if m := heloVersion.FindSubmatch(reply); m != nil {
			u.Version = string(m[1])
		}
	case bytes.HasPrefix(reply, []byte("LGIN:")):
	default:
		return nil, nil
	}
	env.Trace("Service scan detector weblogic-t3-info: %s:%d speaks T3: %q", p.Addr, p.Number, firstLine(reply))
	return u, nil
}

func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i]
	}
	return b
}
