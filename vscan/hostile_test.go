package vscan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/signetscan/signet/detect"
	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/internal/testenv"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/versiondb"
)

// Hostile services (issue "Bounded everything"): each one must end at its
// limits — the probes' totalwaitms, the 4096-byte read cap, the connect,
// handshake and write timeouts — with memory flat. Every server loop here
// is bounded in count and in time (serverLife).

const (
	serverLife  = 15 * time.Second // no hostile connection lives longer
	floodChunk  = 16 << 10
	floodMaxOne = 64 << 20 // per connection, in case the client never stops
	slack       = 2 * time.Second
)

// partialServerHello is the start of a TLS 1.2 ServerHello record that
// announces 90 bytes and sends 11: a handshake stalled mid-record.
var partialServerHello = []byte("\x16\x03\x03\x00\x5a\x02\x00\x00\x56\x03\x03\x11\x22\x33\x44\x55")

// hostileServer is a loopback listener that counts what it does.
type hostileServer struct {
	tg       Target
	done     chan struct{} // closed when the test ends
	accepted atomic.Int64
	live     atomic.Int64 // handlers running
	sent     atomic.Int64 // bytes the server managed to write
}

// serveHostile starts a server on 127.0.0.1:0, one goroutine per
// connection; handle must return by the conn's deadline or when h.done
// closes. rcvbuf > 0 shrinks the accepted sockets' receive buffer (set on
// the listener so it applies from the handshake on).
func serveHostile(t *testing.T, rcvbuf int, handle func(h *hostileServer, c net.Conn)) *hostileServer {
	t.Helper()
	return serveOn(t, listenLoopback(t, rcvbuf), false, handle)
}

// listenLoopback listens on 127.0.0.1:0; rcvbuf > 0 shrinks the accepted
// sockets' receive buffer.
func listenLoopback(t *testing.T, rcvbuf int) net.Listener {
	t.Helper()
	lc := net.ListenConfig{}
	if rcvbuf > 0 {
		lc.Control = func(_, _ string, rc syscall.RawConn) error {
			var serr error
			err := rc.Control(func(fd uintptr) {
				serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, rcvbuf)
			})
			return errors.Join(err, serr)
		}
	}
	ln, err := lc.Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// serveOn serves ln until the test ends, as serveHostile does; serial
// serves the connections one after the other in the order they were
// accepted, in the accepting goroutine, as a server with one worker does
// (its handle should end with the test: endWithTest).
func serveOn(t *testing.T, ln net.Listener, serial bool, handle func(h *hostileServer, c net.Conn)) *hostileServer {
	t.Helper()
	h := &hostileServer{done: make(chan struct{})}
	var wg sync.WaitGroup
	t.Cleanup(func() { close(h.done); ln.Close(); wg.Wait() })
	wg.Go(func() {
		for i := 0; i < 10000; i++ {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			h.accepted.Add(1)
			h.live.Add(1)
			serve := func() {
				defer h.live.Add(-1)
				defer c.Close()
				c.SetDeadline(time.Now().Add(serverLife))
				handle(h, c)
			}
			if serial {
				serve()
			} else {
				wg.Go(serve)
			}
		}
	})
	ap := netip.MustParseAddrPort(ln.Addr().String())
	h.tg = Target{IP: ap.Addr(), Port: int(ap.Port()), Proto: probes.TCP, State: "open"}
	return h
}

// hold keeps the connection open, reading and discarding, until the peer
// closes, the deadline passes or the test ends.
func hold(h *hostileServer, c net.Conn) {
	defer endWithTest(h, c)()
	buf := make([]byte, 4096)
	for i := 0; i < 100000; i++ {
		if _, err := c.Read(buf); err != nil {
			return
		}
	}
}

// readEach reads c until the peer closes, the deadline passes or 4096
// bytes came, calling each with all read so far after every read (the
// one that failed too); each returning true ends it early.
func readEach(c net.Conn, each func(got []byte) bool) {
	buf := make([]byte, 512)
	var got []byte
	for len(got) < 4096 {
		n, err := c.Read(buf)
		got = append(got, buf[:n]...)
		if each(got) || err != nil {
			return
		}
	}
}

