package vscan

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"syscall"
	"time"

	"github.com/signetscan/signet/detect"
	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/result"
)

// The walk takes every decision of a service's detection — which probe is
// next (S4), matching after every read (X5), how a reply's end counts
// (S8), the SSL restart (S10), tcpwrapped (S9), the fingerprint (F1) and
// the detectors after the signatures — whatever the timing. A source
// sends the probes and hands their replies back read by read: sequential
// as nmap does, or speculative over parallel connections. Two sources,
// one set of decisions: the timings cannot drift apart.

// readEnd is how a read of a probe's reply ended; more means the reply
// goes on.
type readEnd int

const (
	more           readEnd = iota
	endTimeout             // the wait ran out
	endCap                 // the reply reached ReadCap (decided by the walk)
	endEOF                 // the peer closed
	endReset               // ECONNRESET, ECONNABORTED
	endRefused             // ECONNREFUSED (UDP: ICMP port unreachable)
	endError               // EPIPE, EIO, ...: next probe, nothing recorded
	endUnreachable         // EHOSTUNREACH, ENETUNREACH, EHOSTDOWN: give up
	endCut                 // the scan's context is done
	endDial                // the connect or TLS handshake failed
	endWrite               // the payload could not be written (S6)
	endMatch               // a hard match (decided by the walk)
	endFallback            // the reply is not nmap's: walk again one connection at a time
)

// String names the end in the trace.
func (e readEnd) String() string {
	switch e {
	case more:
		return "more to come"
	case endTimeout:
		return "silent through its wait"
	case endCap:
		return "read cap reached"
	case endEOF:
		return "closed"
	case endReset:
		return "reset"
	case endRefused:
		return "refused"
	case endError:
		return "failed"
	case endUnreachable:
		return "unreachable"
	case endCut:
		return "cut short"
	case endDial:
		return "connect failed"
	case endWrite:
		return "write failed"
	case endMatch:
		return "matched"
	case endFallback:
		return "walked again alone"
	}
	return fmt.Sprintf("end %d", int(e))
}

// classify maps a read error to its end (S8).
func classify(ctx context.Context, err error) readEnd {
	var ne net.Error
	switch {
	case ctx.Err() != nil:
		return endCut
	case errors.Is(err, os.ErrDeadlineExceeded):
		return endTimeout
	case errors.Is(err, io.EOF):
		return endEOF
	case errors.Is(err, syscall.ECONNREFUSED):
		return endRefused
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNABORTED):
		return endReset
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTDOWN):
		return endUnreachable
	case errors.As(err, &ne) && ne.Timeout():
		return endTimeout
	}
	return endError
}

// dialOutcome is the outcome of a walk ended by a failed connect.
func dialOutcome(ctx context.Context, err error) Outcome {
	var ne net.Error
	switch {
	case ctx.Err() != nil:
		return TimeLimit
	case errors.Is(err, syscall.ECONNREFUSED):
		return Refused
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNABORTED):
		return Reset
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTDOWN):
		return Unreachable
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return Timeout
	}
	return Failed
}

// A source sends the walk's probes and hands their replies back.
type source interface {
	// pass starts a walk of the probes, plain or inside TLS (S10),
	// closing whatever the previous pass left open.
	pass(ssl bool)
	// send sends p, the walk's next probe, and returns its reply.
	send(p *probes.Probe) reply
	// late returns what the NULL connection of a port silent to every
	// probe received after the NULL probe's wait (nil: nothing, or a
	// source that does not listen longer).
	late() []byte
	// endPass closes every connection of the pass.
	endPass()
	// detectorTimes are the reply wait and the connect timeout the
	// detectors get (0: nmap's).
	detectorTimes() (wait, connect time.Duration)
}

// A reply is one probe's reply, read by read.
type reply interface {
	// carried is what the connection held before this probe: the NULL
	// probe's banner when its connection is reused (S6). It is part of
	// the reply but is matched again only with new data.
	carried() []byte
	// next waits for the next read: data and more, or how the reply
	// ended (possibly with a last piece of data).
	next() ([]byte, readEnd)
	// elapsed is the time from the send to the end.
	elapsed() time.Duration
	// err is the connect error of an endDial.
	err() error
	// release ends the probe. reuse asks to keep the connection for the
	// next probe with buf as its carried reply (S6).
	release(reuse bool, buf []byte)
}

// walk is one service's detection.
type walk struct {
	c   *Config
	t   Target
	ctx context.Context // the scan's: once it is done the walk was cut
	src source

	sess     *matcher.Session
	order    walker
	ssl      bool
	wrapOK   bool // tcpwrap_possible (S9)
	replied  bool
	alerts   bool            // every reply so far was a TLS alert
	capped   bool            // a reply reached ReadCap
	quiet    Outcome         // how replies without a byte ended (quietEnd)
	outcome  Outcome         // why the walk ended
	mo       matcher.Outcome // nmap's verdict (serviceprobestate)
	replies  []fingerprint.Response
	fp       *fingerprint.Builder
	all      []fingerprint.Response // every reply, for Config.Record
	sessions *tls.Config

	others   []detect.PortName
	othersBy string
}

