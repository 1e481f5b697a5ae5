package portscan

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/signetscan/signet/portspec"
	"golang.org/x/sys/unix"

	"github.com/signetscan/signet/internal/testenv"
)

// target is a host and the ports to scan on it.
type target struct {
	Addr  netip.Addr
	Ports []uint16
}

// hostSum is what collect saw of one host.
type hostSum struct {
	Addr netip.Addr
	Stats
	counts   map[State]int
	TimedOut bool // the timing's host timeout ended the host's scan
}

// Count returns how many ports of the host ended in state s.
func (h hostSum) Count(s State) int { return h.counts[s] }

// collect scans every target at once (each under the timing's host timeout, as package scan
// runs them) and returns the port results by port and a summary per host, in target order.
func collect(t testing.TB, s *Scanner, tech Technique, targets ...target) (map[netip.AddrPort]PortResult, []hostSum) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	ports := map[netip.AddrPort]PortResult{}
	hosts := make([]hostSum, len(targets))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, tg := range targets {
		wg.Go(func() {
			hctx := ctx
			if d := s.Timing().HostTimeout; d > 0 {
				var c context.CancelFunc
				hctx, c = context.WithTimeout(ctx, d)
				defer c()
			}
			h := hostSum{Addr: tg.Addr, counts: map[State]int{}}
			h.Stats = s.Scan(hctx, Job{Addr: tg.Addr, Technique: tech, Ports: tg.Ports}, func(r PortResult) {
				mu.Lock()
				defer mu.Unlock()
				k := netip.AddrPortFrom(r.Addr, r.Port)
				if _, dup := ports[k]; dup {
					t.Errorf("two outcomes for %v", k)
				}
				ports[k] = r
				h.counts[r.State]++
			})
			h.TimedOut = hctx.Err() != nil && ctx.Err() == nil && h.Unscanned > 0
			hosts[i] = h
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		t.Fatalf("scan: %v", ctx.Err())
	}
	if n := s.gate.held(); n != 0 {
		t.Errorf("%d socket slots still held after the scan", n)
	}
	return ports, hosts
}

func lport(ln net.Listener) uint16 { return uint16(ln.Addr().(*net.TCPAddr).Port) }

// closedTCPPort returns a loopback port this test owned a moment ago and then closed.
func closedTCPPort(t testing.TB, host string) uint16 {
	ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		t.Fatal(err)
	}
	p := lport(ln)
	ln.Close()
	return p
}

func fastTiming() Timing {
	tm, _ := Template(4)
	tm.InitialRTT, tm.MinRTT, tm.MaxRTT = 300*time.Millisecond, 100*time.Millisecond, 300*time.Millisecond
	return tm
}

func wantPort(t testing.TB, got map[netip.AddrPort]PortResult, addr netip.Addr, port uint16, st State, r Reason) PortResult {
	t.Helper()
	pr, ok := got[netip.AddrPortFrom(addr, port)]
	if !ok {
		t.Fatalf("%s port %d: no outcome", addr, port)
	}
	if pr.State != st || pr.Reason != r {
		t.Fatalf("%s port %d: got %s (%s) err=%v, want %s (%s)", addr, port, pr.State, pr.Reason, pr.Err, st, r)
	}
	return pr
}

// TestConnectOpenClosed scans ports this test opens and closes on the machine's loopback.
func TestConnectOpenClosed(t *testing.T) {
	for _, host := range []string{"127.0.0.1", "::1"} {
		t.Run(host, func(t *testing.T) {
			ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
			if err != nil {
				testenv.Missing(t, "no %s: %v", host, err)
			}
			ln.Close()
			open := lport(listenTCP(t, net.JoinHostPort(host, "0")))
			closed := closedTCPPort(t, host)
			addr := netip.MustParseAddr(host)
			s := New(Options{Timing: fastTiming()})
			got, hosts := collect(t, s, Connect, target{Addr: addr, Ports: []uint16{open, closed}})
			wantPort(t, got, addr, open, Open, ReasonSynAck)
			pr := wantPort(t, got, addr, closed, Closed, ReasonConnRefused)
			if pr.Tries != 1 {
				t.Errorf("closed port took %d tries", pr.Tries)
			}
			if len(hosts) != 1 || hosts[0].Count(Open) != 1 || hosts[0].Count(Closed) != 1 || hosts[0].Unscanned != 0 {
				t.Errorf("summary %+v", hosts)
			}
		})
	}
}

