package probes

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/diag"
	"github.com/signetscan/signet/pcre"
)

const null = "Probe TCP NULL q||\n"

// mustParse parses src with the stub regex engine and fails on errors.
func mustParse(t *testing.T, src string) *DB {
	t.Helper()
	db, err := Parse("t.probes", []byte(src))
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return db
}

// firstError parses src and returns its first error, or nil.
func firstError(src string) *diag.Error {
	_, err := Parse("t.probes", []byte(src))
	if err == nil {
		return nil
	}
	return err.(diag.ErrorList)[0]
}

// TestP7Escapes is a go/scanner-style table for the probe-string decoder.
func TestP7Escapes(t *testing.T) {
	tests := []struct {
		src  string
		want string // decoded bytes, if no error
		off  int    // offset of the error, -1 for none
		err  string
	}{
		{`abc`, "abc", -1, ""},
		{`\0\a\b\f\n\r\t\v`, "\x00\a\b\f\n\r\t\v", -1, ""},
		{`\x00\xff\xAb\x7F`, "\x00\xff\xab\x7f", -1, ""},
		{`\\\"\'\ \.\|\/\-`, `\"' .|/-`, -1, ""},
		{`\015`, "\x0015", -1, ""}, // not octal (P7, Verified E15)
		{`\09\0.`, "\x009\x00.", -1, ""},
		{"\\\xff", "\xff", -1, ""}, // backslash before a non-ASCII byte
		{`a\qb`, "", 1, `bad escape "\\q"`},
		{`\1`, "", 0, `bad escape "\\1"`},
		{`\e`, "", 0, `bad escape "\\e"`},
		{`\X41`, "", 0, `bad escape "\\X"`},
		{`a\x4`, "", 1, `bad escape "\\x4": \x needs exactly two hex digits`},
		{`\x4g`, "", 0, `bad escape "\\x4g"`},
		{`\x`, "", 0, `bad escape "\\x"`},
		{`\xg0`, "", 0, `\x needs exactly two hex digits`},
		{`ab\`, "", 2, `lone backslash`},
	}
	for _, tt := range tests {
		got, err := Unescape(tt.src)
		if tt.off < 0 {
			if err != nil || string(got) != tt.want {
				t.Errorf("Unescape(%q) = %q, %v; want %q", tt.src, got, err, tt.want)
			}
			continue
		}
		e, ok := err.(*EscapeError)
		if !ok || e.Offset != tt.off || !strings.Contains(e.Msg, tt.err) {
			t.Errorf("Unescape(%q) error = %v; want offset %d %q", tt.src, err, tt.off, tt.err)
		}
	}
}

// TestM2Tokenizer is a table for the m|…|flags / template splitter.
func TestM2Tokenizer(t *testing.T) {
	type tok struct{ mode, delim, value, flags string }
	tests := []struct {
		src  string
		want []tok
		err  int // offset of the error, -1 for none
	}{
		{` m/abc/i p/x/`, []tok{{"m", "/", "abc", "i"}, {"p", "/", "x", ""}}, -1},
		{`m|a/b|si  v=1.0= cpe:/a:b:c/a`, []tok{{"m", "|", "a/b", "si"}, {"v", "=", "1.0", ""}, {"cpe:", "/", "a:b:c", "a"}}, -1},
		{`p/x/v/1/`, []tok{{"p", "/", "x", "v"}, {"", "/", "1", ""}}, -1}, // M2 quirk
		{`p/x/|y|`, []tok{{"p", "/", "x", ""}, {"", "|", "y", ""}}, -1},
		{`p//`, []tok{{"p", "/", "", ""}}, -1},
		{"p\x01x\x01", []tok{{"p", "\x01", "x", ""}}, -1},
		{`p`, nil, 1},
		{`p /x/`, nil, 1},
		{`p/x`, nil, 3},
		{`m/a/ 1`, []tok{{"m", "/", "a", ""}}, 5},
		{"\t\n", nil, -1},
	}
	for _, tt := range tests {
		var got []tok
		i := 0
		errOff := -1
		for {
			tk, ok, err := nextToken(tt.src, &i)
			if err != nil {
				errOff = err.off
				break
			}
			if !ok {
				break
			}
			if tt.src[tk.modeOff:tk.modeOff+len(tk.mode)] != tk.mode || tt.src[tk.delimOff] != tk.delim || tt.src[tk.valOff:tk.valOff+len(tk.value)] != tk.value {
				t.Errorf("%q: bad offsets in %+v", tt.src, tk)
			}
			got = append(got, tok{tk.mode, string(tk.delim), tk.value, tk.flags})
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) || errOff != tt.err {
			t.Errorf("%q: got %q err@%d; want %q err@%d", tt.src, got, errOff, tt.want, tt.err)
		}
	}
}

func TestP1P2Lines(t *testing.T) {
	useStub(t)
	long := "match x m/" + strings.Repeat("a", 2100) + "/\n"
	db, err := Parse("t.probes", []byte(null+long+"\n#c\n \n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(db.Null.Matches) != 1 || len(db.Null.Matches[0].Pattern) != 2100 {
		t.Errorf("long line not read whole")
	}
	if len(db.Warnings) != 2 || !strings.Contains(db.Warnings[0].Msg, "2111 bytes long") || db.Warnings[0].Pos.Col != 2048 ||
		!strings.Contains(db.Warnings[1].Msg, "blank line containing whitespace") || db.Warnings[1].Pos.Line != 5 {
		t.Errorf("warnings = %v", db.Warnings)
	}
	// A file without a final newline.
	db = mustParse(t, null+"match x m/a/ p/b/")
	if db.Null.Matches[0].Templates.Product.Text != "b" {
		t.Errorf("last line without newline misread")
	}
	// Line numbers count every physical line, comments and blank lines included.
	if e := firstError("# c\n\n" + null + "\nbogus\n"); e == nil || e.Pos.Line != 5 || e.Pos.Col != 1 {
		t.Errorf("error = %v", e)
	}
	if db, _ := Parse("t", nil); db == nil || db.Null != nil || len(db.Probes) != 0 {
		t.Errorf("empty file: %+v", db)
	}
}

func TestP3P4Directives(t *testing.T) {
	useStub(t)
	for _, tt := range []struct{ src, err string }{
		{"ports 80\n", `"ports" before the first Probe`},
		{"Exclude 80\nExclude 81\n", "second Exclude"},
		{null + "Exclude 80\n", "Exclude must come before the first Probe"},
		{null + "probe TCP X q|x|\n", "case-sensitive"},
		{null + "Probe\n", `"Probe" must be followed by exactly one space`},
		{null + "fallback\tX\n", `"fallback" must be followed by a space`},
		{null + " ports 80\n", "column 1"},
		{null + "matchx m/a/\n", `unknown directive "matchx"`},
	} {
		if e := firstError(tt.src); e == nil || !strings.Contains(e.Msg, tt.err) {
			t.Errorf("%q: error %v, want %q", tt.src, e, tt.err)
		}
	}
}

func TestP5Exclude(t *testing.T) {
	for _, tt := range []struct {
		src                   string
		tcp, udp, sctp, proto string
		err                   string
	}{
		{"T:9100-9107", "9100-9107", "", "", "", ""},
		{"80,443", "80,443", "80,443", "", "", ""},
		{"T:80,U:53,S:1-2,P:6", "80", "53", "1-2", "6", ""},
		{"U:53,80", "", "53,80", "", "", ""}, // a prefix holds until the next one
		{"-3,65530-,", "1-3,65530-65535", "1-3,65530-65535", "", "", "Error #485"},
		{"-3,65530-,7", "1-3,7,65530-65535", "1-3,7,65530-65535", "", "", ""},
		{"P:-,T:0", "0", "", "", "0-255", ""},
		{" T: 80 , 81 ", "80-81", "", "", "", ""},
		{"P:256", "", "", "", "", "Protocols specified must be between 0 and 255"},
		{"T:80-", "", "", "", "", "Error #486"},
		{"80 81", "", "", "", "", "Error #487"},
		{"80 ,X", "", "", "", "", "Error #485"},
		{"80x", "", "", "", "", "Error #487"},
		{"]", "", "", "", "", "Unexpected ]"},
		{"[80]", "", "", "", "", ""},
		{"ssh", "", "", "", "", ""},
		{"Q:80", "", "", "", "", "Unknown protocol specifier 'Q'"},
		{"", "", "", "", "", "Error #485"},
	} {
		src := "Exclude " + tt.src + "\n" + null
		db, err := Parse("t", []byte(src))
		if tt.err != "" || err != nil {
			e := firstError(src)
			if e == nil || !strings.Contains(e.Nmap, tt.err) || (tt.err == "" && e.Nmap != "") {
				t.Errorf("Exclude %q: error %v (nmap %q), want nmap %q", tt.src, e, e.Nmap, tt.err)
			}
			continue
		}
		x := db.Exclude
		if x.TCP.String() != tt.tcp || x.UDP.String() != tt.udp || x.SCTP.String() != tt.sctp || x.Proto.String() != tt.proto || x.Text != tt.src {
			t.Errorf("Exclude %q = T %s U %s S %s P %s", tt.src, x.TCP, x.UDP, x.SCTP, x.Proto)
		}
	}
}

func TestP6Probe(t *testing.T) {
	useStub(t)
	db := mustParse(t, "Probe UDP A-b_c q+x|y+ trailing no-payload\nProbe TCP 9 q x \n")
	if len(db.Probes) != 2 || db.Null != nil {
		t.Fatalf("probes: %d null %v", len(db.Probes), db.Null)
	}
	a := db.Probes[0]
	if a.Protocol != UDP || a.Name != "A-b_c" || string(a.Payload) != "x|y" || a.RawString != "x|y" || !a.NoPayload {
		t.Errorf("A = %+v", a)
	}
	if len(db.Warnings) != 1 || !strings.Contains(db.Warnings[0].Msg, `"trailing"`) {
		t.Errorf("warnings = %v", db.Warnings)
	}
	// A space is a legal delimiter.
	if db.Probes[1].Name != "9" || string(db.Probes[1].Payload) != "x" {
		t.Errorf("9 = %+v", db.Probes[1])
	}
	for _, tt := range []struct{ src, err string }{
		{"Probe TCP NULL q|\\|", "ends with a backslash"},
		{"Probe UDP  x q||", "bad probe name"},
		{"Probe TCP x", "missing probe string"},
		{"Probe TCP x  q||", "must begin with 'q'"},
		{"Probe TCPX q||", "invalid protocol"},
		{"Probe TCP x q", "missing delimiter after q"},
		{"Probe TCP x q|a", "no closing '|'"},
	} {
		if e := firstError(tt.src + "\n"); e == nil || !strings.Contains(e.Msg, tt.err) {
			t.Errorf("%q: error %v, want %q", tt.src, e, tt.err)
		}
	}
	// The NULL probe is the one with an empty string, whatever its name.
	db = mustParse(t, "Probe TCP X q|a|\nProbe TCP Empty q||\nProbe TCP Y q|b|\n")
	if db.Null == nil || db.Null.Name != "Empty" || len(db.Probes) != 2 || db.Probes[1].Name != "Y" {
		t.Errorf("NULL = %+v", db.Null)
	}
}

func TestP8Ports(t *testing.T) {
	useStub(t)
	db := mustParse(t, null+"Probe TCP X q|x|\nports 80, 443 ,8000-8010\nports 1-2,81\nsslports 0,65535\n")
	x := db.Probes[0]
	if x.Ports.String() != "1-2,80-81,443,8000-8010" || x.SSLPorts.String() != "0,65535" || !x.Ports.Contains(8005) || x.Ports.Contains(82) || x.Ports.Len() != 16 {
		t.Errorf("ports %s ssl %s", x.Ports, x.SSLPorts)
	}
	for _, tt := range []struct {
		v   string
		col int
		err string
	}{
		{"70000", 7, nmapPortRange},
		{"90-80", 7, nmapPortRange},
		{"80-70000", 10, nmapPortRange},
		{"99999999999999999999999", 7, nmapPortRange},
		{"80-", 10, nmapPortForm},
		{"80,", 10, nmapPortForm},
		{"", 7, nmapPortForm},
		{"-80", 7, nmapPortForm},
		{"80;81", 9, nmapPortForm},
	} {
		e := firstError(null + "ports " + tt.v + "\n")
		if e == nil || e.Pos.Col != tt.col || !strings.HasSuffix(e.Nmap, tt.err) {
			t.Errorf("ports %q: %v (nmap %q), want col %d %q", tt.v, e, e.Nmap, tt.col, tt.err)
		}
	}
	// Without a newline at the end of the file a trailing comma is accepted,
	// as with nmap's strings.
	if db := mustParse(t, null+"ports 80,"); db.Null.Ports.String() != "80" {
		t.Errorf("ports = %s", db.Null.Ports)
	}
}

func TestP9P10Numbers(t *testing.T) {
	useStub(t)
	db := mustParse(t, null+"Probe TCP X q|x|\nrarity  +3\ntotalwaitms 100\ntcpwrappedms 300000\nProbe TCP Y q|y|\nrarity 4294967303\n")
	x, y := db.Probes[0], db.Probes[1]
	if x.Rarity != 3 || x.TotalWait != 100*time.Millisecond || x.TCPWrapped != 300*time.Second {
		t.Errorf("X = %d %v %v", x.Rarity, x.TotalWait, x.TCPWrapped)
	}
	if y.Rarity != 7 || y.TotalWait != DefaultTotalWait || y.TCPWrapped != DefaultTCPWrapped { // atoi truncates to int
		t.Errorf("Y = %d %v %v", y.Rarity, y.TotalWait, y.TCPWrapped)
	}
	for _, src := range []string{"rarity -1", "rarity", "rarity 4294967296", "totalwaitms 99", "totalwaitms 300001", "tcpwrappedms x", "totalwaitms 9223372036854775808"} {
		if e := firstError(null + src + "\n"); e == nil || e.Nmap == "" {
			t.Errorf("%q: error %v", src, e)
		}
	}
	db = mustParse(t, null+"rarity 2\nrarity 3\n")
	if db.Null.Rarity != 3 || len(db.Warnings) != 1 || !strings.Contains(db.Warnings[0].Msg, "replaces the one on line 2") {
		t.Errorf("rarity %d, warnings %v", db.Null.Rarity, db.Warnings)
	}
}

func TestP11P12Fallbacks(t *testing.T) {
	useStub(t)
	src := null + `Probe TCP A q|a|
fallback B,U ,NULL	A
Probe UDP U q|u|
fallback B
Probe TCP B q|b|
Probe UDP B q|ub|
Probe UDP V q|v|
Probe TCP C q|c|
fallback X
fallback U
`
	db, err := Load(NamedSource{"t", []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	names := func(p *Probe) string {
		var s []string
		for _, q := range p.Chain {
			s = append(s, q.Protocol.Upper()+"/"+q.Name)
		}
		return strings.Join(s, " ")
	}
	for _, tt := range []struct{ probe, chain string }{
		{"NULL", "TCP/NULL"},
		{"A", "TCP/A TCP/B UDP/U TCP/NULL TCP/A TCP/NULL"}, // B: TCP first; U: any protocol
		{"U", "UDP/U UDP/B"}, // UDP: same protocol first, no NULL
		{"V", "UDP/V"},
		{"C", "TCP/C UDP/U TCP/NULL"}, // the later fallback line replaces the first
	} {
		p := db.Probe(TCP, tt.probe)
		if p == nil {
			p = db.Probe(UDP, tt.probe)
		}
		if got := names(p); got != tt.chain {
			t.Errorf("%s chain = %s, want %s", tt.probe, got, tt.chain)
		}
	}
	if w := db.Warnings; len(w) != 1 || !strings.Contains(w[0].Msg, "second fallback directive") {
		t.Errorf("warnings = %v", w)
	}
	// Errors: unknown names (all of them, with their columns), 18 names.
	_, err = Load(NamedSource{"t", []byte(null + "Probe TCP A q|a|\nfallback x, NULL,y\n")})
	if err == nil || err.Error() != `t:3:10: unknown fallback probe "x" in probe TCP A`+"\n"+`t:3:18: unknown fallback probe "y" in probe TCP A` {
		t.Errorf("err = %v", err)
	}
	_, err = Load(NamedSource{"t", []byte(null + "Probe TCP A q|a|\nfallback " + strings.Repeat("NULL,", 17) + "\n")})
	if err != nil {
		t.Errorf("17 fallbacks: %v", err)
	}
	_, err = Load(NamedSource{"t", []byte(null + "Probe TCP A q|a|\nfallback " + strings.Repeat("NULL,", 18) + "\n")})
	if err == nil || !strings.Contains(err.Error(), "t:3:95: too many fallbacks") {
		t.Errorf("18 fallbacks: %v", err)
	}
}

func TestP13Detectable(t *testing.T) {
	useStub(t)
	db, err := Load(NamedSource{"t", []byte(null + "match a m/1/\nProbe TCP X q|x|\nfallback NULL\nmatch b m/2/\nsoftmatch c m/3/\nmatch b m/4/\n")})
	if err != nil {
		t.Fatal(err)
	}
	x := db.Probe(TCP, "X")
	if len(x.Detectable) != 2 || !x.Detectable["b"] || !x.Detectable["c"] || x.Detectable["a"] {
		t.Errorf("Detectable = %v", x.Detectable)
	}
}

func TestM1M3MatchLine(t *testing.T) {
	useStub(t)
	db := mustParse(t, null+"match ssl/http m=^HTTP/1\\.[01] \\d+=si p/x/\nsoftmatch  m|a|\nmatch x m/a/ i/one/ i/two/\n")
	ms := db.Null.Matches
	if len(ms) != 3 {
		t.Fatalf("%d matches", len(ms))
	}
	m := ms[0]
	if m.Service != "ssl/http" || m.Soft || m.Pattern != `^HTTP/1\.[01] \d+` || m.Flags != pcre.Caseless|pcre.DotAll ||
		m.PatternPos != (diag.Pos{File: "t.probes", Line: 2, Col: 18}) || m.Probe != db.Null || m.Regex == nil || m.Regex.String() != m.Pattern {
		t.Errorf("match = %+v", m)
	}
	if !ms[1].Soft || ms[1].Service != "" {
		t.Errorf("softmatch = %+v", ms[1])
	}
	if ms[2].Templates.Info.Text != "two" {
		t.Errorf("second i template does not win")
	}
	for _, tt := range []struct {
		line string
		col  int
		err  string
	}{
		{"match x m/a/si", 0, ""},
		{"match x m/a/S", 13, "unknown regex flag 'S'"},
		{"match x m/a/ix", 14, "unknown regex flag 'x'"},
		{"match x r/a/", 9, "pattern must be written m<d>regex<d>"},
		{"match x M/a/", 9, "pattern must be written"},
		{"match", 0, ""}, // unknown directive, tested elsewhere
		{"match ", 7, "missing service name"},
		{"softmatch x", 12, "missing pattern"},
		{"match x m/(/", 12, "missing )"},
		{"match x m/a/ p/b/ v/c/d/e/", 24, "missing template letter"},
		{"match x m/a/ cpe:/a:b", 22, "no closing '/'"},
		{"match x m/a/ cpe/a:b/", 14, `unknown template "cpe"`},
		{"match x m/a/ p:/a/", 14, `unknown template "p:"`},
	} {
		e := firstError(null + tt.line + "\n")
		if tt.err == "" {
			if tt.line != "match" && e != nil {
				t.Errorf("%q: %v", tt.line, e)
			}
			continue
		}
		if e == nil || e.Pos.Line != 2 || e.Pos.Col != tt.col || !strings.Contains(e.Msg, tt.err) || e.Nmap == "" {
			t.Errorf("%q: %v, want col %d %q", tt.line, e, tt.col, tt.err)
		}
	}
}

func TestM4M5Templates(t *testing.T) {
	useStub(t)
	db := mustParse(t, null+"match x m/a/ p/P $1/ v|V| i=I= h/H/ o/O/ d/D/ cpe:/a:b:$1/a cpe:/o:l/ cpe:/z:q/ p/P2/qq\n")
	tm := db.Null.Matches[0].Templates
	if tm.Product.Text != "P2" || tm.Product.Flags != "qq" || tm.Product.Pos.Col != 81 || tm.Version.Text != "V" || tm.Info.Text != "I" ||
		tm.Hostname.Text != "H" || tm.OS.Text != "O" || tm.Device.Text != "D" {
		t.Errorf("templates = %+v", tm)
	}
	var cpes []string
	for _, c := range tm.CPE {
		cpes = append(cpes, c.Text+"|"+c.Flags)
	}
	if strings.Join(cpes, " ") != "cpe:/a:b:$1|a cpe:/o:l| cpe:/z:q|" {
		t.Errorf("cpe = %v", cpes)
	}
	var ws []string
	for _, w := range db.Warnings {
		ws = append(ws, fmt.Sprintf("%d:%s", w.Pos.Col, w.Msg))
	}
	want := []string{
		"76:unknown CPE part 'z': want a, h or o (nmap ignores this template when it matches)",
		"81:second p template replaces the one at column 14",
		"86:flags \"qq\" after the p template are ignored",
	}
	if strings.Join(ws, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(ws, "\n"), strings.Join(want, "\n"))
	}
}

func TestCollectsEveryError(t *testing.T) {
	useStub(t)
	src := "bogus\n" + null + "rarity 0\nports x\nmatch a m/a/g\nProbe TCP B q|\\q|\nmatch b m/b/\nProbe TCP C q|c|\nfallback Nope\n"
	db, err := Load(NamedSource{"t", []byte(src)})
	var got []string
	for _, e := range err.(diag.ErrorList) {
		got = append(got, e.Pos.String())
	}
	if strings.Join(got, " ") != "t:1:1 t:3:8 t:4:7 t:5:13 t:6:15 t:9:10" {
		t.Errorf("errors at %v:\n%v", got, err)
	}
	// The DB holds what could be read; the bad probe B and its lines are left out.
	if db.Null == nil || len(db.Probes) != 1 || db.Probes[0].Name != "C" {
		t.Errorf("db = %+v", db)
	}
}

func TestCRLF(t *testing.T) {
	useStub(t)
	src := strings.ReplaceAll(null+"match x m/a/ p/b/\r\nports 80,\n\nrarity 3\n", "\n", "\r\n")
	db, err := Parse("t", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "t:3:10: bad port list") {
		t.Errorf("err = %v", err)
	}
	m := db.Null.Matches[0]
	if m.Templates.Product.Text != "b" || db.Null.Rarity != 3 {
		t.Errorf("misread: %+v", m.Templates.Product)
	}
	if len(db.Warnings) != 2 || !strings.Contains(db.Warnings[0].Msg, "CRLF line ending") || !strings.Contains(db.Warnings[1].Msg, "blank line ending in CRLF") {
		t.Errorf("warnings = %v", db.Warnings)
	}
}

// TestRegexError checks the position of a compile error: pattern column +
// the engine's offset.
func TestRegexError(t *testing.T) {
	old := compileRegex
	defer func() { compileRegex = old }()
	compileRegex = func(p string, f pcre.Flags) (pcre.Regex, error) {
		if i := strings.IndexByte(p, '!'); i >= 0 {
			return nil, &pcre.SyntaxError{Offset: i, Msg: "bang"}
		}
		if p == "panic" {
			panic("engine bug")
		}
		if p == "nil" {
			return nil, nil
		}
		return stubRegex{src: p}, nil
	}
	_, err := Parse("t", []byte(null+"match x m|ab!c| p/x/\nmatch y m/panic/\nmatch z m/nil/\n"))
	want := "t:2:13: illegal regexp (at regexp offset 2): bang\n" +
		"t:3:11: illegal regexp (at regexp offset 0): regex engine failed: engine bug\n" +
		"t:4:11: illegal regexp (at regexp offset 0): regex engine returned no regex"
	if err == nil || err.Error() != want {
		t.Errorf("err =\n%v\nwant\n%s", err, want)
	}
	if e := err.(diag.ErrorList)[0]; e.Nmap != "InitMatch: illegal regexp on line 2 of nmap-service-probes (at regexp offset 2): bang" {
		t.Errorf("nmap = %q", e.Nmap)
	}
}

func TestParseFile(t *testing.T) {
	useStub(t)
	db, err := ParseFile("testdata/errors/templates_all.probes")
	if err != nil || len(db.Files) != 1 || db.Files[0] != "testdata/errors/templates_all.probes" || len(db.Null.Matches) != 2 {
		t.Errorf("ParseFile: %v %+v", err, db)
	}
	if _, err := ParseFile("testdata/nonexistent"); err == nil {
		t.Errorf("no error for a missing file")
	}
	_ = bytes.MinRead
}
