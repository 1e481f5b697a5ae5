package report

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/result"
)

var t0 = time.Unix(1_800_000_000, 0)

// network makes a scan of hosts × (12 services + closed ports): every
// host has ssh, http, https, smtp, an unrecognised banner service, a DNS
// server on UDP, and more; closed ports are shown up to 25 per host.
func network(hosts, closed int) Scan {
	s := Scan{Run: &result.Run{Scanner: "signet", Version: "0.1.0", Args: []string{"signet", "-sV", "-p-", "10.0.0.0/24"}, Start: t0, VersionScan: true},
		End: &result.RunEnd{Time: t0.Add(90 * time.Second), Elapsed: 90 * time.Second, HostsUp: hosts, HostsTotal: 256}}
	for i := 0; i < hosts; i++ {
		h := &result.Host{Addr: fmt.Sprintf("10.0.%d.%d", i/250, i%250+1), Status: result.HostUp, Reason: "syn-ack"}
		if i%3 == 0 {
			h.Hostname = fmt.Sprintf("host%d.example", i)
		}
		open := func(n int, proto string, sv *result.Service) {
			h.Ports = append(h.Ports, &result.Port{Number: n, Proto: proto, State: "open", Reason: "syn-ack", Service: sv})
		}
		open(22, "tcp", &result.Service{Name: "ssh", Product: "OpenSSH", Version: "9.2p1 Debian 2+deb12u3", Info: "protocol 2.0", OS: "Linux",
			CPE: []string{"cpe:/a:openbsd:openssh:9.2p1", "cpe:/o:linux:linux_kernel"}, Method: "probed", Conf: 10})
		open(25, "tcp", &result.Service{Name: "smtp", Product: "Postfix smtpd", Hostname: "mail.example", Method: "probed", Conf: 10})
		open(80, "tcp", &result.Service{Name: "http", Product: "nginx", Version: fmt.Sprintf("1.22.%d", i%3), Method: "probed", Conf: 10})
		open(443, "tcp", &result.Service{Name: "http", Tunnel: "ssl", Product: "nginx", Version: "1.22.1", Method: "probed", Conf: 10})
		open(3306, "tcp", &result.Service{Name: "mysql", Product: "MySQL", Version: "8.0.36", Method: "probed", Conf: 10})
		open(5432, "tcp", &result.Service{Name: "postgresql", Product: "PostgreSQL DB", Version: "15.5 - 15.8", Method: "probed", Conf: 10})
		open(6379, "tcp", &result.Service{Name: "redis", Product: "Redis key-value store", Version: "7.0.15", Method: "probed", Conf: 10})
		open(8080, "tcp", &result.Service{Name: "http-proxy", Method: "table", Conf: 3})
		open(9999, "tcp", &result.Service{Name: "unknown", Method: "table", Conf: 3,
			Fingerprint: "SF-Port9999-TCP:V=signet-0.1.0%I=7%D=1/15%Time=6B2A6F00%P=x86_64-pc-linux-gnu%r(NULL,21,\"XYZZY-9\\x20ready\\r\\n\\0\\x01<b>\\\\\");",
			Replies:     []result.Reply{{Probe: "NULL", Data: []byte("XYZZY-9 ready\r\n\x00\x01<b>\\")}, {Probe: "GetRequest", Data: []byte("XYZZY-9 ready\r\nERR what?\r\n")}}})
		open(11211, "tcp", &result.Service{Name: "memcached", Product: "Memcached", Version: "1.6.18", Method: "probed", Conf: 10})
		open(53, "udp", &result.Service{Name: "domain", Product: "dnsmasq", Version: "2.89", Method: "probed", Conf: 10})
		h.Ports = append(h.Ports, &result.Port{Number: 161, Proto: "udp", State: "open|filtered", Reason: "no-response", Service: &result.Service{Name: "snmp", Method: "table", Conf: 3}})
		for c := 0; c < closed; c++ {
			h.Ports = append(h.Ports, &result.Port{Number: 20000 + c, Proto: "tcp", State: "closed", Reason: "conn-refused"})
		}
		h.Consolidate(0, 0)
		s.Hosts = append(s.Hosts, h)
	}
	return s
}