// wait sleeps d, or until the test ends; false: the test ended.
func (h *hostileServer) wait(d time.Duration) bool {
	select {
	case <-h.done:
		return false
	case <-time.After(d):
		return true
	}
}

// endWithTest ends c's reads and writes when the test ends (or after
// serverLife); the returned stop undoes that.
func endWithTest(h *hostileServer, c net.Conn) (stop func() bool) {
	return context.AfterFunc(doneCtx(h), func() { c.SetDeadline(time.Unix(1, 0)) })
}

func doneCtx(h *hostileServer) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		select {
		case <-h.done:
		case <-time.After(serverLife):
		}
		cancel()
	}()
	return ctx
}

// The hostile behaviours.
var (
	// (a) bytes forever, as fast as possible.
	flood = func(h *hostileServer, c net.Conn) {
		chunk := bytes.Repeat([]byte("FLOOD-0123456789abcdef\x00\xff"), floodChunk/24)
		for total := 0; total < floodMaxOne; {
			n, err := c.Write(chunk)
			h.sent.Add(int64(n))
			total += n
			if err != nil {
				return
			}
		}
	}
	// (b) one byte every 50 ms, forever (until serverLife).
	trickle = func(h *hostileServer, c net.Conn) {
		for i := 0; i < int(serverLife/(50*time.Millisecond)); i++ {
			n, err := c.Write([]byte{'a' + byte(i%26)})
			h.sent.Add(int64(n))
			if err != nil {
				return
			}
			if !h.wait(50 * time.Millisecond) {
				return
			}
		}
	}
	// (c) accept and hold silently.
	silent = hold
	// (d) a partial ServerHello at once, then nothing: the NULL probe's
	// reply hard-matches ssl and the handshake inside the tunnel stalls.
	tlsStallBanner = func(h *hostileServer, c net.Conn) {
		c.Write(partialServerHello)
		hold(h, c)
	}
	// (d') silent until a TLS ClientHello arrives, then a partial
	// ServerHello and nothing: the TLS fallback's handshake stalls.
	tlsStallHello = func(h *hostileServer, c net.Conn) {
		buf := make([]byte, 4096)
		for i := 0; i < 1000; i++ {
			n, err := c.Read(buf)
			if err != nil {
				return
			}
			if n > 0 && buf[0] == 0x16 {
				c.Write(partialServerHello)
				break
			}
		}
		hold(h, c)
	}
	// (e) reset every connection after a few bytes.
	resetter = func(h *hostileServer, c net.Conn) {
		c.Write([]byte("RST\r\n"))
		time.Sleep(5 * time.Millisecond)
		c.(*net.TCPConn).SetLinger(0)
	}
	// (f) a 64 KB banner, then close.
	banner64k = func(h *hostileServer, c net.Conn) {
		n, _ := c.Write(bytes.Repeat([]byte("0123456789ABCDEF"), 4096))
		h.sent.Add(int64(n))
	}
	// (g) accept, never read: the client's writes fill the socket buffers.
	stallWrites = func(h *hostileServer, c net.Conn) {
		h.wait(serverLife)
	}
)

// readMeter wraps the client's connections and counts the bytes read under
// each probe (the trace names the probe being sent) and the largest Read.
type readMeter struct {
	mu      sync.Mutex
	probe   string
	perProb map[string]int // "NULL", "GetRequest", "ssl:NULL", ... (TimingNmap)
	maxRead int
	maxConn int // most bytes read on one connection
	sndbuf  int // > 0: shrink the client's send buffer
}

func (m *readMeter) trace(s string) {
	if name, ok := strings.CutPrefix(s, "Service scan sending probe "); ok {
		name, _, _ = strings.Cut(name, " ")
		m.mu.Lock()
		if _, seen := m.perProb[name]; seen || strings.HasPrefix(m.probe, "ssl:") {
			name = "ssl:" + name // the walk restarted inside the tunnel
		}
		m.probe = name
		m.perProb[name] += 0
		m.mu.Unlock()
	}
}

