package testenv

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// skipCall finds calls that skip a test: t.Skip, b.Skipf, tb.SkipNow, and
// a Skipf stored in a variable.
var skipCall = regexp.MustCompile(`\.Skip(f|Now)?\(|:?= [a-z]+\.Skipf?\b`)

// No test in the repository skips except through Missing (which fails
// under CI), or on a line that says why the skip cannot happen in CI with
// a "skip-ok:" comment (a benchmark, a -short run, a child process that
// reports its own verdict).
func TestNoHiddenSkips(t *testing.T) {
	root := "../.."
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != root || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasPrefix(path, filepath.Join(root, "internal", "testenv")) {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		lines := strings.Split(string(src), "\n")
		for i, l := range lines {
			if !skipCall.MatchString(l) {
				continue
			}
			n++
			if strings.Contains(l, "// skip-ok: ") || i > 0 && strings.Contains(lines[i-1], "// skip-ok: ") {
				continue
			}
			rel, _ := filepath.Rel(root, path)
			t.Errorf("%s:%d: a skip that CI would not see fail; use testenv.Missing, or say why it cannot happen in CI with // skip-ok: …\n\t%s", rel, i+1, strings.TrimSpace(l))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("found no skip calls at all: the scan is broken")
	}
}

func TestMissing(t *testing.T) {
	if CI() {
		t.Log("CI: Missing fails the test (not run here, it would fail this one)")
		return
	}
	var skipped bool
	t.Run("skips", func(t *testing.T) {
		defer func() { skipped = t.Skipped() }()
		Missing(t, "nothing")
	})
	if !skipped {
		t.Error("Missing did not skip outside CI")
	}
}
