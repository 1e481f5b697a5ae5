package versiondb

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/signetscan/signet/internal/testenv"
	"github.com/signetscan/signet/probes"
)

// nmapProbesFile is nmap's signature file as Debian installs it. CI
// installs nmap (.ci/run); the provenance test compares against it at run
// time and nothing of it is kept in the repository.
const nmapProbesFile = "/usr/share/nmap/nmap-service-probes"

// TestProvenance fails when an embedded match line was copied from nmap's
// file: its pattern is the same as one of nmap's (plain literal banners
// excepted: a fixed greeting is a fact of the protocol, and two authors
// write it the same way), or it is a near-copy of one of nmap's patterns
// and carries that line's version template. docs/provenance.md defines
// both terms; nearCopy and sameTemplate below are the definitions.
func TestProvenance(t *testing.T) {
	if _, err := os.Stat(nmapProbesFile); err != nil {
		testenv.Missing(t, "nmap's file is needed for the provenance test: %v", err)
	}
	theirs, err := probes.ParseFile(nmapProbesFile)
	if theirs == nil {
		t.Fatal(err)
	}
	ours := loadEmbeddedResolved(t).DB
	for _, f := range provenanceFindings(ours, theirs) {
		t.Error(f)
	}
}

// The test is not blind: nmap's own lines, copied as they are, respelled
// or edited a little, are all found.
func TestProvenanceFindsCopies(t *testing.T) {
	if _, err := os.Stat(nmapProbesFile); err != nil {
		testenv.Missing(t, "nmap's file is needed for the provenance test: %v", err)
	}
	theirs, err := probes.ParseFile(nmapProbesFile)
	if theirs == nil {
		t.Fatal(err)
	}
	respell := strings.NewReplacer(`[\d.]`, `[.\d]`, `[\w.]`, `[.\w]`, `[\w._-]`, `[-_.\w]`, `[-\w.]`, `[.\w-]`, `[\w-]`, `[-\w]`)
	var copies, respelled, edited []*probes.Match
	for _, m := range matchLines(theirs) {
		if !plainLiteral(m.Pattern) || hasTemplate(m) {
			c := *m
			copies = append(copies, &c)
		}
		if r := respell.Replace(m.Pattern); r != m.Pattern && !plainLiteral(m.Pattern) {
			c := *m
			c.Pattern = r
			respelled = append(respelled, &c)
		}
		if hasTemplate(m) {
			c := *m
			c.Pattern = m.Pattern + `\r?` // two token edits
			edited = append(edited, &c)
		}
	}
	for _, tc := range []struct {
		name  string
		lines []*probes.Match
	}{{"copied", copies}, {"respelled", respelled}, {"edited", edited}} {
		found := provenanceFindings(&probes.DB{Null: &probes.Probe{Matches: tc.lines}}, theirs)
		if len(tc.lines) < 100 || len(found) != len(tc.lines) {
			t.Errorf("%s lines of nmap's: %d of %d found", tc.name, len(found), len(tc.lines))
		}
	}
}

func TestPatternTokens(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{`^SSH-([\d.]+)`, `^SSH-([.\d]+)`, true}, // class members in any order
		{`[\d]+`, `\d+`, true},                   // a class of one member
		{`\x41\.`, `A[.]`, true},                 // a byte however written
		{`\0\x01`, `\x00\001`, true},
		{`\QA.B\E`, `A\.B`, true},
		{`[a-c]`, `[\x61-\x63]`, true},
		{`(?:a)`, `(a)`, false},
		{`a{2,4}?`, `a{2,4}`, false},
		{`\d`, `[0-9]`, false},
		{`[^ab]`, `[ab]`, false},
	} {
		ta, tb := patternTokens(tc.a), patternTokens(tc.b)
		if same := strings.Join(ta, " ") == strings.Join(tb, " "); same != tc.same {
			t.Errorf("%s %v vs %s %v: same %v, want %v", tc.a, ta, tc.b, tb, same, tc.same)
		}
	}
	if got := patternTokens(`^a+?[\w.]{2}(?=x)\1$`); strings.Join(got, " ") != `^ '61 +? ['2e \w] {2} (?= '78 ) \1 $` {
		t.Errorf("tokens %q", got)
	}
	for p, want := range map[string]bool{`^220 Microsoft FTP Service\r\n`: true, `^RFB 003\.889\n$`: true, `^a.b`: false, `^a+`: false, `^[ab]`: false} {
		if plainLiteral(p) != want {
			t.Errorf("plainLiteral(%q) = %v", p, !want)
		}
	}
}

