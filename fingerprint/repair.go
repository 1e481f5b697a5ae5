package fingerprint

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// DecodeLenient decodes like Decode, after repairing what copying a
// fingerprint out of a web page, a mail, a chat tool, a pager or an editor
// does to its text:
//   - typographic quotes (“ ” „ ″ « » and the single ‘ ’ ‚ ′) where nmap
//     wrote the '"' that opens or closes a reply's data;
//   - non-breaking and zero-width spaces;
//   - CRLF or bare CR line ends;
//   - white space before or after the lines, and lines joined with a space;
//   - mail quoting ("> ", nested) and line numbers (a pager's, an editor's,
//     cat -n's) before the lines;
//   - lines cut at another width than nmap's, without their "SF:".
//
// The data of a %r(…) entry is never guessed at: nmap escapes every reply
// so that its data is pure ASCII, and a character there that nmap does not
// write (a typographic quote, a non-breaking space, any other non-ASCII
// character) is refused with its position. Zero-width characters, which
// stand for nothing, are the one exception. A fingerprint that needed a
// repair must also read back to exactly its declared lengths: each entry's
// data is as long as its length says, or cut where nmap cuts (900 or 1300
// bytes); otherwise it is refused with the position of the length.
//
// The Repairs returned say what was changed, over the fingerprints
// returned; it is nil when no fingerprint needed a repair. The text of a
// fingerprint that nmap could have written is read exactly as Decode reads it.
func DecodeLenient(name string, data []byte) ([]*Fingerprint, *Repairs, error) {
	return decode(name, data, true)
}

// Repairs counts what DecodeLenient changed in the fingerprints it returned.
type Repairs struct {
	File         string
	Line         int // first line of the first fingerprint repaired
	Fingerprints int // how many fingerprints were repaired

	Quotes     int    // typographic quotes read as '"'
	QuoteChars string // which ones, each once, in order of appearance
	NBSP       int    // non-breaking spaces removed
	ZeroWidth  int    // zero-width characters removed
	CRLF       int    // line ends that were CRLF
	CR         int    // line ends that were a bare CR, or CRs before the LF
	Indented   int    // lines with white space before them
	Trailing   int    // lines with white space after them
	MailQuoted int    // lines with a mail quoting prefix ("> ")
	Numbered   int    // lines with a line number before them
	Rewrapped  int    // lines without "SF:", or joined to the line before
}

func (r *Repairs) changed() bool {
	return r.Quotes+r.NBSP+r.ZeroWidth+r.CRLF+r.CR+r.Indented+r.Trailing+r.MailQuoted+r.Numbered+r.Rewrapped > 0
}

func (r *Repairs) add(o *Repairs) {
	r.Quotes += o.Quotes
	for _, c := range o.QuoteChars {
		if !strings.ContainsRune(r.QuoteChars, c) {
			r.QuoteChars += string(c)
		}
	}
	r.NBSP += o.NBSP
	r.ZeroWidth += o.ZeroWidth
	r.CRLF += o.CRLF
	r.CR += o.CR
	r.Indented += o.Indented
	r.Trailing += o.Trailing
	r.MailQuoted += o.MailQuoted
	r.Numbered += o.Numbered
	r.Rewrapped += o.Rewrapped
}

func (r *Repairs) quote(c rune) {
	r.Quotes++
	if !strings.ContainsRune(r.QuoteChars, c) {
		r.QuoteChars += string(c)
	}
}

