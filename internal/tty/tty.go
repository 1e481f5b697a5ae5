// Package tty is what signet does with a terminal while it scans: it reads keys pressed (nmap's
// runtime interaction), draws a status line on standard error and prints status at intervals.
package tty

import (
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Source is what the terminal shows: an output.Console.
type Source interface {
	// Stats prints nmap's status lines ("Stats: …", "… Timing: About …").
	Stats(now time.Time) error
	// Status is the one-line summary for the status line ("" for none yet).
	Status(now time.Time) string
	// Key takes a key pressed.
	Key(k byte, now time.Time) error
}

// Options say what Attend does.
type Options struct {
	StatsEvery time.Duration // print Stats this often (--stats-every); 0 for never
	Keys       *Keys         // keys pressed, or nil
	Line       *StatusLine   // the status line, or nil
	// LineEvery is how often the status line is redrawn (default one second).
	LineEvery time.Duration
}

// Attend runs the terminal's side of a scan until the returned stop is called: Stats every
// StatsEvery, each key pressed to src.Key, the status line redrawn. stop waits for all of it
// to end and clears the status line.
func Attend(src Source, o Options) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	if o.StatsEvery > 0 {
		wg.Go(func() {
			t := time.NewTicker(o.StatsEvery)
			defer t.Stop()
			for {
				select {
				case <-done:
					return
				case now := <-t.C:
					src.Stats(now)
				}
			}
		})
	}
	if o.Keys != nil {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				case k, ok := <-o.Keys.C:
					if !ok {
						return
					}
					src.Key(k, time.Now())
				}
			}
		})
	}
	if o.Line != nil {
		every := o.LineEvery
		if every <= 0 {
			every = time.Second
		}
		wg.Go(func() {
			t := time.NewTicker(every)
			defer t.Stop()
			for {
				o.Line.Set(src.Status(time.Now()))
				select {
				case <-done:
					return
				case <-t.C:
				}
			}
		})
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			wg.Wait()
			if o.Line != nil {
				o.Line.Set("")
			}
		})
	}
}

// StatusLine is one line at the bottom of a terminal that other output scrolls past: every
// write through Writer first erases it and draws it again after a complete line.
type StatusLine struct {
	mu    sync.Mutex
	w     io.Writer // the terminal
	width func() int
	text  string // what to show
	shown bool   // drawn and not erased
	bol   bool   // the cursor is at the start of a line (nothing half-written)
}

// NewStatusLine returns a status line drawn on w, a terminal; width gives the terminal's
// columns (0 when unknown: 80).
func NewStatusLine(w io.Writer, width func() int) *StatusLine {
	return &StatusLine{w: w, width: width, bol: true}
}

// erase is "return to the line's start, erase to its end".
const erase = "\r\x1b[K"

// Set shows text (one line, cut to the terminal's width); "" erases the line.
func (s *StatusLine) Set(text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.text = s.fit(text)
	if !s.bol {
		return // a line is half-written: draw when it is complete
	}
	s.draw()
}

func (s *StatusLine) fit(text string) string {
	text = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, text)
	w := 80
	if s.width != nil {
		if n := s.width(); n > 0 {
			w = n
		}
	}
	w-- // the last column would wrap on some terminals
	if utf8.RuneCountInString(text) > w {
		r := []rune(text)
		text = string(r[:max(0, w)])
	}
	return text
}

func (s *StatusLine) draw() {
	switch {
	case s.text != "":
		io.WriteString(s.w, erase+s.text)
		s.shown = true
	case s.shown:
		io.WriteString(s.w, erase)
		s.shown = false
	}
}

// Writer returns w (which writes to the same terminal) with the status line kept out of its
// way.
func (s *StatusLine) Writer(w io.Writer) io.Writer { return &lineWriter{s, w} }

type lineWriter struct {
	s *StatusLine
	w io.Writer
}

func (l *lineWriter) Write(p []byte) (int, error) {
	s := l.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shown {
		io.WriteString(s.w, erase)
		s.shown = false
	}
	n, err := l.w.Write(p)
	if n > 0 {
		s.bol = p[n-1] == '\n'
	}
	if s.bol {
		s.draw()
	}
	return n, err
}
