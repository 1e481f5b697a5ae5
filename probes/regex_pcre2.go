//go:build pcre2

package probes

import (
	"github.com/signetscan/signet/pcre"
	"github.com/signetscan/signet/pcre/libpcre2"
)

// compileRegex compiles the pattern of a match line (rule M3) with libpcre2.
// It is a variable so tests can substitute it.
//
// The pure-Go engine reads the pattern too: its syntax errors carry nmap
// 7.93's wording and offsets (PCRE1's "missing )"), and its literal prefix
// feeds the matcher's index and lint. libpcre2 does the matching.
var compileRegex = func(p string, f pcre.Flags) (pcre.Regex, error) {
	goRe, goErr := pcre.Compile(p, f)
	re, err := libpcre2.Compile(p, f)
	switch {
	case err != nil && goErr != nil:
		return nil, goErr
	case err != nil:
		return nil, err
	}
	if goErr != nil {
		return re, nil // a construct only libpcre2 knows; no prefix then
	}
	return prefixed{re, goRe.Prefix()}, nil
}

// prefixed is a libpcre2 pattern that also reports its literal prefix.
type prefixed struct {
	*libpcre2.Regexp
	prefix pcre.Prefix
}

func (p prefixed) Prefix() pcre.Prefix { return p.prefix }
