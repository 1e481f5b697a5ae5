// Package pcre is signet's regular-expression engine: a pure-Go backtracking
// matcher for the PCRE subset used by nmap-service-probes, with PCRE's byte semantics.
//
// Patterns and subjects are raw bytes (no UTF-8 mode): `\xff` is the byte 0xFF,
// `.` and classes see bytes, `\w \d \s \b` are ASCII, caseless matching folds
// ASCII letters only, and `$` is PCRE's default (end, or before a final newline).
// Matching is bounded by a step budget modelled on PCRE2's match limit; a
// search that exhausts it reports ErrMatchLimit and counts as "no match",
// the way nmap treats PCRE's limit errors.
package pcre
