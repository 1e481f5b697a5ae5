//go:build linux

package portscan

import (
	"context"
	"errors"
	"hash/maphash"
	"net/netip"
	"sync"
	"time"

	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/rawnet"
	"golang.org/x/sys/unix"
)

// The SYN scan engine. Each address family gets, at the first SYN scan that needs it, a raw
// TCP socket that sends, a link-layer socket that reads the answers (rawnet.ListenLink: TCP to
// our port and ICMP, seen before this host's own firewall can drop them, as nmap's pcap sees
// them) and a reserved source port (rawnet.ReservePort: the kernel answers SYN-ACKs to it with
// RST and gives it to no connection). Where a link-layer socket cannot be opened, the raw TCP
// socket and a raw ICMP (ICMPv6) socket read the answers instead, after the input firewall.
// A rawnet.Pump per reading socket hands answers to the host they come from; each host's scan
// runs in its caller's goroutine: it sends SYNs within a congestion window, retransmits after the
// host's RTT timeout and decides states from the answers:
//
//	SYN-ACK → open (syn-ack)   RST → closed (reset)   ICMP unreachable → filtered (its code)
//	nothing after every try → filtered (no-response)
//
// The sequence number of every SYN is a keyed hash of (address, port) plus the try number, so
// an answer (ack = seq+1, or the sequence number an ICMP error quotes) proves which probe it
// answers; anything else is ignored.
//
// Silence is decided the way nmap decides it, which matters most on a loaded machine, where
// the goroutine reading a socket may not run for hundreds of milliseconds:
//
//   - before a probe is declared timed out the scan reads the sockets itself (Pump.Sync), so
//     an answer the kernel received in time is never taken for a loss;
//   - an answer to any try counts, and its round trip (from that try's own send time) feeds
//     the RTT estimate: late answers lengthen the timeout;
//   - a port whose last allowed try timed out is benched, not decided: its answer is still
//     taken until the probe expires (10 timeouts, at most 10 s), and it is tried again if the
//     host later shows that retransmissions get answers (nmap's max_successful_tryno); it is
//     decided at once only when nothing else of the host is in flight or waiting;
//   - answers the sockets' own receive queues dropped (SO_MEMINFO) are not the host's silence:
//     a probe sent before such a drop gets another try, up to the try cap;
//   - the congestion window shrinks on a proven loss (an answer to a retransmission, or a
//     drop in our receive queue), not on a timeout alone: a firewall's silent ports would
//     otherwise throttle the scan of every other port.

const (
	synWindow      = 1024 // TCP window of the SYNs (as nmap's)
	synInitialCwnd = 10   // probes in flight to a host before any answer
	synLowCwnd     = 1    // the window after a loss (nmap's low_cwnd)
	synMaxTries    = 64   // try numbers the sequence number can carry
	synBatch       = 64   // SYNs per sendmmsg
	synMaxExpire   = 10 * time.Second
)

// synOptions is the TCP MSS option nmap's SYNs carry (1460).
var synOptions = []byte{2, 4, 0x05, 0xb4}

type synEngine struct {
	s    *Scanner
	seed maphash.Seed

	mu   sync.Mutex
	fams [2]*synFamily
}

// synFamily is the sockets of one address family.
type synFamily struct {
	e    *synEngine
	v6   bool
	tcp  *rawnet.Conn // sends; reads too when link is nil
	icmp *rawnet.Conn // reads when link is nil
	link *rawnet.Conn // reads TCP and ICMP before the input firewall
	// pumps read the sockets that read: link, or tcp and icmp.
	pumps []*rawnet.Pump
	port  *rawnet.Port

	hosts rawnet.Waiters[*synHost]
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
		s.syn = &synEngine{s: s, seed: maphash.MakeSeed()}
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
	f := &synFamily{e: e, v6: v6}
	var err error
	if f.port, err = rawnet.ReservePort(v6); err != nil {
		return nil, err
	}
	if f.tcp, err = rawnet.ListenIP(v6, rawnet.ProtoTCP); err == nil {
		if link, lerr := rawnet.ListenLink(v6, f.port.Number); lerr == nil {
			f.link = link
			err = f.tcp.FilterNone()
		} else {
			err = f.listenIP()
		}
	}
	if err == nil && e.s.recvBuffer > 0 {
		for _, c := range f.readers() {
			if err = c.SetReadBuffer(e.s.recvBuffer); err != nil {
				break
			}
		}
	}
	if err != nil {
		f.close()
		return nil, err
	}
	if f.link != nil {
		f.pumps = append(f.pumps, f.link.Pump(64, 256, func(p rawnet.Packet) {
			if p.Proto == rawnet.ProtoTCP {
				f.tcpAnswer(p)
			} else {
				f.icmpAnswer(p)
			}
		}))
	} else {
		f.pumps = append(f.pumps, f.tcp.Pump(64, 256, f.tcpAnswer), f.icmp.Pump(16, 1500, f.icmpAnswer))
	}
	e.fams[i] = f
	return f, nil
}