// TestConnectFiltered reaches filtered states through routes in a fresh namespace: a silent
// drop (a veth whose peer ignores frames for a neighbour that does not exist), an unreachable
// route, a prohibit route and no route at all.
func TestConnectFiltered(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	sh(t, "ip", "link", "add", "sgva", "type", "veth", "peer", "name", "sgvb")
	sh(t, "ip", "addr", "add", "10.66.0.1/24", "dev", "sgva")
	sh(t, "ip", "link", "set", "sgva", "up")
	sh(t, "ip", "link", "set", "sgvb", "up")
	sh(t, "ip", "neigh", "add", "10.66.0.9", "lladdr", "02:00:00:00:00:09", "dev", "sgva", "nud", "permanent")
	sh(t, "ip", "route", "add", "unreachable", "10.55.0.0/24")
	sh(t, "ip", "route", "add", "prohibit", "10.44.0.0/24")

	drop := netip.MustParseAddr("10.66.0.9")
	unreach := netip.MustParseAddr("10.55.0.1")
	prohib := netip.MustParseAddr("10.44.0.1")
	noroute := netip.MustParseAddr("192.0.2.1")
	s := New(Options{Timing: fastTiming()})
	ports := []uint16{22, 80, 443}
	start := time.Now()
	got, hosts := collect(t, s, Connect,
		target{Addr: drop, Ports: ports}, target{Addr: unreach, Ports: ports},
		target{Addr: prohib, Ports: ports}, target{Addr: noroute, Ports: ports})
	t.Logf("4 hosts x 3 ports in %v", time.Since(start))
	for _, p := range ports {
		pr := wantPort(t, got, drop, p, Filtered, ReasonNoResponse)
		if pr.Tries != 2 {
			t.Errorf("dropped port %d: %d tries, want 2 (one retry without evidence of drops)", p, pr.Tries)
		}
		wantPort(t, got, unreach, p, Filtered, ReasonHostUnreach)
		wantPort(t, got, prohib, p, Filtered, ReasonAdminProhibited)
		wantPort(t, got, noroute, p, Filtered, ReasonNetUnreach)
	}
	for _, h := range hosts {
		if h.Count(Filtered) != 3 {
			t.Errorf("%s: summary %+v", h.Addr, h)
		}
	}

	// --max-retries 0: one try only.
	tm := fastTiming()
	tm.MaxRetries = 0
	got, _ = collect(t, New(Options{Timing: tm}), Connect, target{Addr: drop, Ports: []uint16{9}})
	if pr := wantPort(t, got, drop, 9, Filtered, ReasonNoResponse); pr.Tries != 1 {
		t.Errorf("--max-retries 0: %d tries", pr.Tries)
	}
}

// fullRange lists 1..65535.
func fullRange() []uint16 {
	ps := portList("-")
	return ps
}

