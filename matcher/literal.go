package matcher

import (
	"strings"
)

// requiredLiteral returns a byte string that every match of pattern must
// contain, and whether it is compared without case; "" when none of at
// least minRequired bytes can be proved. The analysis is conservative: it
// reads only the top-level sequence of the pattern, skips groups and
// classes whole, drops a byte that a quantifier may remove, and gives up on
// anything it does not understand (top-level alternation, \Q…\E, extended
// mode). It only lets the matcher skip a line before running the regex, so
// a miss costs speed, never an answer; TestRequiredLiteralSound checks it on
// nmap's file.
func requiredLiteral(pattern string, caseless bool) (lit string, fold bool) {
	if strings.Contains(pattern, `\Q`) || strings.Contains(pattern, "(?") && inlineFlags(pattern) {
		return "", false
	}
	if strings.Contains(pattern, "(?i") {
		caseless = true
	}
	var best, cur []byte
	flush := func() {
		if len(cur) > len(best) {
			best = append(best[:0], cur...)
		}
		cur = cur[:0]
	}
	i := 0
	n := len(pattern)
	for i < n {
		c := pattern[i]
		var b byte
		isLit := false
		next := i + 1
		switch c {
		case '|':
			return "", false // top-level alternation
		case '(':
			j, ok := skipGroup(pattern, i)
			if !ok {
				return "", false
			}
			flush()
			i = skipQuant(pattern, j)
			continue
		case '[':
			j, ok := skipClass(pattern, i)
			if !ok {
				return "", false
			}
			flush()
			i = skipQuant(pattern, j)
			continue
		case '.', '^', '$':
			flush()
			i = skipQuant(pattern, next)
			continue
		case ')', '*', '+', '?', '{':
			return "", false // unbalanced or odd: give up
		case '\\':
			if i+1 >= n {
				return "", false
			}
			e := pattern[i+1]
			next = i + 2
			switch {
			case e == 'r':
				b, isLit = '\r', true
			case e == 'n':
				b, isLit = '\n', true
			case e == 't':
				b, isLit = '\t', true
			case e == 'x':
				if i+3 < n && isHex(pattern[i+2]) && isHex(pattern[i+3]) {
					b, isLit = unhex(pattern[i+2])<<4|unhex(pattern[i+3]), true
					next = i + 4
				} else {
					return "", false
				}
			case isAlnum(e):
				// classes, anchors, back-references, octal: not a literal
				flush()
				i = skipQuant(pattern, next)
				continue
			default:
				b, isLit = e, true // an escaped punctuation byte
			}
		default:
			b, isLit = c, true
		}
		if !isLit {
			return "", false
		}
		// A quantifier after the byte decides whether it is required.
		if next < n {
			switch q := pattern[next]; {
			case q == '?' || q == '*':
				flush()
				i = skipQuant(pattern, next)
				continue
			case q == '{':
				if min, end, ok := braceMin(pattern, next); ok {
					if min == 0 {
						flush()
					} else {
						cur = append(cur, b)
						flush()
					}
					i = end
					continue
				}
			case q == '+':
				cur = append(cur, b)
				flush()
				i = skipQuant(pattern, next)
				continue
			}
		}
		cur = append(cur, b)
		i = next
	}
	flush()
	if len(best) < minRequired {
		return "", false
	}
	if caseless {
		return string(asciiLower(best)), true
	}
	return string(best), false
}

// asciiLower lower-cases ASCII letters only, as PCRE's caseless matching
// folds them (bytes from 0x80 never fold).
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// minRequired is the shortest literal worth a search.
const minRequired = 3

// inlineFlags reports whether the pattern sets x (extended) mode anywhere.
func inlineFlags(p string) bool {
	for i := 0; i+2 < len(p); i++ {
		if p[i] == '(' && p[i+1] == '?' {
			for j := i + 2; j < len(p) && p[j] != ')' && p[j] != ':'; j++ {
				if p[j] == 'x' {
					return true
				}
			}
		}
	}
	return false
}

// skipGroup returns the index after the group starting at p[i] == '('.
func skipGroup(p string, i int) (int, bool) {
	depth := 0
	for i < len(p) {
		switch p[i] {
		case '\\':
			i += 2
			continue
		case '[':
			j, ok := skipClass(p, i)
			if !ok {
				return 0, false
			}
			i = j
			continue
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1, true
			}
		}
		i++
	}
	return 0, false
}

// skipClass returns the index after the class starting at p[i] == '['.
func skipClass(p string, i int) (int, bool) {
	j := i + 1
	if j < len(p) && p[j] == '^' {
		j++
	}
	if j < len(p) && p[j] == ']' {
		j++ // a leading ] is a literal
	}
	for j < len(p) {
		switch p[j] {
		case '\\':
			j += 2
			continue
		case '[':
			if j+1 < len(p) && p[j+1] == ':' {
				k := strings.Index(p[j+2:], ":]")
				if k < 0 {
					return 0, false
				}
				j += k + 4
				continue
			}
		case ']':
			return j + 1, true
		}
		j++
	}
	return 0, false
}

// skipQuant skips a quantifier (and its lazy/possessive suffix) at p[i].
func skipQuant(p string, i int) int {
	if i >= len(p) {
		return i
	}
	switch p[i] {
	case '*', '+', '?':
		i++
	case '{':
		if _, end, ok := braceMin(p, i); ok {
			return end
		}
		return i
	default:
		return i
	}
	if i < len(p) && (p[i] == '?' || p[i] == '+') {
		i++
	}
	return i
}

// braceMin reads a {n}, {n,} or {n,m} quantifier at p[i]; end is past it
// and its lazy/possessive suffix. ok is false when it is not a quantifier
// (PCRE then reads "{" literally).
func braceMin(p string, i int) (min, end int, ok bool) {
	j := i + 1
	start := j
	for j < len(p) && p[j] >= '0' && p[j] <= '9' {
		min = min*10 + int(p[j]-'0')
		j++
	}
	if j == start {
		return 0, 0, false
	}
	if j < len(p) && p[j] == ',' {
		j++
		for j < len(p) && p[j] >= '0' && p[j] <= '9' {
			j++
		}
	}
	if j >= len(p) || p[j] != '}' {
		return 0, 0, false
	}
	j++
	if j < len(p) && (p[j] == '?' || p[j] == '+') {
		j++
	}
	return min, j, true
}

func isHex(c byte) bool {
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

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
