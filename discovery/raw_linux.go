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

// The raw discovery engine: per address family a raw ICMP (ICMPv6) socket and a raw TCP
// socket with a reserved source port that send, a link-layer socket that reads ICMP and TCP
// answers before this host's own firewall could drop them (rawnet.ListenLink; where it cannot
// be opened, the raw sockets read instead) and a UDP socket, opened at first use; per
// interface an ARP socket. One goroutine per socket reads answers and hands them to the host waiting for them
// (a rawnet.Pump for the raw sockets: a host about to give up on a try first reads what they
// hold, so that a reading goroutine the scheduler kept waiting cannot make a host look down).
// Probes carry proof of what they are: ICMP identifier and sequence number (the try), TCP
// sequence or acknowledgement numbers keyed by (address, port) plus the try, the UDP source
// port; an answer that proves nothing is ignored.

type rawEngine struct {
	seed maphash.Seed
	id   uint16 // ICMP identifier of every echo and timestamp request

	// pace is called before each probe is sent (the scan's --max-rate and --min-rate).
	pace func(context.Context) error

	mu   sync.Mutex
	fams [2]*rawFamily
	arps map[int]*arpSocket // by interface index
	wg   sync.WaitGroup

	waiters rawnet.Waiters[*waiter]
}

type rawFamily struct {
	v6    bool
	icmp  *rawnet.Conn // sends; reads too when link is nil
	tcp   *rawnet.Conn // sends; reads too when link is nil
	link  *rawnet.Conn // reads TCP and ICMP answers before the input firewall
	pumps []*rawnet.Pump
	port  *rawnet.Port
	udp   *net.UDPConn
	err   error
}

