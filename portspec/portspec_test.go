package portspec

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/signetscan/signet/internal/testenv"
	"github.com/signetscan/signet/services"
)

// testTable is a small table in the nmap-services format, so name lookups
// do not depend on the embedded file.
var testTable = func() *services.Table {
	t, err := services.Parse("test", []byte(`
tcpmux	1/tcp	0.001
ftp-data	20/tcp	0.001
ftp	21/tcp	0.2
ftp	21/udp	0.004
ssh	22/tcp	0.18
telnet	23/tcp	0.22
smtp	25/tcp	0.13
domain	53/tcp	0.05
domain	53/udp	0.21
http	80/tcp	0.48
http	80/udp	0.0005
snmp	161/udp	0.43
https	443/tcp	0.21
ftps	990/tcp	0.01
http-alt	8080/tcp	0.04
http-proxy	3128/tcp	0.01
sftp-ish	115/tcp	0.0001
m3ua	2905/sctp	0.001
`))
	if err != nil {
		panic(err)
	}
	return t
}()

// Each case cites what nmap 7.93 did with the same -p value (run with
// -sS -sU and an excluded target, reading the XML scaninfo lines).
func TestParse(t *testing.T) {
	tests := []struct {
		expr string
		want string // List.String(), "" for an error
		err  string // substring of the error
	}{
		{"80", "T:80,U:80,S:80", ""},                              // un-prefixed: every protocol
		{"22,80, 443", "T:22,80,443,U:22,80,443,S:22,80,443", ""}, // spaces after commas
		{" 80 ", "T:80,U:80,S:80", ""},
		{"21-25", "T:21-25,U:21-25,S:21-25", ""},
		{"80 -90", "T:80-90,U:80-90,S:80-90", ""}, // nmap: 80-90
		{"-5", "T:1-5,U:1-5,S:1-5", ""},           // open start is 1, not 0
		{"60000-", "T:60000-65535,U:60000-65535,S:60000-65535", ""},
		{"-", "T:1-65535,U:1-65535,S:1-65535", ""}, // -p-: nmap scans 1-65535
		{"0", "T:0,U:0,S:0", ""},                   // port 0 only when written
		{"0-", "T:0-65535,U:0-65535,S:0-65535", ""},
		{"1-5,3", "T:1-5,U:1-5,S:1-5", ""},           // nmap warns about duplicates
		{"80,", "T:80,U:80,S:80", ""},                // nmap accepts a trailing comma
		{"U:53,111,T:80,22", "T:22,80,U:53,111", ""}, // prefixes last until the next one
		{"U:53,T:21-25,80", "T:21-25,80,U:53", ""},   // so 80 is TCP only, as in nmap
		{"22,U:53", "T:22,U:22,53,S:22", ""},         // before any prefix: every protocol
		{"T: 80", "T:80", ""},
		{"T:U:80", "U:80", ""},
		{"S:2905", "S:2905", ""},
		{"http", "T:80,U:80", ""}, // each protocol the table names it for
		{"http,ssh", "T:22,80,U:80", ""},
		{"ftp*", "T:20-21,990,U:21", ""}, // wildcards
		{"h?tp", "T:80,U:80", ""},
		{"http*", "T:80,443,3128,8080,U:80", ""},
		{"*", "T:1,20-23,25,53,80,115,443,990,3128,8080,U:21,53,80,161,S:2905", ""},
		{"U:snmp,T:domain", "T:53,U:161", ""},
		{"T:domain", "T:53", ""},
		{"[1-100]", "T:1,20-23,25,53,80,U:21,53,80", ""}, // only ports the table names
		{"[1-30],[80]", "T:1,20-23,25,80,U:21,80", ""},
		{"T:[1-100]", "T:1,20-23,25,53,80", ""},
		{"[http*]", "T:80,443,3128,8080,U:80", ""},
		{"[80,]", "T:80,U:80", ""},

		{"", "", "no ports"},
		{"   ", "", "no ports"},
		{"T:", "", "no ports"}, // nmap: No ports specified
		{"[60000-60100]", "", "no ports"},
		{"80,,81", "", "empty item at column 4"}, // nmap: Error #485
		{",", "", "empty item"},
		{"T:,80", "", "empty item"},
		{"80-x", "", `range "80-x" has no end`},                         // nmap: Error #486
		{"80 81", "", `unexpected "81"`},                                // nmap: Error #487
		{"80-90-100", "", `unexpected "-100"`},                          // nmap: Error #488
		{"8o", "", `unexpected "o"`},                                    // nmap: Error #487
		{"20-10", "", "range 20-10 is backwards (did you mean 10-20?)"}, // nmap's words
		{"-0", "", "range 1-0 is backwards"},
		{"70000", "", "port 70000 out of range 0-65535"},
		{"80-65536", "", "port 65536 out of range"},
		{"99999999999999999999999", "", "out of range"},
		{"HTTP", "", `"HTTP" is not a port`},                     // nmap: Error #485 (names are lower case)
		{"nosuchsvc", "", `no service name matches "nosuchsvc"`}, // nmap: Found no matches for the service mask
		{"x]", "", `no service name matches "x"`},
		{"T:snmp", "", `no tcp service name matches "snmp"`},
		{"t:80", "", `unknown protocol prefix "t:"`}, // nmap: Unknown protocol specifier 't'
		{"P:6", "", "IP protocol scan"},
		{"1-5]", "", `unexpected "]"`},         // nmap: Unexpected ] character
		{"[[80]]", "", "brackets cannot nest"}, // nmap: Can't nest [] brackets
		{"[1-30", "", `missing "]"`},           // nmap accepts this; we refuse
		{"80;81", "", `unexpected ";81"`},
	}
	for _, tc := range tests {
		l, err := Parse(tc.expr, testTable)
		if tc.err != "" {
			if err == nil {
				t.Errorf("Parse(%q) = %v, want error %q", tc.expr, l, tc.err)
				continue
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.err) || !strings.HasPrefix(msg, "bad port list \"") || strings.Contains(msg, "\n") {
				t.Errorf("Parse(%q) error = %q, want one line containing %q", tc.expr, msg, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.expr, err)
			continue
		}
		if got := l.String(); got != tc.want {
			t.Errorf("Parse(%q) = %s, want %s", tc.expr, got, tc.want)
		}
		// String is in the grammar and round-trips.
		if back, err := Parse(l.String(), testTable); err != nil || back.String() != l.String() {
			t.Errorf("Parse(%q).String() = %q does not round-trip: %v, %v", tc.expr, l, back, err)
		}
	}
}

func TestPrefixed(t *testing.T) {
	l := MustParseIn(t, "U:53,T:80,443")
	if !l.Prefixed(UDP) || !l.Prefixed(TCP) || l.Prefixed(SCTP) {
		t.Errorf("Prefixed = %v", l.prefixed)
	}
	// A TCP-only scan keeps the TCP ports (nmap warns about the U: part).
	if got := l.Only(TCP).String(); got != "T:80,443" {
		t.Errorf("Only(TCP) = %s", got)
	}
	if l := MustParseIn(t, "80"); l.prefixed != 0 || l.Only(TCP, UDP).String() != "T:80,U:80" {
		t.Errorf("80: %+v", l)
	}
}

func MustParseIn(t *testing.T, s string) List {
	t.Helper()
	l, err := Parse(s, testTable)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestSetOps(t *testing.T) {
	a := NewSet(Range{10, 20}, Range{1, 3}, Range{4, 5}, Range{30, 30})
	if a.String() != "1-5,10-20,30" || a.Len() != 17 {
		t.Errorf("NewSet = %s (%d)", a, a.Len())
	}
	for p, want := range map[uint16]bool{0: false, 1: true, 5: true, 6: false, 15: true, 30: true, 31: false} {
		if a.Contains(p) != want {
			t.Errorf("Contains(%d) = %v", p, !want)
		}
	}
	b := NewSet(Range{3, 12}, Range{20, 40})
	if got := a.Minus(b).String(); got != "1-2,13-19" {
		t.Errorf("Minus = %s", got)
	}
	if got := a.Intersect(b).String(); got != "3-5,10-12,20,30" {
		t.Errorf("Intersect = %s", got)
	}
	if got := a.Union(b).String(); got != "1-40" {
		t.Errorf("Union = %s", got)
	}
	if got := slices.Collect(SetOf(3, 1, 2, 9).All()); !slices.Equal(got, []uint16{1, 2, 3, 9}) {
		t.Errorf("All = %v", got)
	}
	full := NewSet(Range{0, 65535})
	if full.Len() != 65536 || full.Minus(SetOf(0, 65535)).String() != "1-65534" {
		t.Errorf("full set: %s", full.Minus(SetOf(0, 65535)))
	}
	// P5: Exclude T:9100-9107 removes TCP ports only.
	ex := MustParseIn(t, "T:9100-9107")
	if got := MustParseIn(t, "9000-9200").Minus(ex).String(); got != "T:9000-9099,9108-9200,U:9000-9200,S:9000-9200" {
		t.Errorf("Minus exclude = %s", got)
	}
}

func TestWildMatch(t *testing.T) {
	for _, tc := range []struct {
		pat, name string
		want      bool
	}{
		{"http", "http", true}, {"http", "HTTP", true}, {"http", "https", false},
		{"http*", "http", true}, {"http*", "http-alt", true}, {"*", "", true},
		{"?", "", false}, {"h?tp", "http", true}, {"*alt", "http-alt", true},
		{"*a*t*", "http-alt", true}, {"**", "x", true}, {"a*b*c", "abxbc", true},
		{"a*b*c", "abxb", false},
	} {
		if got := wildMatch(tc.pat, tc.name); got != tc.want {
			t.Errorf("wildMatch(%q, %q) = %v", tc.pat, tc.name, got)
		}
	}
}

func TestTop(t *testing.T) {
	l, err := Top(testTable, 3)
	if err != nil {
		t.Fatal(err)
	}
	if got := l.String(); got != "T:23,80,443,U:21,53,161,S:2905" {
		t.Errorf("Top 3 = %s", got)
	}
	// nmap: --top-ports 10 -p 1-100 is the top ten below 101.
	l, _ = TopWithin(testTable, 3, MustParseIn(t, "T:1-30"))
	if got := l.String(); got != "T:21-23" {
		t.Errorf("TopWithin = %s", got)
	}
	if _, err := Top(testTable, 0); err == nil {
		t.Error("Top 0: no error") // nmap: --top-ports should be an integer 1 or greater
	}
}

// TestEmbedded checks signet's own table: it parses, is big enough for the
// default 1,000 TCP ports, and its top ports are the ones everybody meets.
func TestEmbedded(t *testing.T) {
	tbl, err := services.Parse(EmbeddedName, EmbeddedData())
	if err != nil {
		t.Fatal(err)
	}
	tcp := tbl.Top("tcp", 1<<17)
	udp := tbl.Top("udp", 1<<17)
	if len(tcp) < 1000 || len(udp) < 200 {
		t.Fatalf("embedded table has %d TCP and %d UDP ports, want ≥1000 and ≥200", len(tcp), len(udp))
	}
	top := tcp[:10]
	for _, p := range []int{80, 443, 22, 21, 25, 3389} {
		if !slices.Contains(top, p) {
			t.Errorf("TCP %d not in the embedded top ten %v", p, top)
		}
	}
	for _, p := range []int{53, 123, 161} {
		if !slices.Contains(udp[:10], p) {
			t.Errorf("UDP %d not in the embedded top ten %v", p, udp[:10])
		}
	}
	for port, name := range map[int]string{22: "ssh", 80: "http", 443: "https", 3389: "ms-wbt-server", 445: "microsoft-ds"} {
		if got := tbl.Lookup(port, "tcp"); got != name {
			t.Errorf("embedded %d/tcp = %q, want %q", port, got, name)
		}
	}
	d := Default(nil)
	if d.TCP.Len() != 1000 || d.UDP.Len() < 200 || !d.TCP.Contains(80) || d.TCP.Contains(0) {
		t.Errorf("Default: %d TCP, %d UDP", d.TCP.Len(), d.UDP.Len())
	}
	if f := Fast(nil); f.TCP.Len() != 100 || f.UDP.Len() != 100 {
		t.Errorf("Fast: %d TCP, %d UDP", f.TCP.Len(), f.UDP.Len())
	}
	if l, err := Parse("ssh,http", nil); err != nil || l.TCP.String() != "22,80" {
		t.Errorf("names via the embedded table: %v %v", l, err)
	}
	// The embedded file must not be nmap's: no line of nmap's header.
	if strings.Contains(string(EmbeddedData()), "Insecure.Com") {
		t.Error("embedded table contains nmap's header")
	}
}

func TestLoadTable(t *testing.T) {
	dir := t.TempDir()
	tbl, src, err := LoadTable([]string{dir})
	if err != nil || src != "embedded" || tbl != Embedded() {
		t.Fatalf("no file: %v %q %v", tbl, src, err)
	}
	p := dir + "/nmap-services"
	if err := os.WriteFile(p, []byte("ssh 22/tcp 0.5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tbl, src, err = LoadTable([]string{t.TempDir(), dir})
	if err != nil || src != p || tbl.Lookup(22, "tcp") != "ssh" {
		t.Fatalf("file: %q %v", src, err)
	}
	if err := os.WriteFile(p, []byte("ssh 70000/tcp\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadTable([]string{dir}); err == nil {
		t.Error("bad file: no error")
	}
}

// TestNmapServices parses with nmap's own file when it is installed; the
// results are the ones nmap 7.93 printed for the same -p values.
func TestNmapServices(t *testing.T) {
	tbl, err := services.ParseFile("/usr/share/nmap/nmap-services")
	if err != nil {
		testenv.Missing(t, "nmap-services not installed: %v", err)
	}
	for expr, want := range map[string]string{
		"T:ftp*":          "T:20-21,574,989-990,8021",
		"T:http,U:http":   "T:80,8008,U:80",
		"T:[60000-60100]": "T:60000,60002-60003,60020,60055,60086",
		"T:h?tp":          "T:80,8008",
	} {
		l, err := Parse(expr, tbl)
		if err != nil || l.String() != want {
			t.Errorf("nmap-services: Parse(%q) = %s, %v; nmap says %s", expr, l, err, want)
		}
	}
	l, _ := TopWithin(tbl, 10, MustParse("T:1-100"))
	if got := l.TCP.String(); got != "21-23,25-26,53,79-81,88" {
		t.Errorf("--top-ports 10 -p 1-100 = %s", got)
	}
}

func FuzzParsePorts(f *testing.F) {
	for _, s := range []string{"80", "U:53,111,T:80,22", "-", "0-", "[1-1024]", "http*,ssh", "80-", "-1024", "T:[http*]", "80,,81", "20-10", "S:1-5,U:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := Parse(s, testTable)
		if err != nil {
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "bad port list ") {
				t.Fatalf("error not one line: %q", msg)
			}
			return
		}
		for _, q := range protos {
			set := l.Get(q)
			for i, r := range set {
				if r.Hi < r.Lo || i > 0 && int(r.Lo) <= int(set[i-1].Hi)+1 {
					t.Fatalf("%q: set not normal: %v", s, set)
				}
			}
		}
		back, err := Parse(l.String(), testTable)
		if err != nil || back.String() != l.String() {
			t.Fatalf("%q: %q does not round-trip: %v", s, l.String(), err)
		}
	})
}

func TestProtocol(t *testing.T) {
	for _, p := range []Protocol{TCP, UDP, SCTP} {
		q, ok := ParseProtocol(p.Upper())
		if !ok || q != p {
			t.Errorf("ParseProtocol(%q) = %v, %v", p.Upper(), q, ok)
		}
	}
	if TCP.String() != "tcp" || UDP.Upper() != "UDP" || Protocol(1).String() != "proto-1" {
		t.Errorf("names: %s %s %s", TCP, UDP.Upper(), Protocol(1))
	}
	if _, ok := ParseProtocol("icmp"); ok {
		t.Error("icmp parsed")
	}
}
