package portscan

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// SocketDialer is the default Dialer. DialContext is a net.Dialer that sets SO_LINGER 0 on TCP
// and IP_RECVERR on UDP sockets. For connect scans it also has a fast path that never builds a
// net.Conn: a non-blocking socket, connect(), and a second connect() to read the result at once
// (on loopback and LANs the answer is often already there); only connects still in progress
// wait in Go's netpoller.
type SocketDialer struct {
	net.Dialer
}

// NewSocketDialer returns the default dialer.
func NewSocketDialer() *SocketDialer {
	return &SocketDialer{Dialer: net.Dialer{Control: controlSocket}}
}

// errInProgress is connect()'s "still waiting" answers.
func inProgress(err error) bool {
	return err == unix.EINPROGRESS || err == unix.EALREADY || err == unix.EINTR
}

// ConnectProbe connects to ap and closes the connection at once (RST). It returns nil when the
// connection was accepted, the connect error otherwise (a syscall.Errno, or
// os.ErrDeadlineExceeded when nothing came back before deadline, or ctx's error).
func (d *SocketDialer) ConnectProbe(ctx context.Context, ap netip.AddrPort, deadline time.Time) error {
	family, sa := sockaddrOf(ap)
	fd, err := unix.Socket(family, unix.SOCK_STREAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	if err := unix.SetsockoptLinger(fd, unix.SOL_SOCKET, unix.SO_LINGER, &unix.Linger{Onoff: 1, Linger: 0}); err != nil {
		unix.Close(fd)
		return err
	}
	err = unix.Connect(fd, sa)
	if inProgress(err) {
		err = unix.Connect(fd, sa) // already answered? (loopback answers within the first call)
	}
	if !inProgress(err) {
		if err == unix.EISCONN {
			err = nil
		}
		if err == nil && selfConnected(fd) {
			err = errSelfConnect
		}
		unix.Close(fd)
		return err
	}
	// Still in progress: wait for writability in the netpoller.
	f := os.NewFile(uintptr(fd), "")
	defer f.Close()
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	if err := f.SetWriteDeadline(deadline); err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, func() { _ = f.SetWriteDeadline(time.Now()) })
	defer stop()
	var cerr error
	werr := rc.Write(func(fd uintptr) bool {
		cerr = unix.Connect(int(fd), sa)
		return !inProgress(cerr)
	})
	if werr != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return werr
	}
	if cerr == unix.EISCONN {
		cerr = nil
	}
	if cerr == nil {
		_ = rc.Control(func(fd uintptr) {
			if selfConnected(int(fd)) {
				cerr = errSelfConnect
			}
		})
	}
	return cerr
}

// sockaddrOf is ap as a socket address, with its address family.
func sockaddrOf(ap netip.AddrPort) (int, unix.Sockaddr) {
	if a := ap.Addr(); a.Is4() || a.Is4In6() {
		return unix.AF_INET, &unix.SockaddrInet4{Port: int(ap.Port()), Addr: a.Unmap().As4()}
	}
	a := ap.Addr()
	sa6 := &unix.SockaddrInet6{Port: int(ap.Port()), Addr: a.As16()}
	if z := a.Zone(); z != "" {
		if ifi, err := net.InterfaceByName(z); err == nil {
			sa6.ZoneId = uint32(ifi.Index)
		}
	}
	return unix.AF_INET6, sa6
}

// selfConnected reports a TCP simultaneous open with itself: connect() chose the scanned port
// as its source port.
func selfConnected(fd int) bool {
	la, err1 := unix.Getsockname(fd)
	ra, err2 := unix.Getpeername(fd)
	if err1 != nil || err2 != nil {
		return false
	}
	switch l := la.(type) {
	case *unix.SockaddrInet4:
		r, ok := ra.(*unix.SockaddrInet4)
		return ok && l.Port == r.Port && l.Addr == r.Addr
	case *unix.SockaddrInet6:
		r, ok := ra.(*unix.SockaddrInet6)
		return ok && l.Port == r.Port && l.Addr == r.Addr
	}
	return false
}

// connectProber is the fast path a Dialer may offer (SocketDialer does).
type connectProber interface {
	ConnectProbe(ctx context.Context, ap netip.AddrPort, deadline time.Time) error
}

var _ connectProber = (*SocketDialer)(nil)

func isDeadline(err error) bool { return errors.Is(err, os.ErrDeadlineExceeded) }