// scanAllPorts opens listeners on the given ports plus one ephemeral port, scans 1-65535 and
// checks the exact result.
func scanAllPorts(t *testing.T, s *Scanner, host string, fixed ...uint16) time.Duration {
	t.Helper()
	want := map[uint16]bool{}
	for _, p := range fixed {
		want[lport(listenTCP(t, net.JoinHostPort(host, fmt.Sprint(p))))] = true
	}
	want[lport(listenTCP(t, net.JoinHostPort(host, "0")))] = true
	addr := netip.MustParseAddr(host)
	start := time.Now()
	var order []uint16
	got, hosts := collect(t, s, Connect, target{Addr: addr, Ports: fullRange()})
	elapsed := time.Since(start)
	for k, pr := range got {
		if pr.State == Open {
			order = append(order, k.Port())
			if !want[k.Port()] {
				t.Errorf("port %d reported open (%s)", k.Port(), pr.Reason)
			}
		} else if pr.State != Closed || pr.Reason != ReasonConnRefused {
			t.Errorf("port %d: %s (%s) err=%v", k.Port(), pr.State, pr.Reason, pr.Err)
		}
		if pr.Err != nil && strings.Contains(pr.Err.Error(), "too many open files") {
			t.Errorf("port %d: %v", k.Port(), pr.Err)
		}
	}
	slices.Sort(order)
	if len(order) != len(want) {
		t.Errorf("open ports %v, want %v", order, want)
	}
	if len(got) != 65535 {
		t.Errorf("%d outcomes, want 65535", len(got))
	}
	if len(hosts) != 1 {
		t.Fatalf("summaries: %+v", hosts)
	}
	h := hosts[0]
	if h.Count(Closed) != 65535-len(want) || h.Count(Open) != len(want) || h.Unscanned != 0 {
		t.Errorf("summary %+v", h)
	}
	t.Logf("%s: 65535 ports in %v (%d workers), open %v; %d closed", host, elapsed, s.Workers(), order, h.Count(Closed))
	return elapsed
}

// TestConnectAllPorts scans 1-65535 on an empty loopback (IPv4 and IPv6) in a fresh namespace.
func TestConnectAllPorts(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	s := New(Options{})
	t.Run("IPv4", func(t *testing.T) { scanAllPorts(t, s, "127.0.0.1", 1, 80, 65535) })
	t.Run("IPv6", func(t *testing.T) {
		if ln, err := net.Listen("tcp", "[::1]:0"); err != nil {
			testenv.Missing(t, "no IPv6 loopback: %v", err)
		} else {
			ln.Close()
		}
		scanAllPorts(t, s, "::1", 22, 8080)
	})
}

