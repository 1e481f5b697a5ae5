package vscan

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/probes"
)

// Timing selects how a service's probes are sent and waited for.
type Timing int

const (
	// TimingNmap is nmap's sequential walk with its fixed waits
	// (totalwaitms): byte-identical fingerprints, nmap's speed.
	TimingNmap Timing = iota
	// TimingFast sends a service's candidate probes over concurrent
	// connections and waits as long as the measured round trip suggests
	// (nmap's waits are the ceiling), then picks the answer nmap's
	// sequential order would have picked: the walk (S4), softmatch
	// narrowing, matching per read (X5) and fingerprint entries (F1) are
	// replayed over the collected replies in nmap's order.
	TimingFast
)

// Defaults of TimingFast's waits; both grow with the round-trip time.
const (
	DefaultFirstByteWait = time.Second            // silence after which a probe gets no reply
	DefaultIdleWait      = 300 * time.Millisecond // quiet after data that ends a reply
	fastWindow           = 8                      // probes launched ahead of the walk
)

// reply is what one probe's connection brought back.
type reply struct {
	buf      []byte
	cuts     []int // len(buf) after each read, for matching per read (X5)
	end      readEnd
	elapsed  time.Duration // from connect (or send, UDP) to the end
	dialErr  error
	writeErr bool          // the payload could not be written: incomplete (S6)
	hard     bool          // the reply hard-matched its probe's chain (set before done)
	first    chan struct{} // closed at the first byte
	done     chan struct{}
}

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
	first = max(first, 100*rtt)
	idle = max(idle, 50*rtt)
	return min(first, p.TotalWait), min(idle, p.TotalWait)
}

// nullGrace is how long the NULL probe runs alone before other probes are
// sent speculatively (TimingFast).
const nullGrace = 50 * time.Millisecond

// speculate launches the probes the walk would send next, as things stand
// (softmatch narrowing included), up to fastWindow of them.
func (r *run) speculate(launch func(*probes.Probe) *reply) {
	ahead := r.walk
	for range fastWindow {
		q := ahead.next()
		if q == nil {
			break
		}
		launch(q)
	}
}

// runFast is TimingFast's walk for TCP and UDP.
func (r *run) runFast(ctx context.Context) {
	r.wrapOK = true
	r.start(false)
	if r.sessions == nil {
		r.sessions = r.c.tlsConfig() // shared by the concurrent dials
	}
	for r.fastPass(ctx) {
		r.start(true) // S10: walk again inside the tunnel
	}
}

// fastPass walks the probes once (plain or inside SSL); it reports whether
// the walk must restart inside an SSL tunnel.
func (r *run) fastPass(ctx context.Context) bool {
	pctx, cancel := context.WithCancel(ctx)
	var mu sync.Mutex
	var rtt time.Duration
	launched := map[*probes.Probe]*reply{}
	// Speculative probes still running stop at the cancel; wait for them,
	// so no connection (nor per-host slot) outlives the pass.
	defer func() {
		cancel()
		for _, rp := range launched {
			<-rp.done
		}
	}()
	launch := func(p *probes.Probe) *reply {
		if rp := launched[p]; rp != nil {
			return rp
		}
		rp := &reply{done: make(chan struct{}), first: make(chan struct{})}
		launched[p] = rp
		mu.Lock()
		est := rtt
		mu.Unlock()
		ssl := r.ssl
		go func() {
			defer close(rp.done)
			connectTime := r.collect(pctx, p, rp, est, ssl)
			mu.Lock()
			if connectTime > 0 && (rtt == 0 || connectTime < rtt) {
				rtt = connectTime
			}
			mu.Unlock()
		}()
		return rp
	}
	tlsTried := false
	for {
		p := r.walk.next()
		if p == nil && !tlsTried {
			tlsTried = true
			mu.Lock()
			r.rtt = rtt
			mu.Unlock()
			if r.tlsFallback(ctx) {
				return true
			}
		}
		if p == nil {
			r.finish(matcher.Running)
			return false
		}
		r.trace("Service scan sending probe %s to %s (%s)", p.Name, r.t.addr(), r.t.proto())
		rp := launch(p)
		if p.IsNull() {
			// A banner usually settles the service on its own (and servers
			// such as VNC lock out a burst of connections): give the NULL
			// probe a short head start, and if a banner comes, its verdict,
			// before speculating.
			grace := time.NewTimer(nullGrace)
			select {
			case <-rp.first:
				select {
				case <-rp.done:
				case <-ctx.Done():
				}
			case <-rp.done:
			case <-grace.C:
			case <-ctx.Done():
			}
			grace.Stop()
			settled := false
			select {
			case <-rp.done:
				settled = rp.hard
			default:
			}
			if !settled {
				r.speculate(launch)
			}
		} else {
			r.speculate(launch)
		}
		select {
		case <-rp.done:
		case <-ctx.Done():
			r.finish(matcher.Incomplete)
			return false
		}
		if rp.dialErr != nil || rp.writeErr {
			r.finish(matcher.Incomplete)
			return false
		}
		// Replay the reply read by read, as the sequential walk matches it.
		var hit *matcher.Hit
		hard := false
		for _, cut := range rp.cuts {
			r.wrapOK = false
			r.replied = true
			var h *matcher.Hit
			h, hard = r.sess.Feed(p, rp.buf[:cut])
			if h != nil {
				r.traceHit(p, h)
			}
			if hard {
				hit = h
				rp.buf = rp.buf[:cut]
				break
			}
		}
		if hard {
			r.keep(p, rp.buf)
			if hit.Line.Service == "ssl" && !r.ssl && r.t.Proto == probes.TCP {
				return true
			}
			r.finish(matcher.Running)
			return false
		}
		switch rp.end {
		case endTimeout:
			r.wrapOK = false
			r.record(p, rp.buf)
		case endEOF:
			r.record(p, rp.buf)
			if p.IsNull() && len(rp.buf) == 0 && rp.elapsed < p.TCPWrapped && r.wrapOK {
				r.finish(matcher.TCPWrapped)
				return false
			}
		case endReset:
			if p.IsNull() && rp.elapsed < p.TCPWrapped && r.wrapOK {
				r.finish(matcher.TCPWrapped)
				return false
			}
		case endFatal:
			r.wrapOK = false
			r.finish(matcher.Incomplete)
			return false
		}
	}
}