// provenanceFindings lists every embedded line that copies one of nmap's.
func provenanceFindings(ours, theirs *probes.DB) []string {
	type nline struct {
		m    *probes.Match
		toks []string
	}
	byPattern := map[string]*probes.Match{}
	var all []nline
	for _, m := range matchLines(theirs) {
		toks := patternTokens(m.Pattern)
		key := strings.Join(toks, " ")
		if _, ok := byPattern[key]; !ok {
			byPattern[key] = m
		}
		all = append(all, nline{m, toks})
	}
	var out []string
	for _, m := range matchLines(ours) {
		toks := patternTokens(m.Pattern)
		if n := byPattern[strings.Join(toks, " ")]; n != nil && !plainLiteral(m.Pattern) {
			out = append(out, fmt.Sprintf("%s: the pattern is nmap's (%s:%d)", m.Pos, nmapProbesFile, n.Pos.Line))
			continue
		}
		if !hasTemplate(m) {
			continue
		}
		for _, n := range all {
			if !sameTemplate(m, n.m) {
				continue
			}
			if d, ok := nearCopy(toks, n.toks); ok {
				out = append(out, fmt.Sprintf("%s: a near-copy of nmap's %s:%d (%d token edits) with nmap's version template", m.Pos, nmapProbesFile, n.m.Pos.Line, d))
				break
			}
		}
	}
	return out
}

func matchLines(db *probes.DB) []*probes.Match {
	var out []*probes.Match
	if db.Null != nil {
		out = append(out, db.Null.Matches...)
	}
	for _, p := range db.Probes {
		out = append(out, p.Matches...)
	}
	return out
}

// hasTemplate reports whether a line sets any version field.
func hasTemplate(m *probes.Match) bool {
	t := m.Templates
	return t.Product != nil || t.Version != nil || t.Info != nil || t.Hostname != nil ||
		t.OS != nil || t.Device != nil || len(t.CPE) > 0
}

// sameTemplate reports whether two lines give the same version fields, whatever
// service they name: p, v, i, h, o and d identical as written (both absent
// counts as identical), and the same CPE templates in the same order.
func sameTemplate(a, b *probes.Match) bool {
	ta, tb := a.Templates, b.Templates
	for _, pair := range [][2]*probes.Template{
		{ta.Product, tb.Product}, {ta.Version, tb.Version}, {ta.Info, tb.Info},
		{ta.Hostname, tb.Hostname}, {ta.OS, tb.OS}, {ta.Device, tb.Device},
	} {
		if text(pair[0]) != text(pair[1]) {
			return false
		}
	}
	if len(ta.CPE) != len(tb.CPE) {
		return false
	}
	for i := range ta.CPE {
		if text(ta.CPE[i]) != text(tb.CPE[i]) {
			return false
		}
	}
	return true
}

func text(t *probes.Template) string {
	if t == nil {
		return "\x00absent"
	}
	return t.Text
}

// nearCopy reports whether two token lists are within the near-copy
// distance: at most max(3, ⌊n/10⌋) token insertions, deletions or
// substitutions, n being the longer list's length. It returns the distance.
func nearCopy(a, b []string) (int, bool) {
	limit := max(3, max(len(a), len(b))/10)
	if d := len(a) - len(b); d > limit || -d > limit {
		return d, false
	}
	d := editDistance(a, b)
	return d, d <= limit
}

