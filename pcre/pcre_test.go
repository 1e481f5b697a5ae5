package pcre

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// pcreCases were checked against libpcre2 10.42 (pcre2test / the libpcre2
// package, no UTF, default tables): pattern, flags, subject, expected
// offsets (nil = no match) or, for compile errors, PCRE2's offset and
// message (loc nil, errOff >= 0).
var pcreCases = []struct {
	pat    string
	flags  Flags
	subj   string
	loc    []int
	errOff int
	errMsg string
}{
	{"\\x41\\x{42}\\103\\o{104}\\0", 0, "ABCD\x00", []int{0, 5}, -1, ""}, // hex, braced hex, octal, \o{}, \0
	{"a\\12b\\012c", 0, "a\nb\nc", []int{0, 5}, -1, ""},                  // \12 is octal when there are fewer than 12 groups
	{"(a)\\1", 0, "aa", []int{0, 2, 0, 1}, -1, ""},                       // \1 is a back reference
	{"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\\11", 0, "abcdefghijkk", []int{0, 12, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11}, -1, ""}, // \11 is a back reference with 11 groups
	{"\\81", 0, "81", nil, 2, "reference to non-existent subpattern"},                                                                                       // \8.. is always a reference
	{"\\cA\\c[\\c?\\e\\a\\f\\t", 0, "\x01\x1b\x7f\x1b\a\f\t", []int{0, 7}, -1, ""},                                                                          // control escapes
	{"\\Qa.b*\\E+", 0, "a.b**", []int{0, 5}, -1, ""},                                                                                                        // \Q..\E quotes; quantifier applies to the last char
	{".", 0, "\n", []int(nil), -1, ""},                                                                                                                      // . does not match LF
	{".", 2, "\n", []int{0, 1}, -1, ""},                                                                                                                     // . matches LF with s
	{"\\N", 2, "\na", []int{1, 2}, -1, ""},                                                                                                                  // \N never matches LF
	{"\\s+", 0, "a\t\n\v\f\r b", []int{1, 7}, -1, ""},                                                                                                       // \s includes VT
	{"\\S+", 0, "\xa0\x85x ", []int{0, 3}, -1, ""},                                                                                                          // bytes >= 0x80 are not spaces
	{"\\w+", 0, "\xe9abc_1\xff", []int{1, 6}, -1, ""},                                                                                                       // \w is ASCII only
	{"\\d+", 0, "\xb2123", []int{1, 4}, -1, ""},                                                                                                             // \d is ASCII only
	{"\\h+", 0, "a \t\xa0b", []int{1, 4}, -1, ""},                                                                                                           // \h: HT, SP, 0xA0
	{"\\v+", 0, "a\n\v\f\r\x85b", []int{1, 6}, -1, ""},                                                                                                      // \v: LF..CR and NEL
	{"\\R", 0, "\r\n", []int{0, 2}, -1, ""},                                                                                                                 // \R matches CRLF as one
	{"a\\Rb", 0, "a\x85b", []int{0, 3}, -1, ""},                                                                                                             // \R matches NEL
	{"[[:alpha:]]+", 0, "1abcXYZ\xe9", []int{1, 7}, -1, ""},                                                                                                 // POSIX alpha is ASCII
	{"[[:^digit:]]+", 0, "12ab3", []int{2, 4}, -1, ""},                                                                                                      // negated POSIX class
	{"[[:space:]]+", 0, "x\v \tx", []int{1, 4}, -1, ""},                                                                                                     // POSIX space includes VT
	{"[]a]+", 0, "x]a]", []int{1, 4}, -1, ""},                                                                                                               // leading ] is literal
	{"[^]a]+", 0, "]ax]", []int{2, 3}, -1, ""},                                                                                                              // leading ] after ^ is literal
	{"[\\b]", 0, "a\b", []int{1, 2}, -1, ""},                                                                                                                // \b is backspace in a class
	{"[a-]+", 0, "x-a-", []int{1, 4}, -1, ""},                                                                                                               // trailing - is literal
	{"[\\d-]+", 0, "x1-2", []int{1, 4}, -1, ""},                                                                                                             // class escape then literal -
	{"[\\x00-\\x1f]+", 0, "a\x00\x1fb", []int{1, 3}, -1, ""},                                                                                                // hex range
	{"[^\\n]+", 0, "ab\ncd", []int{0, 2}, -1, ""},                                                                                                           // negated single char
	{"[aA]b", 0, "Ab", []int{0, 2}, -1, ""},                                                                                                                 // two-case class
	{"abc", 1, "xABC", []int{1, 4}, -1, ""},                                                                                                                 // caseless
	{"\\xe9", 1, "\xc9\xe9", []int{1, 2}, -1, ""},                                                                                                           // bytes >= 0x80 never fold
	{"[a-c]+", 1, "xAbC", []int{1, 4}, -1, ""},                                                                                                              // caseless class
	{"[[:lower:]]+", 1, "ABc", []int{0, 3}, -1, ""},                                                                                                         // [:lower:] is [:alpha:] when caseless
	{"(?i)ab(?-i)c", 0, "ABc ABC", []int{0, 3}, -1, ""},                                                                                                     // inline option on and off
	{"a(?i:b)c", 0, "aBc aBC", []int{0, 3}, -1, ""},                                                                                                         // scoped option
	{"(a(?i)b)c", 0, "aBc aBC", []int{0, 3, 0, 2}, -1, ""},                                                                                                  // option ends with the group
	{"a(?i)b|c", 0, "C", []int{0, 1}, -1, ""},                                                                                                               // option extends over later alternatives
	{"(a)\\1", 1, "aA", []int{0, 2, 0, 1}, -1, ""},                                                                                                          // caseless back reference
	{"(?s:.)(?-s:.)", 0, "\n\n\na", []int{2, 4}, -1, ""},                                                                                                    // (?s) scoped
	{"(?m)^b$", 0, "a\nb\nc", []int{2, 3}, -1, ""},                                                                                                          // multiline
	{"^b", 0, "a\nb", []int(nil), -1, ""},                                                                                                                   // ^ is start of subject only
	{"a$", 0, "a\n", []int{0, 1}, -1, ""},                                                                                                                   // $ before a final LF
	{"a$", 0, "a\n\n", []int(nil), -1, ""},                                                                                                                  // $ not before a non-final LF
	{"a\\Z", 0, "a\n", []int{0, 1}, -1, ""},                                                                                                                 // \Z before final LF
	{"a\\z", 0, "a\n", []int(nil), -1, ""},                                                                                                                  // \z only at the very end
	{"\\Aa", 0, "ba", []int(nil), -1, ""},                                                                                                                   // \A
	{"\\Ga", 0, "ba", []int(nil), -1, ""},                                                                                                                   // \G is the start offset (0)
	{"\\bfoo\\b", 0, "a foo.", []int{2, 5}, -1, ""},                                                                                                         // word boundary
	{"\\Boo\\B", 0, "foo fooo", []int{5, 7}, -1, ""},                                                                                                        // non-boundary
	{"(?<y>a)(?P<z>b)(?'w'c)\\k<y>\\k'z'\\k{w}(?P=y)\\g{1}\\g-3", 0, "abcabcaaa", []int{0, 9, 0, 1, 1, 2, 2, 3}, -1, ""}, // named groups and references
	{"(?>a+)b", 0, "aaab", []int{0, 4}, -1, ""},                                                            // atomic group
	{"(?>a+)ab", 0, "aaab", []int(nil), -1, ""},                                                            // atomic group does not give back
	{"a++b", 0, "aaab", []int{0, 4}, -1, ""},                                                               // possessive
	{"a*+a", 0, "aaa", []int(nil), -1, ""},                                                                 // possessive never backtracks
	{"a+?", 0, "aaa", []int{0, 1}, -1, ""},                                                                 // lazy
	{"a{2,3}?", 0, "aaaa", []int{0, 2}, -1, ""},                                                            // lazy counted
	{"(?=ab)a", 0, "ac ab", []int{3, 4}, -1, ""},                                                           // lookahead
	{"(?!ab)a", 0, "ab ac", []int{3, 4}, -1, ""},                                                           // negative lookahead
	{"(?<=ab|c)x", 0, "abx", []int{2, 3}, -1, ""},                                                          // lookbehind with different fixed lengths
	{"(?<!a)x", 0, "axbx", []int{3, 4}, -1, ""},                                                            // negative lookbehind
	{"(?=(a))a", 0, "a", []int{0, 1, 0, 1}, -1, ""},                                                        // captures inside lookahead are kept
	{"(a)|b", 0, "b", []int{0, 1, -1, -1}, -1, ""},                                                         // unset group is -1
	{"(a)?\\1", 0, "b", []int(nil), -1, ""},                                                                // back reference to an unset group fails
	{"(a|ab)(c|bcd)(d*)", 0, "abcd", []int{0, 4, 0, 1, 1, 4, 4, 4}, -1, ""},                                // first alternative wins
	{"(a|b)*c", 0, "abac", []int{0, 4, 2, 3}, -1, ""},                                                      // last iteration's capture
	{"(?:(a)|b)*", 0, "ab", []int{0, 2, 0, 1}, -1, ""},                                                     // capture from an earlier iteration is kept
	{"(a*)*", 0, "b", []int{0, 0, 0, 0}, -1, ""},                                                           // empty iterations stop
	{"(a*)+", 0, "b", []int{0, 0, 0, 0}, -1, ""},                                                           // empty iteration
	{"(a|)*b", 0, "aab", []int{0, 3, 2, 2}, -1, ""},                                                        // empty alternative
	{"x{,3}", 0, "x{,3}", []int{0, 5}, -1, ""},                                                             // {,3} is literal in 10.42
	{"x{2}", 0, "xxx", []int{0, 2}, -1, ""},                                                                // exact
	{"x{2,}", 0, "xxxx", []int{0, 4}, -1, ""},                                                              // at least
	{"x{1,2}y", 0, "xxxy", []int{1, 4}, -1, ""},                                                            // bounded
	{"x{ 1}", 0, "x{ 1}", []int{0, 5}, -1, ""},                                                             // space makes it literal
	{"a{0}b", 0, "ab", []int{1, 2}, -1, ""},                                                                // zero repeat
	{"(ab){2}", 0, "ababab", []int{0, 4, 2, 4}, -1, ""},                                                    // group repeated
	{"(ab){1,2}?c", 0, "ababc", []int{0, 5, 2, 4}, -1, ""},                                                 // lazy group repeat
	{"(?:a(?#comment)b)", 0, "ab", []int{0, 2}, -1, ""},                                                    // comment
	{"a|", 0, "b", []int{0, 0}, -1, ""},                                                                    // empty alternative matches empty
	{"(?x) a b # c", 0, "ab", []int{0, 2}, -1, ""},                                                         // extended mode
	{"^(\\w+)\\s(\\d+)", 0, "abc 123", []int{0, 7, 0, 3, 4, 7}, -1, ""},                                    // typical capture
	{"^SSH-([\\d.]+)-OpenSSH_([\\w._-]+)", 0, "SSH-2.0-OpenSSH_8.4p1", []int{0, 21, 4, 7, 16, 21}, -1, ""}, // banner
	{"\\0\\0\\1", 0, "\x00\x00\x01", nil, 5, "reference to non-existent subpattern"},                       // \1 with no group is a reference error, not octal
	{"(..)\\0\\0\\1", 0, "ab\x00\x00ab", []int{0, 6, 0, 2}, -1, ""},                                        // nmap-style back reference
}

