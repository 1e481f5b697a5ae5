//go:build integration

package fingerprint

import (
	"bytes"
	"context"
	"math/rand"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/testenv"
)

// The probe file: NULL plus three probes, no match lines, so every port
// stays unrecognised and every probe runs (rarity 5 ≤ intensity 7).
const itProbes = `Probe TCP NULL q||
totalwaitms 1000
Probe TCP PA q|A\r\n|
totalwaitms 600
Probe TCP PB q|B\r\n|
totalwaitms 600
Probe TCP PC q|C\r\n|
totalwaitms 600
`

var itProbeNames = []string{"PA", "PB", "PC"}

// itServer sends banner on every connection, then, on the first data it
// receives, prefix + the first byte received + suffix, and keeps the
// connection open until the client closes it.
type itServer struct {
	name           string
	banner         []byte
	prefix, suffix []byte
	ln             net.Listener
	port           int
}

func (s *itServer) reply(probe string) []byte {
	r := append(append([]byte{}, s.prefix...), probe[1]) // the payload's first byte
	return append(r, s.suffix...)
}

// responses are what nmap records (F1, S6): the NULL banner, then for each
// probe banner + reply — the first probe on the NULL connection (banner
// kept), the others on new connections (banner sent again).
func (s *itServer) responses() (names []string, data [][]byte) {
	if len(s.banner) > 0 {
		names, data = append(names, "NULL"), append(data, s.banner)
	}
	for _, p := range itProbeNames {
		names = append(names, p)
		data = append(data, append(append([]byte{}, s.banner...), s.reply(p)...))
	}
	return names, data
}

func (s *itServer) serve(t *testing.T, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 100; i++ { // nmap opens 1 + 2 connections per port, and a SYN probe
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer c.Close()
			c.SetDeadline(time.Now().Add(30 * time.Second))
			if len(s.banner) > 0 {
				if _, err := c.Write(s.banner); err != nil {
					return
				}
			}
			buf := make([]byte, 4096)
			n, err := c.Read(buf)
			if err != nil || n == 0 {
				return
			}
			if _, err := c.Write(s.reply("?" + string(buf[:1]))); err != nil {
				return
			}
			for i := 0; i < 1000; i++ {
				if _, err := c.Read(buf); err != nil {
					return
				}
			}
		}()
	}
}

// nmapInfo returns nmap's version and platform (the V= and P= of headers).
func nmapInfo(t *testing.T, path string) (string, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, "--version").Output()
	if err != nil {
		testenv.Missing(t, "nmap --version: %v", err)
	}
	v := regexp.MustCompile(`Nmap version (\S+)`).FindSubmatch(out)
	p := regexp.MustCompile(`Platform: (\S+)`).FindSubmatch(out)
	if v == nil || p == nil {
		t.Fatalf("cannot read nmap --version output: %q", out)
	}
	return string(v[1]), string(p[1])
}

// tune finds a banner and reply prefix for which the fingerprint text is
// exactly target characters long after NULL, PA and PB (so that F5 adds PC
// when target equals the limit and skips it one character later).
func tune(t *testing.T, s *itServer, hdr Fingerprint, debug bool, target int) {
	esc := 0 // bytes written as \x01 (4 characters each)
	if debug {
		esc = 700
	}
	for n := 0; n < 1200; n++ {
		for m := 0; m < 12; m++ {
			s.banner = append(bytes.Repeat([]byte{1}, esc), bytes.Repeat([]byte("x"), n)...)
			s.prefix = bytes.Repeat([]byte("r"), m)
			s.suffix = []byte("\r\n")
			b := NewBuilder(hdr, Options{Debug: debug})
			names, data := s.responses()
			for i := 0; i < 3; i++ {
				b.Add(names[i], data[i])
			}
			if b.Len() == target {
				return
			}
		}
	}
	t.Fatalf("%s: no banner gives %d characters", s.name, target)
}