// editDistance is the Levenshtein distance between two token lists.
func editDistance(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// plainLiteral reports whether a pattern is a fixed byte string: nothing
// but literal bytes (escaped or not), with an optional ^ before and $ after.
func plainLiteral(p string) bool {
	toks := patternTokens(p)
	if len(toks) > 0 && toks[0] == "^" {
		toks = toks[1:]
	}
	if len(toks) > 0 && toks[len(toks)-1] == "$" {
		toks = toks[:len(toks)-1]
	}
	for _, t := range toks {
		if !strings.HasPrefix(t, "'") {
			return false
		}
	}
	return true
}

// patternTokens splits a PCRE pattern into the tokens the near-copy
// distance counts, each in a canonical spelling so that notation alone
// does not make two patterns differ:
//   - a literal byte, however written (A, \x41, \101, \A is not one), is
//     'XX' with its hex value; \Q…\E gives one per byte;
//   - an escape that stands for a set or an assertion (\d, \w, \s, \b, …)
//     and a back reference are themselves;
//   - a bracket class is one token: its members (bytes, ranges, escapes,
//     [:name:]) sorted and joined, so member order does not count, and a
//     class of one member is that member ([\d] is \d, [.] is '2E');
//   - a group opener ("(", "(?:", "(?=", …, named groups as "("), ")", "|",
//     ".", "^" and "$" are themselves;
//   - a quantifier with its lazy or possessive mark ("+", "*?", "{2,4}")
//     is one token.
func patternTokens(p string) []string {
	var out []string
	lit := func(b byte) string { return "'" + strconv.FormatUint(uint64(b)|0x100, 16)[1:] }
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == '\\':
			tok, n, bytes := escapeToken(p[i:], false)
			if bytes != nil {
				for _, b := range bytes {
					out = append(out, lit(b))
				}
			} else if tok != "" {
				out = append(out, tok)
			}
			i += n
		case c == '[':
			tok, n := classToken(p[i:])
			out = append(out, tok)
			i += n
		case c == '(':
			n := 1
			tok := "("
			if strings.HasPrefix(p[i:], "(?") {
				j := i + 2
				switch {
				case strings.HasPrefix(p[j:], "<=") || strings.HasPrefix(p[j:], "<!"):
					tok, n = p[i:j+2], 4
				case strings.HasPrefix(p[j:], "P<") || strings.HasPrefix(p[j:], "<") || strings.HasPrefix(p[j:], "'"):
					end := strings.IndexAny(p[j+1:], ">'")
					if end < 0 {
						end = len(p) - j - 1
					}
					tok, n = "(", end+j+2-i
				case j < len(p) && strings.IndexByte(":=!>|", p[j]) >= 0:
					tok, n = p[i:j+1], 3
				default: // option setting such as (?i) or (?s:
					end := strings.IndexAny(p[j:], ":)")
					if end < 0 {
						end = len(p) - j - 1
					}
					tok, n = p[i:j+end+1], end+j+1-i
				}
			}
			out = append(out, tok)
			i += n
		case c == '*' || c == '+' || c == '?':
			n := 1
			if i+1 < len(p) && (p[i+1] == '?' || p[i+1] == '+') {
				n = 2
			}
			out = append(out, p[i:i+n])
			i += n
		case c == '{':
			if n := braceQuantifier(p[i:]); n > 0 {
				if i+n < len(p) && (p[i+n] == '?' || p[i+n] == '+') {
					n++
				}
				out = append(out, p[i:i+n])
				i += n
				continue
			}
			out = append(out, lit(c))
			i++
		case c == ')' || c == '|' || c == '.' || c == '^' || c == '$':
			out = append(out, string(c))
			i++
		default:
			out = append(out, lit(c))
			i++
		}
	}
	return out
}

// braceQuantifier is the length of a {n}, {n,} or {n,m} at the start of s,
// 0 when s does not start with one (then { is a literal, as in PCRE).
func braceQuantifier(s string) int {
	j := 1
	digits := func() int {
		k := j
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return j - k
	}
	if digits() == 0 {
		return 0
	}
	if j < len(s) && s[j] == ',' {
		j++
		digits()
	}
	if j < len(s) && s[j] == '}' {
		return j + 1
	}
	return 0
}

