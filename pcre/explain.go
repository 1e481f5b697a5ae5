package pcre

// Progress is how far a pattern gets on a subject: the longest leading run
// of top-level items of one alternative that matches, where that run's match
// lies, and the item that fails after it. It answers "why does this line not
// fire?" without changing how Exec matches.
type Progress struct {
	Matched bool // the whole alternative matches (then Next is "")
	Alt     int  // the top-level alternative reported, from 0
	// Prefix is the pattern text of the items that match, Next the item
	// that fails after them (with its quantifier); NextOffset is Next's
	// offset in the pattern.
	Prefix, Next string
	NextOffset   int
	// Start and End are the match of Prefix in the subject: Next fails at
	// subject[End] (or at the end of the subject when End == len(subject)).
	Start, End int
}

// Explain reports how far pattern gets on subject. For each top-level
// alternative it finds the longest run of leading items (as parsed: one
// literal byte, class, group or assertion, with its quantifier) that
// matches somewhere in subject, with the same engine and limits as Exec,
// and reports the alternative that gets furthest into the subject (then the
// one with more items). A run that exhausts the match limits counts as not
// matching. Each attempt compiles a shortened copy of the pattern; Exec and
// Compile are not changed by it.
func Explain(pattern string, flags Flags, subject []byte) (*Progress, error) {
	root, ncap, bars, err := parseTop(pattern, flags)
	if err != nil {
		return nil, err
	}
	var best *Progress
	bestItems := -1
	for a := range root.alts {
		altStart, altEnd := 0, len(pattern)
		if a > 0 {
			altStart = bars[a-1] + 1
		}
		if a < len(bars) {
			altEnd = bars[a]
		}
		cuts := itemCuts(root.alts[a], altStart)
		// cuts[k] is the pattern offset where item k starts; the prefix of
		// k items is pattern[altStart:cuts[k]] (cuts[len] = altEnd).
		cuts = append(cuts, altEnd)
		n := len(cuts) - 1
		// The longest matching prefix: matching is monotone in k (a match
		// of k+1 items contains one of k), so search for the boundary.
		lo, hi := 0, n // prefix lo matches (the empty one always does); find the largest
		loc := []int{0, 0}
		if l, ok := runPrefix(pattern, flags, ncap, a, n, subject); ok {
			lo, loc = n, l
		} else {
			for lo+1 < hi {
				mid := (lo + hi) / 2
				if l, ok := runPrefix(pattern, flags, ncap, a, mid, subject); ok {
					lo, loc = mid, l
				} else {
					hi = mid
				}
			}
			if lo == 0 {
				loc = []int{0, 0}
				if l, ok := runPrefix(pattern, flags, ncap, a, 0, subject); ok {
					loc = l
				}
			}
		}
		p := &Progress{Matched: lo == n, Alt: a, Prefix: pattern[altStart:cuts[lo]], Start: loc[0], End: loc[1]}
		if lo < n {
			p.Next, p.NextOffset = pattern[cuts[lo]:cuts[lo+1]], cuts[lo]
		}
		if best == nil || p.Matched && !best.Matched || p.Matched == best.Matched && (p.End > best.End || p.End == best.End && lo > bestItems) {
			best, bestItems = p, lo
		}
	}
	return best, nil
}

// parseTop parses pattern and returns the tree, the number of groups and
// the offsets of the top-level '|'.
func parseTop(pattern string, flags Flags) (*node, int, []int, error) {
	ps := &parser{}
	root, ncap, _, err := parseWith(ps, pattern, flags)
	if err != nil {
		return nil, 0, nil, err
	}
	return root, ncap, append([]int(nil), ps.bars...), nil
}

// itemCuts returns the pattern offset where each item of an alternative
// starts. Items the parser made without an offset of their own (the bytes
// of \Q…\E) stay glued to the item before them.
func itemCuts(items []*node, altStart int) []int {
	cuts := make([]int, 0, len(items))
	last := altStart - 1
	for i, it := range items {
		off := it.off
		if i == 0 {
			off = altStart
		}
		if off <= last {
			continue
		}
		cuts = append(cuts, off)
		last = off
	}
	if len(cuts) == 0 {
		cuts = append(cuts, altStart)
	}
	return cuts
}

// runPrefix matches the first k cut items of alternative a against
// subject. The pattern is parsed afresh so the program is built from an
// untouched tree.
func runPrefix(pattern string, flags Flags, ncap, a, k int, subject []byte) ([]int, bool) {
	root, _, bars, err := parseTop(pattern, flags)
	if err != nil {
		return nil, false
	}
	altStart := 0
	if a > 0 {
		altStart = bars[a-1] + 1
	}
	items := root.alts[a]
	cuts := itemCuts(items, altStart)
	var keep []*node
	if k < len(cuts) {
		end := cuts[k]
		for i, it := range items {
			off := it.off
			if i == 0 {
				off = altStart
			}
			if off >= end && (i == 0 || off > items[i-1].off) {
				break
			}
			keep = append(keep, it)
		}
	} else {
		keep = items
	}
	sub := &node{kind: nGroup, typ: opBra, alts: [][]*node{keep}}
	p := buildProgram(sub, ncap, len(pattern))
	m := newMachine(p)
	loc := make([]int, 2*(ncap+1))
	if (&Regexp{}).search(m, p, subject, loc) != rMatch {
		return nil, false
	}
	return loc[:2], true
}
