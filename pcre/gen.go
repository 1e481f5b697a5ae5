package pcre

// Code generation: the syntax tree becomes an instruction slice laid out the
// way PCRE2 10.42 lays out its byte code for the same pattern (same repeat
// encodings, group replication for counted repeats, BRAZERO/KETRMAX/S-forms,
// possessive forms, one-character classes turned into OP_CHAR/OP_NOT), then
// auto-possessification is applied with PCRE2's decision rules.

type gen struct {
	code      []inst
	backrefs  map[int]bool // groups referenced by back references
	hasRefAll bool
}

func (g *gen) emit(in inst) int32 {
	g.code = append(g.code, in)
	return int32(len(g.code) - 1)
}

// matchesChar reports PCRE2's "matched_char" for an item: it always
// consumes at least one character.
func matchesChar(n *node) bool {
	switch n.kind {
	case nChar, nNot, nClass, nType:
		return true
	case nGroup:
		switch n.typ {
		case opBra, opCBra, opOnce:
			return !groupCanBeEmpty(n)
		}
		return false
	case nRepeat:
		return n.min > 0 && matchesChar(n.sub)
	}
	return false
}

// groupCanBeEmpty mirrors compile_regex's return value being negative.
func groupCanBeEmpty(n *node) bool {
	for _, a := range n.alts {
		ok := false
		for _, it := range a {
			if matchesChar(it) {
				ok = true
				break
			}
		}
		if !ok {
			return true
		}
	}
	return false
}

// emitGroup emits a bracket group with opcode op.
func (g *gen) emitGroup(n *node, op opcode) {
	start := g.emit(inst{op: op, n: int32(n.n)})
	prev := start
	for i, a := range n.alts {
		if i > 0 {
			alt := g.emit(inst{op: opAlt})
			g.code[prev].next = alt
			prev = alt
		}
		if n.typ == opAssertBack || n.typ == opAssertBackNot {
			l, _ := fixedLength(a)
			g.emit(inst{op: opReverse, n: int32(l)})
		}
		g.emitSeq(a)
	}
	ket := g.emit(inst{op: opKet, next: start})
	g.code[prev].next = ket
}

func (g *gen) emitSeq(seq []*node) {
	for _, it := range seq {
		g.emitItem(it)
	}
}

func (g *gen) emitItem(n *node) {
	switch n.kind {
	case nChar:
		c2 := n.c
		if n.caseless {
			c2 = fcc[n.c]
		}
		g.emit(inst{op: opChar, c: n.c, c2: c2})
	case nNot:
		c2 := n.c
		if n.caseless {
			c2 = fcc[n.c]
		}
		g.emit(inst{op: opNot, c: n.c, c2: c2})
	case nClass:
		g.emit(inst{op: opClass, set: n.set})
	case nType, nAssert:
		g.emit(inst{op: n.typ})
	case nFail:
		g.emit(inst{op: opFail})
	case nRef:
		g.emit(inst{op: opRef, n: int32(n.n), caseless: n.caseless})
	case nGroup:
		g.emitGroup(n, n.typ)
	case nRepeat:
		g.emitRepeat(n)
	}
}

func (g *gen) emitRepeat(n *node) {
	sub := n.sub
	min, max := n.min, n.max
	switch sub.kind {
	case nChar, nNot, nType:
		g.emitSingleRepeat(n)
		return
	case nClass, nRef:
		if max == 0 {
			return
		}
		if min == 1 && max == 1 {
			g.emitItem(sub)
			return
		}
		mx := int32(max)
		if max == unlimited {
			mx = maxRep
		}
		if sub.kind == nClass {
			rk := n.rk
			g.emit(inst{op: opClass, set: sub.set, hasRep: true, min: int32(min), max: mx, rk: rk})
			return
		}
		rk := n.rk
		wrap := rk == repPoss
		if wrap {
			rk = repGreedy
			once := g.emit(inst{op: opOnce})
			g.emit(inst{op: opRef, n: int32(sub.n), caseless: sub.caseless, hasRep: true, min: int32(min), max: mx, rk: rk})
			ket := g.emit(inst{op: opKet, next: once})
			g.code[once].next = ket
			return
		}
		g.emit(inst{op: opRef, n: int32(sub.n), caseless: sub.caseless, hasRep: true, min: int32(min), max: mx, rk: rk})
		return
	case nAssert, nFail:
		// not repeatable (rejected by the parser)
		g.emitItem(sub)
		return
	}
	// Groups.
	g.emitGroupRepeat(n)
}

