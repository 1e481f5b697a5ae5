package targets

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fakeResolver answers from a map; nothing leaves the machine.
type fakeResolver map[string][]string

func (f fakeResolver) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []netip.Addr
	for _, s := range f[strings.TrimSuffix(host, ".")] {
		a := netip.MustParseAddr(s)
		if network == "ip4" && !a.Is4() || network == "ip6" && !a.Is6() {
			continue
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, errors.New("no such host")
	}
	return out, nil
}

var dns = fakeResolver{
	"scanme.example.org": {"2001:db8::5", "192.0.2.10", "192.0.2.11"},
	"v6only.example":     {"2001:db8::7"},
	"gw":                 {"10.9.9.1"},
}

// collect returns every target and error of l as strings.
func collect(t *testing.T, l *List) (got []string, errs []string) {
	t.Helper()
	for tg, err := range l.All(context.Background()) {
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		got = append(got, tg.String())
	}
	return got, errs
}

func run(t *testing.T, tokens ...string) []string {
	t.Helper()
	l := &List{Resolver: dns}
	if err := l.Add(tokens...); err != nil {
		t.Fatalf("Add(%q): %v", tokens, err)
	}
	got, errs := collect(t, l)
	if len(errs) > 0 {
		t.Fatalf("%q: %v", tokens, errs)
	}
	return got
}

// The expected lists are what `nmap -n -sL TOKEN` printed (7.93), except
// for host:port, an extension.
func TestTargets(t *testing.T) {
	tests := []struct {
		tok  string
		want string // targets joined by " "; "…" marks a prefix of a longer list
		n    uint64 // Spec.Count
	}{
		{"192.168.0.1", "192.168.0.1", 1},
		{"010.0.0.1", "10.0.0.1", 1}, // nmap reads decimal with leading zeros
		{"::1", "::1", 1},
		{"2001:db8::1", "2001:db8::1", 1},
		{"fe80::1%eth0", "fe80::1%eth0", 1},
		{"[2001:db8::2]", "2001:db8::2", 1},
		{"10.0.0.0/30", "10.0.0.0 10.0.0.1 10.0.0.2 10.0.0.3", 4},
		{"10.0.0.7/30", "10.0.0.4 10.0.0.5 10.0.0.6 10.0.0.7", 4}, // host bits dropped
		{"10.0.0.1/32", "10.0.0.1", 1},
		{"10.0.0.0/8", "10.0.0.0 10.0.0.1 10.0.0.2…", 1 << 24},
		{"0.0.0.0/0", "0.0.0.0 0.0.0.1…", 1 << 32}, // nmap accepts /0
		{"fe80::/126", "fe80:: fe80::1 fe80::2 fe80::3", 4},
		{"fe80::/120", "fe80:: fe80::1…", 256},
		{"2001:db8::/96", "2001:db8:: 2001:db8::1…", 1 << 32},
		{"10.0.0.1-3", "10.0.0.1 10.0.0.2 10.0.0.3", 3},
		{"10.0.0.5,1", "10.0.0.1 10.0.0.5", 2}, // nmap sorts octet lists
		{"10.0.0.1,3-4", "10.0.0.1 10.0.0.3 10.0.0.4", 3},
		{"192.168.1-3.1-254", "192.168.1.1 192.168.1.2…", 3 * 254},
		{"10.0.0.*", "10.0.0.0 10.0.0.1…", 256},
		{"10.0.0.-", "10.0.0.0 10.0.0.1…", 256},
		{"10.0.0.250-", "10.0.0.250 10.0.0.251 10.0.0.252 10.0.0.253 10.0.0.254 10.0.0.255", 6},
		{"10.0.0.-2", "10.0.0.0 10.0.0.1 10.0.0.2", 3},
		{"10.0-1.*.1", "10.0.0.1 10.0.1.1 10.0.2.1…", 512},                                              // last octet fastest
		{"10.0.0.1-5/30", "10.0.0.0 10.0.0.1 10.0.0.2 10.0.0.3 10.0.0.4 10.0.0.5 10.0.0.6 10.0.0.7", 8}, // nmap: 0-7
		{"192.168.1-2.0/24", "192.168.1.0 192.168.1.1…", 512},
		{"scanme.example.org", "scanme.example.org (192.0.2.10)", 1}, // first IPv4 address, like nmap
		{"scanme.example.org.", "scanme.example.org. (192.0.2.10)", 1},
		{"v6only.example", "v6only.example (2001:db8::7)", 1},
		{"gw/30", "10.9.9.0 10.9.9.1 10.9.9.2 10.9.9.3", 1},
		{"1.2.3.4:80", "1.2.3.4 port 80/tcp", 1},
		{"[2001:db8::1]:443", "2001:db8::1 port 443/tcp", 1},
		{"gw:8080", "gw (10.9.9.1) port 8080/tcp", 1},
		{"10.0.0.1-2:22", "10.0.0.1 port 22/tcp 10.0.0.2 port 22/tcp", 2},
		{"1.2.3.4:0", "1.2.3.4 port 0/tcp", 1},
	}
	for _, tc := range tests {
		s, err := Parse(tc.tok)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.tok, err)
			continue
		}
		if s.Count() != tc.n {
			t.Errorf("Parse(%q).Count() = %d, want %d", tc.tok, s.Count(), tc.n)
		}
		want, prefix := strings.CutSuffix(tc.want, "…")
		l := &List{Resolver: dns}
		if err := l.Add(tc.tok); err != nil {
			t.Fatal(err)
		}
		var got []string
		n := len(strings.Fields(want))
		for tg, err := range l.All(context.Background()) {
			if err != nil {
				t.Errorf("%q: %v", tc.tok, err)
				break
			}
			got = append(got, tg.String())
			if prefix && len(strings.Fields(strings.Join(got, " "))) >= n {
				break // a /8 or /0 streams: stop early
			}
		}
		if g := strings.Join(got, " "); g != want {
			t.Errorf("%q: got %s, want %s", tc.tok, g, tc.want)
		}
	}
}

