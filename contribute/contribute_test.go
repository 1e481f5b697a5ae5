package contribute

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signetscan/signet/evidence"
	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/internal/testenv"
	"github.com/signetscan/signet/lint"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/versiondb"
)

func embedded() []probes.NamedSource {
	var out []probes.NamedSource
	for _, f := range versiondb.EmbeddedFiles() {
		out = append(out, probes.NamedSource{Name: "versiondb/" + strings.TrimPrefix(f.Name, versiondb.EmbeddedPrefix), Src: f.Src})
	}
	return out
}

func pineapp(t *testing.T) *fingerprint.Fingerprint {
	t.Helper()
	data, err := os.ReadFile("../fingerprint/testdata/pineapp.fp")
	if err != nil {
		t.Fatal(err)
	}
	fps, err := fingerprint.Decode("pineapp.fp", data)
	if err != nil {
		t.Fatal(err)
	}
	return fps[0]
}

const pineLine = `match smtp m|^220 Ready to receive mail -=- ESMTP\r\n| p/PineApp Mail-secure/ i/PineApp Av and Antispam mail gateway/ o/Linux/`

// copyTree copies the files under src (relative to the repository root)
// into dst.
func copyTree(t *testing.T, dst, src string) {
	t.Helper()
	err := filepath.WalkDir(filepath.Join("..", src), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel("..", p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The bundle's patch applies to the repository with git apply, and the
// evidence tests pass on the result: every case (the new one included)
// gives its answer with the patched embedded files, and every line,
// the new one included, has evidence; lint stays clean.
func TestBundleEvidencePassesWhenApplied(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		testenv.Missing(t, "git is needed to apply the patch")
	}
	b, err := Make(Input{FP: pineapp(t), Overlay: []byte("Probe TCP NULL q||\n" + pineLine + "\n"), OverlayName: "pine.probes", Embedded: embedded()})
	if err != nil {
		t.Fatal(err)
	}
	if b.EvidencePath != "testdata/evidence/contrib/smtp-pineapp-mail-secure.fp" {
		t.Errorf("evidence path %s", b.EvidencePath)
	}
	if !strings.Contains(b.Form, "Vendor/product name: PineApp Mail-secure\n") || !strings.Contains(b.Form, "Operating system:    Linux\n") || !strings.Contains(b.Form, pineLine) {
		t.Errorf("form:\n%s", b.Form)
	}
	root := t.TempDir()
	copyTree(t, root, "versiondb/signatures")
	copyTree(t, root, "testdata/evidence")
	dir := t.TempDir()
	written, err := b.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 5 {
		t.Fatalf("wrote %v", written)
	}
	cmd := exec.Command(git, "apply", "--verbose", filepath.Join(dir, "contribution.patch"))
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s\n%s", err, out, b.Patch)
	}
	// The case the patch adds is the bundle's evidence file.
	added, err := os.ReadFile(filepath.Join(root, b.EvidencePath))
	if err != nil {
		t.Fatal(err)
	}
	mine, _ := os.ReadFile(filepath.Join(dir, filepath.Base(b.EvidencePath)))
	if string(added) != string(mine) {
		t.Fatalf("the patch adds\n%s\nthe bundle holds\n%s", added, mine)
	}
	// The evidence tests, on the patched tree.
	var files []probes.NamedSource
	for _, f := range embedded() {
		src, err := os.ReadFile(filepath.Join(root, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, probes.NamedSource{Name: f.Name, Src: src})
	}
	db, err := probes.Load(files...)
	if err != nil {
		t.Fatal(err)
	}
	cases, err := evidence.Load(filepath.Join(root, "testdata/evidence"))
	if err != nil {
		t.Fatal(err)
	}
	m := matcher.New(db)
	found := false
	for _, c := range cases {
		if strings.HasSuffix(c.Path, b.EvidencePath) {
			found = true
		}
		port, _ := c.Run(m)
		if err := c.Check(port); err != nil {
			t.Error(err)
		}
	}
	if !found {
		t.Fatal("the new case is not in the corpus")
	}
	for _, f := range lint.Check(db) {
		t.Errorf("lint: %s", f)
	}
	findings, err := lint.Evidence(db, filepath.Join(root, "testdata/evidence"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		t.Errorf("lint --evidence: %s", f)
	}
}

// A line that an earlier embedded line beats is not packaged.
func TestBundleRefusesLosingLine(t *testing.T) {
	// Hello's reply: the embedded file answers at NULL or Hello first for
	// a line of a later probe that nothing sends after a hard match.
	_, err := Make(Input{FP: pineapp(t), Overlay: []byte("Probe TCP Help q|HELP\\r\\n|\nmatch smtp m|^451 Rejected| p/X/\n"), OverlayName: "x.probes", Embedded: embedded()})
	if err == nil || !strings.Contains(err.Error(), "an earlier line wins first") {
		t.Fatalf("err = %v", err)
	}
}

func TestInsertDiff(t *testing.T) {
	src := []byte("a\nb\nc\nd\ne\n")
	got := insertDiff("f", src, 2, []string{"X", "Y"})
	want := "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,5 +1,7 @@\n a\n b\n+X\n+Y\n c\n d\n e\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := string(insert(src, 2, []string{"X"})); got != "a\nb\nX\nc\nd\ne\n" {
		t.Errorf("insert: %q", got)
	}
	if got := newFileDiff("p", []byte("1\n2\n")); got != "diff --git a/p b/p\nnew file mode 100644\n--- /dev/null\n+++ b/p\n@@ -0,0 +1,2 @@\n+1\n+2\n" {
		t.Errorf("new file: %q", got)
	}
}