func (m *readMeter) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	if m.sndbuf > 0 {
		c.(*net.TCPConn).SetWriteBuffer(m.sndbuf)
	}
	return &meteredConn{Conn: c, m: m}, nil
}

type meteredConn struct {
	net.Conn
	m    *readMeter
	read int
}

func (c *meteredConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	c.m.mu.Lock()
	c.m.perProb[c.m.probe] += n
	c.m.maxRead = max(c.m.maxRead, n)
	c.read += n
	c.m.maxConn = max(c.m.maxConn, c.read)
	c.m.mu.Unlock()
	return n, err
}

// walkWait is the sum of totalwaitms of the TCP probes a walk at this
// intensity sends on a port no probe registers (S4).
func walkWait(db *probes.DB, intensity int) time.Duration {
	var d time.Duration
	if db.Null != nil {
		d += db.Null.TotalWait
	}
	for _, p := range db.Probes {
		if p.Protocol == probes.TCP && p.Rarity <= intensity {
			d += p.TotalWait
		}
	}
	return d
}

// fpLimit is the longest fingerprint F5 allows: text up to SizeLimit, then
// one last entry of at most RespLimit bytes escaped as \xNN, plus the
// "\nSF:" wrapping (4 characters every 74).
func fpLimit(debug bool) int {
	size, resp := fingerprint.SizeLimit, fingerprint.RespLimit
	if debug {
		size, resp = fingerprint.DebugSizeLimit, fingerprint.DebugRespLimit
	}
	return size + (4*resp+64)*78/74 + 1
}

// checkResult applies the rules every hostile port must keep. Under
// TimingNmap a connection carries the NULL probe and the next one (S6), so
// it may read the cap plus a chunk twice less one byte; TimingFast gives
// each probe its own connection, and several run at once, so reads are
// checked per connection.
func checkResult(t *testing.T, r *Result, m *readMeter, timing Timing, debug bool) {
	t.Helper()
	if r.Service == nil {
		t.Fatal("no service")
	}
	if m != nil {
		m.mu.Lock()
		if m.maxRead > ReadCap {
			t.Errorf("one read returned %d bytes, more than the %d-byte chunk", m.maxRead, ReadCap)
		}
		perConn := 2*ReadCap - 1
		if timing == TimingNmap {
			perConn = 3*ReadCap - 1
			for p, n := range m.perProb {
				if n > 2*ReadCap-1 {
					t.Errorf("probe %s read %d bytes: more than the %d-byte cap plus one chunk", p, n, ReadCap)
				}
			}
		}
		if m.maxConn > perConn {
			t.Errorf("one connection read %d bytes, over %d", m.maxConn, perConn)
		}
		m.mu.Unlock()
	}
	for _, rep := range r.Replies {
		if rep.Length != len(rep.Data) || rep.Length > 3*ReadCap {
			t.Errorf("reply of %s: %d bytes (declared %d)", rep.Probe, len(rep.Data), rep.Length)
		}
	}
	fp := r.Service.Fingerprint
	if len(fp) > fpLimit(debug) {
		t.Errorf("fingerprint of %d characters, over the F5 limit %d", len(fp), fpLimit(debug))
	}
	if fp != "" {
		fps, err := fingerprint.Decode("scan", []byte(fp))
		if err != nil || len(fps) != 1 {
			t.Fatalf("fingerprint does not decode: %v", err)
		}
		keep := fingerprint.RespLimit
		if debug {
			keep = fingerprint.DebugRespLimit
		}
		for _, e := range fps[0].Responses {
			if len(e.Data) > keep {
				t.Errorf("fingerprint entry %s keeps %d bytes, over %d", e.Probe, len(e.Data), keep)
			}
		}
	}
}

