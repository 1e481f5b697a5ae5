package template

import (
	"reflect"
	"strings"
	"testing"

	"github.com/signetscan/signet/diag"
	"github.com/signetscan/signet/probes"
)

func tp(line int, text string) *probes.Template {
	return &probes.Template{Text: text, Pos: diag.Pos{File: "t.probes", Line: line, Col: 1}}
}

// E3/E10 subject: TST/1.2.3 host=Foo.Bar W\0O\0R\0K\0 ab\x01\x02\r\n matched by
// ^TST/([\d.]+) host=(\S+) ((?:\w\0)+) ..(..)\r\n
var (
	tstSubject = []byte("TST/1.2.3 host=Foo.Bar W\x00O\x00R\x00K\x00 ab\x01\x02\r\n")
	tstLoc     = []int{0, 38, 4, 9, 15, 22, 23, 31, 34, 36}
)

func TestVerified(t *testing.T) {
	if len(tstSubject) != 38 {
		t.Fatalf("subject length %d", len(tstSubject))
	}
	tests := []struct {
		name    string
		tmpl    probes.Templates
		subject []byte
		loc     []int
		want    Fields // after Sanitize
		warns   []string
	}{
		{
			// M6.2 $SUBST/$P/$I, M6.3 trailing trim, M5 routing, M6.6 CPE transform.
			name: "E3 tp1 line 5",
			tmpl: probes.Templates{
				Product:  tp(5, "Test Server"),
				Version:  tp(5, `$SUBST(1,".","_")`),
				Info:     tp(5, `wg: $P(3); be=$I(4,">"); le=$I(4,"<"); raw=$1 ,,  `),
				Hostname: tp(5, "$2"), OS: tp(5, "Test OS"), Device: tp(5, "test dev"),
				CPE: []*probes.Template{tp(5, "cpe:/a:test:Test Server:$2"), tp(5, "cpe:/o:foo:bar"), tp(5, "cpe:/o:Foo:$2 Q&A")},
			},
			subject: tstSubject, loc: tstLoc,
			want: Fields{Product: "Test Server", Version: "1_2_3", Info: "wg: WORK; be=258; le=513; raw=1.2.3",
				Hostname: "Foo.Bar", OS: "Test OS", Device: "test dev",
				CPE: [3]string{"cpe:/a:test:Test Server:foo.bar", "", "cpe:/o:Foo:foo.bar Q&A"}},
		},
		{
			// M6.6 CPE escaping of substitutions only.
			name: "E4 tp2 line 5",
			tmpl: probes.Templates{Product: tp(5, "First"), Version: tp(5, "$1"), Info: tp(5, "$2"),
				CPE: []*probes.Template{tp(5, "cpe:/a:x:y:$1:$2")}},
			subject: []byte("ABC Ver:1/2 Mixed Case&Sp\r\n"), loc: []int{0, 27, 4, 11, 12, 25},
			want: Fields{Product: "First", Version: "Ver:1/2", Info: "Mixed Case&Sp",
				CPE: [3]string{"cpe:/a:x:y:ver%3A1%2F2:mixed_case%26sp"}},
		},
		{
			// M6.2/M6.4: a trailing optional group that did not participate.
			name:    "E4 tp2 line 7 unset group",
			tmpl:    probes.Templates{Product: tp(7, "Unset group"), Version: tp(7, "$1")},
			subject: []byte("QQQ\r\n"), loc: []int{0, 3, -1, -1},
			want:  Fields{Product: "Unset group"},
			warns: []string{"Warning: Servicescan failed to fill version_template (subjectlen: 5, versionlen: 80). Capture exceeds length? Match string was line 7: v/Unset group/$1/"},
		},
		{
			// M4 sizes, M7 non-printables.
			name: "E10 tp6 longfields",
			tmpl: probes.Templates{Product: tp(3, strings.Repeat("P", 70)), Version: tp(3, strings.Repeat("V", 70)),
				Info: tp(3, alpha(200)), Hostname: tp(3, "$4")},
			subject: tstSubject, loc: tstLoc,
			want: Fields{Product: strings.Repeat("P", 70), Version: strings.Repeat("V", 70), Info: alpha(200), Hostname: ".."},
		},
		{
			// M6.4 overflow empties the field, M6.5 NUL truncates, M7.
			name:    "E10 tp7 overflow",
			tmpl:    probes.Templates{Product: tp(3, strings.Repeat("Q", 85)), Version: tp(3, "raw$4end"), OS: tp(3, "$3")},
			subject: tstSubject, loc: tstLoc,
			want: Fields{Version: "raw..end", OS: "W"},
			warns: []string{"Warning: Servicescan failed to fill product_template (subjectlen: 38, productlen: 80). Capture exceeds length? Match string was line 3: p/" +
				strings.Repeat("Q", 85) + "/raw$4end/"},
		},
		{
			// M5: only the last cpe:/o: survives (E1 ssh line).
			name:    "E1 two o parts",
			tmpl:    probes.Templates{CPE: []*probes.Template{tp(9, "cpe:/a:openbsd:openssh:$1"), tp(9, "cpe:/o:canonical:ubuntu_linux"), tp(9, "cpe:/o:linux:linux_kernel")}},
			subject: []byte("SSH-2.0-OpenSSH_8.9p1"), loc: []int{0, 21, 16, 21},
			want: Fields{CPE: [3]string{"cpe:/a:openbsd:openssh:8.9p1", "", "cpe:/o:linux:linux_kernel"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, w := Expand(&tc.tmpl, tc.subject, tc.loc)
			if got := Sanitize(f); got != tc.want {
				t.Errorf("fields\n got %+v\nwant %+v", got, tc.want)
			}
			if !reflect.DeepEqual(w, tc.warns) {
				t.Errorf("warnings\n got %q\nwant %q", w, tc.warns)
			}
		})
	}
}

func alpha(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteByte('A' + byte(i%26))
	}
	return b.String()
}

