package template

import (
	"strconv"
	"strings"

	"github.com/signetscan/signet/probes"
)

// Limits of service_scan.cc: getsubstcommandargs and substvar (M6.2).
const (
	maxArgs       = 5   // SUBSTARGS_MAX_ARGS
	maxStrArg     = 127 // SUBSTARGS_STRLEN − 1
	maxCmdName    = 15  // sizeof(substcommand) − 1
	maxOvecGroups = 50  // int ovector[150]: 50 pairs incl. the whole match
)

// match is the result of one successful pattern match.
type match struct {
	subject []byte
	loc     []int
	n       int // pcre_exec's return value: highest set group + 1, 0 when it does not fit
}

func newMatch(subject []byte, loc []int) *match {
	m := &match{subject: subject, loc: loc}
	for i := len(loc)/2 - 1; i >= 0; i-- {
		if loc[2*i] >= 0 {
			m.n = i + 1
			break
		}
	}
	if m.n > maxOvecGroups { // pcre_exec returns 0: the ovector is too small
		m.n = 0
	}
	return m
}

// group returns capture n as substvar sees it, or false when the
// substitution fails: n outside 1..9, n ≥ the number of set groups, an
// unset group (an assertion failure in 7.93, a failure in HEAD) or offsets
// outside the subject.
func (m *match) group(n int) (start, end int, ok bool) {
	if n > 9 || n <= 0 || n >= m.n || 2*n+1 >= len(m.loc) {
		return 0, 0, false
	}
	start, end = m.loc[2*n], m.loc[2*n+1]
	if start < 0 || end < start || end > len(m.subject) {
		return 0, 0, false
	}
	return start, end, true
}

// subst is dotmplsubst: it expands tmpl into a buffer of size bytes, or
// reports false. With cpe set, each substitution is passed through
// transformCPE (M6.6).
func (m *match) subst(tmpl string, size int, cpe bool) (string, bool) {
	tmpl = cString(tmpl)
	if size < 3 {
		return "", false
	}
	var dst []byte
	src := tmpl
	for len(src) > 0 {
		i := strings.IndexByte(src, '$')
		if i < 0 {
			// Only literal text remains: each byte needs a free byte after it.
			if len(dst)+len(src) > size-1 {
				return "", false
			}
			dst = append(dst, src...)
			return trimRight(dst), true
		}
		// Literal text before the '$' may fill the buffer completely
		// (7.93 checks newstrend - dst <= newlen - 1).
		if len(dst)+i > size {
			return "", false
		}
		dst = append(dst, src[:i]...)
		val, rest, ok := m.substvar(src[i:], tmpl)
		if !ok {
			return "", false
		}
		val = cString(val) // substitutions are C strings (M6.5)
		if cpe {
			val = transformCPE(val)
		}
		// A substitution must leave two bytes free (dst + newlen >= newstrend - 1).
		if len(dst)+len(val) >= size-1 {
			return "", false
		}
		dst = append(dst, val...)
		src = rest
	}
	if len(dst) >= size-1 {
		return "", false
	}
	return trimRight(dst), true
}

// trimRight strips trailing isspace bytes and commas (M6.3).
func trimRight(b []byte) string {
	for len(b) > 0 && (isSpace(b[len(b)-1]) || b[len(b)-1] == ',') {
		b = b[:len(b)-1]
	}
	return string(b)
}

// substvar expands the variable at the start of s ("$1", "$P(2)", ...) and
// returns its value and the text after it. whole is the complete template,
// for the look-behind of the quote rule.
func (m *match) substvar(s, whole string) (string, string, bool) {
	s = s[1:] // the '$'
	if len(s) > 0 && isDigit(s[0]) {
		start, end, ok := m.group(int(s[0] - '0'))
		if !ok {
			return "", "", false
		}
		return string(m.subject[start:end]), s[1:], true
	}
	p := strings.IndexByte(s, '(')
	if p <= 0 || p > maxCmdName {
		return "", "", false
	}
	name := s[:p]
	args, rest, ok := parseArgs(s[p+1:], len(whole)-len(s)+p+1, whole)
	if !ok || len(args) == 0 {
		return "", "", false
	}
	switch name {
	case "P":
		if len(args) != 1 || args[0].isStr {
			return "", "", false
		}
		start, end, ok := m.group(args[0].i)
		if !ok {
			return "", "", false
		}
		var b []byte
		for _, c := range m.subject[start:end] {
			if isPrint(c) {
				b = append(b, c)
			}
		}
		return string(b), rest, true
	case "SUBST":
		if len(args) != 3 || args[0].isStr || !args[1].isStr || !args[2].isStr {
			return "", "", false
		}
		start, end, ok := m.group(args[0].i)
		if !ok {
			return "", "", false
		}
		find, repl := args[1].s, args[2].s
		if find == "" {
			return "", "", false // 7.93 loops forever
		}
		var b []byte
		for i := start; i < end; {
			// 7.93 compares past the end of the capture (but not of the subject here).
			if i+len(find) <= len(m.subject) && string(m.subject[i:i+len(find)]) == find {
				b = append(b, repl...)
				i += len(find)
			} else {
				b = append(b, m.subject[i])
				i++
			}
		}
		return string(b), rest, true
	case "I":
		if len(args) != 2 || args[0].isStr || !args[1].isStr || len(args[1].s) != 1 {
			return "", "", false
		}
		start, end, ok := m.group(args[0].i)
		if !ok || end-start > 8 {
			return "", "", false
		}
		var v uint64
		switch args[1].s[0] {
		case '>':
			for _, c := range m.subject[start:end] {
				v = v<<8 | uint64(c)
			}
		case '<':
			for i := end - 1; i >= start; i-- {
				v = v<<8 | uint64(m.subject[i])
			}
		default:
			return "", "", false
		}
		return strconv.FormatUint(v, 10), rest, true
	}
	return "", "", false
}

