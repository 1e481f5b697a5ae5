package probes

import "fmt"

// EscapeError reports a bad escape in a C-style string (rule P7).
type EscapeError struct {
	Offset int    // byte offset of the backslash
	Msg    string // what is wrong
}

func (e *EscapeError) Error() string { return fmt.Sprintf("offset %d: %s", e.Offset, e.Msg) }

// Unescape decodes s as nmap 7.93's cstring_unescape does (rule P7): \0 \a \b
// \f \n \r \t \v, \xHH with exactly two hex digits, and a backslash before
// any non-alphanumeric byte standing for that byte. A backslash before any
// other letter or digit is an error; so is a backslash at the very end, where
// nmap would read past the end of the string. `\015` is not octal: it decodes
// to 0x00 '1' '5'. The error is an *EscapeError.
func Unescape(s string) ([]byte, error) {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		if i+1 >= len(s) {
			return out, &EscapeError{i, `string ends with a lone backslash`}
		}
		e := s[i+1]
		switch e {
		case '0':
			c = 0
		case 'a':
			c = '\a'
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		case 'v':
			c = '\v'
		case 'x':
			if i+3 >= len(s) || !isXDigit(s[i+2]) || !isXDigit(s[i+3]) {
				return out, &EscapeError{i, fmt.Sprintf(`bad escape %q: \x needs exactly two hex digits`, s[i:min(i+4, len(s))])}
			}
			out = append(out, unhex(s[i+2])<<4|unhex(s[i+3]))
			i += 3
			continue
		default:
			if isAlnum(e) {
				return out, &EscapeError{i, fmt.Sprintf(`bad escape %q: only \0 \a \b \f \n \r \t \v \xHH and a backslash before a non-alphanumeric byte are allowed`, s[i:i+2])}
			}
			c = e
		}
		out = append(out, c)
		i++
	}
	return out, nil
}

func isXDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool { return isAlpha(c) || isDigit(c) }

// isSpace is C's isspace in the C locale.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}
