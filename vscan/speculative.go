package vscan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/signetscan/signet/probes"
)

// Timing selects how a service's probes are sent and waited for.
type Timing int

const (
	// TimingNmap is nmap's sequential walk with its fixed waits
	// (totalwaitms): byte-identical fingerprints, nmap's speed.
	TimingNmap Timing = iota
	// TimingFast sends a service's candidate probes ahead of the walk over
	// parallel connections (the speculative source). The walk still takes
	// its decisions in nmap's order over the replies as they arrive. A
	// port that has an answer (a hard match the walk will reach) gets waits
	// fitted to the measured round trip; a port without one gets nmap's
	// full waits, in parallel.
	TimingFast
)

// Defaults of TimingFast's waits; both grow with the round-trip time by
// a few round trips (FirstByteRTTs, IdleRTTs), not in proportion to it.
const (
	DefaultFirstByteWait = time.Second            // silence after which a probe gets no reply
	DefaultIdleWait      = 300 * time.Millisecond // quiet after data that ends a reply
	// FirstByteRTTs and IdleRTTs are the round trips added to the floors.
	// The floors stand for the server's own time (a look-up, a fork), which
	// does not depend on the path; the path adds one round trip per
	// exchange, and under loss a retransmission: Linux resends a lost
	// segment of an established connection after its RTO, about 200 ms +
	// 1-2 RTT. 8 round trips before the first byte cover the request, the
	// reply and two retransmissions of either; 4 after data cover a lost
	// segment in the middle of a reply. (Waits of 100 and 50 RTT — 5 s and
	// 2.5 s at 50 ms — cost as much as nmap's own waits and bought nothing.)
	FirstByteRTTs = 8
	IdleRTTs      = 4
	// LateListenShare is the one longer listen on the NULL connection of
	// a port silent to every probe, past the NULL probe's totalwaitms, as
	// a share of that wait: 2 s after nmap's 6 s.
	LateListenShare = 3
	fastWindow      = 8 // probes in flight ahead of the walk, per service
	// UDPWindow is fastWindow for a UDP service: a datagram costs no
	// connection, so every probe the walk may send goes at once, UDPGap
	// apart (about 20 at intensity 7), and a port silent to all of them
	// is done after one fitted wait rather than one per 8 probes.
	UDPWindow = 64
	// PortConns is the most connections open at once to one port, held
	// replies included, until it earns more (PortBurstConns): servers
	// that serve few clients at once see a bounded burst (and
	// portTrouble lowers it for them).
	PortConns = 16
	// PortBurstConns bounds what a port earns above PortConns (and
	// fastWindow): while it holds, has shown no sign of serving few
	// clients at once, each reply whose first byte comes unheld allows
	// one more connection and one more probe in flight, as TCP's slow
	// start grows its window by an acknowledgement. A port that answers
	// every probe with data no line matches (an HTTP server's error
	// page, nats, redis-sentinel) holds every reply for nmap's full
	// wait; with 16 connections its 30-odd probes (intensity 7) took two
	// rounds of 5 s, with all of them out at once it is done in one wait.
	PortBurstConns = 32
	// promptReply (plus 4 RTT) is the most a reply's first byte may take
	// to earn (see earn): a server that answers later is busy, or
	// queues connections.
	promptReply = 250 * time.Millisecond
	// earnStep is what one prompt reply earns: two, as slow start
	// doubles its window per round trip, so that a port that answers
	// only some probes (beanstalkd answers the 8 of 30 that end in a
	// line) still gets all of them out at once.
	earnStep = 2
	// nullGrace is how long the NULL probe runs alone before other probes
	// are sent: a banner usually settles the service on its own (and
	// servers such as VNC lock out a burst of connections). It counts
	// from the NULL connection's connect plus one more connect time: a
	// banner sent at the accept reaches us a round trip after our
	// connect returns (see graceEnd).
	nullGrace = 50 * time.Millisecond
)

// waits returns the first-byte and idle waits for probe p given the
// service's measured connect time.
func (c *Config) waits(p *probes.Probe, rtt time.Duration) (first, idle time.Duration) {
	first, idle = c.FirstByteWait, c.IdleWait
	if first <= 0 {
		first = DefaultFirstByteWait
	}
	if idle <= 0 {
		idle = DefaultIdleWait
	}
	first += FirstByteRTTs * rtt
	idle += IdleRTTs * rtt
	return min(first, p.TotalWait), min(idle, p.TotalWait)
}

func (c *Config) lateListen(null *probes.Probe) time.Duration {
	switch {
	case c.LateListen < 0:
		return 0
	case c.LateListen == 0:
		return null.TotalWait / LateListenShare
	}
	return c.LateListen
}

// speculative is TimingFast's source. Every probe has its own connection
// (UDP: its own socket), opened up to fastWindow probes ahead of the walk
// (more on a TCP port that earns them, see earn) as the walk would send
// them now (softmatch narrowing included). A
// collector goroutine reads each reply and stops at a hard match of the
// probe's own chain, the read cap, the peer's end, or its wait:
//
//   - while the port is holding, nmap's full totalwaitms;
//   - once it is not, a wait fitted to the round trip: the first byte
//     within FirstByteWait + 8 RTT, then quiet for IdleWait + 4 RTT after
//     the last.
//
// The port holds until a reply hard-matches a probe the walk will still
// send (the port has an answer: faster waits cannot change it unless a
// reply before it would have come later than its fitted wait; a reply
// before it in the walk that has begun keeps nmap's whole wait, since its
// later pieces may match: in.uucpd's prompts to GenericLines' lines came
// 500 ms apart under load), or until
// its first probe (NULL on TCP) waited its full time and no byte came on
// any connection (a silent port: the rest is cut short). So a banner
// after 4.5 s, a service that closes silently after tcpwrappedms, a
// reply slower than the fitted wait and one that comes in pieces seconds
// apart, on a port that has no answer yet, are seen as nmap sees them.
// UDP ports do not hold (see pass): their waits are the fitted ones.
type speculative struct {
	w   *walk
	ssl bool

	ctx    context.Context // the pass's; cancelled at its end
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu      sync.Mutex
	rtt     time.Duration // the smallest connect time seen
	nextUDP time.Time     // the earliest time the next UDP probe may be sent
	udpMu   sync.Mutex    // held across a UDP write (see write)
	lastUDP time.Time     // when the last UDP write returned (under udpMu)
	udpTail chan struct{} // the last launched UDP probe's turn (see awaitTurn)
	udpLag  time.Duration // the longest a UDP reply's first byte took
	udpFast time.Duration // the shortest (the path's round trip, nearly)

	launched map[*probes.Probe]*specReply
	list     []*specReply
	first    *specReply // the pass's first probe
	allowed  bool       // speculation may begin (nullGrace)
	events   chan struct{}
	gen      atomic.Int64 // bumped when holding changes, see collect
	holding  atomic.Bool
	// answeredAt is the walk position (specReply.seq) of the hard match
	// that ended the holding; -1 while holding, or when it ended silent.
	answeredAt atomic.Int64
	retries    atomic.Int32 // probes set to be sent again after a close without a byte
	together   atomic.Bool  // a silent probe's close showed the server serves clients at once (halfClose)
	gotByte    atomic.Bool  // a connection of the pass got a byte

	// The port's connections: open (or connecting) and the most allowed
	// at once (portConns, lowered by portTrouble).
	portMu      sync.Mutex
	portOpen    int
	portCap     int
	portChanged chan struct{}
	portWait    map[int]bool // the walk positions (specReply.seq) waiting for a connection
	lastEnd     time.Time    // when a connection of the port last ended
	earned      int          // connections and probes in flight earned (PortBurstConns)
	noEarn      bool         // a connection ended without a byte: earn no more

	// The serial fallback (see stalled): why the port's replies are not
	// to be trusted, and the quickest first byte of a reply (the server's
	// own time when nothing held it back).
	fallback string
	quickest time.Duration

	// slowest is the longest a reply's first event (its first byte, or
	// a close without one) took after the connect on this port, NULL's
	// and the held-back ones aside (see slowWait).
	slowest atomic.Int64
}

