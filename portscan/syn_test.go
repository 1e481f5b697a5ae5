package portscan

import (
	"bytes"
	"context"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// TestSYN: a SYN scan in a fresh namespace: states and reasons, TTLs, retransmission of a
// dropped port, --max-rate pacing, and cancellation.
func TestSYN(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	if os.Geteuid() != 0 {
		skipOrFail(t, "SYN scans need root")
	}
	open := lport(listenTCP(t, "127.0.0.1:0"))
	closed := closedTCPPort(t, "127.0.0.1")
	dropped := closed + 1
	if _, err := exec.LookPath("nft"); err != nil {
		skipOrFail(t, "nft not installed: %v", err)
	}
	rules := filepath.Join(t.TempDir(), "drop.nft")
	_ = os.WriteFile(rules, []byte("table inet t {\n chain input {\n  type filter hook input priority 0;\n  tcp dport "+
		strconv.Itoa(int(dropped))+" drop\n }\n}\n"), 0o644)
	sh(t, "nft", "-f", rules)

	tm := fastTiming()
	s := New(Options{Timing: tm})
	defer s.Close()
	addr := netip.MustParseAddr("127.0.0.1")
	got, hosts := collect(t, s, SYN, target{Addr: addr, Ports: []uint16{open, closed, dropped}})
	want := map[uint16]string{open: "open syn-ack 64 1", closed: "closed reset 64 1", dropped: "filtered no-response 0 2"}
	for p, w := range want {
		r := got[netip.AddrPortFrom(addr, p)]
		if g := r.State.String() + " " + string(r.Reason) + " " + strconv.Itoa(r.TTL) + " " + strconv.Itoa(r.Tries); g != w {
			t.Errorf("port %d: %q, want %q (state reason ttl tries)", p, g, w)
		}
	}
	if hosts[0].Unscanned != 0 || hosts[0].Err != nil {
		t.Errorf("stats %+v", hosts[0].Stats)
	}

	// --max-rate 200: 60 SYNs take at least 0.29 s.
	ports := portList("2000-2059")
	paced := New(Options{Timing: tm, MaxRate: 200})
	defer paced.Close()
	start := time.Now()
	got, _ = collect(t, paced, SYN, target{Addr: addr, Ports: ports})
	if el := time.Since(start); el < 290*time.Millisecond || len(got) != len(ports) {
		t.Errorf("--max-rate 200: %d ports in %v", len(got), el)
	}

	// Cancelling ends the scan at once, the rest unscanned.
	slow := New(Options{Timing: func() Timing { t := tm; t.ScanDelay = 100 * time.Millisecond; return t }()})
	defer slow.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 250*time.Millisecond)
	defer cancel()
	start = time.Now()
	st := slow.Scan(ctx, Job{Addr: addr, Technique: SYN, Ports: portList("3000-3099")}, func(PortResult) {})
	if time.Since(start) > time.Second || st.Unscanned < 90 || st.Answered+st.Unscanned != 100 {
		t.Errorf("cancelled after %v: %+v", time.Since(start), st)
	}
}

// TestSYNBytes: the size counted for a SYN is the one sent (the MSS option included).
func TestSYNBytes(t *testing.T) {
	v4, v6 := netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("2001:db8::1")
	if got, want := SYNBytes(v4), 20+20+len(synOptions); got != want {
		t.Errorf("IPv4: %d, want %d", got, want)
	}
	if got, want := SYNBytes(v6), 40+20+len(synOptions); got != want {
		t.Errorf("IPv6: %d, want %d", got, want)
	}
}

// synAll scans every port of addr with a fresh Scanner set up by prep and checks that each
// port has its true state: open for the listeners, closed (reset) for the rest. Nothing may
// read filtered: on a loopback every SYN is answered, so a port without an answer is a probe
// or an answer the scanner lost and should have tried again.
func synAll(t *testing.T, addr netip.Addr, open []uint16, prep func(*Scanner)) (*Scanner, time.Duration) {
	t.Helper()
	s := New(Options{Timing: fastTiming()})
	t.Cleanup(func() { s.Close() })
	if prep != nil {
		prep(s)
	}
	start := time.Now()
	got, hosts := collect(t, s, SYN, target{Addr: addr, Ports: portList("1-65535")})
	took := time.Since(start)
	isOpen := map[uint16]bool{}
	for _, p := range open {
		isOpen[p] = true
	}
	var filtered []uint16
	tries := map[int]int{}
	for k, r := range got {
		tries[r.Tries]++
		switch {
		case r.State == Filtered:
			filtered = append(filtered, k.Port())
		case isOpen[k.Port()] && (r.State != Open || r.Reason != ReasonSynAck):
			t.Errorf("%s port %d: %s (%s), want open (syn-ack)", addr, k.Port(), r.State, r.Reason)
		case !isOpen[k.Port()] && (r.State != Closed || r.Reason != ReasonReset):
			t.Errorf("%s port %d: %s (%s), want closed (reset)", addr, k.Port(), r.State, r.Reason)
		}
	}
	slices.Sort(filtered)
	if len(got) != 65535 || hosts[0].Unscanned != 0 || len(filtered) > 0 {
		t.Errorf("%s: %d outcomes, %d unscanned, %d filtered %v", addr, len(got), hosts[0].Unscanned, len(filtered), filtered[:min(len(filtered), 20)])
	}
	t.Logf("%s: 65535 ports in %v; ports by tries %v", addr, took.Round(time.Millisecond), tries)
	return s, took
}