// memWatch samples HeapInuse until stopped and reports the peak.
func memWatch() (stop func() uint64) {
	var peak atomic.Uint64
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var ms runtime.MemStats
		for i := 0; i < 100000; i++ {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-quit:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	})
	return func() uint64 { close(quit); wg.Wait(); return peak.Load() }
}

func heapInuse() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

const stallProbes = testProbes + `Probe TCP Big q|BIG|
rarity 1
totalwaitms 300
`

// No probe carries an ssl line: only the TLS fallback tries a handshake.
const fallbackProbes = `Probe TCP NULL q||
totalwaitms 300
tcpwrappedms 200
match ssh m|^SSH-|
Probe TCP GetRequest q|GET / HTTP/1.0\r\n\r\n|
totalwaitms 300
match http m|^HTTP/1\.[01] |
`

// TestHostileServices runs the seven hostile services at once with short
// waits and checks each ends at its limits, reads stay capped, the
// fingerprint stays within F5 and memory stays flat.
func TestHostileServices(t *testing.T) {
	base := parseDB(t, testProbes)
	stall := parseDB(t, stallProbes)
	// A payload far larger than the shrunken socket buffers can take.
	stall.Probe(probes.TCP, "Big").Payload = bytes.Repeat([]byte("W"), 1<<20)
	fallback := parseDB(t, fallbackProbes)
	wait := walkWait(base, 7)

	type tc struct {
		name    string
		db      *probes.DB
		handle  func(*hostileServer, net.Conn)
		bound   time.Duration
		rcvbuf  int
		sndbuf  int
		outcome []Outcome // acceptable outcomes; nil = any
	}
	cases := []tc{
		{name: "flood", db: base, handle: flood, bound: wait + slack, outcome: []Outcome{SizeLimit}},
		{name: "trickle", db: base, handle: trickle, bound: wait + slack, outcome: []Outcome{NoMatch}},
		// silent: the walk, then the TLS fallback's handshake waits for a
		// ServerHello that never comes.
		{name: "silent", db: base, handle: silent, bound: wait + SSLConnectTimeout + slack, outcome: []Outcome{Timeout}},
		// NULL hard-matches ssl (S10); the handshake inside the tunnel stalls.
		{name: "tls-stall-match", db: base, handle: tlsStallBanner, bound: SSLConnectTimeout + wait + slack, outcome: []Outcome{Timeout}},
		{name: "tls-stall-fallback", db: fallback, handle: tlsStallHello, bound: walkWait(fallback, 7) + SSLConnectTimeout + slack, outcome: []Outcome{Timeout}},
		{name: "reset", db: base, handle: resetter, bound: wait + slack},
		{name: "banner64k", db: base, handle: banner64k, bound: wait + slack, outcome: []Outcome{SizeLimit}},
		// The Big payload cannot be written: the write deadline ends it.
		{name: "stall-writes", db: stall, handle: stallWrites, bound: walkWait(stall, 7) + ConnectTimeout + slack, rcvbuf: 4096, sndbuf: 4096, outcome: []Outcome{Failed}},
	}

	servers := make([]*hostileServer, len(cases))
	for i, c := range cases {
		servers[i] = serveHostile(t, c.rcvbuf, c.handle)
	}
	// The ports are scanned at once, as a scan would (and so the test
	// lasts as long as the slowest, whatever -parallel is).
	type outcome struct {
		r    *Result
		m    *readMeter
		took time.Duration
	}
	timings := []struct {
		name string
		t    Timing
	}{{"nmap", TimingNmap}, {"fast", TimingFast}}
	outs := make([][]outcome, len(timings))
	before := heapInuse()
	peakOf := memWatch()
	began := time.Now()
	var wg sync.WaitGroup
	for ti, tm := range timings {
		outs[ti] = make([]outcome, len(cases))
		for i, c := range cases {
			wg.Go(func() {
				m := &readMeter{perProb: map[string]int{}, sndbuf: c.sndbuf}
				cfg := &Config{Matcher: matcher.New(c.db), Intensity: 7, Detectors: []detect.Detector{detect.TLSFallback{}}, Dial: m.dial, Trace: m.trace,
					FPVersion: "7.93", FPPlatform: "x86_64-pc-linux-gnu", Timing: tm.t,
					Table: func(int, probes.Protocol) string { return "table-name" }}
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				start := time.Now()
				r := cfg.Scan(ctx, servers[i].tg)
				outs[ti][i] = outcome{r, m, time.Since(start)}
			})
		}
	}
	wg.Wait()
	for ti, tm := range timings {
		for i, c := range cases {
			t.Run(tm.name+"/"+c.name, func(t *testing.T) {
				o := outs[ti][i]
				o.m.mu.Lock()
				maxConn := o.m.maxConn
				o.m.mu.Unlock()
				t.Logf("outcome %v in %v (bound %v), %d replies, fingerprint %d chars, at most %d bytes read on a connection",
					o.r.Outcome, o.took.Round(time.Millisecond), c.bound, len(o.r.Replies), len(o.r.Service.Fingerprint), maxConn)
				if o.took > c.bound {
					t.Errorf("took %v, bound %v", o.took, c.bound)
				}
				if c.outcome != nil && !containsOutcome(c.outcome, o.r.Outcome) {
					t.Errorf("outcome %v, want one of %v (service %+v)", o.r.Outcome, c.outcome, o.r.Service)
				}
				checkResult(t, o.r, o.m, tm.t, false)
			})
		}
	}
	peak := peakOf()
	after := heapInuse()
	t.Logf("all hostile ports done in %v; HeapInuse before %d KB, peak %d KB, after %d KB",
		time.Since(began).Round(time.Millisecond), before>>10, peak>>10, after>>10)
	if after > before+4<<20 {
		t.Errorf("HeapInuse grew from %d KB to %d KB", before>>10, after>>10)
	}
	if peak > before+48<<20 {
		t.Errorf("HeapInuse peaked at %d KB (from %d KB)", peak>>10, before>>10)
	}

	// We stopped reading the flood: its writers fail once our side closes,
	// and the byte count stops growing.
	fl := servers[0]
	deadline := time.Now().Add(3 * time.Second)
	for fl.live.Load() > 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	sent := fl.sent.Load()
	time.Sleep(100 * time.Millisecond)
	if fl.live.Load() != 0 || fl.sent.Load() != sent {
		t.Errorf("flood still writing after the scan: %d handlers, %d -> %d bytes", fl.live.Load(), sent, fl.sent.Load())
	}
	conns := fl.accepted.Load()
	t.Logf("flood: %d connections, server wrote %d KB in all (socket buffers included)", conns, sent>>10)
	if sent > conns*8<<20 {
		t.Errorf("flood server wrote %d bytes over %d connections", sent, conns)
	}
}

