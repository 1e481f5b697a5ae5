package portscan

import (
	"bytes"
	"context"
	"encoding/hex"
	"net/netip"
	"slices"
	"testing"
	"time"

	"github.com/signetscan/signet/portspec"
)

// portList is the ports of an nmap -p list (no protocol prefixes), for tests.
func portList(spec string) []uint16 {
	return slices.Collect(portspec.MustParse(spec).TCP.All())
}

func TestTemplates(t *testing.T) {
	for level, want := range map[int]Timing{
		0: {InitialRTT: 5 * time.Minute, MinRTT: 100 * time.Millisecond, MaxRTT: 10 * time.Second, MaxRetries: 10, ScanDelay: 5 * time.Minute, MaxTCPScanDelay: 5 * time.Minute, MaxUDPScanDelay: 5 * time.Minute, HostParallelism: 1},
		2: {InitialRTT: time.Second, MinRTT: 100 * time.Millisecond, MaxRTT: 10 * time.Second, MaxRetries: 10, ScanDelay: 400 * time.Millisecond, MaxTCPScanDelay: time.Second, MaxUDPScanDelay: time.Second, HostParallelism: 1},
		4: {InitialRTT: 500 * time.Millisecond, MinRTT: 100 * time.Millisecond, MaxRTT: 1250 * time.Millisecond, MaxRetries: 6, MaxTCPScanDelay: 10 * time.Millisecond, MaxUDPScanDelay: time.Second, HostParallelism: 2000},
		5: {InitialRTT: 250 * time.Millisecond, MinRTT: 50 * time.Millisecond, MaxRTT: 300 * time.Millisecond, MaxRetries: 2, MaxTCPScanDelay: 5 * time.Millisecond, MaxUDPScanDelay: time.Second, HostParallelism: 4000, HostTimeout: 15 * time.Minute},
	} {
		got, err := Template(level)
		if err != nil || got != want {
			t.Errorf("Template(%d) = %+v, %v\nwant %+v", level, got, err, want)
		}
	}
	if _, err := Template(6); err == nil {
		t.Error("Template(6): no error")
	}
	if s := New(Options{}); s.Timing().MaxRetries != 10 {
		t.Errorf("zero Options: %+v, want -T3", s.Timing())
	}
}

func TestRTTEstimator(t *testing.T) {
	tm, _ := Template(3)
	e := NewRTT(tm)
	if e.Timeout() != time.Second {
		t.Fatalf("initial timeout %v", e.Timeout())
	}
	for range 20 {
		e.Sample(50 * time.Microsecond)
	}
	if e.Timeout() != tm.MinRTT {
		t.Errorf("fast host: timeout %v, want MinRTT", e.Timeout())
	}
	for range 20 {
		e.Sample(30 * time.Second)
	}
	if e.Timeout() != tm.MaxRTT {
		t.Errorf("slow host: timeout %v, want MaxRTT", e.Timeout())
	}
}

// TestRTTFirstSample: nmap's first sample sets rttvar to the sample clamped to [5ms, 2s].
func TestRTTFirstSample(t *testing.T) {
	tm, _ := Template(3)
	e := NewRTT(tm)
	if _, _, _, ok := e.Times(); ok {
		t.Error("times before any sample")
	}
	e.Sample(221 * time.Microsecond)
	srtt, rttvar, to, ok := e.Times()
	if !ok || srtt != 221*time.Microsecond || rttvar != 5*time.Millisecond || to != tm.MinRTT {
		t.Errorf("after one 221µs sample: %v %v %v", srtt, rttvar, to)
	}
	e = NewRTT(tm)
	e.Sample(50 * time.Millisecond)
	if _, rttvar, to, _ := e.Times(); rttvar != 50*time.Millisecond || to != 250*time.Millisecond {
		t.Errorf("after one 50ms sample: rttvar %v timeout %v", rttvar, to)
	}
}

func TestBuiltinPayloads(t *testing.T) {
	for port, want := range map[uint16]string{
		53:   "534700000001000000000000" + "0776657273696f6e0462696e6400" + "00100003",
		111:  "53470001" + "00000000" + "00000002" + "000186a0" + "00000002" + "00000000" + "0000000000000000" + "0000000000000000",
		137:  "534700000001000000000000" + "20" + "434b" + "4141414141414141414141414141414141414141414141414141414141414141"[:60] + "00" + "00210001",
		3478: "0001" + "0000" + "2112a442" + "7369676e65745354554e" + "3031",
		161:  "3027" + "020100" + "0406" + "7075626c6963" + "a01a" + "02025347" + "020100" + "020100" + "300e" + "300c" + "06082b06010201010100" + "0500",
	} {
		if got := hex.EncodeToString(BuiltinPayloads[port][0]); got != want {
			t.Errorf("port %d payload\n got %s\nwant %s", port, got, want)
		}
	}
	ntp := BuiltinPayloads[123][0]
	if len(ntp) != 48 || ntp[0] != 0x23 {
		t.Errorf("NTP request % x", ntp)
	}
	s := New(Options{Payloads: PayloadFunc(func(p uint16) [][]byte { return [][]byte{{1}, {2}} })})
	if !bytes.Equal(s.payloadFor(9, 0), []byte{1}) || !bytes.Equal(s.payloadFor(9, 3), []byte{2}) {
		t.Error("payloads are not cycled per try")
	}
	if New(Options{}).payloadFor(9, 0) != nil {
		t.Error("port without payload: want an empty datagram")
	}
}

func TestFDGate(t *testing.T) {
	g := newFDGate(4)
	ctx := context.Background()
	for range 4 {
		if err := g.acquire(ctx); err != nil {
			t.Fatal(err)
		}
	}
	g.release(true) // back-pressure with 3 still open: limit drops to 3
	if g.limit != 3 {
		t.Fatalf("limit %d after pressure", g.limit)
	}
	cctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := g.acquire(cctx); err == nil {
		t.Fatal("acquire beyond the shrunk limit succeeded")
	}
	done := make(chan struct{})
	go func() { g.acquire(ctx); close(done) }()
	g.release(false)
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatal("waiter not woken by release")
	}
	for range 3 {
		g.release(false)
	}
	for range 12 {
		g.acquire(ctx)
		g.release(false)
	}
	if g.limit != 4 || g.inUse != 0 || len(g.waiters) != 0 {
		t.Errorf("gate did not recover: %+v", g)
	}
}

// TestCancel: cancelling the context ends a scan promptly and reports unscanned ports.
func TestCancel(t *testing.T) {
	tm := fastTiming()
	tm.ScanDelay = time.Second
	s := New(Options{Timing: tm, Dialer: &recordingDialer{}})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	st := s.Scan(ctx, Job{Addr: netip.MustParseAddr("192.0.2.1"), Technique: Connect, Ports: []uint16{1, 2, 3, 4}}, func(PortResult) {})
	if time.Since(start) > time.Second {
		t.Fatalf("ended after %v", time.Since(start))
	}
	if st.Unscanned != 3 || st.Answered != 1 {
		t.Errorf("stats %+v", st)
	}
}
