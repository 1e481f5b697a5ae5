package output

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/signetscan/signet/result"
)

type failAfter struct {
	n      int
	writes int
}

var errBoom = errors.New("boom")

func (f *failAfter) Write(p []byte) (int, error) {
	f.writes++
	if f.writes > f.n {
		return 0, errBoom
	}
	return len(p), nil
}

// The first failure is kept, reported once, and later writes do not reach
// the destination.
func TestFileStickyError(t *testing.T) {
	dst := &failAfter{n: 1}
	f := NewFile("out.xml", dst)
	var reported []string
	f.OnError(func(err *WriteError) { reported = append(reported, err.Error()) })
	if _, err := f.Write([]byte("a")); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := f.Write([]byte("b")); !errors.Is(err, errBoom) {
			t.Fatalf("write after failure: %v", err)
		}
	}
	if dst.writes != 2 {
		t.Errorf("%d writes reached the destination, want 2", dst.writes)
	}
	if len(reported) != 1 || reported[0] != "writing out.xml: boom" {
		t.Errorf("reported %q", reported)
	}
	if err := f.Close(); err == nil || err.Error() != "writing out.xml: boom" {
		t.Errorf("Close = %v", err)
	}
}

// Each writer on a full disk: the error names the file once, whatever the
// format; a Multi still gives every other writer every call.
func TestWritersFullDisk(t *testing.T) {
	for _, mk := range []func(*File) Writer{
		func(f *File) Writer { return NewNormal(f, LogFile) },
		func(f *File) Writer { return NewXML(f) },
		func(f *File) Writer { return NewGrepable(f) },
		func(f *File) Writer { return NewJSONLines(f) },
	} {
		full, err := Create("/dev/full")
		if err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		var reported []string
		full.OnError(func(err *WriteError) { mu.Lock(); reported = append(reported, err.Error()); mu.Unlock() })
		var good strings.Builder
		m := Multi(mk(full), NewGrepable(&good))
		run := &result.Run{Version: "0.1.0", Args: []string{"signet"}}
		h := &result.Host{Addr: "127.0.0.1", Status: result.HostUp, Ports: []*result.Port{{Number: 22, Proto: "tcp", State: "open", Reason: "syn-ack"}}}
		errs := []error{m.Begin(run), m.Port(h, h.Ports[0]), m.Host(h), m.End(&result.RunEnd{HostsUp: 1, HostsTotal: 1})}
		if err := full.Close(); err == nil || err.Error() != "writing /dev/full: no space left on device" {
			t.Errorf("%T: Close = %v", mk(full), err)
		}
		if len(reported) != 1 || reported[0] != "writing /dev/full: no space left on device" {
			t.Errorf("%T: reported %q", mk(full), reported)
		}
		if errors.Join(errs...) == nil {
			t.Errorf("%T: no writer call returned the error", mk(full))
		}
		if !strings.Contains(good.String(), "22/open/tcp") || !strings.Contains(good.String(), "# signet done at") {
			t.Errorf("the other writer did not complete:\n%s", good.String())
		}
	}
}

func TestFileClosedPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	f := NewFile("stdout", w)
	defer w.Close()
	_, err = f.Write([]byte("x"))
	if !ClosedPipe(err) {
		t.Errorf("write to a closed pipe: %v, want EPIPE", err)
	}
	if ClosedPipe(errBoom) {
		t.Error("ClosedPipe(boom)")
	}
}
