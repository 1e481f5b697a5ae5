//go:build linux

package rawnet

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Conn is a raw socket: an IP socket for one protocol of one family (ListenIP), or a
// link-layer ARP socket on one interface (ListenARP). Reads wait in Go's netpoller and honour
// SetReadDeadline; a Conn is safe for one reader and any number of writers.
type Conn struct {
	f       *os.File
	rc      syscall.RawConn
	v6      bool
	arp     bool
	link    bool  // a ListenLink socket: IP packets with their headers
	proto   uint8 // an IP socket's protocol
	ifindex int
}

// Packet is one packet read from an IP Conn.
type Packet struct {
	Src, Dst netip.Addr // Dst is unknown (invalid) on IPv6 IP sockets
	TTL      int        // TTL or hop limit of the packet; -1 when unknown
	Proto    uint8      // IP protocol (ProtoTCP, ProtoICMP, ProtoICMPv6); 0 on ARP sockets
	Data     []byte     // from the transport header on (the IPv4 header is removed)
	// Time is when the kernel received the packet (SO_TIMESTAMPNS), or when it was read.
	Time time.Time
}

// ErrNotPermitted is returned when raw sockets need privileges the process lacks.
var ErrNotPermitted = errors.New("rawnet: raw sockets need root (CAP_NET_RAW)")

func newConn(fd int, v6 bool) (*Conn, error) {
	f := os.NewFile(uintptr(fd), "rawnet")
	rc, err := f.SyscallConn()
	if err != nil {
		f.Close()
		return nil, err
	}
	return &Conn{f: f, rc: rc, v6: v6}, nil
}

func socket(family, typ, proto int) (int, error) {
	fd, err := unix.Socket(family, typ|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, proto)
	if errors.Is(err, unix.EPERM) || errors.Is(err, unix.EACCES) {
		return -1, ErrNotPermitted
	}
	if err != nil {
		return -1, fmt.Errorf("rawnet: socket: %w", err)
	}
	return fd, nil
}

// ListenIP opens a raw socket that sends and receives proto (ProtoTCP, ProtoICMP,
// ProtoICMPv6) over IPv6 when v6 is set, else IPv4. It receives every packet of proto that
// reaches this network namespace; SetFilter narrows that down in the kernel.
func ListenIP(v6 bool, proto int) (*Conn, error) {
	family := unix.AF_INET
	if v6 {
		family = unix.AF_INET6
	}
	fd, err := socket(family, unix.SOCK_RAW, proto)
	if err != nil {
		return nil, err
	}
	receiveOptions(fd)
	if v6 {
		if err := unix.SetsockoptInt(fd, unix.IPPROTO_IPV6, unix.IPV6_RECVHOPLIMIT, 1); err != nil {
			unix.Close(fd)
			return nil, fmt.Errorf("rawnet: IPV6_RECVHOPLIMIT: %w", err)
		}
	}
	c, err := newConn(fd, v6)
	if err != nil {
		return nil, err
	}
	c.proto = uint8(proto)
	return c, nil
}

// receiveOptions sets what every raw socket wants for reading answers.
func receiveOptions(fd int) {
	// A large receive buffer: a scan's answers arrive in bursts.
	setRecvBuffer(fd, 8<<20)
	// Kernel receive times: exact round trips, and the order in which answers arrived on
	// different sockets.
	_ = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_TIMESTAMPNS, 1)
}

func setRecvBuffer(fd, n int) error {
	if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, n); err == nil {
		return nil
	}
	return unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUF, n)
}

// SetReadBuffer sets the size of the socket's receive queue in bytes (the kernel doubles it
// and keeps a minimum). Every raw socket starts with 8 MiB.
func (c *Conn) SetReadBuffer(n int) error {
	return c.control(func(fd int) error { return setRecvBuffer(fd, n) })
}

// Close closes the socket; a blocked read returns an error.
func (c *Conn) Close() error { return c.f.Close() }

// SetReadDeadline sets the deadline of reads.
func (c *Conn) SetReadDeadline(t time.Time) error { return c.f.SetReadDeadline(t) }

