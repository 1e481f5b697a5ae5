package pcre

// The matcher is a backtracking interpreter organised like pcre2_match():
// every backtracking point is a frame on an explicit stack, created where
// PCRE2 calls its internal RMATCH() and popped where PCRE2 does RRETURN().
// Each frame creation counts towards the match limit (reset for every start
// position, as in PCRE2) and the frame index is the "depth" that the depth
// limit bounds. See doc.go for the model.

const (
	// Limits nmap 7.94+ sets on its PCRE2 match context.
	matchLimit = 50000
	depthLimit = 1000
	heapLimit  = 10240 * 1024
)

const (
	rNoMatch = 0
	rMatch   = 1
	rKetRPos = 2
	rLimit   = -1
)

// return ids (resume points)
const (
	rmNone uint8 = iota
	rmRepMin
	rmRepMaxA
	rmRepMaxB
	rmRefMin
	rmRefMax
	rmBraZero
	rmBraMinZero
	rmBraPos
	rmBra
	rmGroup
	rmAssert
	rmAssertNot
	rmKetRMin
	rmKetRMax
	rmTop
)

type frame struct {
	ecode     int32
	backFrame int32
	t0, t1    int32 // min/count, max
	p0, p1    int32 // positions / code indexes
	retID     uint8
	isGroup   bool
	// copied into new frames
	eptr       int32
	startMatch int32
	lastGroup  int32
	offsetTop  int32
}

type machine struct {
	frames   []frame
	ov       []int32 // per-frame capture vectors
	calls    int     // frames created for the current start position
	maxF     int     // frames allowed by the heap limit
	limit    int     // match limit (frames per start position)
	depthLim int     // depth limit
	ovsz     int
	loc      []int // result scratch
	// statistics for tests: largest frame count / depth of any attempt
	statCalls, statDepth int
}

// stepOne matches one single-byte item (or \R) at pos; it returns the new
// position or -1.
func stepOne(in *inst, s []byte, pos int) int {
	if pos >= len(s) {
		return -1
	}
	c := s[pos]
	if st := in.set; st != nil {
		if st[c>>6]&(1<<(c&63)) != 0 {
			return pos + 1
		}
		return -1
	}
	// \R
	switch c {
	case '\r':
		if pos+1 < len(s) && s[pos+1] == '\n' {
			return pos + 2
		}
		return pos + 1
	case '\n', 0x0b, 0x0c, 0x85:
		return pos + 1
	}
	return -1
}

// scanMax advances over at most max-min more matches of a repeated item
// starting at pos (the maximizing loop).
func scanMax(in *inst, s []byte, pos int) int {
	n := len(s)
	if st := in.set; st != nil {
		lim := n
		if in.max != maxRep && int(in.max-in.min) < lim-pos {
			lim = pos + int(in.max-in.min)
		}
		if st == &setAll {
			return lim
		}
		for pos < lim {
			c := s[pos]
			if st[c>>6]&(1<<(c&63)) == 0 {
				break
			}
			pos++
		}
		return pos
	}
	for i := in.min; i < in.max; i++ {
		np := stepOne(in, s, pos)
		if np < 0 {
			break
		}
		pos = np
	}
	return pos
}

// matchRef matches back reference offset off (2n-2) at pos; it returns the
// length matched or -1.
func matchRef(s []byte, ov []int32, offTop int32, off int32, caseless bool, pos int) int {
	if off >= offTop || ov[off] < 0 {
		return -1
	}
	st, en := int(ov[off]), int(ov[off+1])
	l := en - st
	if pos+l > len(s) {
		return -1
	}
	if caseless {
		for i := 0; i < l; i++ {
			a, b := s[st+i], s[pos+i]
			if a != b && fcc[a] != b {
				return -1
			}
		}
	} else {
		for i := 0; i < l; i++ {
			if s[st+i] != s[pos+i] {
				return -1
			}
		}
	}
	return l
}

