package detect

import (
	"context"
	"fmt"
	"net"
	"slices"
	"testing"
	"time"

	"github.com/signetscan/signet/result"
)

// ruleCase is a port and whether nmap 7.93 starts the version script a
// detector stands for on it (read from the script's portrule).
type ruleCase struct {
	detector string
	number   int
	proto    string
	name     string // the walk's service name
	product  string // the walk's product
	want     bool
}

func (c ruleCase) port() *Port {
	return &Port{Number: c.number, Proto: c.proto, Intensity: 7,
		Service: &result.Service{Name: c.name, Product: c.product, Method: result.MethodProbed, Conf: 10}}
}

// TestRulesAsNmap: each detector's rule starts it where nmap 7.93's
// script starts, and only there.
func TestRulesAsNmap(t *testing.T) {
	wantRules(t, []ruleCase{
		// mqtt-subscribe: the plain and the TLS port of MQTT, and both names.
		{"mqtt-subscribe", 1883, "tcp", "unknown", "", true},
		{"mqtt-subscribe", 8883, "tcp", "unknown", "", true},
		{"mqtt-subscribe", 9999, "tcp", "mqtt", "", true},
		{"mqtt-subscribe", 9999, "tcp", "secure-mqtt", "", true},
		{"mqtt-subscribe", 8883, "udp", "secure-mqtt", "", false},
		// pptp-version: port 1723 alone; a port named pptp elsewhere is not asked.
		{"pptp-version", 1723, "tcp", "unknown", "", true},
		{"pptp-version", 5000, "tcp", "pptp", "", false},
		// docker-version: 2375, 2376, docker and docker-s.
		{"docker-version", 2376, "tcp", "unknown", "", true},
		{"docker-version", 4243, "tcp", "docker", "", true},
		{"docker-version", 4243, "tcp", "docker-s", "", true},
		// drda-info: five ports and two names.
		{"drda-info", 50000, "tcp", "unknown", "", true},
		{"drda-info", 60000, "tcp", "unknown", "", true},
		{"drda-info", 9090, "tcp", "unknown", "", true},
		{"drda-info", 1526, "tcp", "unknown", "", true},
		{"drda-info", 1527, "tcp", "unknown", "", true},
		{"drda-info", 5000, "tcp", "ibm-db2", "", true},
		{"drda-info", 50001, "tcp", "unknown", "", false},
		// enip-info: both spellings of the name, TCP and UDP.
		{"enip-info", 2222, "udp", "EtherNet-IP-2", "", true},
		{"enip-info", 2222, "tcp", "EtherNet/IP-2", "", true},
		{"enip-info", 44818, "udp", "unknown", "", true},
		// jdwp-version: tcpwrapped TCP ports only; a port a line named
		// jdwp is not asked again.
		{"jdwp-version", 8000, "tcp", "tcpwrapped", "", true},
		{"jdwp-version", 8000, "tcp", "jdwp", "", false},
		{"jdwp-version", 8000, "udp", "tcpwrapped", "", false},
	})
}

// wantRules checks each case's detector's rule against nmap's verdict.
func wantRules(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		d := Named(c.detector)
		if d == nil {
			t.Fatalf("no detector %s", c.detector)
		}
		if got := d.Rule().Wants(c.port()); got != c.want {
			t.Errorf("%s on %d/%s named %q product %q: wants %v, nmap's script %v", c.detector, c.number, c.proto, c.name, c.product, got, c.want)
		}
	}
}