// collect sends probe p on its own connection and reads its reply with
// waits fitted to rtt, stopping early at a hard match of p's chain. It
// returns the connect time (0 for UDP or on failure).
func (r *run) collect(ctx context.Context, p *probes.Probe, rp *reply, rtt time.Duration, ssl bool) time.Duration {
	conn, t0, err := r.dialTimed(ctx, ssl)
	if err != nil {
		if ctx.Err() == nil {
			rp.dialErr = err
		} else {
			rp.end = endFatal
		}
		return 0
	}
	defer conn.Close()
	began := r.now()
	connectTime := time.Duration(0)
	if r.t.Proto == probes.TCP {
		connectTime = began.Sub(t0)
		if rtt == 0 || connectTime < rtt {
			rtt = connectTime
		}
	}
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	if len(p.Payload) > 0 || r.t.Proto == probes.UDP {
		conn.SetWriteDeadline(began.Add(ConnectTimeout))
		if _, err := conn.Write(p.Payload); err != nil && !errors.Is(err, syscall.ECONNREFUSED) {
			rp.end = endError
			rp.writeErr = true
			return connectTime
		}
	}
	first, idle := r.c.waits(p, rtt)
	hardStop := began.Add(p.TotalWait)
	chunk := make([]byte, ReadCap)
	last := began
	for {
		deadline := began.Add(first)
		if len(rp.buf) > 0 {
			deadline = last.Add(idle)
		}
		if deadline.After(hardStop) {
			deadline = hardStop
		}
		conn.SetReadDeadline(deadline)
		if ctx.Err() != nil { // after the deadline is set: see run.read
			rp.end = endFatal
			break
		}
		n, err := conn.Read(chunk)
		if n > 0 {
			if len(rp.buf) == 0 {
				close(rp.first)
			}
			rp.buf = append(rp.buf, chunk[:n]...)
			rp.cuts = append(rp.cuts, len(rp.buf))
			last = r.now()
			if h := r.c.Matcher.Match(p, rp.buf); h != nil && !h.Line.Soft {
				rp.end = endMatch
				rp.hard = true
				break
			}
			if len(rp.buf) >= ReadCap {
				rp.end = endTimeout
				break
			}
		}
		if err == nil {
			continue
		}
		switch {
		case ctx.Err() != nil:
			rp.end = endFatal
		case errors.Is(err, os.ErrDeadlineExceeded):
			rp.end = endTimeout
		case errors.Is(err, io.EOF):
			rp.end = endEOF
		case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNABORTED):
			rp.end = endReset
		case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTDOWN):
			rp.end = endFatal
		default:
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				rp.end = endTimeout
			} else {
				rp.end = endError
			}
		}
		break
	}
	rp.elapsed = r.now().Sub(began)
	return connectTime
}
