package pcre

import (
	"strings"
	"sync"
)

// This file parses a pattern into a small syntax tree, with PCRE2 10.42's
// rules for the non-UTF, non-UCP byte mode. Everything the engine does not
// implement is rejected with a SyntaxError rather than mis-parsed.

type nodeKind uint8

const (
	nChar   nodeKind = iota // literal byte c (caseless: also fcc[c])
	nNot                    // any byte except c (caseless: and fcc[c])
	nClass                  // byte set
	nType                   // \d \w . etc: typ holds the opcode
	nAssert                 // ^ $ \A \z \Z \G \b \B: typ holds the opcode
	nRef                    // back reference to group n
	nGroup                  // bracket: typ holds opBra/opCBra/opOnce/opAssert...
	nRepeat                 // quantified item sub
	nFail                   // (?!) - always fails
)

type repKind uint8

const (
	repGreedy repKind = iota
	repLazy
	repPoss
)

type node struct {
	kind     nodeKind
	c        byte
	caseless bool
	neg      bool // nClass: written as a negated class (OP_NCLASS)
	typ      opcode
	n        int // capture number (nGroup opCBra), group number (nRef)
	set      *charSet
	alts     [][]*node
	min, max int // nRepeat; max<0 = unlimited
	rk       repKind
	sub      *node
	nameRef  string // nRef by name, resolved after parsing
	off      int    // pattern offset (for late errors)
}

const unlimited = -1

type parser struct {
	nodes    []node  // arena chunk
	ptrs     []*node // arena chunk for sequences
	stk      []*node // items of the sequences being parsed
	p        string
	i        int
	ncap     int
	names    map[string]int
	refs     []*node // references to resolve/check at the end
	maxBack  int
	depth    int
	extended bool
	bars     []int // offsets of the top-level '|' (for Explain)
}

// nn allocates a node from the parser's arena.
func (ps *parser) nn(n node) *node {
	if len(ps.nodes) == cap(ps.nodes) {
		ps.nodes = make([]node, 0, 2*len(ps.p)+64)
	}
	ps.nodes = append(ps.nodes, n)
	return &ps.nodes[len(ps.nodes)-1]
}

// seq copies items into a sequence slice from the arena.
func (ps *parser) seq(items []*node) []*node {
	if len(items) == 0 {
		return nil
	}
	if cap(ps.ptrs)-len(ps.ptrs) < len(items) {
		c := 512
		if len(items) > c {
			c = len(items)
		}
		ps.ptrs = make([]*node, 0, c)
	}
	st := len(ps.ptrs)
	ps.ptrs = append(ps.ptrs, items...)
	return ps.ptrs[st:len(ps.ptrs):len(ps.ptrs)]
}

var parserPool = sync.Pool{New: func() any { return new(parser) }}

func synErr(off int, msg string) *SyntaxError { return &SyntaxError{Offset: off, Msg: msg} }

// parse parses the whole pattern.
func parse(pattern string, flags Flags) (root *node, ncap int, names map[string]int, err error) {
	return parseWith(&parser{}, pattern, flags)
}

// parseWith parses using ps's arenas (ps may be reused after the tree is
// no longer needed).
func parseWith(ps *parser, pattern string, flags Flags) (root *node, ncap int, names map[string]int, err error) {
	defer func() {
		if r := recover(); r != nil {
			if se, ok := r.(*SyntaxError); ok {
				err = se
				root = nil
				return
			}
			panic(r)
		}
	}()
	nodes := ps.nodes[:0]
	if cap(nodes) < len(pattern)+8 {
		nodes = make([]node, 0, 2*len(pattern)+64)
	}
	*ps = parser{p: pattern, nodes: nodes, ptrs: ps.ptrs[:0], stk: ps.stk[:0], bars: ps.bars[:0]}
	opts := options{caseless: flags&Caseless != 0, dotall: flags&DotAll != 0}
	alts := ps.parseAlts(&opts, 0)
	if ps.i < len(ps.p) {
		// Only an unmatched ')' stops the top level.
		panic(synErr(ps.i, "unmatched closing parenthesis"))
	}
	for _, r := range ps.refs {
		if r.nameRef != "" {
			n, ok := ps.names[r.nameRef]
			if !ok {
				panic(synErr(r.min, "reference to non-existent subpattern"))
			}
			r.n = n
		}
		if r.n > ps.ncap {
			panic(synErr(r.min, "reference to non-existent subpattern"))
		}
	}
	root = ps.nn(node{kind: nGroup, typ: opBra, alts: alts})
	return root, ps.ncap, ps.names, nil
}

type options struct {
	caseless, dotall, multiline, extended bool
}

func (ps *parser) eof() bool { return ps.i >= len(ps.p) }

