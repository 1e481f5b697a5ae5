package portscan

import (
	"context"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	"github.com/signetscan/signet/portspec"
)

// hostScan is the state of one host's scan. Only its own goroutine (scanHost) touches it, except
// ctx, addr, proto and results, which workers read.
type hostScan struct {
	s       *Scanner
	ctx     context.Context
	addr    netip.Addr
	proto   portspec.Protocol
	results chan attemptResult
	tries   int // tries allowed per port at most

	rtt      *RTT
	delay    time.Duration // current scan delay (grows when answers come only on retries)
	maxDelay time.Duration
	lastSend time.Time
	// maxSuccessfulTry is the highest try number that got an answer (nmap's
	// max_successful_tryno); retries are allowed one beyond it, capped by MaxRetries.
	maxSuccessfulTry int
	good, dropped    int // answers to first tries / to retries since the delay last changed

	done int

	// Mirrors the fast-path lanes read while the host goroutine updates the originals:
	// rtt.Timeout() and delay.
	curTimeout atomic.Int64
	curDelay   atomic.Int64
	paceMu     sync.Mutex // guards lastSend between lanes

	// knownClosed is a UDP port that answered with port unreachable; rateChecked says whether
	// it has been used to test for ICMP rate limiting.
	knownClosed uint16
	rateChecked bool

	// late keeps connects whose try timed out open for a while (connect scan on Linux; nil
	// otherwise); fin marks the ports already reported, so a late answer and a retry's answer
	// to the same port are reported once.
	late *latePool
	fin  [1024]uint64
	// lateSeen: some port answered a try only after it had timed out.
	lateSeen bool
}

func (h *hostScan) isFinal(port uint16) bool { return h.fin[port>>6]&(1<<(port&63)) != 0 }

// canaryProbes is how many probes icmpRateLimited sends at once to a known-closed port: more
// than the burst Linux allows (6 per destination before falling to 1 per second).
const canaryProbes = 8

// icmpRateLimited probes a port known to be closed canaryProbes times at once. A closed port
// that stops answering is the one sure sign that the host rate-limits its ICMP errors (Linux
// does by default for non-loopback peers), so the silent ports are not yet open|filtered.
func (h *hostScan) icmpRateLimited() bool {
	ap := netip.AddrPortFrom(h.addr, h.knownClosed).String()
	payload := h.s.payloadFor(h.knownClosed, 0)
	timeout := h.rtt.Timeout()
	var answered atomic.Int32
	var wg sync.WaitGroup
	for range canaryProbes {
		wg.Go(func() {
			if h.s.gate.acquire(h.ctx) != nil {
				return
			}
			out := h.s.udpTry(h.ctx, ap, timeout, payload)
			h.s.gate.release(false)
			if out.final && out.reason == ReasonPortUnreach {
				answered.Add(1)
			}
		})
	}
	wg.Wait()
	h.lastSend = time.Now()
	return h.ctx.Err() == nil && answered.Load() < canaryProbes
}

// allowedTry is the highest try number this host may get now.
func (h *hostScan) allowedTry() int {
	return min(h.tries-1, max(1, h.maxSuccessfulTry+1))
}

// noteAnswer updates retry allowance and scan delay after an answer to try number try.
// Like nmap, the scan delay grows when more than a quarter of recent answers came only on
// retries (at least two of them): the target drops probes or rate-limits its answers (ICMP).
func (h *hostScan) noteAnswer(try int) {
	h.maxSuccessfulTry = max(h.maxSuccessfulTry, try)
	if try == 0 {
		h.good++
		return
	}
	h.dropped++
	if h.dropped >= 2 && h.dropped*4 > h.good+h.dropped && h.delay < h.maxDelay {
		if h.delay == 0 {
			h.delay = 5 * time.Millisecond
			if h.proto == portspec.UDP {
				h.delay = 50 * time.Millisecond
			}
		} else {
			h.delay *= 2
		}
		h.delay = min(h.delay, h.maxDelay)
		h.good, h.dropped = 0, 0
	}
}

