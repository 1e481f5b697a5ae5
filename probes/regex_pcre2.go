//go:build pcre2

package probes

import (
	"github.com/signetscan/signet/pcre"
	"github.com/signetscan/signet/pcre/libpcre2"
)

// compileRegex compiles the pattern of a match line (rule M3) with libpcre2.
// It is a variable so tests can substitute it.
var compileRegex = func(p string, f pcre.Flags) (pcre.Regex, error) {
	re, err := libpcre2.Compile(p, f)
	if err != nil {
		return nil, err
	}
	return re, nil
}