// parseAlts parses alternatives up to a ')' (not consumed) or the end.
func (ps *parser) parseAlts(o *options, depth int) [][]*node {
	if depth > 250 {
		panic(synErr(ps.i, "parentheses are too deeply nested"))
	}
	var alts [][]*node
	base := len(ps.stk)
	for {
		if ps.eof() {
			break
		}
		c := ps.p[ps.i]
		if c == ')' {
			break
		}
		if c == '|' {
			if depth == 0 {
				ps.bars = append(ps.bars, ps.i)
			}
			ps.i++
			alts = append(alts, ps.seq(ps.stk[base:]))
			ps.stk = ps.stk[:base]
			continue
		}
		ps.stk = ps.parseItem(o, ps.stk, depth)
	}
	alts = append(alts, ps.seq(ps.stk[base:]))
	ps.stk = ps.stk[:base]
	return alts
}

func isQuantStart(p string, i int) bool {
	if i >= len(p) {
		return false
	}
	switch p[i] {
	case '*', '+', '?':
		return true
	case '{':
		_, _, n := readBraceQuant(p, i)
		return n > 0
	}
	return false
}

// readBraceQuant reads {n}, {n,} or {n,m} at p[i]; n==0 if it is not a
// quantifier (PCRE2 10.42: then '{' is a literal). Values are returned
// unchecked (may exceed 65535; -2 means overflow).
func readBraceQuant(p string, i int) (min, max, n int) {
	j := i + 1
	readNum := func() (int, bool) {
		st := j
		v := 0
		for j < len(p) && p[j] >= '0' && p[j] <= '9' {
			if v < 1000000 {
				v = v*10 + int(p[j]-'0')
			}
			j++
		}
		return v, j > st
	}
	a, ok := readNum()
	if !ok {
		return 0, 0, 0
	}
	if j < len(p) && p[j] == '}' {
		return a, a, j + 1 - i
	}
	if j >= len(p) || p[j] != ',' {
		return 0, 0, 0
	}
	j++
	if j < len(p) && p[j] == '}' {
		return a, unlimited, j + 1 - i
	}
	b, ok := readNum()
	if !ok || j >= len(p) || p[j] != '}' {
		return 0, 0, 0
	}
	return a, b, j + 1 - i
}

func (ps *parser) skipExtended(o *options) {
	if !o.extended {
		return
	}
	for ps.i < len(ps.p) {
		c := ps.p[ps.i]
		if c == ' ' || (c >= 9 && c <= 13) || c == 0x85 {
			ps.i++
			continue
		}
		if c == '#' {
			for ps.i < len(ps.p) && ps.p[ps.i] != '\n' {
				ps.i++
			}
			continue
		}
		break
	}
}

// skipEmptyQE skips \E, empty \Q\E and (?#comments), which PCRE2
// ignores entirely outside a class.
func (ps *parser) skipEmptyQE() {
	for {
		if strings.HasPrefix(ps.p[ps.i:], "(?#") {
			k := strings.IndexByte(ps.p[ps.i:], ')')
			if k < 0 {
				panic(synErr(len(ps.p), "missing ) after (?# comment"))
			}
			ps.i += k + 1
			continue
		}
		if !ps.skipQuote() {
			return
		}
	}
}

// skipQuote skips one \E or empty \Q\E at ps.i, if there is one.
func (ps *parser) skipQuote() bool {
	switch {
	case strings.HasPrefix(ps.p[ps.i:], `\E`):
		ps.i += 2
	case strings.HasPrefix(ps.p[ps.i:], `\Q\E`):
		ps.i += 4
	default:
		return false
	}
	return true
}

// skipInvisible skips what PCRE2 ignores between items: \E, empty \Q\E
// and comments, and white space in extended mode.
func (ps *parser) skipInvisible(o *options) {
	for {
		at := ps.i
		ps.skipExtended(o)
		ps.skipEmptyQE()
		if ps.i == at {
			return
		}
	}
}

