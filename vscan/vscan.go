package vscan

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/result"
)

// Nmap's fixed limits (service_scan.h, S6, S7).
const (
	ReadCap           = 4096
	ConnectTimeout    = 5 * time.Second
	SSLConnectTimeout = 8 * time.Second
)

// DialFunc opens a connection; tests inject their own (style anchor 5).
type DialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// Config is what a version scan needs. The zero value of each optional
// field picks nmap's behaviour.
type Config struct {
	Matcher   *matcher.Matcher
	Intensity int // 0..9 (S3)

	Dial      DialFunc    // default: net.Dialer
	TLSConfig *tls.Config // default: every version and cipher Go offers, no verification

	// Table names ports no probe identified (R1, R2).
	Table func(port int, proto probes.Protocol) string
	// Trace receives --version-trace lines (O8), without newline.
	Trace func(string)
	// Debug raises the fingerprint limits as nmap's debug level does (F5).
	Debug bool
	// FPVersion and FPPlatform go into fingerprint headers (F2).
	FPVersion, FPPlatform string

	// TLSFallback goes beyond nmap: when the probe walk ends without a hard
	// match on a port listed in some probe's sslports, a port that never
	// sent a byte, or one that answered only with TLS alerts, try a modern
	// TLS handshake and, if it succeeds, walk the probes again inside the
	// tunnel (as S10 does). Servers that accept only TLS 1.2+ ignore nmap's
	// SSLv3-style probes; nmap reports them from the services table.
	TLSFallback bool

	// MaxHostConns caps the connections open at once to one address, over
	// every Scan and Pool of this Config (0: no cap, as nmap). A probe
	// waits for a free slot before its connect timeout starts.
	MaxHostConns int
	limits       *hostLimits

	// Timing is TimingNmap (the zero value) or TimingFast.
	Timing Timing
	// FirstByteWait and IdleWait are TimingFast's floors (defaults
	// DefaultFirstByteWait, DefaultIdleWait).
	FirstByteWait, IdleWait time.Duration

	// Record, when set, receives every service's complete replies at the
	// end of its walk — the reply that matched included, nothing cut — as
	// a fingerprint, for building evidence corpora (--version-record).
	Record func(Target, *fingerprint.Fingerprint, *result.Service)

	Now func() time.Time
}

// Target is one port to identify.
type Target struct {
	IP    netip.Addr
	Port  int
	Proto probes.Protocol
	// State is the port scan's verdict: "open", or "open|filtered" for UDP.
	State string
}

func (t Target) addr() string { return netip.AddrPortFrom(t.IP, uint16(t.Port)).String() }

func (t Target) proto() string {
	if t.Proto == probes.UDP {
		return "udp"
	}
	return "tcp"
}

// Result is what a version scan found on one port.
type Result struct {
	Service *result.Service
	// Replied is true when the port sent any byte; a UDP open|filtered port
	// that replied is open (reason udp-response, S11).
	Replied bool
	Outcome matcher.Outcome
	// Replies are the replies recorded in the fingerprint, in probe order.
	Replies []fingerprint.Response
}

// Scan identifies the service of one port. It returns when the walk is
// finished or ctx is done (then the outcome is Incomplete and what was
// learned so far is kept, as with --host-timeout).
func (c *Config) Scan(ctx context.Context, t Target) *Result {
	r := &run{c: c, t: t, ctx: ctx}
	if c.Timing == TimingFast {
		r.runFast(ctx)
	} else if t.Proto == probes.UDP {
		r.runUDP(ctx)
	} else {
		r.runTCP(ctx)
	}
	return r.result()
}

type run struct {
	c   *Config
	t   Target
	ctx context.Context // the scan's: once it is done the walk was cut

	sess     *matcher.Session
	ssl      bool
	wrapOK   bool // tcpwrap_possible (S9)
	replied  bool
	outcome  matcher.Outcome
	replies  []fingerprint.Response
	fp       *fingerprint.Builder
	walk     walker
	sessions *tls.Config
	triedTLS bool
	rtt      time.Duration          // the service's connect time (TimingFast), for the TLS fallback
	alerts   bool                   // every reply so far was a TLS alert
	all      []fingerprint.Response // every reply, for Config.Record
}