func containsOutcome(list []Outcome, o Outcome) bool {
	for _, x := range list {
		if x == o {
			return true
		}
	}
	return false
}

// TestHostileServicesNmapDB runs the hostile services against nmap's own
// signature file at intensities 0 and 2, each cut by a context deadline:
// every scan returns within the deadline plus the longest single match
// over a capped buffer, and the fingerprint limits hold with nmap's
// thousands of patterns.
func TestHostileServicesNmapDB(t *testing.T) {
	const nmapProbes = "/usr/share/nmap/nmap-service-probes"
	if _, err := os.Stat(nmapProbes); err != nil {
		testenv.Missing(t, "nmap not installed: %v", err)
	}
	l, err := versiondb.Load(versiondb.Options{DB: nmapProbes, NoDefaultOverlays: true})
	if err != nil {
		t.Fatal(err)
	}
	m := matcher.New(l.DB)
	// Build the matcher's lazy per-probe indexes first: they are a cache
	// that lives as long as the matcher, not growth.
	for _, p := range append([]*probes.Probe{l.DB.Null}, l.DB.Probes...) {
		m.Match(p, []byte("warm-up"))
	}
	const cut = 2500 * time.Millisecond
	handlers := []struct {
		name   string
		handle func(*hostileServer, net.Conn)
	}{{"flood", flood}, {"trickle", trickle}, {"silent", silent}, {"tls-stall-match", tlsStallBanner},
		{"tls-stall-hello", tlsStallHello}, {"reset", resetter}, {"banner64k", banner64k}}
	servers := make([]*hostileServer, len(handlers))
	for i, h := range handlers {
		servers[i] = serveHostile(t, 0, h.handle)
	}
	type run struct {
		name string
		r    *Result
		took time.Duration
	}
	var runs []*run
	before := heapInuse()
	peakOf := memWatch()
	var wg sync.WaitGroup
	for _, intensity := range []int{0, 2} {
		for i, h := range handlers {
			for _, timing := range []Timing{TimingNmap, TimingFast} {
				x := &run{name: fmt.Sprintf("%s/%d/timing%d", h.name, intensity, timing)}
				runs = append(runs, x)
				wg.Go(func() {
					cfg := &Config{Matcher: m, Intensity: intensity, Detectors: []detect.Detector{detect.TLSFallback{}}, FPVersion: "7.93", FPPlatform: "x86_64-pc-linux-gnu", Timing: timing}
					ctx, cancel := context.WithTimeout(context.Background(), cut)
					defer cancel()
					start := time.Now()
					x.r = cfg.Scan(ctx, servers[i].tg)
					x.took = time.Since(start)
				})
			}
		}
	}
	wg.Wait()
	for _, x := range runs {
		t.Run(x.name, func(t *testing.T) {
			t.Logf("%s: outcome %v in %v, %d replies, fingerprint %d chars", x.name, x.r.Outcome, x.took.Round(time.Millisecond), len(x.r.Replies), len(x.r.Service.Fingerprint))
			if x.took > cut+slack {
				t.Errorf("took %v with a %v deadline", x.took, cut)
			}
			// S9: the host timeout clears tcpwrap_possible, so a port cut
			// while it waited is incomplete, never tcpwrapped.
			if x.took >= cut && x.r.Outcome != TimeLimit {
				t.Errorf("cut by the deadline but outcome %v (service %+v)", x.r.Outcome, x.r.Service)
			}
			checkResult(t, x.r, nil, TimingNmap, false)
		})
	}
	peak := peakOf()
	after := heapInuse()
	runtime.KeepAlive(m)
	t.Logf("HeapInuse before %d KB, peak %d KB, after %d KB", before>>10, peak>>10, after>>10)
	if after > before+4<<20 {
		t.Errorf("HeapInuse grew from %d KB to %d KB", before>>10, after>>10)
	}
	if peak > before+64<<20 {
		t.Errorf("HeapInuse peaked at %d KB (from %d KB)", peak>>10, before>>10)
	}
}

