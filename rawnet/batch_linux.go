//go:build linux

package rawnet

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"sync"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Reader reads packets from an IP Conn in batches: one recvmmsg(2) returns every packet that
// is waiting, up to the batch size.
type Reader struct {
	c     *Conn
	msgs  []unix.Mmsghdr
	iovs  []unix.Iovec
	names []unix.RawSockaddrAny
	bufs  [][]byte
	oobs  [][]byte
	pkts  []Packet
}

// NewReader returns a Reader of up to n packets of up to size bytes at a time.
func (c *Conn) NewReader(n, size int) *Reader {
	r := &Reader{c: c, msgs: make([]unix.Mmsghdr, n), iovs: make([]unix.Iovec, n), names: make([]unix.RawSockaddrAny, n),
		bufs: make([][]byte, n), oobs: make([][]byte, n), pkts: make([]Packet, 0, n)}
	for i := range n {
		r.bufs[i] = make([]byte, size)
		r.oobs[i] = make([]byte, 128)
	}
	return r
}

// Read waits for packets and returns those that arrived (at least one). The packets' Data
// is valid until the next Read. Packets that cannot be parsed are left out.
func (r *Reader) Read() ([]Packet, error) {
	var n int
	var rerr error
	err := r.c.rc.Read(func(fd uintptr) bool {
		n, rerr = r.recv(fd)
		return rerr != unix.EAGAIN
	})
	if err != nil {
		return nil, pollErr(err)
	}
	if rerr != nil {
		return nil, rerr
	}
	return r.packets(n), nil
}

// ReadNow returns the packets waiting on the socket without waiting (none when the queue is
// empty). It may run while another goroutine waits in Read on another Reader of the Conn.
func (r *Reader) ReadNow() ([]Packet, error) {
	pkts, _, err := r.readNow()
	return pkts, err
}

// readNow is ReadNow that also says whether the batch was full (more may be waiting).
func (r *Reader) readNow() ([]Packet, bool, error) {
	var n int
	var rerr error
	if err := r.c.rc.Control(func(fd uintptr) { n, rerr = r.recv(fd) }); err != nil {
		return nil, false, pollErr(err)
	}
	if rerr == unix.EAGAIN {
		return nil, false, nil
	}
	if rerr != nil {
		return nil, false, rerr
	}
	return r.packets(n), n == len(r.msgs), nil
}

// recv is one non-blocking recvmmsg(2) into the Reader's buffers.
func (r *Reader) recv(fd uintptr) (int, error) {
	for i := range r.msgs {
		r.iovs[i].Base = &r.bufs[i][0]
		r.iovs[i].SetLen(len(r.bufs[i]))
		h := &r.msgs[i].Hdr
		h.Name = (*byte)(unsafe.Pointer(&r.names[i]))
		h.Namelen = uint32(unsafe.Sizeof(r.names[i]))
		h.Iov = &r.iovs[i]
		h.SetIovlen(1)
		h.Control = &r.oobs[i][0]
		h.SetControllen(len(r.oobs[i]))
		h.Flags = 0
		r.msgs[i].Len = 0
	}
	m, _, e := unix.Syscall6(unix.SYS_RECVMMSG, fd, uintptr(unsafe.Pointer(&r.msgs[0])), uintptr(len(r.msgs)), unix.MSG_DONTWAIT, 0, 0)
	if e != 0 {
		return 0, e
	}
	return int(m), nil
}

// packets parses the n datagrams recv read.
func (r *Reader) packets(n int) []Packet {
	now := time.Now()
	r.pkts = r.pkts[:0]
	for i := range n {
		r.c.countRead(int(r.msgs[i].Len))
		h := &r.msgs[i].Hdr
		p, err := r.c.parse(r.bufs[i][:r.msgs[i].Len], r.oobs[i][:h.Controllen], &r.names[i], now)
		if err == nil {
			r.pkts = append(r.pkts, p)
		}
	}
	return r.pkts
}

// Pump reads a Conn in a goroutine of its own and hands every packet to a handler, one at a
// time. Sync hands over at once what the socket holds: code about to decide that an answer
// did not come calls Sync first, so that answers the kernel received in time are seen even
// when the reading goroutine has not been scheduled since (on a loaded machine it may wait
// for hundreds of milliseconds).
type Pump struct {
	c      *Conn
	handle func(Packet)
	mu     sync.Mutex // held while packets are read and handled
	bg, fg *Reader    // the goroutine's and Sync's buffers
	done   chan struct{}
}

