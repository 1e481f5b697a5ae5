// Package evidence reads signet's evidence corpus — replies recorded from
// real servers (or hand-made from protocol documents), each with the answer it must give.
//
// A case is a fingerprint file (*.fp) whose leading comment lines say where
// the replies came from and what a scan must report:
//
//	# source: Debian 12 openssh-server 1:9.2p1-2+deb12u3, captured on loopback
//	# expect: ssh | OpenSSH | 9.2p1 Debian 2+deb12u3 | protocol 2.0
//	SF-Port22-TCP:V=signet-0.1.0%I=7%...%r(NULL,...);
//
// The expect fields are service, product, version and extra info; a field
// left out at the end, or written "*", is not checked, and "" (nothing
// between the bars) must be empty.
package evidence

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/result"
)

// Case is one evidence file.
type Case struct {
	Path   string
	Source string
	Expect Expect
	FP     *fingerprint.Fingerprint
}

// Expect is what a replay of the case must report.
type Expect struct {
	Fields [4]string // service, product, version, extra info
	Check  [4]bool   // which fields are checked
}

var fieldNames = [4]string{"service", "product", "version", "extrainfo"}

// ParseExpect reads "svc | product | version | info".
func ParseExpect(s string) Expect {
	var e Expect
	parts := strings.Split(s, "|")
	for i := 0; i < len(parts) && i < 4; i++ {
		v := strings.TrimSpace(parts[i])
		if v == "*" {
			continue
		}
		e.Fields[i], e.Check[i] = v, true
	}
	return e
}

func (e Expect) String() string {
	var out []string
	for i := range e.Fields {
		if e.Check[i] {
			out = append(out, e.Fields[i])
		} else {
			out = append(out, "*")
		}
	}
	return strings.Join(out, " | ")
}

// Load reads every *.fp file under dir.
func Load(dir string) ([]*Case, error) {
	var cases []*Case
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".fp") {
			return err
		}
		c, err := LoadFile(path)
		if err != nil {
			return err
		}
		cases = append(cases, c)
		return nil
	})
	sort.Slice(cases, func(i, j int) bool { return cases[i].Path < cases[j].Path })
	return cases, err
}

// LoadFS reads every *.fp file under root in fsys (the embedded corpus, for
// one); each case's Path is its name in fsys.
func LoadFS(fsys fs.FS, root string) ([]*Case, error) {
	var cases []*Case
	err := fs.WalkDir(fsys, root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".fp") {
			return err
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		c, err := Parse(path, data)
		if err != nil {
			return err
		}
		cases = append(cases, c)
		return nil
	})
	sort.Slice(cases, func(i, j int) bool { return cases[i].Path < cases[j].Path })
	return cases, err
}

// LoadFile reads one case.
func LoadFile(path string) (*Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads one case from the contents of the file at path.
func Parse(path string, data []byte) (*Case, error) {
	c := &Case{Path: path}
	seenExpect := false
	for i, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "#") {
			continue
		}
		body := strings.TrimSpace(strings.TrimPrefix(line, "#"))
		switch {
		case strings.HasPrefix(body, "source:"):
			c.Source = strings.TrimSpace(strings.TrimPrefix(body, "source:"))
		case strings.HasPrefix(body, "expect:"):
			if seenExpect {
				return nil, fmt.Errorf("%s:%d: a second expect line", path, i+1)
			}
			seenExpect = true
			c.Expect = ParseExpect(strings.TrimPrefix(body, "expect:"))
		}
	}
	if c.Source == "" {
		return nil, fmt.Errorf("%s: no \"# source:\" line saying where the replies came from", path)
	}
	if !seenExpect {
		return nil, fmt.Errorf("%s: no \"# expect:\" line", path)
	}
	fps, err := fingerprint.Decode(path, data)
	if err != nil {
		return nil, err
	}
	if len(fps) != 1 {
		return nil, fmt.Errorf("%s: want one fingerprint, found %d", path, len(fps))
	}
	c.FP = fps[0]
	return c, nil
}

// Run replays the case through m as a scan would, at the intensity it was
// recorded with, and returns the port and the probe steps.
func (c *Case) Run(m *matcher.Matcher) (*result.Port, []matcher.Step) {
	return m.Replay(c.FP, matcher.ReplayOptions{Intensity: -1})
}

// Check compares a replay's answer with the expectation; nil when it holds.
func (c *Case) Check(p *result.Port) error {
	var got [4]string
	if s := p.Service; s != nil {
		got = [4]string{s.Name, s.Product, s.Version, s.Info}
		if s.Tunnel == "ssl" {
			got[0] = "ssl/" + got[0]
		}
		if s.Method == result.MethodTable {
			got[0] = "" // a table guess is not an answer
		}
	}
	var bad []string
	for i := range got {
		if c.Expect.Check[i] && got[i] != c.Expect.Fields[i] {
			bad = append(bad, fmt.Sprintf("%s %q, want %q", fieldNames[i], got[i], c.Expect.Fields[i]))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("%s: %s", c.Path, strings.Join(bad, "; "))
	}
	return nil
}

// Used returns the lines that matched in some case's replay (won, or
// softmatched on the way): the lines that have evidence.
func Used(m *matcher.Matcher, cases []*Case) map[*probes.Match]bool {
	used := map[*probes.Match]bool{}
	for _, c := range cases {
		_, steps := c.Run(m)
		for _, s := range steps {
			if s.Hit != nil {
				used[s.Hit.Line] = true
			}
		}
	}
	return used
}
