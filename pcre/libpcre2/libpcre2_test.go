//go:build pcre2 && cgo

package libpcre2

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/signetscan/signet/pcre"
)

func TestExec(t *testing.T) {
	tests := []struct {
		pat   string
		flags pcre.Flags
		subj  string
		want  []int // nil: no match
	}{
		{`^SSH-([\d.]+)-([^\s\r\n]+)`, 0, "SSH-2.0-OpenSSH_9.2p1 Debian\r\n", []int{0, 21, 4, 7, 8, 21}},
		{`^220 (.*) ESMTP`, 0, "220 mail ESMTP Postfix\r\n", []int{0, 14, 4, 8}},
		{`^ssh`, 0, "SSH-2.0", nil},
		{`^ssh`, pcre.Caseless, "SSH-2.0", []int{0, 3}},
		{`^a.b`, 0, "a\nb", nil},
		{`^a.b`, pcre.DotAll, "a\nb", []int{0, 3}},
		{`^a.b`, pcre.DotAll | pcre.Caseless, "A\nB", []int{0, 3}},
		// unset groups report -1, also trailing ones
		{`^QQQ(x)?`, 0, "QQQ\r\n", []int{0, 3, -1, -1}},
		{`^TST(x)?(/)`, 0, "TST/", []int{0, 4, -1, -1, 3, 4}},
		{`(a)|(b)`, 0, "b", []int{0, 1, -1, -1, 0, 1}},
		// no UTF: \xff is a byte, '.' is one byte
		{`^\xff\xfe(.)$`, 0, "\xff\xfe\xc3", []int{0, 3, 2, 3}},
		{`^(.)(.)$`, 0, "\xc3\xa9", []int{0, 2, 0, 1, 1, 2}},
		// caseless folds ASCII only (no UTF/UCP): \xe9 does not match \xc9
		{`^\xe9`, pcre.Caseless, "\xc9", nil},
		// $ matches at end or before a final newline, not before an inner one
		{`^abc$`, 0, "abc\n", []int{0, 3}},
		{`^abc$`, 0, "abc\nx", nil},
		// NUL bytes in subject and (raw) in pattern
		{"^a\x00b", 0, "a\x00b", []int{0, 3}},
		{`^a\0b(\0)`, 0, "a\x00b\x00", []int{0, 4, 3, 4}},
		{``, 0, "", []int{0, 0}},
		{`^$`, 0, "", []int{0, 0}},
		{`x`, 0, "", nil},
		// lookaround, lazy, backreference
		{`^(\w+) (?=v)(v[\d.]+?)\.?\r\n`, 0, "srv v1.2.\r\n", []int{0, 11, 0, 3, 4, 8}},
		{`^(a+)-\1$`, 0, "aa-aa", []int{0, 5, 0, 2}},
	}
	for _, tc := range tests {
		re, err := Compile(tc.pat, tc.flags)
		if err != nil {
			t.Errorf("Compile(%q): %v", tc.pat, err)
			continue
		}
		got, err := re.Exec([]byte(tc.subj))
		if err != nil {
			t.Errorf("Exec(%q, %q): %v", tc.pat, tc.subj, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Exec(%q, %q) = %v, want %v", tc.pat, tc.subj, got, tc.want)
		}
		if got != nil && len(got) != 2*(re.NumSubexp()+1) {
			t.Errorf("Exec(%q): len %d, NumSubexp %d", tc.pat, len(got), re.NumSubexp())
		}
		if re.String() != tc.pat {
			t.Errorf("String() = %q, want %q", re.String(), tc.pat)
		}
	}
}

func TestSyntaxError(t *testing.T) {
	tests := []struct {
		pat    string
		offset int
		msg    string
	}{
		{`^abc(`, 5, "missing closing parenthesis"},
		{`^a[bc`, 5, "missing terminating ] for character class"},
		{`^a)`, 2, "unmatched closing parenthesis"},
		{`^*`, 1, "quantifier does not follow a repeatable item"},
		{`\`, 1, "\\ at end of pattern"},
		{`(?<n>a)(?<n>b)`, 12, "two named subpatterns have the same name (PCRE2_DUPNAMES not set)"},
	}
	for _, tc := range tests {
		_, err := Compile(tc.pat, 0)
		var se *pcre.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Compile(%q): err = %v, want *pcre.SyntaxError", tc.pat, err)
			continue
		}
		if se.Offset != tc.offset || se.Msg != tc.msg {
			t.Errorf("Compile(%q) = {%d, %q}, want {%d, %q}", tc.pat, se.Offset, se.Msg, tc.offset, tc.msg)
		}
	}
}

func TestMatchLimit(t *testing.T) {
	// Classic exponential backtracking: 30 a's then a mismatch.
	re := MustCompile(`^(a+)+$`, 0)
	subj := append(bytes.Repeat([]byte("a"), 30), '!')
	loc, err := re.Exec(subj)
	if loc != nil || !errors.Is(err, pcre.ErrMatchLimit) {
		t.Fatalf("Exec = %v, %v; want nil, ErrMatchLimit", loc, err)
	}
	// Deep nesting hits the depth or heap limit, also reported as ErrMatchLimit.
	re = MustCompile(`^(?:(a)|b)*c`, 0)
	loc, err = re.Exec(bytes.Repeat([]byte("a"), 64<<10))
	if loc != nil || !errors.Is(err, pcre.ErrMatchLimit) {
		t.Fatalf("deep: Exec = %v, %v; want nil, ErrMatchLimit", loc, err)
	}
}

func TestConcurrentExec(t *testing.T) {
	re := MustCompile(`^([a-z]+)-(\d+)(x)?$`, 0)
	var wg sync.WaitGroup
	errc := make(chan error, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				s := fmt.Sprintf("%s-%d", strings.Repeat("k", 1+(g+i)%7), i)
				loc, err := re.Exec([]byte(s))
				want := []int{0, len(s), 0, 1 + (g+i)%7, 2 + (g+i)%7, len(s), -1, -1}
				if err != nil || !reflect.DeepEqual(loc, want) {
					errc <- fmt.Errorf("Exec(%q) = %v, %v; want %v", s, loc, err, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Error(err)
	}
}

func TestFree(t *testing.T) {
	for range 1000 {
		re := MustCompile(`^(a|b)+c`, pcre.Caseless)
		if loc, _ := re.Exec([]byte("ABc")); loc == nil {
			t.Fatal("no match")
		}
		re.Free()
		re.Free() // idempotent
	}
	for range 1000 {
		_ = MustCompile(`^x(y)`, 0) // left to the finalizer
	}
	runtime.GC()
	runtime.GC()
}