// run performs one match attempt at start (PCRE2's match()). On success
// loc is filled.
func (m *machine) run(p *program, s []byte, start int, loc []int) int {
	code := p.code
	ovsz := m.ovsz
	if len(m.frames) == 0 {
		m.frames = make([]frame, 16)
		m.ov = make([]int32, 16*ovsz)
	}
	m.calls = 0
	var (
		F        int32
		fr       *frame
		rrc      int
		startPC  int32
		isGroup  bool
		retFrame int32
	)
	// Frame 0.
	F = 0
	fr = &m.frames[0]
	*fr = frame{eptr: int32(start), startMatch: int32(start), lastGroup: -1}
	for i := 0; i < ovsz; i++ {
		m.ov[i] = -1
	}
	startPC = p.start
	goto newFrame

recurse:
	// RMATCH: create frame F+1 as a copy of F.
	{
		N := F + 1
		if int(N) >= len(m.frames) {
			nf := make([]frame, 2*len(m.frames))
			copy(nf, m.frames)
			m.frames = nf
			no := make([]int32, len(m.frames)*ovsz)
			copy(no, m.ov)
			m.ov = no
		}
		if int(N) >= m.maxF {
			return rLimit
		}
		old := &m.frames[F]
		nf := &m.frames[N]
		nf.eptr = old.eptr
		nf.startMatch = old.startMatch
		nf.lastGroup = old.lastGroup
		nf.offsetTop = old.offsetTop
		if ovsz > 0 {
			copy(m.ov[int(N)*ovsz:int(N+1)*ovsz], m.ov[int(F)*ovsz:int(F+1)*ovsz])
		}
		F = N
		fr = nf
	}
newFrame:
	fr.ecode = startPC
	fr.backFrame = 1
	fr.isGroup = isGroup
	if isGroup {
		fr.lastGroup = F
		isGroup = false
	}
	m.calls++
	if m.calls > m.statCalls {
		m.statCalls = m.calls
	}
	if int(F) > m.statDepth {
		m.statDepth = int(F)
	}
	if m.calls > m.limit || int(F) >= m.depthLim {
		return rLimit
	}

loop:
	for {
		in := &code[fr.ecode]
		switch in.op {
		case opEnd:
			loc[0] = int(fr.startMatch)
			loc[1] = int(fr.eptr)
			ov := m.ov[int(F)*ovsz : int(F+1)*ovsz]
			for i := 0; i < ovsz; i++ {
				if int32(i) < fr.offsetTop {
					loc[2+i] = int(ov[i])
				} else {
					loc[2+i] = -1
				}
			}
			return rMatch

		case opChar, opNot, opNotDigit, opDigit, opNotSpace, opSpace, opNotWord, opWord,
			opAny, opAllAny, opAnyNL, opNotHSpace, opHSpace, opNotVSpace, opVSpace:
			np := stepOne(in, s, int(fr.eptr))
			if np < 0 {
				rrc = rNoMatch
				goto ret
			}
			fr.eptr = int32(np)
			fr.ecode++

		case opClass, opCharRep, opNotRep, opTypeRep:
			if !in.hasRep && in.op == opClass {
				if int(fr.eptr) >= len(s) || !in.set.has(s[fr.eptr]) {
					rrc = rNoMatch
					goto ret
				}
				fr.eptr++
				fr.ecode++
				continue
			}
			{
				pos := int(fr.eptr)
				for i := int32(0); i < in.min; i++ {
					pos = stepOne(in, s, pos)
					if pos < 0 {
						rrc = rNoMatch
						goto ret
					}
				}
				fr.eptr = int32(pos)
				fr.ecode++
				if in.min == in.max {
					continue
				}
				if in.rk == repLazy {
					fr.t0 = in.min
					fr.t1 = in.max
					startPC = fr.ecode
					fr.retID = rmRepMin
					goto recurse
				}
				start := pos
				pos = scanMax(in, s, pos)
				fr.eptr = int32(pos)
				if in.rk == repPoss {
					continue
				}
				fr.p0 = int32(start)
				if in.op == opClass {
					startPC = fr.ecode
					fr.retID = rmRepMaxB
					goto recurse
				}
				if pos == start {
					continue
				}
				startPC = fr.ecode
				fr.retID = rmRepMaxA
				goto recurse
			}

		case opRef:
			{
				off := (in.n << 1) - 2
				ov := m.ov[int(F)*ovsz : int(F+1)*ovsz]
				if !in.hasRep {
					l := matchRef(s, ov, fr.offsetTop, off, in.caseless, int(fr.eptr))
					if l < 0 {
						rrc = rNoMatch
						goto ret
					}
					fr.eptr += int32(l)
					fr.ecode++
					continue
				}
				fr.ecode++
				if off < fr.offsetTop && ov[off] >= 0 {
					if ov[off] == ov[off+1] {
						continue
					}
				} else if in.min == 0 {
					continue
				}
				for i := int32(0); i < in.min; i++ {
					l := matchRef(s, ov, fr.offsetTop, off, in.caseless, int(fr.eptr))
					if l < 0 {
						rrc = rNoMatch
						goto ret
					}
					fr.eptr += int32(l)
				}
				if in.min == in.max {
					continue
				}
				if in.rk == repLazy {
					fr.t0 = in.min
					fr.t1 = in.max
					fr.p1 = off
					startPC = fr.ecode
					fr.retID = rmRefMin
					goto recurse
				}
				fr.p0 = fr.eptr
				length := ov[off+1] - ov[off]
				for i := in.min; i < in.max; i++ {
					l := matchRef(s, ov, fr.offsetTop, off, in.caseless, int(fr.eptr))
					if l < 0 {
						break
					}
					fr.eptr += int32(l)
				}
				fr.t1 = length
				startPC = fr.ecode
				fr.retID = rmRefMax
				goto recurse
			}

		case opBraZero:
			startPC = fr.ecode + 1
			fr.retID = rmBraZero
			goto recurse

		case opBraMinZero:
			{
				nx := code[fr.ecode+1].next
				for code[nx].op == opAlt {
					nx = code[nx].next
				}
				startPC = nx + 1
				fr.retID = rmBraMinZero
				goto recurse
			}

		case opSkipZero:
			{
				nx := code[fr.ecode+1].next
				for code[nx].op == opAlt {
					nx = code[nx].next
				}
				fr.ecode = nx + 1
			}

		case opBraPosZero:
			fr.ecode++
			fr.t0 = 1 // zero allowed
			fr.t1 = 0 // matched once
			fr.p1 = fr.ecode
			fr.p0 = fr.eptr
			startPC = fr.ecode + 1
			isGroup = true
			fr.retID = rmBraPos
			goto recurse

		case opBraPos, opSBraPos, opCBraPos, opSCBraPos:
			fr.t0 = 0
			fr.t1 = 0
			fr.p1 = fr.ecode
			fr.p0 = fr.eptr
			startPC = fr.ecode + 1
			isGroup = true
			fr.retID = rmBraPos
			goto recurse

		case opBra:
			if F == 0 {
				startPC = fr.ecode + 1
				fr.retID = rmGroup
				goto recurse // GROUPLOOP without a group frame
			}
			if code[in.next].op != opAlt {
				fr.ecode++
				continue
			}
			startPC = fr.ecode + 1
			fr.retID = rmBra
			goto recurse

		case opCBra, opSCBra, opOnce, opSBra:
			startPC = fr.ecode + 1
			isGroup = true
			fr.retID = rmGroup
			goto recurse

		case opAssert, opAssertBack:
			startPC = fr.ecode + 1
			isGroup = true
			fr.retID = rmAssert
			goto recurse

		case opAssertNot, opAssertBackNot:
			startPC = fr.ecode + 1
			isGroup = true
			fr.retID = rmAssertNot
			goto recurse

		case opFail:
			rrc = rNoMatch
			goto ret

		case opReverse:
			if in.n > fr.eptr {
				rrc = rNoMatch
				goto ret
			}
			fr.eptr -= in.n
			fr.ecode++

		case opAlt:
			for code[fr.ecode].op == opAlt {
				fr.ecode = code[fr.ecode].next
			}

		case opKet, opKetRMax, opKetRMin, opKetRPos:
			{
				bra := in.next
				bop := code[bra].op
				P := int32(-1)
				if bop != opBra {
					N := fr.lastGroup
					P = N - 1
					fr.lastGroup = m.frames[P].lastGroup
				}
				switch bop {
				case opAssert, opAssertBack, opOnce:
					if bop != opOnce {
						fr.eptr = m.frames[P].eptr
					}
					fr.backFrame = F - P
					pf := &m.frames[P]
					for code[code[pf.ecode].next].op == opAlt {
						pf.ecode = code[pf.ecode].next
					}
				case opAssertNot, opAssertBackNot:
					rrc = rMatch
					goto ret
				case opCBra, opCBraPos, opSCBra, opSCBraPos:
					off := (code[bra].n << 1) - 2
					ov := m.ov[int(F)*ovsz : int(F+1)*ovsz]
					ov[off] = m.frames[P].eptr
					ov[off+1] = fr.eptr
					if off >= fr.offsetTop {
						fr.offsetTop = off + 2
					}
				}
				if in.op == opKetRPos {
					pf := &m.frames[P]
					pf.eptr = fr.eptr
					pf.startMatch = fr.startMatch
					pf.lastGroup = fr.lastGroup
					pf.offsetTop = fr.offsetTop
					if ovsz > 0 {
						copy(m.ov[int(P)*ovsz:int(P+1)*ovsz], m.ov[int(F)*ovsz:int(F+1)*ovsz])
					}
					rrc = rKetRPos
					goto ret
				}
				if in.op != opKet && (P < 0 || fr.eptr != m.frames[P].eptr) {
					if in.op == opKetRMin {
						startPC = fr.ecode + 1
						fr.retID = rmKetRMin
						goto recurse
					}
					startPC = bra
					fr.retID = rmKetRMax
					goto recurse
				}
				fr.ecode++
			}

		case opCirc, opSOD, opSOM:
			if fr.eptr != 0 {
				rrc = rNoMatch
				goto ret
			}
			fr.ecode++
		case opCircM:
			if fr.eptr != 0 && (int(fr.eptr) == len(s) || s[fr.eptr-1] != '\n') {
				rrc = rNoMatch
				goto ret
			}
			fr.ecode++
		case opDoll, opEODN:
			if e := int(fr.eptr); e < len(s) && (s[e] != '\n' || e != len(s)-1) {
				rrc = rNoMatch
				goto ret
			}
			fr.ecode++
		case opDollM:
			if e := int(fr.eptr); e < len(s) && s[e] != '\n' {
				rrc = rNoMatch
				goto ret
			}
			fr.ecode++
		case opEOD:
			if int(fr.eptr) < len(s) {
				rrc = rNoMatch
				goto ret
			}
			fr.ecode++
		case opWordB, opNotWordB:
			{
				e := int(fr.eptr)
				prev := e > 0 && isWordTab[s[e-1]]
				cur := e < len(s) && isWordTab[s[e]]
				if (in.op == opWordB) == (prev == cur) {
					rrc = rNoMatch
					goto ret
				}
				fr.ecode++
			}
		default:
			panic("pcre: bad opcode")
		}
	}

ret:
	// RRETURN(rrc)
	if F == 0 {
		return rrc
	}
	retFrame = F - m.frames[F].backFrame
	F = retFrame
	fr = &m.frames[F]
	switch fr.retID {
	case rmRepMin:
		if rrc != rNoMatch {
			goto ret
		}
		{
			in := &code[fr.ecode-1]
			if fr.t0 >= fr.t1 {
				rrc = rNoMatch
				goto ret
			}
			fr.t0++
			np := stepOne(in, s, int(fr.eptr))
			if np < 0 {
				rrc = rNoMatch
				goto ret
			}
			fr.eptr = int32(np)
			startPC = fr.ecode
			goto recurse
		}
	case rmRepMaxA:
		if rrc != rNoMatch {
			goto ret
		}
		{
			in := &code[fr.ecode-1]
			fr.eptr--
			if in.op == opTypeRep && in.typ == opAnyNL && fr.eptr > fr.p0 && s[fr.eptr] == '\n' && s[fr.eptr-1] == '\r' {
				fr.eptr--
			}
			if fr.eptr <= fr.p0 {
				goto loop
			}
			startPC = fr.ecode
			goto recurse
		}
	case rmRepMaxB:
		if rrc != rNoMatch {
			goto ret
		}
		fr.eptr--
		if fr.eptr >= fr.p0 {
			startPC = fr.ecode
			goto recurse
		}
		rrc = rNoMatch
		goto ret
	case rmRefMin:
		if rrc != rNoMatch {
			goto ret
		}
		{
			in := &code[fr.ecode-1]
			if fr.t0 >= fr.t1 {
				rrc = rNoMatch
				goto ret
			}
			fr.t0++
			ov := m.ov[int(F)*ovsz : int(F+1)*ovsz]
			l := matchRef(s, ov, fr.offsetTop, fr.p1, in.caseless, int(fr.eptr))
			if l < 0 {
				rrc = rNoMatch
				goto ret
			}
			fr.eptr += int32(l)
			startPC = fr.ecode
			goto recurse
		}
	case rmRefMax:
		if rrc != rNoMatch {
			goto ret
		}
		fr.eptr -= fr.t1
		if fr.eptr >= fr.p0 {
			startPC = fr.ecode
			goto recurse
		}
		rrc = rNoMatch
		goto ret
	case rmBraZero:
		if rrc != rNoMatch {
			goto ret
		}
		{
			nx := code[fr.ecode+1].next
			for code[nx].op == opAlt {
				nx = code[nx].next
			}
			fr.ecode = nx + 1
			goto loop
		}
	case rmBraMinZero:
		if rrc != rNoMatch {
			goto ret
		}
		fr.ecode++
		goto loop
	case rmBraPos:
		if rrc == rKetRPos {
			fr.t1 = 1
			if fr.eptr == fr.p0 {
				for {
					fr.ecode = code[fr.ecode].next
					if code[fr.ecode].op != opAlt {
						break
					}
				}
				fr.ecode++
				goto loop
			}
			fr.ecode = fr.p1
			fr.p0 = fr.eptr
			startPC = fr.ecode + 1
			isGroup = true
			goto recurse
		}
		if rrc != rNoMatch {
			goto ret
		}
		fr.ecode = code[fr.ecode].next
		if code[fr.ecode].op == opAlt {
			fr.p0 = fr.eptr
			startPC = fr.ecode + 1
			isGroup = true
			goto recurse
		}
		if fr.t1 != 0 || fr.t0 != 0 {
			fr.ecode++
			goto loop
		}
		rrc = rNoMatch
		goto ret
	case rmBra:
		if rrc != rNoMatch {
			goto ret
		}
		fr.ecode = code[fr.ecode].next
		if code[code[fr.ecode].next].op != opAlt {
			fr.ecode++
			goto loop
		}
		startPC = fr.ecode + 1
		goto recurse
	case rmGroup:
		if rrc != rNoMatch {
			goto ret
		}
		fr.ecode = code[fr.ecode].next
		if code[fr.ecode].op != opAlt {
			rrc = rNoMatch
			goto ret
		}
		startPC = fr.ecode + 1
		isGroup = F != 0 // the outer bracket (depth 0) has no group frame
		goto recurse
	case rmAssert:
		if rrc != rNoMatch {
			goto ret
		}
		fr.ecode = code[fr.ecode].next
		if code[fr.ecode].op != opAlt {
			rrc = rNoMatch
			goto ret
		}
		startPC = fr.ecode + 1
		isGroup = true
		goto recurse
	case rmAssertNot:
		if rrc == rMatch {
			rrc = rNoMatch
			goto ret
		}
		if rrc != rNoMatch {
			goto ret
		}
		fr.ecode = code[fr.ecode].next
		if code[fr.ecode].op != opAlt {
			fr.ecode++
			goto loop
		}
		startPC = fr.ecode + 1
		isGroup = true
		goto recurse
	case rmKetRMin:
		if rrc != rNoMatch {
			goto ret
		}
		fr.ecode = code[fr.ecode].next
		goto loop
	case rmKetRMax:
		if rrc != rNoMatch {
			goto ret
		}
		fr.ecode++
		goto loop
	}
	panic("pcre: bad return id")
}
