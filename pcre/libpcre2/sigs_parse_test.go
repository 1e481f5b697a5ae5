//go:build pcre2 && cgo

package libpcre2

import (
	"bytes"
	"os"
	"testing"
)

// TestParseSigs checks the harness's own extraction against a plain count of
// the file's match/softmatch lines, so the differential test cannot pass by
// silently dropping patterns.
func TestParseSigs(t *testing.T) {
	path := probesFile(t)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, l := range bytes.Split(raw, []byte("\n")) {
		if bytes.HasPrefix(l, []byte("match ")) || bytes.HasPrefix(l, []byte("softmatch ")) {
			want++
		}
	}
	sigs := parseSigs(t, path)
	if len(sigs) != want || want == 0 {
		t.Fatalf("parsed %d patterns, file has %d match/softmatch lines", len(sigs), want)
	}
	soft := 0
	for _, s := range sigs {
		if s.soft {
			soft++
		}
		if s.probe == "" {
			t.Errorf("line %d: no Probe section", s.line)
		}
	}
	t.Logf("%s: %d patterns (%d match, %d softmatch)", path, len(sigs), len(sigs)-soft, soft)
	// A known line of nmap 7.93's file, if present: the pattern stops at the
	// delimiter and the flags are read.
	for _, s := range sigs {
		if s.service == "ssh" && s.pattern == `^SSH-([\d.]+)-OpenSSH_([\w._-]+)[ -]{1,2}Debian[ -_]([^\r\n]+)\r?\n` && s.fstr != "" {
			t.Errorf("line %d: unexpected flags %q", s.line, s.fstr)
		}
	}
}

func TestSubjects(t *testing.T) {
	files := corpusFiles(t)
	if len(files) < 150 {
		t.Errorf("corpus has %d files, want at least 150", len(files))
	}
	for _, a := range adversarial() {
		if len(a.data) != 64<<10 {
			t.Errorf("%s: %d bytes, want 65536", a.name, len(a.data))
		}
	}
	v := variants([]subject{{"x--NULL.bin", []byte("Ab\xff")}, {"x--Help.bin", []byte("zz")}})
	got := map[string]string{}
	for _, s := range v {
		got[s.name] = string(s.data)
	}
	for name, data := range map[string]string{
		"x--NULL.bin#trunc1": "A", "x--NULL.bin#trunc2": "Ab", "x--NULL.bin#upper": "AB\xff",
		"x--NULL.bin#lower": "ab\xff", "x--NULL.bin+Help.bin": "Ab\xffzz",
	} {
		if got[name] != data {
			t.Errorf("variant %s = %q, want %q", name, got[name], data)
		}
	}
}