// parseItem parses one atom and an optional quantifier, appending to seq.
func (ps *parser) parseItem(o *options, seq []*node, depth int) []*node {
	ps.skipInvisible(o)
	if ps.eof() {
		return seq
	}
	start := ps.i
	c := ps.p[ps.i]
	var atom *node
	repeatable := true
	switch c {
	case '|', ')':
		return seq
	case '^':
		ps.i++
		op := opCirc
		if o.multiline {
			op = opCircM
		}
		atom = ps.nn(node{kind: nAssert, typ: op})
		repeatable = false
	case '$':
		ps.i++
		op := opDoll
		if o.multiline {
			op = opDollM
		}
		atom = ps.nn(node{kind: nAssert, typ: op})
		repeatable = false
	case '.':
		ps.i++
		op := opAny
		if o.dotall {
			op = opAllAny
		}
		atom = ps.nn(node{kind: nType, typ: op})
	case '[':
		atom = ps.parseClass(o)
	case '(':
		var isOpt bool
		atom, isOpt = ps.parseGroup(o, depth)
		if isOpt || atom == nil {
			return seq // option setting or comment
		}
		if atom.kind == nFail && isQuantStart(ps.p, ps.i) {
			// A quantified (?!) stays an (empty) negative assertion.
			atom.kind, atom.typ, atom.alts = nGroup, opAssertNot, [][]*node{nil}
		}
	case '*', '+', '?':
		panic(synErr(ps.i, "quantifier does not follow a repeatable item"))
	case '{':
		if _, _, n := readBraceQuant(ps.p, ps.i); n > 0 {
			panic(synErr(ps.i+n-1, "quantifier does not follow a repeatable item"))
		}
		ps.i++
		atom = ps.charNode('{', o)
	case '\\':
		var lits []*node
		atom, lits, repeatable = ps.parseEscape(o)
		if lits != nil { // \Q...\E
			if len(lits) == 0 {
				return seq
			}
			seq = append(seq, lits[:len(lits)-1]...)
			atom = lits[len(lits)-1]
		}
		if atom == nil {
			return seq
		}
	default:
		ps.i++
		atom = ps.charNode(c, o)
	}
	atom.off = start
	// Quantifier?
	ps.skipInvisible(o)
	if ps.eof() || !isQuantStart(ps.p, ps.i) {
		return append(seq, atom)
	}
	if !repeatable {
		panic(synErr(ps.i, "quantifier does not follow a repeatable item"))
	}
	min, max := 0, 0
	switch ps.p[ps.i] {
	case '*':
		min, max = 0, unlimited
		ps.i++
	case '+':
		min, max = 1, unlimited
		ps.i++
	case '?':
		min, max = 0, 1
		ps.i++
	case '{':
		a, b, n := readBraceQuant(ps.p, ps.i)
		if a > 65535 || b > 65535 {
			panic(synErr(ps.i+n-1, "number too big in {} quantifier"))
		}
		if b != unlimited && b < a {
			panic(synErr(ps.i+n-1, "numbers out of order in {} quantifier"))
		}
		min, max = a, b
		ps.i += n
	}
	rk := repGreedy
	ps.skipInvisible(o)
	if ps.i < len(ps.p) {
		switch ps.p[ps.i] {
		case '?':
			rk = repLazy
			ps.i++
		case '+':
			rk = repPoss
			ps.i++
		}
	}
	ps.skipInvisible(o)
	if !ps.eof() && isQuantStart(ps.p, ps.i) {
		off := ps.i
		if _, _, n := readBraceQuant(ps.p, ps.i); n > 0 {
			off += n - 1
		}
		panic(synErr(off, "quantifier does not follow a repeatable item"))
	}
	return append(seq, ps.nn(node{kind: nRepeat, min: min, max: max, rk: rk, sub: atom, off: start}))
}

func (ps *parser) charNode(c byte, o *options) *node {
	return ps.nn(node{kind: nChar, c: c, caseless: o.caseless && fcc[c] != c})
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	}
	return int(c-'A') + 10
}

// escape kinds returned by readEscape
const (
	escChar   = iota // a literal byte
	escType          // \d etc (typ)
	escAssert        // \b \A etc (typ)
	escRef           // back reference (n or name)
	escQ             // \Q
	escE             // \E
)

type escape struct {
	nameOff int // offset of a reference's name
	kind    int
	c       byte
	typ     opcode
	n       int
	name    string
}