func newSpeculative(w *walk) *speculative {
	return &speculative{w: w, events: make(chan struct{}, 1)}
}

func (s *speculative) signal() {
	select {
	case s.events <- struct{}{}:
	default:
	}
}

func (s *speculative) pass(ssl bool) {
	s.endPass()
	s.ssl = ssl
	s.ctx, s.cancel = context.WithCancel(s.w.ctx)
	s.launched = map[*probes.Probe]*specReply{}
	s.portOpen, s.portCap, s.portChanged = 0, PortConns, make(chan struct{})
	s.portWait = map[int]bool{}
	s.earned, s.noEarn = 0, false
	s.lastEnd = time.Time{}
	s.fallback = ""
	s.list = nil
	s.first = nil
	s.allowed = false
	// UDP does not hold: no service closes a datagram socket on us, and
	// an open|filtered port silent to every probe, the common UDP case,
	// would wait nmap's full waits for nothing.
	s.holding.Store(s.w.t.Proto == probes.TCP)
	s.answeredAt.Store(-1)
	s.together.Store(false)
	s.gotByte.Store(false)
	if s.w.t.Proto == probes.UDP {
		s.portCap = UDPWindow
	}
}

// endPass stops every collector of the pass and waits for them, so no
// connection (nor per-host slot) outlives it.
func (s *speculative) endPass() {
	if s.cancel == nil {
		return
	}
	s.cancel()
	s.wg.Wait()
	s.cancel = nil
}

func (s *speculative) detectorTimes() (wait, connect time.Duration) {
	s.mu.Lock()
	rtt := s.rtt
	s.mu.Unlock()
	first := s.w.c.FirstByteWait
	if first <= 0 {
		first = DefaultFirstByteWait
	}
	// A server answers a detector's request, or a TLS ClientHello, at
	// once: wait as long as for a probe's first byte (twice, for a
	// connect with a handshake), not nmap's 8 s. A server that accepts
	// slowly after the walk's parallel connections (pptpd drops SYNs
	// while its backlog of three is full: the retransmitted SYN lands a
	// second or three later) still gets nmap's connect timeout: it is
	// only spent on a port already seen open.
	wait = first + FirstByteRTTs*rtt
	return wait, max(2*wait, ConnectTimeout)
}

func (s *speculative) send(p *probes.Probe) reply {
	rp := s.launch(p)
	if s.first == nil {
		s.first = rp
		if p.IsNull() && s.w.t.Proto == probes.TCP && !s.ssl {
			s.wg.Add(1)
			go s.sentinel(rp)
		}
	}
	s.review()
	return rp
}

func (s *speculative) launch(p *probes.Probe) *specReply {
	if rp := s.launched[p]; rp != nil {
		return rp
	}
	s.mu.Lock()
	est := s.rtt
	s.mu.Unlock()
	rp := &specReply{s: s, p: p, seq: len(s.list), launchedAt: s.w.c.now()}
	rp.first, rp.idle = s.w.c.waits(p, est)
	if s.w.t.Proto == probes.UDP {
		rp.udpPrev, rp.udpTurn = s.udpTail, make(chan struct{})
		s.udpTail = rp.udpTurn
	}
	s.launched[p] = rp
	s.list = append(s.list, rp)
	s.wg.Add(1)
	go s.collect(rp, est)
	return rp
}

// review runs on the walk's goroutine whenever it waits for a reply: it
// ends the holding when the port has an answer or is silent, and sends
// probes ahead.
func (s *speculative) review() {
	if !s.holding.Load() {
		s.speculate()
		return
	}
	if ok, at := s.answered(); ok {
		s.answeredAt.Store(int64(at))
		s.holding.Store(false)
		s.gen.Add(1)
		for _, rp := range s.list {
			rp.wake()
		}
		s.silentBurst()
	}
	s.speculate()
}

// silentBurst: a port whose holding ended silent (NULL waited its full
// time, and no connection got a byte or was closed or turned away)
// sends the probes it has left all at once, as a port that earned its
// connections does (PortBurstConns): each now waits only its fitted
// wait, and eight at a time a silent port's last 18 probes took three
// of them (4.2 s over the 50 ms WAN rig) before its verdict. A server
// that limits its clients shows it by closing or refusing the ones over
// its limit, and such a port gets none of this (forfeit, noEarn).
func (s *speculative) silentBurst() {
	if s.w.t.Proto != probes.TCP || s.first == nil || !s.first.p.IsNull() {
		return
	}
	s.first.mu.Lock()
	silent := s.first.done && s.first.end == endTimeout && len(s.first.buf) == 0
	s.first.mu.Unlock()
	s.mu.Lock()
	troubled := s.fallback != ""
	s.mu.Unlock()
	if !silent || troubled || s.gotByte.Load() { // gotByte: the holding ended on an answer
		return
	}
	s.portMu.Lock()
	defer s.portMu.Unlock()
	if s.noEarn || s.earned >= PortBurstConns-PortConns {
		return
	}
	s.earned = PortBurstConns - PortConns
	s.portCap = PortConns + s.earned
	close(s.portChanged)
	s.portChanged = make(chan struct{})
}

// answered reports whether the port no longer holds: a reply hard-matched
// a probe the walk will still send, or the first probe waited its full
// time without a byte and no connection received one.
func (s *speculative) answered() (ok bool, at int) {
	silent := false
	if f := s.first; f != nil {
		f.mu.Lock()
		silent = f.done && f.end == endTimeout && len(f.buf) == 0
		f.mu.Unlock()
	}
	for _, rp := range s.list {
		if s.endsWalk(rp) {
			return true, rp.seq
		}
	}
	return silent && !s.gotByte.Load(), -1
}

// endsWalk reports whether rp's reply hard-matched a probe the walk
// will still send, or is reading now: the walk ends there (or restarts
// at NULL inside TLS).
func (s *speculative) endsWalk(rp *specReply) bool {
	rp.mu.Lock()
	hard := rp.hard && !rp.passed
	rp.mu.Unlock()
	return hard && s.w.sess.Why(rp.p) == ""
}

// speculate launches the probes the walk would send next, as things stand,
// while fewer than fastWindow are in flight (waiting within their fitted
// waits); replies held past them do not count.
func (s *speculative) speculate() {
	now := s.w.c.now()
	if !s.allowed {
		f := s.first
		if f == nil {
			return
		}
		f.mu.Lock()
		switch {
		case !f.p.IsNull():
			s.allowed = true
		case f.done:
			s.allowed = !f.hard
		case len(f.buf) == 0:
			end := f.graceEnd()
			s.allowed = !end.IsZero() && !now.Before(end)
		default:
			s.allowed = !now.Before(f.last.Add(f.idle))
		}
		f.mu.Unlock()
		if !s.allowed {
			return
		}
	}
	inflight := 0
	for _, rp := range s.list {
		if _, ok := rp.fitted(now); ok {
			inflight++
		}
		if s.endsWalk(rp) {
			// The walk ends at rp, or before it: probes are launched
			// in the walk's order, so every probe before it is out,
			// and none after it is sent. An HTTP server, silent to
			// NULL, answered GetRequest at once while the NULL probe
			// waited its fitted second, and 20 more probes went out
			// for nothing, each a connection the server served. This
			// looks at every launched reply, the one the walk has
			// taken too (the walk's order no longer holds it): under
			// load, the probes before GetRequest ended their waits as
			// the walk took it, and their window went to probes after
			// it.
			return
		}
	}
	ahead := s.w.order
	for inflight < s.window() {
		q := ahead.next()
		if q == nil {
			break
		}
		if s.launched[q] == nil {
			s.launch(q)
			inflight++
		}
	}
}

