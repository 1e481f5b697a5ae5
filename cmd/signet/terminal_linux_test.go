package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// terminalEchoes reports whether the pseudo-terminal of ptmx echoes and reads lines (its
// settings as a shell wants them).
func terminalEchoes(ptmx *os.File) bool {
	tio, err := unix.IoctlGetTermios(int(ptmx.Fd()), unix.TCGETS)
	return err == nil && tio.Lflag&unix.ECHO != 0 && tio.Lflag&unix.ICANON != 0
}
