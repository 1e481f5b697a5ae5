package vscan

import (
	"context"
	"crypto/tls"
	"net"
	"net/netip"
	"sync"
	"time"

	"github.com/signetscan/signet/detect"
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

// MinHandshakeWait is the least a detector's TLS handshake gets after
// its connect in the adaptive mode (twice the fitted wait when longer).
const MinHandshakeWait = 2 * time.Second

// DialFunc opens a connection; tests inject their own (style anchor 5).
type DialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// Config is what a version scan needs. The zero value of each optional
// field picks nmap's behaviour (without its version scripts).
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

	// Detectors run after the signature walk, in order, as nmap runs its
	// version scripts (detect.Table is all of them; nil runs none).
	Detectors []detect.Detector

	// MaxHostConns caps the connections open at once to one address, over
	// every Scan and Pool of this Config (0: no cap, as nmap). Below it,
	// each address has a window that starts at InitialHostConns (0:
	// DefaultInitialHostConns), grows with every connect that succeeds and
	// halves when the host refuses or drops one (see hostLimits). A probe
	// waits for a free slot before its connect timeout starts.
	MaxHostConns     int
	InitialHostConns int
	limits           *hostLimits

	// Timing is TimingNmap (the zero value) or TimingFast.
	Timing Timing
	// FirstByteWait and IdleWait are TimingFast's floors (defaults
	// DefaultFirstByteWait, DefaultIdleWait).
	FirstByteWait, IdleWait time.Duration
	// LateListen is how long TimingFast listens on a silent port's NULL
	// connection past the NULL probe's wait (default: a third of that
	// wait, LateListenShare; negative: never).
	LateListen time.Duration

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
	// Outcome is why the signature walk ended.
	Outcome Outcome
	// Replies are the replies recorded in the fingerprint, in probe order.
	Replies []fingerprint.Response
	// Others are names a detector gave other ports of the host (rpcinfo):
	// the caller applies them with detect.ApplyName once every port of
	// the host is done. Detector names the detector.
	Others []detect.PortName
	// OthersBy is the detector that named Others.
	OthersBy string
}

// Scan identifies the service of one port: the signature walk, then the
// detectors. It returns when both are finished or ctx is done (then the
// outcome is TimeLimit and what was learned so far is kept, as with
// --host-timeout).
func (c *Config) Scan(ctx context.Context, t Target) *Result {
	w := newWalk(c, t, ctx)
	t0 := c.now()
	res := w.scan()
	w.trace("Service scan: %s (%s) done in %v: %s", t.addr(), t.proto(), c.now().Sub(t0).Round(time.Millisecond), res.Outcome)
	return res
}

// HoldsHost reports whether a detector may name other ports of a host
// once this port is scanned (rpcinfo on 111): the host's results are then
// final only when all its ports are done.
func (c *Config) HoldsHost(port int, proto probes.Protocol) bool {
	p := "tcp"
	if proto == probes.UDP {
		p = "udp"
	}
	for _, d := range c.Detectors {
		if r := d.Rule(); r.Others && c.Intensity >= r.MinIntensity && r.MayWant(port, p) {
			return true
		}
	}
	return false
}

// dialOpts say how dial connects.
type dialOpts struct {
	ssl      bool        // through a TLS handshake
	sessions *tls.Config // the TLS configuration (session cache) to use
	// timeout bounds the connect and handshake (0: nmap's); handshake,
	// when set, bounds the TLS handshake apart, after the connect (a
	// detector's ClientHello to a server that holds it silent is over
	// in a fitted wait, where the connect may need nmap's whole
	// timeout).
	timeout, handshake time.Duration
	urgent             bool // takes a host slot before others (Config.acquire)
	// serial: a connection of a port's walk one connection at a time
	// (the serial fallback, a probe asked alone) needs no slot of the
	// host's window, only one under MaxHostConns (Config.acquire).
	serial bool
}

// dial connects to the target, through a TLS handshake when ssl is set,
// and returns when the connect began: after the wait for a per-host slot
// (Config.MaxHostConns), which is no part of the round trip.
func (c *Config) dial(ctx context.Context, t Target, o dialOpts) (net.Conn, time.Time, error) {
	ssl, sessions, timeout, handshake := o.ssl, o.sessions, o.timeout, o.handshake
	if timeout <= 0 {
		timeout = ConnectTimeout
		if ssl {
			timeout = SSLConnectTimeout
		}
	}
	release, outcome, err := c.acquire(ctx, t.IP, o.urgent, o.serial)
	if err != nil {
		return nil, time.Time{}, err
	}
	t0 := c.now()
	dctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	dial := c.Dial
	if dial == nil {
		var d net.Dialer
		dial = d.DialContext
	}
	conn, err := dial(dctx, t.proto(), t.addr())
	outcome(err)
	if err != nil {
		release()
		return nil, t0, err
	}
	conn = &limitedConn{Conn: conn, release: release}
	if !ssl {
		return conn, t0, nil
	}
	tc := tls.Client(conn, sessions)
	if handshake > 0 {
		var hcancel context.CancelFunc
		dctx, hcancel = context.WithTimeout(dctx, handshake)
		defer hcancel()
	}
	if err := tc.HandshakeContext(dctx); err != nil {
		conn.Close()
		return nil, t0, err
	}
	return tc, t0, nil
}

func (c *Config) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
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
