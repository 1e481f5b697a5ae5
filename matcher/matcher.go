package matcher

import (
	"bytes"
	"sync"

	"github.com/signetscan/signet/pcre"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/template"
)

// Matcher matches replies against the lines of a DB. It is safe for
// concurrent use.
type Matcher struct {
	db      *probes.DB
	indexes sync.Map // *probes.Probe -> *index
}

// New returns a Matcher for db, which must be resolved (probes.DB.Resolve).
func New(db *probes.DB) *Matcher { return &Matcher{db: db} }

// DB returns the database m matches against.
func (m *Matcher) DB() *probes.DB { return m.db }

// Hit is a line that matched a reply, with the version fields it yields.
type Hit struct {
	Line     *probes.Match   // the winning line; Line.Probe is the chain member it belongs to
	Fields   template.Fields // expanded templates (M6), not yet sanitised (M7)
	Warnings []string        // template warnings in nmap's wording (M6.4, M5)
}

// Match tries reply against the chain of probe p (P12): p's own lines in
// order, then each fallback's, then (TCP) the NULL probe's. The first chain
// member with any matching line decides, and within a member the first
// matching line wins, soft or hard (X1, X2). It returns nil when nothing
// matches. A pattern whose search exhausts its budget counts as no match.
func (m *Matcher) Match(p *probes.Probe, reply []byte) *Hit {
	chain := p.Chain
	if len(chain) == 0 {
		chain = []*probes.Probe{p}
	}
	for _, member := range chain {
		if h := m.matchProbe(member, reply); h != nil {
			return h
		}
	}
	return nil
}

// matchProbe tries the lines of one probe, in order (X1).
func (m *Matcher) matchProbe(p *probes.Probe, reply []byte) *Hit {
	ix := m.index(p)
	cands := ix.noPrefix
	if len(reply) > 0 {
		cands = ix.byFirst[reply[0]]
	}
	var lowered []byte // reply with ASCII letters lowered, made on first need
	for _, i := range cands {
		e := &ix.lines[i]
		if len(e.prefix) > 0 && !hasPrefix(reply, e.prefix, e.fold) {
			continue
		}
		if e.lit != "" {
			hay := reply
			if e.litFold {
				if lowered == nil {
					lowered = asciiLower(reply)
				}
				hay = lowered
			}
			if !bytes.Contains(hay, []byte(e.lit)) {
				continue
			}
		}
		loc, err := e.line.Regex.Exec(reply)
		if err != nil || loc == nil {
			continue
		}
		f, warns := template.Expand(&e.line.Templates, reply, loc)
		return &Hit{Line: e.line, Fields: f, Warnings: warns}
	}
	return nil
}

// index is the per-probe prefilter: for each possible first byte of a reply,
// the lines (in file order) whose anchored literal prefix allows it, merged
// with the lines that have no usable prefix.
type index struct {
	lines    []indexed
	byFirst  [256][]int32
	noPrefix []int32 // lines that can match a reply of any first byte (and the empty reply)
}

type indexed struct {
	line    *probes.Match
	prefix  []byte // anchored literal prefix, empty if none
	fold    bool
	lit     string // a literal every match contains (requiredLiteral), "" if none
	litFold bool
}

func (m *Matcher) index(p *probes.Probe) *index {
	if v, ok := m.indexes.Load(p); ok {
		return v.(*index)
	}
	ix := buildIndex(p)
	v, _ := m.indexes.LoadOrStore(p, ix)
	return v.(*index)
}

// prefixer is implemented by engines that can report a literal prefix.
type prefixer interface{ Prefix() pcre.Prefix }

func buildIndex(p *probes.Probe) *index {
	ix := &index{lines: make([]indexed, len(p.Matches))}
	for i, line := range p.Matches {
		e := indexed{line: line}
		e.lit, e.litFold = requiredLiteral(line.Pattern, line.Flags&pcre.Caseless != 0)
		if pf, ok := line.Regex.(prefixer); ok {
			if pre := pf.Prefix(); pre.Anchored && len(pre.Literal) > 0 {
				e.prefix, e.fold = pre.Literal, pre.Caseless
			}
		}
		ix.lines[i] = e
		if len(e.prefix) == 0 {
			ix.noPrefix = append(ix.noPrefix, int32(i))
			for b := range ix.byFirst {
				ix.byFirst[b] = append(ix.byFirst[b], int32(i))
			}
			continue
		}
		c := e.prefix[0]
		ix.byFirst[c] = append(ix.byFirst[c], int32(i))
		if e.fold {
			if o := otherCase(c); o != c {
				ix.byFirst[o] = append(ix.byFirst[o], int32(i))
			}
		}
	}
	return ix
}

func otherCase(c byte) byte {
	switch {
	case 'a' <= c && c <= 'z':
		return c - 'a' + 'A'
	case 'A' <= c && c <= 'Z':
		return c - 'A' + 'a'
	}
	return c
}

func hasPrefix(s, prefix []byte, fold bool) bool {
	if !fold {
		return bytes.HasPrefix(s, prefix)
	}
	if len(s) < len(prefix) {
		return false
	}
	for i, c := range prefix {
		if d := s[i]; d != c && otherCase(d) != c {
			return false
		}
	}
	return true
}