// String is the warning, one line: "FILE:LINE: repaired the fingerprint as
// pasted: WHAT, WHAT…".
func (r *Repairs) String() string {
	if r == nil {
		return ""
	}
	var what []string
	plural := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	if r.Quotes > 0 {
		chars := strings.Join(strings.Split(r.QuoteChars, ""), " ")
		what = append(what, plural(r.Quotes, "typographic quote", "typographic quotes")+" "+chars+` read as "`)
	}
	if r.NBSP > 0 {
		what = append(what, plural(r.NBSP, "non-breaking space", "non-breaking spaces")+" removed")
	}
	if r.ZeroWidth > 0 {
		what = append(what, plural(r.ZeroWidth, "zero-width character", "zero-width characters")+" removed")
	}
	if r.CRLF > 0 {
		what = append(what, plural(r.CRLF, "CRLF line end", "CRLF line ends"))
	}
	if r.CR > 0 {
		what = append(what, plural(r.CR, "line end with a stray CR", "line ends with stray CRs"))
	}
	if r.MailQuoted > 0 {
		what = append(what, `mail quoting ">" removed from `+plural(r.MailQuoted, "line", "lines"))
	}
	if r.Numbered > 0 {
		what = append(what, "line numbers removed from "+plural(r.Numbered, "line", "lines"))
	}
	if r.Indented > 0 {
		what = append(what, "leading spaces removed from "+plural(r.Indented, "line", "lines"))
	}
	if r.Trailing > 0 {
		what = append(what, "trailing spaces removed from "+plural(r.Trailing, "line", "lines"))
	}
	if r.Rewrapped > 0 {
		what = append(what, plural(r.Rewrapped, "line", "lines")+` rewrapped (cut or joined at another width than nmap's)`)
	}
	fps := "the fingerprint"
	if r.Fingerprints != 1 {
		fps = fmt.Sprintf("%d fingerprints", r.Fingerprints)
	}
	return fmt.Sprintf("%s:%d: repaired %s as pasted: %s", r.File, r.Line, fps, strings.Join(what, ", "))
}

// Characters that copying text adds, or puts in place of nmap's.
func isNBSP(r rune) bool { return r == 0xA0 || r == 0x2007 || r == 0x202F }

func isZeroWidth(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD:
		return true
	}
	return false
}

func isTypoQuote(r rune) bool {
	switch r {
	case '“', '”', '„', '‟', '″', '‶', '«', '»', '＂', '‘', '’', '‚', '‛', '′', '‵':
		return true
	}
	return false
}

// quoteAt returns the quote ('"' or a typographic one) at b[i] and its size, or size 0.
func quoteAt(b []byte, i int) (rune, int) {
	if i >= len(b) {
		return 0, 0
	}
	if b[i] == '"' {
		return '"', 1
	}
	if b[i] < utf8.RuneSelf {
		return 0, 0
	}
	r, n := utf8.DecodeRune(b[i:])
	if isTypoQuote(r) {
		return r, n
	}
	return 0, 0
}

// nbspAt returns the size of a non-breaking space at b[i], or 0.
func nbspAt(b []byte, i int) int {
	if i >= len(b) || b[i] < utf8.RuneSelf {
		return 0
	}
	if r, n := utf8.DecodeRune(b[i:]); isNBSP(r) {
		return n
	}
	return 0
}

// space reports white space as copying produces it: spaces, tabs,
// non-breaking and zero-width spaces. It returns the size of the one at
// b[i] (0 if none) and counts it in k.
func space(b []byte, i, e int, k *Repairs) (n int, ascii bool) {
	if i >= e {
		return 0, false
	}
	if b[i] == ' ' || b[i] == '\t' {
		return 1, true
	}
	if b[i] < utf8.RuneSelf {
		return 0, false
	}
	r, n := utf8.DecodeRune(b[i:e])
	switch {
	case isNBSP(r):
		k.NBSP++
	case isZeroWidth(r):
		k.ZeroWidth++
	default:
		return 0, false
	}
	return n, false
}

// prefix is what copying put before a line: mail quoting marks and a line number.
type prefix struct {
	quotes int
	num    int    // -1: none
	sep    string // after the number: ":", "|", "│", or "" for white space alone
}

// readPrefix skips white space, '>' marks and a line number with its
// separator (white space, ':', '|' or '│') from b[s:e] and returns where
// the line's text starts. With want, it takes at most want's marks and only
// want's number.
func readPrefix(b []byte, s, e int, want *prefix, k *Repairs) (int, prefix) {
	p := prefix{num: -1}
	i := s
	ascii := false
	for {
		for {
			n, a := space(b, i, e, k)
			if n == 0 {
				break
			}
			ascii = ascii || a
			i += n
		}
		if i >= e {
			break
		}
		if b[i] == '>' && (want == nil || p.quotes < want.quotes) {
			p.quotes++
			i++
			continue
		}
		if isDigit(b[i]) && p.num < 0 && (want == nil || want.num >= 0) {
			j := i
			for j < e && isDigit(b[j]) && j-i < 9 {
				j++
			}
			if j-i >= 9 {
				break
			}
			v := 0
			for _, c := range b[i:j] {
				v = v*10 + int(c-'0')
			}
			x := j
			for x < e && (b[x] == ' ' || b[x] == '\t') {
				x++
			}
			sep := ""
			switch {
			case want != nil && want.sep == "":
			case x < e && (b[x] == ':' || b[x] == '|'):
				sep = string(b[x])
			case bytes.HasPrefix(b[x:e], []byte("│")):
				sep = "│"
			}
			if (sep == "" && x == j) || (want != nil && (v != want.num || sep != want.sep)) {
				// Digits without a separator are text, and so are
				// digits that do not continue the first line's numbers.
				return i, p
			}
			p.num, p.sep = v, sep
			i = x + len(sep)
			continue
		}
		break
	}
	if ascii && p.quotes == 0 && p.num < 0 {
		k.Indented++
	}
	return i, p
}

