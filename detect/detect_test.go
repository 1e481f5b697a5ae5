package detect

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/signetscan/signet/internal/testenv"
	"github.com/signetscan/signet/result"
)

func TestIsHTTPStatus(t *testing.T) {
	for _, c := range []struct {
		in    string
		first byte
		want  bool
	}{
		{"HTTP/1.1 200 OK\r\n", 0, true},
		{"HTTP/1.0 301 Moved\r\n", '3', true},
		{"HTTP/1.1 200 OK\r\n", '3', false},
		{"HTTP/1x0 404 ", 0, true}, // any byte between 1 and the minor version
		{"HTTP/1.2 200 OK", 0, false},
		{"HTTP/2 200", 0, false},
		{"HTTP/1.1 2x0 OK", 0, false},
		{"HTTP/1.1 200", 0, true},
		{"HTTP/1.1 20", 0, false},
		{"", 0, false},
	} {
		if got := isHTTPStatus([]byte(c.in), c.first); got != c.want {
			t.Errorf("isHTTPStatus(%q, %q) = %v", c.in, c.first, got)
		}
	}
}

func TestHeader(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\n\r\n", "nginx/1.22.1", true},
		{"HTTP/1.1 200 OK\r\nsErVeR:\t \tZorb 1\r\n", "Zorb 1", true},
		{"HTTP/1.1 200 OK\nServer: lf-only\n", "lf-only", true},
		{"HTTP/1.1 200 OK\r\nServer:\r\n", "", true},       // empty, but present
		{"HTTP/1.1 200 OK\r\nServer: cut", "", false},      // no line end
		{"HTTP/1.1 200 OK\r\nX-Server: no\r\n", "", false}, // another header
		{"HTTP/1.1 200 OK\r\nServer: a\r\r\n", "a\r", true},
		{"Server: first line is the status\r\n", "", false},
	} {
		got, ok := header([]byte(c.in), "Server")
		if got != c.want || ok != c.ok {
			t.Errorf("header(%q) = %q %v, want %q %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestSameHTTPS(t *testing.T) {
	p := &Port{Addr: netip.MustParseAddr("127.0.0.1"), Number: 80}
	for loc, want := range map[string]bool{
		"https://:80/":              true,
		"https://127.0.0.1:80/x":    true,
		"HTTPS://127.0.0.1:80/":     true,
		"https://127.0.0.1/":        false, // 443
		"https://example.com:80/":   false,
		"http://127.0.0.1:80/":      false,
		"/login":                    false,
		"https://127.0.0.1:eighty/": false,
	} {
		if got := sameHTTPS(loc, p); got != want {
			t.Errorf("sameHTTPS(%q) = %v", loc, got)
		}
	}
	p.Number = 443
	if !sameHTTPS("https://127.0.0.1/", p) {
		t.Error("https without a port is 443")
	}
}

func TestRule(t *testing.T) {
	svc := func(name string) *result.Service { return &result.Service{Name: name} }
	for _, c := range []struct {
		p    Port
		want bool
	}{
		{Port{Number: 8080, Proto: "tcp", Intensity: 7, Service: svc("http-proxy")}, true},
		{Port{Number: 8081, Proto: "tcp", Intensity: 7, Service: svc("blackice-icecap")}, false},
		{Port{Number: 8081, Proto: "tcp", Intensity: 7, Service: svc("http")}, true},
		{Port{Number: 80, Proto: "tcp", Intensity: 6, Service: svc("http")}, false},
		{Port{Number: 80, Proto: "udp", Intensity: 7, Service: svc("http")}, false},
	} {
		if got := httpRule.Wants(&c.p); got != c.want {
			t.Errorf("httpRule.Wants(%d/%s %s i%d) = %v", c.p.Number, c.p.Proto, c.p.Service.Name, c.p.Intensity, got)
		}
	}
	r := RPCInfo{}.Rule()
	if !r.MayWant(111, "udp") || r.MayWant(2049, "tcp") || !r.Others {
		t.Error("rpcinfo's rule is port 111, TCP and UDP, naming other ports")
	}
}

// mappingsReply builds an accepted DUMP reply.
func mappingsReply(xid uint32, maps []Mapping) []byte {
	var b []byte
	for _, v := range []uint32{xid, 1, 0, 0, 0, 0} {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	for _, m := range maps {
		for _, v := range []uint32{1, m.Prog, m.Vers, m.Prot, m.Port} {
			b = binary.BigEndian.AppendUint32(b, v)
		}
	}
	return binary.BigEndian.AppendUint32(b, 0)
}

func TestParseDump(t *testing.T) {
	maps := []Mapping{{100000, 4, 6, 111}, {100000, 3, 6, 111}, {100000, 2, 6, 111}, {100005, 3, 17, 20048}, {100005, 1, 17, 20048}, {100021, 4, 6, 0}}
	got, err := ParseDump(mappingsReply(7, maps), 7)
	if err != nil || len(got) != len(maps) {
		t.Fatalf("got %v %v", got, err)
	}
	regs := groupMappings(got)
	if len(regs) != 2 || regs[0].versions() != "2-4" || regs[1].versions() != "1-3" || regs[1].proto != "udp" {
		t.Errorf("grouped %+v", regs)
	}
	if _, err := ParseDump(mappingsReply(7, maps), 8); err == nil {
		t.Error("a reply to another xid is refused")
	}
	full := mappingsReply(7, maps)
	for n := 0; n < len(full)-4; n += 3 {
		if _, err := ParseDump(full[:n], 7); err == nil {
			t.Errorf("a reply cut at %d bytes is refused", n)
		}
	}
	denied := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, 7), 1), 1)
	if _, err := ParseDump(denied, 7); err == nil || !strings.Contains(err.Error(), "denied") {
		t.Errorf("denied: %v", err)
	}
}