func newWalk(c *Config, t Target, ctx context.Context) *walk {
	w := &walk{c: c, t: t, ctx: ctx, sessions: c.tlsConfig()}
	if c.Timing == TimingFast {
		w.src = newSpeculative(w)
	} else {
		w.src = &sequential{w: w}
	}
	return w
}

func (w *walk) trace(format string, args ...any) {
	if w.c.Trace != nil {
		w.c.Trace(fmt.Sprintf(format, args...))
	}
}

// scan runs the signature walk, then the detectors.
func (w *walk) scan() *Result {
	defer w.src.endPass()
	w.wrapOK = true
	w.start(false)
	w.signatures()
	w.udpRewalk()
	w.tcpRecheck()
	// The walk's connections close before the detectors run, as nmap's
	// do before its version scripts: a hard match leaves the speculative
	// probes' connections (and the sequential NULL connection) open
	// otherwise, and a server that counts its clients (murmur's "users")
	// would count them.
	w.src.endPass()
	svc := w.detectors(w.service())
	return w.result(svc)
}

// UDPRewalkWait is the least a probe of the UDP re-walk waits (see
// udpRewalk); ten times the port's slowest reply when that is longer.
const UDPRewalkWait = 100 * time.Millisecond

// udpRewalk: a UDP port that answered some of the adaptive walk's probes
// and was not identified is walked again one probe at a time, as nmap
// walks it, each probe waiting the path's round trip (the port's fastest
// reply) plus ten times the server's slowest own time (slowest reply less
// fastest; at least UDPRewalkWait, at most its totalwaitms in all), when
// one of its probes without a reply may have been dropped (see
// udpSuspects): only those are sent again, the others' replies are the
// first walk's (udpReplay). Ten times the whole reply time, as before,
// multiplied the round trip too: half a second a probe at 50 ms, 10 s
// for a Kerberos port. Some servers drop
// datagrams that come while they answer another: xinetd's internal time
// service discards what is pending once it has answered, so under load
// the parallel probes lost the Help probe's answer, whose lines name it,
// where nmap's one-by-one walk loses nothing. Ports that answer nothing
// (the common open|filtered case) and ports identified are not walked
// again.
func (w *walk) udpRewalk() {
	sp, ok := w.src.(*speculative)
	if !ok || w.t.Proto != probes.UDP || !w.replied || w.outcome == Matched || w.outcome == TimeLimit || w.ctx.Err() != nil {
		return
	}
	sp.endPass()
	lost := sp.udpSuspects()
	if len(lost) == 0 {
		return
	}
	sp.mu.Lock()
	lag, path := sp.udpLag, sp.udpFast
	sp.mu.Unlock()
	dwait, dconnect := sp.detectorTimes()
	wait := udpRewalkWait(path, lag)
	w.trace("Service scan: %s answered and no line matched: its probes again one at a time, %v each for the %d that may have been dropped", w.t.addr(), wait, len(lost))
	w.src = &udpReplay{sequential: &sequential{w: w, maxWait: wait, wait: dwait, connect: dconnect}, prev: sp.launched, lost: lost}
	w.start(false)
	w.signatures()
}

// serialFallback starts the walk of a TCP port again with the sequential
// source, one connection at a time as nmap walks it, when the speculative
// source saw that the port serves few clients at once (see
// speculative.stalled): the replies of the parallel connections are not
// the ones nmap gets. The NULL probe's reply, read to its end before any
// other, is handed over again as it came (its connection, first and
// alone, is trusted); the probe after it goes on a connection of its own.
// Each other probe waits at most serialWait: ten times the server's time
// in the quickest reply the port gave (less the round trip), between
// SerialMinWait and the fitted first-byte wait, lowered as replies of
// this walk come quicker (sequential.quickest). A
// walk restarted inside TLS (S10) goes back to the speculative source,
// and the port gets no late listen. emptyClose is for a port that
// turned connections away by closing them without a byte (tcpRecheck):
// each probe waits EmptyCloseWait plus one RTT, and one closed at once is
// sent again (sequential.emptyRetry). given are other replies handed
// over as they came (the probes a port served while it turned others
// away: tcpRecheck), or nil.
func (w *walk) serialFallback(emptyClose bool, given map[*probes.Probe]*replay) {
	sp := w.src.(*speculative)
	var floor time.Duration
	// The wait and the server time it scales are read together, before
	// the pass ends: a reply that comes as it ends may lower the port's
	// quickest (dovecot's server time read 0 so, and its serial walk
	// waited 250 ms a probe where 603 ms had been fitted: no version).
	wait, server := sp.serialFit()
	if emptyClose {
		floor = EmptyCloseWait
		wait = emptyCloseWait(sp)
	}
	dwait, dconnect := sp.detectorTimes()
	if given == nil {
		given = map[*probes.Probe]*replay{}
	}
	if null := sp.nullReplay(); null != nil {
		given[null.p] = null
	}
	shut := sp.shut()
	sp.endPass()
	w.trace("Service scan: %s: its probes again one connection at a time, %v each at most", w.t.addr(), wait)
	w.src = &sequential{w: w, maxWait: wait, wait: dwait, connect: dconnect, given: given, retries: 2, retryPause: SerialMinWait, fallback: true, emptyRetry: emptyClose, rtt: sp.roundTrip(), floor: floor, server: server, shut: shut}
	if !w.ssl {
		w.wrapOK, w.replied, w.alerts = true, false, false
	}
	w.quiet, w.capped = Running, false
	w.start(w.ssl)
}