// emitSingleRepeat encodes a repeated char/not/type like PCRE2: * + ? as
// such, {0,m} as UPTO, {1,m} as the item + UPTO m-1, {n} as EXACT, {n,m} as
// EXACT n + QUERY/UPTO/STAR.
func (g *gen) emitSingleRepeat(n *node) {
	sub := n.sub
	min, max := n.min, n.max
	if max == 0 {
		return
	}
	if min == 1 && max == 1 {
		g.emitItem(sub)
		return
	}
	rk := n.rk
	mk := func(mn, mx int32, k repKind) inst {
		var in inst
		switch sub.kind {
		case nChar, nNot:
			c2 := sub.c
			if sub.caseless {
				c2 = fcc[sub.c]
			}
			op := opCharRep
			if sub.kind == nNot {
				op = opNotRep
			}
			in = inst{op: op, c: sub.c, c2: c2}
		default:
			in = inst{op: opTypeRep, typ: sub.typ}
		}
		in.min, in.max, in.rk = mn, mx, k
		return in
	}
	switch {
	case min == 0:
		if max == unlimited {
			g.emit(mk(0, maxRep, rk))
		} else {
			g.emit(mk(0, int32(max), rk))
		}
	case min == 1:
		if max == unlimited {
			g.emit(mk(1, maxRep, rk))
		} else if rk == repPoss && sub.kind == nType {
			// PCRE2 cannot possessify "type + UPTO": it wraps both in ONCE.
			once := g.emit(inst{op: opOnce})
			g.emitItem(sub)
			g.emit(mk(0, int32(max-1), repGreedy))
			ket := g.emit(inst{op: opKet, next: once})
			g.code[once].next = ket
		} else {
			g.emitItem(sub)
			g.emit(mk(0, int32(max-1), rk))
		}
	default:
		g.emit(mk(int32(min), int32(min), repGreedy)) // EXACT
		if max != min {
			if max == unlimited {
				g.emit(mk(0, maxRep, rk))
			} else {
				g.emit(mk(0, int32(max-min), rk))
			}
		}
	}
}

