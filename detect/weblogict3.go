package detect

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"strings"
)

// WebLogicT3Info stands for nmap's weblogic-t3-info: it opens the
// WebLogic T3 handshake ("t3 12.1.2", the abbreviation size and header
// length lines, an empty line). A server that answers "HELO:VERSION.…"
// speaks T3 and the answer's version becomes the first four numbers of
// VERSION (nmap 7.93 prints 12.2.1.4 for HELO:12.2.1.4.0, 10.3.6.0 for
// HELO:10.3.6.0, and 12.1.2.0 for a server that says what the client
// offered: nmap 7.93 means to ask such a server again as another
// version, but compares the four numbers with three and never does). A
// refusal of the handshake (a line starting LGIN:, SERV:, UNAV:, LICN:,
// RESC:, CATA: or CMND:; VERS: with the server's four-number version
// after "Incompatible versions - this server:")
// still shows T3. Either way extrainfo gets "T3 enabled" (after the
// walk's extrainfo and "; "), the product becomes "WebLogic application
// server" when the walk gave none (a match line's product stays), and
// the answer is probed with confidence 10, the fingerprint dropped, the
// name kept. An HTTP reply changes nothing.
//
// Its rule goes by the walk's product when there is one: the detector
// runs on any port whose product contains "WebLogic", and on no other
// port with a product; without a product, on ports 7001 to 7003 and on
// ports named http.
type WebLogicT3Info struct{}

func (WebLogicT3Info) Name() string { return "weblogic-t3-info" }
func (WebLogicT3Info) Rule() Rule {
	return Rule{Ports: []int{7001, 7002, 7003}, Services: []string{"http"}, MinIntensity: 7,
		Product: func(product string) bool { return strings.Contains(product, "WebLogic") }}
}
func (WebLogicT3Info) Sets() []Field { return []Field{FProduct, FVersion, FInfo} }

var (
	heloVersion = regexp.MustCompile(`^HELO:(\d+\.\d+\.\d+\.\d+)\.`)
	versVersion = regexp.MustCompile(`^VERS:Incompatible versions - this server:(\d+\.\d+\.\d+\.\d+)`)
	// t3Refusals start the lines of a server that speaks T3 but refuses
	// the handshake (login, service, availability, licence, resources,
	// failure, command).
	t3Refusals = []string{"LGIN:", "SERV:", "UNAV:", "LICN:", "RESC:", "CATA:", "CMND:"}
)

// t3Hello sends the T3 handshake (offering 12.1.2) and returns the reply.
func t3Hello(ctx context.Context, env *Env, p *Port) ([]byte, error) {
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
	return reply, nil
}

func (WebLogicT3Info) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	reply, err := t3Hello(ctx, env, p)
	if reply == nil {
		return nil, err
	}
	u := &Update{Info: "T3 enabled", Match: Hard}
	switch m := heloVersion.FindSubmatch(reply); {
	case m != nil:
		u.Version = string(m[1])
	case bytes.HasPrefix(reply, []byte("VERS:")):
		if m := versVersion.FindSubmatch(reply); m != nil {
			u.Version = string(m[1])
		}
	case slices.ContainsFunc(t3Refusals, func(r string) bool { return bytes.HasPrefix(reply, []byte(r)) }):
	default:
		return nil, nil
	}
	if p.Service.Info != "" {
		u.Info = p.Service.Info + "; " + u.Info
	}
	if p.Service.Product == "" {
		u.Product = "WebLogic application server"
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
