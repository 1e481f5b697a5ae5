package portspec

import (
	"fmt"
	"sync"

	"github.com/signetscan/signet/services"
)

// Error is a bad port list: Expr is the whole list, Pos the byte offset of
// the problem in it.
type Error struct {
	Expr string
	Pos  int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("bad port list %q: %s", e.Expr, e.Msg) }

// Parse reads a port list in nmap's -p grammar (getpts in nmap.cc; engine
// spec P5):
//
//   - items separated by commas, spaces allowed around them: "22,80, 443";
//   - ranges "21-25", open ranges "-1024" (from 1) and "60000-" (to 65535),
//     "-" alone is 1-65535 (so -p- scans 1-65535); port 0 only when written
//     as a number ("0", "0-");
//   - protocol prefixes T:, U:, S: that last until the next prefix, so in
//     "U:53,111,T:21-25,80" ports 53 and 111 are UDP and 21-25 and 80 TCP;
//     items before any prefix apply to every protocol (the caller keeps the
//     ones it scans, see List.Only);
//   - lower-case service names and masks with * and ? ("http,ssh", "ftp*"),
//     matched case-insensitively against tbl for each protocol in effect;
//   - brackets "[1-1024]" keep only the ports tbl names for the protocol.
//
// tbl may be nil for the embedded table. Duplicates are merged silently
// (nmap warns). The differences from nmap are a missing "]" and P: (IP
// protocol scan), which are errors here.
func Parse(expr string, tbl *services.Table) (List, error) {
	if tbl == nil {
		tbl = Embedded()
	}
	p := &parser{expr: expr, tbl: tbl}
	if err := p.list(maskAll, false); err != nil {
		return List{}, err
	}
	if p.pos < len(expr) { // an unexpected ']' ended the top level
		return List{}, p.errf("unexpected \"]\"")
	}
	var l List
	for i, q := range protos {
		*l.ptr(q) = NewSet(p.acc[i]...)
	}
	l.prefixed = p.prefixed
	if l.Empty() {
		return List{}, p.errf("no ports")
	}
	return l, nil
}

// MustParse is Parse that panics, for tests and constant lists.
func MustParse(expr string) List {
	l, err := Parse(expr, nil)
	if err != nil {
		panic(err)
	}
	return l
}

type parser struct {
	expr     string
	pos      int
	tbl      *services.Table
	idx      *index // built from tbl at the first service name or bracket
	acc      [len(protos)][]Range
	prefixed mask
}

func (p *parser) index() *index {
	if p.idx == nil {
		p.idx = indexOf(p.tbl)
	}
	return p.idx
}

