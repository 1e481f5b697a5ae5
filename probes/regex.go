//go:build !pcre2

package probes

import "github.com/signetscan/signet/pcre"

// compileRegex compiles the pattern of a match line (rule M3). It is a
// variable so tests can substitute it; build with -tags pcre2 to use libpcre2.
var compileRegex = func(p string, f pcre.Flags) (pcre.Regex, error) {
	re, err := pcre.Compile(p, f)
	if err != nil {
		return nil, err
	}
	return re, nil
}
