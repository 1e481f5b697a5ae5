// Package handmade writes hand-made evidence files: one fingerprint per case, built from a
// protocol's framing around a document's identifying bytes, headed by its source and expectation.
package handmade

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/signetscan/signet/fingerprint"
)

// A Reply is one probe's answer.
type Reply struct {
	Probe string
	Data  []byte
}

// A Case is one evidence file, <Dir>/<Name>.fp below the tool's output folder.
type Case struct {
	Dir, Name string
	Source    string // where the identifying bytes come from (one line)
	Expect    string // service | product | version | info (one line)
	Port      int
	UDP       bool // a UDP service
	SSL       bool // the replies came through TLS (%T=SSL)
	Replies   []Reply
}

// Render returns the case's evidence file. The fingerprint's header is fixed (signet's
// version, intensity 7, the corpus's date at) so that the files are stable.
func (c Case) Render(at time.Time) ([]byte, error) {
	if strings.Contains(c.Source, "\n") || strings.Contains(c.Expect, "\n") {
		return nil, fmt.Errorf("%s/%s: source and expect are one line each", c.Dir, c.Name)
	}
	proto := "TCP"
	if c.UDP {
		proto = "UDP"
	}
	at = at.UTC()
	b := fingerprint.NewBuilder(fingerprint.Fingerprint{
		Port: c.Port, Proto: proto, Version: "signet-0.1.0", SSL: c.SSL, Intensity: 7,
		Month: int(at.Month()), Day: at.Day(), Time: uint32(at.Unix()),
		Platform: "x86_64-pc-linux-gnu",
	}, fingerprint.Options{})
	for _, rp := range c.Replies {
		if len(rp.Data) > fingerprint.RespLimit {
			return nil, fmt.Errorf("%s/%s: %s reply is %d bytes; keep hand-made replies to %d so the file holds them whole", c.Dir, c.Name, rp.Probe, len(rp.Data), fingerprint.RespLimit)
		}
		if !b.Add(rp.Probe, rp.Data) {
			return nil, fmt.Errorf("%s/%s: %s reply does not fit the fingerprint", c.Dir, c.Name, rp.Probe)
		}
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "# source: %s\n# expect: %s\n%s\n", c.Source, c.Expect, b.String())
	return out.Bytes(), nil
}

// A Set is a tool's cases: its name (for messages), the corpus's date and the cases.
type Set struct {
	Tool  string
	At    time.Time
	Cases []Case
}

// Write renders every case into dir, or with check compares them with what dir holds; .fp
// files no case writes are removed (or, with check, reported). It returns the problems found,
// sorted.
func (s Set) Write(dir string, check bool) []string {
	var problems []string
	seen := map[string]bool{}
	for _, c := range s.Cases {
		rel := filepath.Join(c.Dir, c.Name+".fp")
		if seen[rel] {
			problems = append(problems, rel+": two cases write this file")
			continue
		}
		seen[rel] = true
		data, err := c.Render(s.At)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		path := filepath.Join(dir, rel)
		if check {
			old, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(old, data) {
				problems = append(problems, fmt.Sprintf("%s: not what tools/%s writes (run go run ./tools/%s)", path, s.Tool, s.Tool))
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			problems = append(problems, err.Error())
			continue
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			problems = append(problems, err.Error())
		}
	}
	// Files no case writes are stale.
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".fp") {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		if !seen[rel] {
			if check {
				problems = append(problems, path+": no case writes this file")
			} else if err := os.Remove(path); err != nil {
				problems = append(problems, err.Error())
			}
		}
		return nil
	})
	sort.Strings(problems)
	return problems
}

// Main is a tool's main: -out DIR (default out) and -check, problems on stderr, exit 1 on any.
func (s Set) Main(out string) {
	dir := flag.String("out", out, "folder to write the cases to")
	check := flag.Bool("check", false, "compare instead of writing")
	flag.Parse()
	problems := s.Write(*dir, *check)
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, s.Tool+":", p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
	if !*check {
		fmt.Printf("%s: %d cases in %s\n", s.Tool, len(s.Cases), *dir)
	}
}