// TestProductRules: weblogic-t3-info and mcafee-epo-agent go by the
// product when the walk found one, by the port (and name) otherwise.
func TestProductRules(t *testing.T) {
	wantRules(t, []ruleCase{
		{"weblogic-t3-info", 7001, "tcp", "http", "", true},
		{"weblogic-t3-info", 7001, "tcp", "http", "Apache httpd", false},
		{"weblogic-t3-info", 80, "tcp", "http", "WebLogic applications server", true},
		{"weblogic-t3-info", 9002, "tcp", "unknown", "Oracle WebLogic Server", true},
		{"weblogic-t3-info", 9002, "tcp", "unknown", "weblogic", false}, // the case counts
		{"weblogic-t3-info", 9002, "tcp", "unknown", "", false},
		{"mcafee-epo-agent", 8081, "tcp", "http", "", true},
		{"mcafee-epo-agent", 8081, "tcp", "http", "Apache httpd", false},
		{"mcafee-epo-agent", 80, "tcp", "http", "Network Associates ePolicy Orchestrator", true},
		{"mcafee-epo-agent", 8082, "tcp", "http", "EPolicy Orchestrator", true},
		{"mcafee-epo-agent", 8082, "tcp", "http", "McAfee EPO agent", true},
		{"mcafee-epo-agent", 8082, "tcp", "http", "McAfee EPO AGENT", false},
		{"mcafee-epo-agent", 8082, "tcp", "http", "EPOLICY ORCHESTRATOR", false},
		{"mcafee-epo-agent", 8082, "tcp", "http", "", false},
	})
}

// TestProductRulesFirst: a detector whose rule goes by the product runs
// before every detector that may set a product, so that it sees the
// walk's product as nmap's script does (nmap decides every portrule of
// its first runlevel on the walk's answer).
func TestProductRulesFirst(t *testing.T) {
	for i, d := range Table {
		if d.Rule().Product == nil {
			continue
		}
		for _, e := range Table[:i] {
			// tls-fallback's walk inside TLS is beyond nmap; two rules by
			// product (WebLogic, ePO) never both hold on one server.
			if e.Name() != "tls-fallback" && e.Rule().Product == nil && slices.Contains(e.Sets(), FProduct) {
				t.Errorf("%s runs after %s, which may set a product", d.Name(), e.Name())
			}
		}
	}
}

// pipeEnv answers each connection's first request with answer(request).
func pipeEnv(answer func(req string) string) *Env {
	return &Env{Wait: time.Second, Trace: func(string, ...any) {},
		Dial: func(ctx context.Context, ssl bool) (net.Conn, error) {
			c, s := net.Pipe()
			go func() {
				defer s.Close()
				s.SetDeadline(time.Now().Add(2 * time.Second))
				buf := make([]byte, 4096)
				n, err := s.Read(buf)
				if err != nil {
					return
				}
				if r := answer(string(buf[:n])); r != "" {
					s.Write([]byte(r))
				}
			}()
			return c, nil
		}}
}

// TestWebLogicT3: what weblogic-t3-info takes from each answer, and what
// of the walk's answer it keeps.
func TestWebLogicT3(t *testing.T) {
	for _, c := range []struct {
		reply                 string
		product, info         string // the walk's
		wantProduct, wantVers string
		wantInfo              string
		changed               bool
	}{
		{reply: "HELO:12.2.1.4.0.false\nAS:2048\nHL:19\n\n", wantProduct: "WebLogic application server", wantVers: "12.2.1.4", wantInfo: "T3 enabled", changed: true},
		{reply: "HELO:10.3.6.0.false\nAS:2048\nHL:19\n\n", product: "WebLogic applications server", info: "Servlet 2.5", wantVers: "10.3.6.0", wantInfo: "Servlet 2.5; T3 enabled", changed: true},
		{reply: "HELO:12.1.2.0.false\n\n", wantProduct: "WebLogic application server", wantVers: "12.1.2.0", wantInfo: "T3 enabled", changed: true},
		{reply: "VERS:Incompatible versions - this server:10.3.6.0\n\n", wantProduct: "WebLogic application server", wantVers: "10.3.6.0", wantInfo: "T3 enabled", changed: true},
		{reply: "SERV:no such service\n\n", wantProduct: "WebLogic application server", wantInfo: "T3 enabled", changed: true},
		{reply: "LGIN:filtered\n\n", wantProduct: "WebLogic application server", wantInfo: "T3 enabled", changed: true},
		{reply: "HELO:10.3\n\n"}, // not four numbers: nothing
		{reply: "HTTP/1.1 400 Bad Request\r\n\r\n"},
	} {
		env := pipeEnv(func(req string) string {
			if req != "t3 12.1.2\nAS:2048\nHL:19\n\n" {
				return ""
			}
			return c.reply
		})
		p := &Port{Number: 7001, Proto: "tcp", Intensity: 7, Service: &result.Service{Name: "http", Product: c.product, Info: c.info}}
		u, err := WebLogicT3Info{}.Detect(context.Background(), env, p)
		if !c.changed {
			if u != nil {
				t.Errorf("%q: %+v, want no change", c.reply, u)
			}
			continue
		}
		if err != nil || u == nil {
			t.Errorf("%q: %v %v", c.reply, u, err)
			continue
		}
		if u.Product != c.wantProduct || u.Version != c.wantVers || u.Info != c.wantInfo || u.Match != Hard {
			t.Errorf("%q: product %q version %q info %q, want %q %q %q", c.reply, u.Product, u.Version, u.Info, c.wantProduct, c.wantVers, c.wantInfo)
		}
	}
}