// scanHost runs a connect or UDP scan of one host: a round of first tries over every port,
// then rounds of retries over the silent ones.
func (s *Scanner) scanHost(hctx context.Context, j Job, report func(PortResult)) Stats {
	proto := j.Technique.Protocol()
	t := struct {
		Addr  netip.Addr
		Ports []uint16
	}{j.Addr, j.Ports}
	par := s.timing.HostParallelism
	h := &hostScan{
		s: s, ctx: hctx, addr: t.Addr, proto: proto, tries: j.Tries,
		rtt:              j.RTT,
		delay:            s.timing.ScanDelay,
		maxDelay:         s.timing.MaxTCPScanDelay,
		maxSuccessfulTry: -1,
	}
	if h.tries <= 0 || h.tries > s.timing.MaxRetries+1 {
		h.tries = s.timing.MaxRetries + 1
	}
	if proto == portspec.UDP {
		h.maxDelay = s.timing.MaxUDPScanDelay
	}
	fast := proto == portspec.TCP && s.fast
	if !fast {
		h.results = make(chan attemptResult, min(par, len(t.Ports)))
	}
	if fast {
		h.late = newLatePool(s)
		if h.late != nil {
			defer h.late.stop()
		}
	}
	final := func(port uint16, tries int, out outcome) {
		h.fin[port>>6] |= 1 << (port & 63)
		h.done++
		report(PortResult{Addr: t.Addr, Port: port, Proto: proto, State: out.state, Reason: out.reason,
			Tries: tries, RTT: out.rtt, Reply: out.reply, Err: out.err})
	}

	pending := t.Ports
	inflight := 0
	for try := 0; len(pending) > 0 && hctx.Err() == nil; try++ {
		var silent []uint16
		handle := func(r attemptResult) {
			switch {
			case r.out.cancelled:
			case h.isFinal(r.port): // a late answer to an earlier try read it already
			case r.out.final && r.late:
				// An answer to a try that had timed out: it counts as that try's answer (not
				// as a drop), but its round trip is no sample (the try was retried meanwhile).
				h.noteAnswer(r.try)
				h.lateSeen = true
				final(r.port, r.try+1, r.out)
			case r.out.final:
				if r.out.reason != ReasonLocalError {
					h.rtt.Sample(r.out.rtt)
					h.noteAnswer(r.try)
				}
				if r.out.reason == ReasonPortUnreach && h.knownClosed == 0 {
					h.knownClosed = r.port
				}
				final(r.port, r.try+1, r.out)
			default:
				silent = append(silent, r.port)
			}
		}
		if fast {
			h.connectRound(pending, try, par, handle)
			pending = nil // the ports are all handled: silent holds those to retry
		}
		for i := 0; i < len(pending) || inflight > 0; {
			if i < len(pending) && (inflight < par || s.floor.behind()) && hctx.Err() == nil {
				if err := h.pace(); err != nil {
					continue // hctx ended: drain below
				}
				j := job{h: h, port: pending[i], try: try, timeout: h.rtt.Timeout()}
				if proto == portspec.UDP {
					j.payload = s.payloadFor(pending[i], try)
				}
				select {
				case s.probes <- struct{}{}:
					go func() {
						defer func() { <-s.probes }()
						h.results <- s.attempt(j)
					}()
					h.lastSend = time.Now()
					s.floor.add(1)
					inflight++
					i++
				case r := <-h.results:
					inflight--
					handle(r)
				case <-hctx.Done():
				}
				continue
			}
			if inflight == 0 {
				break // host context ended with ports left
			}
			inflight--
			handle(<-h.results)
		}
		if hctx.Err() != nil {
			break
		}
		if proto == portspec.UDP && len(silent) > 0 && h.knownClosed != 0 && !h.rateChecked {
			h.rateChecked = true
			if h.icmpRateLimited() {
				// Silence says little while the host withholds port unreachables: probe the
				// silent ports again at the slowest pace (nmap's max UDP scan delay, 1 s).
				h.delay = max(h.delay, h.maxDelay)
				h.maxSuccessfulTry = max(h.maxSuccessfulTry, try)
			}
		}
		lateAnswers := func() {
			if h.late == nil {
				return
			}
			for _, r := range h.late.take() {
				handle(r)
			}
			kept := silent[:0]
			for _, p := range silent {
				if !h.isFinal(p) {
					kept = append(kept, p)
				}
			}
			silent = kept
		}
		lateAnswers()
		if try+1 > h.allowedTry() && len(silent) > 0 && h.late != nil && h.lateSeen {
			// Last try, on a host whose answers have come late (after a try's timeout: a
			// stalling link or host): like nmap, wait for the tries' connects still open to
			// answer before reading a port filtered, at most long enough for the kernel's own
			// SYN retransmission to be answered. A late answer may allow another try. Other
			// hosts are not kept waiting: without late answers, the silent ports are ports a
			// firewall drops (or lost on every try, which a host that answers on retries gets
			// one more try against), and waiting would cost every such scan about a second.
			h.late.settle(silent, time.Now().Add(kernelSynRTO+2*h.rtt.Timeout()), hctx.Done())
			lateAnswers()
		}
		pending = silent
		if try+1 > h.allowedTry() {
			st := Filtered
			if proto == portspec.UDP {
				st = OpenFiltered
			}
			for _, p := range pending {
				final(p, try+1, outcome{state: st, reason: ReasonNoResponse})
			}
			pending = nil
		}
	}
	return Stats{Answered: h.done, Unscanned: len(t.Ports) - h.done}
}

// pace waits for the host's scan delay (unless the scan is behind --min-rate) and the
// global rate limit.
func (h *hostScan) pace() error {
	if h.delay > 0 && !h.lastSend.IsZero() {
		until := h.lastSend.Add(h.delay)
		for !h.s.floor.behind() && time.Now().Before(until) {
			step := until
			if soon := time.Now().Add(time.Millisecond); h.s.floor != nil && soon.Before(until) {
				step = soon // --min-rate may want a probe sooner
			}
			if err := sleepUntil(h.ctx, step); err != nil {
				return err
			}
		}
	}
	if h.s.rate != nil {
		return h.s.rate.wait(h.ctx)
	}
	return h.ctx.Err()
}
