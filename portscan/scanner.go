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

// Options configure a Scanner. The zero value scans like `nmap -T3` with host discovery.
type Options struct {
	// Timing is the -T template and its overrides (--max-retries, --scan-delay, --host-timeout,
	// --max-rtt-timeout, ...): start from Template(n) and change fields. The zero value means
	// Template(3); in a non-zero Timing, MaxRetries 0 means one try and -1 the -T3 value.
	Timing Timing
	// MaxParallelism (--max-parallelism) caps probes in flight, per host and overall.
	// 0: overall from the file-descriptor limit, per host from Timing.HostParallelism.
	MaxParallelism int
	// MaxRate (--max-rate) caps probes per second over all hosts; 0 = no cap.
	MaxRate float64
	// HostGroup is how many hosts are scanned at once (default 64).
	HostGroup int
	// FDReserve is the number of descriptors left for others (default DefaultFDReserve).
	FDReserve int
	// NoPing (-Pn) skips host discovery and treats every host as up.
	NoPing bool
	// PingPorts are the TCP ports host discovery connects to (default DefaultPingPorts).
	PingPorts []uint16
	// Dialer opens TCP connections and connected UDP sockets (default: a SocketDialer, a
	// net.Dialer that sets SO_LINGER 0 on TCP and IP_RECVERR on UDP sockets). With the default,
	// connect scans skip the Dialer and drive non-blocking sockets through epoll themselves
	// (fastconnect_linux.go); any other Dialer is called once per try.
	Dialer Dialer
	// Payloads chooses UDP payloads per port (default BuiltinPayloads).
	Payloads Payloads
}

// Scanner runs connect and UDP scans. It is safe for concurrent use; all its scans share one
// socket budget.
type Scanner struct {
	opts    Options
	timing  Timing
	workers int
	gate    *fdGate
	rate    *pacer // nil without MaxRate
	dialer  Dialer
	// probes bounds the goroutines running tries on the general path (UDP, injected dialers):
	// one token per try in flight, taken by the host goroutine before it starts the try.
	probes chan struct{}
	// fast is set when connect scans can use the epoll engine (fastconnect.go): the dialer is
	// the default SocketDialer.
	fast bool

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
	if opts.HostGroup <= 0 {
		opts.HostGroup = 64
	}
	if len(opts.PingPorts) == 0 {
		opts.PingPorts = DefaultPingPorts
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

// Scan starts a scan and returns its events; the channel is closed when every host is done.
// The caller must drain it (or cancel ctx).
func (s *Scanner) Scan(ctx context.Context, proto portspec.Protocol, targets []Target) <-chan Event {
	ch := make(chan Event, 256)
	go func() {
		defer close(ch)
		_ = s.Run(ctx, proto, targets, func(e Event) {
			select {
			case ch <- e:
			case <-ctx.Done():
			}
		})
	}()
	return ch
}

// Run scans targets and calls fn for every port outcome and host summary, as they become known.
// Calls to fn are serialized. It returns ctx's error if the scan was cancelled.
func (s *Scanner) Run(ctx context.Context, proto portspec.Protocol, targets []Target, fn func(Event)) error {
	ch := make(chan Target)
	go func() {
		defer close(ch)
		for _, t := range targets {
			select {
			case ch <- t:
			case <-ctx.Done():
				return
			}
		}
	}()
	return s.RunStream(ctx, proto, ch, fn)
}

// RunStream is Run over a channel of targets, so host discovery or target expansion can feed
// the scan while it runs. It returns when targets is closed and every host is done.
//
// Nothing is allocated per worker: each host runs in its own goroutine (at most HostGroup at
// once); connect scans drive non-blocking sockets from a few goroutines per host (see
// fastconnect.go), other tries run in short-lived goroutines bounded by the socket budget.
func (s *Scanner) RunStream(ctx context.Context, proto portspec.Protocol, targets <-chan Target, fn func(Event)) error {
	var emitMu sync.Mutex
	emit := func(e Event) {
		emitMu.Lock()
		defer emitMu.Unlock()
		fn(e)
	}
	hostSem := make(chan struct{}, s.opts.HostGroup)
	var hosts sync.WaitGroup
loop:
	for {
		select {
		case t, ok := <-targets:
			if !ok {
				break loop
			}
			select {
			case hostSem <- struct{}{}:
			case <-ctx.Done():
				break loop
			}
			hosts.Go(func() {
				defer func() { <-hostSem }()
				s.scanHost(ctx, proto, t, emit)
			})
		case <-ctx.Done():
			break loop
		}
	}
	hosts.Wait()
	return ctx.Err()
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
