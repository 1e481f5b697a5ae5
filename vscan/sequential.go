package vscan

import (
	"context"
	"errors"
	"fmt"
	"net"
	"syscall"
	"time"

	"github.com/signetscan/signet/probes"
)

// sequential is nmap's source (TimingNmap): one probe at a time, each
// read waiting up to the probe's totalwaitms. Each TCP probe has its own
// connection, except that the probe after NULL reuses the NULL probe's
// when it is still usable (S6); UDP probes share one socket (S11).
type sequential struct {
	w   *walk
	ssl bool
	// maxWait, when set, caps every probe's wait (the adaptive walk's
	// UDP re-walk, see walk.udpRewalk); wait and connect are then the
	// detectors' times.
	maxWait, wait, connect time.Duration
	keep                   net.Conn // the NULL probe's connection, for the next probe
	kept                   []byte   // and its banner
	udp                    net.Conn
	// given, in the serial fallback, are replies the adaptive walk read,
	// handed over instead of sending their probes again
	// (walk.serialFallback): the NULL probe's, and, for a port that
	// turned some probes away alike, the replies of those it served
	// (speculative.served).
	given map[*probes.Probe]*replay
	// retries, in the serial fallback, is how many times a probe's
	// connect is tried again, retryPause later, when it is refused: the
	// server had not yet let the previous client go (nmap's walk, with
	// its waits, comes later).
	retries    int
	retryPause time.Duration
	// fallback marks the serial fallback's walk; refusedOnce, that a
	// connect of it was refused through every retry; alone, a probe
	// asked alone after the parallel walk (walk.alone).
	fallback, refusedOnce, alone bool
	// rtt, floor and server, in the serial fallback: the port's round
	// trip (its quickest connect, lowered by this walk's own connects:
	// the parallel walk's may all have queued behind the scan's first
	// burst of connects, 200 ms over a 50 ms path, and four of those
	// round trips made a second of every probe's wait), the least
	// maxWait may be less the round trip (EmptyCloseWait, or 0), and the
	// server's own time in the quickest reply the parallel walk got.
	// quickest is the quickest first byte of a probe (not NULL's banner)
	// in this walk, and quickServer its server time: one connection at
	// a time, nothing holds it back, so it is the server's own time,
	// where the parallel walk's may have queued behind another
	// connection (a server with one worker). Each quicker reply, and each
	// quicker connect, lowers maxWait (refit).
	rtt, floor, server    time.Duration
	quickest, quickServer time.Duration
	// emptyRetry, in the serial fallback of a port that closed the
	// adaptive walk's connections without a byte for the others' sake
	// (walk.tcpRecheck), sends a probe again once, retryPause later, when
	// its connection is closed without a byte within retryPause: such a
	// server (transmission) goes on turning clients away for a moment
	// after the last one left, where nmap's walk, after its waits of
	// seconds, comes later.
	emptyRetry bool
	// ownCloses counts the probes sent again so (emptyRetry) that were
	// closed at once again: at ownClosesEnough, the server's closes are
	// its own answers (freeciv closes what it cannot parse) and no probe
	// is sent again.
	ownCloses int
	// heard, in the serial fallback, is each probe's reply as the walk
	// read it, in order; shut are the probes the parallel walk got an
	// end without a byte for (speculative.shut), and redone marks the
	// walk that asks its silent probes again (walk.drained).
	heard  []*replay
	shut   map[*probes.Probe]bool
	redone bool
	// full, in the walk that asks its silent probes again, are those
	// whose reply can name the service the walk had softmatched: they
	// wait nmap's totalwaitms, not maxWait.
	full map[*probes.Probe]bool
}

func (s *sequential) pass(ssl bool) {
	s.endPass()
	s.ssl = ssl
}

func (s *sequential) endPass() {
	if s.keep != nil {
		s.keep.Close()
		s.keep, s.kept = nil, nil
	}
	if s.udp != nil {
		s.udp.Close()
		s.udp = nil
	}
}

func (s *sequential) late() []byte { return nil }

func (s *sequential) detectorTimes() (time.Duration, time.Duration) { return s.wait, s.connect }

func (s *sequential) send(p *probes.Probe) reply {
	w := s.w
	if r := s.given[p]; r != nil {
		delete(s.given, p)
		return r
	}
	ctx := w.ctx
	r := &seqReply{ctx: ctx, s: s, now: w.c.now, p: p}
	if w.t.Proto == probes.UDP {
		if s.udp == nil {
			conn, _, err := w.c.dial(ctx, w.t, dialOpts{urgent: true})
			if err != nil {
				r.fail, r.dialErr = endDial, err
				return r
			}
			s.udp = conn
		}
		r.conn, r.shared = s.udp, true
		if _, err := r.conn.Write(p.Payload); err != nil && !errors.Is(err, syscall.ECONNREFUSED) {
			r.fail = endWrite
			return r
		}
	} else {
		r.conn, r.buf = s.keep, s.kept
		s.keep, s.kept = nil, nil
		if r.conn == nil {
			if !s.open(r, p) {
				return r
			}
		} else if !s.write(r, p) {
			return r
		}
	}
	r.start()
	return r
}

