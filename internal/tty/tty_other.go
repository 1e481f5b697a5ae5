//go:build !linux

package tty

import (
	"errors"
	"os"
)

// IsTerminal reports whether f is a terminal (never, on this system).
func IsTerminal(*os.File) bool { return false }

// Width is the number of columns of a terminal, 0 when unknown.
func Width(*os.File) int { return 0 }

// Keys are the keys pressed on a terminal (not read on this system).
type Keys struct{ C <-chan byte }

// OpenKeys fails on this system.
func OpenKeys(*os.File) (*Keys, error) { return nil, errors.New("tty: keys are read on Linux only") }

// Close does nothing.
func (*Keys) Close() error { return nil }

// OpenPTY fails on this system.
func OpenPTY() (ptmx, tty *os.File, err error) {
	return nil, nil, errors.New("tty: no pseudo-terminals here")
}