func (r *run) now() time.Time {
	if r.c.Now != nil {
		return r.c.Now()
	}
	return time.Now()
}

func (r *run) trace(format string, args ...any) {
	if r.c.Trace != nil {
		r.c.Trace(fmt.Sprintf(format, args...))
	}
}

// start (re)starts the walk, outside or inside the SSL tunnel (S10).
func (r *run) start(ssl bool) {
	r.ssl = ssl
	r.sess = r.c.Matcher.NewSession(r.t.Port, r.t.Proto, ssl, r.c.Intensity)
	r.walk = walker{db: r.c.Matcher.DB(), sess: r.sess}
	r.replies = nil // S10: the fingerprint so far is discarded
	r.fp = nil
	r.all = nil
}

// record adds a reply to the fingerprint (F1, F5).
func (r *run) record(p *probes.Probe, buf []byte) {
	if len(buf) == 0 {
		return
	}
	if len(r.replies) == 0 {
		r.alerts = isAlert(buf)
	} else if !isAlert(buf) {
		r.alerts = false
	}
	if r.fp == nil {
		hdr := fingerprint.Fingerprint{
			Port:      r.t.Port,
			Proto:     "TCP",
			Version:   r.c.FPVersion,
			SSL:       r.ssl,
			Intensity: r.c.Intensity,
			Platform:  r.c.FPPlatform,
		}
		if r.t.Proto == probes.UDP {
			hdr.Proto = "UDP"
		}
		r.fp = fingerprint.NewBuilder(hdr, fingerprint.Options{Debug: r.c.Debug, Now: r.now})
	}
	data := append([]byte(nil), buf...)
	r.fp.Add(p.Name, data)
	r.replies = append(r.replies, fingerprint.Response{Probe: p.Name, Length: len(data), Data: data})
	r.all = append(r.all, fingerprint.Response{Probe: p.Name, Length: len(data), Data: data})
}

// keep adds a reply that matched to the complete record (Config.Record);
// the fingerprint never holds it (F1).
func (r *run) keep(p *probes.Probe, buf []byte) {
	if r.c.Record != nil && len(buf) > 0 {
		r.all = append(r.all, fingerprint.Response{Probe: p.Name, Length: len(buf), Data: append([]byte(nil), buf...)})
	}
}

type readEnd int

const (
	endMatch   readEnd = iota // hard match
	endTimeout                // totalwaitms ran out, or the 4096-byte cap
	endEOF
	endReset // ECONNRESET, ECONNREFUSED, ECONNABORTED: no fingerprint entry
	endError // other errors: next probe, no fingerprint entry
	endFatal // unreachable: give up (incomplete)
)

// read reads the reply of probe p on conn until a hard match, the
// deadline, the cap, EOF or an error, matching after every read (S7, X5).
func (r *run) read(ctx context.Context, conn net.Conn, p *probes.Probe, buf []byte, deadline time.Time) (readEnd, []byte, *matcher.Hit) {
	chunk := make([]byte, ReadCap)
	stop := context.AfterFunc(ctx, func() { conn.SetReadDeadline(time.Unix(1, 0)) })
	defer stop()
	for {
		// Check ctx after setting the deadline: a cancel from then on runs
		// the AfterFunc, whose past deadline overrides this one.
		conn.SetReadDeadline(deadline)
		if ctx.Err() != nil {
			return endFatal, buf, nil
		}
		n, err := conn.Read(chunk)
		if n > 0 {
			r.wrapOK = false
			r.replied = true
			buf = append(buf, chunk[:n]...)
			hit, done := r.sess.Feed(p, buf)
			if hit != nil {
				r.traceHit(p, hit)
			}
			if done {
				return endMatch, buf, hit
			}
			if len(buf) >= ReadCap {
				return endTimeout, buf, nil
			}
		}
		if err == nil {
			continue
		}
		switch {
		case ctx.Err() != nil:
			return endFatal, buf, nil
		case errors.Is(err, os.ErrDeadlineExceeded):
			r.wrapOK = false
			return endTimeout, buf, nil
		case errors.Is(err, io.EOF):
			return endEOF, buf, nil
		case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNABORTED):
			return endReset, buf, nil
		case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTDOWN):
			r.wrapOK = false
			return endFatal, buf, nil
		default:
			return endError, buf, nil
		}
	}
}

