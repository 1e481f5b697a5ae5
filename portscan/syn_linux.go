//go:build linux

package portscan

import (
	"context"
	"errors"
	"hash/maphash"
	"net"
	"net/netip"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/rawnet"
)

// The SYN scan engine. Each address family gets, at the first SYN scan that needs it, a raw
// TCP socket, a raw ICMP (ICMPv6) socket and a reserved source port (rawnet.ReservePort: the
// kernel answers SYN-ACKs to it with RST and gives it to no connection). One goroutine per
// socket reads answers and hands them to the host they come from; each host's scan runs in
// its caller's goroutine: it sends SYNs within a congestion window, retransmits after the
// host's RTT timeout and decides states from the answers:
//
//	SYN-ACK → open (syn-ack)   RST → closed (reset)   ICMP unreachable → filtered (its code)
//	nothing after every try → filtered (no-response)
//
// The sequence number of every SYN is a keyed hash of (address, port) plus the try number, so
// an answer (ack = seq+1, or the sequence number an ICMP error quotes) proves which probe it
// answers; anything else is ignored.

const (
	synWindow      = 1024 // TCP window of the SYNs (as nmap's)
	synInitialCwnd = 10   // probes in flight to a host before any answer
	synMaxTries    = 64   // try numbers the sequence number can carry
	synBatch       = 64   // SYNs per sendmmsg
)

// synOptions is the TCP MSS option nmap's SYNs carry (1460).
var synOptions = []byte{2, 4, 0x05, 0xb4}

type synEngine struct {
	s     *Scanner
	seed  maphash.Seed
	start time.Time
	sent  atomic.Int64 // SYNs sent by all hosts (for --min-rate)

	mu   sync.Mutex
	fams [2]*synFamily
}

// synFamily is the sockets of one address family.
type synFamily struct {
	e    *synEngine
	v6   bool
	tcp  *rawnet.Conn
	icmp *rawnet.Conn
	port *rawnet.Port

	mu    sync.RWMutex
	hosts map[netip.Addr][]*synHost
	wg    sync.WaitGroup
}

type synReply struct {
	port   uint16
	try    int
	state  State
	reason Reason
	ttl    int
	at     time.Time
}

// synHost is where answers for one host's scan are queued.
type synHost struct {
	addr  netip.Addr
	mu    sync.Mutex
	queue []synReply
	wake  chan struct{}
}

