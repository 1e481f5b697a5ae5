package pcre

import "errors"

// Flags are the pattern options nmap-service-probes can set after the closing
// delimiter of an m-string (rule M3): i and s.
type Flags uint8

const (
	Caseless Flags = 1 << iota // `i`: PCRE_CASELESS, ASCII letters only
	DotAll                     // `s`: PCRE_DOTALL, `.` also matches '\n'
)

// ErrMatchLimit is returned by Exec when a search exhausts its step budget.
// Callers treat it as "no match" (rule M3).
var ErrMatchLimit = errors.New("pcre: match limit exceeded")

// SyntaxError is a pattern compile failure. Offset is the byte offset in the
// pattern where PCRE would report it; Msg is PCRE's wording where practical
// (e.g. "missing )").
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return e.Msg }

// Regex is what the rest of signet needs from a compiled pattern. Both the
// pure-Go engine (*Regexp) and the optional libpcre2 engine implement it.
type Regex interface {
	// Exec matches subject and returns the capture offsets: 2*(NumSubexp()+1)
	// ints, -1 for groups that did not participate; nil when there is no
	// match. err is ErrMatchLimit when the budget ran out (loc is then nil).
	Exec(subject []byte) (loc []int, err error)
	// NumSubexp is the number of capturing groups.
	NumSubexp() int
	// String returns the source pattern.
	String() string
}

// Prefix describes a literal every match must start with, found at compile
// time; matchers use it to skip patterns cheaply.
type Prefix struct {
	Literal  []byte // bytes every match begins with (empty if none)
	Anchored bool   // the match can only start at offset 0 (pattern begins with ^ or \A)
	Caseless bool   // Literal must be compared with ASCII case folding
}
