package pcre

import (
	"bytes"
	"sync"
)

// Regexp is a compiled pattern. It is safe for concurrent use.
type Regexp struct {
	src    string
	flags  Flags
	ncap   int
	prefix Prefix

	once sync.Once
	prog *program
	pool sync.Pool // *machine
}

// Compile parses pattern with flags. Syntax is checked eagerly; the matcher
// itself is built on the first Exec.
func Compile(pattern string, flags Flags) (*Regexp, error) {
	ps := parserPool.Get().(*parser)
	defer parserPool.Put(ps)
	root, ncap, _, err := parseWith(ps, pattern, flags)
	if err != nil {
		return nil, err
	}
	re := &Regexp{src: pattern, flags: flags, ncap: ncap}
	lit, anch, ci := literalPrefix(root)
	if !anch {
		ac := &anaCtx{}
		if len(ps.refs) > 0 {
			ac.backrefs = map[int]bool{}
			collectBackrefs(root, ac.backrefs)
		}
		anch = allBranches(root, func(a []*node) bool { return ac.branchStart(a, nil, false, true) })
	}
	re.prefix = Prefix{Literal: lit, Anchored: anch, Caseless: ci}
	return re, nil
}

// MustCompile is like Compile but panics on error.
func MustCompile(pattern string, flags Flags) *Regexp {
	re, err := Compile(pattern, flags)
	if err != nil {
		panic("pcre: Compile(" + pattern + "): " + err.Error())
	}
	return re
}

func allBranches(root *node, f func([]*node) bool) bool {
	for _, a := range root.alts {
		if !f(a) {
			return false
		}
	}
	return true
}

func (re *Regexp) build() *program {
	re.once.Do(func() {
		ps := parserPool.Get().(*parser)
		defer parserPool.Put(ps)
		root, ncap, _, err := parseWith(ps, re.src, re.flags)
		if err != nil {
			panic("pcre: pattern no longer compiles")
		}
		re.prog = buildProgram(root, ncap, len(re.src))
	})
	return re.prog
}

func buildProgram(root *node, ncap int, size int) *program {
	g := &gen{code: make([]inst, 0, size+8)}
	g.emitGroup(root, opBra)
	g.emit(inst{op: opEnd})
	g.autoPossess()
	g.fillSets()
	code := make([]inst, len(g.code)) // exact size: programs live as long as the Regexp
	copy(code, g.code)
	p := &program{code: code, ncap: ncap, start: 0, reqByte: -1, reqByte2: -1}
	ac := &anaCtx{backrefs: map[int]bool{}}
	collectBackrefs(root, ac.backrefs)
	p.anchored = allBranches(root, func(a []*node) bool { return ac.branchStart(a, nil, false, true) })
	if !p.anchored {
		p.startLine = allBranches(root, func(a []*node) bool { return ac.branchStart(a, nil, false, false) })
	}
	var fs charSet
	nullable := false
	for _, a := range root.alts {
		if firstSet(a, &fs) {
			nullable = true
		}
	}
	if !nullable && fs != setAll {
		p.firstSet = &fs
	}
	if len(root.alts) == 1 {
		if r, ci := requiredByte(root.alts[0]); r >= 0 {
			p.reqByte, p.reqByte2 = r, r
			if ci {
				p.reqByte2 = int(fcc[r])
			}
		}
	}
	p.minLen = minLength(root.alts[0])
	for _, a := range root.alts[1:] {
		if l := minLength(a); l < p.minLen {
			p.minLen = l
		}
	}
	return p
}

// Exec matches subject; see Regex.
func (re *Regexp) Exec(subject []byte) ([]int, error) {
	pf := &re.prefix
	if pf.Anchored && len(pf.Literal) > 0 {
		if len(subject) < len(pf.Literal) {
			return nil, nil
		}
		if pf.Caseless {
			for i, c := range pf.Literal {
				if d := subject[i]; d != c && d != fcc[c] {
					return nil, nil
				}
			}
		} else if !bytes.HasPrefix(subject, pf.Literal) {
			return nil, nil
		}
	}
	p := re.build()
	if len(subject) < p.minLen {
		return nil, nil
	}
	m, _ := re.pool.Get().(*machine)
	if m == nil {
		m = newMachine(p)
	}
	rc := re.search(m, p, subject, m.loc)
	var loc []int
	if rc == rMatch {
		loc = append([]int(nil), m.loc...)
	}
	re.pool.Put(m)
	switch rc {
	case rMatch:
		return loc, nil
	case rLimit:
		return nil, ErrMatchLimit
	}
	return nil, nil
}

// newMachine returns a matcher's state for p with PCRE2's limits.
func newMachine(p *program) *machine {
	m := &machine{ovsz: 2 * p.ncap}
	frameSize := 128 + 16*p.ncap
	m.maxF = heapLimit / frameSize
	m.limit, m.depthLim = matchLimit, depthLimit
	m.loc = make([]int, 2*(p.ncap+1))
	return m
}

// reqMax is PCRE2's REQ_CU_MAX.
const reqMax = 5000

func (re *Regexp) search(m *machine, p *program, s []byte, loc []int) int {
	n := len(s)
	var single int = -1
	if p.firstSet != nil && p.firstSet.count() == 1 {
		for c := 0; c < 256; c++ {
			if p.firstSet.has(byte(c)) {
				single = c
			}
		}
	}
	reqAt := -1 // position where the required byte was last found
	for pos := 0; pos <= n; {
		if p.anchored && p.firstSet != nil && (pos >= n || !p.firstSet.has(s[pos])) {
			return rNoMatch // PCRE2 checks the first byte of anchored patterns too
		}
		if !p.anchored {
			if p.startLine {
				if pos > 0 && s[pos-1] != '\n' {
					k := bytes.IndexByte(s[pos:], '\n')
					if k < 0 {
						pos = n
					} else {
						pos += k + 1
					}
				}
			} else if p.firstSet != nil {
				if single >= 0 {
					k := bytes.IndexByte(s[pos:], byte(single))
					if k < 0 {
						return rNoMatch
					}
					pos += k
				} else {
					for pos < n && !p.firstSet.has(s[pos]) {
						pos++
					}
					if pos >= n {
						return rNoMatch
					}
				}
			}
		}
		if n-pos < p.minLen {
			return rNoMatch
		}
		// Like PCRE2, look for the required byte only when the rest of the
		// subject is shorter than 5000 bytes (anchored) or 5e6 (unanchored).
		if rest := n - pos; p.reqByte >= 0 && pos > reqAt && (rest < reqMax || (!p.anchored && rest < reqMax*1000)) {
			k := bytes.IndexByte(s[pos:], byte(p.reqByte))
			if p.reqByte2 != p.reqByte {
				k2 := bytes.IndexByte(s[pos:], byte(p.reqByte2))
				if k < 0 || (k2 >= 0 && k2 < k) {
					k = k2
				}
			}
			if k < 0 {
				return rNoMatch
			}
			reqAt = pos + k
		}
		rc := m.run(p, s, pos, loc)
		if rc != rNoMatch {
			return rc
		}
		if p.anchored {
			break
		}
		pos++
	}
	return rNoMatch
}

// NumSubexp returns the number of capturing groups.
func (re *Regexp) NumSubexp() int { return re.ncap }

// String returns the source pattern.
func (re *Regexp) String() string { return re.src }

// Prefix returns the literal prefix information found at compile time.
func (re *Regexp) Prefix() Prefix { return re.prefix }
