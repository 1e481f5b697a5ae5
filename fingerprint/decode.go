package fingerprint

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/signetscan/signet/diag"
)

// DecodeReader reads r to the end and decodes it like Decode.
func DecodeReader(name string, r io.Reader) ([]*Fingerprint, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return Decode(name, data)
}

// Decode finds and decodes every fingerprint in data, in input order:
//   - blocks of nmap normal output: a line starting with "SF-Port" and the
//     "SF:" lines that follow it (other text around them, such as the port
//     table or "==============NEXT SERVICE FINGERPRINT…" lines, is skipped);
//   - the one-line form (a line starting with "SF-Port" and ending with ';');
//   - nmap XML: every servicefp="…" attribute, XML entities decoded.
//
// Leading white space and a trailing '\r' on lines are ignored. Escapes are
// decoded (F4: \0, \xHH, \r, \n, \t, backslash + punctuation) and every
// entry is checked: its declared length may exceed the bytes kept (nmap keeps
// 900, or 1300 when debugging) but not be smaller. Problems are returned as
// a diag.ErrorList with positions in data ("name:LINE:COL: msg"); the
// fingerprints that decoded cleanly are returned as well.
func Decode(name string, data []byte) ([]*Fingerprint, error) {
	fps, _, err := decode(name, data, false)
	return fps, err
}

// found is a fingerprint and the input offset where it starts.
type found struct {
	at int
	fp *Fingerprint
}

// decode is Decode, or DecodeLenient when lenient is set.
func decode(name string, data []byte, lenient bool) ([]*Fingerprint, *Repairs, error) {
	d := &decoder{name: name, data: data, lenient: lenient}
	d.lines()
	var out []found
	var xmlRanges [][2]int
	// servicefp="…" attributes.
	const attr = `servicefp="`
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte(attr))
		if j < 0 {
			break
		}
		start := i + j + len(attr)
		end := bytes.IndexByte(data[start:], '"')
		if end < 0 {
			d.errorf(start, "unterminated servicefp attribute")
			break
		}
		end += start
		xmlRanges = append(xmlRanges, [2]int{start, end})
		if t, ok := d.unescapeXML(start, end); ok {
			if fp := d.parse(t.join()); fp != nil {
				out = append(out, found{start, fp})
			}
		}
		i = end + 1
	}
	inXML := func(off int) bool {
		for _, r := range xmlRanges {
			if off >= r[0] && off < r[1] {
				return true
			}
		}
		return false
	}
	// Text blocks.
	if lenient {
		out = append(out, d.lenientBlocks(inXML)...)
	} else {
		out = append(out, d.blocks(inXML)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at < out[j].at })
	fps := make([]*Fingerprint, len(out))
	for i, f := range out {
		fps[i] = f.fp
	}
	d.errs.Sort()
	var rep *Repairs
	if d.rep.Fingerprints > 0 {
		rep = &d.rep
		rep.File = name
	}
	return fps, rep, d.errs.Err()
}

// blocks reads the text blocks as nmap writes them: a line starting with
// "SF-Port" and the "SF:" lines that follow it, white space before either
// skipped.
func (d *decoder) blocks(inXML func(int) bool) []found {
	var out []found
	for li := 0; li < len(d.starts); li++ {
		s, e := d.lineSpan(li)
		s = skipSpace(d.data, s, e)
		if !bytes.HasPrefix(d.data[s:e], []byte("SF-Port")) || inXML(s) {
			continue
		}
		var t text
		t.addRaw(d.data, s, e)
		for li+1 < len(d.starts) {
			ns, ne := d.lineSpan(li + 1)
			ns = skipSpace(d.data, ns, ne)
			if !bytes.HasPrefix(d.data[ns:ne], []byte("SF:")) {
				break
			}
			t.addRaw(d.data, ns+3, ne)
			li++
		}
		if fp := d.parse(t); fp != nil {
			out = append(out, found{s, fp})
		}
	}
	return out
}

type decoder struct {
	name    string
	data    []byte
	lenient bool  // DecodeLenient: a bare CR ends a line too
	starts  []int // offset of each line
	errs    diag.ErrorList
	rep     Repairs // what DecodeLenient repaired in the fingerprints it returns
}

