//go:build linux

package discovery

import (
	"context"
	"encoding/binary"
	"errors"
	"hash/maphash"
	"math/rand/v2"
	"net"
	"net/netip"
	"os"
	"sync"
	"time"

	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/rawnet"
)

// The raw discovery engine: per address family a raw ICMP (ICMPv6) socket, a raw TCP socket
// with a reserved source port and a UDP socket, opened at first use; per interface an ARP
// socket. One goroutine per socket reads answers and hands them to the host waiting for them.
// Probes carry proof of what they are: ICMP identifier and sequence number (the try), TCP
// sequence or acknowledgement numbers keyed by (address, port) plus the try, the UDP source
// port; an answer that proves nothing is ignored.

type rawEngine struct {
	seed maphash.Seed
	id   uint16 // ICMP identifier of every echo and timestamp request

	mu   sync.Mutex
	fams [2]*rawFamily
	arps map[int]*rawnet.Conn // by interface index
	wg   sync.WaitGroup

	wmu     sync.Mutex
	waiters map[netip.Addr][]*waiter
}

type rawFamily struct {
	v6   bool
	icmp *rawnet.Conn
	tcp  *rawnet.Conn
	port *rawnet.Port
	udp  *net.UDPConn
	err  error
}

// answer is one answer delivered to a waiter.
type answer struct {
	kind   Kind // the kind of probe answered
	up     bool
	reason string
	try    int // -1 when the answer does not say which try it answers
	ttl    int
	mac    net.HardwareAddr
	at     time.Time
}

type waiter struct {
	addr netip.Addr
	ch   chan answer
}

func newRawEngine() *rawEngine {
	return &rawEngine{seed: maphash.MakeSeed(), id: uint16(rand.Uint32()), arps: map[int]*rawnet.Conn{}, waiters: map[netip.Addr][]*waiter{}}
}

func (e *rawEngine) close() {
	e.mu.Lock()
	for i, f := range e.fams {
		if f != nil {
			f.close()
			e.fams[i] = nil
		}
	}
	for k, c := range e.arps {
		c.Close()
		delete(e.arps, k)
	}
	e.mu.Unlock()
	e.wg.Wait()
}

func (f *rawFamily) close() {
	for _, c := range []*rawnet.Conn{f.icmp, f.tcp} {
		if c != nil {
			c.Close()
		}
	}
	if f.udp != nil {
		f.udp.Close()
	}
	if f.port != nil {
		f.port.Release()
	}
}

func isClosed(err error) bool { return errors.Is(err, os.ErrClosed) || errors.Is(err, net.ErrClosed) }

// family opens (once) the sockets of one address family.
func (e *rawEngine) family(v6 bool) (*rawFamily, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	i := 0
	if v6 {
		i = 1
	}
	if f := e.fams[i]; f != nil {
		return f, f.err
	}
	f := &rawFamily{v6: v6}
	e.fams[i] = f
	icmpProto := rawnet.ProtoICMP
	network, any := "udp4", "0.0.0.0:0"
	if v6 {
		icmpProto, network, any = rawnet.ProtoICMPv6, "udp6", "[::]:0"
	}
	var err error
	if f.icmp, err = rawnet.ListenIP(v6, icmpProto); err == nil {
		if v6 {
			err = f.icmp.FilterICMPv6(rawnet.ICMPv6EchoReply, rawnet.ICMPv6Unreachable, rawnet.ICMPv6NeighborAdv)
			if err == nil {
				err = f.icmp.SetHopLimit(255) // neighbor discovery requires it; harmless for echo
			}
		}
	}
	if err == nil {
		if f.port, err = rawnet.ReservePort(v6); err == nil {
			if f.tcp, err = rawnet.ListenIP(v6, rawnet.ProtoTCP); err == nil {
				err = f.tcp.FilterTCPDstPort(f.port.Number)
			}
		}
	}
	if err == nil {
		var ua *net.UDPAddr
		if ua, err = net.ResolveUDPAddr(network, any); err == nil {
			f.udp, err = net.ListenUDP(network, ua)
		}
	}
	if err != nil {
		f.close()
		f.err = err
		return f, err
	}
	e.wg.Add(3)
	go e.readICMP(f)
	go e.readTCP(f)
	go e.readUDP(f)
	return f, nil
}

// arpConn opens (once) the ARP socket of an interface.
func (e *rawEngine) arpConn(ifi *net.Interface) (*rawnet.Conn, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if c := e.arps[ifi.Index]; c != nil {
		return c, nil
	}
	c, err := rawnet.ListenARP(ifi)
	if err != nil {
		return nil, err
	}
	e.arps[ifi.Index] = c
	e.wg.Add(1)
	go e.readARP(c)
	return c, nil
}

