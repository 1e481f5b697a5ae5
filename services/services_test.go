package services

import (
	"os"
	"testing"

	"github.com/signetscan/signet/internal/testenv"
)

func TestParseLookupTop(t *testing.T) {
	src := []byte("# comment\nssh\t22/tcp\t0.18\t# Secure Shell\nsmtp 25/tcp 0.13\nunknown 32006/tcp 0.0001\nfirst 99/udp 0.1\nsecond 99/udp 0.2\n")
	tb, err := Parse("t", src)
	if err != nil {
		t.Fatal(err)
	}
	if got := tb.Lookup(22, "TCP"); got != "ssh" {
		t.Errorf("22/tcp = %q", got)
	}
	if got := tb.Lookup(99, "udp"); got != "first" { // R2: first entry wins
		t.Errorf("99/udp = %q", got)
	}
	if got := tb.Lookup(23, "tcp"); got != "" {
		t.Errorf("23/tcp = %q", got)
	}
	if top := tb.Top("tcp", 2); len(top) != 2 || top[0] != 22 || top[1] != 25 {
		t.Errorf("Top = %v", top)
	}
	if _, err := Parse("bad", []byte("x 70000/tcp\n")); err == nil || err.Error() != `bad:1: bad port/proto "70000/tcp"` {
		t.Errorf("err = %v", err)
	}
}

func TestNmapServices(t *testing.T) {
	const path = "/usr/share/nmap/nmap-services"
	if _, err := os.Stat(path); err != nil {
		testenv.Missing(t, "nmap-services not installed: %v", err)
	}
	tb, err := ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		port  int
		proto string
		want  string
	}{{25, "tcp", "smtp"}, {5000, "tcp", "upnp"}, {32006, "tcp", "unknown"}, {53, "udp", "domain"}} {
		if got := tb.Lookup(c.port, c.proto); got != c.want {
			t.Errorf("%d/%s = %q, want %q", c.port, c.proto, got, c.want)
		}
	}
	if top := tb.Top("tcp", 1000); len(top) != 1000 || top[0] != 80 {
		t.Errorf("top tcp: %d ports, first %v", len(top), top[:1])
	}
}