// trimEnd returns e without the white space at the end of b[s:e].
func trimEnd(b []byte, s, e int, k *Repairs) int {
	ascii := false
	for e > s {
		if c := b[e-1]; c == ' ' || c == '\t' {
			ascii = true
			e--
			continue
		}
		r, n := utf8.DecodeLastRune(b[s:e])
		switch {
		case isNBSP(r):
			k.NBSP++
		case isZeroWidth(r):
			k.ZeroWidth++
		default:
			if ascii {
				k.Trailing++
			}
			return e
		}
		e -= n
	}
	if ascii {
		k.Trailing++
	}
	return e
}

// segments splits the text b[s:e] of one line where a paragraph reflow
// joined two lines: at white space followed by "SF:", which nmap never
// writes (its fingerprints have no white space at all). The "SF:" is
// dropped; so is the white space at the end of each segment.
func segments(b []byte, s, e int, k *Repairs) [][2]int {
	var out [][2]int
	start := s
	for i := s; i < e; {
		n, _ := space(b, i, e, &Repairs{})
		if n == 0 {
			_, sz := utf8.DecodeRune(b[i:e])
			i += sz
			continue
		}
		j, real := i, false
		for {
			var z Repairs
			m, _ := space(b, j, e, &z)
			if m == 0 {
				break
			}
			real = real || z.ZeroWidth == 0 // a zero-width character alone joins nothing
			j += m
		}
		if real && bytes.HasPrefix(b[j:e], []byte("SF:")) {
			out = append(out, [2]int{start, i})
			k.Rewrapped++
			for x := i; x < j; { // count what was dropped
				m, _ := space(b, x, j, k)
				x += m
			}
			start = j + 3
			i = start
			continue
		}
		i = j
	}
	return append(out, [2]int{start, e})
}

// addText appends b[s:e] to t without its zero-width characters.
func (t *text) addText(b []byte, s, e int, k *Repairs) {
	for i := s; i < e; {
		if b[i] >= utf8.RuneSelf {
			if r, n := utf8.DecodeRune(b[i:e]); isZeroWidth(r) {
				k.ZeroWidth++
				i += n
				continue
			}
		}
		t.b = append(t.b, b[i])
		t.off = append(t.off, i)
		i++
	}
	t.end = e
}

// lineEnd counts the line end of line li in k when it has a CR.
func (d *decoder) lineEnd(li int, k *Repairs) {
	_, e := d.lineSpan(li)
	end := len(d.data)
	if li+1 < len(d.starts) {
		end = d.starts[li+1]
	}
	switch term := d.data[e:end]; {
	case string(term) == "\r\n":
		k.CRLF++
	case bytes.IndexByte(term, '\r') >= 0:
		k.CR++
	}
}

// complete reports whether b ends a fingerprint: a quote, ')' and ';'.
func complete(b []byte) bool {
	if !bytes.HasSuffix(b, []byte(");")) {
		return false
	}
	b = b[:len(b)-2]
	if len(b) == 0 {
		return false
	}
	if b[len(b)-1] == '"' {
		return true
	}
	r, _ := utf8.DecodeLastRune(b)
	return isTypoQuote(r)
}

func hasSpace(b []byte) bool { return bytes.ContainsAny(b, " \t") }

