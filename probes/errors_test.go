package probes

// Expected-error files, in the style of go/parser's error_test.go.
//
// Each testdata/errors/*.probes file is a signature file followed, after any
// line that must produce an error or warning, by marker lines. Markers are
// nmap comments ('#' in column 1, so nmap itself reads the same file) of the form
//
//	#! ERROR <col> `<regexp>` [nmap `<regexp>`]
//	#! WARNING <col> `<regexp>`
//
// and refer to the nearest preceding line that is not a marker. <regexp> must
// match Error.Msg; the optional nmap regexp must match Error.Nmap (nmap 7.93's
// own fatal message). The file is loaded with Load (so fallback errors count)
// and every error and warning must match a marker at its exact line:col, and
// every marker an error or warning. A file without markers must load cleanly.
// A line `#! engine` skips the file until the real regex engine is available;
// a line `#! nmap-skip …` keeps it out of the differential test against nmap
// (nmap_integration_test.go, -tags integration), which checks each file's
// Error.Nmap texts against what the installed nmap 7.93 prints.

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/signetscan/signet/diag"
)

type marker struct {
	warn    bool
	line    int
	col     int
	msg     *regexp.Regexp
	nmap    *regexp.Regexp
	matched bool
}

var markerRx = regexp.MustCompile("^#! (ERROR|WARNING) ([0-9]+) `([^`]*)`(?: nmap `([^`]*)`)?$")

func readMarkers(t *testing.T, src []byte) (ms []*marker, needsEngine bool) {
	t.Helper()
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(nil, 1<<20)
	target := 0
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if !strings.HasPrefix(line, "#!") {
			target = n
			continue
		}
		if line == "#! engine" {
			needsEngine = true
			continue
		}
		if strings.HasPrefix(line, "#! nmap-skip") {
			continue // for nmap_integration_test.go
		}
		sm := markerRx.FindStringSubmatch(line)
		if sm == nil {
			t.Fatalf("line %d: bad marker %q", n, line)
		}
		col, _ := strconv.Atoi(sm[2])
		m := &marker{warn: sm[1] == "WARNING", line: target, col: col, msg: regexp.MustCompile(sm[3])}
		if sm[4] != "" {
			m.nmap = regexp.MustCompile(sm[4])
		}
		ms = append(ms, m)
	}
	return ms, needsEngine
}

func checkMarkers(t *testing.T, ms []*marker, kind string, got diag.ErrorList) {
	t.Helper()
	for _, e := range got {
		found := false
		for _, m := range ms {
			if m.matched || m.warn != (kind == "WARNING") || m.line != e.Pos.Line || m.col != e.Pos.Col || !m.msg.MatchString(e.Msg) {
				continue
			}
			if m.nmap != nil && !m.nmap.MatchString(e.Nmap) {
				t.Errorf("%v: nmap message %q does not match %q", e.Pos, e.Nmap, m.nmap)
			}
			m.matched, found = true, true
			break
		}
		if !found {
			t.Errorf("unexpected %s %v (nmap: %q)", kind, e, e.Nmap)
		}
	}
}

func TestErrorFiles(t *testing.T) {
	real := useRegex(t)
	files, err := filepath.Glob("testdata/errors/*.probes")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".probes"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ms, needsEngine := readMarkers(t, src)
			if needsEngine && !real {
				t.Fatal("the regex engine does not compile a trivial pattern")
			}
			db, err := Load(NamedSource{path, src})
			var errs diag.ErrorList
			if err != nil {
				errs = err.(diag.ErrorList)
			}
			checkMarkers(t, ms, "ERROR", errs)
			checkMarkers(t, ms, "WARNING", db.Warnings)
			for _, m := range ms {
				if !m.matched {
					kind := "ERROR"
					if m.warn {
						kind = "WARNING"
					}
					t.Errorf("%s:%d:%d: missing %s matching %q", path, m.line, m.col, kind, m.msg)
				}
			}
			for _, e := range errs {
				if s := e.Error(); !strings.HasPrefix(s, fmt.Sprintf("%s:%d:%d: ", path, e.Pos.Line, e.Pos.Col)) {
					t.Errorf("error text %q lacks FILE:LINE:COL", s)
				}
			}
		})
	}
}