// TestMaxHostConns: Config.MaxHostConns bounds the connections open at
// once to one address over every service of the Config, in both timings
// (TimingFast opens several per service). The client side counts exactly:
// a connection is open from its dial to its Close.
func TestMaxHostConns(t *testing.T) {
	db := parseDB(t, fallbackProbes)
	var tgs []Target
	for range 6 {
		tgs = append(tgs, serveHostile(t, 0, silent).tg)
	}
	const limit = 2
	var wg sync.WaitGroup
	for _, timing := range []Timing{TimingNmap, TimingFast} {
		wg.Go(func() {
			var mu sync.Mutex
			open, most := 0, 0
			cfg := &Config{Matcher: matcher.New(db), Intensity: 7, Timing: timing, MaxHostConns: limit,
				Dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
					var d net.Dialer
					c, err := d.DialContext(ctx, network, addr)
					if err != nil {
						return nil, err
					}
					mu.Lock()
					open++
					most = max(most, open)
					mu.Unlock()
					return &countedConn{Conn: c, close: func() { mu.Lock(); open--; mu.Unlock() }}, nil
				}}
			targets := make(chan Target)
			go func() {
				for _, tg := range tgs {
					targets <- tg
				}
				close(targets)
			}()
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			start := time.Now()
			n := 0
			cfg.Pool(ctx, 20, targets, func(_ Target, r *Result) {
				if r.Outcome != Timeout {
					t.Errorf("timing %d: outcome %v", timing, r.Outcome)
				}
				n++
			})
			mu.Lock()
			defer mu.Unlock()
			t.Logf("timing %d: %d silent ports in %v, at most %d connections open at once (cap %d)", timing, n, time.Since(start).Round(time.Millisecond), most, limit)
			if most > limit || open != 0 {
				t.Errorf("timing %d: %d connections open at once, cap %d; %d left open", timing, most, limit, open)
			}
			if cfg.limits != nil && len(cfg.limits.hosts) != 0 {
				t.Errorf("timing %d: %d hosts left in the limiter", timing, len(cfg.limits.hosts))
			}
		})
	}
	wg.Wait()
}