func TestPCRECases(t *testing.T) {
	for _, c := range pcreCases {
		re, err := Compile(c.pat, c.flags)
		if c.errOff >= 0 {
			se, ok := err.(*SyntaxError)
			if !ok {
				t.Errorf("%q: got %v, want error at %d %q", c.pat, err, c.errOff, c.errMsg)
				continue
			}
			if se.Offset != c.errOff || se.Msg != c.errMsg {
				t.Errorf("%q: error at %d %q, want %d %q", c.pat, se.Offset, se.Msg, c.errOff, c.errMsg)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.pat, err)
			continue
		}
		loc, err := re.Exec([]byte(c.subj))
		if err != nil || fmt.Sprint(loc) != fmt.Sprint(c.loc) {
			t.Errorf("%q on %q: got %v %v, want %v", c.pat, c.subj, loc, err, c.loc)
		}
		if re.NumSubexp() != len(loc)/2-1 && loc != nil {
			t.Errorf("%q: NumSubexp %d, loc %v", c.pat, re.NumSubexp(), loc)
		}
	}
}

// Compile errors: offsets and messages as PCRE2 10.42 reports them, except
// for an unbalanced parenthesis, which uses PCRE1's "missing )" (what nmap
// 7.93 prints).
var errorCases = []struct {
	pat string
	off int
	msg string
}{
	{`(abc`, 4, "missing )"},
	{`a(b(c)d`, 7, "missing )"},
	{`abc)`, 3, "unmatched closing parenthesis"},
	{`[abc`, 4, "missing terminating ] for character class"},
	{`a**`, 2, "quantifier does not follow a repeatable item"},
	{`*a`, 0, "quantifier does not follow a repeatable item"},
	{`{1}`, 2, "quantifier does not follow a repeatable item"},
	{`x{2}{3}`, 6, "quantifier does not follow a repeatable item"},
	{`^*`, 1, "quantifier does not follow a repeatable item"},
	{`a{2,1}`, 5, "numbers out of order in {} quantifier"},
	{`a{70000}`, 7, "number too big in {} quantifier"},
	{`abc\`, 4, "\\ at end of pattern"},
	{`\c`, 2, "\\c at end of pattern"},
	{`\x{100}`, 6, "character code point value in \\x{} or \\o{} is too large"},
	{`\ka`, 2, "\\k is not followed by a braced, angle-bracketed, or quoted name"},
	{`\k<nope>`, 3, "reference to non-existent subpattern"},
	{`(a)\2`, 4, "reference to non-existent subpattern"},
	{`\g{-1}`, 2, "reference to non-existent subpattern"},
	{`(?<n>a)(?<n>b)`, 12, "two named subpatterns have the same name (PCRE2_DUPNAMES not set)"},
	{`[z-a]`, 3, "range out of order in character class"},
	{`[\d-z]`, 3, "invalid range in character class"},
	{`[[:foo:]]`, 3, "unknown POSIX class name"},
	{`[[.a.]]`, 1, "POSIX collating elements are not supported"},
	{`[\R]`, 2, "escape sequence is invalid in character class"},
	{`(?<=a+)b`, 0, "lookbehind assertion is not fixed length"},
	{`(?z)`, 2, "unrecognized character after (? or (?-"},
	{`\i`, 2, "unrecognized character follows \\"},
	{`\u0041`, 2, "PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u"},
	{`\400`, 4, "octal value is greater than \\377 in 8-bit non-UTF-8 mode"},
}

func TestErrors(t *testing.T) {
	for _, c := range errorCases {
		_, err := Compile(c.pat, 0)
		se, ok := err.(*SyntaxError)
		if !ok {
			t.Errorf("%q: got %v, want error", c.pat, err)
			continue
		}
		if se.Offset != c.off || se.Msg != c.msg {
			t.Errorf("%q: got %d %q, want %d %q", c.pat, se.Offset, se.Msg, c.off, c.msg)
		}
	}
}

// Constructs nmap's file does not use are rejected rather than mis-run.
func TestUnsupported(t *testing.T) {
	for _, p := range []string{`(?(1)a|b)`, `(?R)`, `(?1)`, `(?&n)`, `(*FAIL)`, `(?|a|b)`, `\p{L}`, `\X`, `\C`, `\K`, `(?J)`, `(?U)a`} {
		if _, err := Compile(p, 0); err == nil {
			t.Errorf("%q compiled", p)
		}
	}
}

func TestPrefix(t *testing.T) {
	for _, c := range []struct {
		pat   string
		flags Flags
		want  Prefix
	}{
		{`^SSH-(\d)`, 0, Prefix{Literal: []byte("SSH-"), Anchored: true}},
		{`^ab*`, 0, Prefix{Literal: []byte("a"), Anchored: true}},
		{`\Aab`, Caseless, Prefix{Literal: []byte("ab"), Anchored: true, Caseless: true}},
		{`abc`, 0, Prefix{Literal: []byte("abc")}},
		{`^a|^b`, 0, Prefix{Anchored: true}},
		{`(?s).*x`, 0, Prefix{Anchored: true}},
		{`a|b`, 0, Prefix{}},
		{`^\x00\x01`, 0, Prefix{Literal: []byte{0, 1}, Anchored: true}},
	} {
		re := MustCompile(c.pat, c.flags)
		got := re.Prefix()
		if string(got.Literal) != string(c.want.Literal) || got.Anchored != c.want.Anchored || got.Caseless != c.want.Caseless {
			t.Errorf("%q: Prefix %+v, want %+v", c.pat, got, c.want)
		}
	}
}

// TestMatchLimit checks the runaway cases: PCRE2 (match limit 50000, depth
// limit 1000) gives up on these, so Exec must report ErrMatchLimit.
func TestMatchLimit(t *testing.T) {
	for _, c := range []struct{ pat, subj string }{
		{`(a+)+b`, strings.Repeat("a", 30) + "cb"},
		{`^(\w+\s?)*$`, strings.Repeat("hello ", 8) + "!"},
		{`^HTTP/1\.0 404 Not Found\r\n(?:[^<]+|<(?!/head>))*?<style>`, "HTTP/1.0 404 Not Found\r\n" + strings.Repeat("x", 40) + ">"},
		{`^(?:a|\n)*$`, strings.Repeat("a\n", 1200) + "!"}, // depth limit
	} {
		re := MustCompile(c.pat, 0)
		loc, err := re.Exec([]byte(c.subj))
		if err != ErrMatchLimit || loc != nil {
			t.Errorf("%q: got %v %v, want ErrMatchLimit", c.pat, loc, err)
		}
	}
	// ...while the same patterns succeed when PCRE2 does.
	re := MustCompile(`(a+)+b`, 0)
	if loc, err := re.Exec([]byte("aaaab")); err != nil || loc == nil {
		t.Errorf("(a+)+b: %v %v", loc, err)
	}
}

func TestConcurrentExec(t *testing.T) {
	re := MustCompile(`^(\w+) (\d+)(?: (.*))?$`, 0)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				s := fmt.Sprintf("w%d %d tail%d", g, i, i)
				loc, err := re.Exec([]byte(s))
				if err != nil || loc == nil || s[loc[4]:loc[5]] != fmt.Sprint(i) {
					t.Errorf("goroutine %d: %q -> %v %v", g, s, loc, err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}
