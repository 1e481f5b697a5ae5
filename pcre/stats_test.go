//go:build devaid

// Development aids, not checks: they write files for comparing this engine
// with pcre2test, and run only when asked for, e.g.
//
//	PCRE_LIMIT_CASES=cases.tsv go test -tags devaid -run TestDumpLimits ./pcre

package pcre

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"testing"
)

// limitsFor runs re on subject and returns the largest per-attempt frame
// count and depth: PCRE2's minimum match limit and (depth+1) minimum depth
// limit for the same match, as pcre2test's find_limits reports them.
func limitsFor(re *Regexp, subject []byte) (calls, depth int, loc []int, err error) {
	p := re.build()
	m := &machine{ovsz: 2 * p.ncap, maxF: 1 << 40, limit: 10000000, depthLim: 10000000}
	loc = make([]int, 2*(p.ncap+1))
	rc := re.search(m, p, subject, loc)
	switch rc {
	case rMatch:
	case rLimit:
		loc, err = nil, ErrMatchLimit
	default:
		loc = nil
	}
	return m.statCalls, m.statDepth + 1, loc, err
}

// TestDumpLimits writes this engine's per-case limits for cases listed in
// $PCRE_LIMIT_CASES (a development aid for comparing with pcre2test's
// find_limits).
func TestDumpLimits(t *testing.T) {
	path := os.Getenv("PCRE_LIMIT_CASES")
	if path == "" {
		t.Fatal("set PCRE_LIMIT_CASES to a file of cases")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		f := strings.Split(line, "\t")
		pat, _ := hex.DecodeString(f[0])
		subj, _ := hex.DecodeString(f[2])
		var fl Flags
		if strings.Contains(f[1], "i") {
			fl |= Caseless
		}
		if strings.Contains(f[1], "s") {
			fl |= DotAll
		}
		re, err := Compile(string(pat), fl)
		if err != nil {
			fmt.Fprintf(&out, "ERR %v\n", err)
			continue
		}
		c, d, loc, _ := limitsFor(re, subj)
		rl, rerr := re.Exec(subj)
		fmt.Fprintf(&out, "%d %d %v real=%v/%v\n", c, d, loc, rl != nil, rerr != nil)
	}
	os.WriteFile(path+".out", out.Bytes(), 0o644)
}

// TestDumpMinLen writes this engine's minimum lengths for the reference
// patterns into $PCRE_MINLEN_OUT (development aid).
func TestDumpMinLen(t *testing.T) {
	path := os.Getenv("PCRE_MINLEN_OUT")
	if path == "" {
		t.Fatal("set PCRE_MINLEN_OUT to the file to write")
	}
	var out bytes.Buffer
	for _, p := range loadReference(t) {
		re := MustCompile(p.pat, p.flags)
		fmt.Fprintf(&out, "%d\n", re.build().minLen)
	}
	os.WriteFile(path, out.Bytes(), 0o644)
}