func TestReadRecord(t *testing.T) {
	var b bytes.Buffer
	b.Write(binary.BigEndian.AppendUint32(nil, 3))
	b.WriteString("abc")
	b.Write(binary.BigEndian.AppendUint32(nil, 0x80000002))
	b.WriteString("de")
	got, err := readRecord(&b, 100)
	if err != nil || string(got) != "abcde" {
		t.Fatalf("got %q %v", got, err)
	}
	b.Reset()
	b.Write(binary.BigEndian.AppendUint32(nil, 0x80000000|200))
	if _, err := readRecord(&b, 100); err == nil {
		t.Error("a record over the limit is refused")
	}
}

// TestRPCNamesAsNmap: every name of the table is the one nmap prints,
// read from nmap's own nmap-rpc at run time.
func TestRPCNamesAsNmap(t *testing.T) {
	f, err := os.Open("/usr/share/nmap/nmap-rpc")
	if err != nil {
		testenv.Missing(t, "nmap is not installed: %v", err)
	}
	defer f.Close()
	nmap := map[uint32]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		if n, err := strconv.ParseUint(fields[1], 10, 32); err == nil {
			if _, dup := nmap[uint32(n)]; !dup {
				nmap[uint32(n)] = fields[0]
			}
		}
	}
	for prog, name := range rpcNames {
		if nmap[prog] != name {
			t.Errorf("program %d: ours %q, nmap's %q", prog, name, nmap[prog])
		}
	}
}

func TestApply(t *testing.T) {
	svc := &result.Service{Name: "http-proxy", Method: result.MethodTable, Conf: 3}
	Apply(svc, "http-server-header", []Field{FProduct}, &Update{Product: "Zorb", Version: "ignored: not in Sets"})
	if svc.Product != "Zorb" || svc.Version != "" || svc.Method != "probed" || svc.Conf != 10 || svc.Sources["product"] != "http-server-header" {
		t.Errorf("got %+v", svc)
	}
	svc.Fingerprint = "SF-Port8080-TCP:..."
	Apply(svc, "x", nil, &Update{Match: Soft})
	if svc.Fingerprint == "" {
		t.Error("a softmatch keeps the fingerprint")
	}
	Apply(svc, "x", nil, &Update{Match: Hard})
	if svc.Fingerprint != "" {
		t.Error("a hard match drops the fingerprint")
	}
	probed := &result.Service{Name: "ssh", Method: result.MethodProbed, Conf: 10}
	if _, ok := ApplyName(probed, "rpcinfo", PortName{Name: "nfs"}); ok || probed.Name != "ssh" {
		t.Error("a probed answer keeps its name unless forced")
	}
	if s, ok := ApplyName(nil, "rpcinfo", PortName{Name: "", Version: "1", Info: "RPC #400123", Force: true}); !ok || s.Name != "" || s.Version != "1" {
		t.Errorf("an unnamed program: %+v", s)
	}
}

// TestRunDeclines: a detector's update never reaches fields it does not
// declare, and a nil update changes nothing.
func TestRunDeclines(t *testing.T) {
	p := &Port{Number: 80, Proto: "tcp", Intensity: 7, Service: &result.Service{Name: "http", Product: "nginx", Method: "probed", Conf: 10}}
	res, err := Run(context.Background(), HTTPServerHeader{}, &Env{}, p)
	if err != nil || res != nil {
		t.Errorf("a product already known: %+v %v", res, err)
	}
}

func FuzzParseDump(f *testing.F) {
	f.Add(mappingsReply(1, []Mapping{{100000, 2, 6, 111}}), uint32(1))
	f.Add([]byte{0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff}, uint32(1))
	f.Fuzz(func(t *testing.T, b []byte, xid uint32) {
		maps, err := ParseDump(b, xid)
		if err == nil {
			groupMappings(maps)
		}
	})
}

func FuzzParseEvidence(f *testing.F) {
	f.Add("port 80/tcp\nservice name=http hard\nexpect name=http tunnel=ssl\n> \"GET /\"\n< \"HTTP/1.1 301\"\n")
	f.Add("port 111/udp\nxid 0\nservice name=\"a b\"\nexpect x=\"\\\"\"\nother port=1/tcp name=\n")
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseEvidence("f", strings.NewReader(s))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f:") {
				t.Errorf("error without position: %v", err)
			}
			return
		}
		if _, err := ParseEvidence("f", bytes.NewReader(e.Format(nil))); err != nil {
			t.Errorf("Format does not read back: %v", err)
		}
	})
}