func (h *synHost) push(r synReply) {
	h.mu.Lock()
	h.queue = append(h.queue, r)
	h.mu.Unlock()
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

func (h *synHost) drain(buf []synReply) []synReply {
	h.mu.Lock()
	buf = append(buf, h.queue...)
	h.queue = h.queue[:0]
	h.mu.Unlock()
	return buf
}

func (s *Scanner) synEngine() *synEngine {
	s.synMu.Lock()
	defer s.synMu.Unlock()
	if s.syn == nil {
		s.syn = &synEngine{s: s, seed: maphash.MakeSeed(), start: time.Now()}
	}
	return s.syn
}

// family opens (once) the sockets of one family.
func (e *synEngine) family(v6 bool) (*synFamily, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	i := 0
	if v6 {
		i = 1
	}
	if f := e.fams[i]; f != nil {
		return f, nil
	}
	f := &synFamily{e: e, v6: v6, hosts: map[netip.Addr][]*synHost{}}
	var err error
	if f.port, err = rawnet.ReservePort(v6); err != nil {
		return nil, err
	}
	icmpProto := rawnet.ProtoICMP
	if v6 {
		icmpProto = rawnet.ProtoICMPv6
	}
	if f.tcp, err = rawnet.ListenIP(v6, rawnet.ProtoTCP); err == nil {
		if err = f.tcp.FilterTCPDstPort(f.port.Number); err == nil {
			f.icmp, err = rawnet.ListenIP(v6, icmpProto)
		}
	}
	if err == nil && v6 {
		err = f.icmp.FilterICMPv6(rawnet.ICMPv6Unreachable)
	}
	if err != nil {
		f.close()
		return nil, err
	}
	f.wg.Add(2)
	go f.readTCP()
	go f.readICMP()
	e.fams[i] = f
	return f, nil
}

func (e *synEngine) close() {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i, f := range e.fams {
		if f != nil {
			f.close()
			e.fams[i] = nil
		}
	}
}

func (f *synFamily) close() {
	if f.tcp != nil {
		f.tcp.Close()
	}
	if f.icmp != nil {
		f.icmp.Close()
	}
	f.wg.Wait()
	if f.port != nil {
		f.port.Release()
	}
}

// seq is the sequence number of try 0 to (addr, port).
func (e *synEngine) seq(addr netip.Addr, port uint16) uint32 {
	a := addr.WithZone("").As16()
	var b [18]byte
	copy(b[:], a[:])
	b[16], b[17] = byte(port>>8), byte(port)
	return uint32(maphash.Bytes(e.seed, b[:]))
}

// tryOf returns the try number whose SYN had sequence number seq, or false.
func (e *synEngine) tryOf(addr netip.Addr, port uint16, seq uint32) (int, bool) {
	d := seq - e.seq(addr, port)
	return int(d), d < synMaxTries
}

func (f *synFamily) register(h *synHost) {
	f.mu.Lock()
	f.hosts[h.addr] = append(f.hosts[h.addr], h)
	f.mu.Unlock()
}

func (f *synFamily) unregister(h *synHost) {
	f.mu.Lock()
	defer f.mu.Unlock()
	hs := f.hosts[h.addr]
	for i, x := range hs {
		if x == h {
			hs = append(hs[:i], hs[i+1:]...)
			break
		}
	}
	if len(hs) == 0 {
		delete(f.hosts, h.addr)
	} else {
		f.hosts[h.addr] = hs
	}
}

func (f *synFamily) deliver(addr netip.Addr, r synReply) {
	f.mu.RLock()
	for _, h := range f.hosts[addr.WithZone("").Unmap()] {
		h.push(r)
	}
	f.mu.RUnlock()
}

// readTCP reads SYN-ACKs and RSTs to the reserved port until the socket is closed.
func (f *synFamily) readTCP() {
	defer f.wg.Done()
	rd := f.tcp.NewReader(64, 256)
	for {
		pkts, err := rd.Read()
		if err != nil {
			if isClosed(err) {
				return
			}
			continue
		}
		for _, p := range pkts {
			f.tcpAnswer(p)
		}
	}
}

// tcpAnswer hands a SYN-ACK or RST that answers one of the engine's SYNs to its host.
func (f *synFamily) tcpAnswer(p rawnet.Packet) {
	t, err := rawnet.ParseTCP(p.Data)
	if err != nil || t.DstPort != f.port.Number || t.Flags&rawnet.ACK == 0 {
		return
	}
	r := synReply{port: t.SrcPort, ttl: p.TTL, at: p.Time}
	switch {
	case t.Flags&rawnet.RST != 0:
		r.state, r.reason = Closed, ReasonReset
	case t.Flags&rawnet.SYN != 0:
		r.state, r.reason = Open, ReasonSynAck
	default:
		return
	}
	var ok bool
	if r.try, ok = f.e.tryOf(p.Src, t.SrcPort, t.Ack-1); !ok {
		return
	}
	f.deliver(p.Src, r)
}

// readICMP reads ICMP destination unreachables that quote one of the engine's SYNs.
func (f *synFamily) readICMP() {
	defer f.wg.Done()
	rd := f.icmp.NewReader(16, 1500)
	for {
		pkts, err := rd.Read()
		if err != nil {
			if isClosed(err) {
				return
			}
			continue
		}
		for _, p := range pkts {
			f.icmpAnswer(p)
		}
	}
}

// icmpAnswer hands an ICMP destination unreachable that quotes one of the engine's SYNs to
// its host.
func (f *synFamily) icmpAnswer(p rawnet.Packet) {
	unreach := uint8(rawnet.ICMPUnreachable)
	if f.v6 {
		unreach = rawnet.ICMPv6Unreachable
	}
	m, err := rawnet.ParseICMP(p.Data)
	if err != nil || m.Type != unreach {
		return
	}
	q, err := rawnet.ParseQuote(m.Body, f.v6)
	if err != nil || q.Proto != rawnet.ProtoTCP {
		return
	}
	t, err := rawnet.ParseTCP(q.Transport)
	if err != nil || t.SrcPort != f.port.Number {
		return
	}
	try, ok := f.e.tryOf(q.Dst, t.DstPort, t.Seq)
	if !ok {
		return
	}
	f.deliver(q.Dst, synReply{port: t.DstPort, try: try, state: Filtered, reason: Reason(rawnet.UnreachableReason(f.v6, m.Code)), ttl: p.TTL, at: p.Time})
}

// synPort is the state of one port in a host's SYN scan.
type synPort struct {
	tries    uint8 // SYNs sent
	inflight bool  // the last SYN is waiting for its answer
	done     bool
	sent     time.Time // when the last SYN went out
}

type synFlight struct {
	i   int32
	try uint8
	at  time.Time
}

// scanSYN is one host's SYN scan (see the comment at the top of the file).
func (s *Scanner) scanSYN(ctx context.Context, j Job, report func(PortResult)) Stats {
	addr := j.Addr.Unmap()
	v6 := addr.Is6()
	e := s.synEngine()
	fail := func(err error) Stats {
		return Stats{Unscanned: len(j.Ports), Err: err}
	}
	f, err := e.family(v6)
	if err != nil {
		return fail(err)
	}
	rt, err := rawnet.Lookup(addr)
	if err != nil {
		// No route: every port reads as a connect scan's would (ENETUNREACH).
		for _, p := range j.Ports {
			report(PortResult{Addr: j.Addr, Port: p, Proto: portspec.TCP, State: Filtered, Reason: ReasonNetUnreach, Tries: 1, Err: err})
		}
		return Stats{Answered: len(j.Ports)}
	}
	src := rt.Src
	h := &synHost{addr: addr.WithZone(""), wake: make(chan struct{}, 1)}
	f.register(h)
	defer f.unregister(h)

	tries := j.Tries
	if tries <= 0 || tries > s.timing.MaxRetries+1 {
		tries = s.timing.MaxRetries + 1
	}
	tries = min(tries, synMaxTries)
	n := len(j.Ports)
	st := make([]synPort, n)
	index := make(map[uint16]int32, n)
	for i, p := range j.Ports {
		index[p] = int32(i)
	}
	maxCwnd := float64(s.timing.HostParallelism)
	if s.opts.MaxParallelism > 0 {
		maxCwnd = min(maxCwnd, float64(s.opts.MaxParallelism))
	}
	cwnd, ssthresh := min(float64(synInitialCwnd), maxCwnd), maxCwnd
	var (
		done, outstanding int
		next              int
		retry             []int32
		fifo              []synFlight
		replies           []synReply
		maxSuccessfulTry  = -1
		lastDrop          time.Time
		lastSend          time.Time
		pkt               = make([]byte, 0, 64)
		wr                = f.tcp.NewWriter(synBatch)
		queued            []int32 // the ports of the SYNs in wr, in order
	)
	allowed := func() int { return min(tries, max(2, maxSuccessfulTry+2)) }
	final := func(i int32, state State, reason Reason, ttl int, rtt time.Duration) {
		st[i].done = true
		done++
		report(PortResult{Addr: j.Addr, Port: j.Ports[i], Proto: portspec.TCP, State: state, Reason: reason,
			Tries: int(st[i].tries), RTT: rtt, TTL: ttl})
	}
	// flush sends the queued SYNs; one that cannot be sent decides its port at once (a local
	// firewall's EPERM reads as nmap reads it).
	flush := func() {
		if wr.Len() == 0 {
			return
		}
		failed := wr.Flush()
		now := time.Now()
		k := 0
		for q, i := range queued {
			p := &st[i]
			if k < len(failed) && failed[k].Index == q {
				p.inflight = false
				outstanding--
				out := classify(portspec.TCP, errors.Unwrap(failed[k].Err))
				if !out.final {
					out = outcome{state: Filtered, reason: ReasonLocalError}
				}
				final(i, out.state, out.reason, 0, 0)
				k++
				continue
			}
			p.sent = now
			fifo = append(fifo, synFlight{i: i, try: p.tries - 1, at: now})
		}
		e.sent.Add(int64(len(queued) - len(failed)))
		lastSend = now
		queued = queued[:0]
	}
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for done < n && ctx.Err() == nil {
		// Answers.
		replies = h.drain(replies[:0])
		for _, r := range replies {
			i, ok := index[r.port]
			if !ok || st[i].done || r.try >= int(st[i].tries) {
				continue
			}
			if st[i].inflight {
				st[i].inflight = false
				outstanding--
			}
			var rtt time.Duration
			if r.try == int(st[i].tries)-1 { // Karn: only the latest try's timing is known
				rtt = r.at.Sub(st[i].sent)
				j.RTT.Sample(rtt)
			}
			maxSuccessfulTry = max(maxSuccessfulTry, r.try)
			if cwnd < ssthresh {
				cwnd++
			} else {
				cwnd += 1 / cwnd
			}
			cwnd = min(cwnd, maxCwnd)
			final(i, r.state, r.reason, r.ttl, rtt)
		}
		// Timeouts, in the order the SYNs went out.
		now := time.Now()
		timeout := j.RTT.Timeout()
		for len(fifo) > 0 {
			fl := fifo[0]
			p := &st[fl.i]
			if p.done || !p.inflight || p.tries-1 != fl.try {
				fifo = fifo[1:]
				continue
			}
			if now.Before(fl.at.Add(timeout)) {
				break
			}
			fifo = fifo[1:]
			p.inflight = false
			outstanding--
			if int(p.tries) < allowed() {
				retry = append(retry, fl.i)
			} else {
				final(fl.i, Filtered, ReasonNoResponse, 0, 0)
			}
			// A lost probe: halve the window, at most once per timeout period.
			if now.Sub(lastDrop) > timeout {
				ssthresh = max(cwnd/2, 2)
				cwnd = ssthresh
				lastDrop = now
			}
		}
		if len(fifo) == 0 {
			fifo = fifo[:0:0] // let a drained queue's array go
		}
		// Probes: retransmissions first, then new ports, sent in batches.
		var wait time.Duration = -1
		for len(retry) > 0 || next < n {
			if outstanding >= int(cwnd) && !e.belowMinRate(s.opts.MinRate) {
				break
			}
			if d := s.timing.ScanDelay; d > 0 && !lastSend.IsZero() {
				if w := time.Until(lastSend.Add(d)); w > 0 {
					wait = w
					break
				}
			}
			if s.rate != nil {
				if w := time.Until(s.rate.reserve()); w > 0 {
					// The slot is booked: send what is queued, sleep until it, then go on.
					flush()
					if sleepUntil(ctx, time.Now().Add(w)) != nil {
						break
					}
				}
			}
			var i int32
			if len(retry) > 0 {
				i, retry = retry[0], retry[1:]
			} else {
				i = int32(next)
				next++
			}
			p := &st[i]
			pkt = rawnet.AppendTCP(pkt[:0], rawnet.TCP{SrcPort: f.port.Number, DstPort: j.Ports[i],
				Seq: e.seq(addr, j.Ports[i]) + uint32(p.tries), Flags: rawnet.SYN, Window: synWindow, Options: synOptions}, src, addr)
			p.tries++
			p.inflight = true
			outstanding++
			wr.Add(pkt, j.Addr)
			queued = append(queued, i)
			if wr.Full() || s.timing.ScanDelay > 0 {
				flush()
			}
		}
		flush()
		if done >= n {
			break
		}
		// Wait for answers, the next timeout or the next send slot.
		if len(fifo) > 0 {
			if w := time.Until(fifo[0].at.Add(j.RTT.Timeout())); wait < 0 || w < wait {
				wait = w
			}
		}
		if e.s.opts.MinRate > 0 && (len(retry) > 0 || next < n) {
			if wait < 0 || wait > time.Millisecond {
				wait = time.Millisecond
			}
		}
		if wait < 0 {
			wait = time.Second // nothing in flight and nothing to send: cannot happen, but stay bounded
		}
		timer.Reset(max(wait, 0))
		select {
		case <-h.wake:
			if !timer.Stop() {
				select {
				case <-timer.C:
				default:
				}
			}
		case <-timer.C:
		case <-ctx.Done():
		}
	}
	return Stats{Answered: done, Unscanned: n - done}
}

// belowMinRate reports whether the SYNs sent so far are fewer than --min-rate asks for.
func (e *synEngine) belowMinRate(rate float64) bool {
	if rate <= 0 {
		return false
	}
	return float64(e.sent.Load()) < rate*time.Since(e.start).Seconds()
}

func isClosed(err error) bool { return errors.Is(err, os.ErrClosed) || errors.Is(err, net.ErrClosed) }