// tcpRecheck: a TCP port that the adaptive walk did not identify, and
// that closed several probes' connections alike while others were open
// to it (speculative.alike), is asked the first of those probes again,
// alone, as nmap's walk asks it. When the server answers it otherwise
// alone (holds it, or replies another way), it was turning connections
// away for the others' sake — over a limit per client address (ngircd
// answers the connections over its limit with one error line and closes
// them) or while one client is pending (transmission's peer port closes
// every other connection of the address at once) — and the port is
// walked again one connection at a time (serialFallback). When it closes
// the probe alike alone too (the same first line), the closes were the
// server's own answers (one error for whatever it cannot parse): the
// walk's answer stands, at the cost of that one exchange, unless probes
// it left without a byte were starved (starvedRecheck). A port silent
// to every probe while other connections were open (one reset without a
// byte included) is walked one connection at a time without a re-check
// (no probe tells which one a one-client server would answer).
func (w *walk) tcpRecheck() {
	sp, ok := w.src.(*speculative)
	if !ok || w.t.Proto != probes.TCP || w.ssl || w.outcome == Matched || w.outcome == TCPWrapped || w.outcome == TimeLimit || w.ctx.Err() != nil {
		return
	}
	alike := sp.alike()
	if (w.outcome == Timeout || w.outcome == Refused || w.outcome == Reset && len(alike) == 0) && sp.crowded() {
		// Silent to every probe, with other connections open: a server
		// that serves one client at a time and holds each until it
		// leaves (kadmind on a partial RPC record) gave every one of
		// them to the NULL connection, and a listen queue long enough
		// for them all turned none away. A port silent alone too costs
		// SerialMinWait a probe more. A probe or NULL's connection reset
		// without a byte (iperf3 behind the IPv6 relay reset one of its
		// queued clients) changes nothing: no two probes were closed
		// alike, so no probe tells which one the server would answer.
		// Nor does a connect refused after the NULL one connected: the
		// same server restarted its listener when its client left
		// (iperf3), and the serial walk tries a refused connect again.
		// A server that closed a silent probe's half-closed connection
		// while the NULL connection was open serves clients at once
		// (speculative.halfClose): its silence is its own.
		if sp.together.Load() {
			w.trace("Service scan: %s was silent to every probe with other connections open, and serves clients at once: its silence stands", w.t.addr())
			return
		}
		w.trace("Service scan: %s was silent to every probe with other connections open", w.t.addr())
		w.serialFallback(false, nil)
		w.signatures()
		return
	}
	if len(alike) == 0 {
		w.starvedRecheck(sp)
		return
	}
	first := alike[0]
	before, got, end := w.askAlike(sp, first)
	closed := end == endEOF || end == endReset
	switch {
	case end == endCut, end == endDial, end == endRefused, end == endWrite:
		return // cut, or the port is gone: nothing to learn
	case closed && bytes.Equal(firstLine(got), firstLine(before)):
		// Alike: the same first line (an error page's Date header
		// changes from second to second).
		w.trace("Service scan: %s closes probe %s alike alone too: its own answer", w.t.addr(), first.p.Name)
		if w.softRecheck(sp, alike[1:]) {
			return
		}
		// The closes were its answers to those probes; the probes it
		// left without a byte while others were open may still be
		// starved (gkrellmd takes one client's handshake at a time:
		// the probes queued behind the NULL connection got nothing,
		// the ones after it its error line).
		w.starvedRecheck(sp)
		return
	}
	how := "held it"
	if closed || len(got) > 0 {
		how = fmt.Sprintf("got %d bytes", len(got))
	}
	w.trace("Service scan: %s closed %d probes alike (%d bytes each) while others were open, and probe %s alone %s: it turns connections away for the others' sake", w.t.addr(), len(alike), len(before), first.p.Name, how)
	// The probes it did not turn away were served as alone (a server
	// over a limit per address turns the rest away with an error line,
	// or with a close without a byte: PulseAudio's HTTP port), and only
	// the others are asked again; so is the one just asked alone. A
	// server that keeps a client that left pending for a moment
	// (transmission, freeciv) served none: what it held while others
	// were open waited its fitted wait, not nmap's whole one, and is
	// asked again with the rest (a serial walk of transmission's port
	// over a 50 ms path costs 0.6 s a probe).
	skip := map[*probes.Probe]bool{}
	for _, rp := range alike {
		skip[rp.p] = true
	}
	served := sp.served(skip)
	alone := &replay{p: first.p, end: end}
	if len(got) > 0 {
		alone.reads = [][]byte{got}
	}
	served[first.p] = alone
	if len(served) > 1 {
		w.trace("Service scan: %s: the replies of %d probes it served stand; the %d it turned away are asked again", w.t.addr(), len(served), len(alike)-1)
	}
	w.serialFallback(len(before) == 0, served)
	w.signatures()
}