// TestSYNStalledReader plays the goroutine that reads the raw socket not being scheduled for
// a second (as on a loaded machine) while SYNs time out: answers the kernel received in time
// must still count, on the first try or later, and no port may read filtered. (Before the
// scan read the sockets itself before deciding a timeout, a stall longer than the tries'
// timeouts turned every port in flight to filtered.)
func TestSYNStalledReader(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	if os.Geteuid() != 0 {
		skipOrFail(t, "SYN scans need root")
	}
	ln := lport(listenTCP(t, "127.0.0.1:0"))
	for _, addr := range []netip.Addr{netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("::1")} {
		var stalls atomic.Int32
		synAll(t, addr, []uint16{ln}, func(s *Scanner) {
			// Stall twice, early and mid-scan, each time for longer than two tries' timeouts.
			var n atomic.Int64
			s.answerHook = func() {
				if k := n.Add(1); k == 2000 || k == 30000 {
					stalls.Add(1)
					time.Sleep(time.Second)
				}
			}
		})
		if stalls.Load() != 2 {
			t.Errorf("%s: %d stalls, want 2", addr, stalls.Load())
		}
		ln6 := lport(listenTCP(t, "[::1]:0"))
		ln = ln6
	}
}

// TestSYNTinyReceiveBuffer makes the kernel drop answers: the raw sockets' receive queues hold
// a few packets only, so the answers to a burst of SYNs overflow them. The scan must see the
// drops (SO_MEMINFO), slow down and try again until every port has its answer.
func TestSYNTinyReceiveBuffer(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	if os.Geteuid() != 0 {
		skipOrFail(t, "SYN scans need root")
	}
	addr := netip.MustParseAddr("127.0.0.1")
	open := lport(listenTCP(t, "127.0.0.1:0"))
	s, _ := synAll(t, addr, []uint16{open}, func(s *Scanner) { s.recvBuffer = 4096 })
	f, err := s.syn.family(false)
	if err != nil {
		t.Fatal(err)
	}
	if d := f.sync(); d == 0 {
		t.Errorf("no receive queue drops: the test did not make the kernel drop answers")
	}
}

// TestSYNLossyLink puts a token bucket with a short queue on the loopback (tc tbf): bursts of
// SYNs and of their answers overflow it and are dropped without a word, as on a congested
// link. Every port must still be decided by its answer.
func TestSYNLossyLink(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	if os.Geteuid() != 0 {
		skipOrFail(t, "SYN scans need root")
	}
	sh(t, "tc", "qdisc", "add", "dev", "lo", "root", "tbf", "rate", "20mbit", "burst", "4000", "limit", "4000")
	addr := netip.MustParseAddr("127.0.0.1")
	open := lport(listenTCP(t, "127.0.0.1:0"))
	_, _ = synAll(t, addr, []uint16{open}, nil)
	out, _ := exec.Command("tc", "-s", "qdisc", "show", "dev", "lo").CombinedOutput()
	m := regexp.MustCompile(`dropped (\d+)`).FindSubmatch(out)
	if m == nil || string(m[1]) == "0" {
		t.Errorf("the queue dropped nothing: the test did not lose packets\n%s", out)
	}
	t.Logf("tc: %s", bytes.TrimSpace(out))
}

// TestMinRate: --min-rate holds for every scan type, as in nmap: a scan behind the rate sends
// past its limits, here a scan delay of 50 ms, which alone makes 30 ports take 1.45 s or more.
func TestMinRate(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	if os.Geteuid() != 0 {
		skipOrFail(t, "SYN scans need root")
	}
	addr := netip.MustParseAddr("127.0.0.1")
	ports := portList("4000-4029")
	tm := fastTiming()
	tm.ScanDelay = 50 * time.Millisecond
	for _, tc := range []struct {
		tech    Technique
		minRate float64
		fast    bool // must take well under the scan delay's 1.45 s
	}{
		{Connect, 0, false}, {Connect, 1000, true}, {SYN, 1000, true}, {UDP, 1000, true},
	} {
		s := New(Options{Timing: tm, MinRate: tc.minRate})
		start := time.Now()
		got, _ := collect(t, s, tc.tech, target{Addr: addr, Ports: ports})
		took := time.Since(start)
		s.Close()
		closed := 0
		for _, r := range got {
			if r.State == Closed {
				closed++
			}
		}
		if closed != len(ports) {
			t.Errorf("%s --min-rate %v: %d of %d ports closed", tc.tech, tc.minRate, closed, len(ports))
		}
		if tc.fast && took > 700*time.Millisecond || !tc.fast && took < 1450*time.Millisecond {
			t.Errorf("%s --min-rate %v with a 50 ms scan delay: %d ports in %v", tc.tech, tc.minRate, len(ports), took)
		}
		t.Logf("%s --min-rate %v: %d ports in %v", tc.tech, tc.minRate, len(ports), took.Round(time.Millisecond))
	}
}
