package portscan

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/signetscan/signet/portspec"
	"golang.org/x/sys/unix"
)

// Dialer opens connections; *net.Dialer satisfies it. The scanner never calls net.Dial itself.
// For UDP it must return a connected socket ("udp" network), so that an ICMP port unreachable
// surfaces as ECONNREFUSED on the next read.
type Dialer interface {
	DialContext(ctx context.Context, network, address string) (net.Conn, error)
}

// Options configure a Scanner. The zero value scans like `nmap -T3`.
type Options struct {
	// Timing is the -T template and its overrides (--max-retries, --scan-delay,
	// --max-rtt-timeout, ...): start from Template(n) and change fields. The zero value means
	// Template(3); in a non-zero Timing, MaxRetries 0 means one try and -1 the -T3 value.
	// Timing.HostTimeout is not the scanner's business: the caller ends a host's context.
	Timing Timing
	// MaxParallelism (--max-parallelism) caps probes in flight, per host and overall.
	// 0: overall from the file-descriptor limit, per host from Timing.HostParallelism.
	MaxParallelism int
	// MaxRate (--max-rate) caps probes per second over all hosts; 0 = no cap.
	MaxRate float64
	// MinRate (--min-rate) is a floor in probes per second over all hosts and every scan
	// (SYN, connect, UDP, and discovery through Pace): while the scan is behind it, probes go
	// out past the congestion window, the per-host parallelism and the scan delay. 0 = none.
	MinRate float64
	// FDReserve is the number of descriptors left for others (default DefaultFDReserve).
	FDReserve int
	// Dialer opens TCP connections and connected UDP sockets (default: a SocketDialer, a
	// net.Dialer that sets SO_LINGER 0 on TCP and IP_RECVERR on UDP sockets). With the default,
	// connect scans skip the Dialer and drive non-blocking sockets through epoll themselves
	// (fastconnect_linux.go); any other Dialer is called once per try.
	Dialer Dialer
	// Payloads chooses UDP payloads per port (default BuiltinPayloads).
	Payloads Payloads
}

// Technique is how ports are probed.
type Technique uint8

// Techniques.
const (
	// Connect (-sT) completes a TCP connection with connect(2) and resets it at once; it needs
	// no privileges.
	Connect Technique = iota + 1
	// SYN (-sS) sends a raw SYN and reads the answer (SYN-ACK, RST or an ICMP error); the
	// connection is never completed. It needs raw sockets (root).
	SYN
	// UDP (-sU) sends a datagram (a protocol payload for well-known ports) and waits for a
	// reply or an ICMP port unreachable.
	UDP
)

// Protocol is the transport protocol the technique scans.
func (t Technique) Protocol() portspec.Protocol {
	if t == UDP {
		return portspec.UDP
	}
	return portspec.TCP
}

// String is nmap's name of the scan type (the XML scaninfo type): "connect", "syn", "udp".
func (t Technique) String() string {
	switch t {
	case Connect:
		return "connect"
	case SYN:
		return "syn"
	case UDP:
		return "udp"
	}
	return "unknown"
}

// Job is one host's port scan.
type Job struct {
	Addr      netip.Addr
	Technique Technique
	// Ports are probed in this order (first tries; retries follow).
	Ports []uint16
	// RTT is the host's round-trip estimate, shared with host discovery and updated by the
	// scan; nil starts a new one from the timing.
	RTT *RTT
	// Tries caps the tries per port (0: the timing's MaxRetries+1).
	Tries int
}

// Stats is what Scan tells about a host's scan once it is over.
type Stats struct {
	Answered  int // ports with an answer (or a local error)
	Unscanned int // ports without an outcome because ctx ended (or Err)
	Elapsed   time.Duration
	// Err is a failure that kept the scan from running: raw sockets unavailable for a SYN
	// scan (rawnet.ErrNotPermitted), no route to the host.
	Err error
}

// Scanner runs port scans. It is safe for concurrent use; all its scans share one socket
// budget and, for SYN scans, one set of raw sockets (opened at the first SYN scan, closed by
// Close).
type Scanner struct {
	opts    Options
	timing  Timing
	workers int
	gate    *fdGate
	rate    *pacer     // nil without MaxRate
	floor   *rateFloor // nil without MinRate
	// recvBuffer, when set, is the receive buffer of the SYN scan's raw sockets (tests make it
	// tiny to have the kernel drop answers).
	recvBuffer int
	// answerHook, when set, runs before the SYN scan handles each TCP answer it reads (tests
	// stall it to play a reading goroutine that is not scheduled).
	answerHook func()
	dialer     Dialer
	// probes bounds the goroutines running tries on the general path (UDP, injected dialers):
	// one token per try in flight, taken by the host goroutine before it starts the try.
	probes chan struct{}
	// fast is set when connect scans can use the epoll engine (fastconnect.go): the dialer is
	// the default SocketDialer.
	fast bool

	synMu sync.Mutex
	syn   *synEngine // nil until the first SYN scan

	backPressure atomic.Uint64
}