func (c *Conn) control(fn func(fd int) error) error {
	var ferr error
	if err := c.rc.Control(func(fd uintptr) { ferr = fn(int(fd)) }); err != nil {
		return err
	}
	return ferr
}

// FilterTCPDstPort makes the kernel deliver only TCP segments to one destination port (an
// IPv4 socket's filter sees the IP header first; an IPv6 socket's, the TCP header).
func (c *Conn) FilterTCPDstPort(port uint16) error {
	var prog []unix.SockFilter
	if c.v6 {
		prog = []unix.SockFilter{
			{Code: unix.BPF_LD | unix.BPF_H | unix.BPF_ABS, K: 2},
			{Code: unix.BPF_JMP | unix.BPF_JEQ | unix.BPF_K, Jt: 0, Jf: 1, K: uint32(port)},
			{Code: unix.BPF_RET | unix.BPF_K, K: 0x40000},
			{Code: unix.BPF_RET | unix.BPF_K, K: 0},
		}
	} else {
		prog = []unix.SockFilter{
			{Code: unix.BPF_LDX | unix.BPF_B | unix.BPF_MSH, K: 0},
			{Code: unix.BPF_LD | unix.BPF_H | unix.BPF_IND, K: 2},
			{Code: unix.BPF_JMP | unix.BPF_JEQ | unix.BPF_K, Jt: 0, Jf: 1, K: uint32(port)},
			{Code: unix.BPF_RET | unix.BPF_K, K: 0x40000},
			{Code: unix.BPF_RET | unix.BPF_K, K: 0},
		}
	}
	fprog := unix.SockFprog{Len: uint16(len(prog)), Filter: &prog[0]}
	return c.control(func(fd int) error {
		return unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fprog)
	})
}

// FilterICMPv6 lets only the given ICMPv6 types through (an ICMPv6 socket only).
func (c *Conn) FilterICMPv6(types ...uint8) error {
	var f unix.ICMPv6Filter
	for i := range f.Data {
		f.Data[i] = 0xffffffff // block all
	}
	for _, t := range types {
		f.Data[t>>5] &^= 1 << (uint32(t) & 31)
	}
	return c.control(func(fd int) error {
		return unix.SetsockoptICMPv6Filter(fd, unix.IPPROTO_ICMPV6, unix.ICMPV6_FILTER, &f)
	})
}

// SetHopLimit sets the TTL (IPv4) or unicast and multicast hop limits (IPv6) of sent packets;
// neighbor discovery needs 255.
func (c *Conn) SetHopLimit(n int) error {
	return c.control(func(fd int) error {
		if !c.v6 {
			return unix.SetsockoptInt(fd, unix.IPPROTO_IP, unix.IP_TTL, n)
		}
		if err := unix.SetsockoptInt(fd, unix.IPPROTO_IPV6, unix.IPV6_UNICAST_HOPS, n); err != nil {
			return err
		}
		return unix.SetsockoptInt(fd, unix.IPPROTO_IPV6, unix.IPV6_MULTICAST_HOPS, n)
	})
}

// WriteTo sends b (a transport header and payload) to dst. A zone on an IPv6 destination names
// the outgoing interface. When the send queue is full it waits, at most about a second.
func (c *Conn) WriteTo(b []byte, dst netip.Addr) error {
	var sa unix.Sockaddr
	if c.v6 {
		s := &unix.SockaddrInet6{Addr: dst.As16()}
		if z := dst.Zone(); z != "" {
			if ifi, err := net.InterfaceByName(z); err == nil {
				s.ZoneId = uint32(ifi.Index)
			}
		}
		sa = s
	} else {
		if !dst.Is4() && !dst.Is4In6() {
			return fmt.Errorf("rawnet: %s is not an IPv4 address", dst)
		}
		sa = &unix.SockaddrInet4{Addr: dst.Unmap().As4()}
	}
	return c.write(b, sa)
}