func (d *decoder) lines() {
	d.starts = append(d.starts, 0)
	for i, c := range d.data {
		next := i + 1
		switch {
		case next >= len(d.data):
		case c == '\n':
			d.starts = append(d.starts, next)
		case c == '\r' && d.lenient && d.data[next] != '\r' && d.data[next] != '\n':
			// The last CR of a run that no LF follows.
			d.starts = append(d.starts, next)
		}
	}
}

// lineSpan returns line li without its line end: '\n' and a '\r' before
// it, or in lenient mode any run of '\r' with or without a '\n'.
func (d *decoder) lineSpan(li int) (int, int) {
	s := d.starts[li]
	e := len(d.data)
	if li+1 < len(d.starts) {
		e = d.starts[li+1]
	}
	if e > s && d.data[e-1] == '\n' {
		e--
	}
	for e > s && d.data[e-1] == '\r' {
		e--
		if !d.lenient {
			break
		}
	}
	return s, e
}

func skipSpace(b []byte, s, e int) int {
	for s < e && (b[s] == ' ' || b[s] == '\t') {
		s++
	}
	return s
}

func (d *decoder) errorf(off int, format string, args ...any) {
	li := sort.Search(len(d.starts), func(i int) bool { return d.starts[i] > off }) - 1
	li = max(li, 0)
	d.errs = append(d.errs, &diag.Error{Pos: diag.Pos{File: d.name, Line: li + 1, Col: off - d.starts[li] + 1}, Msg: fmt.Sprintf(format, args...)})
}

// text is the logical fingerprint text with the input offset of each byte.
type text struct {
	b   []byte
	off []int
	end int // input offset just after the text, for errors at its end
}

func (t *text) addRaw(data []byte, s, e int) {
	for i := s; i < e; i++ {
		t.b = append(t.b, data[i])
		t.off = append(t.off, i)
	}
	t.end = e
}

// join removes "\nSF:" sequences (a servicefp value should have none).
func (t text) join() text {
	if !bytes.Contains(t.b, []byte(wrapSeq)) {
		return t
	}
	var u text
	u.end = t.end
	for i := 0; i < len(t.b); i++ {
		if bytes.HasPrefix(t.b[i:], []byte(wrapSeq)) {
			i += len(wrapSeq) - 1
			continue
		}
		u.b = append(u.b, t.b[i])
		u.off = append(u.off, t.off[i])
	}
	return u
}

var xmlEntities = map[string]byte{"quot": '"', "amp": '&', "lt": '<', "gt": '>', "apos": '\''}

func (d *decoder) unescapeXML(s, e int) (text, bool) {
	var t text
	t.end = e
	for i := s; i < e; i++ {
		c := d.data[i]
		if c != '&' {
			t.b = append(t.b, c)
			t.off = append(t.off, i)
			continue
		}
		semi := bytes.IndexByte(d.data[i:e], ';')
		if semi < 0 {
			d.errorf(i, "bad XML entity")
			return t, false
		}
		ent := string(d.data[i+1 : i+semi])
		v, ok := xmlEntities[ent]
		if !ok && strings.HasPrefix(ent, "#") {
			var n uint64
			var err error
			if strings.HasPrefix(ent, "#x") || strings.HasPrefix(ent, "#X") {
				n, err = strconv.ParseUint(ent[2:], 16, 8)
			} else {
				n, err = strconv.ParseUint(ent[1:], 10, 8)
			}
			v, ok = byte(n), err == nil && n < 0x80
		}
		if !ok {
			d.errorf(i, "bad XML entity &%s;", ent)
			return t, false
		}
		t.b = append(t.b, v)
		t.off = append(t.off, i)
		i += semi
	}
	return t, true
}

// parser reads one logical fingerprint.
type parser struct {
	d   *decoder
	t   text
	pos int
}

func (p *parser) at(i int) int { // input offset of logical position i
	if i < len(p.t.off) {
		return p.t.off[i]
	}
	return p.t.end
}

func (p *parser) errorf(i int, format string, args ...any) {
	p.d.errorf(p.at(i), format, args...)
}

func (p *parser) peek(s string) bool { return bytes.HasPrefix(p.t.b[p.pos:], []byte(s)) }