// askAlike sends rp, a probe the server closed alike while other
// connections were open, again on a connection of its own (w.alone),
// and returns its reply in the walk and its reply alone. Alone, it waits twice as long as the server
// took to close it in the walk (git-daemon and dovecot under load closed
// junk after 0.85 s, and a quarter of a second alone read "held it"),
// and, when the closes carried no byte, at least as long as the serial
// walk would wait it (emptyCloseWait), which then takes this reply as
// its own instead of asking the probe a second time alone.
func (w *walk) askAlike(sp *speculative, rp *specReply) (before, got []byte, end readEnd) {
	rp.mu.Lock()
	before = append([]byte(nil), rp.buf...)
	took := rp.ended.Sub(rp.began)
	rp.mu.Unlock()
	atLeast := 2 * took
	if len(before) == 0 {
		atLeast = max(atLeast, emptyCloseWait(sp))
	}
	got, end = w.alone(sp, rp.p, len(before) == 0, atLeast)
	return before, got, end
}

// softRecheck: a walk that ended on a softmatch, whose closes alike were
// the server's own answer to the first of those probes asked alone, asks
// alone each other probe it closed alike whose reply could name the
// softmatched service, and so its product (canName).
// One answered alone with bytes it had not sent in the walk was turned
// away for the others' sake, and the port is walked again one
// connection at a time with that reply (serialFallback). Unbound behind
// the IPv6 relay, its TCP slots taken by the walk, closed the version
// query with the junk probes and softmatched a status query after it:
// "generic dns response" where nmap, one connection at a time, names
// Unbound and its version.
func (w *walk) softRecheck(sp *speculative, alike []*specReply) bool {
	soft := w.sess.SoftService()
	if soft == "" {
		return false
	}
	for _, rp := range alike {
		if !canName(rp.p, soft) {
			continue
		}
		before, got, end := w.askAlike(sp, rp)
		switch {
		case end == endCut, end == endDial, end == endRefused, end == endWrite:
			return false
		case len(got) == 0 || bytes.Equal(firstLine(got), firstLine(before)):
			w.trace("Service scan: %s answers probe %s alone as in the walk: its own answer", w.t.addr(), rp.p.Name)
			continue
		}
		w.trace("Service scan: %s closed probe %s alike while others were open, and alone it got %d bytes: it turns connections away for the others' sake", w.t.addr(), rp.p.Name, len(got))
		w.serialFallback(len(before) == 0, map[*probes.Probe]*replay{rp.p: {p: rp.p, reads: [][]byte{got}, end: end}})
		w.signatures()
		return true
	}
	return false
}

// canName reports whether p's reply could name service: p's own lines
// have it, or a probe p falls back on has (nmap's file puts Unbound's
// lines under the UDP DNSVersionBindReq, which DNSVersionBindReqTCP falls
// back on). The NULL probe at the end of every TCP chain does not count:
// its lines name nearly every service.
func canName(p *probes.Probe, service string) bool {
	if p.Detectable[service] {
		return true
	}
	for _, q := range p.Chain {
		if q != p && !q.IsNull() && q.Detectable[service] {
			return true
		}
	}
	return false
}

// starvedRecheck: a port without an answer whose early probes waited
// their whole time without a byte while later ones got replies
// (speculative.starved) is asked the first of those probes again,
// alone, then the last; answered alone, one was starved by the others (a
// server that queues clients behind the held ones), and the port is
// walked again one connection at a time. Silent alone too, both, it is
// the server's own answer. A walk that softmatched asks a starved probe
// with lines for that service alone for its whole totalwaitms, as nmap's
// walk waits it: its reply may name the product, and a server shared by
// two ports may still be held by the other's client (kadmind's kpasswd
// port, behind the IPv6 relay, read a softmatch without the product when
// GenericLines, asked alone while its RPC port's walk held the process,
// waited the serial walk's 0.45 s).
func (w *walk) starvedRecheck(sp *speculative) {
	soft := w.sess.SoftService()
	for _, rp := range sp.starved() {
		var atLeast time.Duration
		if soft != "" && canName(rp.p, soft) {
			atLeast = rp.p.TotalWait
		}
		got, end := w.alone(sp, rp.p, false, atLeast)
		if len(got) == 0 || end == endCut {
			w.trace("Service scan: %s is silent to probe %s alone too: its own answer", w.t.addr(), rp.p.Name)
			if end == endCut {
				return
			}
			continue
		}
		w.trace("Service scan: %s left probe %s without a byte while it answered later ones, and alone it got %d bytes: it serves few clients at once", w.t.addr(), rp.p.Name, len(got))
		// Asked alone, with the serial walk's wait, its reply is the
		// serial walk's: kadmind answered GenericLines alone, then, asked
		// it again in the serial walk, stalled (its other port's client
		// held it) and the port read a softmatch without its product.
		w.serialFallback(false, map[*probes.Probe]*replay{rp.p: {p: rp.p, reads: [][]byte{got}, end: end}})
		w.signatures()
		return
	}
}