func (e *rawEngine) deliver(addr netip.Addr, a answer) {
	e.wmu.Lock()
	defer e.wmu.Unlock()
	for _, w := range e.waiters[addr.WithZone("").Unmap()] {
		select {
		case w.ch <- a:
		default: // the waiter has enough answers queued
		}
	}
}

func (e *rawEngine) register(addr netip.Addr) *waiter {
	w := &waiter{addr: addr.WithZone("").Unmap(), ch: make(chan answer, 16)}
	e.wmu.Lock()
	e.waiters[w.addr] = append(e.waiters[w.addr], w)
	e.wmu.Unlock()
	return w
}

func (e *rawEngine) unregister(w *waiter) {
	e.wmu.Lock()
	defer e.wmu.Unlock()
	ws := e.waiters[w.addr]
	for i, x := range ws {
		if x == w {
			ws = append(ws[:i], ws[i+1:]...)
			break
		}
	}
	if len(ws) == 0 {
		delete(e.waiters, w.addr)
	} else {
		e.waiters[w.addr] = ws
	}
}

// cookie is the TCP sequence (SYN) or acknowledgement (ACK) number of try 0 to (addr, port).
func (e *rawEngine) cookie(addr netip.Addr, port uint16) uint32 {
	a := addr.WithZone("").Unmap().As16()
	var b [18]byte
	copy(b[:], a[:])
	b[16], b[17] = byte(port>>8), byte(port)
	return uint32(maphash.Bytes(e.seed, b[:]))
}

const maxTries = 16

func (e *rawEngine) tryOf(addr netip.Addr, port uint16, v uint32) (int, bool) {
	d := v - e.cookie(addr, port)
	return int(d), d < maxTries
}

// icmpSeq is the ICMP sequence number of a try of an echo (kind 0) or timestamp (kind 1).
func icmpSeq(kind, try int) uint16 { return uint16(kind<<8 | try) }

func (e *rawEngine) readICMP(f *rawFamily) {
	defer e.wg.Done()
	buf := make([]byte, 1<<16)
	for {
		p, err := f.icmp.ReadPacket(buf)
		if err != nil {
			if isClosed(err) {
				return
			}
			continue
		}
		m, err := rawnet.ParseICMP(p.Data)
		if err != nil {
			continue
		}
		now := p.Time
		switch {
		case !f.v6 && m.Type == rawnet.ICMPEchoReply, f.v6 && m.Type == rawnet.ICMPv6EchoReply:
			if m.ID == e.id && m.Seq>>8 == 0 {
				e.deliver(p.Src, answer{kind: Echo, up: true, reason: ReasonEcho, try: int(m.Seq & 0xff), ttl: p.TTL, at: now})
			}
		case !f.v6 && m.Type == rawnet.ICMPTimestampReply:
			if m.ID == e.id && m.Seq>>8 == 1 {
				e.deliver(p.Src, answer{kind: Timestamp, up: true, reason: ReasonTimestamp, try: int(m.Seq & 0xff), ttl: p.TTL, at: now})
			}
		case f.v6 && m.Type == rawnet.ICMPv6NeighborAdv:
			na, err := rawnet.ParseNeighborAdvert(p.Data)
			if err == nil {
				e.deliver(na.Target, answer{kind: ARP, up: true, reason: ReasonND, try: -1, mac: na.MAC, at: now})
			}
		case !f.v6 && m.Type == rawnet.ICMPUnreachable, f.v6 && m.Type == rawnet.ICMPv6Unreachable:
			e.unreachable(f, p, m, now)
		}
	}
}

// unreachable handles an ICMP error about one of the engine's probes: a port unreachable from
// the target itself answers a UDP probe (the host is up); anything else says why the host
// cannot be reached.
func (e *rawEngine) unreachable(f *rawFamily, p rawnet.Packet, m rawnet.ICMP, now time.Time) {
	q, err := rawnet.ParseQuote(m.Body, f.v6)
	if err != nil {
		return
	}
	a := answer{kind: UDPPing, reason: rawnet.UnreachableReason(f.v6, m.Code), try: -1, ttl: p.TTL, at: now}
	switch q.Proto {
	case rawnet.ProtoICMP, rawnet.ProtoICMPv6:
		if binary.BigEndian.Uint16(q.Transport[4:]) != e.id {
			return
		}
	case rawnet.ProtoTCP:
		t, _ := rawnet.ParseTCP(q.Transport)
		if t.SrcPort != f.port.Number {
			return
		}
	case rawnet.ProtoUDP:
		if binary.BigEndian.Uint16(q.Transport) != uint16(f.udp.LocalAddr().(*net.UDPAddr).Port) {
			return
		}
		if a.reason == string(portscan.ReasonPortUnreach) && p.Src.WithZone("").Unmap() == q.Dst.Unmap() {
			a.up = true
		}
	default:
		return
	}
	e.deliver(q.Dst, a)
}