// TestMcAfeeEPOAgent: nmap's script takes a body that is an naLog
// document, with or without a version, and no other.
func TestMcAfeeEPOAgent(t *testing.T) {
	const doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<naLog><version>%s</version><ComputerName>host1</ComputerName></naLog>"
	for _, c := range []struct {
		body, version string
		changed       bool
	}{
		{fmt.Sprintf(doc, "5.7.8.262"), "5.7.8.262", true},
		{fmt.Sprintf(doc, ""), "", true},
		{"<html><naLog><version>5.7</version></naLog></html>", "", false},
		{"<?xml version=\"1.0\"?><html/><naLog>", "", false},
	} {
		env := pipeEnv(func(string) string {
			return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", len(c.body), c.body)
		})
		p := &Port{Number: 8081, Proto: "tcp", Intensity: 7, Service: &result.Service{Name: "http"}}
		u, err := McAfeeEPOAgent{}.Detect(context.Background(), env, p)
		if err != nil {
			t.Fatalf("%q: %v", c.body, err)
		}
		if (u != nil) != c.changed {
			t.Errorf("%q: %+v, want a change: %v", c.body, u, c.changed)
			continue
		}
		if u != nil && (u.Version != c.version || u.Hostname != "host1" || u.Product != "McAfee ePolicy Orchestrator Agent") {
			t.Errorf("%q: %+v", c.body, u)
		}
	}
}

// bannerEnv sends banner on every connection at once, then closes it.
func bannerEnv(banner string) *Env {
	return &Env{Wait: time.Second, Trace: func(string, ...any) {},
		Dial: func(ctx context.Context, ssl bool) (net.Conn, error) {
			c, s := net.Pipe()
			go func() {
				defer s.Close()
				s.SetDeadline(time.Now().Add(2 * time.Second))
				s.Write([]byte(banner))
			}()
			return c, nil
		}}
}

// TestRFC868Time: nmap's rfc868-time changes only a port named time, by
// the answer's length, whatever the clock says.
func TestRFC868Time(t *testing.T) {
	for _, c := range []struct {
		name, banner, info string
	}{
		{"time", "\xee\xbf\xea\x29", "32 bits"},
		{"time", "\x00\x00\x00\x01", "32 bits"}, // 1900: still named
		{"time", "\x00\x00\x00\x00\xee\xbf\xea\x29", "64 bits"},
		{"time", "\xee\xbf\xea\x29\x00", ""},
		{"daytime", "\xee\xbf\xea\x29", ""}, // another line named the port
	} {
		p := &Port{Number: 37, Proto: "tcp", Intensity: 7, Service: &result.Service{Name: c.name}}
		u, err := RFC868Time{}.Detect(context.Background(), bannerEnv(c.banner), p)
		switch {
		case c.info == "" && u != nil:
			t.Errorf("%s %q: %+v, want no change", c.name, c.banner, u)
		case c.info != "" && (err != nil || u == nil || u.Info != c.info || u.Name != "time" || u.Match != Hard):
			t.Errorf("%s %q: %+v %v, want time (%s)", c.name, c.banner, u, err, c.info)
		}
	}
}

