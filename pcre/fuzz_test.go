package pcre

import (
	"testing"
	"time"
)

// FuzzCompileExec: Compile and Exec must never panic, Exec must return
// well-formed offsets, and a single Exec must stay within the step budget
// (bounded time) on small inputs.
func FuzzCompileExec(f *testing.F) {
	for _, s := range [][2]string{
		{`^SSH-([\d.]+)-OpenSSH_([\w._-]+)`, "SSH-2.0-OpenSSH_8.4"},
		{`(a+)+b`, "aaaaaaaaaaaaaaaaaaaaaaaac"},
		{`(?i)^(?:[^<]+|<(?!/head>))*?<style>`, "xx<x<y"},
		{`(?<=ab|c)x\b(?!y)`, "abx cx"},
		{`(?<n>a|b)\k<n>{2,3}?`, "aaab"},
		{`[[:^alpha:]\d-]+$`, "12-!\n"},
		{`\Q*\E{2}x{,3}`, "**x{,3}"},
		{`(?>a*)*+(a)?\1`, "aaa"},
		{`(`, ""},
	} {
		f.Add(s[0], []byte(s[1]), uint8(0))
	}
	f.Fuzz(func(t *testing.T, pat string, subj []byte, fl uint8) {
		if len(pat) > 200 || len(subj) > 512 {
			return
		}
		re, err := Compile(pat, Flags(fl&3))
		if err != nil {
			if _, ok := err.(*SyntaxError); !ok {
				t.Fatalf("Compile(%q): error %T", pat, err)
			}
			return
		}
		t0 := time.Now()
		loc, err := re.Exec(subj)
		if d := time.Since(t0); d > 5*time.Second {
			t.Fatalf("Exec(%q, %q) took %v", pat, subj, d)
		}
		if err != nil {
			if err != ErrMatchLimit || loc != nil {
				t.Fatalf("Exec(%q): %v %v", pat, loc, err)
			}
			return
		}
		if loc == nil {
			return
		}
		if len(loc) != 2*(re.NumSubexp()+1) {
			t.Fatalf("Exec(%q): %d offsets for %d groups", pat, len(loc), re.NumSubexp())
		}
		for i := 0; i < len(loc); i += 2 {
			a, b := loc[i], loc[i+1]
			if (a < 0) != (b < 0) || a > len(subj) || b > len(subj) || (i == 0 && (a < 0 || a > b)) {
				t.Fatalf("Exec(%q, %q): bad offsets %v", pat, subj, loc)
			}
		}
	})
}