func (p *parser) expect(s string) bool {
	if !p.peek(s) {
		p.errorf(p.pos, "expected %q", s)
		return false
	}
	p.pos += len(s)
	return true
}

// until returns the bytes up to the next occurrence of stop.
func (p *parser) until(stop string) (string, bool) {
	j := bytes.Index(p.t.b[p.pos:], []byte(stop))
	if j < 0 {
		p.errorf(p.pos, "expected %q", stop)
		return "", false
	}
	s := string(p.t.b[p.pos : p.pos+j])
	p.pos += j
	return s, true
}

// number reads an unsigned decimal or hex number of at most 8 digits.
func (p *parser) number(base int, what string) (uint64, bool) {
	i := p.pos
	for i < len(p.t.b) && i-p.pos < 9 && digitOK(p.t.b[i], base) {
		i++
	}
	if i == p.pos || i-p.pos > 8 {
		p.errorf(p.pos, "bad %s", what)
		return 0, false
	}
	v, _ := strconv.ParseUint(string(p.t.b[p.pos:i]), base, 64)
	p.pos = i
	return v, true
}

func digitOK(c byte, base int) bool {
	if base == 16 {
		return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f')
	}
	return isDigit(c)
}

func (d *decoder) parse(t text) *Fingerprint {
	p := &parser{d: d, t: t}
	fp := &Fingerprint{}
	if !p.expect("SF-Port") {
		return nil
	}
	port, ok := p.number(10, "port number")
	if !ok || port > 65535 {
		if ok {
			p.errorf(p.pos-1, "bad port number")
		}
		return nil
	}
	fp.Port = int(port)
	switch {
	case p.peek("-TCP:"):
		fp.Proto = "TCP"
	case p.peek("-UDP:"):
		fp.Proto = "UDP"
	default:
		p.errorf(p.pos, "expected -TCP: or -UDP:")
		return nil
	}
	p.pos += 5
	if !p.expect("V=") {
		return nil
	}
	if fp.Version, ok = p.until("%"); !ok {
		return nil
	}
	if fp.Version == "" {
		p.errorf(p.pos, "empty V=")
		return nil
	}
	if i := badChar(fp.Version); i >= 0 {
		p.errorf(p.pos-len(fp.Version)+i, "bad character in V=")
		return nil
	}
	if p.peek("%T=SSL") {
		fp.SSL = true
		p.pos += len("%T=SSL")
	}
	var v uint64
	if !p.expect("%I=") {
		return nil
	}
	if v, ok = p.number(10, "intensity"); !ok {
		return nil
	}
	fp.Intensity = int(v)
	if !p.expect("%D=") {
		return nil
	}
	if v, ok = p.number(10, "month"); !ok {
		return nil
	}
	fp.Month = int(v)
	if !p.expect("/") {
		return nil
	}
	if v, ok = p.number(10, "day"); !ok {
		return nil
	}
	fp.Day = int(v)
	if !p.expect("%Time=") {
		return nil
	}
	if v, ok = p.number(16, "time"); !ok {
		return nil
	}
	fp.Time = uint32(v)
	if !p.expect("%P=") {
		return nil
	}
	if fp.Platform, ok = p.until("%r("); !ok {
		return nil
	}
	if i := badChar(fp.Platform); i >= 0 {
		p.errorf(p.pos-len(fp.Platform)+i, "bad character in P=")
		return nil
	}
	if len(fullHeader(fp)) > fmtMax {
		p.errorf(0, "header longer than nmap writes (%d bytes at most)", fmtMax)
		return nil
	}
	for !p.peek(";") {
		r, ok := p.entry()
		if !ok {
			return nil
		}
		fp.Responses = append(fp.Responses, r)
	}
	p.pos++
	for ; p.pos < len(p.t.b); p.pos++ {
		if c := p.t.b[p.pos]; c != ' ' && c != '\t' {
			p.errorf(p.pos, "unexpected text after the final ';'")
			return nil
		}
	}
	return fp
}

