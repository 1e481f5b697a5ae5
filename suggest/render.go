package suggest

import (
	"fmt"
	"strings"
)

// This file writes regexes and match lines in nmap's format. A pattern
// between m| and | is handed to PCRE as written: nmap has no escape for the
// delimiter, so the delimiter byte must not appear in the pattern at all
// (it is written \xHH where the reply holds it); bytes outside printable
// ASCII are \xHH, CR LF TAB are \r \n \t, NUL is \0 (\x00 before a digit,
// where PCRE would read an octal escape), and the metacharacters
// \ ^ $ . | ? * + ( ) [ ] { } get a backslash.

const meta = `\^$.|?*+()[]{}`

// escapeByte writes one reply byte as a pattern literal; hexOut is a byte
// that must be written as \xHH (the delimiter), or 0 for none.
func escapeByte(c, hexOut byte, beforeDigit bool) string {
	switch {
	case c == hexOut && hexOut != 0:
		return fmt.Sprintf(`\x%02x`, c)
	case c == 0:
		if beforeDigit {
			return `\x00`
		}
		return `\0`
	case c == '\r':
		return `\r`
	case c == '\n':
		return `\n`
	case c == '\t':
		return `\t`
	case c < 0x20 || c >= 0x7f:
		return fmt.Sprintf(`\x%02x`, c)
	case strings.IndexByte(meta, c) >= 0:
		return `\` + string(c)
	}
	return string(c)
}

// escapeLit writes b as pattern literals; next is the first byte the
// pattern continues with (for \0 before a digit), or -1.
func escapeLit(b []byte, hexOut byte, next int) string {
	var s strings.Builder
	for i, c := range b {
		n := next
		if i+1 < len(b) {
			n = int(b[i+1])
		}
		s.WriteString(escapeByte(c, hexOut, n >= '0' && n <= '9'))
	}
	return s.String()
}

// part is one element of a regex being built: literal reply bytes, a class,
// the version group, or a gap over skipped units.
type part struct {
	lit   []byte
	re    string
	group bool // the version capture: re is its inner class
	gap   bool // skipped units: re is the gap
}

// pattern renders parts; it reports whether '.' is used (the line then
// needs the s flag).
func pattern(parts []part, hexOut byte) (string, bool) {
	var s strings.Builder
	s.WriteString("^")
	dot := false
	for i, p := range parts {
		next := -1
		if i+1 < len(parts) {
			if q := parts[i+1]; q.lit != nil && len(q.lit) > 0 {
				next = int(q.lit[0])
			} else if q.re != "" && !q.group {
				next = int(q.re[0]) // a class starts with [, \ or . : never a digit
			}
		}
		switch {
		case p.lit != nil:
			s.WriteString(escapeLit(p.lit, hexOut, next))
		case p.group:
			s.WriteString("(" + p.re + ")")
		default:
			s.WriteString(p.re)
		}
		if p.lit == nil && usesDot(p.re) {
			dot = true
		}
	}
	return s.String(), dot
}

// usesDot reports whether a generated class uses '.' as "any byte".
func usesDot(re string) bool {
	inClass := false
	for i := 0; i < len(re); i++ {
		switch c := re[i]; {
		case c == '\\':
			i++
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '.' && !inClass:
			return true
		}
	}
	return false
}

// delimiters nmap users are used to, in order of preference.
const delimiters = "|=%@#!~;&,'\"/:"

// chooseDelim returns a delimiter absent from pat, or 0 when every one
// occurs.
func chooseDelim(pat string) byte {
	for i := 0; i < len(delimiters); i++ {
		if strings.IndexByte(pat, delimiters[i]) < 0 {
			return delimiters[i]
		}
	}
	return 0
}

// render writes the pattern with a delimiter it does not contain: when the
// reply holds every usual delimiter, '|' bytes are written \x7c.
func render(parts []part) (pat string, delim byte, dot bool) {
	pat, dot = pattern(parts, 0)
	if d := chooseDelim(pat); d != 0 {
		return pat, d, dot
	}
	pat, dot = pattern(parts, '|')
	return pat, chooseDelim(pat), dot
}

// versionTemplate writes a version template such as p/OpenSSH/ with a delimiter
// the value does not contain; ok is false when it contains them all.
func versionTemplate(mode, value string) (string, bool) {
	for _, d := range "/|=%@#!~;&,'\":" {
		if !strings.ContainsRune(value, d) {
			return mode + string(d) + value + string(d), true
		}
	}
	return "", false
}

// Fields are the version fields a suggested line sets.
type Fields struct {
	Service, Product, Info, OS, Device string
	Version                            bool // v/$1/ from the captured version
}

// matchLine assembles the match line.
func matchLine(f Fields, pat string, delim byte, dot bool) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "match %s m%c%s%c", f.Service, delim, pat, delim)
	if dot {
		b.WriteString("s")
	}
	add := func(mode, v string) error {
		if v == "" {
			return nil
		}
		t, ok := versionTemplate(mode, v)
		if !ok {
			return fmt.Errorf("%s value %q contains every delimiter nmap could use", mode, v)
		}
		b.WriteString(" " + t)
		return nil
	}
	for _, kv := range [][2]string{{"p", f.Product}, {"v", map[bool]string{true: "$1"}[f.Version]}, {"i", f.Info}, {"o", f.OS}, {"d", f.Device}} {
		if err := add(kv[0], kv[1]); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}
