//go:build linux

package rawnet

import (
	"fmt"

	"golang.org/x/sys/unix"
)

// Port is a TCP port held by a bound, never-listening socket. A raw scanner uses it as its
// source port: the kernel gives it to no other connection, and, since no socket listens or
// is connected on it, the kernel answers every SYN-ACK to it with a RST, which ends the
// half-open connection on the target at once (as nmap's scans do).
type Port struct {
	Number uint16
	fd     int
}

// ReservePort binds a TCP socket of the family (IPv6 when v6) to the wildcard address and a
// port the kernel chooses.
func ReservePort(v6 bool) (*Port, error) {
	family := unix.AF_INET
	var sa unix.Sockaddr = &unix.SockaddrInet4{}
	if v6 {
		family, sa = unix.AF_INET6, &unix.SockaddrInet6{}
	}
	fd, err := unix.Socket(family, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("rawnet: reserve a port: %w", err)
	}
	if v6 {
		_ = unix.SetsockoptInt(fd, unix.IPPROTO_IPV6, unix.IPV6_V6ONLY, 1)
	}
	if err := unix.Bind(fd, sa); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("rawnet: reserve a port: %w", err)
	}
	got, err := unix.Getsockname(fd)
	if err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("rawnet: reserve a port: %w", err)
	}
	p := &Port{fd: fd}
	switch s := got.(type) {
	case *unix.SockaddrInet4:
		p.Number = uint16(s.Port)
	case *unix.SockaddrInet6:
		p.Number = uint16(s.Port)
	}
	return p, nil
}

// Release frees the port.
func (p *Port) Release() error { return unix.Close(p.fd) }