func (g *gen) emitGroupRepeat(n *node) {
	sub := n.sub
	min, max := n.min, n.max
	poss := n.rk == repPoss
	lazy := n.rk == repLazy
	if min == 1 && max == 1 && !poss {
		g.emitItem(sub)
		return
	}
	isAssert := sub.typ == opAssert || sub.typ == opAssertNot || sub.typ == opAssertBack || sub.typ == opAssertBackNot
	if isAssert && max == unlimited {
		max = min + 1
	}
	if min == 0 && max == 0 {
		g.emit(inst{op: opSkipZero})
		g.emitItem(sub)
		return
	}
	// Decide whether the whole item ends up wrapped in ONCE (PCRE2 keeps
	// possessive_quantifier set unless the unlimited-repeat branch clears it).
	wrapOnce := poss && !(max == unlimited && min < 2)
	var onceAt int32 = -1
	if wrapOnce {
		onceAt = g.emit(inst{op: opOnce})
	}
	zeroOp := opBraZero
	if lazy {
		zeroOp = opBraMinZero
	}
	var braLinks []int32 // open nesting brackets
	brazeroAt := int32(-1)
	lastCopy := int32(-1)
	if min == 0 {
		if max <= 1 || max == unlimited {
			brazeroAt = g.emit(inst{op: zeroOp})
			lastCopy = int32(len(g.code))
			g.emitItem(sub)
		} else {
			g.emit(inst{op: zeroOp})
			braLinks = append(braLinks, g.emit(inst{op: opBra}))
			lastCopy = int32(len(g.code))
			g.emitItem(sub)
		}
		if max != unlimited {
			max--
		}
	} else {
		for i := 0; i < min; i++ {
			lastCopy = int32(len(g.code))
			g.emitItem(sub)
		}
		if max != unlimited {
			max -= min
		}
	}
	if max != unlimited {
		for i := max; i >= 1; i-- {
			g.emit(inst{op: zeroOp})
			if i != 1 {
				braLinks = append(braLinks, g.emit(inst{op: opBra}))
			}
			g.emitItem(sub)
		}
		for k := len(braLinks) - 1; k >= 0; k-- {
			b := braLinks[k]
			ket := g.emit(inst{op: opKet, next: b})
			g.code[b].next = ket
		}
	} else {
		// The last copy repeats.
		bra := lastCopy
		ket := int32(len(g.code) - 1)
		op := g.code[bra].op
		if op == opOnce && poss {
			g.code[bra].op = opBra
			op = opBra
		}
		if op == opOnce {
			if lazy {
				g.code[ket].op = opKetRMin
			} else {
				g.code[ket].op = opKetRMax
			}
		} else {
			if groupCanBeEmpty(sub) {
				switch op {
				case opBra:
					op = opSBra
				case opCBra:
					op = opSCBra
				}
			}
			if poss {
				switch op {
				case opBra:
					op = opBraPos
				case opCBra:
					op = opCBraPos
				case opSBra:
					op = opSBraPos
				case opSCBra:
					op = opSCBraPos
				}
				g.code[ket].op = opKetRPos
				if brazeroAt >= 0 {
					g.code[brazeroAt].op = opBraPosZero
				}
			} else if lazy {
				g.code[ket].op = opKetRMin
			} else {
				g.code[ket].op = opKetRMax
			}
			g.code[bra].op = op
		}
	}
	if wrapOnce {
		ket := g.emit(inst{op: opKet, next: onceAt})
		g.code[onceAt].next = ket
	}
}

// ---------------------------------------------------------------------------
// Auto-possessification (PCRE2's rules, re-expressed over this IR).

type propList struct {
	op       opcode // opChar, opNot, opClass, a type opcode, or an end assertion
	canEmpty bool   // for the base item: "greedy"; for others: may match empty
	chars    [2]byte
	nchars   int
	set      *charSet
}

// propOf loads the character properties of the item at pc. ok=false for
// unsupported items.
func (g *gen) propOf(pc int32) (pl propList, next int32, ok bool) {
	in := &g.code[pc]
	next = pc + 1
	switch in.op {
	case opChar, opNot, opCharRep, opNotRep:
		if in.op == opChar || in.op == opCharRep {
			pl.op = opChar
		} else {
			pl.op = opNot
		}
		pl.chars[0] = in.c
		pl.nchars = 1
		if in.c2 != in.c {
			pl.chars[1] = in.c2
			pl.nchars = 2
		}
		if in.op == opCharRep || in.op == opNotRep {
			pl.canEmpty = in.min == 0
		}
		return pl, next, true
	case opTypeRep:
		pl.op = in.typ
		pl.canEmpty = in.min == 0
		return pl, next, true
	case opClass:
		pl.op = opClass
		pl.set = in.set
		pl.canEmpty = in.hasRep && in.min == 0
		return pl, next, true
	case opNotDigit, opDigit, opNotSpace, opSpace, opNotWord, opWord, opAny, opAllAny,
		opAnyNL, opNotHSpace, opHSpace, opNotVSpace, opVSpace, opEODN, opEOD, opDoll, opDollM:
		pl.op = in.op
		return pl, next, true
	}
	return pl, next, false
}

