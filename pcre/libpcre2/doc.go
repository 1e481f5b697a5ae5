// Package libpcre2 is the opt-in libpcre2-8 (cgo) regex engine, used as the reference
// for signet's pure-Go engine; build with `go build -tags pcre2` (needs libpcre2-dev).
package libpcre2
