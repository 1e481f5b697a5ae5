// Package lint checks a signature database beyond what loading it requires:
// template groups, lines that can never win, softmatches nothing can confirm.
package lint

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/signetscan/signet/diag"
	"github.com/signetscan/signet/evidence"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/pcre"
	"github.com/signetscan/signet/probes"
)

// Finding is one warning or error about a line. An error is a line that is
// wrong whatever the evidence says; signet lint exits non-zero on one.
type Finding struct {
	Pos   diag.Pos
	Msg   string
	Error bool
}

func (f Finding) String() string {
	level := "warning"
	if f.Error {
		level = "error"
	}
	return fmt.Sprintf("%s: %s: %s", f.Pos, level, f.Msg)
}

// Counts are the totals lint reports.
type Counts struct {
	Probes, Match, Softmatch int
}

func (c Counts) String() string {
	return fmt.Sprintf("%d probes, %d match, %d softmatch", c.Probes, c.Match, c.Softmatch)
}

// Count counts probes (the NULL probe included) and lines.
func Count(db *probes.DB) Counts {
	var c Counts
	each(db, func(p *probes.Probe) {
		c.Probes++
		for _, m := range p.Matches {
			if m.Soft {
				c.Softmatch++
			} else {
				c.Match++
			}
		}
	})
	return c
}

func each(db *probes.DB, f func(*probes.Probe)) {
	if db.Null != nil {
		f(db.Null)
	}
	for _, p := range db.Probes {
		f(p)
	}
}

// Check runs every check on a resolved db and returns the findings in file order.
func Check(db *probes.DB) []Finding {
	var out []Finding
	each(db, func(p *probes.Probe) {
		out = append(out, checkGroups(p)...)
		out = append(out, checkShadowed(p)...)
		out = append(out, checkOwnPayload(p)...)
	})
	out = append(out, checkSoftConfirm(db)...)
	sortFindings(out)
	return out
}

// groupRef finds the group numbers templates use: $N, $P(N), $SUBST(N,..), $I(N,..).
var groupRef = regexp.MustCompile(`\$(?:([1-9])|[A-Za-z]+\(\s*([0-9]+))`)

// checkGroups warns about templates that use a group the regex does not
// have: nmap then leaves the field empty (M6.2).
func checkGroups(p *probes.Probe) []Finding {
	var out []Finding
	for _, m := range p.Matches {
		if m.Regex == nil {
			continue
		}
		n := m.Regex.NumSubexp()
		for _, t := range templatesOf(&m.Templates) {
			for _, sm := range groupRef.FindAllStringSubmatch(t.Text, -1) {
				g := sm[1]
				if g == "" {
					g = sm[2]
				}
				k, _ := strconv.Atoi(g)
				if k > n {
					out = append(out, Finding{Pos: t.Pos, Msg: fmt.Sprintf("template %q uses group %d but the pattern has %d; nmap leaves the field empty", t.Text, k, n)})
				}
			}
		}
	}
	return out
}

func templatesOf(t *probes.Templates) []*probes.Template {
	var out []*probes.Template
	for _, x := range []*probes.Template{t.Product, t.Version, t.Info, t.Hostname, t.OS, t.Device} {
		if x != nil {
			out = append(out, x)
		}
	}
	return append(out, t.CPE...)
}

// checkShadowed warns about a line that can never win because an earlier
// line of the same probe matches every reply it matches (X1): an identical
// pattern, or an earlier pattern that is only an anchored literal which the
// later line's anchored literal prefix starts with.
func checkShadowed(p *probes.Probe) []Finding {
	type lit struct {
		line *probes.Match
		lit  []byte
	}
	var out []Finding
	seen := map[string]*probes.Match{}
	var pure []lit
	for _, m := range p.Matches {
		key := fmt.Sprintf("%d\x00%s", m.Flags, m.Pattern)
		if first, ok := seen[key]; ok {
			out = append(out, Finding{Pos: m.Pos, Msg: fmt.Sprintf("never wins: line %d has the same pattern", first.Pos.Line)})
			continue
		}
		seen[key] = m
		pre := prefixOf(m)
		if pre.Anchored && len(pre.Literal) > 0 {
			for _, e := range pure {
				if hasPrefix(pre.Literal, e.lit, pre.Caseless, e.line.Flags&pcre.Caseless != 0) {
					out = append(out, Finding{Pos: m.Pos, Msg: fmt.Sprintf("never wins: line %d (%s) matches every reply this line matches", e.line.Pos.Line, e.line.Pattern)})
					break
				}
			}
		}
		if l, ok := PureLiteral(m.Pattern); ok {
			pure = append(pure, lit{m, l})
		}
	}
	return out
}