// start begins the reply's wait.
func (r *seqReply) start() {
	r.began = r.now()
	r.deadline = r.began.Add(r.p.TotalWait)
	if r.s.maxWait > 0 && r.s.maxWait < r.p.TotalWait && !r.s.namesSoft(r.p) && !r.s.full[r.p] {
		r.deadline = r.began.Add(r.s.maxWait)
	}
}

// namesSoft reports whether p, in the serial fallback, is a probe
// written to name the service the walk softmatched (every match line of
// its own is for that service): it waits nmap's totalwaitms, not
// maxWait. Such a probe is the walk's last chance at the version, and
// few are left after a softmatch; gkrellmd, one client at a time,
// answered the version probe after the fitted wait over a 50 ms path
// (under load) and the port read the softmatch alone, without the
// version nmap's walk names.
func (s *sequential) namesSoft(p *probes.Probe) bool {
	if !s.fallback || len(p.Matches) == 0 {
		return false
	}
	soft := s.w.sess.SoftService()
	if soft == "" {
		return false
	}
	for _, m := range p.Matches {
		if m.Service != soft {
			return false
		}
	}
	return true
}

// open connects for probe p and sends it (r.fail says why not). In the
// serial fallback a refused connect is tried again after retryPause (a
// server that serves few clients may not take the next one at once), and
// one still refused skips the probe rather than ending the walk.
func (s *sequential) open(r *seqReply, p *probes.Probe) bool {
	w := s.w
	for try := 0; ; try++ {
		conn, t0, err := w.c.dial(r.ctx, w.t, dialOpts{ssl: s.ssl, sessions: w.sessions, urgent: true, serial: s.fallback || s.alone})
		if err == nil {
			if !s.ssl {
				s.connected(w.c.now().Sub(t0))
			}
			r.conn = conn
			return s.write(r, p)
		}
		// A connect reset in the serial fallback is a refusal too: a
		// server that closes its listener with connects queued on it
		// resets them (amavisd, overrun by the parallel walk).
		refused := errors.Is(err, syscall.ECONNREFUSED) ||
			s.fallback && (errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNABORTED))
		if refused && s.fallback && (s.refusedOnce || try >= s.retries) {
			// The port was open and answered moments ago: the server,
			// overrun by the parallel walk before, is restarting its
			// listener (amavisd). Nothing is recorded for the probe;
			// the walk goes on, and the next refusals fail at once.
			s.refusedOnce = true
			r.fail = endError
			return false
		}
		if try >= s.retries || !refused || !s.pause(r.ctx) {
			r.fail, r.dialErr = endDial, err
			return false
		}
	}
}

func (s *sequential) write(r *seqReply, p *probes.Probe) bool {
	if len(p.Payload) == 0 {
		return true
	}
	w := s.w
	r.conn.SetWriteDeadline(w.c.now().Add(ConnectTimeout))
	// A peer that never reads must not hold the write past ctx.
	stop := context.AfterFunc(r.ctx, func() { r.conn.SetWriteDeadline(time.Unix(1, 0)) })
	_, err := r.conn.Write(p.Payload)
	stop()
	if err != nil {
		r.fail = endWrite
		return false
	}
	return true
}

// pause waits retryPause; false when ctx ends first.
func (s *sequential) pause(ctx context.Context) bool { return sleep(ctx, s.retryPause) }

// seqReply reads one probe's reply from its connection.
type seqReply struct {
	ctx      context.Context
	s        *sequential
	p        *probes.Probe
	got      bool // a byte was read
	retried  bool // sent again after an empty close (emptyRetry)
	now      func() time.Time
	conn     net.Conn
	shared   bool // the UDP socket: not closed with the reply
	buf      []byte
	fail     readEnd // endDial or endWrite, before any read
	dialErr  error
	began    time.Time
	ended    time.Time
	deadline time.Time
	chunk    []byte
}

func (r *seqReply) carried() []byte { return r.buf }
func (r *seqReply) err() error      { return r.dialErr }

func (r *seqReply) elapsed() time.Duration {
	if r.ended.IsZero() {
		return 0
	}
	return r.ended.Sub(r.began)
}