func (c *Conn) write(b []byte, sa unix.Sockaddr) error {
	for try := 0; ; try++ {
		var werr error
		err := c.rc.Write(func(fd uintptr) bool {
			werr = unix.Sendto(int(fd), b, 0, sa)
			return werr != unix.EAGAIN
		})
		if err != nil {
			return pollErr(err)
		}
		// ENOBUFS: the device queue is full for a moment.
		if werr == unix.ENOBUFS && try < 1000 {
			time.Sleep(time.Millisecond)
			continue
		}
		if werr != nil {
			return fmt.Errorf("rawnet: send: %w", werr)
		}
		if c.arp {
			countSent(1, len(b))
		} else {
			countSent(1, len(b)+ipHeader(c.v6))
		}
		return nil
	}
}

// ReadPacket reads one packet into buf (an IP Conn only).
func (c *Conn) ReadPacket(buf []byte) (Packet, error) {
	var oob [128]byte
	var n, oobn int
	var from unix.Sockaddr
	var rerr error
	err := c.rc.Read(func(fd uintptr) bool {
		n, oobn, _, from, rerr = unix.Recvmsg(int(fd), buf, oob[:], 0)
		return rerr != unix.EAGAIN
	})
	if err != nil {
		return Packet{}, pollErr(err)
	}
	if rerr != nil {
		return Packet{}, rerr
	}
	c.countRead(n)
	var name *unix.RawSockaddrAny
	if s6, ok := from.(*unix.SockaddrInet6); ok {
		name = &unix.RawSockaddrAny{}
		raw := (*unix.RawSockaddrInet6)(unsafe.Pointer(name))
		raw.Family, raw.Addr = unix.AF_INET6, s6.Addr
	}
	return c.parse(buf[:n], oob[:oobn], name, time.Now())
}

// pollErr turns an error of the runtime poller into os.ErrDeadlineExceeded (a read deadline
// passed) or os.ErrClosed (the Conn was closed), the errors callers test for.
func pollErr(err error) error {
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return err
	}
	return fmt.Errorf("rawnet: %w (%v)", os.ErrClosed, err)
}

func htons(v uint16) uint16 { return v<<8 | v>>8 }

// ListenARP opens a link-layer socket that sends and receives ARP on one interface.
func ListenARP(ifi *net.Interface) (*Conn, error) {
	fd, err := socket(unix.AF_PACKET, unix.SOCK_DGRAM, int(htons(unix.ETH_P_ARP)))
	if err != nil {
		return nil, err
	}
	if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ARP), Ifindex: ifi.Index}); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("rawnet: bind to %s: %w", ifi.Name, err)
	}
	receiveOptions(fd)
	c, err := newConn(fd, false)
	if err != nil {
		return nil, err
	}
	c.arp, c.ifindex = true, ifi.Index
	return c, nil
}

// WriteARP sends an ARP message (AppendARP) to the link-layer address dst (broadcast for a
// request).
func (c *Conn) WriteARP(b []byte, dst net.HardwareAddr) error {
	sa := &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ARP), Ifindex: c.ifindex, Halen: uint8(len(dst))}
	copy(sa.Addr[:], dst)
	return c.write(b, sa)
}

// ReadARP reads one ARP message into buf and returns its length. (An ARP Conn also works with
// NewReader and Pump: the Packets then hold the ARP messages.)
func (c *Conn) ReadARP(buf []byte) (int, error) {
	var n int
	var rerr error
	err := c.rc.Read(func(fd uintptr) bool {
		n, _, rerr = unix.Recvfrom(int(fd), buf, 0)
		return rerr != unix.EAGAIN
	})
	if err != nil {
		return 0, pollErr(err)
	}
	if rerr == nil {
		countRcvd(1, n)
	}
	return n, rerr
}

// countRead counts a packet of n bytes read from an IP Conn (IPv4 reads hold the IP header).
func (c *Conn) countRead(n int) {
	if c.v6 {
		n += ipHeader(true)
	}
	countRcvd(1, n)
}

// Broadcast is the Ethernet broadcast address.
var Broadcast = net.HardwareAddr{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