func TestNmapByteExact(t *testing.T) {
	nmap, err := exec.LookPath("nmap")
	if err != nil {
		testenv.Missing(t, "nmap not installed")
	}
	version, platform := nmapInfo(t, nmap)
	rng := rand.New(rand.NewSource(7))
	random := make([]byte, 2000)
	rng.Read(random)
	var all []byte
	for i := 0; i < 256; i++ {
		all = append(all, byte(i))
	}
	// NUL before a digit right at the 900-byte and 1300-byte cuts, and elsewhere.
	nul := []byte("\x00123 \x00\x009 \x00a ")
	nul = append(nul, bytes.Repeat([]byte("n"), 899-len(nul))...)
	nul = append(nul, "\x005"...)
	nul = append(nul, bytes.Repeat([]byte("m"), 1299-len(nul))...)
	nul = append(nul, "\x007 end\x00"...)

	servers := []*itServer{
		{name: "e2-76-byte banner", banner: banner76, prefix: []byte("ERR "), suffix: []byte("\r\n")},
		{name: "2000 random bytes", banner: random, prefix: []byte("R"), suffix: []byte("\x00")},
		{name: "NUL before digits at the cuts", banner: nul, prefix: []byte("\x00"), suffix: []byte("\x009")},
		{name: "all 256 byte values", banner: all, prefix: []byte("\x00"), suffix: []byte("\x007")},
		{name: "silent until data", prefix: []byte("HELLO "), suffix: []byte(" (x) [y] $^|*+.?\\\r\n")},
		{name: "length 2200 before PC"}, {name: "length 2201 before PC"},
		{name: "length 10000 before PC (debug)"}, {name: "length 10001 before PC (debug)"},
	}
	var wg sync.WaitGroup
	var ports []string
	for _, s := range servers {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		s.ln, s.port = ln, ln.Addr().(*net.TCPAddr).Port
		ports = append(ports, strconv.Itoa(s.port))
	}
	// Headers as nmap will write them, to tune the boundary servers; Time
	// is assumed to print as 8 hex digits and the date is today's.
	now := time.Now()
	predict := func(port int) Fingerprint {
		return Fingerprint{Port: port, Proto: "TCP", Version: version, Intensity: 7, Month: int(now.Month()), Day: now.Day(), Time: 0x6B000000, Platform: platform}
	}
	tune(t, servers[5], predict(servers[5].port), false, SizeLimit)
	tune(t, servers[6], predict(servers[6].port), false, SizeLimit+1)
	tune(t, servers[7], predict(servers[7].port), true, DebugSizeLimit)
	tune(t, servers[8], predict(servers[8].port), true, DebugSizeLimit+1)
	for _, s := range servers {
		wg.Add(1)
		go s.serve(t, &wg)
	}
	defer func() {
		for _, s := range servers {
			s.ln.Close()
		}
		wg.Wait()
	}()

	dir := t.TempDir()
	probeFile := filepath.Join(dir, "it.probes")
	if err := os.WriteFile(probeFile, []byte(itProbes), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, run := range []struct {
		name  string
		debug bool
		args  []string
	}{
		{"plain", false, nil},
		{"version-trace", true, []string{"--version-trace"}},
	} {
		t.Run(run.name, func(t *testing.T) {
			normal := filepath.Join(dir, run.name+".nmap")
			xml := filepath.Join(dir, run.name+".xml")
			args := append([]string{"-sV", "-Pn", "-n", "-p", strings.Join(ports, ","), "--versiondb", probeFile,
				"-oN", normal, "-oX", xml}, run.args...)
			args = append(args, "127.0.0.1")
			ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
			defer cancel()
			start := time.Now()
			out, err := exec.CommandContext(ctx, nmap, args...).CombinedOutput()
			if err != nil {
				t.Fatalf("nmap %s: %v\n%s", strings.Join(args, " "), err, out)
			}
			t.Logf("nmap ran %v", time.Since(start).Round(time.Millisecond))
			normalText, err := os.ReadFile(normal)
			if err != nil {
				t.Fatal(err)
			}
			xmlText, err := os.ReadFile(xml)
			if err != nil {
				t.Fatal(err)
			}
			printed := map[int]string{}
			for _, blk := range splitBlocks(string(normalText)) {
				fps, err := Decode(normal, []byte(blk))
				if err != nil || len(fps) != 1 {
					t.Fatalf("decode %q: %v", blk, err)
				}
				printed[fps[0].Port] = blk
			}
			fromNormal := decodeByPort(t, normal, normalText)
			fromXML := decodeByPort(t, xml, xmlText)
			if len(printed) != len(servers) || len(fromXML) != len(servers) {
				t.Fatalf("%d fingerprints in normal output, %d in XML, want %d\n%s", len(printed), len(fromXML), len(servers), normalText)
			}
			for _, s := range servers {
				got := fromNormal[s.port]
				if got == nil {
					t.Errorf("%s: no fingerprint", s.name)
					continue
				}
				hdr := *got
				hdr.Responses = nil
				b := NewBuilder(hdr, Options{Debug: run.debug})
				names, data := s.responses()
				var before int
				for i := range names {
					if i == 3 {
						before = b.Len()
					}
					b.Add(names[i], data[i])
				}
				want := b.String()
				if printed[s.port] != want {
					t.Errorf("%s (port %d): nmap printed\n%s\nsignet built\n%s", s.name, s.port, printed[s.port], want)
				}
				if x := fromXML[s.port]; x == nil || x.XML() != strings.ReplaceAll(want, "\nSF:", "") || !reflect.DeepEqual(x, b.Fingerprint()) {
					t.Errorf("%s: XML servicefp differs", s.name)
				}
				if !reflect.DeepEqual(got, b.Fingerprint()) {
					t.Errorf("%s: decoded fingerprint differs from the recorded one", s.name)
				}
				limit := SizeLimit
				if run.debug {
					limit = DebugSizeLimit
				}
				if before == limit || before == limit+1 {
					kept := len(b.Fingerprint().Responses)
					t.Logf("%s: %d characters before PC, nmap kept %d entries", s.name, before, kept)
					if (before == limit) != (kept == 4) {
						t.Errorf("%s: F5 boundary: %d characters before PC, %d entries", s.name, before, kept)
					}
				}
			}
		})
	}
}

func decodeByPort(t *testing.T, name string, data []byte) map[int]*Fingerprint {
	t.Helper()
	fps, err := Decode(name, data)
	if err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
	m := map[int]*Fingerprint{}
	for _, fp := range fps {
		if m[fp.Port] != nil {
			t.Fatalf("%s: two fingerprints for port %d", name, fp.Port)
		}
		m[fp.Port] = fp
	}
	return m
}
