package suggest

import (
	"bytes"
	"fmt"
)

// This file learns what varies by comparing a reply with other replies of
// the same server: the reply to the same probe in another recording
// (--also), where every difference is something that changes between
// connections or days, and similar replies to other probes of the same
// fingerprint, where only differences in numbers, hex strings and binary
// bytes count (a changed word is more likely the probe's doing).

// maxDiff bounds the bytes of each reply that are compared.
const maxDiff = 1024

// tokens splits b for comparison: runs of letters, runs of digits, and
// single other bytes for text; single bytes for binary.
func tokens(b []byte, text bool) [][2]int {
	var out [][2]int
	for i := 0; i < len(b); {
		j := i + 1
		if text {
			switch {
			case isLetter(b[i]):
				for j < len(b) && isLetter(b[j]) {
					j++
				}
			case b[i] >= '0' && b[i] <= '9':
				for j < len(b) && b[j] >= '0' && b[j] <= '9' {
					j++
				}
			}
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// diffSpans compares a with b token by token (longest common subsequence)
// and returns the runs of a that b does not share, as varying spans. also
// says b answers the same probe in another recording.
func diffSpans(a, b []byte, text, also bool) []span {
	a, b = a[:min(len(a), maxDiff)], b[:min(len(b), maxDiff)]
	ta, tb := tokens(a, text), tokens(b, text)
	n, m := len(ta), len(tb)
	if n == 0 || m == 0 || n*m > 1<<20 {
		return nil
	}
	eq := func(i, j int) bool { return bytes.Equal(a[ta[i][0]:ta[i][1]], b[tb[j][0]:tb[j][1]]) }
	// L[i][j]: LCS length (in bytes) of ta[i:] and tb[j:].
	L := make([]int32, (n+1)*(m+1))
	at := func(i, j int) int32 { return L[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := at(i+1, j)
			if w := at(i, j+1); w > v {
				v = w
			}
			if eq(i, j) {
				if w := at(i+1, j+1) + int32(ta[i][1]-ta[i][0]); w > v {
					v = w
				}
			}
			L[i*(m+1)+j] = v
		}
	}
	common := int(at(0, 0))
	// Only replies that are mostly the same say anything about what varies.
	if 2*common < len(a)+len(b)-(len(a)+len(b))*2/5 {
		return nil
	}
	var out []span
	i, j := 0, 0
	runA, runB := -1, -1 // start of the current run of differences
	flush := func(endA, endB int) {
		if runA < 0 {
			return
		}
		if s, ok := varSpan(a, b, runA, endA, runB, endB, text, also); ok {
			out = append(out, s)
		}
		runA, runB = -1, -1
	}
	for i < n || j < m {
		switch {
		case i < n && j < m && eq(i, j) && at(i, j) == at(i+1, j+1)+int32(ta[i][1]-ta[i][0]):
			flush(ta[i][0], tb[j][0])
			i++
			j++
		case j < m && (i == n || at(i, j+1) >= at(i+1, j)):
			if runA < 0 {
				runA, runB = posOf(ta, i, len(a)), tb[j][0]
			}
			j++
		default:
			if runA < 0 {
				runA, runB = ta[i][0], posOf(tb, j, len(b))
			}
			i++
		}
	}
	flush(len(a), len(b))
	return out
}

func posOf(t [][2]int, i, end int) int {
	if i < len(t) {
		return t[i][0]
	}
	return end
}

// varSpan turns a run of differences (a[sa:ea] against b[sb:eb]) into a
// varying span of a, or reports that it should stay literal.
func varSpan(a, b []byte, sa, ea, sb, eb int, text, also bool) (span, bool) {
	if ea <= sa {
		return span{}, false // only b has bytes here: nothing in a to generalise
	}
	x, y := a[sa:ea], b[sb:eb]
	if bytes.IndexByte(x, '\n') >= 0 || bytes.IndexByte(y, '\n') >= 0 {
		return span{}, false // lines came or went: structure, not a value
	}
	lo, hi := min(len(x), len(y)), max(len(x), len(y))
	both := append(append([]byte(nil), x...), y...)
	digits, hex, word, bin, space, cr := true, true, true, false, false, false
	for _, c := range both {
		isD := c >= '0' && c <= '9'
		isH := isD || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
		digits = digits && isD
		hex = hex && isH
		word = word && (isD || isLetter(c) || c == '_')
		bin = bin || !printable(c)
		// every byte \s matches (a \r too: [^\s] would stop at it)
		space = space || c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
		cr = cr || c == '\r'
	}
	what := "varies between replies"
	if also {
		what = "varies between recordings"
	}
	quant := "+"
	if lo == 0 {
		quant = "*"
	}
	switch {
	case !text || bin:
		re := "."
		if hi > 1 || lo != hi {
			if lo == hi {
				re = fmt.Sprintf(".{%d}", hi)
			} else {
				re = fmt.Sprintf(".{%d,%d}", lo, hi)
			}
		}
		if lo == hi && hi <= 4 {
			re = ""
			for k := 0; k < hi; k++ {
				re += "."
			}
		}
		return span{start: sa, end: ea, re: re, what: what, prio: prioOf(also)}, true
	case digits:
		return span{start: sa, end: ea, re: `\d` + quant, what: what, prio: prioOf(also)}, true
	case hex && len(x) >= 4:
		return span{start: sa, end: ea, re: `[0-9a-fA-F]` + quant, what: what, prio: prioOf(also)}, true
	case !also:
		return span{}, false // a changed word between probes: the probe's doing
	case word:
		return span{start: sa, end: ea, re: `\w` + quant, what: what, prio: prioAlso}, true
	case !space:
		return span{start: sa, end: ea, re: `[^\s]` + quant, what: what, prio: prioAlso}, true
	case cr:
		// a \r inside a line (no \n here): the class that stops at line
		// ends would stop at it
		return span{start: sa, end: ea, re: `[^\n]` + quant, what: what, prio: prioAlso}, true
	}
	return span{start: sa, end: ea, re: `[^\r\n]` + quant, what: what, prio: prioAlso}, true
}

func prioOf(also bool) int {
	if also {
		return prioAlso
	}
	return prioPeer
}
