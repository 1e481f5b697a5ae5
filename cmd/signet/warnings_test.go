package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The warnings are nmap's, line for line, in the recorded scans' stderr
// (output/testdata/verbose/*.err).
func TestOptionWarnings(t *testing.T) {
	cmds, _ := filepath.Glob("../../output/testdata/verbose/*.cmd")
	checked, warned := 0, 0
	for _, path := range cmds {
		cmd, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		line, _, _ := strings.Cut(string(cmd), "\n")
		args := strings.Fields(line)[1:]
		a, err := parseScanArgs(args)
		if err != nil {
			continue // an option signet does not take (yet)
		}
		want, err := os.ReadFile(strings.TrimSuffix(path, ".cmd") + ".err")
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(optionWarnings(a, args), "\n")
		if got != "" {
			got += "\n"
			warned++
		}
		if got != string(want) {
			t.Errorf("%s: %s\ngot  %q\nwant %q", filepath.Base(path), line, got, want)
		}
		checked++
	}
	if checked < 15 || warned < 4 {
		t.Errorf("%d recorded scans checked, %d with warnings; want at least 15 and 4", checked, warned)
	}
	a, _ := parseScanArgs([]string{"-v", "--", "-P0"})
	if w := optionWarnings(a, []string{"-v", "--", "-P0"}); len(w) != 0 {
		t.Errorf("a target after -- is no option: %q", w)
	}
}