// forfeit: a connection of the port closed or was reset without a byte.
// Servers that limit their clients (per address, or in all) close the
// ones over the limit so, and a probe over it would lose the reply
// nmap's walk gets: the port goes back to PortConns and earns no more.
func (s *speculative) forfeit() {
	s.portMu.Lock()
	defer s.portMu.Unlock()
	if s.earned > 0 {
		s.portCap = min(s.portCap, PortConns)
	}
	s.earned, s.noEarn = 0, true
}

// window is how many probes may be in flight ahead of the walk: on TCP,
// fastWindow and what the port earned (see earn).
func (s *speculative) window() int {
	if s.w.t.Proto == probes.UDP {
		return UDPWindow
	}
	s.portMu.Lock()
	defer s.portMu.Unlock()
	return fastWindow + s.earned
}

// earn: a reply's first byte came promptly (promptReply) while the port holds and has
// shown no sign of serving few clients at once (no fallback reason yet):
// one more connection may be open to the port, and one more probe in
// flight, up to PortBurstConns. A port that answers every probe promptly
// with data no line matches gets all its probes out within a few round
// trips and is done in about one of nmap's waits; a silent port, or one
// whose replies are held back, earns nothing.
func (s *speculative) earn() {
	if !s.holding.Load() {
		return
	}
	s.mu.Lock()
	troubled := s.fallback != ""
	s.mu.Unlock()
	if troubled {
		return
	}
	s.portMu.Lock()
	if !s.noEarn && s.earned < PortBurstConns-PortConns && s.portCap >= PortConns+s.earned {
		s.earned = min(s.earned+earnStep, PortBurstConns-PortConns)
		s.portCap = PortConns + s.earned
		close(s.portChanged)
		s.portChanged = make(chan struct{})
	}
	s.portMu.Unlock()
}

// nextWake is when the walk should look again without any event: the end
// of nullGrace, or the earliest fitted wait of a reply in flight.
func (s *speculative) nextWake() time.Time {
	now := s.w.c.now()
	var t time.Time
	earlier := func(u time.Time) {
		if !u.IsZero() && (t.IsZero() || u.Before(t)) {
			t = u
		}
	}
	if !s.allowed && s.first != nil {
		f := s.first
		f.mu.Lock()
		if len(f.buf) == 0 {
			earlier(f.graceEnd())
		} else {
			earlier(f.last.Add(f.idle))
		}
		f.mu.Unlock()
	}
	for _, rp := range s.list {
		if d, ok := rp.fitted(now); ok {
			earlier(d)
		}
	}
	return t
}

