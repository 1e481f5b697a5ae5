package portscan

import (
	"context"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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