type countedConn struct {
	net.Conn
	once  sync.Once
	close func()
}

func (c *countedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.close)
	return err
}

// TestHostWindow: the per-host window starts at InitialHostConns, grows
// by one per connect that succeeds up to MaxHostConns, halves (once per
// episode) when a connect times out and ignores refusals, which are the
// port's own answer.
func TestHostWindow(t *testing.T) {
	c := &Config{MaxHostConns: 100, InitialHostConns: 4}
	ip := netip.MustParseAddr("192.0.2.1")
	ctx := context.Background()
	window := func() float64 {
		c.limits.mu.Lock()
		defer c.limits.mu.Unlock()
		return c.limits.hosts[ip].window
	}
	var rel []func()
	var outs []func(error)
	for range 4 {
		r, o, err := c.acquire(ctx, ip, false, false)
		if err != nil {
			t.Fatal(err)
		}
		rel, outs = append(rel, r), append(outs, o)
	}
	// The window is full: a fifth waits until a connect succeeds.
	got := make(chan func(), 1)
	go func() {
		r, _, err := c.acquire(ctx, ip, false, false)
		if err == nil {
			got <- r
		}
	}()
	select {
	case <-got:
		t.Fatal("a fifth connection got a slot in a window of 4")
	case <-time.After(50 * time.Millisecond):
	}
	outs[0](nil)
	var fifth func()
	select {
	case fifth = <-got:
	case <-time.After(2 * time.Second):
		t.Fatal("a success did not widen the window")
	}
	if w := window(); w != 5 {
		t.Errorf("window %v after one success, want 5", w)
	}
	outs[1](syscall.ECONNREFUSED)
	if w := window(); w != 5 {
		t.Errorf("window %v after a refusal, want 5", w)
	}
	outs[2](os.ErrDeadlineExceeded)
	outs[3](os.ErrDeadlineExceeded) // same episode: no second cut
	if w := window(); w != 2.5 {
		t.Errorf("window %v after a timeout with 5 open, want 2.5", w)
	}
	for _, r := range rel {
		r()
	}
	fifth()
	c.limits.mu.Lock()
	left := len(c.limits.hosts)
	c.limits.mu.Unlock()
	if left != 0 {
		t.Errorf("%d hosts left in the limiter", left)
	}
}

