package portscan

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"time"

	"github.com/signetscan/signet/portspec"
)

// tcpTry is one connect() to ap, bounded by timeout and ctx (the host's context).
func (s *Scanner) tcpTry(ctx context.Context, ap netip.AddrPort, timeout time.Duration) outcome {
	if p, ok := s.dialer.(connectProber); ok {
		start := time.Now()
		err := p.ConnectProbe(ctx, ap, start.Add(timeout))
		rtt := time.Since(start)
		switch {
		case err == nil:
			return outcome{state: Open, reason: ReasonSynAck, rtt: rtt, final: true}
		case ctx.Err() != nil:
			return outcome{cancelled: true, err: ctx.Err()}
		case errors.Is(err, errSelfConnect):
			return outcome{err: err}
		case isDeadline(err):
			return outcome{}
		}
		out := classify(portspec.TCP, err)
		out.rtt = rtt
		return out
	}
	addr := ap.String()
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	start := time.Now()
	c, err := s.dialer.DialContext(actx, "tcp", addr)
	rtt := time.Since(start)
	if err == nil {
		selfConnect := c.LocalAddr().String() == c.RemoteAddr().String()
		abort(c)
		if selfConnect {
			// connect() picked the scanned port as its own source port and connected to itself:
			// this says nothing about the port. Try again (not counted as a try).
			return outcome{err: errSelfConnect}
		}
		return outcome{state: Open, reason: ReasonSynAck, rtt: rtt, final: true}
	}
	if ctx.Err() != nil {
		return outcome{cancelled: true, err: ctx.Err()}
	}
	if actx.Err() != nil || isTimeout(err) {
		return outcome{} // no answer within this try's timeout
	}
	out := classify(portspec.TCP, err)
	out.rtt = rtt
	return out
}

var errSelfConnect = errors.New("portscan: connect reached its own source port")

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// abort closes c at once: with SO_LINGER 0 the kernel sends RST and keeps no TIME_WAIT state.
func abort(c net.Conn) {
	if l, ok := c.(interface{ SetLinger(int) error }); ok {
		_ = l.SetLinger(0)
	}
	_ = c.Close()
}