// Pump starts reading c in batches of up to n packets of up to size bytes; handle is called
// for each packet (never concurrently; the packet's Data is valid during the call only).
// Close the Conn to stop it (Pump.Close does both).
func (c *Conn) Pump(n, size int, handle func(Packet)) *Pump {
	p := &Pump{c: c, handle: handle, bg: c.NewReader(n, size), fg: c.NewReader(n, size), done: make(chan struct{})}
	go p.run()
	return p
}

func (p *Pump) run() {
	defer close(p.done)
	for {
		// Read and hand over under the lock, so that Sync never finds the socket empty while
		// packets read from it are still on their way to the handler.
		err := p.c.rc.Read(func(fd uintptr) bool {
			p.mu.Lock()
			defer p.mu.Unlock()
			n, err := p.bg.recv(fd)
			if err == unix.EAGAIN {
				return false
			}
			if err == nil {
				for _, pkt := range p.bg.packets(n) {
					p.handle(pkt)
				}
			}
			return true // other errors (an ICMP error noted on the socket) are passed over
		})
		if err != nil {
			return // closed
		}
	}
}

// syncRounds bounds Sync: at most this many batches (a socket flooded faster than it can be
// read must not hold the caller for ever).
const syncRounds = 256

// Sync reads and hands over every packet the socket holds now, before it returns.
func (p *Pump) Sync() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for range syncRounds {
		pkts, full, err := p.fg.readNow()
		if errors.Is(err, os.ErrClosed) {
			return
		}
		for _, pkt := range pkts {
			p.handle(pkt)
		}
		if err == nil && !full {
			return // the queue is empty
		}
	}
}

// Close closes the Conn and waits for the reading goroutine to end.
func (p *Pump) Close() error {
	err := p.c.Close()
	<-p.done
	return err
}

// Drops is how many packets the socket's receive queue has dropped (SO_MEMINFO): answers lost
// on this machine, not on the network.
func (c *Conn) Drops() (uint32, error) {
	const skMeminfoDrops, skMeminfoVars = 8, 9 // linux/sock_diag.h
	var info [skMeminfoVars]uint32
	var serr error
	err := c.control(func(fd int) error {
		l := uint32(unsafe.Sizeof(info))
		_, _, e := unix.Syscall6(unix.SYS_GETSOCKOPT, uintptr(fd), unix.SOL_SOCKET, unix.SO_MEMINFO, uintptr(unsafe.Pointer(&info[0])), uintptr(unsafe.Pointer(&l)), 0)
		if e != 0 {
			serr = e
		}
		return nil
	})
	if err == nil {
		err = serr
	}
	return info[skMeminfoDrops], err
}

// parse makes a Packet of a datagram read from the socket.
func (c *Conn) parse(b, oob []byte, from *unix.RawSockaddrAny, now time.Time) (Packet, error) {
	p := Packet{TTL: -1, Data: b, Time: now}
	if cms, err := unix.ParseSocketControlMessage(oob); err == nil {
		for _, m := range cms {
			switch {
			case m.Header.Level == unix.IPPROTO_IPV6 && m.Header.Type == unix.IPV6_HOPLIMIT && len(m.Data) >= 4:
				p.TTL = int(*(*int32)(unsafe.Pointer(&m.Data[0])))
			case m.Header.Level == unix.SOL_SOCKET && m.Header.Type == unix.SCM_TIMESTAMPNS && len(m.Data) >= int(unsafe.Sizeof(unix.Timespec{})):
				ts := (*unix.Timespec)(unsafe.Pointer(&m.Data[0]))
				p.Time = time.Unix(ts.Unix())
			}
		}
	}
	if c.arp {
		return p, nil // the ARP message itself; no addresses
	}
	if c.link {
		return parseLink(p, c.v6)
	}
	p.Proto = c.proto
	if !c.v6 {
		h, rest, err := ParseIPv4(b)
		if err != nil {
			return Packet{}, err
		}
		p.Src, p.Dst, p.TTL, p.Data = h.Src, h.Dst, int(h.TTL), rest
		return p, nil
	}
	if from != nil && from.Addr.Family == unix.AF_INET6 {
		sa := (*unix.RawSockaddrInet6)(unsafe.Pointer(from))
		p.Src = netip.AddrFrom16(sa.Addr)
	}
	return p, nil
}

