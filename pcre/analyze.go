package pcre

// Start-of-match analysis on the syntax tree: implicit anchoring (PCRE2's
// is_anchored / is_startline rules, including the ".*" cases), the set of
// possible first bytes, a minimum subject length and the literal prefix.
// All of them are sound: they only skip start positions, or whole subjects,
// at which no match can start, so they never change a result.

type anaCtx struct {
	backrefs map[int]bool
}

func collectBackrefs(n *node, m map[int]bool) {
	switch n.kind {
	case nRef:
		m[n.n] = true
	case nRepeat:
		collectBackrefs(n.sub, m)
	case nGroup:
		for _, a := range n.alts {
			for _, it := range a {
				collectBackrefs(it, m)
			}
		}
	}
}

// branchStart returns how a branch starts: 2 = anchored, 1 = at line start,
// 0 = anywhere. inCap lists enclosing capture groups; atomic/assert flags.
func (a *anaCtx) branchStart(seq []*node, inCap []int, atomic bool, wantAnchor bool) bool {
	if len(seq) == 0 {
		return false
	}
	it := seq[0]
	switch it.kind {
	case nAssert:
		switch it.typ {
		case opCirc, opSOD, opSOM:
			return wantAnchor || it.typ == opCirc
		case opCircM:
			return !wantAnchor
		}
		return false
	case nGroup:
		switch it.typ {
		case opBra, opCBra, opOnce, opAssert:
			caps := inCap
			if it.typ == opCBra {
				caps = append(append([]int(nil), inCap...), it.n)
			}
			at := atomic || it.typ == opOnce
			if it.typ == opAssert {
				at = true
			}
			for _, alt := range it.alts {
				if !a.branchStart(alt, caps, at, wantAnchor) {
					return false
				}
			}
			return true
		}
		return false
	case nRepeat:
		if it.sub.kind == nType && it.min == 0 && it.max == unlimited {
			want := opAny
			if wantAnchor {
				want = opAllAny
			}
			if it.sub.typ != want || atomic {
				return false
			}
			for _, c := range inCap {
				if a.backrefs[c] {
					return false
				}
			}
			return true
		}
	}
	return false
}

// firstSet computes the bytes a match can start with, starting at seq[i:];
// nullable reports that the rest can match without consuming anything.
func firstSet(seq []*node, set *charSet) (nullable bool) {
	for i, it := range seq {
		if it.kind == nGroup && it.typ == opAssert {
			// A positive lookahead that must consume a byte limits the
			// first byte to its own first bytes (as PCRE2 uses them).
			var a charSet
			lookNullable := false
			for _, alt := range it.alts {
				if firstSet(alt, &a) {
					lookNullable = true
				}
			}
			if !lookNullable {
				var r charSet
				if !firstSet(seq[i+1:], &r) {
					for k := range a {
						a[k] &= r[k]
					}
				}
				set.union(&a)
				return false
			}
			continue
		}
		if !itemFirst(it, set) {
			return false
		}
	}
	return true
}

// itemFirst adds an item's possible first bytes; it returns true if the
// item can match the empty string (or is zero-width).
func itemFirst(n *node, set *charSet) bool {
	switch n.kind {
	case nChar:
		set.add(n.c)
		if n.caseless {
			set.add(fcc[n.c])
		}
		return false
	case nNot:
		var s charSet
		s.add(n.c)
		if n.caseless {
			s.add(fcc[n.c])
		}
		s.invert()
		set.union(&s)
		return false
	case nClass:
		set.union(n.set)
		return false
	case nType:
		s := typeSet(n.typ)
		set.union(&s)
		return false
	case nAssert, nFail:
		return true
	case nRef:
		*set = setAll
		return true
	case nGroup:
		switch n.typ {
		case opAssert, opAssertNot, opAssertBack, opAssertBackNot:
			return true
		}
		nullable := false
		for _, a := range n.alts {
			if firstSet(a, set) {
				nullable = true
			}
		}
		return nullable
	case nRepeat:
		if n.max == 0 {
			return true
		}
		nl := itemFirst(n.sub, set)
		return nl || n.min == 0
	}
	*set = setAll
	return true
}

// minLength is a lower bound of the length of any match of seq.
func minLength(seq []*node) int {
	t := 0
	for _, it := range seq {
		t += itemMinLength(it)
	}
	return t
}

func itemMinLength(n *node) int {
	switch n.kind {
	case nChar, nNot, nClass, nType:
		return 1
	case nGroup:
		switch n.typ {
		case opAssert, opAssertNot, opAssertBack, opAssertBackNot:
			return 0
		}
		m := -1
		for _, a := range n.alts {
			l := minLength(a)
			if m < 0 || l < m {
				m = l
			}
		}
		if m < 0 {
			m = 0
		}
		return m
	case nRepeat:
		l := itemMinLength(n.sub) * n.min
		if l > 1<<20 {
			l = 1 << 20
		}
		return l
	}
	return 0
}

// literalPrefix returns the literal bytes every match starts with.
func literalPrefix(root *node) (lit []byte, anchored, caseless bool) {
	if len(root.alts) != 1 {
		return nil, false, false
	}
	seq := root.alts[0]
	i := 0
	if i < len(seq) && seq[i].kind == nAssert && (seq[i].typ == opCirc || seq[i].typ == opSOD) {
		anchored = true
		i++
	}
	for ; i < len(seq); i++ {
		it := seq[i]
		if it.kind != nChar {
			break
		}
		// A following quantifier applies to the node itself (nRepeat), so a
		// plain nChar is always exactly one byte.
		lit = append(lit, it.c)
		if it.caseless {
			caseless = true
		}
	}
	return lit, anchored, caseless
}

// requiredByte finds a literal byte that every match must consume (the last
// one found along the mandatory path); -1 if none.
func requiredByte(seq []*node) (c int, caseless bool) {
	c = -1
	for _, it := range seq {
		switch it.kind {
		case nChar:
			c, caseless = int(it.c), it.caseless
		case nRepeat:
			if it.min > 0 && it.sub.kind == nChar {
				c, caseless = int(it.sub.c), it.sub.caseless
			} else if it.min > 0 && it.sub.kind == nGroup && len(it.sub.alts) == 1 &&
				(it.sub.typ == opBra || it.sub.typ == opCBra || it.sub.typ == opOnce) {
				if r, ci := requiredByte(it.sub.alts[0]); r >= 0 {
					c, caseless = r, ci
				}
			}
		case nGroup:
			if len(it.alts) == 1 && (it.typ == opBra || it.typ == opCBra || it.typ == opOnce) {
				if r, ci := requiredByte(it.alts[0]); r >= 0 {
					c, caseless = r, ci
				}
			}
		}
	}
	return c, caseless
}