func (r *seqReply) next() ([]byte, readEnd) {
	if r.fail != more {
		r.ended = r.now()
		return nil, r.fail
	}
	if r.chunk == nil {
		r.chunk = make([]byte, ReadCap)
	}
	conn := r.conn
	stop := context.AfterFunc(r.ctx, func() { conn.SetReadDeadline(time.Unix(1, 0)) })
	defer stop()
	// Check ctx after setting the deadline: a cancel from then on runs the
	// AfterFunc, whose past deadline overrides this one.
	r.conn.SetReadDeadline(r.deadline)
	if r.ctx.Err() != nil {
		r.ended = r.now()
		return nil, endCut
	}
	n, err := r.conn.Read(r.chunk)
	if n > 0 && !r.got {
		r.got = true
		r.s.firstByte(r)
	}
	if err == nil {
		return r.chunk[:n], more
	}
	end := classify(r.ctx, err)
	s := r.s
	quickClose := !r.got && !r.shared && len(r.buf) == 0 && (end == endEOF || end == endReset) && r.now().Sub(r.began) < s.retryPause
	if s.emptyRetry && quickClose && r.retried {
		if s.ownCloses++; s.ownCloses == ownClosesEnough {
			s.emptyRetry = false
			s.w.trace("Service scan: %s closed %d probes at once again after a pause: its own answers, no probe is asked again", s.w.t.addr(), s.ownCloses)
		}
	}
	if s.emptyRetry && quickClose && !r.retried {
		r.retried = true
		r.conn.Close()
		r.conn = nil
		s.w.trace("Service scan: %s closed probe %s without a byte %v after the connect: asked again in %v", s.w.t.addr(), r.p.Name, r.now().Sub(r.began).Round(time.Millisecond), s.retryPause)
		if s.pause(r.ctx) && s.open(r, r.p) {
			r.start()
		}
		if r.fail == more && r.conn == nil {
			r.fail = endCut
		}
		return nil, more
	}
	r.ended = r.now()
	return r.chunk[:n], end
}

// ownClosesEnough is how many probes sent again after a close at once
// must be closed at once again before the serial walk sends none again
// (sequential.ownCloses).
const ownClosesEnough = 2

// firstByte notes, in the serial fallback, when a probe's reply began,
// and lowers maxWait to fit the quickest (see sequential.quickest).
func (s *sequential) firstByte(r *seqReply) {
	if !s.fallback || r.shared || r.p.IsNull() || len(r.buf) > 0 {
		return
	}
	took := r.now().Sub(r.began)
	if s.quickest > 0 && took >= s.quickest {
		return
	}
	s.quickest, s.quickServer = took, max(took-s.rtt, 0)
	s.refit(fmt.Sprintf("answered probe %s in %v one connection at a time (round trip %v)", r.p.Name, took.Round(time.Microsecond), s.rtt.Round(time.Microsecond)))
}

// connected notes, in the serial fallback, how long a connect of the
// walk took, and lowers maxWait when it is the port's quickest.
func (s *sequential) connected(took time.Duration) {
	if !s.fallback || s.rtt == 0 || took >= s.rtt {
		return
	}
	s.rtt = took
	s.refit(fmt.Sprintf("connected in %v alone", took.Round(time.Microsecond)))
}

// refit lowers maxWait to the serial wait of the port's round trip and
// the server's time in its quickest reply (this walk's own once it has
// one), at least floor plus the round trip. Lowered only: a server
// whose quickest reply alone is slow (one that answers on a timer)
// keeps the wait it started with.
func (s *sequential) refit(why string) {
	server := s.server
	if s.quickest > 0 {
		server = s.quickServer
	}
	wait := s.w.c.serialWaitServer(s.rtt, server)
	if s.floor > 0 {
		wait = s.floor + s.rtt
	}
	if wait = min(wait, s.maxWait); wait < s.maxWait-s.maxWait/20 {
		// (Said when it changes by a twentieth or more: each connect
		// a millisecond quicker lowers it a little.)
		s.w.trace("Service scan: %s %s: %v each at most from now on", s.w.t.addr(), why, wait)
	}
	s.maxWait = wait
}

func (r *seqReply) release(reuse bool, buf []byte) {
	if r.conn == nil || r.shared {
		return
	}
	if reuse && r.fail == more {
		r.s.keep, r.s.kept = r.conn, buf // S6: the next probe reuses it, banner kept
		return
	}
	r.conn.Close()
}

// replay is a reply read before, handed over again read by read.
type replay struct {
	p     *probes.Probe
	reads [][]byte
	end   readEnd
	dial  error
	took  time.Duration
}

func (r *replay) carried() []byte        { return nil }
func (r *replay) err() error             { return r.dial }
func (r *replay) elapsed() time.Duration { return r.took }
func (r *replay) release(bool, []byte)   {}

func (r *replay) next() ([]byte, readEnd) {
	if len(r.reads) > 0 {
		d := r.reads[0]
		r.reads = r.reads[1:]
		return d, more
	}
	return nil, r.end
}
