package delayline

import (
	"fmt"
	"net"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// packetPort is an AF_PACKET socket bound to one interface: it reads every
// frame the interface receives (not the ones it sends) and writes whole
// Ethernet frames.
type packetPort struct {
	fd      int
	ifindex int
	closed  atomic.Bool
}

func htons(v uint16) uint16 { return v<<8 | v>>8 }

// OpenPacket opens a packet socket on the named interface in promiscuous
// mode. It needs CAP_NET_RAW.
func OpenPacket(name string) (Port, error) {
	ifi, err := net.InterfaceByName(name)
	if err != nil {
		return nil, err
	}
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, int(htons(unix.ETH_P_ALL)))
	if err != nil {
		return nil, fmt.Errorf("packet socket: %w", err)
	}
	sa := &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: ifi.Index}
	if err := unix.Bind(fd, sa); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("bind %s: %w", name, err)
	}
	mreq := unix.PacketMreq{Ifindex: int32(ifi.Index), Type: unix.PACKET_MR_PROMISC}
	if err := unix.SetsockoptPacketMreq(fd, unix.SOL_PACKET, unix.PACKET_ADD_MEMBERSHIP, &mreq); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("promiscuous %s: %w", name, err)
	}
	// A large receive buffer rides out bursts (a SYN scan's hundreds of
	// frames in a millisecond) while the reader copies them into the queue.
	_ = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, 8<<20)
	// Frames wait in the queue; a short receive timeout lets Close end the
	// reader promptly.
	tv := unix.Timeval{Usec: 200_000}
	_ = unix.SetsockoptTimeval(fd, unix.SOL_SOCKET, unix.SO_RCVTIMEO, &tv)
	return &packetPort{fd: fd, ifindex: ifi.Index}, nil
}

func (p *packetPort) ReadFrame(buf []byte) (int, error) {
	for {
		if p.closed.Load() {
			return 0, net.ErrClosed
		}
		n, from, err := unix.Recvfrom(p.fd, buf, 0)
		if err == unix.EAGAIN || err == unix.EINTR {
			continue
		}
		if err != nil {
			return 0, err
		}
		if ll, ok := from.(*unix.SockaddrLinklayer); ok && ll.Pkttype == unix.PACKET_OUTGOING {
			continue // our own transmissions (or the kernel's) on this side
		}
		return n, nil
	}
}

func (p *packetPort) WriteFrame(frame []byte) error {
	if p.closed.Load() {
		return net.ErrClosed
	}
	return unix.Sendto(p.fd, frame, 0, &unix.SockaddrLinklayer{Ifindex: p.ifindex})
}

func (p *packetPort) Close() error {
	if p.closed.Swap(true) {
		return nil
	}
	// The reader notices within its receive timeout; closing the descriptor
	// under a blocked Recvfrom would race with its reuse, so Release does.
	return nil
}

// Release closes the descriptor once no reader or writer uses it.
func (p *packetPort) Release() { unix.Close(p.fd) }