func TestBadTargets(t *testing.T) {
	for tok, want := range map[string]string{
		"10.0.0.300":         `bad target "10.0.0.300": octet 300 out of range`,
		"10.0.0.5-3":         `bad target "10.0.0.5-3": octet range 5-3 is backwards`,
		"1.2.3":              `bad target "1.2.3": an IPv4 address has 4 octets, not 3`,
		"1.2.3.4.5":          `bad target "1.2.3.4.5": an IPv4 address has 4 octets, not 5`,
		"10..0.1":            `bad target "10..0.1": octet 2 is empty`,
		"10.0.0.1,,2":        `bad target "10.0.0.1,,2": empty item in an octet list`,
		"10.0.0.1/33":        `bad target "10.0.0.1/33": netmask /33 out of range 0-32`, // nmap assumes /32
		"10.0.0.1/0x":        `bad target "10.0.0.1/0x": bad netmask "/0x"`,
		"10.0.0.1/":          `bad target "10.0.0.1/": bad netmask "/"`,
		"/24":                `bad target "/24": no address before the netmask`,
		"fe80::/64":          `bad target "fe80::/64": IPv6 /64 is 2^64 addresses; the largest block allowed is /96`,
		"fe80::/129":         `bad target "fe80::/129": netmask /129 out of range`,
		"fe80::1%eth0/120":   `bad target "fe80::1%eth0/120": an IPv6 zone cannot take a netmask`,
		"2001:db8::g":        `bad target "2001:db8::g": not an IPv6 address`,
		"1.2.3.4:99999":      `bad target "1.2.3.4:99999": port 99999 out of range 0-65535`,
		"1.2.3.4:http":       `bad target "1.2.3.4:http": bad port "http"`,
		"1.2.3.4:999999x":    `bad target "1.2.3.4:999999x": bad port "999999x"`,
		"1.2.3.4:":           `bad target "1.2.3.4:": no port after ":"`,
		":80":                `bad target ":80": no host before the port`,
		"[2001:db8::1":       `bad target "[2001:db8::1": missing "]"`,
		"[2001:db8::1]x":     `bad target "[2001:db8::1]x": want [address]:port`,
		"-host":              `bad target "-host": host name label "-host" starts or ends with "-"`,
		"bad!name":           `bad target "bad!name": not an address, a range or a host name ('!')`,
		"a..b":               `bad target "a..b": empty label in host name`,
		"":                   `bad target "": empty`,
		"10.0.0.1-2000":      `bad target "10.0.0.1-2000": octet 2000 out of range`,
		"10.0.0.99999999999": `bad target "10.0.0.99999999999": octet 99999999999 out of range`,
	} {
		_, err := Parse(tok)
		if err == nil || err.Error() != want {
			t.Errorf("Parse(%q) = %v, want %s", tok, err, want)
		}
	}
	// Add reports every bad token, one line each, and keeps the good ones.
	l := &List{Resolver: dns}
	err := l.Add("10.0.0.1", "10.0.0.300", "x..y")
	if err == nil || strings.Count(err.Error(), "\n") != 1 {
		t.Errorf("Add: %v", err)
	}
	if got, _ := collect(t, l); !slices.Equal(got, []string{"10.0.0.1"}) {
		t.Errorf("Add kept %v", got)
	}
}