// escapeToken reads the escape at the start of s (s[0] is '\'). It returns
// either the literal bytes it stands for, or a token for a set, assertion
// or back reference, and its length. Inside a class, \b is a backspace.
func escapeToken(s string, inClass bool) (tok string, n int, lit []byte) {
	if len(s) < 2 {
		return "", len(s), []byte{'\\'}
	}
	c := s[1]
	switch c {
	case 'd', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V', 'R', 'N', 'X', 'C':
		return s[:2], 2, nil
	case 'b', 'B', 'A', 'z', 'Z', 'G', 'K':
		if c == 'b' && inClass {
			return "", 2, []byte{8}
		}
		return s[:2], 2, nil
	case 'r':
		return "", 2, []byte{'\r'}
	case 'n':
		return "", 2, []byte{'\n'}
	case 't':
		return "", 2, []byte{'\t'}
	case 'f':
		return "", 2, []byte{'\f'}
	case 'e':
		return "", 2, []byte{0x1b}
	case 'a':
		return "", 2, []byte{7}
	case 'x':
		if len(s) > 2 && s[2] == '{' {
			end := strings.IndexByte(s, '}')
			if end > 3 {
				if v, err := strconv.ParseUint(s[3:end], 16, 8); err == nil {
					return "", end + 1, []byte{byte(v)}
				}
			}
			return s[:2], 2, nil
		}
		j := 2
		for j < len(s) && j < 4 && isHex(s[j]) {
			j++
		}
		v, _ := strconv.ParseUint("0"+s[2:j], 16, 8)
		return "", j, []byte{byte(v)}
	case '0':
		j := 2
		for j < len(s) && j < 4 && s[j] >= '0' && s[j] <= '7' {
			j++
		}
		v, _ := strconv.ParseUint("0"+s[2:j], 8, 8)
		return "", j, []byte{byte(v)}
	case 'Q':
		end := strings.Index(s[2:], `\E`)
		if end < 0 {
			return "", len(s), []byte(s[2:])
		}
		return "", end + 4, []byte(s[2 : 2+end])
	case 'E':
		return "", 2, nil
	}
	if c >= '1' && c <= '9' {
		j := 2
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return `\` + s[1:j], j, nil
	}
	return "", 2, []byte{c}
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// classToken reads the bracket class at the start of s and returns its
// canonical token and length.
func classToken(s string) (string, int) {
	i := 1
	neg := false
	if i < len(s) && s[i] == '^' {
		neg = true
		i++
	}
	var members []string
	lit := func(b byte) string { return "'" + strconv.FormatUint(uint64(b)|0x100, 16)[1:] }
	first := true
	for i < len(s) {
		c := s[i]
		if c == ']' && !first {
			i++
			break
		}
		first = false
		var m string
		var b = -1
		switch {
		case c == '[' && strings.HasPrefix(s[i:], "[:"):
			end := strings.Index(s[i:], ":]")
			if end < 0 {
				m = lit(c)
				b = int(c)
				i++
			} else {
				m = s[i : i+end+2]
				i += end + 2
			}
		case c == '\\':
			tok, n, bytes := escapeToken(s[i:], true)
			i += n
			if len(bytes) == 1 {
				m, b = lit(bytes[0]), int(bytes[0])
			} else if bytes != nil {
				for _, x := range bytes {
					members = append(members, lit(x))
				}
				continue
			} else {
				m = tok
			}
		default:
			m, b = lit(c), int(c)
			i++
		}
		// A range: member '-' member.
		if b >= 0 && i+1 < len(s) && s[i] == '-' && s[i+1] != ']' {
			j := i + 1
			var hi int
			if s[j] == '\\' {
				_, n, bytes := escapeToken(s[j:], true)
				if len(bytes) != 1 {
					members = append(members, m)
					continue
				}
				hi, j = int(bytes[0]), j+n
			} else {
				hi, j = int(s[j]), j+1
			}
			m = lit(byte(b)) + "-" + lit(byte(hi))
			i = j
		}
		members = append(members, m)
	}
	sort.Strings(members)
	members = dedupe(members)
	if len(members) == 1 && !neg {
		return members[0], i
	}
	tok := "[" + strings.Join(members, " ") + "]"
	if neg {
		tok = "[^" + tok[1:]
	}
	return tok, i
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