// TestSNMPProduct: snmp-info puts the walk's product first unless it is
// the generic "SNMPv3 server", whichever kind of line gave it: a
// softmatch's own product stays too (the crafted Microsoft agent's
// evidence, with another walk's answer).
func TestSNMPProduct(t *testing.T) {
	for walk, want := range map[string]string{
		"":                  "net-snmp SNMPv3 server",
		"SNMPv3 server":     "net-snmp SNMPv3 server",
		"SNMPv1 server":     "SNMPv1 server; net-snmp SNMPv3 server",
		"Cisco SNMP agent":  "Cisco SNMP agent; net-snmp SNMPv3 server",
		"SNMPv3 server (x)": "SNMPv3 server (x); net-snmp SNMPv3 server",
	} {
		if got := snmpProduct(walk, "net-snmp"); got != want {
			t.Errorf("after %q: %q, want %q", walk, got, want)
		}
	}
	e := loadEvidence(t, "testdata/evidence/snmp-info/crafted-microsoft-softmatch.txt")
	e.Before["product"], e.Hard = "Windows SNMP agent", false
	svc, _, _ := replay(t, SNMPInfo{}, e)
	if want := "Windows SNMP agent; Microsoft SNMPv3 server"; svc.Product != want {
		t.Errorf("after a softmatch's product: %q, want %q", svc.Product, want)
	}
}

// TestENIPNamed: enip-info names the port only for a ListIdentity reply
// whose identity item is whole, state byte included.
func TestENIPNamed(t *testing.T) {
	e := loadEvidence(t, "testdata/evidence/enip-info/1756-en2t-tcp.txt")
	full := e.Exchanges[len(e.Exchanges)-1].Reply
	if !enipNamed(full) {
		t.Fatalf("the 1756-EN2T's reply is not taken: %q", full)
	}
	noItem := append([]byte(nil), full[:26]...) // header and an item count, no item
	noItem[24] = 0
	cut := full[:len(full)-1] // the state byte missing
	other := append([]byte(nil), full...)
	other[26] = 0x86 // another item type
	for name, b := range map[string][]byte{"no item": noItem, "no state": cut, "another item": other} {
		if enipNamed(b) {
			t.Errorf("%s: taken", name)
		}
		p := &Port{Number: 44818, Proto: "tcp", Intensity: 7, Service: &result.Service{Name: "EtherNet-IP-2"}}
		reply := b
		env := pipeEnv(func(string) string { return string(reply) })
		if u, _ := (ENIPInfo{}).Detect(context.Background(), env, p); u != nil {
			t.Errorf("%s: %+v, want no change", name, u)
		}
	}
}

// TestIAX2Pong: iax2-version takes a 12-byte control frame, PONG or ACK,
// and nothing longer.
func TestIAX2Pong(t *testing.T) {
	frame := func(sub byte, extra ...byte) string {
		return string(append([]byte{0x80, 1, 0x80, 0, 0, 0, 0, 3, 0, 1, 6, sub}, extra...))
	}
	for _, c := range []struct {
		reply string
		want  bool
	}{
		{frame(0x03), true},
		{frame(0x04), true},
		{frame(0x03, 0), false}, // an information element after it
		{frame(0x05), false},
	} {
		p := &Port{Number: 4569, Proto: "udp", Intensity: 7, Service: &result.Service{Name: "iax2"}}
		reply := c.reply
		u, _ := IAX2Version{}.Detect(context.Background(), pipeEnv(func(string) string { return reply }), p)
		if (u != nil) != c.want {
			t.Errorf("%q: %+v, want a change: %v", c.reply, u, c.want)
		}
	}
}