func TestResolve(t *testing.T) {
	l := &List{Resolver: dns, ResolveAll: true}
	l.Add("scanme.example.org", "nosuch.example", "10.0.0.1")
	got, errs := collect(t, l)
	if want := []string{"scanme.example.org (2001:db8::5)", "scanme.example.org (192.0.2.10)", "scanme.example.org (192.0.2.11)", "10.0.0.1"}; !slices.Equal(got, want) {
		t.Errorf("ResolveAll: %v", got)
	}
	// A failed look-up is one error, and iteration goes on (nmap: Failed to resolve).
	if len(errs) != 1 || errs[0] != `failed to resolve "nosuch.example": no such host` {
		t.Errorf("errors: %q", errs)
	}
	l = &List{Resolver: dns, Network: "ip6"}
	l.Add("scanme.example.org")
	if got, _ := collect(t, l); !slices.Equal(got, []string{"scanme.example.org (2001:db8::5)"}) {
		t.Errorf("ip6: %v", got)
	}
	l = &List{Resolver: dns}
	l.Add("v6only.example/64")
	if _, errs := collect(t, l); len(errs) != 1 || !strings.Contains(errs[0], "largest block allowed is /96") {
		t.Errorf("v6 name/64: %v", errs)
	}
	var e *Error
	l = &List{Resolver: dns}
	l.Add("nosuch.example")
	for _, err := range l.All(context.Background()) {
		if !errors.As(err, &e) || e.Token != "nosuch.example" || e.Err == nil {
			t.Errorf("error type: %#v", err)
		}
	}
}

const inputList = `# nmap -iL: whitespace-separated, # comments
10.0.0.1 10.0.0.2	# two on a line
  gw
10.0.0.300
#masscan
open tcp 80 192.0.2.1 1690000000
open udp 53 192.0.2.2 1690000000
closed tcp 81 192.0.2.1 1690000000
banner tcp 80 192.0.2.1 1690000000 http HTTP/1.0 200 OK
open tcp 22 2001:db8::9 1690000000
# end
Discovered open port 443/tcp on 192.0.2.3
Discovered open port 8443/tcp on 2001:db8::3
192.0.2.4:8080
[2001:db8::4]:9090
{"host":"www.example.org","ip":"192.0.2.5","timestamp":"2026-01-01T00:00:00Z","port":3306,"protocol":"tcp","tls":false}
[
{   "ip": "192.0.2.6",   "timestamp": "1690000000", "ports": [ {"port": 25, "proto": "tcp", "status": "open", "reason": "syn-ack", "ttl": 64} ] },
{   "ip": "192.0.2.6",   "timestamp": "1690000000", "ports": [ {"port": 25, "proto": "tcp", "service": {"name": "smtp", "banner": "220 hi"} } ] }
]
open icmp 0 192.0.2.7 1690000000
{"nonsense": true}
`

func TestInputList(t *testing.T) {
	l := &List{Resolver: dns}
	l.AddReader("hosts.txt", strings.NewReader(inputList))
	got, errs := collect(t, l)
	want := []string{
		"10.0.0.1", "10.0.0.2", "gw (10.9.9.1)",
		"192.0.2.1 port 80/tcp", "192.0.2.2 port 53/udp", "2001:db8::9 port 22/tcp",
		"192.0.2.3 port 443/tcp", "2001:db8::3 port 8443/tcp",
		"192.0.2.4 port 8080/tcp", "2001:db8::4 port 9090/tcp",
		"www.example.org (192.0.2.5) port 3306/tcp",
		"192.0.2.6 port 25/tcp",
	}
	if !slices.Equal(got, want) {
		t.Errorf("targets:\n got %q\nwant %q", got, want)
	}
	wantErrs := []string{
		`hosts.txt:4: bad target "10.0.0.300": octet 300 out of range`,
		`hosts.txt:21: bad target "open icmp 0 192.0.2.7 1690000000": unknown protocol "icmp"`,
		`hosts.txt:22: bad target "{\"nonsense\": true}": JSON record without ip and port`,
	}
	if !slices.Equal(errs, wantErrs) {
		t.Errorf("errors:\n got %q\nwant %q", errs, wantErrs)
	}
}

func TestAddFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "in.txt")
	os.WriteFile(p, []byte("10.0.0.1\n10.0.0.2:22\n"), 0o644)
	l := &List{Resolver: dns}
	if err := l.AddFile(p); err != nil {
		t.Fatal(err)
	}
	// Files are opened again for each iteration.
	for range 2 {
		if got, errs := collect(t, l); len(errs) > 0 || !slices.Equal(got, []string{"10.0.0.1", "10.0.0.2 port 22/tcp"}) {
			t.Errorf("AddFile: %v %v", got, errs)
		}
	}
	if err := l.AddFile(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestExclude(t *testing.T) {
	l := &List{Resolver: dns}
	l.Add("10.0.0.0/28", "10.9.9.0/30", "192.0.2.1:80", "192.0.2.1:81", "2001:db8::/126")
	if err := l.Exclude("10.0.0.0/30, 10.0.0.5-6,10.0.0.*:22,gw,2001:db8::1"); err != nil {
		t.Fatal(err)
	}
	if err := l.ExcludeReader("ex.txt", strings.NewReader("# comment\n10.0.0.8/29 # block\n192.0.2.1:81\n")); err != nil {
		t.Fatal(err)
	}
	got, errs := collect(t, l)
	want := []string{"10.0.0.4", "10.0.0.7", "10.9.9.0", "10.9.9.2", "10.9.9.3", "192.0.2.1 port 80/tcp", "2001:db8::", "2001:db8::2", "2001:db8::3"}
	if len(errs) > 0 || !slices.Equal(got, want) {
		t.Errorf("got %v %v\nwant %v", got, errs, want)
	}
	// nmap -sL 10.0.0.0/31 --exclude 10.0.0.1 lists 10.0.0.0 only.
	l = &List{}
	l.Add("10.0.0.0/31")
	l.Exclude("10.0.0.1")
	if got, _ := collect(t, l); !slices.Equal(got, []string{"10.0.0.0"}) {
		t.Errorf("nmap example: %v", got)
	}
	if err := (&List{}).Exclude("10.0.0.1,10.0.0.300"); err == nil || err.Error() != `bad target "10.0.0.300": octet 300 out of range` {
		t.Errorf("bad exclude: %v", err)
	}
	if err := (&List{}).ExcludeReader("ex.txt", strings.NewReader("10.0.0.1\n\nfoo!\n")); err == nil || !strings.HasPrefix(err.Error(), `ex.txt:3: bad target "foo!"`) {
		t.Errorf("bad exclude file: %v", err)
	}
	// An exclusion that cannot be resolved stops everything.
	l = &List{Resolver: dns}
	l.Add("10.0.0.1")
	l.Exclude("nosuch.example")
	got, errs = collect(t, l)
	if len(got) != 0 || len(errs) != 1 || !strings.Contains(errs[0], "while reading exclusions") {
		t.Errorf("unresolvable exclusion: %v %v", got, errs)
	}
}

// TestExcludeLarge checks that exclusions are looked up, not scanned: a
// thousand excluded blocks against 65,536 targets.
func TestExcludeLarge(t *testing.T) {
	l := &List{}
	l.Add("10.1.0.0/16")
	var ex []string
	for i := range 1000 {
		ex = append(ex, fmt.Sprintf("10.%d.%d.0/24", i%4, i/4))
	}
	if err := l.Exclude(strings.Join(ex, ",")); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, err := range l.All(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 65536-250*256 {
		t.Errorf("%d targets left", n)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	l := &List{}
	l.Add("10.0.0.0/8")
	n := 0
	var last error
	for _, err := range l.All(ctx) {
		if err != nil {
			last = err
			continue
		}
		if n++; n == 1000 {
			cancel()
		}
	}
	if n != 1000 || !errors.Is(last, context.Canceled) {
		t.Errorf("n = %d, last = %v", n, last)
	}

	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	l = &List{Resolver: dns}
	l.Add("gw:22", "10.0.0.0/8")
	ch := l.Stream(ctx, 4)
	first := <-ch
	if first.Err != nil || first.String() != "gw (10.9.9.1) port 22/tcp" || !first.HasPort() {
		t.Errorf("first = %+v", first)
	}
	for i := 0; i < 10; i++ {
		<-ch
	}
	cancel()
	for range ch { // drains and closes
	}
}

func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"10.0.0.1", "10.0.0.300", "192.168.1-3.1-254", "10.0-1.*.1", "10.0.0.*", "::1", "fe80::/120", "fe80::1%eth0",
		"[2001:db8::1]:80", "1.2.3.4:80", "host.example/24", "10.0.0.1-5/30", "0.0.0.0/0", "a..b", "1.2.3", "10.0.0.5,1", "-", "*.*.*.*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tok string) {
		s, err := Parse(tok)
		if err != nil {
			msg := err.Error()
			if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "bad target ") {
				t.Fatalf("error not one line: %q", msg)
			}
			return
		}
		if s.kind == kindHost {
			return
		}
		n := uint64(0)
		s.each(func(a netip.Addr) bool {
			if !s.contains(a) {
				t.Fatalf("%q yields %v but does not contain it", tok, a)
			}
			n++
			return n < 300
		})
		if c := s.Count(); c < n || (c < 300 && c != n) {
			t.Fatalf("%q: Count %d, yielded %d", tok, c, n)
		}
	})
}