// parseLink reads the IP header of a packet from a ListenLink socket.
func parseLink(p Packet, v6 bool) (Packet, error) {
	if !v6 {
		h, rest, err := ParseIPv4(p.Data)
		if err != nil {
			return Packet{}, err
		}
		p.Src, p.Dst, p.TTL, p.Proto, p.Data = h.Src, h.Dst, int(h.TTL), h.Proto, rest
		return p, nil
	}
	h, rest, err := ParseIPv6(p.Data)
	if err != nil {
		return Packet{}, err
	}
	p.Src, p.Dst, p.TTL, p.Proto, p.Data = h.Src, h.Dst, int(h.HopLimit), h.NextHeader, rest
	return p, nil
}

// Writer sends packets from an IP Conn in batches: Add queues a packet, Flush sends the queue
// with sendmmsg(2).
type Writer struct {
	c     *Conn
	msgs  []unix.Mmsghdr
	iovs  []unix.Iovec
	names []unix.RawSockaddrInet6 // large enough for an IPv4 address too
	data  []byte                  // the queued packets, back to back
	ends  []int
	dsts  []netip.Addr
}

// NewWriter returns a Writer that sends up to n packets per system call.
func (c *Conn) NewWriter(n int) *Writer {
	return &Writer{c: c, msgs: make([]unix.Mmsghdr, n), iovs: make([]unix.Iovec, n), names: make([]unix.RawSockaddrInet6, n)}
}

// Len is the number of packets queued.
func (w *Writer) Len() int { return len(w.ends) }

// Full reports whether the queue holds a batch.
func (w *Writer) Full() bool { return len(w.ends) == len(w.msgs) }

// Add queues a copy of pkt for dst (a zone on an IPv6 address names the interface).
func (w *Writer) Add(pkt []byte, dst netip.Addr) {
	w.data = append(w.data, pkt...)
	w.ends = append(w.ends, len(w.data))
	w.dsts = append(w.dsts, dst)
}

// SendError is a queued packet that could not be sent.
type SendError struct {
	Index int // its place in the queue, from 0
	Err   error
}

// Flush sends the queued packets and empties the queue. It returns the packets that failed
// (each with its error); a full device queue or send buffer is waited for (about a second at
// most), not reported.
func (w *Writer) Flush() []SendError {
	var failed []SendError
	start := 0
	for i, dst := range w.dsts {
		iv := &w.iovs[i]
		iv.Base = &w.data[start]
		iv.SetLen(w.ends[i] - start)
		start = w.ends[i]
		h := &w.msgs[i].Hdr
		*h = unix.Msghdr{}
		h.Iov = iv
		h.SetIovlen(1)
		name := &w.names[i]
		*name = unix.RawSockaddrInet6{}
		if w.c.v6 {
			name.Family = unix.AF_INET6
			name.Addr = dst.As16()
			if z := dst.Zone(); z != "" {
				name.Scope_id = zoneIndex(z)
			}
			h.Namelen = unix.SizeofSockaddrInet6
		} else {
			sa := (*unix.RawSockaddrInet4)(unsafe.Pointer(name))
			sa.Family = unix.AF_INET
			sa.Addr = dst.Unmap().As4()
			h.Namelen = unix.SizeofSockaddrInet4
		}
		h.Name = (*byte)(unsafe.Pointer(name))
	}
	for i, waits := 0, 0; i < len(w.dsts); {
		var n int
		var serr unix.Errno
		err := w.c.rc.Write(func(fd uintptr) bool {
			m, _, e := unix.Syscall6(unix.SYS_SENDMMSG, fd, uintptr(unsafe.Pointer(&w.msgs[i])), uintptr(len(w.dsts)-i), unix.MSG_DONTWAIT, 0, 0)
			if e == unix.EAGAIN {
				return false
			}
			n, serr = int(m), e
			return true
		})
		if err != nil {
			for ; i < len(w.dsts); i++ {
				failed = append(failed, SendError{i, pollErr(err)})
			}
			break
		}
		if serr == 0 {
			bytes := n * ipHeader(w.c.v6)
			for k := i; k < i+n; k++ {
				bytes += int(w.iovs[k].Len)
			}
			countSent(n, bytes)
			i += n
			continue
		}
		if serr == unix.ENOBUFS && waits < 1000 {
			waits++
			time.Sleep(time.Millisecond)
			continue
		}
		failed = append(failed, SendError{i, fmt.Errorf("rawnet: send: %w", serr)})
		i++
	}
	w.data, w.ends, w.dsts = w.data[:0], w.ends[:0], w.dsts[:0]
	return failed
}

func zoneIndex(z string) uint32 {
	if ifi, err := net.InterfaceByName(z); err == nil {
		return uint32(ifi.Index)
	}
	return 0
}