// alone sends p on a connection of its own once the pass's connections
// are closed, waiting serialWait or atLeast (p's totalwaitms at most),
// and returns its reply and how it ended.
// emptyRetry (the walk's closes carried no byte) sends it again once,
// SerialMinWait later, when it is closed without a byte at once: a server
// that keeps a client pending for a moment after it left (transmission)
// still turns the probe away, and over a path the walk's closes reach it
// later still (behind the IPv6 relay at 50 ms, transmission's port read
// "its own answer" and no reply).
func (w *walk) alone(sp *speculative, p *probes.Probe, emptyRetry bool, atLeast time.Duration) ([]byte, readEnd) {
	wait := max(sp.serialWait(), min(atLeast, p.TotalWait))
	sp.endPass()
	// The server sees the walk's connections close before the probe
	// comes alone.
	sleep(w.ctx, recheckPause)
	sq := &sequential{w: w, maxWait: wait, emptyRetry: emptyRetry, retryPause: SerialMinWait, alone: true}
	r := sq.send(p)
	var got []byte
	end := more
	for end == more && len(got) < ReadCap {
		var data []byte
		data, end = r.next()
		got = append(got, data...)
	}
	r.release(false, nil)
	return got, end
}

// firstLine is b up to its first line feed, included.
func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i+1]
	}
	return b
}

// recheckPause is how long tcpRecheck lets the server see the walk's
// connections closed before it asks alone.
const recheckPause = 50 * time.Millisecond

// EmptyCloseWait is the least a probe waits in the serial walk of a port
// that turned connections away by closing them without a byte
// (tcpRecheck): transmission's peer port answered a 120-byte request
// alone after 190 to 440 ms (8 tries).
const EmptyCloseWait = 500 * time.Millisecond

// emptyCloseWait is each probe's wait in the serial walk of a port that
// turned connections away without a byte. The parallel walk's quickest
// reply came while the server turned the others away, and says nothing
// of its time alone (transmission's 180 ms over a 50 ms path read
// 0.98 s, and each probe waited 1.4 s): such a server answers alone
// within its own timer, EmptyCloseWait, and the path adds a round trip
// (the probe out, the reply back).
func emptyCloseWait(sp *speculative) time.Duration {
	return EmptyCloseWait + sp.roundTrip()
}

// udpRewalkWait is a re-walk probe's wait given the port's fastest and
// slowest reply (see udpRewalk).
func udpRewalkWait(fastest, slowest time.Duration) time.Duration {
	return fastest + max(10*(slowest-fastest), UDPRewalkWait)
}

// start (re)starts the walk, outside or inside the SSL tunnel (S10).
func (w *walk) start(ssl bool) {
	w.ssl = ssl
	w.sess = w.c.Matcher.NewSession(w.t.Port, w.t.Proto, ssl, w.c.Intensity)
	w.order = walker{db: w.c.Matcher.DB(), sess: w.sess}
	w.replies = nil // S10: the fingerprint so far is discarded
	w.fp = nil
	w.all = nil
	w.outcome = Running
	w.src.pass(ssl)
}

// signatures walks the probes until a hard match, an end or none is left.
func (w *walk) signatures() {
	for {
		p := w.order.next()
		if p == nil {
			if w.drained() {
				continue
			}
			w.lateBanner()
			w.src.endPass()
			w.finish(Running)
			return
		}
		if w.ctx.Err() != nil {
			w.finish(TimeLimit)
			return
		}
		w.trace("Service scan sending probe %s to %s (%s)", p.Name, w.t.addr(), w.t.proto())
		rp := w.src.send(p)
		buf := rp.carried()
		end := more
		var hit *matcher.Hit
		for end == more {
			var data []byte
			data, end = rp.next()
			if len(data) == 0 {
				continue
			}
			w.wrapOK = false
			w.replied = true
			buf = append(buf, data...)
			h, done := w.sess.Feed(p, buf)
			if h != nil {
				w.traceHit(p, h)
			}
			switch {
			case done:
				end, hit = endMatch, h
			case len(buf) >= ReadCap:
				end = endCap
			}
		}
		if end == endFallback {
			w.serialFallback(false, nil)
			continue
		}
		rp.release(p.IsNull() && (end == endTimeout || end == endCap), buf)
		elapsed := rp.elapsed()
		if _, ok := w.src.(*speculative); ok && (len(buf) == 0 || end == endReset) {
			// The parallel walk's replies without a byte, or whose bytes
			// a reset discards (S8), say why the walk went on: the
			// re-checks at its end turn on how each ended.
			w.trace("Service scan: %s probe %s: %d bytes, %v after %v", w.t.addr(), p.Name, len(buf), end, elapsed.Round(time.Millisecond))
		}
		if sq, ok := w.src.(*sequential); ok && sq.fallback {
			r := &replay{p: p, end: end, dial: rp.err(), took: elapsed}
			if len(buf) > 0 {
				r.reads = [][]byte{append([]byte(nil), buf...)}
			}
			sq.heard = append(sq.heard, r)
		}
		if len(buf) == 0 {
			w.quietEnd(end)
		}
		switch end {
		case endMatch:
			w.keep(p, buf)
			if hit.Line.Service == "ssl" && !w.ssl && w.t.Proto == probes.TCP {
				if sq, ok := w.src.(*sequential); ok && sq.fallback {
					// The serial fallback was for the plain pass: the
					// tunnel is walked as any other (it may fall back
					// on its own).
					sq.endPass()
					w.src = newSpeculative(w)
				}
				w.start(true) // S10: restart at NULL inside the tunnel
				continue
			}
			w.finish(Matched)
			return
		case endTimeout:
			w.wrapOK = false
			w.record(p, buf)
		case endCap:
			w.capped = true
			w.record(p, buf)
		case endEOF:
			w.record(p, buf)
			if p.IsNull() && len(buf) == 0 && elapsed < p.TCPWrapped && w.wrapOK {
				w.finish(TCPWrapped)
				return
			}
		case endReset, endRefused:
			// S8: the buffer is not recorded.
			if p.IsNull() && elapsed < p.TCPWrapped && w.wrapOK {
				w.finish(TCPWrapped)
				return
			}
		case endError:
		case endUnreachable:
			w.wrapOK = false
			w.finish(Unreachable)
			return
		case endCut:
			w.finish(TimeLimit)
			return
		case endDial:
			w.finish(dialOutcome(w.ctx, rp.err()))
			return
		case endWrite:
			w.finish(Failed)
			return
		}
	}
}