func (e *rawEngine) readTCP(f *rawFamily) {
	defer e.wg.Done()
	buf := make([]byte, 1<<16)
	for {
		p, err := f.tcp.ReadPacket(buf)
		if err != nil {
			if isClosed(err) {
				return
			}
			continue
		}
		t, err := rawnet.ParseTCP(p.Data)
		if err != nil || t.DstPort != f.port.Number {
			continue
		}
		a := answer{up: true, ttl: p.TTL, at: p.Time}
		var ok bool
		switch {
		case t.Flags&(rawnet.SYN|rawnet.ACK) == rawnet.SYN|rawnet.ACK:
			a.kind, a.reason = TCPSyn, ReasonSynAck
			a.try, ok = e.tryOf(p.Src, t.SrcPort, t.Ack-1)
		case t.Flags&rawnet.RST != 0 && t.Flags&rawnet.ACK != 0: // answers a SYN
			a.kind, a.reason = TCPSyn, ReasonReset
			a.try, ok = e.tryOf(p.Src, t.SrcPort, t.Ack-1)
		case t.Flags&rawnet.RST != 0: // answers an ACK: its sequence number is our ack number
			a.kind, a.reason = TCPAck, ReasonReset
			a.try, ok = e.tryOf(p.Src, t.SrcPort, t.Seq)
		}
		if ok {
			e.deliver(p.Src, a)
		}
	}
}

func (e *rawEngine) readUDP(f *rawFamily) {
	defer e.wg.Done()
	buf := make([]byte, 1<<16)
	for {
		_, from, err := f.udp.ReadFromUDPAddrPort(buf)
		if err != nil {
			if isClosed(err) {
				return
			}
			continue
		}
		e.deliver(from.Addr(), answer{kind: UDPPing, up: true, reason: ReasonUDP, try: -1, at: time.Now()})
	}
}

func (e *rawEngine) readARP(c *rawnet.Conn) {
	defer e.wg.Done()
	buf := make([]byte, 1500)
	for {
		n, err := c.ReadARP(buf)
		if err != nil {
			if isClosed(err) {
				return
			}
			continue
		}
		a, err := rawnet.ParseARP(buf[:n])
		if err != nil || a.Op != rawnet.ARPReply {
			continue
		}
		e.deliver(a.SenderIP, answer{kind: ARP, up: true, reason: ReasonARP, try: -1, mac: a.SenderMAC, at: time.Now()})
	}
}

// settle is how long a host waits after its first positive answer for the others of the same
// try. The reason is the answer to the probe sent first (echo before TCP SYN before TCP ACK
// before timestamp, as they go out), then the earliest by kernel receive time: the probes
// leave within microseconds through different sockets, and their answers can overtake each
// other, where nmap, sending everything through one socket, reads the echo reply first.
const settle = 20 * time.Millisecond

// closedC is a channel that is always ready.
var closedC = func() <-chan time.Time { c := make(chan time.Time); close(c); return c }()

// await waits for the answers to the last try: until the host's timeout (re-read as the
// estimate changes: a group's first answers shorten the wait of its silent hosts) or ctx
// ends. A positive answer ends the host's discovery; a negative one is kept in best.
func (e *rawEngine) await(ctx context.Context, w *waiter, probes []Probe, sent []time.Time, rtt *portscan.RTT, minWait time.Duration, best *Status) (Status, bool) {
	rank := func(a *answer) int {
		for i, p := range probes {
			if p.Kind == a.kind {
				return i
			}
		}
		return len(probes)
	}
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	last := sent[len(sent)-1]
	var first *answer
	var settleC <-chan time.Time
	for {
		if first == nil && !time.Now().Before(last.Add(max(rtt.Timeout(), minWait))) {
			return Status{}, false
		}
		select {
		case a := <-w.ch:
			if !a.up {
				if best.Reason == ReasonNoResponse {
					best.Reason, best.TTL = a.reason, a.ttl
				}
				continue
			}
			if first == nil {
				first = &a
				// Wait at least as long again as this answer took: on a
				// loaded machine the first probe itself may have left late.
				i := min(max(a.try, 0), len(sent)-1)
				settleC = time.After(min(max(settle, 2*a.at.Sub(sent[i])), 10*settle))
			} else if r, f := rank(&a), rank(first); r < f || r == f && a.at.Before(first.at) {
				first = &a
			}
			if rank(first) > 0 {
				continue
			}
			// The answer to the first probe sent cannot be beaten.
			settleC = closedC
		case <-settleC:
			st := Status{Up: true, Reason: first.reason, TTL: first.ttl, MAC: first.mac}
			i := first.try
			if i < 0 || i >= len(sent) {
				i = len(sent) - 1
			}
			st.RTT = first.at.Sub(sent[i])
			rtt.Sample(st.RTT)
			return st, true
		case <-tick.C:
		case <-ctx.Done():
			return Status{}, false
		}
	}
}