func (r *run) traceHit(p *probes.Probe, h *matcher.Hit) {
	if r.c.Trace == nil {
		return
	}
	name := h.Line.Service
	if r.ssl {
		name = "SSL/" + name
	}
	kind := "hard"
	if h.Line.Soft {
		kind = "soft"
	}
	where := fmt.Sprintf("(Probe %s matched with %s line %d): %s is %s", p.Name, h.Line.Probe.Name, h.Line.Pos.Line, r.t.addr(), name)
	f := h.Fields
	if f.Product != "" || f.Version != "" || f.Info != "" {
		r.trace("Service scan match %s.  Version: |%s|%s|%s|", where, f.Product, f.Version, f.Info)
	} else {
		r.trace("Service scan %s match %s", kind, where)
	}
}

func (r *run) dial(ctx context.Context) (net.Conn, error) { return r.dialMode(ctx, r.ssl) }

// dialMode connects to the target, through a TLS handshake when ssl is set.
func (r *run) dialMode(ctx context.Context, ssl bool) (net.Conn, error) {
	conn, _, err := r.dialTimed(ctx, ssl)
	return conn, err
}

// dialTimed is dialMode that also returns when the connect began: after
// the wait for a per-host slot (Config.MaxHostConns), which is no part of
// the round trip.
func (r *run) dialTimed(ctx context.Context, ssl bool) (net.Conn, time.Time, error) {
	timeout := ConnectTimeout
	if ssl {
		timeout = SSLConnectTimeout
	}
	release, err := r.c.acquire(ctx, r.t.IP)
	if err != nil {
		return nil, time.Time{}, err
	}
	t0 := r.now()
	dctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	dial := r.c.Dial
	if dial == nil {
		var d net.Dialer
		dial = d.DialContext
	}
	network := "tcp"
	if r.t.Proto == probes.UDP {
		network = "udp"
	}
	conn, err := dial(dctx, network, r.t.addr())
	if err != nil {
		release()
		return nil, t0, err
	}
	conn = &limitedConn{Conn: conn, release: release}
	if !ssl {
		return conn, t0, nil
	}
	if r.sessions == nil {
		r.sessions = r.c.tlsConfig()
	}
	tc := tls.Client(conn, r.sessions)
	if err := tc.HandshakeContext(dctx); err != nil {
		conn.Close()
		return nil, t0, err
	}
	return tc, t0, nil
}

func (c *Config) tlsConfig() *tls.Config {
	if c.TLSConfig != nil {
		return c.TLSConfig.Clone()
	}
	return ClientTLSConfig()
}

// ClientTLSConfig accepts every certificate and offers every protocol
// version and cipher suite Go still implements, with session resumption.
func ClientTLSConfig() *tls.Config {
	var suites []uint16
	for _, s := range tls.CipherSuites() {
		suites = append(suites, s.ID)
	}
	for _, s := range tls.InsecureCipherSuites() {
		suites = append(suites, s.ID)
	}
	return &tls.Config{
		InsecureSkipVerify: true,
		MinVersion:         tls.VersionTLS10,
		MaxVersion:         tls.VersionTLS13,
		CipherSuites:       suites,
		ClientSessionCache: tls.NewLRUClientSessionCache(4),
	}
}