// drained: a serial walk that ends without an answer, whose probes
// were silent through their waits before the first one answered, asks
// again, once, one connection at a time, those of them the parallel walk
// did not get a close, a reset or a refusal without a byte for
// (sequential.shut); the other replies are handed over as they came.
// The serial walk's waits are fitted to the port, shorter than nmap's,
// and a server held by other clients is silent through them: spamd's
// children were still draining the parallel walk's dead connections
// when the serial walk began (over the WAN rig under load GenericLines,
// whose reply names spamd, was silent and later probes were answered),
// and kadmind, one process for its two ports, stalls on the other
// port's partial RPC record (its kpasswd port, silent to GenericLines
// while the other port's walk held it, read a softmatch without the
// product nmap names), and gkrellmd, over the WAN rig under loss,
// answered GenericLines in the parallel walk and, one client's connect
// string at a time, was silent to it in the serial walk while the
// parallel walk's closes had not reached it: the port read unknown where
// nmap names gkrellm. A port silent to every probe, or that answered
// from the first, is not asked again; nor are probes the parallel walk
// got a close without a byte for (silence in the serial walk is then the
// server's own: transmission closes the parallel walk's connections,
// holds GenericLines and the probes after it pending alone, and answers
// TLSSessionReq). When the walk softmatched, a silent probe whose reply
// can name that service (canName) waits its whole totalwaitms this time,
// as nmap's walk waits it: behind the IPv6 relay at 1% loss, kadmind's
// kpasswd port was silent to GenericLines through both serial waits while
// its other port's walk held the process.
func (w *walk) drained() bool {
	sq, ok := w.src.(*sequential)
	if !ok || !sq.fallback || sq.redone || w.ssl || w.t.Proto != probes.TCP || w.ctx.Err() != nil {
		return false
	}
	first := -1
	for i, r := range sq.heard {
		if !r.p.IsNull() && len(r.reads) > 0 {
			first = i
			break
		}
	}
	given := map[*probes.Probe]*replay{}
	var silent []*probes.Probe
	full := map[*probes.Probe]bool{}
	soft := w.sess.SoftService()
	for i, r := range sq.heard {
		if i < first && !r.p.IsNull() && len(r.reads) == 0 && r.end == endTimeout && !sq.shut[r.p] {
			silent = append(silent, r.p)
			if soft != "" && canName(r.p, soft) {
				full[r.p] = true
			}
			continue
		}
		given[r.p] = r
	}
	if first < 0 || len(silent) == 0 {
		return false
	}
	w.trace("Service scan: %s answered probe %s one connection at a time after %d silent ones: those again", w.t.addr(), sq.heard[first].p.Name, len(silent))
	sq.endPass()
	sq.given, sq.heard, sq.redone, sq.full = given, nil, true, full
	w.wrapOK, w.replied, w.alerts = true, false, false
	w.quiet, w.capped = Running, false
	w.start(false)
	return true
}

// quietEnd notes how a reply without a byte ended, for the outcome of a
// service that never answered: refused wins over reset, reset over timeout.
func (w *walk) quietEnd(end readEnd) {
	switch end {
	case endRefused:
		w.quiet = Refused
	case endReset, endEOF:
		if w.quiet != Refused {
			w.quiet = Reset
		}
	case endTimeout:
		if w.quiet == Running {
			w.quiet = Timeout
		}
	}
}

// lateBanner is the one longer listen of a TCP port silent to every probe,
// each of which timed out (speculative source): a banner sent after the NULL probe's wait, when a
// line matches it, answers the port. Otherwise nmap's answer stands.
func (w *walk) lateBanner() {
	null := w.c.Matcher.DB().Null
	// Only a port whose every probe timed out: one that closes or resets
	// connections has said all it will.
	if w.replied || w.quiet != Timeout || w.ssl || w.t.Proto != probes.TCP || null == nil || w.sess.Soft() != nil || w.ctx.Err() != nil {
		return
	}
	data := w.src.late()
	if len(data) == 0 || w.c.Matcher.Match(null, data) == nil {
		return
	}
	w.trace("Service scan late banner from %s: %d bytes after the NULL probe's wait", w.t.addr(), len(data))
	w.wrapOK = false
	w.replied = true
	h, done := w.sess.Feed(null, data)
	w.traceHit(null, h)
	if done {
		w.keep(null, data)
	} else {
		w.record(null, data)
	}
}