// readEscape reads the escape at ps.p[ps.i] ('\\'); inClass selects the
// character-class rules.
func (ps *parser) readEscape(inClass bool) escape {
	start := ps.i
	ps.i++
	if ps.eof() {
		panic(synErr(len(ps.p), "\\ at end of pattern"))
	}
	c := ps.p[ps.i]
	ps.i++
	switch c {
	case 'a':
		return escape{c: 7}
	case 'e':
		return escape{c: 27}
	case 'f':
		return escape{c: 12}
	case 'n':
		return escape{c: '\n'}
	case 'r':
		return escape{c: '\r'}
	case 't':
		return escape{c: '\t'}
	case '0':
		v := 0
		for k := 0; k < 2 && ps.i < len(ps.p) && ps.p[ps.i] >= '0' && ps.p[ps.i] <= '7'; k++ {
			v = v*8 + int(ps.p[ps.i]-'0')
			ps.i++
		}
		return escape{c: byte(v)}
	case 'o':
		if ps.i >= len(ps.p) || ps.p[ps.i] != '{' {
			panic(synErr(ps.i, "missing opening brace after \\o"))
		}
		ps.i++
		v, nd := 0, 0
		for ps.i < len(ps.p) && ps.p[ps.i] >= '0' && ps.p[ps.i] <= '7' {
			v = v*8 + int(ps.p[ps.i]-'0')
			if v > 0xff {
				panic(synErr(ps.i+1, "character code point value in \\x{} or \\o{} is too large"))
			}
			ps.i++
			nd++
		}
		if ps.i >= len(ps.p) || ps.p[ps.i] != '}' || nd == 0 {
			if nd == 0 && ps.i < len(ps.p) && ps.p[ps.i] == '}' {
				panic(synErr(ps.i, "digits missing in \\x{} or \\o{} or \\N{U+}"))
			}
			panic(synErr(ps.i, "non-octal character in \\o{} (closing brace missing?)"))
		}
		ps.i++
		return escape{c: byte(v)}
	case 'x':
		if ps.i < len(ps.p) && ps.p[ps.i] == '{' {
			j := ps.i + 1
			v, nd := 0, 0
			for j < len(ps.p) && isHex(ps.p[j]) {
				v = v*16 + hexVal(ps.p[j])
				if v > 0xff {
					panic(synErr(j+1, "character code point value in \\x{} or \\o{} is too large"))
				}
				j++
				nd++
			}
			if j < len(ps.p) && ps.p[j] == '}' && nd > 0 {
				ps.i = j + 1
				return escape{c: byte(v)}
			}
			if nd == 0 && j < len(ps.p) && ps.p[j] == '}' {
				panic(synErr(j, "digits missing in \\x{} or \\o{} or \\N{U+}"))
			}
			panic(synErr(ps.i+1, "non-hex character in \\x{} (closing brace missing?)"))
		}
		v := 0
		for k := 0; k < 2 && ps.i < len(ps.p) && isHex(ps.p[ps.i]); k++ {
			v = v*16 + hexVal(ps.p[ps.i])
			ps.i++
		}
		return escape{c: byte(v)}
	case 'c':
		if ps.i >= len(ps.p) {
			panic(synErr(ps.i, "\\c at end of pattern"))
		}
		d := ps.p[ps.i]
		if d < 32 || d > 126 {
			panic(synErr(ps.i, "\\c must be followed by a printable ASCII character"))
		}
		ps.i++
		if d >= 'a' && d <= 'z' {
			d -= 32
		}
		return escape{c: d ^ 0x40}
	case 'd':
		return escape{kind: escType, typ: opDigit}
	case 'D':
		return escape{kind: escType, typ: opNotDigit}
	case 's':
		return escape{kind: escType, typ: opSpace}
	case 'S':
		return escape{kind: escType, typ: opNotSpace}
	case 'w':
		return escape{kind: escType, typ: opWord}
	case 'W':
		return escape{kind: escType, typ: opNotWord}
	case 'h':
		return escape{kind: escType, typ: opHSpace}
	case 'H':
		return escape{kind: escType, typ: opNotHSpace}
	case 'v':
		return escape{kind: escType, typ: opVSpace}
	case 'V':
		return escape{kind: escType, typ: opNotVSpace}
	case 'Q':
		return escape{kind: escQ}
	case 'E':
		return escape{kind: escE}
	}
	if inClass {
		switch c {
		case 'b':
			return escape{c: 8}
		case 'N':
			panic(synErr(ps.i, "\\N is not supported in a class"))
		case 'R', 'X', 'B', 'A', 'Z', 'z', 'G', 'K', 'k', 'C':
			panic(synErr(ps.i-1, "escape sequence is invalid in character class"))
		case 'g':
			return escape{c: 'g'}
		}
		if c >= '1' && c <= '7' {
			v := int(c - '0')
			for k := 0; k < 2 && ps.i < len(ps.p) && ps.p[ps.i] >= '0' && ps.p[ps.i] <= '7'; k++ {
				v = v*8 + int(ps.p[ps.i]-'0')
				ps.i++
			}
			if v > 0xff {
				panic(synErr(ps.i, "octal value is greater than \\377 in 8-bit non-UTF-8 mode"))
			}
			return escape{c: byte(v)}
		}
		if c == '8' || c == '9' {
			return escape{c: c}
		}
	} else {
		switch c {
		case 'b':
			return escape{kind: escAssert, typ: opWordB}
		case 'B':
			return escape{kind: escAssert, typ: opNotWordB}
		case 'A':
			return escape{kind: escAssert, typ: opSOD}
		case 'z':
			return escape{kind: escAssert, typ: opEOD}
		case 'Z':
			return escape{kind: escAssert, typ: opEODN}
		case 'G':
			return escape{kind: escAssert, typ: opSOM}
		case 'N':
			if ps.i < len(ps.p) && ps.p[ps.i] == '{' && !isQuantStart(ps.p, ps.i) {
				panic(synErr(ps.i, "PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u"))
			}
			return escape{kind: escType, typ: opAny}
		case 'R':
			return escape{kind: escType, typ: opAnyNL}
		case 'g':
			return ps.readGRef(start)
		case 'k':
			if ps.i < len(ps.p) {
				var close byte
				switch ps.p[ps.i] {
				case '<':
					close = '>'
				case '\'':
					close = '\''
				case '{':
					close = '}'
				}
				if close != 0 {
					ps.i++
					no := ps.i
					name := ps.readName(close)
					return escape{kind: escRef, name: name, nameOff: no}
				}
			}
			panic(synErr(ps.i, "\\k is not followed by a braced, angle-bracketed, or quoted name"))
		}
		if c >= '1' && c <= '9' {
			// Back reference or octal (PCRE2 rules): a decimal number that
			// is < 10, starts with 8 or 9, or names an existing group is a
			// reference; otherwise up to three octal digits (or, for 8/9
			// after an overflowing number, the literal digit).
			j := ps.i - 1
			v := 0
			overflow := false
			for j < len(ps.p) && ps.p[j] >= '0' && ps.p[j] <= '9' {
				v = v*10 + int(ps.p[j]-'0')
				j++
				if v > (1<<31-1)/10-1 {
					overflow = true
					break
				}
			}
			if !overflow && (v < 10 || c >= '8' || v <= ps.ncap) {
				ps.i = j
				if v > 65535 {
					panic(synErr(j, "subpattern number is too big"))
				}
				return escape{kind: escRef, n: v}
			}
			if c >= '8' {
				return escape{c: c}
			}
			ps.i--
			v = 0
			for k := 0; k < 3 && ps.i < len(ps.p) && ps.p[ps.i] >= '0' && ps.p[ps.i] <= '7'; k++ {
				v = v*8 + int(ps.p[ps.i]-'0')
				ps.i++
			}
			if v > 0xff {
				panic(synErr(ps.i, "octal value is greater than \\377 in 8-bit non-UTF-8 mode"))
			}
			return escape{c: byte(v)}
		}
	}
	switch c {
	case 'L', 'l', 'U', 'u', 'F':
		panic(synErr(ps.i, "PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u"))
	case 'p', 'P', 'X', 'C', 'K':
		panic(synErr(ps.i, "escape sequence \\"+string(c)+" is not supported by this engine"))
	}
	if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') {
		panic(synErr(ps.i, "unrecognized character follows \\"))
	}
	return escape{c: c}
}

