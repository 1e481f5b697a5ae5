package tty

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"

	"golang.org/x/sys/unix"
)

// IsTerminal reports whether f is a terminal.
func IsTerminal(f *os.File) bool {
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

// Width is the number of columns of the terminal f, 0 when unknown.
func Width(f *os.File) int {
	ws, err := unix.IoctlGetWinsize(int(f.Fd()), unix.TIOCGWINSZ)
	if err != nil {
		return 0
	}
	return int(ws.Col)
}

// Keys are the keys pressed on a terminal, one byte each, as they are pressed (the terminal
// is put in non-canonical mode without echo, as nmap does, until Close).
type Keys struct {
	C <-chan byte

	f     *os.File
	fd    int
	saved *unix.Termios
	once  sync.Once
	done  chan struct{}
}

// OpenKeys starts reading the keys of the terminal f (standard input), which must be a
// terminal whose foreground process group is this process's (a scan run in the background
// with & reads none).
func OpenKeys(f *os.File) (*Keys, error) {
	if !IsTerminal(f) {
		return nil, errors.New("tty: not a terminal")
	}
	// A descriptor of its own, non-blocking, so that reads can be stopped by Close without
	// touching standard input's flags, which the shell shares.
	fd, err := unix.Open("/proc/self/fd/"+strconv.Itoa(int(f.Fd())), unix.O_RDONLY|unix.O_NONBLOCK|unix.O_CLOEXEC|unix.O_NOCTTY, 0)
	if err != nil {
		return nil, fmt.Errorf("tty: %w", err)
	}
	if pg, err := unix.IoctlGetInt(fd, unix.TIOCGPGRP); err != nil || pg != unix.Getpgrp() {
		unix.Close(fd)
		return nil, errors.New("tty: not in the terminal's foreground")
	}
	saved, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("tty: %w", err)
	}
	raw := *saved
	raw.Lflag &^= unix.ICANON | unix.ECHO
	raw.Cc[unix.VMIN], raw.Cc[unix.VTIME] = 1, 0
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, &raw); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("tty: %w", err)
	}
	c := make(chan byte, 16)
	k := &Keys{C: c, f: os.NewFile(uintptr(fd), "tty"), fd: fd, saved: saved, done: make(chan struct{})}
	go k.read(c)
	return k, nil
}

func (k *Keys) read(c chan<- byte) {
	defer close(c)
	buf := make([]byte, 64)
	for {
		n, err := k.f.Read(buf)
		for _, b := range buf[:n] {
			select {
			case c <- b:
			case <-k.done:
				return
			default: // keys pressed faster than they are taken are dropped
			}
		}
		if err != nil {
			return
		}
	}
}

// Close stops reading and gives the terminal back its settings.
func (k *Keys) Close() error {
	var err error
	k.once.Do(func() {
		close(k.done)
		err = unix.IoctlSetTermios(k.fd, unix.TCSETS, k.saved)
		k.f.Close()
	})
	return err
}

// OpenPTY opens a pseudo-terminal pair: what a program writes to tty the test reads from
// ptmx, and the other way round (for tests of what signet does on a terminal).
func OpenPTY() (ptmx, tty *os.File, err error) {
	fd, err := unix.Open("/dev/ptmx", unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("tty: %w", err)
	}
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		unix.Close(fd)
		return nil, nil, fmt.Errorf("tty: unlock: %w", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		unix.Close(fd)
		return nil, nil, fmt.Errorf("tty: %w", err)
	}
	sfd, err := unix.Open("/dev/pts/"+strconv.Itoa(n), unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		unix.Close(fd)
		return nil, nil, fmt.Errorf("tty: %w", err)
	}
	return os.NewFile(uintptr(fd), "/dev/ptmx"), os.NewFile(uintptr(sfd), "/dev/pts/"+strconv.Itoa(n)), nil
}
