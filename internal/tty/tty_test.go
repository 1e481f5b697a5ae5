package tty

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/testenv"
)

func TestStatusLine(t *testing.T) {
	var term bytes.Buffer
	s := NewStatusLine(&term, func() int { return 20 })
	out := s.Writer(&term)
	s.Set("phase: 10% done, and more than fits")
	if got := term.String(); got != erase+"phase: 10% done, an" {
		t.Fatalf("drawn %q", got)
	}
	term.Reset()
	out.Write([]byte("a line\n"))
	if got := term.String(); got != erase+"a line\n"+erase+"phase: 10% done, an" {
		t.Errorf("a line written: %q", got)
	}
	// Half a line: the status line waits until the line is complete.
	term.Reset()
	out.Write([]byte("half"))
	s.Set("later")
	if got := term.String(); got != erase+"half" {
		t.Errorf("half a line: %q", got)
	}
	out.Write([]byte(" done\n"))
	if !strings.HasSuffix(term.String(), " done\n"+erase+"later") {
		t.Errorf("completed line: %q", term.String())
	}
	// Control characters never reach the terminal; "" erases.
	term.Reset()
	s.Set("a\x1b[2Jb\n")
	s.Set("")
	if got := term.String(); got != erase+"a [2Jb "+erase {
		t.Errorf("%q", got)
	}
}

type source struct {
	mu    sync.Mutex
	stats int
	keys  []byte
}

func (s *source) Stats(time.Time) error { s.mu.Lock(); s.stats++; s.mu.Unlock(); return nil }
func (s *source) Status(time.Time) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return "status " + string(s.keys)
}
func (s *source) Key(k byte, _ time.Time) error {
	s.mu.Lock()
	s.keys = append(s.keys, k)
	s.mu.Unlock()
	return nil
}

func TestAttend(t *testing.T) {
	var term syncBuffer
	line := NewStatusLine(&term, nil)
	keys := make(chan byte, 2)
	keys <- 'x'
	src := &source{}
	stop := Attend(src, Options{StatsEvery: 20 * time.Millisecond, Keys: &Keys{C: keys}, Line: line, LineEvery: 10 * time.Millisecond})
	time.Sleep(150 * time.Millisecond)
	stop()
	stop() // twice is harmless
	src.mu.Lock()
	defer src.mu.Unlock()
	if src.stats < 3 || string(src.keys) != "x" {
		t.Errorf("%d stats, keys %q", src.stats, src.keys)
	}
	if s := term.String(); !strings.Contains(s, erase+"status x") || !strings.HasSuffix(s, erase) {
		t.Errorf("terminal: %q", s)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// Keys are read only from a terminal this process has in the foreground: not from a file,
// not from a terminal that is not its controlling one (cmd/signet's end-to-end test reads
// keys from one that is).
func TestOpenKeys(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stdin")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if k, err := OpenKeys(f); err == nil {
		k.Close()
		t.Error("keys from a file")
	}
	ptmx, pts, err := OpenPTY()
	if err != nil {
		testenv.Missing(t, "no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer pts.Close()
	if !IsTerminal(pts) || IsTerminal(f) {
		t.Errorf("IsTerminal: pty %v, file %v", IsTerminal(pts), IsTerminal(f))
	}
	if k, err := OpenKeys(pts); err == nil {
		k.Close()
		t.Error("keys from a terminal that is not this process's")
	}
}
