//go:build integration

package probes

// Differential test against the installed nmap 7.93: every testdata/errors
// file is fed to `nmap -sV --versiondb FILE` against a listener of our own
// on 127.0.0.1. nmap must stop with exactly the Nmap message of signet's
// first error (or accidental-refusal warning) in nmap's order, or load the
// file when signet reports none. Files with a `#! nmap-skip` line, and files
// where signet refuses something nmap accepts (an error without Nmap text),
// are only logged.

import (
	"bytes"
	"cmp"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/signetscan/signet/diag"
	"github.com/signetscan/signet/internal/testenv"
)

func TestNmapAgrees(t *testing.T) {
	if _, err := exec.LookPath("nmap"); err != nil {
		testenv.Missing(t, "nmap not installed")
	}
	useRegex(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	files, _ := filepath.Glob("testdata/errors/*.probes")
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".probes"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			out, _ := exec.Command("nmap", "-sV", "-Pn", "-n", "-p", port, "--versiondb", path, "127.0.0.1").CombinedOutput()
			fatal := nmapFatal(out)
			if bytes.Contains(src, []byte("\n#! nmap-skip")) {
				t.Logf("skipped; nmap said %q", fatal)
				return
			}
			db, perr := Parse(path, src)
			var first []*diag.Error
			if perr != nil {
				first = append(first, perr.(diag.ErrorList)...)
			}
			for _, w := range db.Warnings {
				if w.Nmap != "" {
					first = append(first, w)
				}
			}
			slices.SortStableFunc(first, func(a, b *diag.Error) int { return cmp.Compare(a.Pos.Line, b.Pos.Line) })
			if rerr := db.Resolve(); rerr != nil {
				first = append(first, rerr.(diag.ErrorList)...)
			}
			for _, e := range first {
				if e.Nmap == "" && perr != nil {
					t.Logf("signet refuses %v, nmap says %q", e, fatal)
					return
				}
			}
			want := ""
			if len(first) > 0 {
				want = first[0].Nmap
			}
			if fatal != want {
				t.Errorf("nmap: %q\nwant: %q", fatal, want)
			}
		})
	}
}

// nmapFatal extracts nmap's fatal message from its output: the line before
// QUITTING!, or a failed assertion; "" if nmap loaded the file.
func nmapFatal(out []byte) string {
	lines := strings.Split(string(out), "\n")
	for i, l := range lines {
		if strings.Contains(l, "Assertion `") {
			return "Assertion `" + strings.SplitN(l, "Assertion `", 2)[1]
		}
		if l == "QUITTING!" {
			for j := i - 1; j >= 0; j-- {
				if lines[j] != "" {
					return lines[j]
				}
			}
		}
	}
	return ""
}