func (s *speculative) late() []byte {
	f := s.first
	if f == nil || f.lateDone == nil {
		return nil
	}
	select {
	case <-f.lateDone:
	case <-s.ctx.Done():
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.late
}

// specReply is one probe's reply as its collector reads it.
type specReply struct {
	s          *speculative
	p          *probes.Probe
	seq        int // its place in the walk: its index in list
	launchedAt time.Time
	first      time.Duration // fitted waits
	idle       time.Duration

	mu       sync.Mutex
	conn     net.Conn
	began    time.Time     // connected (TCP) or sent (UDP)
	connect  time.Duration // how long the connect took (TCP)
	last     time.Time     // last byte
	buf      []byte
	cuts     []int // len(buf) after each read
	end      readEnd
	dialErr  error
	ended    time.Time
	done     bool
	hard     bool          // the reply hard-matched its probe's chain
	late     []byte        // NULL: bytes after its full wait (late listen)
	lateDone chan struct{} // closed when the late listen ends

	suspect bool // a reply nmap's walk would not get (see stalled)
	retried bool // sent again after a close without a byte (see forfeit)
	// firstEnd and firstBegan are the first try's, for a retry that
	// is not sent after all (retryMoot).
	firstEnd               readEnd
	firstBegan, firstEnded time.Time
	others                 int       // TCP: the port's other connections open when it connected
	again                  bool      // NULL: asked again once after a close while alone (see attempt)
	turned                 bool      // NULL: closed without a byte at a try, and asked again
	sent                   time.Time // UDP: when the datagram's write returned

	// UDP: closed once the probe launched before this one was written
	// (or never will be), and once this one was (see awaitTurn)
	udpPrev, udpTurn chan struct{}
	turnOnce         sync.Once

	// the walk's side
	read   int // cuts handed to the walk
	passed bool
}

// graceEnd is when the NULL probe's time alone ends: nullGrace after its
// connection is up plus the connect's own time (zero while connecting; the
// collector signals when it connects). rp.mu is held.
func (rp *specReply) graceEnd() time.Time {
	if rp.began.IsZero() {
		return time.Time{}
	}
	return rp.began.Add(nullGrace + rp.connect)
}

// fitted returns the reply's fitted deadline and whether it is in flight:
// not done, and not yet past that deadline.
func (rp *specReply) fitted(now time.Time) (time.Time, bool) {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	if rp.done {
		return time.Time{}, false
	}
	if rp.began.IsZero() {
		return time.Time{}, true // connecting
	}
	d := rp.began.Add(max(rp.first, rp.s.slowWait(rp.p)))
	if len(rp.buf) > 0 {
		d = rp.last.Add(rp.idle)
	}
	return d, now.Before(d)
}

// wake interrupts the collector's read so that it looks at its deadline
// again.
func (rp *specReply) wake() {
	rp.mu.Lock()
	c := rp.conn
	done := rp.done
	rp.mu.Unlock()
	if c != nil && !done {
		c.SetReadDeadline(time.Now())
	}
}

func (rp *specReply) carried() []byte { return nil }
func (rp *specReply) err() error      { return rp.dialErr }

func (rp *specReply) elapsed() time.Duration {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	if rp.began.IsZero() || rp.ended.IsZero() {
		return 0
	}
	return rp.ended.Sub(rp.began)
}

func (rp *specReply) release(bool, []byte) { rp.passed = true }

// next hands the walk the reply's reads as they arrive, and its end.
func (rp *specReply) next() ([]byte, readEnd) {
	s := rp.s
	for {
		if s.stalled(rp) {
			return nil, endFallback
		}
		rp.mu.Lock()
		if rp.read < len(rp.cuts) {
			lo := 0
			if rp.read > 0 {
				lo = rp.cuts[rp.read-1]
			}
			data := rp.buf[lo:rp.cuts[rp.read]]
			rp.read++
			rp.mu.Unlock()
			return data, more
		}
		if rp.done {
			end := rp.end
			rp.mu.Unlock()
			return nil, end
		}
		rp.mu.Unlock()
		s.review()
		var timer <-chan time.Time
		var tm *time.Timer
		if t := s.nextWake(); !t.IsZero() {
			tm = time.NewTimer(max(t.Sub(s.w.c.now()), time.Millisecond))
			timer = tm.C
		}
		cut := false
		select {
		case <-s.events:
		case <-timer:
		case <-s.w.ctx.Done():
			cut = true
		}
		if tm != nil {
			tm.Stop()
		}
		if cut {
			return nil, endCut
		}
	}
}

func (rp *specReply) finish(end readEnd, err error) {
	rp.mu.Lock()
	rp.end, rp.dialErr = end, err
	rp.ended = rp.s.w.c.now()
	rp.done = true
	rp.mu.Unlock()
	rp.s.signal()
}

// collect sends probe p on its own connection and reads its reply (see
// speculative for the waits). est is the round trip known at launch.
// UDPGap spaces the speculative UDP probes of a port: datagrams that
// arrive at once are lost by some servers (xinetd's internal time
// service answered 10 of 19 sent together, all 19 sent 0.5 ms apart and
// 40 of 40 sent 2 ms apart), where nmap's walk, one probe after the
// other, loses none.
const UDPGap = 2 * time.Millisecond

// udpSlot waits for this port's next UDP send slot; false when the pass
// ends first.
func (s *speculative) udpSlot() bool {
	s.mu.Lock()
	now := time.Now()
	at := s.nextUDP
	if at.Before(now) {
		at = now
	}
	s.nextUDP = at.Add(UDPGap)
	s.mu.Unlock()
	if d := at.Sub(now); d > 0 {
		tm := time.NewTimer(d)
		defer tm.Stop()
		select {
		case <-tm.C:
		case <-s.ctx.Done():
			return false
		}
	}
	return true
}

// awaitTurn waits until the UDP probe launched before rp was written, or
// will never be: a port's UDP probes leave in the walk's order. Their
// goroutines run in any order on a loaded machine; out of order, a server
// that answers one datagram of several (xinetd's) answers another probe
// than the one nmap's walk sends first, and udpSuspects' spans, each from
// a probe's slot to its write, overlap where the datagrams did not. False
// when the pass ends first.
func (rp *specReply) awaitTurn(ctx context.Context) bool {
	if rp.udpPrev == nil {
		return true
	}
	select {
	case <-rp.udpPrev:
		return true
	case <-ctx.Done():
		return false
	}
}

// passTurn lets the next UDP probe of the port go (see awaitTurn).
func (rp *specReply) passTurn() {
	rp.turnOnce.Do(func() { close(rp.udpTurn) })
}

// write sends a probe's payload. UDP writes of a port are serialised and
// kept UDPGap apart from the previous write's return: a send slot taken by
// udpSlot alone can be missed by a goroutine scheduled late, which would
// put two datagrams back to back.
func (s *speculative) write(conn net.Conn, proto probes.Protocol, payload []byte) error {
	if proto != probes.UDP {
		_, err := conn.Write(payload)
		return err
	}
	s.udpMu.Lock()
	defer s.udpMu.Unlock()
	if d := UDPGap - time.Since(s.lastUDP); d > 0 {
		time.Sleep(d)
	}
	_, err := conn.Write(payload)
	s.lastUDP = time.Now()
	return err
}

func (s *speculative) collect(rp *specReply, est time.Duration) {
	defer s.wg.Done()
	for s.attempt(rp, est) {
		// Sent again: attempt waits for the port (portAcquire, settle).
	}
}

// attempt sends the probe on a new connection and reads its reply; it
// returns true when the port turned the connection away only because of
// the others open to it (see portTrouble): the probe is sent again once
// fewer are open.
func (s *speculative) attempt(rp *specReply, est time.Duration) (again bool) {
	c, t, p := s.w.c, s.w.t, rp.p
	if t.Proto == probes.UDP {
		// Before taking a connection of the port's cap: the probes before
		// this one may be waiting for one.
		defer rp.passTurn()
		if !rp.awaitTurn(s.ctx) {
			rp.finish(endCut, nil)
			return false
		}
	}
	if rp.retried && s.retryMoot() {
		rp.unretry()
		return false
	}
	open, limited, err := s.portAcquire(rp.seq)
	if err != nil {
		rp.finish(endCut, nil)
		return false
	}
	if rp.retried && !s.settle(rp) {
		s.portRelease()
		rp.finish(endCut, nil)
		return false
	}
	if rp.retried && s.retryMoot() {
		s.portRelease()
		rp.unretry()
		return false
	}
	over := open > PortConns // a connection the port earned (see earn)
	// The port's first connection (NULL's, for TCP) goes before other
	// ports' speculative ones: its wait bounds the port's walk.
	conn, t0, err := c.dial(s.ctx, t, dialOpts{ssl: s.ssl, sessions: s.w.sessions, urgent: rp.seq == 0 || p.IsNull()})
	if err != nil {
		others := s.portRelease()
		switch {
		case s.ctx.Err() != nil:
			rp.finish(endCut, nil)
		case others == 0 && p.IsNull() && t.Proto == probes.TCP && !s.ssl && !congested(err) && s.askAgain(rp, nullDialFailed(err)):
			// The port scan found it open moments ago: a server that
			// restarts its listener after a client leaves (iperf3) is
			// asked again, as nmap's service scan comes seconds later;
			// so is one whose connect failed otherwise (reset, an
			// unreachable burst of a path under load): a NULL probe
			// that never connected reads tcpwrapped (S9's catch-all).
			// A connect timeout already waited nmap's 5 s.
			return true
		case others > 0 && t.Proto == probes.TCP && !s.ssl && congested(err):
			// A connect unanswered while others are open: a full listen
			// queue drops SYNs. (A refusal is the port's own answer: Linux
			// does not reset a SYN for a full queue.)
			s.portTrouble(rp, others)
			return true
		default:
			if p.IsNull() {
				s.w.trace("Service scan: %s: probe NULL's connect failed: %v", t.addr(), err)
			}
			rp.finish(endDial, err)
		}
		return false
	}
	defer s.portRelease()
	defer conn.Close()
	if t.Proto == probes.UDP && !s.udpSlot() {
		rp.finish(endCut, nil)
		return
	}
	began := c.now()
	if t.Proto == probes.TCP {
		connect := began.Sub(t0)
		s.mu.Lock()
		if s.rtt == 0 || connect < s.rtt {
			s.rtt = connect
		}
		s.mu.Unlock()
		if est == 0 || connect < est {
			rp.mu.Lock()
			rp.first, rp.idle = c.waits(p, connect)
			rp.mu.Unlock()
		}
	}
	others := s.portOthers()
	rp.mu.Lock()
	rp.conn, rp.began = conn, began
	if t.Proto == probes.TCP {
		rp.connect = began.Sub(t0)
		rp.others = others
	}
	first, idle := rp.first, rp.idle
	rp.mu.Unlock()
	s.signal() // its fitted wait is known now
	stop := context.AfterFunc(s.ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	if len(p.Payload) > 0 || t.Proto == probes.UDP {
		conn.SetWriteDeadline(began.Add(ConnectTimeout))
		if err := s.write(conn, t.Proto, p.Payload); err != nil && !errors.Is(err, syscall.ECONNREFUSED) {
			rp.finish(endWrite, nil)
			return false
		}
		if t.Proto == probes.UDP {
			rp.sentUDP()
			rp.passTurn()
		}
	}
	full := began.Add(p.TotalWait)
	chunk := make([]byte, ReadCap)
	var last time.Time
	size := 0
	end := more
	for end == more {
		g := s.gen.Load()
		fitted := began.Add(max(first, s.slowWait(p)))
		if size > 0 {
			fitted = last.Add(idle)
		}
		// Holding keeps a reply to nmap's full wait, data or not: an IRC
		// server's greeting comes in pieces seconds apart (ngircd waits
		// for its ident and DNS look-ups), and its last piece matches.
		deadline := full
		if !s.holding.Load() && fitted.Before(full) && !(size > 0 && int64(rp.seq) < s.answeredAt.Load()) {
			deadline = fitted
		}
		if !c.now().Before(deadline) {
			end = endTimeout
			break
		}
		conn.SetReadDeadline(deadline)
		if s.gen.Load() != g {
			continue // the holding changed meanwhile: look again
		}
		if s.ctx.Err() != nil { // after the deadline is set: see seqReply.next
			end = endCut
			break
		}
		n, err := conn.Read(chunk)
		if n > 0 {
			last = c.now()
			if size == 0 {
				s.gotByte.Store(true)
				s.firstEvent(rp, began, last)
			}
			if size == 0 && t.Proto == probes.UDP {
				s.mu.Lock()
				s.udpLag = max(s.udpLag, last.Sub(began))
				if s.udpFast == 0 || last.Sub(began) < s.udpFast {
					s.udpFast = last.Sub(began)
				}
				s.mu.Unlock()
			}
			size += n
			rp.mu.Lock()
			rp.buf = append(rp.buf, chunk[:n]...)
			rp.cuts = append(rp.cuts, len(rp.buf))
			rp.last = last
			h := c.Matcher.Match(p, rp.buf)
			rp.hard = h != nil && !h.Line.Soft
			hard := rp.hard
			rp.mu.Unlock()
			s.signal()
			if hard || size >= ReadCap {
				end = endTimeout // the walk ends the reply itself
				break
			}
		}
		if err == nil {
			continue
		}
		if e := classify(s.ctx, err); e != endTimeout {
			end = e
		}
		// A timeout is either the deadline or a wake: the loop decides.
	}
	if now := c.now(); size == 0 && (end == endEOF || end == endReset) && !s.heldBackEvent(began, now) {
		s.noteSlow(rp, now.Sub(began))
	}
	if took := c.now().Sub(began); size == 0 && (end == endEOF || end == endReset) && p.IsNull() && t.Proto == probes.TCP && !s.ssl && (took < p.TCPWrapped || s.troubled()) {
		// The NULL connection closed without a byte, which says
		// tcpwrapped, while other connections were open to the port:
		// a server short of connections (unbound closes idle ones when
		// busy) may have closed it for them. Ask again with fewer open.
		// So is one closed late, past tcpwrappedms, on a port that
		// turned connections away: a connect that came while the
		// server's accept queue was full is taken at the SYN-ACK's
		// retransmission, 1 s or 3 s later, though the client saw it
		// connected (distccd over the 1% loss rig closed the NULL
		// probe's third try 3.09 s after its connect; nmap, alone,
		// reads tcpwrapped).
		rp.mu.Lock()
		rp.turned = true
		rp.mu.Unlock()
		if others := s.portOthers(); others > 0 {
			s.portTrouble(rp, others)
			return true
		}
		// Alone, it is asked once more after a pause before it reads
		// tcpwrapped: a server that takes one pending client per address
		// (transmission's peer port) closes a connection that comes
		// while the port scan's is still pending with it; nmap's service
		// scan comes seconds after its port scan.
		if s.askAgain(rp, fmt.Sprintf("closed probe NULL without a byte after %v", took.Round(time.Millisecond))) {
			return true
		}
	}
	if size == 0 && (end == endEOF || end == endReset) && t.Proto == probes.TCP && !s.ssl {
		// Closed without a byte: a server that limits its clients closes
		// the ones over its limit so. The port earns no more, and a
		// probe whose connection it had earned is sent again, once,
		// within PortConns (see settle), where it would have gone
		// before; so is one closed at once (a limit's close comes at
		// the accept, not after a server's own timeout: rabbitmq's
		// Erlang port closes junk after seconds) that came after such a
		// close (the server may not yet have seen the close that made
		// room for it) or while more than PortConns were open (the
		// connects of a burst reach the server in another order than
		// their slots were taken).
		crowded := s.portOthers()+1 > PortConns
		quick := c.now().Sub(began) < SerialMinWait+4*s.roundTrip()
		s.forfeit()
		if (over || quick && (limited || crowded)) && !rp.retried {
			rp.mu.Lock()
			rp.retried = true
			rp.firstEnd, rp.firstBegan, rp.firstEnded = end, rp.began, c.now()
			rp.conn, rp.began = nil, time.Time{}
			rp.mu.Unlock()
			s.retries.Add(1)
			s.w.trace("Service scan: %s closed probe %s without a byte with %d connections open: again within %d", t.addr(), p.Name, open, PortConns)
			return true
		}
	}
	silentFull := end == endTimeout && size == 0 && !c.now().Before(full)
	late := silentFull && p.IsNull() && !s.ssl && t.Proto == probes.TCP && c.lateListen(p) > 0
	if late {
		rp.mu.Lock()
		rp.lateDone = make(chan struct{})
		rp.mu.Unlock()
	}
	rp.finish(end, nil)
	if late {
		s.listenLate(rp, conn, full.Add(c.lateListen(p)), idle)
	}
	if end == endTimeout && size == 0 && !p.IsNull() && t.Proto == probes.TCP && !s.ssl {
		s.halfClose(conn)
	}
	return false
}

// HalfCloseWait (plus two round trips) is how long a silent probe's
// connection, half-closed, waits for the server's close (see halfClose).
const HalfCloseWait = 100 * time.Millisecond

// halfClose: a probe's connection silent through its wait, on a port
// that has given no byte, while its NULL connection is still open, has
// its client half closed, and the server's close is awaited for two
// round trips and HalfCloseWait. A server that closes it then had taken
// this connection while it held another one: it serves clients at once
// (together), and a port silent to every probe is not walked again one
// connection at a time for fear of a server of one client held by the
// NULL connection (walk.tcpRecheck); its silence is its own. Such a
// server never took this connection, and it stays silent.
func (s *speculative) halfClose(conn net.Conn) {
	cw, ok := conn.(interface{ CloseWrite() error })
	if !ok || s.together.Load() || !s.nullOpen() || s.gotByte.Load() || cw.CloseWrite() != nil {
		return
	}
	conn.SetReadDeadline(s.w.c.now().Add(2*s.roundTrip() + HalfCloseWait))
	n, err := conn.Read(make([]byte, 1))
	// A close, not a reset: a server of one client resets the
	// connections queued behind it when it restarts its listener
	// (iperf3), which says nothing of serving clients at once.
	closed := n == 0 && errors.Is(err, io.EOF)
	if closed && s.nullOpen() && s.together.CompareAndSwap(false, true) {
		s.w.trace("Service scan: %s closed a silent probe's connection when its client half closed, with the NULL connection open: it serves clients at once", s.w.t.addr())
	}
}

// SentinelLead (plus four round trips) is how long before the end of the
// NULL probe's wait a port that has given no byte on any connection,
// and has not shown that it serves clients at once, gets its sentinel
// connection (see sentinel): the probes' own connections, ended by
// then when they came early, show it first, and servers see the
// sentinel only in a case that needs it.
const SentinelLead = 700 * time.Millisecond

// sentinel: a port silent on every connection SentinelLead and four round
// trips before its NULL probe's wait ends, that connection still open,
// and not shown to serve clients at once, gets one more
// connection without a request, which after two round trips and
// HalfCloseWait still open has its client half closed; a server that
// closes it then (within as long again, the NULL connection open
// still) took it while it held the NULL one: it serves clients at once
// (together), as halfClose tells from a silent probe's connection. The
// probes' own connections may all end with the NULL one: over the rig,
// a port's first probes queued 3 s behind the scan's first burst for a
// slot of the host's window, their waits cut when NULL's ended, and
// shadowsocks, silent to every probe, was walked again one connection
// at a time (14.7 s). A close before the half-close says nothing
// (transmission closes every connection that comes while another is
// pending).
func (s *speculative) sentinel(null *specReply) {
	defer s.wg.Done()
	state := func() (time.Time, bool) {
		null.mu.Lock()
		defer null.mu.Unlock()
		return null.began, null.done
	}
	began, done := state()
	for began.IsZero() && !done {
		if !sleep(s.ctx, 50*time.Millisecond) {
			return
		}
		began, done = state()
	}
	at := began.Add(null.p.TotalWait - SentinelLead - 4*s.roundTrip())
	if done || !sleep(s.ctx, time.Until(at)) {
		return
	}
	if s.gotByte.Load() || s.together.Load() || !s.nullOpen() {
		return
	}
	conn, _, err := s.w.c.dial(s.ctx, s.w.t, dialOpts{urgent: true, serial: true})
	if err != nil {
		return
	}
	defer conn.Close()
	stop := context.AfterFunc(s.ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	quiet := 2*s.roundTrip() + HalfCloseWait
	conn.SetReadDeadline(s.w.c.now().Add(quiet))
	if n, err := conn.Read(make([]byte, 1)); n > 0 || !errors.Is(err, os.ErrDeadlineExceeded) || s.ctx.Err() != nil {
		return // a byte, or closed at once: not this test's
	}
	s.halfClose(conn)
}

// nullOpen reports whether the pass's first probe is NULL's and its
// reply has not ended.
func (s *speculative) nullOpen() bool {
	f := s.first
	if f == nil || !f.p.IsNull() {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return !f.done && !f.began.IsZero()
}

// MootRetries is how many probes of a port must have been closed
// without a byte and set to be sent again (see attempt) before the
// retries still to go are left out once the port's holding has ended
// with no byte on any of its connections (retryMoot).
const MootRetries = 3

// retryMoot reports whether a probe closed without a byte is better left
// so than sent again: the port's holding has ended (its NULL probe
// waited its whole time), no connection of it got a byte, and at least
// MootRetries probes were closed so. Such a port turns connections away
// without a byte for the others' sake (transmission's peer port,
// freeciv's four clients) or closes junk so as its own answer; the
// walk's end asks the first of those probes alone to tell which
// (walk.tcpRecheck), and then walks every probe again one connection at
// a time, or keeps the closes as the answers they are. A retry sent
// meanwhile, after the port's connections settle (settle), is closed
// again or held silent as the others were: over the 50 ms WAN rig
// freeciv's retries went on for 6.5 s past its NULL probe's end.
func (s *speculative) retryMoot() bool {
	if s.holding.Load() || s.retries.Load() < MootRetries {
		return false
	}
	return !s.gotByte.Load()
}

// unretry ends a probe set to be sent again with its first try's close
// (retryMoot).
func (rp *specReply) unretry() {
	rp.mu.Lock()
	rp.began, rp.ended = rp.firstBegan, rp.firstEnded
	rp.end, rp.done = rp.firstEnd, true
	rp.mu.Unlock()
	rp.s.signal()
}

// settle keeps a probe sent again after a close without a byte (see
// attempt), its slot of the port taken, from connecting until no
// connection of the port has ended for SerialMinWait (plus 4 RTT), its
// own close included. A server that limits its clients counts a
// connection until it has seen its close, and a port's held replies end
// together, at the end of nmap's wait: the probe, waiting for a slot
// they free, connected microseconds after their closes, before the
// server had counted them out, and was closed again (GetRequest's reply
// was lost so in about one run of TestJunkAnswersClientLimit in ten).
// Its slot taken, the probes launched meanwhile keep the port within
// PortConns with it. A port whose connections keep ending holds it no
// longer than the probe's first-byte wait. False when the pass ends
// first.
func (s *speculative) settle(rp *specReply) bool {
	rp.mu.Lock()
	until := time.Now().Add(rp.first)
	rp.mu.Unlock()
	quiet := SerialMinWait + 4*s.roundTrip()
	for {
		s.portMu.Lock()
		d := time.Until(s.lastEnd.Add(quiet))
		s.portMu.Unlock()
		d = min(d, time.Until(until))
		if d <= 0 {
			return true
		}
		if !s.pause(d) {
			return false
		}
	}
}

// nullDialFailed says how NULL's connect failed, for askAgain's trace.
func nullDialFailed(err error) string {
	if errors.Is(err, syscall.ECONNREFUSED) {
		return "refused probe NULL's connect"
	}
	return fmt.Sprintf("failed probe NULL's connect (%v)", err)
}

// WrappedRecheck is how long after a NULL connection closed without a
// byte (or refused) while alone the probe is asked again, once, before
// the port reads tcpwrapped: transmission's peer port keeps a closed
// client pending for a few hundred milliseconds, and closes at once
// every other connection of the address meanwhile.
const WrappedRecheck = time.Second

// askAgain pauses WrappedRecheck and reports whether the NULL probe rp is
// to be sent again: the first time only.
func (s *speculative) askAgain(rp *specReply, what string) bool {
	rp.mu.Lock()
	again := !rp.again
	rp.again = true
	rp.mu.Unlock()
	if !again {
		return false
	}
	s.w.trace("Service scan: %s %s while alone; asking again in %v before it reads tcpwrapped", s.w.t.addr(), what, WrappedRecheck)
	// Not connected meanwhile: no other probe is sent (nullGrace).
	rp.mu.Lock()
	rp.conn, rp.began = nil, time.Time{}
	rp.mu.Unlock()
	return s.pause(WrappedRecheck)
}

// pause waits d; false when the pass ends first.
func (s *speculative) pause(d time.Duration) bool { return sleep(s.ctx, d) }

// sleep waits d; false when ctx ends first.
func sleep(ctx context.Context, d time.Duration) bool {
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-tm.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// alike returns, in launch order, the replies (not NULL's) that ended
// with the server's close while other connections were open to the
// port, alike: the same first line (nothing at all included), from
// probes of more than one payload; of several such groups, the largest. A server that turns connections
// away over a limit per client address (ngircd's error line) or while
// another client is pending (transmission closes at once) answers every
// probe alike; so do servers that answer whatever they cannot parse with
// one error, and the walk asks the first of them again alone to tell
// (walk.tcpRecheck).
func (s *speculative) alike() []*specReply {
	type closed struct {
		rp  *specReply
		buf []byte
	}
	var cs []closed
	for _, rp := range s.list {
		rp.mu.Lock()
		ok := rp.done && !rp.p.IsNull() && (rp.end == endEOF || rp.end == endReset) && rp.others > 0 && !rp.began.IsZero()
		buf := rp.buf
		rp.mu.Unlock()
		if ok {
			cs = append(cs, closed{rp, buf})
		}
	}
	// The largest group of one first line, the earliest of groups as
	// large: a server over its limit per address turns away most of
	// the walk alike, and may have answered a few probes before that
	// alike too (ngircd's error to both GET probes).
	var out []*specReply
	for i, a := range cs {
		var group []*specReply
		mixed := false
		for _, b := range cs[i:] {
			if bytes.Equal(firstLine(a.buf), firstLine(b.buf)) {
				group = append(group, b.rp)
				mixed = mixed || !bytes.Equal(a.rp.p.Payload, b.rp.p.Payload)
			}
		}
		if mixed && len(group) > len(out) {
			out = group
		}
	}
	return out
}

// crowded reports whether a probe's connection (not NULL's) was opened
// while others were open to the port.
func (s *speculative) crowded() bool {
	for _, rp := range s.list {
		rp.mu.Lock()
		ok := !rp.p.IsNull() && rp.others > 0 && !rp.began.IsZero()
		rp.mu.Unlock()
		if ok {
			return true
		}
	}
	return false
}

// starved returns the first and the last reply (not NULL's; one when
// they are the same), in launch order, that waited their whole time
// without a byte while other connections were open to the port, and
// were launched before a reply that got data: a server that serves few
// clients at once and queues the rest (spamd's children take a queued
// client 120-500 ms after one leaves) answers the late probes and
// starves the early ones, too slowly after a close for the held-back
// sign. The walk asks them again alone (walk.tcpRecheck): the first is
// the walk's next probe after NULL as often as not (spamd answers
// GenericLines alone), the last the one nearest the replies; spamd is
// silent alone to X11Probe, the last, whose request it waits to see
// end.
func (s *speculative) starved() []*specReply {
	var first, last *specReply
	for _, rp := range s.list {
		rp.mu.Lock()
		silent := rp.done && !rp.p.IsNull() && rp.end == endTimeout && len(rp.buf) == 0 && rp.others > 0 && !rp.began.IsZero()
		got := len(rp.buf) > 0
		rp.mu.Unlock()
		if got && last != nil {
			if first == last {
				return []*specReply{first}
			}
			return []*specReply{first, last}
		}
		if silent {
			last = rp
			if first == nil {
				first = rp
			}
		}
	}
	return nil
}

// portAcquire waits until fewer than the port's cap of connections are
// open and no probe before seq in the walk waits for one, counts one
// more and returns how many are open with it, and whether a connection
// of the port has closed without a byte (forfeit). The walk reads the
// replies in its order: under a cap lowered to one (portTrouble), the
// probe it waits for, sent again, went last behind the others' retries
// (a TCP wrapper slow to close, distccd over the WAN rig: 35.9 s).
func (s *speculative) portAcquire(seq int) (n int, limited bool, err error) {
	s.portMu.Lock()
	s.portWait[seq] = true
	for s.portOpen >= s.portCap || s.earlierWaits(seq) {
		ch := s.portChanged
		s.portMu.Unlock()
		select {
		case <-ch:
		case <-s.ctx.Done():
			s.portMu.Lock()
			delete(s.portWait, seq)
			s.portMu.Unlock()
			return 0, false, s.ctx.Err()
		}
		s.portMu.Lock()
	}
	delete(s.portWait, seq)
	s.portOpen++
	n, limited = s.portOpen, s.noEarn
	if len(s.portWait) > 0 {
		// The next waiter may fit too.
		close(s.portChanged)
		s.portChanged = make(chan struct{})
	}
	s.portMu.Unlock()
	return n, limited, nil
}

// earlierWaits reports whether a probe before seq in the walk waits for
// a connection of the port (s.portMu held).
func (s *speculative) earlierWaits(seq int) bool {
	for q := range s.portWait {
		if q < seq {
			return true
		}
	}
	return false
}

// portRelease counts a connection closed (or a connect failed) and
// returns how many others are open.
func (s *speculative) portRelease() int {
	s.portMu.Lock()
	defer s.portMu.Unlock()
	s.portOpen--
	s.lastEnd = time.Now()
	close(s.portChanged)
	s.portChanged = make(chan struct{})
	return s.portOpen
}

// portOthers is how many connections besides the caller's are open.
func (s *speculative) portOthers() int {
	s.portMu.Lock()
	defer s.portMu.Unlock()
	return s.portOpen - 1
}

// portTrouble notes that the port turned a connection away (a connect
// unanswered, or the NULL connection closed without a byte)
// while others were open to it: a server that serves few clients at once
// (gkrellmd's listen queue, unbound's TCP slots) does that where nmap,
// one connection at a time, gets an answer. The port's cap drops to half
// of what was open, and the probe is sent again under it; at one open
// connection nothing is retried, so whatever the port does then is its
// answer.
func (s *speculative) portTrouble(rp *specReply, others int) {
	s.portMu.Lock()
	s.portCap = max(1, min(s.portCap, others/2))
	n := s.portCap
	s.portMu.Unlock()
	s.w.trace("Service scan: %s turned away probe %s with %d other connections open; at most %d from now on", s.w.t.addr(), rp.p.Name, others, n)
	s.mu.Lock()
	if s.fallback == "" {
		s.fallback = fmt.Sprintf("it turned away probe %s with %d other connections open", rp.p.Name, others)
	}
	s.mu.Unlock()
	s.signal()
	rp.mu.Lock()
	rp.conn, rp.began = nil, time.Time{}
	rp.mu.Unlock()
}

// listenLate keeps reading a silent NULL connection until until, or the
// quiet of idle after data, for the walk's late banner.
func (s *speculative) listenLate(rp *specReply, conn net.Conn, until time.Time, idle time.Duration) {
	defer close(rp.lateDone)
	c := s.w.c
	chunk := make([]byte, ReadCap)
	var got []byte
	deadline := until
	for len(got) < ReadCap {
		conn.SetReadDeadline(deadline)
		if s.ctx.Err() != nil {
			break
		}
		n, err := conn.Read(chunk)
		if n > 0 {
			got = append(got, chunk[:n]...)
			deadline = c.now().Add(idle)
		}
		if err != nil {
			break
		}
	}
	rp.mu.Lock()
	rp.late = got
	rp.mu.Unlock()
}

// The serial fallback. Some servers serve one client at a time, or a few:
// a connection held open for nmap's wait starves the others (kadmind
// stalls on GenericLines' "\r\n\r\n", read as the length of an RPC
// record, until that connection closes, and its small listen queue then
// drops connects; gkrellmd; uwsgi's one worker, amavisd's and spamd's few
// children). Their replies to parallel probes are not the replies nmap's
// walk, one connection at a time, gets. The speculative source watches
// for two signs: a connection turned away while others were open
// (portTrouble) and a reply held back until another connection of the
// port ended (firstEvent). The walk, meeting a held-back reply, or any
// reply of a port that has no answer yet once a sign was seen, starts
// again with the sequential source, nmap's walk (see walk.serialFallback).
const (
	// heldBack is how long a reply's first byte must have waited, and heldGap how soon after another connection of the
	// port ended it must come, to say the server held it back for that
	// connection (both plus a few round trips).
	heldBack = time.Second
	heldGap  = 5 * time.Millisecond
	// SerialMinWait (plus 4 RTT) is the least a probe of the serial
	// fallback waits; ten times the server's time in the port's quickest
	// first byte (less the round trip) plus two round trips when that is
	// longer (the slowest may have been held back), its fitted first-byte
	// wait at most.
	SerialMinWait = 250 * time.Millisecond
)

// noteSlow records how long rp's first event (its first byte, or a close
// without one) took after its connect, waited, as the port's slowest
// when it is (see slowWait). NULL's is left out (a banner comes at the
// accept, not after a request is read); the callers leave out the events
// held back for another connection's close (heldBackEvent), not the
// server's own time.
func (s *speculative) noteSlow(rp *specReply, waited time.Duration) {
	if rp.p.IsNull() {
		return
	}
	for {
		old := s.slowest.Load()
		if int64(waited) <= old || s.slowest.CompareAndSwap(old, int64(waited)) {
			return
		}
	}
}

// slowWait is the least first-byte wait of p on this port: twice the
// slowest first event seen on it (noteSlow), nmap's totalwaitms at most.
// A server slow to read a request (Samba's smbd forks a child for each
// client, which under load took 0.5-1.9 s to close or reset the probes it
// could not parse) is slow to answer the one it can too, past a wait
// fitted to the round trip; a server that closes every connection after
// some seconds ends each wait itself.
func (s *speculative) slowWait(p *probes.Probe) time.Duration {
	return min(2*time.Duration(s.slowest.Load()), p.TotalWait)
}

// heldBackEvent reports whether an event at at, on a connection up since
// began, came after heldBack or more just as another connection of the
// port ended: held back for it, not the server's own time.
func (s *speculative) heldBackEvent(began, at time.Time) bool {
	s.mu.Lock()
	rtt := s.rtt
	s.mu.Unlock()
	s.portMu.Lock()
	end := s.lastEnd
	s.portMu.Unlock()
	return at.Sub(began) >= heldBack+4*rtt && !end.IsZero() && end.After(began) && at.Sub(end) <= heldGap+2*rtt
}

// firstEvent looks at a reply's first byte, at at, on a connection up
// since began: one that waited and came right after another connection
// of the port ended was held back for it. (A close without a byte is not
// looked at: a server that closes every connection some seconds after
// its accept closes them all together.)
func (s *speculative) firstEvent(rp *specReply, began, at time.Time) {
	if s.w.t.Proto != probes.TCP {
		return
	}
	waited := at.Sub(began)
	if s.heldBackEvent(began, at) {
		s.suspect(rp, fmt.Sprintf("its reply to %s came %v after the connect, just as another connection closed", rp.p.Name, waited.Round(time.Millisecond)))
		return
	}
	s.noteSlow(rp, waited)
	s.mu.Lock()
	if s.quickest == 0 || waited < s.quickest {
		s.quickest = waited
	}
	s.mu.Unlock()
	// NULL's banner does not earn: it is sent at the accept, and says
	// nothing of whether the server serves another client meanwhile (a
	// server with one worker greets its first client and queues the
	// rest: TestStarvedEarlyProbes).
	if waited <= promptReply+4*s.roundTrip() && !rp.p.IsNull() {
		s.earn()
	}
}

// troubled reports whether the port turned a connection away or served
// few clients at once in this pass (see portTrouble, suspect).
func (s *speculative) troubled() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fallback != ""
}

// suspect marks a reply as one nmap's walk would not get, and the port
// as one to finish one connection at a time.
func (s *speculative) suspect(rp *specReply, why string) {
	rp.mu.Lock()
	rp.suspect = true
	rp.mu.Unlock()
	s.mu.Lock()
	first := s.fallback == ""
	if first {
		s.fallback = why
	}
	s.mu.Unlock()
	if first {
		s.w.trace("Service scan: %s serves few clients at once: %s", s.w.t.addr(), why)
	}
	s.signal()
}

// stalled reports whether the walk, about to read rp, should start again
// one connection at a time: rp is a suspect reply, or the port has no
// answer yet and some reply was suspect or some connection turned away
// (portTrouble). The NULL probe's reply is always read to
// its end: its connection was the first, alone for nullGrace, and a
// banner sent late (greet_pause) must be seen as nmap sees it.
func (s *speculative) stalled(rp *specReply) bool {
	if s.w.t.Proto != probes.TCP || rp.p.IsNull() {
		return false
	}
	rp.mu.Lock()
	sus := rp.suspect
	rp.mu.Unlock()
	if sus {
		return true
	}
	s.mu.Lock()
	fb := s.fallback != ""
	s.mu.Unlock()
	return fb && !s.hasAnswer()
}

// hasAnswer reports whether a reply hard-matched a probe the walk will
// still send.
func (s *speculative) hasAnswer() bool {
	for _, rp := range s.list {
		rp.mu.Lock()
		hard := rp.hard && !rp.suspect
		rp.mu.Unlock()
		if hard && !rp.passed && s.w.sess.Why(rp.p) == "" {
			return true
		}
	}
	return false
}

// nullReplay is the NULL probe's reply as the walk read it, for the
// serial fallback to hand it over again (nil: the pass did not begin
// with the NULL probe, or it has not ended, or it is to be asked again).
// A NULL connection closed without a byte at a try, and silent through
// its whole wait at the next, is asked again alone: a server of one
// client at a time got to it late, behind the burst's connections
// (distccd with one child, turning the scanner's address away, closed
// its every connection; nmap's NULL, alone, reads tcpwrapped).
func (s *speculative) nullReplay() *replay {
	f := s.first
	if f == nil || !f.p.IsNull() {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.done || f.turned && len(f.buf) == 0 && f.end == endTimeout {
		return nil
	}
	return f.replay()
}

// replay is the reply as the walk read it, read by read, for a source
// that hands it over again (rp.mu is held).
func (rp *specReply) replay() *replay {
	r := &replay{p: rp.p, end: rp.end, dial: rp.dialErr}
	lo := 0
	for _, c := range rp.cuts {
		r.reads = append(r.reads, append([]byte(nil), rp.buf[lo:c]...))
		lo = c
	}
	if !rp.began.IsZero() {
		r.took = rp.ended.Sub(rp.began)
	}
	return r
}

// served returns, for the serial fallback of a port that turned some
// probes away with one answer alike (walk.tcpRecheck), the replies of
// the other probes as the parallel walk read them: a server that limits
// its clients (znc closes the connections over its limit per address
// with one error line) served the connections under the limit as it
// serves one alone, and only the probes turned away (skip) need asking
// again one connection at a time. A reply counts as served when it
// carried data, or stayed silent through the probe's whole wait
// (nmap's, while the port held); a close without a byte, a reply cut
// or not ended, a suspect one and NULL's (handed over apart) do not.
func (s *speculative) served(skip map[*probes.Probe]bool) map[*probes.Probe]*replay {
	out := map[*probes.Probe]*replay{}
	for _, rp := range s.list {
		if rp.p.IsNull() || skip[rp.p] {
			continue
		}
		rp.mu.Lock()
		ok := rp.done && !rp.began.IsZero() && !rp.suspect
		switch {
		case !ok:
		case len(rp.buf) > 0:
			ok = rp.end == endEOF || rp.end == endReset || rp.end == endTimeout
		default:
			ok = rp.end == endTimeout && rp.ended.Sub(rp.began) >= rp.p.TotalWait
		}
		if ok {
			out[rp.p] = rp.replay()
		}
		rp.mu.Unlock()
	}
	return out
}

// shut returns the probes this pass got an end without a byte for: a
// close, a reset or a refusal. A probe the server answered, left silent
// through its whole wait, or never saw, is not among them.
func (s *speculative) shut() map[*probes.Probe]bool {
	out := map[*probes.Probe]bool{}
	for _, rp := range s.list {
		rp.mu.Lock()
		if rp.done && len(rp.buf) == 0 && rp.end != endTimeout && rp.end != endCut {
			out[rp.p] = true
		}
		rp.mu.Unlock()
	}
	return out
}

// roundTrip is the port's quickest connect.
func (s *speculative) roundTrip() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rtt
}

// serialWait is the most a probe of the serial fallback waits (see
// SerialMinWait).
func (s *speculative) serialWait() time.Duration {
	wait, _ := s.serialFit()
	return wait
}

// serialWait is the serial fallback's wait for a port whose quickest
// first byte, timed from the connect, took quickest. One round trip of
// it is the path's (the probe out, the reply back), the rest the
// server's own time, and only the server's time is scaled: over a path
// of 50 ms, ten times the whole would wait 500 ms for a server that
// answers in one.
func (c *Config) serialWait(rtt, quickest time.Duration) time.Duration {
	return c.serialWaitServer(rtt, max(quickest-rtt, 0))
}

// serialWaitServer is serialWait for a server whose own time in its
// quickest reply was server.
func (c *Config) serialWaitServer(rtt, server time.Duration) time.Duration {
	first, _ := c.waits(&probes.Probe{TotalWait: time.Hour}, rtt)
	return min(max(SerialMinWait+4*rtt, 10*server+2*rtt), first)
}

// serialFit is serialWait and the server's own time in the port's
// quickest reply of the parallel walk (0 when none came) it scales, read
// together.
func (s *speculative) serialFit() (wait, server time.Duration) {
	s.mu.Lock()
	rtt, quickest := s.rtt, s.quickest
	s.mu.Unlock()
	return s.w.c.serialWait(rtt, quickest), max(quickest-rtt, 0)
}