// BackPressureEvents counts socket calls that failed for lack of a descriptor or local port
// (EMFILE, ENFILE, EADDRNOTAVAIL, ...) and were retried later.
func (s *Scanner) BackPressureEvents() uint64 { return s.backPressure.Load() }

// New returns a Scanner. It raises the soft file limit to the hard limit where allowed and sizes
// its socket pool from the result (see socketBudget).
func New(opts Options) *Scanner {
	if opts.Timing == (Timing{}) {
		opts.Timing, _ = Template(3)
	}
	t := opts.Timing.withDefaults()
	if opts.FDReserve <= 0 {
		opts.FDReserve = DefaultFDReserve
	}
	if opts.Payloads == nil {
		opts.Payloads = BuiltinPayloads
	}
	workers := socketBudget(opts.FDReserve)
	if opts.MaxParallelism > 0 {
		workers = min(workers, opts.MaxParallelism)
		t.HostParallelism = min(t.HostParallelism, opts.MaxParallelism)
	}
	s := &Scanner{opts: opts, timing: t, workers: workers, gate: newFDGate(workers), dialer: opts.Dialer,
		probes: make(chan struct{}, workers)}
	if s.dialer == nil {
		s.dialer = NewSocketDialer()
	}
	if _, ok := s.dialer.(*SocketDialer); ok {
		s.fast = fastConnectSupported
	}
	if opts.MaxRate > 0 {
		s.rate = &pacer{interval: time.Duration(float64(time.Second) / opts.MaxRate)}
	}
	if opts.MinRate > 0 {
		s.floor = &rateFloor{interval: time.Duration(float64(time.Second) / opts.MinRate)}
	}
	return s
}

// Workers is the number of sockets the scanner keeps in flight at most.
func (s *Scanner) Workers() int { return s.workers }

// Timing is the effective timing after defaults.
func (s *Scanner) Timing() Timing { return s.timing }

// controlSocket is the default dialer's socket setup: SO_LINGER 0 on TCP, so closing sends RST
// and leaves no TIME_WAIT behind (a 65,535-port scan must not exhaust ephemeral ports), and
// IP_RECVERR/IPV6_RECVERR on UDP, so every ICMP unreachable (not only port unreachable)
// reaches the connected socket.
func controlSocket(network, _ string, c syscall.RawConn) error {
	var serr error
	err := c.Control(func(fd uintptr) {
		switch network {
		case "tcp", "tcp4", "tcp6":
			serr = unix.SetsockoptLinger(int(fd), unix.SOL_SOCKET, unix.SO_LINGER, &unix.Linger{Onoff: 1, Linger: 0})
		case "udp4":
			serr = unix.SetsockoptInt(int(fd), unix.IPPROTO_IP, unix.IP_RECVERR, 1)
		case "udp6":
			serr = unix.SetsockoptInt(int(fd), unix.IPPROTO_IPV6, unix.IPV6_RECVERR, 1)
		}
	})
	if err != nil {
		return err
	}
	return serr
}

// Scan probes one host's ports and calls report once for each port as its outcome becomes
// known (calls are serialized). It returns when every port has an outcome or ctx ends (a host
// timeout or an interruption): ports left then get no call and are counted in Unscanned.
// Host discovery, host groups and host timeouts are the caller's (see package scan).
func (s *Scanner) Scan(ctx context.Context, j Job, report func(PortResult)) Stats {
	start := time.Now()
	if j.RTT == nil {
		j.RTT = NewRTT(s.timing)
	}
	if len(j.Ports) == 0 {
		return Stats{}
	}
	var st Stats
	if j.Technique == SYN {
		st = s.scanSYN(ctx, j, report)
	} else {
		st = s.scanHost(ctx, j, report)
	}
	st.Elapsed = time.Since(start)
	return st
}

// Close releases the raw sockets of SYN scans; the Scanner must not be used afterwards.
func (s *Scanner) Close() error {
	s.synMu.Lock()
	defer s.synMu.Unlock()
	if s.syn != nil {
		s.syn.close()
		s.syn = nil
	}
	return nil
}

type job struct {
	h       *hostScan
	port    uint16
	try     int
	timeout time.Duration
	payload []byte
}

type attemptResult struct {
	port uint16
	try  int
	out  outcome
	late bool // the answer came after the try had timed out (see latePool)
}

// outcome of one try. final=false means "no answer in time" (or cancelled): try again or give up.
type outcome struct {
	state     State
	reason    Reason
	rtt       time.Duration
	reply     []byte
	err       error
	final     bool
	cancelled bool
}