// listenIP sets up reading answers through raw IP sockets (after the input firewall).
func (f *synFamily) listenIP() error {
	icmpProto := rawnet.ProtoICMP
	if f.v6 {
		icmpProto = rawnet.ProtoICMPv6
	}
	err := f.tcp.FilterTCPDstPort(f.port.Number)
	if err == nil {
		f.icmp, err = rawnet.ListenIP(f.v6, icmpProto)
	}
	if err == nil && f.v6 {
		err = f.icmp.FilterICMPv6(rawnet.ICMPv6Unreachable)
	}
	return err
}

// readers are the sockets that read answers.
func (f *synFamily) readers() []*rawnet.Conn {
	if f.link != nil {
		return []*rawnet.Conn{f.link}
	}
	return []*rawnet.Conn{f.tcp, f.icmp}
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
	for _, p := range f.pumps {
		p.Close()
	}
	for _, c := range []*rawnet.Conn{f.tcp, f.icmp, f.link} {
		if c != nil {
			c.Close()
		}
	}
	if f.port != nil {
		f.port.Release()
	}
}

// sync hands every answer the sockets hold now to the hosts, and returns how many answers the
// sockets' receive queues have dropped so far.
func (f *synFamily) sync() uint32 {
	var drops uint32
	for _, p := range f.pumps {
		p.Sync()
	}
	for _, c := range f.readers() {
		d, _ := c.Drops()
		drops += d
	}
	return drops
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

func (f *synFamily) register(h *synHost)   { f.hosts.Add(h.addr, h) }
func (f *synFamily) unregister(h *synHost) { f.hosts.Remove(h.addr, h) }

func (f *synFamily) deliver(addr netip.Addr, r synReply) {
	f.hosts.Each(addr, func(h *synHost) { h.push(r) })
}

// tcpAnswer hands a SYN-ACK or RST that answers one of the engine's SYNs to its host.
func (f *synFamily) tcpAnswer(p rawnet.Packet) {
	if hook := f.e.s.answerHook; hook != nil {
		hook()
	}
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

// Where a port stands in a host's SYN scan.
const (
	synFresh    uint8 = iota // no SYN sent yet
	synInflight              // the last SYN waits for its answer
	synRetry                 // its last SYN timed out; queued to be sent again
	synBench                 // its last allowed try timed out: an answer still counts until it expires
	synDone
)

// synPort is one port of a host's SYN scan. Times are offsets from the scan's start.
type synPort struct {
	tries uint8 // SYNs sent
	state uint8
	drops uint32 // the sockets' drop count when the last SYN went out
	first int64  // when try 0 went out
	last  int64  // when the latest try went out
}

// synFlight is a SYN waiting for its answer, in the timeout queue.
type synFlight struct {
	i   int32
	try uint8
	at  int64
}

// transientSend reports whether a SYN that could not be sent may go later: the device queue
// or the socket's memory was full for a moment.
func transientSend(err error) bool {
	return errors.Is(err, unix.ENOBUFS) || errors.Is(err, unix.ENOMEM) || errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EINTR)
}

// scanSYN is one host's SYN scan (see the comment at the top of the file).
func (s *Scanner) scanSYN(ctx context.Context, j Job, report func(PortResult)) Stats {
	addr := j.Addr.Unmap()
	v6 := addr.Is6()
	e := s.synEngine()
	f, err := e.family(v6)
	if err != nil {
		return Stats{Unscanned: len(j.Ports), Err: err}
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
	base := time.Now()
	since := func(t time.Time) int64 { return int64(t.Sub(base)) }
	at := func(off int64) time.Time { return base.Add(time.Duration(off)) }
	var (
		cwnd, ssthresh    = min(float64(synInitialCwnd), maxCwnd), maxCwnd
		done, outstanding int
		next, waiting     int     // next fresh port; ports in the synRetry state
		retry, bench      []int32 // FIFOs; entries whose port moved on are skipped
		fifo              []synFlight
		replies           []synReply
		maxSuccessfulTry  = -1
		benchAllowed      int         // allowed() when the bench was last reconsidered
		lastDrop          int64  = -1 // when the window last shrank
		drops             uint32      // the sockets' drop count at the last sync
		lastSend          time.Time
		pkt               = make([]byte, 0, 64)
		wr                = f.tcp.NewWriter(synBatch)
		queued            []int32 // the ports of the SYNs in wr, in order
	)
	drops = f.sync()
	allowed := func() int { return min(tries, max(2, maxSuccessfulTry+2)) }
	final := func(i int32, state State, reason Reason, ttl int, rtt time.Duration) {
		st[i].state = synDone
		done++
		report(PortResult{Addr: j.Addr, Port: j.Ports[i], Proto: portspec.TCP, State: state, Reason: reason,
			Tries: int(st[i].tries), RTT: rtt, TTL: ttl})
	}
	// loss shrinks the window (nmap's drop): once per window of probes sent after the last.
	loss := func(sentAt, now int64) {
		if sentAt > lastDrop {
			ssthresh = max(float64(outstanding)/2, 2)
			cwnd = min(synLowCwnd, maxCwnd)
			lastDrop = now
		}
	}
	// silent is a SYN of port i that got no answer in time (or could not be sent).
	silent := func(i int32) {
		p := &st[i]
		outstanding--
		lostHere := drops != p.drops // our own receive queue dropped answers since it left
		if int(p.tries) < allowed() || lostHere && int(p.tries) < tries {
			p.state = synRetry
			waiting++
			retry = append(retry, i)
			return
		}
		p.state = synBench
		bench = append(bench, i)
	}
	answers := func() {
		replies = h.drain(replies[:0])
		for _, r := range replies {
			i, ok := index[r.port]
			if !ok {
				continue
			}
			p := &st[i]
			if p.state == synDone || p.state == synFresh || r.try >= int(p.tries) {
				continue
			}
			switch p.state {
			case synInflight:
				outstanding--
			case synRetry:
				waiting--
			}
			// The answer's own try gives its round trip: an answer to try 0 that comes after
			// a retransmission still measures the path.
			var rtt time.Duration
			sentAt := int64(-1)
			switch r.try {
			case int(p.tries) - 1:
				sentAt = p.last
			case 0:
				sentAt = p.first
			}
			if sentAt >= 0 {
				rtt = r.at.Sub(at(sentAt))
				j.RTT.Sample(rtt)
			}
			// As nmap: an ICMP error to a retransmission says nothing about loss (routers
			// rate-limit them); any other answer to one proves that an earlier try was lost.
			if r.try == 0 || r.state != Filtered {
				if r.try > 0 {
					loss(p.last, since(time.Now()))
					maxSuccessfulTry = max(maxSuccessfulTry, r.try)
				}
				if cwnd < ssthresh {
					cwnd++
				} else {
					cwnd += 1 / cwnd
				}
				cwnd = min(cwnd, maxCwnd)
			}
			final(i, r.state, r.reason, r.ttl, rtt)
		}
	}
	// flush sends the queued SYNs. One that cannot be sent for a moment (a full device queue)
	// counts as a try without an answer; one the kernel refuses decides its port at once (a
	// local firewall's EPERM reads as nmap reads it).
	flush := func() {
		if wr.Len() == 0 {
			return
		}
		now := time.Now() // before the call: on loopback the answers come during it
		failed := wr.Flush()
		off := since(now)
		k := 0
		for q, i := range queued {
			p := &st[i]
			if k < len(failed) && failed[k].Index == q {
				err := errors.Unwrap(failed[k].Err)
				k++
				if transientSend(err) {
					loss(off, off)
					silent(i)
					continue
				}
				outstanding--
				out := classify(portspec.TCP, err)
				if !out.final {
					out = outcome{state: Filtered, reason: ReasonLocalError}
				}
				final(i, out.state, out.reason, 0, 0)
				continue
			}
			if p.tries == 1 {
				p.first = off
			}
			p.last, p.drops = off, drops
			fifo = append(fifo, synFlight{i: i, try: p.tries - 1, at: off})
		}
		s.floor.add(len(queued) - len(failed))
		lastSend = now
		queued = queued[:0]
	}
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for done < n && ctx.Err() == nil {
		now := time.Now()
		timeout := j.RTT.Timeout()
		expire := min(synMaxExpire, 10*timeout)
		answers()
		// Before silence decides anything, read what the sockets hold (see the top).
		for len(fifo) > 0 && (st[fifo[0].i].state != synInflight || st[fifo[0].i].tries-1 != fifo[0].try) {
			fifo = fifo[1:]
		}
		for len(bench) > 0 && st[bench[0]].state != synBench {
			bench = bench[1:]
		}
		mayIncrease := outstanding > 0 || waiting > 0 || next < n
		if len(fifo) > 0 && !now.Before(at(fifo[0].at).Add(timeout)) ||
			len(bench) > 0 && (!mayIncrease || !now.Before(at(st[bench[0]].last).Add(expire))) {
			d := f.sync()
			if d != drops {
				loss(since(now), since(now)) // answers lost in our own receive queue
				drops = d
			}
			answers()
		}
		// Timeouts, in the order the SYNs went out.
		for len(fifo) > 0 {
			fl := fifo[0]
			p := &st[fl.i]
			if p.state != synInflight || p.tries-1 != fl.try {
				fifo = fifo[1:]
				continue
			}
			if now.Before(at(fl.at).Add(timeout)) {
				break
			}
			fifo = fifo[1:]
			silent(fl.i)
		}
		if len(fifo) == 0 {
			fifo = fifo[:0:0] // let a drained queue's array go
		}
		// The bench: tried again when the host earns more tries, decided when its probes
		// expire or when nothing else could earn them.
		if a := allowed(); a > benchAllowed {
			benchAllowed = a
			for _, i := range bench {
				if p := &st[i]; p.state == synBench && int(p.tries) < a {
					p.state = synRetry
					waiting++
					retry = append(retry, i)
				}
			}
		}
		mayIncrease = outstanding > 0 || waiting > 0 || next < n
		for len(bench) > 0 {
			i := bench[0]
			if st[i].state != synBench {
				bench = bench[1:]
				continue
			}
			if mayIncrease && now.Before(at(st[i].last).Add(expire)) {
				break
			}
			bench = bench[1:]
			final(i, Filtered, ReasonNoResponse, 0, 0)
		}
		if len(bench) == 0 {
			bench = bench[:0:0]
		}
		// Probes: retransmissions first, then new ports, sent in batches.
		var wait time.Duration = -1
		for waiting > 0 || next < n {
			behind := s.floor.behind()
			if outstanding >= int(cwnd) && !behind {
				break
			}
			if d := s.timing.ScanDelay; d > 0 && !lastSend.IsZero() && !behind {
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
			if waiting > 0 {
				for st[retry[0]].state != synRetry {
					retry = retry[1:]
				}
				i, retry = retry[0], retry[1:]
				waiting--
			} else {
				i = int32(next)
				next++
			}
			p := &st[i]
			pkt = rawnet.AppendTCP(pkt[:0], rawnet.TCP{SrcPort: f.port.Number, DstPort: j.Ports[i],
				Seq: e.seq(addr, j.Ports[i]) + uint32(p.tries), Flags: rawnet.SYN, Window: synWindow, Options: synOptions}, src, addr)
			p.tries++
			p.state = synInflight
			outstanding++
			wr.Add(pkt, j.Addr)
			queued = append(queued, i)
			if wr.Full() || s.timing.ScanDelay > 0 {
				flush()
			}
		}
		flush()
		if len(retry) == 0 {
			retry = retry[:0:0]
		}
		if done >= n {
			break
		}
		// Wait for answers, the next timeout, the bench's next expiry or the next send slot.
		until := func(t time.Time) {
			if w := time.Until(t); wait < 0 || w < wait {
				wait = w
			}
		}
		if len(fifo) > 0 {
			until(at(fifo[0].at).Add(j.RTT.Timeout()))
		}
		if len(bench) > 0 {
			until(at(st[bench[0]].last).Add(expire))
			if outstanding == 0 && waiting == 0 && next == n {
				wait = 0
			}
		}
		if s.opts.MinRate > 0 && (waiting > 0 || next < n) {
			until(time.Now().Add(time.Millisecond))
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