// finish ends the walk; S9's catch-all turns any end into tcpwrapped while
// nothing was ever received and no read timed out.
func (w *walk) finish(o Outcome) {
	if w.outcome != Running {
		return
	}
	if w.ctx.Err() != nil {
		// Cut by the host timeout (or an interrupt): S9 clears
		// tcpwrap_possible, and a walk that did not run to its end is
		// incomplete.
		w.wrapOK = false
		if o == Running {
			o = TimeLimit
		}
	}
	mo := matcher.Incomplete
	switch o {
	case Running, Matched:
		mo = matcher.Running
	case TCPWrapped:
		mo = matcher.TCPWrapped
	}
	if w.wrapOK && w.sess.Hard() == nil {
		mo, o = matcher.TCPWrapped, TCPWrapped
	}
	w.mo = w.sess.Finish(mo)
	switch w.mo {
	case matcher.HardMatched:
		o = Matched
	case matcher.SoftMatched:
		o = SoftMatched
	case matcher.TCPWrapped:
		o = TCPWrapped
	case matcher.NoMatch:
		switch {
		case w.replied && w.capped:
			o = SizeLimit
		case w.replied:
			o = NoMatch
		case w.quiet != Running:
			o = w.quiet
		default:
			o = Timeout
		}
	}
	w.outcome = o
}

// record adds a reply to the fingerprint (F1, F5).
func (w *walk) record(p *probes.Probe, buf []byte) {
	if len(buf) == 0 {
		return
	}
	if len(w.replies) == 0 {
		w.alerts = isAlert(buf)
	} else if !isAlert(buf) {
		w.alerts = false
	}
	if w.fp == nil {
		w.fp = fingerprint.NewBuilder(w.header(), fingerprint.Options{Debug: w.c.Debug, Now: w.c.now})
	}
	data := append([]byte(nil), buf...)
	w.fp.Add(p.Name, data)
	w.replies = append(w.replies, fingerprint.Response{Probe: p.Name, Length: len(data), Data: data})
	w.all = append(w.all, fingerprint.Response{Probe: p.Name, Length: len(data), Data: data})
}

// keep adds a reply that matched to the complete record (Config.Record);
// the fingerprint never holds it (F1).
func (w *walk) keep(p *probes.Probe, buf []byte) {
	if w.c.Record != nil && len(buf) > 0 {
		w.all = append(w.all, fingerprint.Response{Probe: p.Name, Length: len(buf), Data: append([]byte(nil), buf...)})
	}
}

func (w *walk) header() fingerprint.Fingerprint {
	hdr := fingerprint.Fingerprint{Port: w.t.Port, Proto: "TCP", Version: w.c.FPVersion, SSL: w.ssl,
		Intensity: w.c.Intensity, Platform: w.c.FPPlatform}
	if w.t.Proto == probes.UDP {
		hdr.Proto = "UDP"
	}
	return hdr
}

func (w *walk) traceHit(p *probes.Probe, h *matcher.Hit) {
	if w.c.Trace == nil {
		return
	}
	name := h.Line.Service
	if w.ssl {
		name = "SSL/" + name
	}
	kind := "hard"
	if h.Line.Soft {
		kind = "soft"
	}
	where := fmt.Sprintf("(Probe %s matched with %s line %d): %s is %s", p.Name, h.Line.Probe.Name, h.Line.Pos.Line, w.t.addr(), name)
	f := h.Fields
	if f.Product != "" || f.Version != "" || f.Info != "" {
		w.trace("Service scan match %s.  Version: |%s|%s|%s|", where, f.Product, f.Version, f.Info)
	} else {
		w.trace("Service scan %s match %s", kind, where)
	}
}

// service is the signature walk's answer, with its fingerprint when nmap
// keeps one (R1).
func (w *walk) service() *result.Service {
	svc := w.sess.Service(w.c.Table)
	keep := false
	switch w.mo {
	case matcher.NoMatch:
		keep = true
	case matcher.SoftMatched, matcher.TCPWrapped, matcher.Incomplete:
		keep = w.c.Intensity >= 7
	}
	if keep && w.fp != nil {
		svc.Fingerprint = w.fp.String()
	}
	return svc
}