// TestExpandVersion covers one field at a time (a version template, buffer 80).
func TestExpandVersion(t *testing.T) {
	// groups: 1="1.2.3" 2="" 3=unset 4="a\x00b" 5="x" ; subject "V 1.2.3 a\x00b x.y"
	subj := []byte("V 1.2.3 a\x00b x.y")
	loc := []int{0, 15, 2, 7, 7, 7, -1, -1, 8, 11, 12, 13}
	be8 := []byte("\xff\xff\xff\xff\xff\xff\xff\xff\x01\x02\x03\x04\x05\x06\x07\x08\x09")
	be8loc := []int{0, 17, 0, 8, 0, 9}
	tests := []struct {
		rule, tmpl string
		subj       []byte
		loc        []int
		want       string
		ok         bool
	}{
		{"M6.2 $N", "$1", nil, nil, "1.2.3", true},
		{"M6.2 $10 is $1 then 0", "$10", nil, nil, "1.2.30", true},
		{"M6.2 $0 fails", "$0", nil, nil, "", false},
		{"M6.2 empty group", "[$2]", nil, nil, "[]", true},
		{"M6.2 unset group below a set one fails (7.93 aborts)", "$3", nil, nil, "", false},
		{"M6.2 N above the highest set group fails", "$6", nil, nil, "", false},
		{"M6.2 N = 9 beyond the pattern fails", "$9", nil, nil, "", false},
		{"M6.2 literal $ cannot be written", "cost $", nil, nil, "", false},
		{"M6.2 $ followed by a letter and no paren", "$x", nil, nil, "", false},
		{"M6.5 NUL truncates $N", "<$4>", nil, nil, "<a>", true},
		{"M6.2 $P drops non-printables", "$P(4)", nil, nil, "ab", true},
		{"M6.2 $P hex int", "$P( 0x1 )", nil, nil, "1.2.3", true},
		{"M6.2 $P octal int", "$P(01)", nil, nil, "1.2.3", true},
		{"M6.2 $P junk after int skipped (verified)", "$P(1abc)", nil, nil, "1.2.3", true},
		{"M6.2 $P missing ) accepted after ',' (verified)", "$P(1,", nil, nil, "1.2.3", true},
		{"M6.2 $P missing ) after int fails", "$P(1", nil, nil, "", false},
		{"M6.2 $P int truncated to 32 bits", "$P(4294967297)", nil, nil, "1.2.3", true},
		{"M6.2 $P(0) fails", "$P(0)", nil, nil, "", false},
		{"M6.2 $P(10) fails", "$P(10)", nil, nil, "", false},
		{"M6.2 $P with a string fails", `$P("1")`, nil, nil, "", false},
		{"M6.2 $P two args fails", "$P(1,1)", nil, nil, "", false},
		{"M6.2 $P no args fails", "$P()", nil, nil, "", false},
		{"M6.2 unknown command fails", "$Q(1)", nil, nil, "", false},
		{"M6.2 command name 16 bytes fails", "$ABCDEFGHIJKLMNOP(1)", nil, nil, "", false},
		{"M6.2 lower-case command fails", "$p(1)", nil, nil, "", false},
		{"M6.2 $SUBST", `$SUBST(1,".","_")`, nil, nil, "1_2_3", true},
		{"M6.2 $SUBST escapes in args", `$SUBST(1,"\x2e","\x41\\")`, nil, nil, `1A\2A\3`, true},
		{"M6.2 $SUBST longer repl", `$SUBST(1, "." , "::")`, nil, nil, "1::2::3", true},
		{"M6.2 $SUBST find runs past the capture (verified)", `$SUBST(5,"x.","_")`, nil, nil, "_", true},
		{"M6.2 $SUBST find past the subject end", `$SUBST(5,"x.y!","_")`, nil, nil, "x", true},
		{"M6.2 $SUBST empty find fails (7.93 loops)", `$SUBST(1,"","_")`, nil, nil, "", false},
		{"M6.2 $SUBST escaped quote", `$SUBST(1,"\".","_")`, []byte(`"."`), []int{0, 3, 0, 3}, `_"`, true},
		{"M6.2 $SUBST backslash before closing quote", `$SUBST(1,"\\","/")`, []byte(`a\b`), []int{0, 3, 0, 3}, "a/b", true},
		{"M6.2 $SUBST bad escape fails", `$SUBST(1,"\q","_")`, nil, nil, "", false},
		{"M6.2 $SUBST \\x with one digit fails", `$SUBST(1,"\x2","_")`, nil, nil, "", false},
		{"M6.2 $SUBST unterminated string fails", `$SUBST(1,".","_`, nil, nil, "", false},
		{"M6.2 $SUBST wrong arg types", `$SUBST("1",".","_")`, nil, nil, "", false},
		{"M6.2 six args fail", `$SUBST(1,"a","b","c","d","e")`, nil, nil, "", false},
		{"M6.2 string arg of 127 bytes", `$SUBST(1,"` + strings.Repeat("z", 127) + `","_")`, nil, nil, "1.2.3", true},
		{"M6.2 string arg of 128 bytes fails", `$SUBST(1,"` + strings.Repeat("z", 128) + `","_")`, nil, nil, "", false},
		{"M6.5 $SUBST repl with NUL truncates", `$SUBST(1,".","\0")`, nil, nil, "1", true},
		{"M6.2 $I big-endian 8 bytes", `$I(1,">")`, be8, be8loc, "18446744073709551615", true},
		{"M6.2 $I little-endian", `$I(1,"<")`, []byte("\x01\x02"), []int{0, 2, 0, 2}, "513", true},
		{"M6.2 $I empty capture is 0", `$I(1,">")`, []byte("x"), []int{0, 0, 0, 0}, "0", true},
		{"M6.2 $I more than 8 bytes fails", `$I(2,">")`, be8, be8loc, "", false},
		{"M6.2 $I bad direction fails", `$I(1,"=")`, be8, be8loc, "", false},
		{"M6.2 $I two-byte direction fails", `$I(1,">>")`, be8, be8loc, "", false},
		{"M6.3 trailing space and commas stripped", "v$1 ,\t,\r\n ", nil, nil, "v1.2.3", true},
		{"M6.3 leading space kept", "  $1", nil, nil, "  1.2.3", true},
		{"M6.3 trim reaches into a substitution", "$SUBST(1,\"3\",\" ,\")", nil, nil, "1.2.", true},
		{"M6.1 literal only 79 bytes", strings.Repeat("L", 79), nil, nil, strings.Repeat("L", 79), true},
		{"M6.4 literal only 80 bytes fails", strings.Repeat("L", 80), nil, nil, "", false},
		{"M6.4 ends with substitution at 78", strings.Repeat("L", 73) + "$1", nil, nil, strings.Repeat("L", 73) + "1.2.3", true},
		{"M6.4 ends with substitution at 79 fails", strings.Repeat("L", 74) + "$1", nil, nil, "", false},
		{"M6.4 empty substitution after 78 bytes", strings.Repeat("L", 78) + "$2", nil, nil, strings.Repeat("L", 78), true},
		{"M6.4 empty substitution after 79 bytes fails", strings.Repeat("L", 79) + "$2", nil, nil, "", false},
		{"M6.4 tail literal may reach 79", strings.Repeat("L", 73) + "$1x", nil, nil, strings.Repeat("L", 73) + "1.2.3x", true},
		{"M6.4 overflow counted before trimming", strings.Repeat("L", 76) + "$1   ", nil, nil, "", false},
	}
	for _, tc := range tests {
		s, l := subj, loc
		if tc.subj != nil {
			s, l = tc.subj, tc.loc
		}
		tm := probes.Templates{Version: tp(4, tc.tmpl)}
		f, w := Expand(&tm, s, l)
		if f.Version != tc.want || (len(w) == 0) != tc.ok {
			t.Errorf("%s: %q → %q, warnings %q; want %q ok=%v", tc.rule, tc.tmpl, f.Version, w, tc.want, tc.ok)
		}
	}
}