// lenientBlocks reads the text blocks of the input as DecodeLenient does.
func (d *decoder) lenientBlocks(inXML func(int) bool) []found {
	var out []found
	b := d.data
	for li := 0; li < len(d.starts); li++ {
		var k Repairs
		s, e := d.lineSpan(li)
		s, pfx := readPrefix(b, s, e, nil, &k)
		if !bytes.HasPrefix(b[s:e], []byte("SF-Port")) || inXML(s) {
			continue
		}
		first := li
		if li > 0 && b[d.starts[li]-1] == '\r' {
			k.CR++ // the line before ended in a bare CR
		}
		if pfx.quotes > 0 {
			k.MailQuoted++
		}
		if pfx.num >= 0 {
			k.Numbered++
		}
		d.lineEnd(li, &k)
		var t text
		for _, sg := range segments(b, s, trimEnd(b, s, e, &k), &k) {
			t.addText(b, sg[0], sg[1], &k)
		}
		for li+1 < len(d.starts) {
			// The next line continues the block if it is an "SF:" line,
			// or if the text is not complete yet and the line reads as
			// its next piece: a line cut at another width, without
			// "SF:". Either is read first with the prefix of the first
			// line (the same quoting, the next line number); only an
			// "SF:" line may have another prefix.
			var lk Repairs
			ns, ne := d.lineSpan(li + 1)
			want := pfx
			if want.num >= 0 {
				want.num += li + 1 - first
			}
			ts, p := readPrefix(b, ns, ne, &want, &lk)
			var segs [][2]int
			switch {
			case p != want:
			case bytes.HasPrefix(b[ts:ne], []byte("SF-Port")):
			case bytes.HasPrefix(b[ts:ne], []byte("SF:")):
				segs = segments(b, ts+3, trimEnd(b, ts+3, ne, &lk), &lk)
			case !complete(t.b):
				te := trimEnd(b, ts, ne, &lk)
				segs = segments(b, ts, te, &lk)
				for _, sg := range segs {
					if sg[0] == sg[1] || hasSpace(b[sg[0]:sg[1]]) {
						segs = nil // prose, or an empty line
						break
					}
				}
				if segs != nil {
					lk.Rewrapped++
				}
			}
			if segs == nil {
				lk = Repairs{}
				ts, p = readPrefix(b, ns, ne, nil, &lk)
				if !bytes.HasPrefix(b[ts:ne], []byte("SF:")) {
					break
				}
				segs = segments(b, ts+3, trimEnd(b, ts+3, ne, &lk), &lk)
			}
			if p.quotes > 0 {
				lk.MailQuoted++
			}
			if p.num >= 0 {
				lk.Numbered++
			}
			li++
			d.lineEnd(li, &lk)
			for _, sg := range segs {
				t.addText(b, sg[0], sg[1], &lk)
			}
			k.add(&lk)
		}
		u, lenAt, ok := d.repairStructure(t, &k)
		if !ok {
			continue
		}
		fp := d.parse(u)
		if fp == nil {
			continue
		}
		if k.changed() {
			if !d.checkLengths(fp, u, lenAt) {
				continue
			}
			if d.rep.Fingerprints == 0 {
				d.rep.Line = first + 1
			}
			d.rep.Fingerprints++
			d.rep.add(&k)
		}
		out = append(out, found{s, fp})
	}
	return out
}

