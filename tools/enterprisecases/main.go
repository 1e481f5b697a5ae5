// Command enterprisecases writes the hand-made evidence for
// versiondb/signatures/50-enterprise.probes: commercial and non-Debian
// server software (mail, FTP, web and application servers, gateways,
// databases, management and monitoring consoles) that cannot run on this
// machine.
//
// Each case is built here from its protocol's framing, so HTTP
// Content-Length, MySQL packet lengths and RESP bulk lengths are computed,
// never typed, around the product's identifying bytes, which come from the
// document its "# source:" line names. Run it from the repository root:
//
//	go run ./tools/enterprisecases          # rewrite testdata/evidence/enterprise
//	go run ./tools/enterprisecases -check   # fail if a file differs (the test does this too)
package main

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

// A reply is one probe's recorded answer.
type reply struct {
	probe string
	data  []byte
}

// An entCase is one evidence file: testdata/evidence/enterprise/<dir>/<name>.fp.
type entCase struct {
	dir, name string
	source    string // where the identifying bytes come from
	expect    string // service | product | version | info
	port      int
	ssl       bool // the replies came through TLS (%T=SSL)
	replies   []reply
}

// all collects the cases of every family file (their init functions).
var all []entCase

func add(cs ...entCase) { all = append(all, cs...) }

// one is a case with a single reply.
func one(dir, name string, port int, probe string, data []byte, source, expect string) entCase {
	return entCase{dir: dir, name: name, port: port, source: source, expect: expect, replies: []reply{{probe, data}}}
}

// corpusTime is when the corpus says its replies were recorded; the HTTP
// Date headers (httpDate) name the same day.
var corpusTime = time.Date(2026, time.December, 7, 10, 0, 0, 0, time.UTC)

// render returns the case's evidence file.
func (c entCase) render() ([]byte, error) {
	b := fingerprint.NewBuilder(fingerprint.Fingerprint{
		Port: c.port, Proto: "TCP", Version: "signet-0.1.0", SSL: c.ssl, Intensity: 7,
		Month: int(corpusTime.Month()), Day: corpusTime.Day(), Time: uint32(corpusTime.Unix()),
		Platform: "x86_64-pc-linux-gnu",
	}, fingerprint.Options{})
	for _, rp := range c.replies {
		if len(rp.data) > fingerprint.RespLimit {
			return nil, fmt.Errorf("%s/%s: %s reply is %d bytes; keep hand-made replies to %d so the file holds them whole", c.dir, c.name, rp.probe, len(rp.data), fingerprint.RespLimit)
		}
		if !b.Add(rp.probe, rp.data) {
			return nil, fmt.Errorf("%s/%s: %s reply does not fit the fingerprint", c.dir, c.name, rp.probe)
		}
	}
	if strings.ContainsAny(c.source, "\n") || strings.ContainsAny(c.expect, "\n") {
		return nil, fmt.Errorf("%s/%s: source and expect are one line each", c.dir, c.name)
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "# source: %s\n# expect: %s\n%s\n", c.source, c.expect, b.String())
	return out.Bytes(), nil
}

// write renders every case into dir, or with check compares them with what
// dir holds. It returns the problems found.
func write(dir string, check bool) []string {
	var problems []string
	seen := map[string]bool{}
	for _, c := range all {
		rel := filepath.Join(c.dir, c.name+".fp")
		if seen[rel] {
			problems = append(problems, rel+": two cases write this file")
			continue
		}
		seen[rel] = true
		data, err := c.render()
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		path := filepath.Join(dir, rel)
		if check {
			old, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(old, data) {
				problems = append(problems, path+": not what tools/enterprisecases writes (run go run ./tools/enterprisecases)")
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

func main() {
	out := flag.String("out", "testdata/evidence/enterprise", "folder to write the cases to")
	check := flag.Bool("check", false, "compare instead of writing")
	flag.Parse()
	problems := write(*out, *check)
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, "enterprisecases:", p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
	if !*check {
		fmt.Printf("enterprisecases: %d cases in %s\n", len(all), *out)
	}
}