// TestConnectLowFileLimit scans 1-65535 with RLIMIT_NOFILE at 256: once with a scanner sized
// from that limit, once with a scanner sized before the limit was lowered, so connect() meets
// EMFILE all the time and must treat it as back-pressure.
func TestConnectLowFileLimit(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	sh(t, "ip", "link", "add", "sgla", "type", "veth", "peer", "name", "sglb")
	sh(t, "ip", "addr", "add", "10.66.0.1/24", "dev", "sgla")
	sh(t, "ip", "link", "set", "sgla", "up")
	sh(t, "ip", "link", "set", "sglb", "up")
	sh(t, "ip", "neigh", "add", "10.66.0.9", "lladdr", "02:00:00:00:00:09", "dev", "sgla", "nud", "permanent")
	before := New(Options{FDReserve: 16})
	beforeFast := New(Options{FDReserve: 16, Timing: fastTiming()})
	lim := unix.Rlimit{Cur: 256, Max: 256}
	if err := unix.Setrlimit(unix.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	after := New(Options{})
	t.Logf("workers: sized at 256 files %d; sized before %d", after.Workers(), before.Workers())
	if after.Workers() >= 256 || before.Workers() <= 256 {
		t.Fatalf("unexpected worker counts %d, %d", after.Workers(), before.Workers())
	}
	t.Run("sized-at-256", func(t *testing.T) { scanAllPorts(t, after, "127.0.0.1", 443) })
	t.Run("sized-before", func(t *testing.T) {
		scanAllPorts(t, before, "127.0.0.1", 443)
	})
	// Loopback answers inside connect(), so few sockets are ever open at once there. A host
	// that drops everything keeps HostParallelism (2000 at -T4) sockets waiting: far beyond 256.
	t.Run("held-sockets", func(t *testing.T) {
		drop := netip.MustParseAddr("10.66.0.9")
		ports := portList("1-1500")
		start := time.Now()
		got, hosts := collect(t, beforeFast, Connect, target{Addr: drop, Ports: ports})
		for _, pr := range got {
			if pr.State != Filtered || pr.Reason != ReasonNoResponse {
				t.Fatalf("%v err=%v", pr, pr.Err)
			}
		}
		if len(got) != len(ports) || hosts[0].Count(Filtered) != len(ports) {
			t.Errorf("%d results, summary %+v", len(got), hosts[0])
		}
		if beforeFast.BackPressureEvents() == 0 {
			t.Error("no EMFILE back-pressure with 2000 sockets in flight under a 256-file limit")
		}
		t.Logf("1500 dropped ports in %v; back-pressure events (EMFILE): %d", time.Since(start), beforeFast.BackPressureEvents())
	})
}

// TestHostTimeout: ports found before --host-timeout stay reported; the rest are unscanned.
func TestHostTimeout(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	open := lport(listenTCP(t, "127.0.0.1:7"))
	tm := fastTiming()
	tm.ScanDelay, tm.HostTimeout = 100*time.Millisecond, 650*time.Millisecond
	s := New(Options{Timing: tm})
	ports := portList("7-100")
	got, hosts := collect(t, s, Connect, target{Addr: netip.MustParseAddr("127.0.0.1"), Ports: ports})
	wantPort(t, got, netip.MustParseAddr("127.0.0.1"), open, Open, ReasonSynAck)
	h := hosts[0]
	if !h.TimedOut || h.Unscanned == 0 || h.Unscanned+len(got) != len(ports) || h.Err != nil {
		t.Fatalf("summary %+v with %d results", h, len(got))
	}
	if n := len(got); n < 4 || n > 9 {
		t.Errorf("%d ports done in 650 ms at 100 ms scan delay", n)
	}
}

// TestScanDelayAndRetriesAdapt: answers that come only on retries raise the scan delay.
func TestNoteAnswerBoostsDelay(t *testing.T) {
	tm, _ := Template(3)
	s := &Scanner{timing: tm}
	h := &hostScan{s: s, proto: portspec.UDP, maxDelay: tm.MaxUDPScanDelay, maxSuccessfulTry: -1, tries: tm.MaxRetries + 1}
	for range 6 {
		h.noteAnswer(0)
	}
	if h.delay != 0 || h.allowedTry() != 1 {
		t.Fatalf("delay %v allowed %d after first-try answers", h.delay, h.allowedTry())
	}
	var delays []time.Duration
	for range 16 {
		h.noteAnswer(1)
		delays = append(delays, h.delay)
	}
	if h.delay != time.Second || h.allowedTry() != 2 {
		t.Fatalf("delay %v allowed %d; steps %v", h.delay, h.allowedTry(), delays)
	}
}

// TestDialerInjected: the scanner uses the Dialer it is given and never dials itself.
func TestDialerInjected(t *testing.T) {
	d := &recordingDialer{}
	s := New(Options{Dialer: d, Timing: fastTiming()})
	got, _ := collect(t, s, Connect, target{Addr: netip.MustParseAddr("192.0.2.7"), Ports: []uint16{1, 2, 3}})
	for p := uint16(1); p <= 3; p++ {
		wantPort(t, got, netip.MustParseAddr("192.0.2.7"), p, Closed, ReasonConnRefused)
	}
	if d.n.Load() != 3 {
		t.Errorf("dialer called %d times", d.n.Load())
	}
}

type recordingDialer struct{ n atomic.Int32 }

func (d *recordingDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	d.n.Add(1)
	return nil, &net.OpError{Op: "dial", Net: network, Err: unix.ECONNREFUSED}
}

// TestConnectAcceptReset: a server that accepts and resets at once (a
// tcpwrapper, run E2 port 31997 in docs/nmap-behaviour.md) is open — connect() succeeded — even when
// the reset arrives before the scanner looks at the socket again.
func TestConnectAcceptReset(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.(*net.TCPConn).SetLinger(0)
			c.Close()
		}
	}()
	port := lport(ln)
	addr := netip.MustParseAddr("127.0.0.1")
	s := New(Options{Timing: fastTiming()})
	for i := range 100 {
		got, _ := collect(t, s, Connect, target{Addr: addr, Ports: []uint16{port}})
		if pr := wantPort(t, got, addr, port, Open, ReasonSynAck); pr.State != Open {
			t.Fatalf("try %d: %+v", i, pr)
		}
	}
}