// runTCP walks the probes of a TCP service (S4–S10).
func (r *run) runTCP(ctx context.Context) {
	r.wrapOK = true
	r.start(false)
	var reuse net.Conn
	var reuseBuf []byte
	defer func() {
		if reuse != nil {
			reuse.Close()
		}
	}()
	for {
		p := r.walk.next()
		if p == nil && reuse != nil {
			// Hand the NULL probe's connection back before the TLS
			// fallback dials, so a per-host cap cannot starve it.
			reuse.Close()
			reuse, reuseBuf = nil, nil
		}
		if p == nil && r.tlsFallback(ctx) {
			r.start(true)
			continue
		}
		if p == nil {
			r.finish(matcher.Running)
			return
		}
		if ctx.Err() != nil {
			r.finish(matcher.Incomplete)
			return
		}
		r.trace("Service scan sending probe %s to %s (%s)", p.Name, r.t.addr(), r.t.proto())
		conn, buf := reuse, reuseBuf
		reuse, reuseBuf = nil, nil
		if conn == nil {
			var err error
			conn, err = r.dial(ctx)
			if err != nil {
				r.finish(matcher.Incomplete)
				return
			}
		}
		if len(p.Payload) > 0 {
			conn.SetWriteDeadline(r.now().Add(ConnectTimeout))
			// A peer that never reads must not hold the write past ctx.
			stop := context.AfterFunc(ctx, func() { conn.SetWriteDeadline(time.Unix(1, 0)) })
			_, err := conn.Write(p.Payload)
			stop()
			if err != nil {
				conn.Close()
				r.finish(matcher.Incomplete)
				return
			}
		}
		began := r.now()
		end, buf, hit := r.read(ctx, conn, p, buf, began.Add(p.TotalWait))
		elapsed := r.now().Sub(began)
		switch end {
		case endMatch:
			conn.Close()
			r.keep(p, buf)
			if hit.Line.Service == "ssl" && !r.ssl && r.t.Proto == probes.TCP {
				r.start(true) // S10: restart at NULL inside the tunnel
				continue
			}
			r.finish(matcher.Running)
			return
		case endTimeout:
			r.record(p, buf)
			if p.IsNull() {
				reuse, reuseBuf = conn, buf // S6: the next probe reuses it, banner kept
			} else {
				conn.Close()
			}
		case endEOF:
			conn.Close()
			r.record(p, buf)
			if p.IsNull() && len(buf) == 0 && elapsed < p.TCPWrapped && r.wrapOK {
				r.finish(matcher.TCPWrapped)
				return
			}
		case endReset:
			conn.Close()
			if p.IsNull() && elapsed < p.TCPWrapped && r.wrapOK {
				r.finish(matcher.TCPWrapped)
				return
			}
		case endError:
			conn.Close()
		case endFatal:
			conn.Close()
			r.finish(matcher.Incomplete)
			return
		}
	}
}

// tlsFallback decides whether to try a modern TLS handshake after the walk
// (Config.TLSFallback) and tries it; true means the handshake succeeded.
func (r *run) tlsFallback(ctx context.Context) bool {
	if !r.c.TLSFallback || r.ssl || r.triedTLS || r.sess.Hard() != nil || r.t.Proto != probes.TCP || ctx.Err() != nil {
		return false
	}
	candidate := !r.replied || r.alerts
	for _, p := range r.c.Matcher.DB().Probes {
		if p.SSLPorts.Contains(r.t.Port) {
			candidate = true
		}
	}
	if !candidate {
		return false
	}
	r.triedTLS = true
	if r.sessions == nil {
		r.sessions = r.c.tlsConfig()
	}
	hctx := ctx
	if r.c.Timing == TimingFast {
		// A TLS server answers a ClientHello at once: wait as long as for a
		// probe's first byte (twice, for the connect), not nmap's 8 s.
		first := r.c.FirstByteWait
		if first <= 0 {
			first = DefaultFirstByteWait
		}
		var cancel context.CancelFunc
		hctx, cancel = context.WithTimeout(ctx, max(2*first, 100*r.rtt))
		defer cancel()
	}
	conn, err := r.dialMode(hctx, true)
	if err != nil {
		return false
	}
	conn.Close()
	r.trace("Service scan TLS handshake succeeded with %s: probing inside the tunnel", r.t.addr())
	r.wrapOK = false
	r.replied = true
	return true
}

// isAlert reports whether b is nothing but TLS alert records.
func isAlert(b []byte) bool {
	if len(b) < 7 {
		return false
	}
	for len(b) >= 5 {
		if b[0] != 0x15 || b[1] != 3 {
			return false
		}
		n := int(b[3])<<8 | int(b[4])
		if len(b) < 5+n {
			return true // a cut record still says alert
		}
		b = b[5+n:]
	}
	return len(b) == 0
}