func (ps *parser) readGRef(start int) escape {
	// \g{n} \g{-n} \g{name} \gn \g-n \g+n (relative forward = error here)
	if ps.i < len(ps.p) && (ps.p[ps.i] == '<' || ps.p[ps.i] == '\'') {
		panic(synErr(ps.i, "subroutine calls are not supported by this engine"))
	}
	braced := false
	if ps.i < len(ps.p) && ps.p[ps.i] == '{' {
		braced = true
		ps.i++
	}
	sign := 0
	if ps.i < len(ps.p) && (ps.p[ps.i] == '-' || ps.p[ps.i] == '+') {
		if ps.p[ps.i] == '-' {
			sign = -1
		} else {
			sign = 1
		}
		ps.i++
	}
	j := ps.i
	v := 0
	for j < len(ps.p) && ps.p[j] >= '0' && ps.p[j] <= '9' {
		if v < 100000 {
			v = v*10 + int(ps.p[j]-'0')
		}
		j++
	}
	if j == ps.i {
		if braced && sign == 0 {
			no := ps.i
			name := ps.readName('}')
			return escape{kind: escRef, name: name, nameOff: no}
		}
		panic(synErr(ps.i, "reference to non-existent subpattern"))
	}
	gStart := start + 2
	ps.i = j
	if braced {
		if ps.i >= len(ps.p) || ps.p[ps.i] != '}' {
			panic(synErr(ps.i, "\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number"))
		}
		ps.i++
	}
	if sign == 1 {
		panic(synErr(ps.i, "relative forward references are not supported by this engine"))
	}
	if sign == -1 {
		if v == 0 || v > ps.ncap {
			panic(synErr(gStart, "reference to non-existent subpattern"))
		}
		v = ps.ncap - v + 1
	}
	if v == 0 {
		panic(synErr(ps.i, "reference to non-existent subpattern"))
	}
	return escape{kind: escRef, n: v}
}

// readName reads a group name terminated by close.
func (ps *parser) readName(close byte) string {
	st := ps.i
	for ps.i < len(ps.p) {
		c := ps.p[ps.i]
		if c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') {
			ps.i++
			continue
		}
		break
	}
	name := ps.p[st:ps.i]
	if name == "" {
		panic(synErr(ps.i, "subpattern name expected"))
	}
	if name[0] >= '0' && name[0] <= '9' {
		panic(synErr(st, "subpattern name must start with a non-digit"))
	}
	if len(name) > 32 {
		panic(synErr(ps.i, "subpattern name is too long (maximum 32 code units)"))
	}
	if ps.i >= len(ps.p) || ps.p[ps.i] != close {
		panic(synErr(ps.i, "syntax error in subpattern name (missing terminator?)"))
	}
	ps.i++
	return name
}

// parseEscape handles an escape outside a class. It returns the atom, or a
// (possibly empty) literal list for \Q..\E, and whether the atom is repeatable.
func (ps *parser) parseEscape(o *options) (*node, []*node, bool) {
	start := ps.i
	e := ps.readEscape(false)
	switch e.kind {
	case escChar:
		return ps.charNode(e.c, o), nil, true
	case escType:
		return ps.nn(node{kind: nType, typ: e.typ}), nil, true
	case escAssert:
		return ps.nn(node{kind: nAssert, typ: e.typ}), nil, false
	case escRef:
		eo := e.nameOff
		if e.name == "" {
			eo = ps.i - 1
		}
		r := ps.nn(node{kind: nRef, n: e.n, nameRef: e.name, caseless: o.caseless, off: start, min: eo})
		ps.refs = append(ps.refs, r)
		return r, nil, true
	case escE:
		return nil, nil, true
	case escQ:
		lits := []*node{}
		for ps.i < len(ps.p) {
			if ps.p[ps.i] == '\\' && ps.i+1 < len(ps.p) && ps.p[ps.i+1] == 'E' {
				ps.i += 2
				return nil, lits, true
			}
			lits = append(lits, ps.charNode(ps.p[ps.i], o))
			ps.i++
		}
		return nil, lits, true
	}
	return nil, nil, true
}