type arpSocket struct {
	c    *rawnet.Conn
	pump *rawnet.Pump
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

func newRawEngine(pace func(context.Context) error) *rawEngine {
	return &rawEngine{seed: maphash.MakeSeed(), id: uint16(rand.Uint32()), pace: pace, arps: map[int]*arpSocket{}}
}

func (e *rawEngine) close() {
	e.mu.Lock()
	for i, f := range e.fams {
		if f != nil {
			f.close()
			e.fams[i] = nil
		}
	}
	for k, a := range e.arps {
		a.pump.Close()
		delete(e.arps, k)
	}
	e.mu.Unlock()
	e.wg.Wait()
}

func (f *rawFamily) close() {
	for _, p := range f.pumps {
		p.Close()
	}
	for _, c := range []*rawnet.Conn{f.icmp, f.tcp, f.link} {
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
	if f.icmp, err = rawnet.ListenIP(v6, icmpProto); err == nil && v6 {
		err = f.icmp.SetHopLimit(255) // neighbor discovery requires it; harmless for echo
	}
	if err == nil {
		if f.port, err = rawnet.ReservePort(v6); err == nil {
			f.tcp, err = rawnet.ListenIP(v6, rawnet.ProtoTCP)
		}
	}
	if err == nil {
		if link, lerr := rawnet.ListenLink(v6, f.port.Number); lerr == nil {
			f.link = link
			if err = f.icmp.FilterNone(); err == nil {
				err = f.tcp.FilterNone()
			}
		} else if err = f.tcp.FilterTCPDstPort(f.port.Number); err == nil && v6 {
			err = f.icmp.FilterICMPv6(rawnet.ICMPv6EchoReply, rawnet.ICMPv6Unreachable, rawnet.ICMPv6NeighborAdv)
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
	if f.link != nil {
		f.pumps = append(f.pumps, f.link.Pump(16, 1500, func(p rawnet.Packet) {
			if p.Proto == rawnet.ProtoTCP {
				e.tcpAnswer(f, p)
			} else {
				e.icmpAnswer(f, p)
			}
		}))
	} else {
		f.pumps = append(f.pumps, f.icmp.Pump(16, 1500, func(p rawnet.Packet) { e.icmpAnswer(f, p) }),
			f.tcp.Pump(16, 256, func(p rawnet.Packet) { e.tcpAnswer(f, p) }))
	}
	e.wg.Add(1)
	go e.readUDP(f)
	return f, nil
}

// arpConn opens (once) the ARP socket of an interface.
func (e *rawEngine) arpConn(ifi *net.Interface) (*arpSocket, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if a := e.arps[ifi.Index]; a != nil {
		return a, nil
	}
	c, err := rawnet.ListenARP(ifi)
	if err != nil {
		return nil, err
	}
	a := &arpSocket{c: c, pump: c.Pump(16, 1500, e.arpAnswer)}
	e.arps[ifi.Index] = a
	return a, nil
}

// sync hands the answers the family's raw sockets (and arp's, when not nil) hold now to the
// hosts waiting for them.
func (e *rawEngine) sync(f *rawFamily, arp *arpSocket) {
	for _, p := range f.pumps {
		p.Sync()
	}
	if arp != nil {
		arp.pump.Sync()
	}
}

func (e *rawEngine) deliver(addr netip.Addr, a answer) {
	e.waiters.Each(addr, func(w *waiter) {
		select {
		case w.ch <- a:
		default: // the waiter has enough answers queued
		}
	})
}

func (e *rawEngine) register(addr netip.Addr) *waiter {
	w := &waiter{addr: addr.WithZone("").Unmap(), ch: make(chan answer, 16)}
	e.waiters.Add(w.addr, w)
	return w
}

func (e *rawEngine) unregister(w *waiter) { e.waiters.Remove(w.addr, w) }

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

// icmpAnswer handles a packet of the family's ICMP socket.
func (e *rawEngine) icmpAnswer(f *rawFamily, p rawnet.Packet) {
	m, err := rawnet.ParseICMP(p.Data)
	if err != nil {
		return
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

// tcpAnswer handles a packet of the family's TCP socket.
func (e *rawEngine) tcpAnswer(f *rawFamily, p rawnet.Packet) {
	t, err := rawnet.ParseTCP(p.Data)
	if err != nil || t.DstPort != f.port.Number {
		return
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

// arpAnswer handles a packet of an ARP socket.
func (e *rawEngine) arpAnswer(p rawnet.Packet) {
	a, err := rawnet.ParseARP(p.Data)
	if err != nil || a.Op != rawnet.ARPReply {
		return
	}
	e.deliver(a.SenderIP, answer{kind: ARP, up: true, reason: ReasonARP, try: -1, mac: a.SenderMAC, at: p.Time})
}

// settle is how long a host waits after its first positive answer for the others of the same
// try. The reason is the answer to the probe sent first (echo before TCP SYN before TCP ACK
// before timestamp, as they go out), then the earliest by kernel receive time: the probes
// leave within microseconds through different sockets, and their answers can overtake each
// other, where nmap, sending everything through one socket, reads the echo reply first.
const settle = 20 * time.Millisecond

// closedC is a channel that is always ready.
var closedC = func() <-chan time.Time { c := make(chan time.Time); close(c); return c }()

// sendTimes is when the probes of one try went out: the first packet of each probe (in
// probes' order; zero for a probe not sent) and the try's last packet.
type sendTimes struct {
	probe []time.Time
	last  time.Time
}

// of is when the probe answered by a went out in this try (the try's last packet when the
// probe is unknown).
func (t sendTimes) of(i int) time.Time {
	if i < len(t.probe) && !t.probe[i].IsZero() {
		return t.probe[i]
	}
	return t.last
}

// await waits for the answers to the last try: until the host's timeout after the try's last
// packet (re-read as the estimate changes: a group's first answers shorten the wait of its
// silent hosts) or ctx ends. A positive answer ends the host's discovery; a negative one is
// kept in best.
func (e *rawEngine) await(ctx context.Context, w *waiter, f *rawFamily, arp *arpSocket, probes []Probe, sent []sendTimes, rtt *portscan.RTT, minWait time.Duration, best *Status) (Status, bool) {
	rank := func(a *answer) int {
		for i, p := range probes {
			if p.Kind == a.kind {
				return i
			}
		}
		return len(probes)
	}
	tryOf := func(a *answer) int { return min(max(a.try, 0), len(sent)-1) } // unknown: the last
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	last := sent[len(sent)-1].last
	var first *answer
	var settleC <-chan time.Time
	handle := func(a answer) {
		if !a.up {
			if best.Reason == ReasonNoResponse {
				best.Reason, best.TTL = a.reason, a.ttl
			}
			return
		}
		if first == nil {
			first = &a
			// Wait at least as long again as this answer took: on a
			// loaded machine the first probe itself may have left late.
			settleC = time.After(min(max(settle, 2*a.at.Sub(sent[tryOf(&a)].of(rank(&a)))), 10*settle))
		} else if r, f := rank(&a), rank(first); r < f || r == f && a.at.Before(first.at) {
			first = &a
		}
		if rank(first) == 0 {
			settleC = closedC // the answer to the first probe sent cannot be beaten
		}
	}
	synced := false
	for {
		if first == nil && !time.Now().Before(last.Add(max(rtt.Timeout(), minWait))) {
			// Before giving up, take what the sockets hold: an answer that came in time may
			// wait there for a reading goroutine the scheduler has not run yet.
			if !synced {
				e.sync(f, arp)
				synced = true
			}
			select {
			case a := <-w.ch:
				handle(a)
				continue
			default:
				return Status{}, false
			}
		}
		select {
		case a := <-w.ch:
			handle(a)
		case <-settleC:
			st := Status{Up: true, Reason: first.reason, TTL: first.ttl, MAC: first.mac}
			st.RTT = first.at.Sub(sent[tryOf(first)].of(rank(first)))
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
	var arp *arpSocket
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
	sent := make([]sendTimes, 0, tries)
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
		times := sendTimes{probe: make([]time.Time, len(probes))}
		// paced waits for the scan's rate (--max-rate), then notes when probe i left.
		paced := func(i int) error {
			if e.pace != nil {
				if err := e.pace(ctx); err != nil {
					return err
				}
			}
			if times.probe[i].IsZero() {
				times.probe[i] = time.Now()
			}
			return nil
		}
		for pi, pr := range probes {
			var err error
			if pr.Kind == Timestamp && v6 {
				continue // ICMPv6 has no timestamp request
			}
			if pr.Kind != TCPSyn && pr.Kind != TCPAck && pr.Kind != UDPPing {
				if paced(pi) != nil {
					break
				}
			}
			switch pr.Kind {
			case ARP:
				if v6 {
					pkt = rawnet.AppendNeighborSolicitation(pkt[:0], addr.WithZone(""), rt.Iface.HardwareAddr)
					err = f.icmp.WriteTo(pkt, rawnet.SolicitedNode(addr).WithZone(rt.Iface.Name))
					count(err, len(pkt)+ipHeader)
				} else {
					pkt = rawnet.AppendARP(pkt[:0], rawnet.ARP{Op: rawnet.ARPRequest, SenderMAC: rt.Iface.HardwareAddr,
						SenderIP: rt.Src, TargetIP: addr.Unmap()})
					err = arp.c.WriteARP(pkt, rawnet.Broadcast)
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
				pkt = rawnet.AppendICMP(pkt[:0], rawnet.ICMP{Type: rawnet.ICMPTimestamp, ID: e.id, Seq: icmpSeq(1, try), Body: make([]byte, 12)})
				err = f.icmp.WriteTo(pkt, addr)
				count(err, len(pkt)+ipHeader)
			case TCPSyn, TCPAck:
				for _, port := range pr.Ports {
					if err = paced(pi); err != nil {
						break
					}
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
					if err = paced(pi); err != nil {
						break
					}
					if _, err = f.udp.WriteToUDPAddrPort(nil, netip.AddrPortFrom(addr, port)); err != nil {
						break
					}
					count(nil, 8+ipHeader)
				}
			}
			_ = err // a probe that cannot be sent is like one that got no answer
		}
		if ctx.Err() != nil {
			break
		}
		times.last = time.Now()
		sent = append(sent, times)
		var minWait time.Duration
		if v6 && probes[0].Kind == ARP && try == tries-1 {
			// A router answers for its subnet's anycast address only after a random delay of
			// up to MAX_ANYCAST_DELAY_TIME (RFC 4861): the last try waits that long.
			minWait = time.Second
		}
		if st, ok := e.await(ctx, w, f, arp, probes, sent, rtt, minWait, &best); ok {
			return counted(st)
		}
	}
	return counted(best)
}