// attempt runs one try with panic recovery, so one bad port cannot take the scan down.
func (s *Scanner) attempt(j job) (r attemptResult) {
	r = attemptResult{port: j.port, try: j.try}
	defer func() {
		if p := recover(); p != nil {
			r.out = outcome{state: Filtered, reason: ReasonLocalError, err: fmt.Errorf("portscan: panic probing %s port %d: %v", j.h.addr, j.port, p), final: true}
		}
	}()
	ap := netip.AddrPortFrom(j.h.addr, j.port)
	ctx := j.h.ctx
	for n := 0; ; n++ {
		if err := s.gate.acquire(ctx); err != nil {
			r.out = outcome{cancelled: true, err: err}
			return r
		}
		var out outcome
		if j.h.proto == portspec.UDP {
			out = s.udpTry(ctx, ap.String(), j.timeout, j.payload)
		} else {
			out = s.tcpTry(ctx, ap, j.timeout)
		}
		pressure := !out.final && out.err != nil && isBackPressure(out.err)
		s.gate.release(pressure)
		if pressure {
			s.backPressure.Add(1)
		}
		if !pressure && !errors.Is(out.err, errSelfConnect) {
			r.out = out
			return r
		}
		// Bounded: about 10 minutes of 100 ms waits at most, or until the host's context ends.
		if n >= maxPressureRetries || !backoff(ctx, n) {
			if ctx.Err() != nil {
				r.out = outcome{cancelled: true, err: ctx.Err()}
			} else {
				r.out = outcome{state: Filtered, reason: ReasonLocalError, err: out.err, final: true}
			}
			return r
		}
	}
}

// classify maps a socket error to a port outcome (nmap's handleConnectResult and UDP ICMP table).
func classify(proto portspec.Protocol, err error) outcome {
	var en syscall.Errno
	if errors.As(err, &en) {
		switch en {
		case unix.ECONNREFUSED:
			if proto == portspec.UDP {
				return outcome{state: Closed, reason: ReasonPortUnreach, err: err, final: true}
			}
			return outcome{state: Closed, reason: ReasonConnRefused, err: err, final: true}
		case unix.EHOSTUNREACH, unix.EHOSTDOWN, unix.ENONET:
			return outcome{state: Filtered, reason: ReasonHostUnreach, err: err, final: true}
		case unix.ENETUNREACH, unix.ENETDOWN:
			return outcome{state: Filtered, reason: ReasonNetUnreach, err: err, final: true}
		case unix.EACCES, unix.EPERM:
			return outcome{state: Filtered, reason: ReasonAdminProhibited, err: err, final: true}
		case unix.ENOPROTOOPT:
			return outcome{state: Filtered, reason: ReasonProtoUnreach, err: err, final: true}
		case unix.ETIMEDOUT:
			return outcome{err: nil}
		}
	}
	if isBackPressure(err) {
		return outcome{err: err}
	}
	return outcome{state: Filtered, reason: ReasonLocalError, err: err, final: true}
}

// Pace waits for the next send slot of --max-rate and counts the probe toward --min-rate:
// host discovery calls it before each probe it sends, so that one rate covers the whole scan.
func (s *Scanner) Pace(ctx context.Context) error {
	if s.rate != nil {
		if err := s.rate.wait(ctx); err != nil {
			return err
		}
	}
	s.floor.add(1)
	return ctx.Err()
}

// rateFloor is --min-rate over every probe of the Scanner, kept as nmap keeps it: each probe
// moves the time by which the next one is due forward by 1/rate, starting from now when the
// scan is ahead. A scan that is behind sends past its congestion limits until it catches up;
// the debt it may run up is capped at one second of probes, so that time spent with nothing
// to send (between phases, version detection) is not paid back in a burst.
type rateFloor struct {
	mu       sync.Mutex
	next     time.Time // when the next probe is due; zero before the first
	interval time.Duration
}

// add counts n probes sent.
func (f *rateFloor) add(n int) {
	if f == nil || n <= 0 {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	now := time.Now()
	d := f.next
	if d.IsZero() || d.After(now) {
		d = now
	}
	if lo := now.Add(-time.Second); d.Before(lo) {
		d = lo
	}
	f.next = d.Add(time.Duration(n) * f.interval)
}

// behind reports whether a probe is due to keep the rate.
func (f *rateFloor) behind() bool {
	if f == nil {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return !f.next.IsZero() && !time.Now().Before(f.next)
}

// pacer spaces events at least interval apart; safe for concurrent use.
type pacer struct {
	mu       sync.Mutex
	next     time.Time
	interval time.Duration
}

func (p *pacer) wait(ctx context.Context) error {
	return sleepUntil(ctx, p.reserve())
}

// reserve books the next send slot and returns when it is.
func (p *pacer) reserve() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	at := time.Now()
	if at.Before(p.next) {
		at = p.next
	}
	p.next = at.Add(p.interval)
	return at
}

func sleepUntil(ctx context.Context, at time.Time) error {
	d := time.Until(at)
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