// parseClass parses [...] at ps.i.
func (ps *parser) parseClass(o *options) *node {
	start := ps.i
	if ps.i+1 < len(ps.p) && (ps.p[ps.i+1] == ':' || ps.p[ps.i+1] == '.' || ps.p[ps.i+1] == '=') {
		if _, _, _, ok := readPosix(ps.p, ps.i); ok {
			if ps.p[ps.i+1] == ':' {
				panic(synErr(ps.i, "POSIX named classes are supported only within a class"))
			}
			panic(synErr(ps.i, "POSIX collating elements are not supported"))
		}
	}
	ps.i++
	// A '^' makes it negated; \E and empty \Q\E before or after it are
	// skipped, and a ']' after them all is still the first character.
	neg := false
	for {
		ps.skipEmptyQuotes()
		if neg || ps.eof() || ps.p[ps.i] != '^' {
			break
		}
		neg = true
		ps.i++
	}
	var set charSet
	// For PCRE2's one/two-character optimisations: the literal characters
	// when the class is made of literals only.
	var lits []byte
	onlyLits := true
	first := true
	missing := func() {
		panic(synErr(len(ps.p), "missing terminating ] for character class"))
	}
	addChar := func(c byte) {
		set.add(c)
		if o.caseless {
			set.add(fcc[c])
		}
	}
	for {
		if ps.eof() {
			missing()
		}
		c := ps.p[ps.i]
		if c == ']' && !first {
			ps.i++
			break
		}
		// \Q...\E inside a class (an empty one, or \E, changes nothing);
		// its last character may start a range, as PCRE2's does.
		if ps.skipQuote() {
			continue
		}
		var lo byte
		quoted := false
		if strings.HasPrefix(ps.p[ps.i:], `\Q`) { // not empty: skipQuote took \Q\E
			ps.i += 2
			var q []byte
			for {
				if ps.eof() {
					missing()
				}
				if ps.p[ps.i] == '\\' && ps.i+1 < len(ps.p) && ps.p[ps.i+1] == 'E' {
					ps.i += 2
					break
				}
				q = append(q, ps.p[ps.i])
				ps.i++
			}
			for _, x := range q[:len(q)-1] {
				addChar(x)
				lits = append(lits, x)
			}
			lo, quoted = q[len(q)-1], true
		}
		first = false
		// POSIX class
		if !quoted && c == '[' && ps.i+1 < len(ps.p) && (ps.p[ps.i+1] == ':' || ps.p[ps.i+1] == '.' || ps.p[ps.i+1] == '=') {
			if name, pneg, n, ok := readPosix(ps.p, ps.i); ok {
				if ps.p[ps.i+1] != ':' {
					panic(synErr(ps.i, "POSIX collating elements are not supported"))
				}
				cs, found := posixClasses[name]
				if !found {
					off := ps.i + 2
					if pneg {
						off++
					}
					panic(synErr(off, "unknown POSIX class name"))
				}
				if o.caseless && (name == "lower" || name == "upper") {
					cs = &setAlpha
				}
				if pneg {
					set.unionNot(cs)
				} else {
					set.union(cs)
				}
				onlyLits = false
				ps.i += n
				// A range may not start at a POSIX class.
				if ps.i+1 < len(ps.p) && ps.p[ps.i] == '-' && ps.p[ps.i+1] != ']' {
					panic(synErr(ps.i, "invalid range in character class"))
				}
				continue
			}
		}
		// Read one element (char or class escape).
		isChar := true
		switch {
		case quoted:
		case c == '\\':
			e := ps.readEscape(true)
			switch e.kind {
			case escChar:
				lo = e.c
			case escType:
				isChar = false
				onlyLits = false
				cs := typeSet(e.typ)
				set.union(&cs)
				if ps.i+1 < len(ps.p) && ps.p[ps.i] == '-' && ps.p[ps.i+1] != ']' {
					panic(synErr(ps.i, "invalid range in character class"))
				}
			default:
				panic(synErr(ps.i, "escape sequence is invalid in character class"))
			}
		default:
			lo = c
			ps.i++
		}
		if !isChar {
			continue
		}
		// Range? (\E and an empty \Q\E around its '-' are ignored.)
		ps.skipEmptyQuotes()
		if ps.i+1 < len(ps.p) && ps.p[ps.i] == '-' && ps.p[ps.i+1] != ']' {
			save := ps.i
			ps.i++
			ps.skipEmptyQuotes()
			if ps.i >= len(ps.p) {
				missing()
			}
			if ps.p[ps.i] == ']' {
				// "x-\E]": the '-' is literal after all
				ps.i = save
				addChar(lo)
				lits = append(lits, lo)
				continue
			}
			d := ps.p[ps.i]
			hiStart := ps.i
			var hi byte
			if d == '[' && ps.i+1 < len(ps.p) && (ps.p[ps.i+1] == ':' || ps.p[ps.i+1] == '.' || ps.p[ps.i+1] == '=') {
				if _, _, _, ok := readPosix(ps.p, ps.i); ok {
					panic(synErr(ps.i, "invalid range in character class"))
				}
			}
			if d == '\\' {
				if ps.i+1 < len(ps.p) && ps.p[ps.i+1] == 'Q' {
					panic(synErr(ps.i, "\\Q in a class range is not supported by this engine"))
				}
				e := ps.readEscape(true)
				if e.kind != escChar {
					panic(synErr(ps.i, "invalid range in character class"))
				}
				hi = e.c
			} else {
				hi = d
				ps.i++
			}
			if hi < lo {
				panic(synErr(hiStart, "range out of order in character class"))
			}
			onlyLits = false
			for x := int(lo); x <= int(hi); x++ {
				addChar(byte(x))
			}
			continue
		}
		addChar(lo)
		lits = append(lits, lo)
	}
	_ = start
	if onlyLits && len(lits) == 1 {
		if neg {
			return ps.nn(node{kind: nNot, c: lits[0], caseless: o.caseless})
		}
		return ps.charNode(lits[0], o)
	}
	if onlyLits && len(lits) == 2 && !neg && lits[0] != lits[1] && fcc[lits[0]] == lits[1] {
		return ps.nn(node{kind: nChar, c: lits[0], caseless: true})
	}
	if neg {
		set.invert()
	}
	return ps.nn(node{kind: nClass, set: &set, neg: neg})
}