func TestWarnings(t *testing.T) {
	subj := []byte("Z q")
	loc := []int{0, 3, 2, 3}
	long := strings.Repeat("x", 40)
	tm := probes.Templates{
		Product: tp(12, "$9"), Version: tp(12, "v"), Info: tp(12, "$P(2)"),
		Hostname: tp(12, "$0"), OS: tp(12, long), Device: tp(12, long),
		CPE: []*probes.Template{
			tp(12, "cpe:/a:good:$1"),
			tp(12, "cpe:/z:foo"),
			tp(12, "cpe:/"),
			tp(12, "cpe:/a:"+strings.Repeat("y", 80)),
			tp(12, "cpe:/h:$1"),
		},
	}
	f, w := Expand(&tm, subj, loc)
	want := []string{
		"Warning: Servicescan failed to fill product_template (subjectlen: 3, productlen: 80). Capture exceeds length? Match string was line 12: p/$9/v/$P(2)",
		"Warning: Servicescan failed to fill info_template (subjectlen: 3, infolen: 256). Capture exceeds length? Match string was line 12: i/$9/v/$P(2)",
		"Warning: Servicescan failed to fill hostname_template (subjectlen: 3, hostnamelen: 80). Capture exceeds length? Match string was line 12: h/$0/",
		"Warning: Servicescan failed to fill ostype_template (subjectlen: 3, ostypelen: 32). Capture exceeds length? Match string was line 12: o/" + long + "/",
		"Warning: Servicescan failed to fill devicetype_template (subjectlen: 3, devicetypelen: 32). Too long? Match string was line 12: d/" + long + "/",
		// 7.93 prints cpe_get_part's -1 (verified with the installed nmap).
		"Warning: ignoring cpe:// template with unknown part '.' (0xFFFFFFFF)",
		"Warning: ignoring cpe:// template with unknown part '.' (0xFFFFFFFF)",
		"Warning: Servicescan failed to fill cpe_a (subjectlen: 3, cpelen: 80). Too long? Match string was line 12: cpe:/a:" + strings.Repeat("y", 80),
	}
	if !reflect.DeepEqual(w, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(w, "\n"), strings.Join(want, "\n"))
	}
	// The failed second a-part template empties the slot (M5, M6.4).
	wantF := Fields{Version: "v", CPE: [3]string{"", "cpe:/h:q", ""}}
	if f != wantF {
		t.Errorf("fields %+v, want %+v", f, wantF)
	}
	if got := f.CPEs(); !reflect.DeepEqual(got, []string{"cpe:/h:q"}) {
		t.Errorf("CPEs() = %q", got)
	}
}

