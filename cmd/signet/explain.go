package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/signetscan/signet/explain"
	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/pcre"
	"github.com/signetscan/signet/probes"
)

// runExplain explains the lines of arg (a file, signature text, or one
// bare match line) on each fingerprint.
func runExplain(db *probes.DB, arg string, fps []*fingerprint.Fingerprint, stdout io.Writer) error {
	name, src := arg, []byte(nil)
	if st, err := os.Stat(arg); err == nil && st.Mode().IsRegular() {
		if src, err = os.ReadFile(arg); err != nil {
			return err
		}
	} else {
		name = "<--explain>"
		src = []byte(arg)
	}
	for _, fp := range fps {
		text := src
		bare := false
		if t := strings.TrimSpace(string(src)); !strings.Contains(t, "\n") && (strings.HasPrefix(t, "match ") || strings.HasPrefix(t, "softmatch ")) {
			// A bare line: put it under the probe whose reply it matches
			// first, or gets furthest on.
			p, err := probeFor(db, t, fp)
			if err != nil {
				return err
			}
			text, bare = []byte(p.Text+"\n"+t+"\n"), true
		}
		cdb, o, err := db.WithOverlay(name, text)
		if err != nil {
			return err
		}
		var lines []*probes.Match
		for _, p := range append([]*probes.Probe{o.Null}, o.Probes...) {
			if p != nil {
				lines = append(lines, p.Matches...)
			}
		}
		if len(lines) == 0 {
			return fmt.Errorf("%s: no match line to explain", name)
		}
		if len(fps) > 1 {
			fmt.Fprintf(stdout, "fingerprint of port %d/%s:\n", fp.Port, strings.ToLower(fp.Proto))
		}
		if bare {
			fmt.Fprintf(stdout, "(the line is tried as a line of probe %s)\n", lines[0].Probe.Name)
		}
		for _, l := range lines {
			explain.Line(cdb, l, fp).Write(stdout)
		}
	}
	return nil
}

// probeFor chooses the probe for a bare line: the first (in the
// fingerprint's order) whose reply it matches, else the one whose reply it
// gets furthest on.
func probeFor(db *probes.DB, line string, fp *fingerprint.Fingerprint) (*probes.Probe, error) {
	tmp, err := probes.Parse("<--explain>", []byte("Probe TCP explain q|x|\n"+line+"\n"))
	if err != nil {
		return nil, err
	}
	if len(tmp.Probes) == 0 || len(tmp.Probes[0].Matches) == 0 {
		return nil, errors.New("--explain: not a match line")
	}
	m := tmp.Probes[0].Matches[0]
	proto := probes.TCP
	if strings.EqualFold(fp.Proto, "UDP") {
		proto = probes.UDP
	}
	var best *probes.Probe
	bestEnd := -1
	for _, r := range fp.Responses {
		p := db.Probe(proto, r.Probe)
		if p == nil {
			continue
		}
		if loc, err := m.Regex.Exec(r.Data); err == nil && loc != nil {
			return p, nil
		}
		if pr, err := pcre.Explain(m.Pattern, m.Flags, r.Data); err == nil && pr.End > bestEnd {
			best, bestEnd = p, pr.End
		}
	}
	if best == nil {
		return nil, errors.New("--explain: the fingerprint holds no reply to a probe of the signature file")
	}
	return best, nil
}