// detectors runs the detectors that want the port, in order, each on
// the answer so far; one may ask for the walk again inside TLS.
func (w *walk) detectors(svc *result.Service) *result.Service {
	wait, connect := w.src.detectorTimes()
	if wait <= 0 {
		wait = 6 * time.Second
	}
	// A TLS server answers a ClientHello in about one fitted wait; one
	// that holds it silent (a silent port's TLS fallback) is not one,
	// and waiting out the connect timeout for it cost such a port 5 s.
	// nmap's timing keeps nmap's bound on connect and handshake.
	var handshake time.Duration
	if w.c.Timing == TimingFast {
		handshake = max(2*wait, MinHandshakeWait)
	}
	env := &detect.Env{
		Wait:  wait,
		Trace: w.trace,
		Dial: func(ctx context.Context, ssl bool) (net.Conn, error) {
			conn, _, err := w.c.dial(ctx, w.t, dialOpts{ssl: ssl, sessions: w.sessions, timeout: connect, handshake: handshake})
			return conn, err
		},
		DialUDP: func(ctx context.Context) (net.Conn, error) {
			t := w.t
			t.Proto = probes.UDP
			conn, _, err := w.c.dial(ctx, t, dialOpts{timeout: connect})
			return conn, err
		},
	}
	for _, d := range w.c.Detectors {
		if w.ctx.Err() != nil {
			break
		}
		p := w.port(svc)
		if !d.Rule().Wants(p) {
			continue
		}
		w.trace("Service scan detector %s on %s (%s)", d.Name(), w.t.addr(), w.t.proto())
		o, err := w.runDetector(d, env, p, connect)
		var ne net.Error
		if err != nil && errors.As(err, &ne) && ne.Timeout() && w.c.Timing == TimingFast && w.t.Proto == probes.TCP && w.ctx.Err() == nil {
			// A TCP server timed out the detector's exchange within
			// the fitted wait: under loss a segment of it can take
			// longer (RabbitMQ's Connection.Start at 1% loss over
			// IPv6). Once more, with twice the wait, as nmap's
			// scripts wait seconds. nmap's timing already waits
			// nmap's time, and does not ask again.
			w.trace("Service scan detector %s on %s: %v; once more, waiting %v", d.Name(), w.t.addr(), err, 2*wait)
			again := *env
			again.Wait = 2 * wait
			o, err = w.runDetector(d, &again, p, connect)
		}
		switch {
		case err != nil:
			w.trace("Service scan detector %s on %s: %v", d.Name(), w.t.addr(), err)
		case o == nil:
		case o.Rewalk:
			if w.ssl || w.t.Proto != probes.TCP {
				continue
			}
			w.trace("Service scan detector %s: TLS handshake succeeded with %s: probing inside the tunnel", d.Name(), w.t.addr())
			w.wrapOK = false
			w.replied = true
			w.start(true)
			w.signatures()
			w.src.endPass()
			svc = w.service()
			if svc.Tunnel == "ssl" {
				svc.SetSource("tunnel", d.Name())
			}
		default:
			svc = o.Service
			if len(o.Others) > 0 {
				w.others = append(w.others, o.Others...)
				w.othersBy = d.Name()
			}
		}
	}
	return svc
}

// runDetector runs d with env; a detector gets the time of a few
// exchanges (env.Wait each), never more than the scan has left.
func (w *walk) runDetector(d detect.Detector, env *detect.Env, p *detect.Port, connect time.Duration) (*detect.Result, error) {
	ctx, cancel := context.WithTimeout(w.ctx, 2*env.Wait+2*max(connect, SSLConnectTimeout))
	defer cancel()
	return detect.Run(ctx, d, env, p)
}

// port is what the detectors see of the port.
func (w *walk) port(svc *result.Service) *detect.Port {
	p := &detect.Port{
		Addr: w.t.IP, Number: w.t.Port, Proto: w.t.proto(), Intensity: w.c.Intensity,
		Service: svc, Hard: w.sess.Hard() != nil, Replied: w.replied, OnlyAlerts: w.replied && w.alerts,
		Outcome: w.outcome.String(), Incomplete: w.mo == matcher.Incomplete,
	}
	if svc.Fingerprint != "" {
		if fps, err := fingerprint.Decode("scan", []byte(svc.Fingerprint)); err == nil && len(fps) == 1 {
			p.Replies = fps[0].Responses
		}
	}
	for _, q := range w.c.Matcher.DB().Probes {
		if q.SSLPorts.Contains(w.t.Port) {
			p.SSLPort = true
			break
		}
	}
	return p
}

func (w *walk) result(svc *result.Service) *Result {
	res := &Result{Service: svc, Replied: w.replied, Outcome: w.outcome, Replies: w.replies, Others: w.others, OthersBy: w.othersBy}
	if w.c.Record != nil && len(w.all) > 0 {
		hdr := w.header()
		hdr.Responses = w.all
		now := w.c.now()
		hdr.Month, hdr.Day, hdr.Time = int(now.Month()), now.Day(), uint32(now.Unix())
		w.c.Record(w.t, &hdr, svc)
	}
	return res
}

// walker yields the probes of one service in nmap's order (S4): the NULL
// probe (TCP), then the probes registered for the port, then the rest in
// file order, re-checking eligibility before each one so a softmatch
// narrows the rest of the walk at once. A copy looks ahead without
// moving the original.
type walker struct {
	db    *probes.DB
	sess  *matcher.Session
	phase int // 0 NULL, 1 registered, 2 others, 3 done
	i     int
}

func (w *walker) next() *probes.Probe {
	for {
		switch w.phase {
		case 0:
			w.phase = 1
			if n := w.db.Null; n != nil && w.sess.Protocol == probes.TCP {
				return n
			}
		case 1, 2:
			if w.i >= len(w.db.Probes) {
				w.phase++
				w.i = 0
				continue
			}
			p := w.db.Probes[w.i]
			w.i++
			if p.Protocol != w.sess.Protocol || w.sess.Registered(p) != (w.phase == 1) {
				continue
			}
			if w.sess.Why(p) == "" {
				return p
			}
		default:
			return nil
		}
	}
}
