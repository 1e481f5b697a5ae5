//go:build linux

package portscan

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"regexp"
	"strconv"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestConnectAnswerLater: a connect the kernel cannot answer at once waits in the lane's epoll
// set and is reported when the answer comes, not when its try times out. The listener's accept
// queue is full, so the SYN is dropped; the test then drains the queue and the kernel's SYN
// retransmission (after 1 s) is accepted.
func TestConnectAnswerLater(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	lfd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(lfd)
	if err := unix.Bind(lfd, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	if err := unix.Listen(lfd, 0); err != nil { // room for one queued connection
		t.Fatal(err)
	}
	sa, _ := unix.Getsockname(lfd)
	port := uint16(sa.(*unix.SockaddrInet4).Port)
	filler, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		t.Fatal(err)
	}
	defer filler.Close()

	tm := fastTiming()
	tm.InitialRTT, tm.MaxRTT = 4*time.Second, 4*time.Second
	s := New(Options{Timing: tm})
	go func() {
		time.Sleep(300 * time.Millisecond)
		for range 4 { // accept whatever is queued, including the scan's connection
			nfd, _, err := unix.Accept(lfd)
			if err != nil {
				return
			}
			unix.Close(nfd)
		}
	}()
	start := time.Now()
	addr := netip.MustParseAddr("127.0.0.1")
	got, _ := collect(t, s, Connect, target{Addr: addr, Ports: []uint16{port}})
	elapsed := time.Since(start)
	pr := wantPort(t, got, addr, port, Open, ReasonSynAck)
	if pr.Tries != 1 || pr.RTT < 500*time.Millisecond || elapsed > 3*time.Second {
		t.Errorf("tries %d, rtt %v, scan %v: want the answer to the SYN retransmission (~1 s) on the first try", pr.Tries, pr.RTT, elapsed)
	}
	t.Logf("answered after %v (rtt %v)", elapsed, pr.RTT)
}

// TestConnectEngineCleanup: when the host timeout ends a scan with connects in progress, every
// socket is closed and every slot of the socket budget returned.
func TestConnectEngineCleanup(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	sh(t, "ip", "link", "add", "sgca", "type", "veth", "peer", "name", "sgcb")
	sh(t, "ip", "addr", "add", "10.66.0.1/24", "dev", "sgca")
	sh(t, "ip", "link", "set", "sgca", "up")
	sh(t, "ip", "link", "set", "sgcb", "up")
	sh(t, "ip", "neigh", "add", "10.66.0.9", "lladdr", "02:00:00:00:00:09", "dev", "sgca", "nud", "permanent")
	before := openFDs()
	tm := fastTiming()
	tm.HostTimeout = 400 * time.Millisecond
	tm.InitialRTT, tm.MaxRTT = 2*time.Second, 2*time.Second
	s := New(Options{Timing: tm})
	ports := portList("1-5000")
	start := time.Now()
	got, hosts := collect(t, s, Connect, target{Addr: netip.MustParseAddr("10.66.0.9"), Ports: ports})
	if len(got) != 0 || !hosts[0].TimedOut || hosts[0].Unscanned != len(ports) {
		t.Errorf("%d results, summary %+v", len(got), hosts[0])
	}
	if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("scan ended %v after start; host timeout 400ms", d)
	}
	if after := openFDs(); after > before {
		t.Errorf("%d descriptors open after the scan, %d before", after, before)
	}
}

// TestConnectManyHosts: hosts run side by side through the engine, each with exact results.
func TestConnectManyHosts(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	open := lport(listenTCP(t, "127.0.0.1:0"))
	ports := []uint16{open, 1, 2, 3}
	var targets []target
	for i := range 300 {
		targets = append(targets, target{Addr: netip.AddrFrom4([4]byte{127, 0, byte(i >> 8), byte(i)}), Ports: ports})
	}
	s := New(Options{})
	got, hosts := collect(t, s, Connect, targets...)
	if len(got) != len(targets)*len(ports) || len(hosts) != len(targets) {
		t.Fatalf("%d results, %d hosts", len(got), len(hosts))
	}
	for _, tg := range targets {
		for _, p := range ports {
			st, r := Closed, ReasonConnRefused
			if tg.Addr == netip.MustParseAddr("127.0.0.1") && p == open {
				st, r = Open, ReasonSynAck
			}
			wantPort(t, got, tg.Addr, p, st, r)
		}
	}
}

// BenchmarkConnectRefused is the engine's hot path: 4,096 closed loopback ports per scan in a
// fresh namespace. Reports ns and allocations per port (measured in the namespace child).
func BenchmarkConnectRefused(b *testing.B) {
	const n = 4096
	if !inNetns() {
		out, err := childCmd("-test.run=^$", "-test.bench=^BenchmarkConnectRefused$",
			fmt.Sprintf("-test.benchtime=%dx", b.N), "-test.benchmem").CombinedOutput()
		if err != nil {
			b.Skipf("cannot run in a fresh network namespace: %v\n%s", err, out) // skip-ok: a benchmark; CI runs no benchmarks
		}
		m := regexp.MustCompile(`BenchmarkConnectRefused\S*\s+\d+\s+(\d+) ns/op\s+(\d+) B/op\s+(\d+) allocs/op`).FindSubmatch(out)
		if m == nil {
			b.Fatalf("no result from the namespace:\n%s", out)
		}
		ns, _ := strconv.ParseFloat(string(m[1]), 64)
		allocs, _ := strconv.ParseFloat(string(m[3]), 64)
		b.ReportMetric(ns/n, "ns/port")
		b.ReportMetric(allocs/n, "allocs/port")
		return
	}
	s := New(Options{})
	ports := portList(fmt.Sprintf("1-%d", n))
	targets := []target{{Addr: netip.MustParseAddr("127.0.0.1"), Ports: ports}}
	b.ReportAllocs()
	for b.Loop() {
		closed := 0
		if st := s.Scan(context.Background(), Job{Addr: targets[0].Addr, Technique: Connect, Ports: targets[0].Ports}, func(r PortResult) {
			if r.State == Closed {
				closed++
			}
		}); st.Err != nil || closed != n {
			b.Fatalf("closed=%d", closed)
		}
	}
}

// TestConnectPacing: --scan-delay and --max-rate space the engine's connects.
func TestConnectPacing(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	ports := portList("1-11")
	addr := netip.MustParseAddr("127.0.0.1")
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"scan-delay 20ms", Options{Timing: func() Timing { tm := fastTiming(); tm.ScanDelay = 20 * time.Millisecond; return tm }()}},
		{"max-rate 50", Options{Timing: fastTiming(), MaxRate: 50}},
	} {
		start := time.Now()
		got, _ := collect(t, New(tc.opts), Connect, target{Addr: addr, Ports: ports})
		d := time.Since(start)
		if len(got) != len(ports) || d < 190*time.Millisecond || d > 2*time.Second {
			t.Errorf("%s: %d results in %v, want 11 in about 200ms", tc.name, len(got), d)
		}
	}
}