func TestCPETransform(t *testing.T) {
	// M6.6: every reserved byte, whitespace, upper case, a high byte; literal untouched.
	subj := []byte(":/?#[]@!$&'()*+,;=%<>\" \tAbC\x80")
	loc := []int{0, len(subj), 0, 13, 13, len(subj)}
	tm := probes.Templates{CPE: []*probes.Template{tp(1, "cpe:/a:Lit Eral:$1"), tp(1, "cpe:/o:$2")}}
	f, w := Expand(&tm, subj, loc)
	wantA := "cpe:/a:Lit Eral:%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29"
	wantO := "cpe:/o:%2A%2B%2C%3B%3D%25%3C%3E%22__abc\x80"
	if len(w) != 0 || f.CPE[PartA] != wantA || f.CPE[PartO] != wantO {
		t.Errorf("got %q %q %q, want %q %q", f.CPE[PartA], f.CPE[PartO], w, wantA, wantO)
	}
	if s := Sanitize(f).CPE[PartO]; s != strings.TrimSuffix(wantO, "\x80")+"." {
		t.Errorf("sanitized %q", s)
	}
	// The escapes count against the 80-byte CPE buffer.
	subj = []byte(strings.Repeat(":", 24)) // 72 bytes once escaped
	loc = []int{0, 24, 0, 24}
	tm = probes.Templates{CPE: []*probes.Template{tp(1, "cpe:/a:$1")}}
	if f, w := Expand(&tm, subj, loc); len(w) != 1 || f.CPE[PartA] != "" {
		t.Errorf("7+72 bytes should overflow: %q %q", f.CPE[PartA], w)
	}
	tm = probes.Templates{CPE: []*probes.Template{tp(1, "cpe:/a$1")}}
	if f, w := Expand(&tm, subj, loc); len(w) != 0 || len(f.CPE[PartA]) != 78 {
		t.Errorf("6+72 bytes should fit: %q %q", f.CPE[PartA], w)
	}
}

