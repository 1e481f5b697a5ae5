package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/testenv"
)

func TestUnescapeC(t *testing.T) {
	for in, want := range map[string]string{
		`GET / HTTP/1.0\r\n\r\n`: "GET / HTTP/1.0\r\n\r\n",
		`\0\x01\xFFa\\b\|`:       "\x00\x01\xffa\\b|",
		`\t\a\b\f\v`:             "\t\a\b\f\v",
		`\xZZ`:                   "xZZ",
	} {
		if got := unescapeC(in); string(got) != want {
			t.Errorf("unescapeC(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLoadNmapProbes(t *testing.T) {
	f := filepath.Join(t.TempDir(), "probes")
	os.WriteFile(f, []byte("# c\nProbe TCP NULL q||\nProbe TCP GetRequest q|GET / HTTP/1.0\\r\\n\\r\\n|\nProbe UDP X q|u|\n"), 0o644)
	m, err := loadNmapProbes(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != 2 || len(m["NULL"]) != 0 || string(m["GetRequest"]) != "GET / HTTP/1.0\r\n\r\n" {
		t.Fatalf("got %q", m)
	}
}

func TestCheckLoopback(t *testing.T) {
	for _, a := range []string{"127.0.0.1:1", "[::1]:22", "127.1.2.3:80"} {
		if err := checkLoopback(a); err != nil {
			t.Errorf("%s: %v", a, err)
		}
	}
	for _, a := range []string{"10.0.0.1:22", "localhost:22", "example.com:80", "[::]:1", "0.0.0.0:1"} {
		if err := checkLoopback(a); err == nil {
			t.Errorf("%s accepted", a)
		}
	}
}

func TestClientHello(t *testing.T) {
	b, err := clientHello()
	if err != nil || len(b) < 50 || b[0] != 0x16 || b[5] != 0x01 {
		t.Fatalf("clientHello() = % x..., %v", b[:min(len(b), 8)], err)
	}
}

func TestCapture(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		testenv.Missing(t, "no loopback: %v", err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		c.Write([]byte("220 hi\r\n"))
		buf := make([]byte, 64)
		n, _ := c.Read(buf)
		c.Write(bytes.ToUpper(buf[:n]))
	}()
	got, err := capture(ln.Addr().String(), []byte("help\r\n"), false, captureConfig{wait: 2 * time.Second, idle: 300 * time.Millisecond, max: 1 << 16})
	if err != nil || string(got) != "220 hi\r\nHELP\r\n" {
		t.Fatalf("capture = %q, %v", got, err)
	}
}

func TestHandmade(t *testing.T) {
	seen := map[string]bool{}
	for _, h := range handReplies() {
		if seen[h.name] || h.from == "" {
			t.Errorf("%s: duplicate or no provenance", h.name)
		}
		seen[h.name] = true
	}
	if b := specBinaryBanner(); len(b) != 0x4c {
		t.Errorf("run E2 binary banner is %d bytes, want 0x4C", len(b))
	}
}
