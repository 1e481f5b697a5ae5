package repocheck

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const root = "../.."

// walk calls fn with the path and text of every file git would track under
// the repository's source folders: Go, Markdown, shell, probe and evidence
// files, testdata included.
func walk(t *testing.T, fn func(path, text string)) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && path != root && d.Name() != ".ci" {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".md", ".sh", ".probes", ".fp", ".txt", "":
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.IndexByte(string(b[:min(len(b), 8000)]), 0) >= 0 {
			return nil // binary
		}
		rel, _ := filepath.Rel(root, path)
		fn(rel, string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The repository stands alone: nothing points at the shared folder the
// project was started from, or at the research note nmap-behaviour.md replaced.
func TestNoOutsideReferences(t *testing.T) {
	bad := regexp.MustCompile(`shared/(?:docs|seed)|\.\./shared\b|nmap-engine-spec|engine spec`)
	n := 0
	walk(t, func(path, text string) {
		n++
		for i, line := range strings.Split(text, "\n") {
			if bad.MatchString(line) && !strings.HasPrefix(path, filepath.Join("internal", "repocheck")) {
				t.Errorf("%s:%d: refers outside the repository: %s", path, i+1, strings.TrimSpace(line))
			}
		}
	})
	if n < 100 {
		t.Fatalf("only %d files read: the walk is broken", n)
	}
}

// ruleID is how code and docs cite nmap's behaviour: P7, S9, X5, E2, E9a,
// E-ERR. A letter and a number after a '-', '\', '.' or ':' (-P0, \X41,
// C-12.0.R12, the MAC address 1E:21:4D:F8:1F:6E) or before a '.' and a digit (X12.5.2) is not one.
var ruleID = regexp.MustCompile(`(^|[^-\\\w.:])([PMSXROFE][0-9]{1,2}[ab]?|E-ERR)\b(\.[0-9])?`)

// Every rule id cited outside testdata is described in docs/nmap-behaviour.md
// (a list item or a run starting with it in bold).
func TestRuleIDsDescribed(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(root, "docs", "nmap-behaviour.md"))
	if err != nil {
		t.Fatal(err)
	}
	described := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^- \*\*([A-Z][-A-Z0-9]*[ab]?)\b`).FindAllStringSubmatch(string(doc), -1) {
		described[m[1]] = true
	}
	if len(described) < 60 {
		t.Fatalf("only %d ids described in docs/nmap-behaviour.md", len(described))
	}
	cited := map[string][]string{}
	walk(t, func(path, text string) {
		if strings.Contains(path, "testdata") || path == filepath.Join("docs", "nmap-behaviour.md") {
			return
		}
		for i, line := range strings.Split(text, "\n") {
			for _, m := range ruleID.FindAllStringSubmatch(line, -1) {
				if m[3] == "" {
					cited[m[2]] = append(cited[m[2]], path+":"+strconv.Itoa(i+1))
				}
			}
		}
	})
	// Words that look like ids: the X Window System, nmap's -P0 option.
	delete(cited, "X11")
	delete(cited, "P0")
	var ids []string
	for id := range cited {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if !described[id] {
			t.Errorf("%s is cited (%s) but not described in docs/nmap-behaviour.md", id, strings.Join(cited[id][:min(3, len(cited[id]))], ", "))
		}
	}
	t.Logf("%d rule ids cited, %d described", len(ids), len(described))
}