// entry reads %r(probe,LEN,"data").
func (p *parser) entry() (Response, bool) {
	var r Response
	if !p.expect("%r(") {
		return r, false
	}
	// The probe name is written raw and may itself contain commas: it ends
	// at the first comma followed by hex digits, a comma and a quote.
	nameEnd := -1
	for i := p.pos; i < len(p.t.b) && p.t.b[i] != '"'; i++ {
		if p.t.b[i] != ',' {
			continue
		}
		j := i + 1
		for j < len(p.t.b) && digitOK(p.t.b[j], 16) {
			j++
		}
		if j > i+1 && bytes.HasPrefix(p.t.b[j:], []byte(`,"`)) {
			nameEnd = i
			break
		}
	}
	if nameEnd <= p.pos {
		p.errorf(p.pos, "malformed %%r entry: expected probe,LENGTH,\"data\"")
		return r, false
	}
	r.Probe = string(p.t.b[p.pos:nameEnd])
	if i := badChar(r.Probe); i >= 0 {
		p.errorf(p.pos+i, "bad character in probe name")
		return r, false
	}
	where := "in %r(" + r.Probe + ",…)"
	p.pos = nameEnd + 1
	lenPos := p.pos
	n, ok := p.number(16, "length "+where)
	if !ok {
		return r, false
	}
	if n == 0 {
		p.errorf(lenPos, "zero length %s", where)
		return r, false
	}
	r.Length = int(n)
	if len(fmt.Sprintf("%%r(%s,%X,\"", r.Probe, r.Length)) > fmtMax {
		p.errorf(lenPos, "probe name longer than nmap writes %s", where)
		return r, false
	}
	p.pos += 2 // ,"
	r.Data = []byte{}
	for {
		if p.pos >= len(p.t.b) {
			p.errorf(p.pos, "unterminated data %s", where)
			return r, false
		}
		c := p.t.b[p.pos]
		switch {
		case c == '"':
			p.pos++
			if !p.peek(")") {
				p.errorf(p.pos, "expected ')' after the data %s", where)
				return r, false
			}
			p.pos++
			if r.Length < len(r.Data) {
				p.errorf(lenPos, "declared length 0x%X is less than the %d bytes of data %s", r.Length, len(r.Data), where)
				return r, false
			}
			return r, true
		case c == '\\':
			b, n, ok := p.escape(where)
			if !ok {
				return r, false
			}
			r.Data = append(r.Data, b)
			p.pos += n
		case c > 0x20 && c < 0x7f:
			r.Data = append(r.Data, c)
			p.pos++
		default:
			p.errorf(p.pos, "unescaped byte 0x%02X %s", c, where)
			return r, false
		}
	}
}

// escape decodes the escape at p.pos and returns the byte and its length.
func (p *parser) escape(where string) (byte, int, bool) {
	b := p.t.b[p.pos:]
	if len(b) < 2 {
		p.errorf(p.pos, "unterminated escape %s", where)
		return 0, 0, false
	}
	switch c := b[1]; {
	case c == '0':
		return 0, 2, true
	case c == 'r':
		return '\r', 2, true
	case c == 'n':
		return '\n', 2, true
	case c == 't':
		return '\t', 2, true
	case c == 'x':
		if len(b) < 4 || !digitOK(b[2], 16) || !digitOK(b[3], 16) {
			p.errorf(p.pos, "bad escape %s %s", clipEsc(b, 4), where)
			return 0, 0, false
		}
		v, _ := strconv.ParseUint(string(b[2:4]), 16, 8)
		return byte(v), 4, true
	case isPunct(c):
		return c, 2, true
	default:
		p.errorf(p.pos, "bad escape %s %s", clipEsc(b, 2), where)
		return 0, 0, false
	}
}

// badChar returns the index of the first byte of s that is not printable
// ASCII other than space (nmap never writes one there), or -1.
func badChar(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] <= 0x20 || s[i] >= 0x7f {
			return i
		}
	}
	return -1
}

// clipEsc quotes up to n bytes of an escape for a message.
func clipEsc(b []byte, n int) string {
	b = b[:min(n, len(b))]
	var s strings.Builder
	for _, c := range b {
		if c > 0x20 && c < 0x7f {
			s.WriteByte(c)
		} else {
			fmt.Fprintf(&s, "<%02X>", c)
		}
	}
	return s.String()
}
