package probes

import (
	"errors"
	"regexp"
	"regexp/syntax"
	"testing"

	"github.com/signetscan/signet/pcre"
)

// engineReady reports whether the real regex engine behind compileRegex
// compiles patterns (the pure-Go engine was a placeholder that failed them all).
func engineReady() bool {
	re, err := compileRegex(`^a(b)?`, 0)
	return err == nil && re != nil
}

// stubRegex stands in for the pcre engine in tests: it uses Go's regexp when
// it understands the pattern and otherwise never matches.
type stubRegex struct {
	src string
	re  *regexp.Regexp
}

func (s stubRegex) Exec(b []byte) ([]int, error) {
	if s.re == nil {
		return nil, nil
	}
	return s.re.FindSubmatchIndex(b), nil
}
func (s stubRegex) NumSubexp() int {
	if s.re == nil {
		return 0
	}
	return s.re.NumSubexp()
}
func (s stubRegex) String() string { return s.src }

func stubCompile(p string, f pcre.Flags) (pcre.Regex, error) {
	prefix := ""
	if f&pcre.Caseless != 0 {
		prefix += "(?i)"
	}
	if f&pcre.DotAll != 0 {
		prefix += "(?s)"
	}
	re, err := regexp.Compile(prefix + p)
	var se *syntax.Error
	if errors.As(err, &se) && (se.Code == syntax.ErrMissingParen || se.Code == syntax.ErrUnexpectedParen) {
		// PCRE1 reports a missing ) at the end of the pattern.
		return nil, &pcre.SyntaxError{Offset: len(p), Msg: "missing )"}
	}
	return stubRegex{p, re}, nil
}

// useRegex makes compileRegex the real engine when it works, else the stub,
// for the duration of the test. It reports whether the real engine is used.
func useRegex(tb testing.TB) bool {
	if engineReady() {
		return true
	}
	old := compileRegex
	compileRegex = stubCompile
	tb.Cleanup(func() { compileRegex = old })
	return false
}

// useStub makes compileRegex the stub for the duration of the test.
func useStub(tb testing.TB) {
	old := compileRegex
	compileRegex = stubCompile
	tb.Cleanup(func() { compileRegex = old })
}

// nopCompile accepts every pattern; its regex never matches.
func nopCompile(p string, f pcre.Flags) (pcre.Regex, error) { return stubRegex{src: p}, nil }