// ping sends the probes to rt.Dst up to tries times, each try waiting for the host's timeout,
// and returns at the first answer that proves the host up.
func (e *rawEngine) ping(ctx context.Context, rt rawnet.Route, probes []Probe, rtt *portscan.RTT, tries int) Status {
	addr := rt.Dst
	v6 := addr.Is6() && !addr.Is4In6()
	f, err := e.family(v6)
	if err != nil {
		return Status{Reason: "local-error", Err: err}
	}
	var arp *rawnet.Conn
	if len(probes) == 1 && probes[0].Kind == ARP && !v6 {
		if rt.Iface == nil {
			return Status{Reason: "local-error", Err: errors.New("discovery: no interface for ARP")}
		}
		if arp, err = e.arpConn(rt.Iface); err != nil {
			return Status{Reason: "local-error", Err: err}
		}
	}
	w := e.register(addr)
	defer e.unregister(w)
	best := Status{Reason: ReasonNoResponse}
	sent := make([]time.Time, 0, tries)
	var pkt []byte
	ipHeader := 20
	if v6 {
		ipHeader = 40
	}
	var packets, bytes int
	count := func(err error, n int) {
		if err == nil {
			packets++
			bytes += n
		}
	}
	counted := func(st Status) Status {
		st.Sent, st.SentBytes = packets, bytes
		return st
	}
	for try := 0; try < tries && ctx.Err() == nil; try++ {
		sent = append(sent, time.Now())
		for _, pr := range probes {
			var err error
			switch pr.Kind {
			case ARP:
				if v6 {
					pkt = rawnet.AppendNeighborSolicitation(pkt[:0], addr.WithZone(""), rt.Iface.HardwareAddr)
					err = f.icmp.WriteTo(pkt, rawnet.SolicitedNode(addr).WithZone(rt.Iface.Name))
					count(err, len(pkt)+ipHeader)
				} else {
					pkt = rawnet.AppendARP(pkt[:0], rawnet.ARP{Op: rawnet.ARPRequest, SenderMAC: rt.Iface.HardwareAddr,
						SenderIP: rt.Src, TargetIP: addr.Unmap()})
					err = arp.WriteARP(pkt, rawnet.Broadcast)
					count(err, len(pkt))
				}
			case Echo:
				typ := uint8(rawnet.ICMPEcho)
				if v6 {
					typ = rawnet.ICMPv6Echo
				}
				pkt = rawnet.AppendICMP(pkt[:0], rawnet.ICMP{Type: typ, ID: e.id, Seq: icmpSeq(0, try)})
				err = f.icmp.WriteTo(pkt, addr)
				count(err, len(pkt)+ipHeader)
			case Timestamp:
				if v6 {
					continue // ICMPv6 has no timestamp request
				}
				pkt = rawnet.AppendICMP(pkt[:0], rawnet.ICMP{Type: rawnet.ICMPTimestamp, ID: e.id, Seq: icmpSeq(1, try), Body: make([]byte, 12)})
				err = f.icmp.WriteTo(pkt, addr)
				count(err, len(pkt)+ipHeader)
			case TCPSyn, TCPAck:
				for _, port := range pr.Ports {
					t := rawnet.TCP{SrcPort: f.port.Number, DstPort: port, Window: 1024}
					if pr.Kind == TCPSyn {
						t.Flags, t.Seq = rawnet.SYN, e.cookie(addr, port)+uint32(try)
					} else {
						t.Flags, t.Ack, t.Seq = rawnet.ACK, e.cookie(addr, port)+uint32(try), rand.Uint32()
					}
					pkt = rawnet.AppendTCP(pkt[:0], t, rt.Src, addr)
					if err = f.tcp.WriteTo(pkt, addr); err != nil {
						break
					}
					count(nil, len(pkt)+ipHeader)
				}
			case UDPPing:
				for _, port := range pr.Ports {
					if _, err = f.udp.WriteToUDPAddrPort(nil, netip.AddrPortFrom(addr, port)); err != nil {
						break
					}
					count(nil, 8+ipHeader)
				}
			}
			_ = err // a probe that cannot be sent is like one that got no answer
		}
		var minWait time.Duration
		if v6 && probes[0].Kind == ARP && try == tries-1 {
			// A router answers for its subnet's anycast address only after a random delay of
			// up to MAX_ANYCAST_DELAY_TIME (RFC 4861): the last try waits that long.
			minWait = time.Second
		}
		if st, ok := e.await(ctx, w, probes, sent, rtt, minWait, &best); ok {
			return counted(st)
		}
	}
	return counted(best)
}
