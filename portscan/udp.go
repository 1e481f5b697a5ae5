package portscan

import (
	"context"
	"sync"
	"time"

	"github.com/signetscan/signet/portspec"
)

var udpBufPool = sync.Pool{New: func() any { b := make([]byte, 65536); return &b }}

// udpTry sends payload on a fresh connected UDP socket and waits up to timeout for a reply or
// an ICMP error (reported by the kernel as a socket error on the connected socket).
func (s *Scanner) udpTry(ctx context.Context, addr string, timeout time.Duration, payload []byte) outcome {
	c, err := s.dialer.DialContext(ctx, "udp", addr)
	if err != nil {
		if ctx.Err() != nil {
			return outcome{cancelled: true, err: ctx.Err()}
		}
		return classify(portspec.UDP, err)
	}
	defer c.Close()
	if c.LocalAddr().String() == c.RemoteAddr().String() {
		// The kernel gave the socket the scanned port as its source port: the probe would
		// answer itself. Try again with another socket (not counted as a try).
		return outcome{err: errSelfConnect}
	}
	stop := context.AfterFunc(ctx, func() { _ = c.SetDeadline(time.Now()) })
	defer stop()

	start := time.Now()
	if _, err := c.Write(payload); err != nil {
		if ctx.Err() != nil {
			return outcome{cancelled: true, err: ctx.Err()}
		}
		out := classify(portspec.UDP, err)
		out.rtt = time.Since(start)
		return out
	}
	// The try's timeout runs from the moment the datagram left.
	_ = c.SetReadDeadline(start.Add(timeout))
	bp := udpBufPool.Get().(*[]byte)
	defer udpBufPool.Put(bp)
	n, err := c.Read(*bp)
	rtt := time.Since(start)
	if err == nil {
		return outcome{state: Open, reason: ReasonUDPResponse, rtt: rtt, reply: append([]byte{}, (*bp)[:n]...), final: true}
	}
	if ctx.Err() != nil {
		return outcome{cancelled: true, err: ctx.Err()}
	}
	if isTimeout(err) {
		return outcome{}
	}
	out := classify(portspec.UDP, err)
	out.rtt = rtt
	return out
}