func (p *parser) errf(format string, args ...any) error {
	return &Error{Expr: p.expr, Pos: p.pos, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) peek() byte {
	if p.pos < len(p.expr) {
		return p.expr[p.pos]
	}
	return 0
}

func (p *parser) skipSpace() {
	for p.pos < len(p.expr) && isSpace(p.expr[p.pos]) {
		p.pos++
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isAlpha(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// list parses items until the end of the input or, when nested, a ']'
// (which it consumes). m is the protocols in effect.
func (p *parser) list(m mask, nested bool) error {
	start := p.pos
	for {
		p.skipSpace()
		c := p.peek()
		switch {
		case c == 0:
			if nested {
				return p.errf("missing \"]\" for the \"[\" at column %d", start)
			}
			return nil
		case isAlpha(c) && p.pos+1 < len(p.expr) && p.expr[p.pos+1] == ':':
			switch c {
			case 'T':
				m = maskOf(TCP)
			case 'U':
				m = maskOf(UDP)
			case 'S':
				m = maskOf(SCTP)
			case 'P':
				return p.errf("\"P:\" (IP protocol scan) is not supported")
			default:
				return p.errf("unknown protocol prefix %q (want T:, U: or S:)", p.expr[p.pos:p.pos+2])
			}
			p.prefixed |= m
			p.pos += 2
			continue
		case c == '[':
			if nested {
				return p.errf("brackets cannot nest")
			}
			p.pos++
			if err := p.list(m, true); err != nil {
				return err
			}
		case c == ']':
			if !nested {
				return p.errf("unexpected \"]\"")
			}
			p.pos++
			return nil
		case c == ',':
			return p.errf("empty item at column %d", p.pos+1)
		case c == '-' || isDigit(c):
			if err := p.rangeItem(m, nested); err != nil {
				return err
			}
		case 'a' <= c && c <= 'z' || c == '*' || c == '?':
			if err := p.serviceItem(m); err != nil {
				return err
			}
		default:
			return p.errf("%q is not a port, a range or a lower-case service name", p.token())
		}
		// After an item: spaces, then the end, ',' or ']'.
		p.skipSpace()
		switch c := p.peek(); c {
		case 0:
		case ',':
			p.pos++
		case ']':
			if !nested {
				return p.errf("unexpected \"]\"")
			}
			p.pos++
			return nil
		default:
			return p.errf("unexpected %q (separate items with commas)", p.token())
		}
	}
}

// token returns the text from pos to the next separator, for messages.
func (p *parser) token() string {
	end := p.pos
	for end < len(p.expr) && !isSpace(p.expr[end]) && p.expr[end] != ',' && p.expr[end] != ']' {
		end++
	}
	if end == p.pos && end < len(p.expr) {
		end++
	}
	return p.expr[p.pos:end]
}

func (p *parser) number() (int, error) {
	start := p.pos
	n := 0
	for p.pos < len(p.expr) && isDigit(p.expr[p.pos]) {
		if n <= 65535 {
			n = n*10 + int(p.expr[p.pos]-'0')
		}
		p.pos++
	}
	if n > 65535 {
		p.pos = start
		return 0, p.errf("port %s out of range 0-65535", p.token())
	}
	return n, nil
}

func (p *parser) rangeItem(m mask, nested bool) error {
	itemStart := p.pos
	lo := 1 // "-1024": an open start is port 1, never 0 (like nmap)
	if p.peek() != '-' {
		var err error
		if lo, err = p.number(); err != nil {
			return err
		}
		p.skipSpace()
	}
	hi := lo
	if p.peek() == '-' {
		p.pos++
		switch c := p.peek(); {
		case c == 0 || c == ',' || c == ']':
			hi = 65535
		case isDigit(c):
			var err error
			if hi, err = p.number(); err != nil {
				return err
			}
		default:
			return p.errf("range %q has no end", p.expr[itemStart:p.pos]+p.token())
		}
	}
	if hi < lo {
		p.pos = itemStart
		return p.errf("range %d-%d is backwards (did you mean %d-%d?)", lo, hi, hi, lo)
	}
	for i, q := range protos {
		if !m.has(q) {
			continue
		}
		r := Range{uint16(lo), uint16(hi)}
		if !nested {
			p.acc[i] = append(p.acc[i], r)
			continue
		}
		// [a-b]: only the ports the table names for this protocol.
		p.acc[i] = append(p.acc[i], p.index().known[i].Intersect(Set{r})...)
	}
	return nil
}

func (p *parser) serviceItem(m mask) error {
	mask0 := p.pos
	for p.pos < len(p.expr) && !isSpace(p.expr[p.pos]) && p.expr[p.pos] != ',' && p.expr[p.pos] != ']' {
		p.pos++
	}
	pat := p.expr[mask0:p.pos]
	found := false
	for i, q := range protos {
		if !m.has(q) {
			continue
		}
		for _, e := range p.index().names[i] {
			if wildMatch(pat, e.name) {
				p.acc[i] = append(p.acc[i], Range{e.port, e.port})
				found = true
			}
		}
	}
	if !found {
		p.pos = mask0
		if m == maskAll {
			return p.errf("no service name matches %q", pat)
		}
		return p.errf("no %s service name matches %q", m, pat)
	}
	return nil
}

// wildMatch reports whether name matches pat, where '*' matches any run of
// bytes and '?' one byte, ignoring ASCII case (nmap's wildtest).
func wildMatch(pat, name string) bool {
	pi, ni := 0, 0
	star, mark := -1, 0
	for ni < len(name) {
		switch {
		case pi < len(pat) && (pat[pi] == '?' || lower(pat[pi]) == lower(name[ni])):
			pi++
			ni++
		case pi < len(pat) && pat[pi] == '*':
			star, mark = pi, ni
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			ni = mark
		default:
			return false
		}
	}
	for pi < len(pat) && pat[pi] == '*' {
		pi++
	}
	return pi == len(pat)
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// index is what the parser needs from a table, per protocol.
type index struct {
	known [len(protos)]Set
	names [len(protos)][]named
}

type named struct {
	name string
	port uint16
}

var indexes sync.Map // *services.Table → *index

func indexOf(tbl *services.Table) *index {
	if v, ok := indexes.Load(tbl); ok {
		return v.(*index)
	}
	idx := &index{}
	for i, q := range protos {
		ports := tbl.Top(q.String(), 1<<17) // every port of q, most frequent first
		for _, port := range ports {
			idx.names[i] = append(idx.names[i], named{tbl.Lookup(port, q.String()), uint16(port)})
		}
		idx.known[i] = SetOf(toU16(ports)...)
	}
	v, _ := indexes.LoadOrStore(tbl, idx)
	return v.(*index)
}

func toU16(ps []int) []uint16 {
	out := make([]uint16, len(ps))
	for i, p := range ps {
		out[i] = uint16(p)
	}
	return out
}
