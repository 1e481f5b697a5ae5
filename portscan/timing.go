package portscan

import (
	"fmt"
	"sync"
	"time"
)

// Timing holds the knobs nmap's -T templates set. Zero fields in Options.Timing are filled from
// template 3 (-T3, "normal").
//
// The numbers follow nmap 7.93 (nmap.cc, timing.cc); HostParallelism is signet's own, because
// nmap's congestion window has no direct equivalent in a connect scanner:
//
//	          InitialRTT MinRTT MaxRTT  MaxRetries ScanDelay MaxTCPDelay MaxUDPDelay HostPar HostTimeout
//	-T0 paranoid   5m    100ms   10s       10         5m        5m          5m          1       -
//	-T1 sneaky    15s    100ms   10s       10        15s       15s         15s          1       -
//	-T2 polite     1s    100ms   10s       10       400ms       1s          1s          1       -
//	-T3 normal     1s    100ms   10s       10         0         1s          1s       1000       -
//	-T4 aggr.    500ms   100ms  1250ms      6         0        10ms         1s       2000       -
//	-T5 insane   250ms    50ms  300ms       2         0         5ms         1s       4000      15m
//
// The per-try timeout is nmap's RTT estimate srtt+4·rttvar clamped to [MinRTT, MaxRTT]
// (InitialRTT before the host has answered). MaxRetries is a cap: like nmap, a host is retried
// only one try beyond the highest try that ever got an answer from it (at least one retry).
// ScanDelay is the minimum gap between probes to one host; it grows (TCP from 5 ms, UDP from
// 50 ms, doubling, up to MaxTCPScanDelay / MaxUDPScanDelay) when answers arrive only on retries,
// which is how ICMP rate limiting shows. HostParallelism caps probes in flight to one host.
type Timing struct {
	InitialRTT      time.Duration
	MinRTT          time.Duration
	MaxRTT          time.Duration
	MaxRetries      int // -1 = template value; 0 = one try only
	ScanDelay       time.Duration
	MaxTCPScanDelay time.Duration
	MaxUDPScanDelay time.Duration
	HostParallelism int
	HostTimeout     time.Duration // 0 = none
}

// Template returns nmap's -T<level> timing (0..5).
func Template(level int) (Timing, error) {
	t := Timing{
		InitialRTT:      time.Second,
		MinRTT:          100 * time.Millisecond,
		MaxRTT:          10 * time.Second,
		MaxRetries:      10,
		MaxTCPScanDelay: time.Second,
		MaxUDPScanDelay: time.Second,
		HostParallelism: 1000,
	}
	switch level {
	case 0:
		t.InitialRTT, t.ScanDelay, t.HostParallelism = 5*time.Minute, 5*time.Minute, 1
	case 1:
		t.InitialRTT, t.ScanDelay, t.HostParallelism = 15*time.Second, 15*time.Second, 1
	case 2:
		t.ScanDelay, t.HostParallelism = 400*time.Millisecond, 1
	case 3:
	case 4:
		t.InitialRTT, t.MaxRTT, t.MaxRetries = 500*time.Millisecond, 1250*time.Millisecond, 6
		t.MaxTCPScanDelay, t.HostParallelism = 10*time.Millisecond, 2000
	case 5:
		t.InitialRTT, t.MinRTT, t.MaxRTT, t.MaxRetries = 250*time.Millisecond, 50*time.Millisecond, 300*time.Millisecond, 2
		t.MaxTCPScanDelay, t.HostParallelism, t.HostTimeout = 5*time.Millisecond, 4000, 15*time.Minute
	default:
		return Timing{}, fmt.Errorf("portscan: timing template -T%d: must be 0..5", level)
	}
	// nmap raises the maximum scan delay to an explicitly larger scan delay.
	t.MaxTCPScanDelay = max(t.MaxTCPScanDelay, t.ScanDelay)
	t.MaxUDPScanDelay = max(t.MaxUDPScanDelay, t.ScanDelay)
	return t, nil
}

// withDefaults fills zero fields from -T3 and orders the RTT bounds.
func (t Timing) withDefaults() Timing {
	d, _ := Template(3)
	if t.InitialRTT <= 0 {
		t.InitialRTT = d.InitialRTT
	}
	if t.MinRTT <= 0 {
		t.MinRTT = d.MinRTT
	}
	if t.MaxRTT <= 0 {
		t.MaxRTT = d.MaxRTT
	}
	if t.MaxRTT < t.MinRTT {
		t.MaxRTT = t.MinRTT
	}
	if t.MaxRetries < 0 {
		t.MaxRetries = d.MaxRetries
	}
	if t.ScanDelay < 0 {
		t.ScanDelay = 0
	}
	if t.MaxTCPScanDelay <= 0 {
		t.MaxTCPScanDelay = d.MaxTCPScanDelay
	}
	if t.MaxUDPScanDelay <= 0 {
		t.MaxUDPScanDelay = d.MaxUDPScanDelay
	}
	t.MaxTCPScanDelay = max(t.MaxTCPScanDelay, t.ScanDelay)
	t.MaxUDPScanDelay = max(t.MaxUDPScanDelay, t.ScanDelay)
	if t.HostParallelism <= 0 {
		t.HostParallelism = d.HostParallelism
	}
	return t
}

// RTT is a host's round-trip estimate (nmap's srtt, rttvar and timeout, RFC 6298 style),
// shared by host discovery and the port scans of the host; safe for concurrent use.
type RTT struct {
	group   *RTT // the host group's estimate (see Child); nil for none
	mu      sync.Mutex
	t       Timing
	n       int
	srtt    time.Duration
	rttvar  time.Duration
	timeout time.Duration
}

// NewRTT returns an estimate with no samples: its timeout is t's InitialRTT.
func NewRTT(t Timing) *RTT {
	t = t.withDefaults()
	return &RTT{t: t, timeout: t.InitialRTT}
}

// Child returns a host's estimate within the group whose estimate is e: until the host has
// answered, its timeout is the group's (as nmap's hosts borrow their group's timing), and
// every sample of the host also counts for the group.
func (e *RTT) Child() *RTT {
	return &RTT{group: e, t: e.t, timeout: e.t.InitialRTT}
}

// Sample adds one measured round trip. As in nmap, the first sample sets the variance to
// the sample clamped to [5ms, 2s]; later ones move srtt by 1/8 and rttvar by 1/4 of the
// difference. The timeout is srtt+4·rttvar clamped to [MinRTT, MaxRTT].
func (e *RTT) Sample(rtt time.Duration) {
	if rtt <= 0 {
		rtt = time.Microsecond
	}
	if e.group != nil {
		e.group.Sample(rtt)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.n == 0 {
		e.srtt, e.rttvar = rtt, min(max(rtt, 5*time.Millisecond), 2*time.Second)
	} else {
		delta := rtt - e.srtt
		if delta < 0 {
			delta = -delta
		}
		e.rttvar += (delta - e.rttvar) / 4
		e.srtt += (rtt - e.srtt) / 8
	}
	e.n++
	e.timeout = min(max(e.srtt+4*e.rttvar, e.t.MinRTT), e.t.MaxRTT)
}

// Timeout is how long to wait for an answer now.
func (e *RTT) Timeout() time.Duration {
	e.mu.Lock()
	n, to := e.n, e.timeout
	e.mu.Unlock()
	if n == 0 && e.group != nil {
		return e.group.Timeout()
	}
	return to
}

// Times returns srtt, rttvar and the timeout; ok is false before the first sample.
func (e *RTT) Times() (srtt, rttvar, timeout time.Duration, ok bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.srtt, e.rttvar, e.timeout, e.n > 0
}
