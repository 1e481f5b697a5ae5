package handmade

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/fingerprint"
)

var at = time.Date(2026, time.December, 6, 12, 0, 0, 0, time.UTC)

func TestRender(t *testing.T) {
	c := Case{Dir: "d", Name: "n", Source: "a manual", Expect: "ftp | Acme FTP", Port: 21,
		Replies: []Reply{{"NULL", []byte("220 Acme FTP ready\r\n")}}}
	got, err := c.Render(at)
	if err != nil {
		t.Fatal(err)
	}
	want := "# source: a manual\n# expect: ftp | Acme FTP\nSF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time="
	if !strings.HasPrefix(string(got), want) || !strings.Contains(string(got), `%r(NULL,14,"220\x20Acme\x20FTP\x20ready\r\n");`) {
		t.Errorf("rendered:\n%s", got)
	}
	c.Source = "two\nlines"
	if _, err := c.Render(at); err == nil || !strings.Contains(err.Error(), "one line") {
		t.Errorf("a two-line source: %v", err)
	}
	c.Source = "ok"
	c.Replies = []Reply{{"NULL", make([]byte, fingerprint.RespLimit+1)}}
	if _, err := c.Render(at); err == nil || !strings.Contains(err.Error(), "keep hand-made replies") {
		t.Errorf("a reply too long for the file: %v", err)
	}
}

func TestWriteAndCheck(t *testing.T) {
	dir := t.TempDir()
	s := Set{Tool: "cases", At: at, Cases: []Case{
		{Dir: "a", Name: "x", Source: "s", Expect: "e", Port: 1, Replies: []Reply{{"NULL", []byte("hi")}}},
		{Dir: "a", Name: "y", Source: "s", Expect: "e", Port: 2, UDP: true, Replies: []Reply{{"NULL", []byte("yo")}}},
	}}
	stale := filepath.Join(dir, "a", "old.fp")
	os.MkdirAll(filepath.Dir(stale), 0o755)
	os.WriteFile(stale, []byte("x"), 0o644)
	if p := s.Write(dir, false); len(p) != 0 {
		t.Fatalf("write: %q", p)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a file no case writes was kept")
	}
	if p := s.Write(dir, true); len(p) != 0 {
		t.Errorf("check after write: %q", p)
	}
	os.WriteFile(filepath.Join(dir, "a", "x.fp"), []byte("edited"), 0o644)
	s.Cases = append(s.Cases, s.Cases[0])
	p := s.Write(dir, true)
	if len(p) != 2 || !strings.Contains(p[0], "not what tools/cases writes") || !strings.Contains(p[1], "two cases write this file") {
		t.Errorf("check of an edited file and a doubled case: %q", p)
	}
}