// autoTab describes, for a repeated character type (left), which following
// items (right) can never match a character it matched, so the repeat can be
// made possessive. This is PCRE2's documented behaviour for \D \d \S \s \W
// \w . \R \H \h \V \v against the types and the end assertions \Z \z $ (and
// $ in multiline mode).
var autoTab = map[opcode][]opcode{
	opNotDigit:  {opDigit, opEOD},
	opDigit:     {opNotDigit, opSpace, opNotWord, opAnyNL, opHSpace, opVSpace, opEODN, opEOD, opDoll, opDollM},
	opNotSpace:  {opSpace, opAnyNL, opHSpace, opVSpace, opEODN, opEOD, opDoll, opDollM},
	opSpace:     {opDigit, opNotSpace, opWord, opEOD},
	opNotWord:   {opDigit, opWord, opEOD},
	opWord:      {opSpace, opNotWord, opAnyNL, opHSpace, opVSpace, opEODN, opEOD, opDoll, opDollM},
	opAny:       {opAnyNL, opEOD},
	opAllAny:    {opEOD},
	opAnyNL:     {opDigit, opSpace, opWord, opAny, opHSpace, opEOD},
	opNotHSpace: {opHSpace, opEOD},
	opHSpace:    {opDigit, opNotSpace, opWord, opAnyNL, opNotHSpace, opVSpace, opEOD},
	opNotVSpace: {opAnyNL, opVSpace, opEOD},
	opVSpace:    {opDigit, opNotSpace, opWord, opHSpace, opNotVSpace, opEOD},
}

func autoAccepted(left, right opcode) bool {
	for _, r := range autoTab[left] {
		if r == right {
			return true
		}
	}
	return false
}

func charIn(chr byte, other *propList) (reject bool) {
	switch other.op {
	case opChar:
		for i := 0; i < other.nchars; i++ {
			if other.chars[i] == chr {
				return true
			}
		}
	case opNot:
		for i := 0; i < other.nchars; i++ {
			if other.chars[i] == chr {
				return false
			}
		}
		return true
	case opDigit:
		return setDigit.has(chr)
	case opNotDigit:
		return !setDigit.has(chr)
	case opSpace:
		return setSpace.has(chr)
	case opNotSpace:
		return !setSpace.has(chr)
	case opWord:
		return chr < 255 && setWord.has(chr)
	case opNotWord:
		return !setWord.has(chr)
	case opHSpace:
		return setHSpace.has(chr)
	case opNotHSpace:
		return !setHSpace.has(chr)
	case opAnyNL, opVSpace:
		return setVSpace.has(chr)
	case opNotVSpace:
		return !setVSpace.has(chr)
	case opDoll, opEODN:
		switch chr {
		case '\r', '\n', 0x0b, 0x0c, 0x85:
			return true
		}
	case opEOD:
	case opClass:
		return other.set.has(chr)
	default:
		return true
	}
	return false
}

