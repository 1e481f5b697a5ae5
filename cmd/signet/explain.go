package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/signetscan/signet/explain"
	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/probes"
)

// runExplain explains the lines of arg (a file, signature text, or one
// bare match line) on each fingerprint.
func runExplain(db *probes.DB, arg string, fps []*fingerprint.Fingerprint, stdout io.Writer) error {
	name, src := arg, []byte(arg)
	if st, err := os.Stat(arg); err == nil && st.Mode().IsRegular() {
		if src, err = os.ReadFile(arg); err != nil {
			return err
		}
	} else {
		name = "<--explain>"
	}
	for _, fp := range fps {
		text, bare, err := explain.Overlay(db, src, fp)
		if err != nil {
			return fmt.Errorf("--explain: %w", err)
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
