// Command debselect ranks the Debian source packages that ship a network
// daemon, to choose the testbed's servers by a rule instead of by what is at hand.
//
// It reads Debian package records (deb822 stanzas, as `apt-cache dumpavail`
// prints them) on standard input and writes a ranking as TSV:
//
//	apt-cache dumpavail | go run ./tools/debselect > testbed/ranking.tsv
//
// A binary package ships a network daemon when one of these holds (the
// rules column says which):
//
//	tag       its debtags say network::server (the maintainers' own label),
//	          unless they also say role::dummy or role::metapackage;
//	provides  it provides a virtual package that stands for a daemon
//	          (httpd, ftp-server, mail-transport-agent, imap-server, ...;
//	          not time-daemon, which NTP clients provide too);
//	service   it is in a server section (net, mail, web, httpd, database,
//	          news), ships a service (it depends on
//	          init-system-helpers, lsb-base, sysvinit-utils or runit-helper:
//	          what dh_installsystemd/dh_installinit/dh_runit add).
//
// Debug, development, documentation and transitional packages never count.
//
// Candidates are grouped by source package and ranked by reverse
// dependencies: the number of other source packages with a binary that
// Depends, Pre-Depends or Recommends one of the source's programs (its
// binaries outside the library sections, or a virtual package that only
// this source provides). It measures how much of
// Debian is built around a project, which is what an offline machine can
// know about how widely it is used (popcon is not in the package lists).
// Ties go to the better Priority (required, important, standard, optional,
// extra), then to the name. The output has no date, so the same package
// lists give the same bytes.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
)

// Record is one package stanza: field name to value (continuation lines joined).
type Record map[string]string

// ReadRecords parses deb822 stanzas separated by blank lines.
func ReadRecords(r io.Reader) ([]Record, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []Record
	cur := Record{}
	last := ""
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
		}
		cur, last = Record{}, ""
	}
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case line[0] == ' ' || line[0] == '\t':
			if last != "" {
				cur[last] += "\n" + strings.TrimSpace(line)
			}
		default:
			k, v, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			last = k
			cur[k] = strings.TrimSpace(v)
		}
	}
	flush()
	return out, sc.Err()
}

// DaemonVirtuals are virtual packages that stand for a network daemon.
var DaemonVirtuals = map[string]bool{
	"httpd": true, "ftp-server": true, "mail-transport-agent": true, "pop3-server": true,
	"imap-server": true, "ssh-server": true, "telnet-server": true, "news-transport-system": true,
	"ident-server": true, "ircd": true, "vnc-server": true,
	"inet-superserver": true, "xmpp-server": true, "turn-server": true, "stun-server": true,
	"radius-server": true, "tftp-server": true, "rsh-server": true, "nis-server": true,
	"nfs-server": true, "ldap-server": true, "gopher-server": true, "finger-server": true,
	"dict-server": true, "ike-server": true, "virtual-mysql-server": true, "firebird-server": true,
}

var serverSections = map[string]bool{"net": true, "mail": true, "web": true, "httpd": true,
	"database": true, "news": true}

// libSections hold libraries: a program's reverse dependencies count, its
// libraries' do not (otherwise glibc's nscd would top the list).
var libSections = map[string]bool{"libs": true, "libdevel": true, "oldlibs": true, "introspection": true}

var serviceDeps = []string{"init-system-helpers", "lsb-base", "sysvinit-utils", "runit-helper"}

var (
	excludeName = regexp.MustCompile(`-(dbg|dbgsym|dev|doc|docs|examples|common|data)$`)
)

