package vscan

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"sync"
	"time"
)

// DefaultInitialHostConns is where a host's connection window starts
// (Config.InitialHostConns), below Config.MaxHostConns.
const DefaultInitialHostConns = 40

// hostLimits holds, per address, the connection window of
// Config.MaxHostConns. An address's entry lives while a connection to it
// is open or awaited, so the map stays as small as the number of hosts
// being probed.
//
// The window grows and shrinks as TCP's congestion window does: each
// connect that succeeds widens it by one (doubling it per round of
// connects) up to MaxHostConns; a connect the host leaves unanswered
// (a firewall or a server limiting connections per client, a full listen
// queue) halves it, once per episode, and from then on it grows by one
// per window of successes. A fixed cap is
// either too small for a host far away (the connections of a port
// waiting out nmap's waits hold slots for seconds) or too large for a
// host that limits connections.
type hostLimits struct {
	mu    sync.Mutex
	hosts map[netip.Addr]*hostSlots
}

type hostSlots struct {
	window   float64   // connections allowed at once
	ssthresh float64   // above it, grow by 1/window per success
	cut      time.Time // when the window was last halved
	open     int       // connections open or connecting
	users    int       // connections open or waiting for a slot
	urgent   int       // urgent connections waiting for a slot
	changed  chan struct{}
}

var limitsInit sync.Mutex // guards Config.limits' lazy creation

func (c *Config) hostLimits() *hostLimits {
	limitsInit.Lock()
	defer limitsInit.Unlock()
	if c.limits == nil {
		c.limits = &hostLimits{hosts: map[netip.Addr]*hostSlots{}}
	}
	return c.limits
}

func (c *Config) initialHostConns() float64 {
	n := c.InitialHostConns
	if n <= 0 {
		n = DefaultInitialHostConns
	}
	return float64(max(1, min(n, c.MaxHostConns)))
}

// acquire waits for a connection slot to ip (Config.MaxHostConns) and
// returns the function that gives it back and the one that reports how
// the connect went; release may be called more than once. Waiting does
// not count against the connect timeout. An urgent connection (a port's
// first, or one of a walk one connection at a time) takes a free slot
// before any other waits for one: the run lasts as long as its slowest
// port, and a port's NULL probe that queued behind other ports'
// speculative probes started its 6 s up to 2.5 s late (the WAN rig's
// first burst, 109 ports), and a serial walk waits once a probe. A
// serial one (a connection of a port's walk one connection at a time,
// one per port at most) needs no slot of the window, only one under
// MaxHostConns: over the WAN rig, the window full of other ports'
// probes waiting out nmap's waits, transmission's probe asked alone
// waited 1.4 s for a slot, and its serial walk is the run's longest.
func (c *Config) acquire(ctx context.Context, ip netip.Addr, urgent, serial bool) (release func(), outcome func(error), err error) {
	if c.MaxHostConns <= 0 {
		return func() {}, func(error) {}, nil
	}
	l := c.hostLimits()
	l.mu.Lock()
	h := l.hosts[ip]
	if h == nil {
		w := c.initialHostConns()
		h = &hostSlots{window: w, ssthresh: float64(c.MaxHostConns), changed: make(chan struct{})}
		l.hosts[ip] = h
	}
	h.users++
	if urgent {
		h.urgent++
	}
	full := func() bool {
		if serial {
			return h.open >= c.MaxHostConns
		}
		return h.open >= int(h.window) || (!urgent && h.urgent > 0)
	}
	for full() {
		ch := h.changed
		l.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			l.mu.Lock()
			if urgent {
				h.urgentLeft()
			}
			if h.users--; h.users == 0 {
				delete(l.hosts, ip)
			}
			l.mu.Unlock()
			return nil, nil, ctx.Err()
		}
		l.mu.Lock()
	}
	if urgent {
		h.urgentLeft()
	}
	h.open++
	granted := time.Now()
	l.mu.Unlock()
	var once sync.Once
	release = func() {
		once.Do(func() {
			l.mu.Lock()
			h.open--
			if h.users--; h.users == 0 {
				delete(l.hosts, ip)
			}
			h.wake()
			l.mu.Unlock()
		})
	}
	outcome = func(err error) {
		l.mu.Lock()
		defer l.mu.Unlock()
		switch {
		case err == nil:
			if h.window < h.ssthresh {
				h.window++
			} else {
				h.window += 1 / h.window
			}
			h.window = min(h.window, float64(c.MaxHostConns))
			h.wake()
		case ctx.Err() == nil && congested(err) && granted.After(h.cut):
			// One cut per episode: connects that began before the
			// last cut saw the same congestion.
			h.ssthresh = max(1, float64(h.open)/2)
			h.window = max(1, min(h.window, h.ssthresh))
			h.cut = time.Now()
		}
	}
	return release, outcome, nil
}

// urgentLeft: an urgent connection no longer waits; the others may take
// slots again once none does (l.mu held).
func (h *hostSlots) urgentLeft() {
	if h.urgent--; h.urgent == 0 {
		h.wake()
	}
}

// wake tells the waiters to look at the window again (l.mu held).
func (h *hostSlots) wake() {
	close(h.changed)
	h.changed = make(chan struct{})
}

// congested reports whether a connect error says the host takes no more
// connections for now: the connect timed out (SYNs dropped by a rate
// limit or a full listen queue). A refusal is the port's own answer (a
// service that stopped listening, or one limited per port): it says
// nothing of the host.
func congested(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// limitedConn gives its slot back when closed.
type limitedConn struct {
	net.Conn
	release func()
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.release()
	return err
}

// CloseWrite closes the client's half of a TCP connection (see
// speculative.halfClose); errors.ErrUnsupported for another kind.
func (c *limitedConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return errors.ErrUnsupported
}