// skipEmptyQuotes skips, inside a class, any \E and empty \Q\E at ps.i:
// they change nothing, not even a range around them.
func (ps *parser) skipEmptyQuotes() {
	for ps.skipQuote() {
	}
}

// readPosix recognises [:name:] / [:^name:] (also [.x.] [=x=]) at p[i],
// with PCRE2's scanning rules (check_posix_syntax).
func readPosix(p string, i int) (name string, neg bool, n int, ok bool) {
	term := p[i+1]
	j := i + 2
	for ; j < len(p); j++ {
		c := p[j]
		if c == '\\' && j+1 < len(p) && (p[j+1] == ']' || p[j+1] == '\\') {
			j++
			continue
		}
		if (c == '[' && j+1 < len(p) && p[j+1] == term) || c == ']' {
			return "", false, 0, false
		}
		if c == term && j+1 < len(p) && p[j+1] == ']' {
			name = p[i+2 : j]
			if term == ':' && len(name) > 0 && name[0] == '^' {
				neg = true
				name = name[1:]
			}
			return name, neg, j + 2 - i, true
		}
	}
	return "", false, 0, false
}

func typeSet(t opcode) charSet {
	var s charSet
	switch t {
	case opDigit:
		s = setDigit
	case opNotDigit:
		s = setDigit
		s.invert()
	case opSpace:
		s = setSpace
	case opNotSpace:
		s = setSpace
		s.invert()
	case opWord:
		s = setWord
	case opNotWord:
		s = setWord
		s.invert()
	case opHSpace:
		s = setHSpace
	case opNotHSpace:
		s = setHSpace
		s.invert()
	case opVSpace, opAnyNL:
		s = setVSpace
	case opNotVSpace:
		s = setVSpace
		s.invert()
	case opAny:
		s = setNotNL
	case opAllAny:
		s = setAll
	}
	return s
}

