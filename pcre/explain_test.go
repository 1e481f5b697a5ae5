package pcre

import "testing"

func TestExplain(t *testing.T) {
	cases := []struct {
		pat     string
		flags   Flags
		subj    string
		matched bool
		prefix  string
		next    string
		end     int
	}{
		// One byte off: the literal gets to the byte before it.
		{`^220 Ready to receive mail -=- ESMTQ\r\n`, 0, "220 Ready to receive mail -=- ESMTP\r\n", false, `^220 Ready to receive mail -=- ESMT`, `Q`, 34},
		{`^220 Ready\r\n`, 0, "220 Ready\r\n", true, `^220 Ready\r\n`, ``, 11},
		{`^SSH-([\d.]+)-OpenSSH_(\S+) Ubuntu`, 0, "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", false, `^SSH-([\d.]+)-OpenSSH_(\S+) `, `U`, 22},
		{`^x+y{2,}z`, 0, "xxxyq", false, `^x+`, ``, 0}, // y{2,} fails: prefix is ^x+
		{`^abc|^abd|^xy`, 0, "abx", false, `^ab`, `c`, 2},
		{`^HTTP/1\.1 \d+ .*\r\nServer: nginx`, DotAll, "HTTP/1.1 200 OK\r\nServer: apache\r\n", false, `^HTTP/1\.1 \d+ .*\r\nServer: `, `n`, 25},
		{`^A\Qb.c\Ed`, 0, "Ab.cx", false, `^A\Qb.c\E`, `d`, 4},
		{`^(?i)hello`, 0, "HELP", false, `^(?i)hel`, `l`, 3},
		{`foo`, 0, "xxfoy", false, `fo`, `o`, 4},
		{`^`, 0, "", true, `^`, ``, 0},
	}
	for _, c := range cases {
		p, err := Explain(c.pat, c.flags, []byte(c.subj))
		if err != nil {
			t.Errorf("%q: %v", c.pat, err)
			continue
		}
		if c.next == "" && !c.matched {
			// only the prefix is checked
			if p.Prefix != c.prefix {
				t.Errorf("%q on %q: prefix %q, want %q", c.pat, c.subj, p.Prefix, c.prefix)
			}
			continue
		}
		if p.Matched != c.matched || p.Prefix != c.prefix || p.Next != c.next || p.End != c.end {
			t.Errorf("%q on %q: got %+v, want matched=%v prefix %q next %q end %d", c.pat, c.subj, p, c.matched, c.prefix, c.next, c.end)
		}
	}
	if _, err := Explain(`a(b`, 0, nil); err == nil {
		t.Error("bad pattern: no error")
	}
}

// FuzzExplain: Explain never panics, and agrees with Exec on whether the
// whole pattern matches.
func FuzzExplain(f *testing.F) {
	f.Add(`^220 (\w+) ESMTP\r\n`, "220 mx ESMTP\r\n")
	f.Add(`^a|b(c)d|\Qx\E+`, "bcd")
	f.Add(`(?i)^x.*y$`, "XaY\n")
	f.Fuzz(func(t *testing.T, pat, subj string) {
		if len(pat) > 200 || len(subj) > 500 {
			return
		}
		re, err := Compile(pat, 0)
		p, err2 := Explain(pat, 0, []byte(subj))
		if (err == nil) != (err2 == nil) {
			t.Fatalf("Compile err %v, Explain err %v", err, err2)
		}
		if err != nil {
			return
		}
		loc, xerr := re.Exec([]byte(subj))
		if xerr != nil {
			return // limits: Explain may differ
		}
		if (loc != nil) != p.Matched {
			t.Fatalf("%q on %q: Exec matched, Explain says %+v", pat, subj, p)
		}
		if p.End < p.Start || p.End > len(subj) {
			t.Fatalf("%q on %q: bad span %+v", pat, subj, p)
		}
	})
}