func render(t *testing.T, s Scan) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, s, Options{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var rowRE = regexp.MustCompile(`<tr class="s-[^"]*"><td data-k=`)

func TestPageHasEverything(t *testing.T) {
	s := network(8, 20)
	page := render(t, s)
	ports := 0
	for _, h := range s.Hosts {
		ports += len(h.Ports)
	}
	if got := len(rowRE.FindAllString(page, -1)); got != ports || ports != 8*32 {
		t.Fatalf("%d port rows, want %d", got, ports)
	}
	for _, want := range []string{
		"Scan report: 8 hosts up, 96 open ports",
		`<dd>8 up of 256</dd>`,
		`<code>signet -sV -p- 10.0.0.0/24</code>`,
		`<dd>2027-01-15 08:01:30 UTC (1m30s)</dd>`,
		// services, by open ports: http twice per host, ssl/http once
		`<a class="q" href="#q=service%3ahttp">http</a></td><td class="n">8</td><td class="n">8</td>`,
		`<a class="q" href="#q=service%3assl%2fhttp">ssl/http</a></td><td class="n">8</td>`,
		`href="#q=service%3ahttp-proxy">http-proxy</a>`,
		// versions: nginx 1.22.1 on port 80 of three hosts and
		// on 443 of all; the quoted search keeps the spaces
		`<a class="q" href="#q=product%3a%22redis%20key-value%20store%22%20version%3a7.0.15">Redis key-value store</a></td><td>7.0.15</td><td>redis</td><td class="n">8</td>`,
		`<td>1.22.1</td><td>ssl/http</td><td class="n">8</td><td class="n">8</td>`,
		`<td>1.22.1</td><td>http</td><td class="n">3</td><td class="n">3</td>`,
		// the table: the service column is nmap's, a guess has "?"
		`<td>8080</td><td>tcp</td><td title="syn-ack">open</td><td>http-proxy?</td>`,
		`<td>protocol 2.0 <span class="cpe">cpe:/a:openbsd:openssh:9.2p1 cpe:/o:linux:linux_kernel</span>`,
		`10.0.0.4 <span class="dim">host3.example</span>`,
		// hosts
		`<td class="n">12</td><td class="n">32</td><td></td></tr>`,
		// unrecognised: complete replies, escapes set apart, HTML escaped
		`<h3>10.0.0.1 port 9999/tcp <span class="dim">unknown</span></h3>`,
		`<p class="probe">NULL <span class="dim">21 bytes</span></p><pre>XYZZY-9 ready
<span class="e">\x00\x01</span>&lt;b&gt;<span class="e">\\</span></pre>`,
		`<p class="probe">GetRequest <span class="dim">26 bytes</span></p><pre>XYZZY-9 ready
ERR what?
</pre>`,
		`<td><a href="#u0">unknown</a></td>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(page, "<b>") {
		t.Error("a reply's <b> reached the page unescaped")
	}
}

// TestPageFromFingerprint: without raw replies (XML input), the replies
// come from the fingerprint; a port with nothing to show has no entry.
func TestPageFromFingerprint(t *testing.T) {
	s := network(1, 0)
	for _, p := range s.Hosts[0].Ports {
		if p.Service != nil {
			p.Service.Replies = nil
		}
	}
	page := render(t, s)
	// The fingerprint declares 0x21 bytes and keeps 21.
	for _, want := range []string{
		`<p class="probe">NULL <span class="dim">33 bytes, 12 not shown</span></p><pre>XYZZY-9 ready
<span class="e">\x00\x01</span>&lt;b&gt;<span class="e">\\</span></pre>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if n := strings.Count(page, "<article "); n != 1 {
		t.Errorf("%d unrecognised services, want 1 (a table guess without replies has none)", n)
	}
	if !strings.Contains(render(t, Scan{}), "None: every open port") {
		t.Error("empty scan: no words for no unrecognised services")
	}
}

// TestSelfContained: nothing in the page names a resource to load, and
// the Content-Security-Policy forbids every load but the page's own
// inline style and script, whose hashes it carries.
func TestSelfContained(t *testing.T) {
	page := render(t, network(2, 3))
	for _, bad := range []string{" src=", "<link", "url(", "@import", "<iframe", "<img", "<object", "http://", "https://"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no Content-Security-Policy")
	}
	policy := html.UnescapeString(m[1])
	for _, want := range []string{"default-src 'none'", "style-src '" + hash(pageCSS) + "'", "script-src '" + hash(pageJS) + "'"} {
		if !strings.Contains(policy, want) {
			t.Errorf("CSP %q lacks %q", m[1], want)
		}
	}
	if !strings.Contains(page, "<style>"+pageCSS+"</style>") || !strings.Contains(page, "<script>"+pageJS+"</script>") {
		t.Error("inline style or script not the bytes hashed")
	}
}

// TestHostileStrings: a server controls its banner, hence product,
// version, fingerprint and replies; none of it becomes markup.
func TestHostileStrings(t *testing.T) {
	evil := `</td><script>alert(1)</script><img src=x onerror=alert(2)>"'&`
	s := Scan{Hosts: []*result.Host{{Addr: "10.0.0.1", Status: "up", Hostname: evil, Ports: []*result.Port{
		{Number: 1, Proto: "tcp", State: "open", Reason: evil, Service: &result.Service{Name: evil, Product: evil, Version: evil, Info: evil,
			CPE: []string{evil}, Method: "table", Replies: []result.Reply{{Probe: evil, Data: []byte(evil)}}}}}}}}
	page := render(t, s)
	if strings.Contains(page, "<script>alert") || strings.Contains(page, "<img") || strings.Contains(page, "</td><script") {
		t.Fatalf("hostile text became markup:\n%s", page)
	}
	if c := strings.Count(page, "&lt;script&gt;alert(1)&lt;/script&gt;"); c < 8 {
		t.Errorf("hostile text shown escaped %d times, want it in every field", c)
	}
}

func TestView(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
		more int
	}{
		{"abc\r\ndef", 100, "abc\ndef", 0},
		{"a\rb", 100, `a[\x0d]b`, 0},
		{"\x00\xff\\x", 100, `[\x00\xff\\]x`, 0},
		{"tab\there\n", 100, "tab\there\n", 0},
		{"0123456789", 4, "0123", 6},
		{"ab\r", 100, `ab[\x0d]`, 0},
	} {
		v := view("P", []byte(c.in), len(c.in), c.max)
		var b strings.Builder
		for _, s := range v.Text {
			if s.Esc {
				b.WriteString("[" + s.S + "]")
			} else {
				b.WriteString(s.S)
			}
		}
		if b.String() != c.want || v.More != c.more {
			t.Errorf("view(%q) = %q (+%d), want %q (+%d)", c.in, b.String(), v.More, c.want, c.more)
		}
	}
}