func TestSanitize(t *testing.T) {
	// M7: cut to 80/256/32 and replace bytes outside 0x20..0x7E.
	in := Fields{
		Product: strings.Repeat("p", 100), Version: "a\x00b", Info: strings.Repeat("i", 300),
		Hostname: "h\x7f\xff", OS: strings.Repeat("o", 40), Device: "\td",
		CPE: [3]string{strings.Repeat("c", 90), "", "x\ny"},
	}
	want := Fields{
		Product: strings.Repeat("p", 80), Version: "a", Info: strings.Repeat("i", 256),
		Hostname: "h..", OS: strings.Repeat("o", 32), Device: ".d",
		CPE: [3]string{strings.Repeat("c", 80), "", "x.y"},
	}
	if got := Sanitize(in); got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestNoMatchData(t *testing.T) {
	// Defensive: nil templates, nil loc, oversized ovector (pcre_exec returns 0).
	if f, w := Expand(nil, nil, nil); f != (Fields{}) || w != nil {
		t.Error("nil templates")
	}
	tm := probes.Templates{Version: tp(1, "$1")}
	if f, _ := Expand(&tm, []byte("ab"), nil); f.Version != "" {
		t.Error("nil loc")
	}
	loc := make([]int, 2*52)
	for i := range loc {
		loc[i] = 0
	}
	if f, w := Expand(&tm, []byte("ab"), loc); f.Version != "" || len(w) != 1 {
		t.Errorf("51 set groups do not fit nmap's ovector: %q %q", f.Version, w)
	}
}

func TestStrtol(t *testing.T) {
	tests := []struct {
		in   string
		v, n int
	}{
		{"1", 1, 1}, {" 12)", 12, 3}, {"0x1f,", 31, 4}, {"0X1F", 31, 4}, {"017", 15, 3},
		{"08", 0, 1}, {"0x", 0, 1}, {"0xg", 0, 1}, {"-1", -1, 2}, {"+7", 7, 2},
		{"-", 0, 0}, {"x", 0, 0}, {"", 0, 0},
		{"4294967297", 1, 10}, {"99999999999999999999", -1, 20}, {"-99999999999999999999", 0, 21},
	}
	for _, tc := range tests {
		if v, n := strtol(tc.in); v != tc.v || n != tc.n {
			t.Errorf("strtol(%q) = %d, %d; want %d, %d", tc.in, v, n, tc.v, tc.n)
		}
	}
}