// runUDP walks the probes of a UDP service over one connected socket (S11).
func (r *run) runUDP(ctx context.Context) {
	r.wrapOK = true
	r.start(false)
	var conn net.Conn
	for {
		p := r.walk.next()
		if p == nil {
			break
		}
		if ctx.Err() != nil {
			r.finish(matcher.Incomplete)
			break
		}
		r.trace("Service scan sending probe %s to %s (%s)", p.Name, r.t.addr(), r.t.proto())
		if conn == nil {
			var err error
			if conn, err = r.dial(ctx); err != nil {
				r.finish(matcher.Incomplete)
				return
			}
		}
		if _, err := conn.Write(p.Payload); err != nil && !errors.Is(err, syscall.ECONNREFUSED) {
			r.finish(matcher.Incomplete)
			break
		}
		end, buf, _ := r.read(ctx, conn, p, nil, r.now().Add(p.TotalWait))
		if end == endMatch {
			r.keep(p, buf)
			r.finish(matcher.Running)
			break
		}
		if end == endTimeout {
			r.record(p, buf)
		}
		if end == endFatal {
			r.finish(matcher.Incomplete)
			break
		}
	}
	if conn != nil {
		conn.Close()
	}
	if r.outcome == matcher.Running {
		r.finish(matcher.Running)
	}
}

// finish ends the walk; S9's catch-all turns any end into tcpwrapped while
// nothing was ever received and no read timed out.
func (r *run) finish(o matcher.Outcome) {
	if r.outcome != matcher.Running {
		return
	}
	if r.ctx != nil && r.ctx.Err() != nil {
		// Cut by the host timeout (or an interrupt): S9 clears
		// tcpwrap_possible, and a walk that did not run to its end (say, a
		// TLS fallback handshake cut short) is incomplete.
		r.wrapOK = false
		if o == matcher.Running {
			o = matcher.Incomplete
		}
	}
	if r.wrapOK && r.sess.Hard() == nil {
		o = matcher.TCPWrapped
	}
	r.outcome = r.sess.Finish(o)
}

func (r *run) result() *Result {
	svc := r.sess.Service(r.c.Table)
	res := &Result{Service: svc, Replied: r.replied, Outcome: r.outcome, Replies: r.replies}
	keep := false
	switch r.outcome {
	case matcher.NoMatch:
		keep = true
	case matcher.SoftMatched, matcher.TCPWrapped, matcher.Incomplete:
		keep = r.c.Intensity >= 7
	}
	if keep && r.fp != nil {
		svc.Fingerprint = r.fp.String()
	}
	if r.c.Record != nil && len(r.all) > 0 {
		hdr := fingerprint.Fingerprint{Port: r.t.Port, Proto: "TCP", Version: r.c.FPVersion, SSL: r.ssl,
			Intensity: r.c.Intensity, Platform: r.c.FPPlatform, Responses: r.all}
		if r.t.Proto == probes.UDP {
			hdr.Proto = "UDP"
		}
		now := r.now()
		hdr.Month, hdr.Day, hdr.Time = int(now.Month()), now.Day(), uint32(now.Unix())
		r.c.Record(r.t, &hdr, svc)
	}
	return res
}

// walker yields the probes of one service in nmap's order (S4): the NULL
// probe (TCP), then the probes registered for the port, then the rest in
// file order, re-checking eligibility before each one so a softmatch
// narrows the rest of the walk at once.
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

// Pool runs Scan for many targets with a fixed number of services in
// flight (S2) and hands each result to done as it finishes.
func (c *Config) Pool(ctx context.Context, parallelism int, targets <-chan Target, done func(Target, *Result)) {
	if parallelism < 1 {
		parallelism = 1
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i := 0; i < parallelism; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range targets {
				res := c.Scan(ctx, t)
				mu.Lock()
				done(t, res)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
}

// Platform is the %P= of fingerprints, in nmap's GNU triplet style.
func Platform(goos, goarch string) string {
	arch := map[string]string{"amd64": "x86_64", "386": "i686", "arm64": "aarch64", "arm": "arm"}[goarch]
	if arch == "" {
		arch = goarch
	}
	if goos == "linux" {
		return arch + "-pc-linux-gnu"
	}
	return arch + "-unknown-" + goos
}