func prefixOf(m *probes.Match) pcre.Prefix {
	if pf, ok := m.Regex.(interface{ Prefix() pcre.Prefix }); ok {
		return pf.Prefix()
	}
	return pcre.Prefix{}
}

// hasPrefix reports whether every string starting with s (compared
// caselessly when sFold) also starts with prefix (compared caselessly when
// pFold).
func hasPrefix(s, prefix []byte, sFold, pFold bool) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i, c := range prefix {
		d := s[i]
		if sFold && isLetter(d) && !pFold {
			return false // the later line accepts both cases, the earlier only one
		}
		if c == d || (pFold && lower(c) == lower(d)) {
			continue
		}
		return false
	}
	return true
}

func isLetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }
func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// PureLiteral reports whether pattern is exactly ^ followed by literal
// bytes (plain bytes or simple escapes), returning those bytes.
func PureLiteral(pattern string) ([]byte, bool) {
	if len(pattern) < 2 || pattern[0] != '^' {
		return nil, false
	}
	var out []byte
	for i := 1; i < len(pattern); i++ {
		c := pattern[i]
		switch c {
		case '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}', '^':
			return nil, false
		case '\\':
			i++
			if i >= len(pattern) {
				return nil, false
			}
			e := pattern[i]
			switch e {
			case 'r':
				out = append(out, '\r')
			case 'n':
				out = append(out, '\n')
			case 't':
				out = append(out, '\t')
			case '0':
				if i+1 < len(pattern) && pattern[i+1] >= '0' && pattern[i+1] <= '7' {
					return nil, false
				}
				out = append(out, 0)
			case 'x':
				if i+2 >= len(pattern) {
					return nil, false
				}
				v, err := strconv.ParseUint(pattern[i+1:i+3], 16, 8)
				if err != nil {
					return nil, false
				}
				out = append(out, byte(v))
				i += 2
			default:
				if isLetter(e) || ('0' <= e && e <= '9') {
					return nil, false
				}
				out = append(out, e)
			}
		default:
			out = append(out, c)
		}
	}
	// A quantifier after the last byte would change its meaning; checked
	// above by refusing ?*+{ anywhere.
	return out, true
}

// checkSoftConfirm warns about a softmatch whose service no other probe of
// the same protocol can confirm with a hard match (S4: after a softmatch
// only probes that list the service are sent).
func checkSoftConfirm(db *probes.DB) []Finding {
	hard := map[probes.Protocol]map[string][]*probes.Probe{}
	each(db, func(p *probes.Probe) {
		for _, m := range p.Matches {
			if m.Soft {
				continue
			}
			if hard[p.Protocol] == nil {
				hard[p.Protocol] = map[string][]*probes.Probe{}
			}
			hard[p.Protocol][m.Service] = append(hard[p.Protocol][m.Service], p)
		}
	})
	var out []Finding
	each(db, func(p *probes.Probe) {
		for _, m := range p.Matches {
			if !m.Soft {
				continue
			}
			ok := false
			for _, q := range hard[p.Protocol][m.Service] {
				if q != p {
					ok = true
					break
				}
			}
			if !ok {
				out = append(out, Finding{Pos: m.Pos, Msg: fmt.Sprintf("softmatch %s: no other %s probe has a match line for %s to confirm it", m.Service, p.Protocol.Upper(), m.Service)})
			}
		}
	})
	return out
}

// Evidence replays the evidence corpus in dir (package evidence) through
// db: a case whose answer differs from its expectation is a finding at the
// case's file, and so is every line that no case exercises. The findings of
// CrossCheck over the same cases follow.
func Evidence(db *probes.DB, dir string) ([]Finding, error) {
	cases, err := evidence.Load(dir)
	if err != nil {
		return nil, err
	}
	m := matcher.New(db)
	var out []Finding
	for _, c := range cases {
		port, _ := c.Run(m)
		if err := c.Check(port); err != nil {
			out = append(out, Finding{Pos: diag.Pos{File: c.Path}, Msg: "evidence does not hold: " + strings.TrimPrefix(err.Error(), c.Path+": ")})
		}
	}
	used := evidence.Used(m, cases)
	each(db, func(p *probes.Probe) {
		for _, line := range p.Matches {
			if !used[line] {
				out = append(out, Finding{Pos: line.Pos, Msg: fmt.Sprintf("no evidence: no case in %s matches this line", dir)})
			}
		}
	})
	return append(out, CrossCheck(db, cases)...), nil
}