// TestUrgentSlotFirst: with the host's window full, a freed slot goes to
// an urgent connection (a port's first, a serial walk's) before a
// speculative one that waited longer; the speculative one gets the next.
func TestUrgentSlotFirst(t *testing.T) {
	c := &Config{MaxHostConns: 2, InitialHostConns: 2}
	ip := netip.MustParseAddr("192.0.2.1")
	ctx := context.Background()
	var rel []func()
	for range 2 {
		r, _, err := c.acquire(ctx, ip, false, false)
		if err != nil {
			t.Fatal(err)
		}
		rel = append(rel, r)
	}
	waiting := func() (users int) {
		c.limits.mu.Lock()
		defer c.limits.mu.Unlock()
		return c.limits.hosts[ip].users
	}
	got := make(chan string, 2)
	wait := func(name string, urgent bool) {
		r, _, err := c.acquire(ctx, ip, urgent, false)
		if err == nil {
			got <- name
			<-time.After(100 * time.Millisecond)
			r()
		}
	}
	go wait("speculative", false)
	for deadline := time.Now().Add(2 * time.Second); waiting() < 3; {
		if time.Now().After(deadline) {
			t.Fatal("the speculative connection never waited")
		}
		time.Sleep(time.Millisecond)
	}
	go wait("urgent", true)
	for deadline := time.Now().Add(2 * time.Second); waiting() < 4; {
		if time.Now().After(deadline) {
			t.Fatal("the urgent connection never waited")
		}
		time.Sleep(time.Millisecond)
	}
	rel[0]()
	var order []string
	for range 2 {
		select {
		case name := <-got:
			order = append(order, name)
			if len(order) == 1 {
				rel[1]()
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("slots given: %v, want urgent then speculative", order)
		}
	}
	if order[0] != "urgent" || order[1] != "speculative" {
		t.Errorf("slots given in the order %v, want urgent then speculative", order)
	}
}

// TestSerialSlotBeyondWindow: a connection of a walk one connection at
// a time does not wait for a slot of the host's window, full of other
// ports' probes, only for one under MaxHostConns.
func TestSerialSlotBeyondWindow(t *testing.T) {
	c := &Config{MaxHostConns: 3, InitialHostConns: 2}
	ip := netip.MustParseAddr("192.0.2.1")
	ctx := context.Background()
	for range 2 {
		if _, _, err := c.acquire(ctx, ip, false, false); err != nil {
			t.Fatal(err)
		}
	}
	short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	if _, _, err := c.acquire(short, ip, true, false); err == nil {
		t.Fatal("an urgent connection got a slot beyond the full window")
	}
	if _, _, err := c.acquire(short, ip, true, true); err != nil {
		t.Fatalf("a serial connection waited for the full window: %v", err)
	}
	if _, _, err := c.acquire(short, ip, true, true); err == nil {
		t.Error("a serial connection got a slot beyond MaxHostConns")
	}
}

// TestTLSFallbackSilentFitted: in the adaptive mode the TLS fallback's
// handshake with a port that holds the ClientHello silent ends within
// the fitted handshake wait (MinHandshakeWait on loopback), not the
// connect timeout's 5 s it cost every silent port before; nmap's
// timing keeps nmap's bound.
func TestTLSFallbackSilentFitted(t *testing.T) {
	t.Parallel()
	h := serveHostile(t, 0, silent)
	var mu sync.Mutex
	var tried time.Time
	cfg := &Config{Matcher: matcher.New(parseDB(t, fallbackProbes)), Intensity: 7, Detectors: []detect.Detector{detect.TLSFallback{}},
		Timing: TimingFast, FPVersion: "7.93", FPPlatform: "x86_64-pc-linux-gnu",
		Trace: func(line string) {
			if strings.HasPrefix(line, "Service scan detector tls-fallback on") {
				mu.Lock()
				tried = time.Now()
				mu.Unlock()
			}
		}}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r := cfg.Scan(ctx, h.tg)
	end := time.Now()
	mu.Lock()
	defer mu.Unlock()
	if tried.IsZero() {
		t.Fatalf("the TLS fallback was not tried (outcome %v)", r.Outcome)
	}
	took := end.Sub(tried)
	t.Logf("outcome %v; the TLS fallback took %v", r.Outcome, took.Round(time.Millisecond))
	if took < MinHandshakeWait-100*time.Millisecond || took > MinHandshakeWait+time.Second {
		t.Errorf("the TLS fallback's handshake with a silent port took %v, want about %v", took, MinHandshakeWait)
	}
	if r.Service.Tunnel == "ssl" {
		t.Errorf("a silent port read ssl: %+v", r.Service)
	}
}
