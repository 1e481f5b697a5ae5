package portscan

import (
	"context"
	"net/netip"
	"sync"
	"time"
)

// DefaultPingPorts are the TCP ports host discovery connects to when -Pn is not given.
var DefaultPingPorts = []uint16{80, 443, 22, 445, 3389}

// HostStatus is the result of host discovery.
type HostStatus struct {
	Up     bool
	Reason Reason // syn-ack or conn-refused when up; no-response, host-unreach, ... when down
	Port   uint16 // the port that answered (0 when down)
	RTT    time.Duration
}

// Ping decides whether addr is up the way an unprivileged nmap does: connect to the ping ports
// at once; any accepted or refused connection proves the host up. Each port gets two tries of
// the initial RTT timeout; ICMP unreachables end the try for that port early.
func (s *Scanner) Ping(ctx context.Context, addr netip.Addr) HostStatus {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu   sync.Mutex
		best = HostStatus{Reason: ReasonNoResponse}
		wg   sync.WaitGroup
	)
	timeout := s.timing.InitialRTT
	tries := min(2, s.timing.MaxRetries+1)
	for _, port := range s.opts.PingPorts {
		wg.Go(func() {
			a := netip.AddrPortFrom(addr, port)
			for try := 0; try < tries; try++ {
				if err := s.gate.acquire(ctx); err != nil {
					return
				}
				out := s.tcpTry(ctx, a, timeout)
				s.gate.release(!out.final && out.err != nil && isBackPressure(out.err))
				if out.cancelled {
					return
				}
				if !out.final {
					if out.err != nil && !backoff(ctx, try) { // back-pressure or self-connect
						return
					}
					continue
				}
				mu.Lock()
				defer mu.Unlock()
				switch {
				case out.state == Open || out.state == Closed:
					if !best.Up {
						best = HostStatus{Up: true, Reason: out.reason, Port: port, RTT: out.rtt}
						cancel()
					}
				case best.Reason == ReasonNoResponse && out.reason != ReasonLocalError:
					best.Reason = out.reason
				}
				return
			}
		})
	}
	wg.Wait()
	return best
}