type arg struct {
	isStr bool
	s     string
	i     int
}

// parseArgs is getsubstcommandargs. s starts after the '('; off is the
// offset of s in whole. It returns the arguments and the text after the
// closing ')' (or the end of the template: 7.93 accepts a missing ')').
func parseArgs(s string, off int, whole string) ([]arg, string, bool) {
	at := func(i int) byte { // C-string view of s
		if i < len(s) {
			return s[i]
		}
		return 0
	}
	var args []arg
	i := 0
	for at(i) != 0 && at(i) != ')' {
		for isSpace(at(i)) {
			i++
		}
		if at(i) == ')' {
			break
		}
		if len(args) == maxArgs {
			// 7.93 checks this for strings only and overruns its arrays
			// with a sixth integer; both fail here.
			return nil, "", false
		}
		if at(i) == '"' {
			var raw []byte
			for {
				i++
				c := at(i)
				if c == 0 {
					return nil, "", false // unterminated: 7.93 reads past the template
				}
				if c == '"' && (whole[off+i-1] != '\\' || whole[off+i-2] == '\\') {
					break
				}
				if len(raw) >= maxStrArg {
					return nil, "", false
				}
				raw = append(raw, c)
			}
			v, ok := cUnescape(raw)
			if !ok {
				return nil, "", false
			}
			args = append(args, arg{isStr: true, s: string(v)})
			i++
		} else {
			v, n := strtol(s[i:])
			if n == 0 {
				return nil, "", false
			}
			i += n
			args = append(args, arg{i: v})
		}
		// Skip to the next ',' or ')' (strpbrk).
		j := strings.IndexAny(s[min(i, len(s)):], ",)")
		if j < 0 {
			return nil, "", false
		}
		i += j
		if s[i] == ',' {
			i++
		}
	}
	if at(i) == ')' {
		i++
	}
	return args, s[min(i, len(s)):], true
}

// strtol is C's strtol(s, &end, 0) converted to int: it returns the value
// and the number of bytes consumed (0 when there is no number).
func strtol(s string) (int, int) {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	base := 10
	switch {
	case i+1 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') && i+2 < len(s) && isXDigit(s[i+2]):
		base = 16
		i += 2
	case i < len(s) && s[i] == '0':
		base = 8
	}
	start := i
	limit := uint64(1<<63 - 1) // LONG_MAX
	if neg {
		limit = 1 << 63 // -LONG_MIN
	}
	var v uint64
	over := false
	for i < len(s) {
		d := uint64(digitVal(s[i]))
		if d >= uint64(base) {
			break
		}
		if !over && v > (limit-d)/uint64(base) {
			over = true
		}
		if !over {
			v = v*uint64(base) + d
		}
		i++
	}
	if i == start {
		return 0, 0
	}
	if over {
		v = limit
	}
	l := int64(v) // -LONG_MIN wraps to LONG_MIN below
	if neg {
		l = -l
	}
	return int(int32(l)), i // (int) of a 64-bit long keeps the low 32 bits
}

func digitVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

// cUnescape is utils.cc: cstring_unescape (rule P7) on a quoted argument,
// which C reads only up to an embedded NUL.
func cUnescape(s []byte) ([]byte, bool) {
	if i := indexNUL(s); i >= 0 {
		s = s[:i]
	}
	out, err := probes.Unescape(string(s))
	return out, err == nil
}

// transformCPE escapes a substitution for a CPE URL (M6.6, transform_cpe).
func transformCPE(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(":/?#[]@!$&'()*+,;=%<>\"", c) >= 0:
			b.WriteByte('%')
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
		case isSpace(c):
			b.WriteByte('_')
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		default:
			b.WriteByte(c) // glibc's C-locale tolower leaves bytes ≥ 0x80 alone
		}
	}
	return b.String()
}

// cString cuts s at its first NUL, as C string handling does.
func cString(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

func indexNUL(b []byte) int {
	for i, c := range b {
		if c == 0 {
			return i
		}
	}
	return -1
}

// C-locale ctype.
func isSpace(c byte) bool  { return c == ' ' || (c >= '\t' && c <= '\r') }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isXDigit(c byte) bool { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }
func isAlnum(c byte) bool  { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'z') }
func isPrint(c byte) bool  { return c >= 0x20 && c <= 0x7e }