// repairStructure walks the logical text t of one fingerprint the way the
// parser will. It returns t with the typographic quotes that open and close
// each reply's data made '"', and the non-breaking spaces outside the data
// removed, and the logical position of each entry's length. A character in
// a reply's data that nmap does not write is refused: the error is
// recorded and ok is false. Text the walk does not understand is left as
// it is, for the parser to report.
func (d *decoder) repairStructure(t text, k *Repairs) (u text, lenAt []int, ok bool) {
	b := t.b
	n := len(b)
	u.end = t.end
	i := 0
	emit := func(c byte, at int) {
		u.b = append(u.b, c)
		u.off = append(u.off, t.off[at])
	}
	// copyTo copies b[i:j], which is outside the data, without its
	// non-breaking spaces.
	copyTo := func(j int) {
		for i < j {
			if m := nbspAt(b[:j], i); m > 0 {
				k.NBSP++
				i += m
				continue
			}
			emit(b[i], i)
			i++
		}
	}
	refuse := func(at int, r rune, probe string) {
		what := fmt.Sprintf("non-ASCII character %c (U+%04X)", r, r)
		switch {
		case isTypoQuote(r):
			what = fmt.Sprintf("typographic quote %c (U+%04X)", r, r)
		case isNBSP(r):
			what = fmt.Sprintf("non-breaking space (U+%04X)", r)
		}
		d.errorf(t.off[at], "cannot repair %s inside the data of %%r(%s,…): nmap writes only ASCII there, and a guess could change the reply's bytes", what, probe)
	}
	skipNBSP := func() {
		for m := nbspAt(b, i); m > 0; m = nbspAt(b, i) {
			k.NBSP++
			i += m
		}
	}
	start := bytes.Index(b, []byte("%r("))
	if start < 0 {
		copyTo(n)
		return u, nil, true
	}
	copyTo(start)
	for {
		if !bytes.HasPrefix(b[i:], []byte("%r(")) {
			copyTo(n)
			return u, lenAt, true
		}
		copyTo(i + 3)
		// The probe name ends at the first comma followed by hex digits,
		// a comma and a quote (as in the parser, with any quote).
		nameEnd, lenEnd := -1, -1
		for x := i; x < n; x++ {
			if _, q := quoteAt(b, x); q > 0 {
				break
			}
			if b[x] != ',' {
				continue
			}
			y := x + 1
			for y < n && digitOK(b[y], 16) {
				y++
			}
			if y > x+1 && y < n && b[y] == ',' {
				if _, q := quoteAt(b, y+1); q > 0 {
					nameEnd, lenEnd = x, y
					break
				}
			}
		}
		if nameEnd < 0 {
			copyTo(n)
			return u, lenAt, true
		}
		probe := string(b[i:nameEnd])
		copyTo(nameEnd + 1)
		lenAt = append(lenAt, len(u.b))
		copyTo(lenEnd + 1)
		r, q := quoteAt(b, i)
		emit('"', i)
		i += q
		if r != '"' {
			k.quote(r)
			skipNBSP() // « 220…
		}
	data:
		for {
			if i >= n {
				return u, lenAt, true
			}
			c := b[i]
			switch {
			case c == '\\':
				emit(c, i)
				i++
				switch {
				case i >= n:
				case b[i] < utf8.RuneSelf:
					emit(b[i], i) // escaped: '"' and '\\' are data here
					i++
				default:
					if r, m := utf8.DecodeRune(b[i:]); r != utf8.RuneError || m > 1 {
						refuse(i, r, probe)
						return u, lenAt, false
					}
				}
			case c == '"':
				emit(c, i)
				i++
				break data
			case c < utf8.RuneSelf:
				emit(c, i)
				i++
			default:
				r, m := utf8.DecodeRune(b[i:])
				if r == utf8.RuneError && m == 1 {
					emit(c, i) // not UTF-8: the parser reports the byte
					i++
					continue
				}
				// A closing typographic quote, perhaps after
				// non-breaking spaces (… »).
				y, spaces := i, 0
				for s := nbspAt(b, y); s > 0; s = nbspAt(b, y) {
					y += s
					spaces++
				}
				if cq, qn := quoteAt(b, y); qn > 0 && cq != '"' && y+qn < n && b[y+qn] == ')' {
					k.NBSP += spaces
					if cq != '"' {
						k.quote(cq)
					}
					emit('"', y)
					i = y + qn
					break data
				}
				refuse(i, r, probe)
				return u, lenAt, false
			}
		}
		if i < n && b[i] == ')' {
			emit(')', i)
			i++
		}
		skipNBSP()
	}
}

// checkLengths checks that every entry of a repaired fingerprint reads
// back to its declared length, or to where nmap cuts a long reply.
func (d *decoder) checkLengths(fp *Fingerprint, u text, lenAt []int) bool {
	for i, r := range fp.Responses {
		if len(r.Data) == r.Length || (r.Length > len(r.Data) && (len(r.Data) == RespLimit || len(r.Data) == DebugRespLimit)) {
			continue
		}
		at := u.end
		if i < len(lenAt) && lenAt[i] < len(u.off) {
			at = u.off[lenAt[i]]
		}
		d.errorf(at, "after repair, %%r(%s,…) holds %d bytes but declares 0x%X (%d): the repair would change the reply's bytes, so it is refused", r.Probe, len(r.Data), r.Length, r.Length)
		return false
	}
	return true
}
