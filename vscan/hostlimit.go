package vscan

import (
	"context"
	"net"
	"net/netip"
	"sync"
)

// hostLimits holds, per address, the slots of Config.MaxHostConns. An
// address's entry lives while a connection to it is open or awaited, so
// the map stays as small as the number of hosts being probed.
type hostLimits struct {
	mu    sync.Mutex
	hosts map[netip.Addr]*hostSlots
}

type hostSlots struct {
	sem   chan struct{}
	users int // connections open or waiting for a slot
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

// acquire waits for a connection slot to ip (Config.MaxHostConns) and
// returns the function that gives it back; it may be called more than once.
// Waiting does not count against the connect timeout.
func (c *Config) acquire(ctx context.Context, ip netip.Addr) (release func(), err error) {
	if c.MaxHostConns <= 0 {
		return func() {}, nil
	}
	l := c.hostLimits()
	l.mu.Lock()
	h := l.hosts[ip]
	if h == nil {
		h = &hostSlots{sem: make(chan struct{}, c.MaxHostConns)}
		l.hosts[ip] = h
	}
	h.users++
	l.mu.Unlock()
	leave := func() {
		l.mu.Lock()
		if h.users--; h.users == 0 {
			delete(l.hosts, ip)
		}
		l.mu.Unlock()
	}
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		leave()
		return nil, ctx.Err()
	}
	var once sync.Once
	return func() { once.Do(func() { <-h.sem; leave() }) }, nil
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
