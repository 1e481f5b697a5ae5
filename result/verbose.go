package result

import "time"

// TimingReport is the timing a scan runs with, as -d prints it in nmap's "Timing report"
// block: host group sizes, round-trip timeouts, the largest scan delays, parallelism, tries
// and rates. Zero values print as nmap prints unset ones (0).
type TimingReport struct {
	HostGroupMin, HostGroupMax       int
	InitialRTT, MinRTT, MaxRTT       time.Duration
	MaxTCPScanDelay, MaxUDPScanDelay time.Duration
	MaxSCTPScanDelay                 time.Duration
	MinParallelism, MaxParallelism   int
	MaxRetries                       int
	HostTimeout                      time.Duration
	MinRate, MaxRate                 float64 // packets per second
}

// PacketStats counts raw packets and their bytes, sent and received.
type PacketStats struct {
	Sent, SentBytes int64
	Rcvd, RcvdBytes int64
}
