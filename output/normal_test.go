package output

import (
	"strings"
	"testing"

	"github.com/signetscan/signet/result"
)

// O3, Verified E10: product 70 + version 70 + info 200 characters.
func TestO3VersionTruncation(t *testing.T) {
	p := strings.Repeat("P", 70)
	v := strings.Repeat("V", 70)
	alpha := "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	info := strings.Repeat(alpha, 8)[:200]
	got := VersionString(p, v, info)
	want := p + " " + v + " (ABCDEFGHIJKL...)"
	if got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	if len(got) != versionBufSize-1 {
		t.Fatalf("len %d, want %d", len(got), versionBufSize-1)
	}
}

func TestO3VersionPieces(t *testing.T) {
	cases := []struct{ p, v, i, want string }{
		{"OpenSSH", "8.9p1 Ubuntu 3ubuntu0.1", "Ubuntu Linux; protocol 2.0", "OpenSSH 8.9p1 Ubuntu 3ubuntu0.1 (Ubuntu Linux; protocol 2.0)"},
		{"", "raw..end", "", "raw..end"},
		{"", "", "info", "(info)"},
		{"", "", "", ""},
		{strings.Repeat("x", 200), "1.0", "i", strings.Repeat("x", 156) + "..."},
		{strings.Repeat("x", 152), "1.0", "i", strings.Repeat("x", 152)}, // 7 left: version skipped
	}
	for _, c := range cases {
		if got := VersionString(c.p, c.v, c.i); got != c.want {
			t.Errorf("VersionString(%q,%q,%q) = %q, want %q", c.p, c.v, c.i, got, c.want)
		}
	}
}

// O1, O2, Verified E1: column widths and the SERVICE cell.
func TestO1PortTable(t *testing.T) {
	ports := []*result.Port{
		{Number: 2222, Proto: "tcp", State: "open", Service: &result.Service{Name: "ssh", Product: "OpenSSH", Version: "8.9p1 Ubuntu 3ubuntu0.1", Info: "Ubuntu Linux; protocol 2.0", Method: "probed", Conf: 10}},
		{Number: 2525, Proto: "tcp", State: "open", Service: &result.Service{Name: "smtp-proxy", Product: "PineApp Mail-SeCure smtp proxy", Method: "probed", Conf: 10}},
		{Number: 5000, Proto: "tcp", State: "open", Service: &result.Service{Name: "upnp", Method: "table", Conf: 3}},
		{Number: 5001, Proto: "tcp", State: "open", Service: &result.Service{Name: "x", Tunnel: "ssl", Method: "table", Conf: 3}},
		{Number: 32054, Proto: "udp", State: "open|filtered", Service: &result.Service{Name: "tcpwrapped", Method: "probed", Conf: 8}},
	}
	want := "" +
		"PORT      STATE         SERVICE    VERSION\n" +
		"2222/tcp  open          ssh        OpenSSH 8.9p1 Ubuntu 3ubuntu0.1 (Ubuntu Linux; protocol 2.0)\n" +
		"2525/tcp  open          smtp-proxy PineApp Mail-SeCure smtp proxy\n" +
		"5000/tcp  open          upnp?\n" +
		"5001/tcp  open          ssl/x?\n" +
		"32054/udp open|filtered tcpwrapped\n"
	if got := PortTable(ports, true, false); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

// R6, Verified E2 and E3.
func TestR6ServiceInfo(t *testing.T) {
	open := func(s *result.Service) *result.Port { return &result.Port{State: "open", Service: s} }
	ports := []*result.Port{
		open(&result.Service{OS: "Linux", CPE: []string{"cpe:/a:openbsd:openssh:8.9p1", "cpe:/o:linux:linux_kernel"}}),
		open(&result.Service{Hostname: "mail.example.test", OS: "Windows", CPE: []string{"cpe:/o:microsoft:windows"}}),
		open(&result.Service{OS: "Unix"}),
		open(&result.Service{Hostname: "MAIL.example.test"}),
		{State: "closed", Service: &result.Service{OS: "Hidden"}},
	}
	want := "Service Info: Host: mail.example.test; OSs: Linux, Windows, Unix; CPE: cpe:/o:linux:linux_kernel, cpe:/o:microsoft:windows"
	if got := ServiceInfo(ports, ""); got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	ports = []*result.Port{open(&result.Service{Hostname: "Foo.Bar", OS: "Test OS", Device: "test dev", CPE: []string{"cpe:/o:Foo:foo.bar Q&A"}})}
	want = "Service Info: Host: Foo.Bar; OS: Test OS; Device: test dev; CPE: cpe:/o:Foo:foo.bar Q&A"
	if got := ServiceInfo(ports, ""); got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	if got := ServiceInfo(nil, ""); got != "" {
		t.Fatalf("empty host: got %q", got)
	}
}