// compareOps reports whether the base repeat can be possessified given the
// code that follows from pc.
func (g *gen) compareOps(pc int32, base *propList, recLimit *int) bool {
	*recLimit--
	if *recLimit <= 0 {
		return false
	}
	enteredGroup := false
	for {
		c := g.code[pc].op
		if c == opAlt {
			for g.code[pc].op == opAlt {
				pc = g.code[pc].next
			}
			c = g.code[pc].op
		}
		switch c {
		case opEnd:
			return base.canEmpty
		case opKet, opKetRPos:
			if !base.canEmpty {
				return false
			}
			switch g.code[g.code[pc].next].op {
			case opAssert, opAssertNot, opAssertBack, opAssertBackNot, opOnce:
				return !enteredGroup
			}
			pc++
			continue
		case opOnce, opBra, opCBra:
			next := g.code[pc].next
			pc++
			for g.code[next].op == opAlt {
				if !g.compareOps(pc, base, recLimit) {
					return false
				}
				pc = next + 1
				next = g.code[next].next
			}
			enteredGroup = true
			continue
		case opBraZero, opBraMinZero:
			nx := pc + 1
			switch g.code[nx].op {
			case opBra, opCBra, opOnce:
			default:
				return false
			}
			nx = g.code[nx].next
			for g.code[nx].op == opAlt {
				nx = g.code[nx].next
			}
			nx++
			if !g.compareOps(nx, base, recLimit) {
				return false
			}
			pc++
			continue
		}
		list, next, ok := g.propOf(pc)
		if !ok {
			return false
		}
		var chrs, other *propList
		switch {
		case base.op == opChar:
			chrs, other = base, &list
		case list.op == opChar:
			chrs, other = &list, base
		}
		if chrs == nil {
			if base.op == opClass || list.op == opClass {
				var set1 *charSet
				var ot *propList
				if base.op == opClass {
					set1, ot = base.set, &list
				} else {
					set1, ot = list.set, base
				}
				var set2 charSet
				invert := false
				switch ot.op {
				case opClass:
					set2 = *ot.set
				case opNotDigit:
					invert = true
					set2 = setDigit
				case opDigit:
					set2 = setDigit
				case opNotSpace:
					invert = true
					set2 = setSpace
				case opSpace:
					set2 = setSpace
				case opNotWord:
					invert = true
					set2 = setWord
				case opWord:
					set2 = setWord
				default:
					return false
				}
				if invert {
					for i := range set1 {
						if set1[i]&^set2[i] != 0 {
							return false
						}
					}
				} else if set1.intersects(&set2) {
					return false
				}
			} else if !autoAccepted(base.op, list.op) {
				return false
			}
			if !list.canEmpty {
				return true
			}
			pc = next
			continue
		}
		for i := 0; i < chrs.nchars; i++ {
			if charIn(chrs.chars[i], other) {
				return false
			}
		}
		if !list.canEmpty {
			return true
		}
		pc = next
	}
}

func (g *gen) autoPossess() {
	recLimit := 1000
	for pc := int32(0); pc < int32(len(g.code)); pc++ {
		in := &g.code[pc]
		var base propList
		switch in.op {
		case opCharRep, opNotRep, opTypeRep:
			if in.rk == repPoss || in.min == in.max {
				continue
			}
		case opClass:
			if !in.hasRep || in.rk == repPoss {
				continue
			}
		default:
			continue
		}
		base, _, _ = g.propOf(pc)
		base.canEmpty = in.rk == repGreedy
		if g.compareOps(pc+1, &base, &recLimit) {
			in.rk = repPoss
		}
	}
}

// typeSetPtr returns the shared byte set of a character type (nil for \R).
func typeSetPtr(t opcode) *charSet {
	switch t {
	case opDigit:
		return &setDigit
	case opNotDigit:
		return &setNotDigit
	case opSpace:
		return &setSpace
	case opNotSpace:
		return &setNotSpace
	case opWord:
		return &setWord
	case opNotWord:
		return &setNotWord
	case opHSpace:
		return &setHSpace
	case opNotHSpace:
		return &setNotHSpace
	case opVSpace:
		return &setVSpace
	case opNotVSpace:
		return &setNotVSpace
	case opAny:
		return &setNotNL
	case opAllAny:
		return &setAll
	}
	return nil
}

// fillSets gives every single-byte item its byte set, so the matcher tests
// membership with one lookup.
func (g *gen) fillSets() {
	for i := range g.code {
		in := &g.code[i]
		switch in.op {
		case opChar, opCharRep, opNot, opNotRep:
			k := 0
			if in.c2 != in.c {
				k = 1
			}
			if in.op == opNot || in.op == opNotRep {
				k += 2
			}
			in.set = &charSets[k][in.c]
		case opTypeRep:
			in.set = typeSetPtr(in.typ)
		case opNotDigit, opDigit, opNotSpace, opSpace, opNotWord, opWord, opAny, opAllAny,
			opNotHSpace, opHSpace, opNotVSpace, opVSpace:
			in.set = typeSetPtr(in.op)
		}
	}
}

// charSets[k][c] is the set of a single-byte item: k=0 c, 1 c or its other
// case, 2 not c, 3 neither c nor its other case. Shared by all programs.
var charSets [4][256]charSet