// Names splits a relationship field into package names (alternatives,
// versions and architecture qualifiers dropped).
func Names(field string) []string {
	var out []string
	for _, alt := range strings.FieldsFunc(field, func(r rune) bool { return r == ',' || r == '|' }) {
		n := strings.TrimSpace(alt)
		if i := strings.IndexAny(n, " (["); i >= 0 {
			n = n[:i]
		}
		n, _, _ = strings.Cut(n, ":")
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

func source(r Record) string {
	s := r["Source"]
	if s == "" {
		return r["Package"]
	}
	s, _, _ = strings.Cut(s, " ")
	return s
}

func section(r Record) string {
	s := r["Section"]
	if i := strings.LastIndex(s, "/"); i >= 0 {
		s = s[i+1:]
	}
	return s
}

func shortDesc(r Record) string {
	d, _, _ := strings.Cut(r["Description"], "\n")
	return d
}

// Rules returns which daemon rules a binary package meets (nil: none).
func Rules(r Record) []string {
	name := r["Package"]
	desc := shortDesc(r)
	if excludeName.MatchString(name) || strings.Contains(strings.ToLower(desc), "transitional") ||
		strings.Contains(strings.ToLower(desc), "dummy package") {
		return nil
	}
	var rules []string
	tagged := false
	for _, t := range strings.FieldsFunc(r["Tag"], func(c rune) bool { return c == ',' || c == ' ' || c == '\n' }) {
		if t == "role::dummy" || t == "role::metapackage" {
			tagged = false
			break
		}
		if t == "network::server" {
			tagged = true
		}
	}
	if tagged {
		rules = append(rules, "tag")
	}
	for _, p := range Names(r["Provides"]) {
		if DaemonVirtuals[p] {
			rules = append(rules, "provides")
			break
		}
	}
	if serverSections[section(r)] {
		deps := append(Names(r["Depends"]), Names(r["Pre-Depends"])...)
		svc := false
		for _, d := range deps {
			for _, s := range serviceDeps {
				if d == s {
					svc = true
				}
			}
		}
		if svc {
			rules = append(rules, "service")
		}
	}
	return rules
}

var priorityRank = map[string]int{"required": 0, "important": 1, "standard": 2, "optional": 3, "extra": 4}

// Candidate is one ranked source package.
type Candidate struct {
	Source   string
	Score    int      // reverse dependencies, in distinct other sources
	Priority string   // best priority of its daemon binaries
	Section  string   // of its first daemon binary
	Daemons  []string // its binaries that ship a daemon
	Rules    []string // union of the rules they meet
	Desc     string   // short description of the first daemon binary
}

// Rank finds the daemon sources in recs and ranks them.
func Rank(recs []Record) []Candidate {
	// one record per package name (the lists may hold several versions: keep the first)
	byName := map[string]Record{}
	var names []string
	for _, r := range recs {
		n := r["Package"]
		if n == "" {
			continue
		}
		if _, ok := byName[n]; !ok {
			byName[n] = r
			names = append(names, n)
		}
	}
	sort.Strings(names)
	// virtual name -> sources providing it
	provSrc := map[string]map[string]bool{}
	for _, n := range names {
		r := byName[n]
		for _, v := range Names(r["Provides"]) {
			if provSrc[v] == nil {
				provSrc[v] = map[string]bool{}
			}
			provSrc[v][source(r)] = true
		}
	}
	// owner: package or unique virtual name -> its source
	owner := map[string]string{}
	for _, n := range names {
		if r := byName[n]; !libSections[section(r)] && !excludeName.MatchString(n) {
			owner[n] = source(r)
		}
	}
	for v, srcs := range provSrc {
		if _, real := byName[v]; real || len(srcs) != 1 || strings.HasPrefix(v, "lib") {
			continue
		}
		for s := range srcs {
			owner[v] = s
		}
	}
	// reverse dependencies: source -> distinct other sources depending on it
	rdeps := map[string]map[string]bool{}
	for _, n := range names {
		r := byName[n]
		from := source(r)
		for _, f := range []string{"Depends", "Pre-Depends", "Recommends"} {
			for _, d := range Names(r[f]) {
				to, ok := owner[d]
				if !ok || to == from {
					continue
				}
				if rdeps[to] == nil {
					rdeps[to] = map[string]bool{}
				}
				rdeps[to][from] = true
			}
		}
	}
	cands := map[string]*Candidate{}
	var order []string
	for _, n := range names {
		r := byName[n]
		rules := Rules(r)
		if rules == nil {
			continue
		}
		s := source(r)
		c := cands[s]
		if c == nil {
			c = &Candidate{Source: s, Priority: r["Priority"], Section: section(r), Desc: shortDesc(r)}
			cands[s] = c
			order = append(order, s)
		}
		c.Daemons = append(c.Daemons, n)
		for _, x := range rules {
			if !contains(c.Rules, x) {
				c.Rules = append(c.Rules, x)
			}
		}
		if p, ok := priorityRank[r["Priority"]]; ok {
			if q, ok2 := priorityRank[c.Priority]; !ok2 || p < q {
				c.Priority = r["Priority"]
			}
		}
	}
	out := make([]Candidate, 0, len(order))
	for _, s := range order {
		c := cands[s]
		c.Score = len(rdeps[s])
		sort.Strings(c.Rules)
		out = append(out, *c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		pa, pb := prio(a.Priority), prio(b.Priority)
		if pa != pb {
			return pa < pb
		}
		return a.Source < b.Source
	})
	return out
}

func prio(p string) int {
	if r, ok := priorityRank[p]; ok {
		return r
	}
	return 5
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// Write prints the ranking as TSV with a header saying how it was made.
func Write(w io.Writer, cands []Candidate) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# Debian source packages that ship a network daemon, ranked by reverse dependencies.")
	fmt.Fprintln(bw, "# Made by tools/debselect from `apt-cache dumpavail` (its doc comment gives the rules); regenerate:")
	fmt.Fprintln(bw, "#   apt-cache dumpavail | go run ./tools/debselect > testbed/ranking.tsv")
	fmt.Fprintln(bw, "#rank\tsource\trdepends\tpriority\tsection\trules\tdaemon packages\tdescription")
	for i, c := range cands {
		fmt.Fprintf(bw, "%d\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", i+1, c.Source, c.Score, c.Priority, c.Section,
			strings.Join(c.Rules, ","), strings.Join(c.Daemons, ","), strings.ReplaceAll(c.Desc, "\t", " "))
	}
	return bw.Flush()
}

func main() {
	recs, err := ReadRecords(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "debselect: reading package records:", err)
		os.Exit(1)
	}
	if len(recs) == 0 {
		fmt.Fprintln(os.Stderr, "debselect: no package records on standard input (run apt-get update, then pipe apt-cache dumpavail)")
		os.Exit(1)
	}
	if err := Write(os.Stdout, Rank(recs)); err != nil {
		fmt.Fprintln(os.Stderr, "debselect:", err)
		os.Exit(1)
	}
}
