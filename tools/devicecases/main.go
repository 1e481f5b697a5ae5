// Command devicecases writes the hand-made evidence for the devices of
// versiondb/signatures/40-devices.probes: printers, cameras, NAS, routers,
// PLCs, phones, power devices, BMCs and media players, none of which can
// run on this machine.
//
// Each case is built here from its protocol's framing (so HTTP
// Content-Length, BER, MBAP, CIP and BACnet lengths are computed, never
// typed) around the device's identifying bytes, which come from the
// document its "# source:" line names. Run it from the repository root:
//
//	go run ./tools/devicecases            # rewrite testdata/evidence/devices
//	go run ./tools/devicecases -check     # fail if a file differs (the test does this too)
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/signetscan/signet/fingerprint"
)

// A reply is one probe's recorded answer.
type reply struct {
	probe string
	data  []byte
}

// A devCase is one evidence file: testdata/evidence/devices/<dir>/<name>.fp.
type devCase struct {
	dir, name string
	source    string // the document the identifying bytes come from
	expect    string // service | product | version | info
	port      int
	udp       bool
	replies   []reply
}

// all collects the cases of every family file (their init functions).
var all []devCase

func add(cs ...devCase) { all = append(all, cs...) }

// r is a reply.
func r(probe string, data []byte) reply { return reply{probe, data} }

// render returns the case's evidence file.
func (c devCase) render() ([]byte, error) {
	proto := "TCP"
	if c.udp {
		proto = "UDP"
	}
	// A fixed header keeps the files stable: signet's version, intensity 7,
	// the date of the corpus.
	b := fingerprint.NewBuilder(fingerprint.Fingerprint{
		Port: c.port, Proto: proto, Version: "signet-0.1.0", Intensity: 7,
		Month: 12, Day: 6, Time: 0x6B154E00, Platform: "x86_64-pc-linux-gnu",
	}, fingerprint.Options{})
	for _, rp := range c.replies {
		if len(rp.data) > fingerprint.RespLimit {
			return nil, fmt.Errorf("%s/%s: %s reply is %d bytes; keep hand-made replies under %d so the file holds them whole", c.dir, c.name, rp.probe, len(rp.data), fingerprint.RespLimit)
		}
		if !b.Add(rp.probe, rp.data) {
			return nil, fmt.Errorf("%s/%s: %s reply does not fit the fingerprint", c.dir, c.name, rp.probe)
		}
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
				problems = append(problems, path+": not what tools/devicecases writes (run go run ./tools/devicecases)")
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
			} else {
				os.Remove(path)
			}
		}
		return nil
	})
	sort.Strings(problems)
	return problems
}

func main() {
	out := flag.String("out", "testdata/evidence/devices", "folder to write the cases to")
	check := flag.Bool("check", false, "compare instead of writing")
	flag.Parse()
	problems := write(*out, *check)
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, "devicecases:", p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
	if !*check {
		fmt.Printf("devicecases: %d cases in %s\n", len(all), *out)
	}
}