// TestIPv6Only: with -6 (Network "ip6") IPv4 targets are refused one by one with nmap's
// warning, IPv6 ones are scanned, and the Index agrees with All.
func TestIPv6Only(t *testing.T) {
	tokens := []string{"127.0.0.1", "::1", "10.0.0.0/30", "192.168.1-2.1", "gw", "v6only.example", "scanme.example.org", "[::1]:22", "10.0.0.1:80", "nosuch.example"}
	l := &List{Resolver: dns, Network: "ip6"}
	if err := l.Add(tokens...); err != nil {
		t.Fatal(err)
	}
	got, errs := collect(t, l)
	want := []string{"::1", "v6only.example (2001:db8::7)", "scanme.example.org (2001:db8::5)", "::1 port 22/tcp"}
	if !slices.Equal(got, want) {
		t.Errorf("targets %q, want %q", got, want)
	}
	wantErrs := []string{
		`failed to resolve "127.0.0.1": Hostname 127.0.0.1 resolves, but not to any IPv6 address. Try scanning without -6`,
		`failed to resolve "10.0.0.0/30": Hostname 10.0.0.0 resolves, but not to any IPv6 address. Try scanning without -6`,
		`failed to resolve "192.168.1-2.1": IPv4 octet ranges hold no IPv6 address. Try scanning without -6`,
		`failed to resolve "gw": Hostname gw resolves, but not to any IPv6 address. Try scanning without -6`,
		`failed to resolve "10.0.0.1:80": Hostname 10.0.0.1 resolves, but not to any IPv6 address. Try scanning without -6`,
		`failed to resolve "nosuch.example": no such host`,
	}
	if !slices.Equal(errs, wantErrs) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(wantErrs, "\n"))
	}
	var ne *NotIPv6Error
	for _, err := range l.All(context.Background()) {
		if err != nil && !strings.Contains(err.Error(), "nosuch") && !errors.As(err, &ne) {
			t.Errorf("%v: not a NotIPv6Error", err)
		}
	}
	x, err := l.Index(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var xerrs []string
	for _, e := range x.Errors {
		xerrs = append(xerrs, e.Error())
	}
	if !slices.Equal(xerrs, wantErrs) {
		t.Errorf("Index errors:\n%s", strings.Join(xerrs, "\n"))
	}
	if x.Hosts() != 3 {
		t.Errorf("Index: %d hosts, want 3", x.Hosts())
	}
	// Without -6 the same IPv4 targets are taken.
	l = &List{Resolver: dns}
	l.Add("127.0.0.1", "gw")
	if got, errs := collect(t, l); len(got) != 2 || len(errs) != 0 {
		t.Errorf("without -6: %q %q", got, errs)
	}
}
