package output

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"sync"
	"syscall"
)

// File is an output destination that checks every write and its close:
// the first failure is kept (later writes return it without writing, so a
// full disk does not get half-lines), handed once to the OnError functions,
// and returned by Err and Close. Writers write to a File as to any
// io.Writer; whoever opened it decides what a failure means for the run.
//
// A File is safe for concurrent use. It does not buffer: the writers in this
// package already write whole lines or elements in one Write.
type File struct {
	name string
	w    io.Writer
	c    io.Closer // nil for a destination that is not ours to close

	mu      sync.Mutex
	err     *WriteError
	onError []func(*WriteError)
	closed  bool
}

// WriteError is a failed write, flush or close of a File. Its text is
// "writing NAME: reason", the reason without the file name repeated
// ("writing /dev/full: no space left on device").
type WriteError struct {
	Name string
	Err  error
}

func (e *WriteError) Error() string {
	err := e.Err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return "writing " + e.Name + ": " + err.Error()
}

func (e *WriteError) Unwrap() error { return e.Err }

// ClosedPipe reports whether err is a write to a pipe whose reader has gone
// (EPIPE): "signet … | head -1". Unix tools end quietly then.
func ClosedPipe(err error) bool { return errors.Is(err, syscall.EPIPE) }

// Create creates (or truncates) the named file.
func Create(name string) (*File, error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	return &File{name: name, w: f, c: f}, nil
}

// Append opens the named file for appending (signet --resume continues a file).
func Append(name string) (*File, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return nil, err
	}
	return &File{name: name, w: f, c: f}, nil
}

// NewFile wraps a destination opened elsewhere (standard output, a buffer)
// under a name for messages; Close does not close w.
func NewFile(name string, w io.Writer) *File { return &File{name: name, w: w} }

// Dest is the writer the File writes to.
func (f *File) Dest() io.Writer { return f.w }

// Name is the name used in messages.
func (f *File) Name() string { return f.name }

// OnError adds a function called once, with the first failure, outside the
// File's lock. Add them before the first write.
func (f *File) OnError(fn func(*WriteError)) {
	f.mu.Lock()
	f.onError = append(f.onError, fn)
	f.mu.Unlock()
}

// Write writes p, or returns the first failure without writing.
func (f *File) Write(p []byte) (int, error) {
	f.mu.Lock()
	if f.err != nil {
		err := f.err
		f.mu.Unlock()
		return 0, err
	}
	if f.closed {
		f.mu.Unlock()
		return 0, &WriteError{f.name, os.ErrClosed}
	}
	n, err := f.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		return n, f.fail(err) // unlocks
	}
	f.mu.Unlock()
	return n, nil
}

// fail records err as the first failure and calls OnError; f.mu is held on
// entry and released.
func (f *File) fail(err error) error {
	if f.err != nil {
		e := f.err
		f.mu.Unlock()
		return e
	}
	f.err = &WriteError{f.name, err}
	e, fns := f.err, f.onError
	f.mu.Unlock()
	for _, fn := range fns {
		fn(e)
	}
	return e
}

// Flush flushes the destination when it can be flushed, and returns the
// first failure.
func (f *File) Flush() error {
	f.mu.Lock()
	if f.err != nil {
		err := f.err
		f.mu.Unlock()
		return err
	}
	if fl, ok := f.w.(interface{ Flush() error }); ok {
		if err := fl.Flush(); err != nil {
			return f.fail(err)
		}
	}
	f.mu.Unlock()
	return nil
}

// Close flushes and closes the destination (once) and returns the first
// failure of the File's life, nil when every write and the close succeeded.
func (f *File) Close() error {
	if err := f.Flush(); err != nil && f.c == nil {
		return err
	}
	f.mu.Lock()
	if f.closed {
		err := f.errLocked()
		f.mu.Unlock()
		return err
	}
	f.closed = true
	if f.c != nil {
		if err := f.c.Close(); err != nil && f.err == nil {
			return f.fail(err)
		}
	}
	err := f.errLocked()
	f.mu.Unlock()
	return err
}

// Err is the first failure, nil when there was none.
func (f *File) Err() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.errLocked()
}

func (f *File) errLocked() error {
	if f.err == nil {
		return nil
	}
	return f.err
}