// parseGroup parses a parenthesised construct at ps.i. isOpt reports an
// option setting like (?i) (or a comment) that produced no atom.
func (ps *parser) parseGroup(o *options, depth int) (*node, bool) {
	start := ps.i
	ps.i++
	if ps.i < len(ps.p) && ps.p[ps.i] == '*' {
		panic(synErr(ps.i, "(*VERB) and (*option) items are not supported by this engine"))
	}
	typ := opCBra
	inner := *o
	capNum := 0
	if ps.i < len(ps.p) && ps.p[ps.i] == '?' {
		ps.i++
		if ps.eof() {
			panic(synErr(ps.i, "unrecognized character after (? or (?-"))
		}
		c := ps.p[ps.i]
		switch c {
		case ':':
			ps.i++
			typ = opBra
		case '=':
			ps.i++
			typ = opAssert
		case '!':
			ps.i++
			typ = opAssertNot
		case '>':
			ps.i++
			typ = opOnce
		case '#':
			for ps.i < len(ps.p) && ps.p[ps.i] != ')' {
				ps.i++
			}
			if ps.eof() {
				panic(synErr(len(ps.p), "missing ) after (?# comment"))
			}
			ps.i++
			return nil, true
		case '<':
			ps.i++
			if ps.i < len(ps.p) && ps.p[ps.i] == '*' {
				panic(synErr(ps.i, "this group construct is not supported by this engine"))
			}
			if ps.i < len(ps.p) && ps.p[ps.i] == '=' {
				ps.i++
				typ = opAssertBack
			} else if ps.i < len(ps.p) && ps.p[ps.i] == '!' {
				ps.i++
				typ = opAssertBackNot
			} else {
				name := ps.readName('>')
				capNum = ps.defineName(name, start)
			}
		case '\'':
			ps.i++
			name := ps.readName('\'')
			capNum = ps.defineName(name, start)
		case 'P':
			ps.i++
			if ps.i < len(ps.p) && ps.p[ps.i] == '<' {
				ps.i++
				name := ps.readName('>')
				capNum = ps.defineName(name, start)
			} else if ps.i < len(ps.p) && ps.p[ps.i] == '=' {
				ps.i++
				no := ps.i
				name := ps.readName(')')
				r := ps.nn(node{kind: nRef, nameRef: name, caseless: o.caseless, off: start, min: no})
				ps.refs = append(ps.refs, r)
				return r, false
			} else {
				panic(synErr(ps.i, "unrecognized character after (?P"))
			}
		case '|', '(', 'R', '&', '+', 'C', '*':
			panic(synErr(ps.i, "this group construct is not supported by this engine"))
		default:
			if c >= '0' && c <= '9' || c == '-' && ps.i+1 < len(ps.p) && ps.p[ps.i+1] >= '0' && ps.p[ps.i+1] <= '9' {
				panic(synErr(ps.i, "subroutine calls are not supported by this engine"))
			}
			// Option setting.
			no := *o
			// PCRE2: (?^ unsets imnsx and forbids a hyphen after it.
			neg, hyphenOK := false, true
			if c == '^' {
				no.caseless, no.multiline, no.extended = false, false, false
				no.dotall = false
				hyphenOK = false
				ps.i++
			}
			for {
				if ps.eof() {
					panic(synErr(ps.i, "missing )"))
				}
				c = ps.p[ps.i]
				if c == ')' || c == ':' {
					break
				}
				switch c {
				case '-':
					if !hyphenOK {
						panic(synErr(ps.i, "invalid hyphen in option setting"))
					}
					neg, hyphenOK = true, false
				case 'i':
					no.caseless = !neg
				case 's':
					no.dotall = !neg
				case 'm':
					no.multiline = !neg
				case 'x':
					no.extended = !neg
				case 'J', 'U', 'n':
					panic(synErr(ps.i+1, "option (?"+string(c)+") is not supported by this engine"))
				default:
					panic(synErr(ps.i, "unrecognized character after (? or (?-"))
				}
				ps.i++
			}
			ps.i++
			if c == ')' {
				*o = no // applies to the rest of the enclosing group
				return nil, true
			}
			typ = opBra
			inner = no
		}
	}
	if typ == opCBra && capNum == 0 {
		ps.ncap++
		capNum = ps.ncap
	}
	alts := ps.parseAlts(&inner, depth+1)
	if ps.eof() {
		panic(synErr(len(ps.p), "missing )"))
	}
	ps.i++ // ')'
	g := ps.nn(node{kind: nGroup, typ: typ, n: capNum, alts: alts, off: start})
	if typ == opAssertNot && len(alts) == 1 && len(alts[0]) == 0 {
		return ps.nn(node{kind: nFail, off: start}), false
	}
	if typ == opAssertBack || typ == opAssertBackNot {
		for _, a := range alts {
			if _, ok := fixedLength(a); !ok {
				panic(synErr(start, "lookbehind assertion is not fixed length"))
			}
		}
	}
	return g, false
}

func (ps *parser) defineName(name string, off int) int {
	if ps.names == nil {
		ps.names = map[string]int{}
	}
	if _, dup := ps.names[name]; dup {
		panic(synErr(ps.i, "two named subpatterns have the same name (PCRE2_DUPNAMES not set)"))
	}
	ps.ncap++
	ps.names[name] = ps.ncap
	return ps.ncap
}

// fixedLength returns the fixed match length of a branch, if it has one.
func fixedLength(seq []*node) (int, bool) {
	total := 0
	for _, n := range seq {
		l, ok := nodeFixedLength(n)
		if !ok {
			return 0, false
		}
		total += l
	}
	return total, true
}

func nodeFixedLength(n *node) (int, bool) {
	switch n.kind {
	case nChar, nNot, nClass:
		return 1, true
	case nType:
		if n.typ == opAnyNL {
			return 0, false
		}
		return 1, true
	case nAssert, nFail:
		return 0, true
	case nRef:
		return 0, false
	case nRepeat:
		if n.sub.kind == nFail || (n.sub.kind == nGroup && (n.sub.typ == opAssert || n.sub.typ == opAssertNot)) {
			return 0, true // a repeated lookahead is zero-width
		}
		if n.sub.kind == nGroup && (n.sub.typ == opAssertBack || n.sub.typ == opAssertBackNot) {
			// PCRE2: a lookbehind repeated other than an exact
			// number of times ({0} included) is not fixed.
			return 0, n.min == n.max
		}
		if n.min != n.max {
			return 0, false
		}
		l, ok := nodeFixedLength(n.sub)
		return l * n.min, ok
	case nGroup:
		switch n.typ {
		case opAssert, opAssertNot, opAssertBack, opAssertBackNot:
			return 0, true
		}
		l0 := -1
		for _, a := range n.alts {
			l, ok := fixedLength(a)
			if !ok || (l0 >= 0 && l != l0) {
				return 0, false
			}
			l0 = l
		}
		return l0, true
	}
	return 0, false
}
