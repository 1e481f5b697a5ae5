// Command wanrelay carries TCP connections and UDP datagrams from one address
// to another, port for port: scripts/bench-wan.sh -6 uses it to reach the
// testbed's IPv4-loopback servers at the WAN rig's IPv6 address.
//
//	wanrelay -listen fd20:201::2 -to 127.0.0.1 [-tcp PORTS] [-udp PORTS]
//
// PORTS is a comma-separated list of ports and ranges (41020,41022-41025).
// It prints "ready" once every port listens, and runs until SIGINT/SIGTERM.
//
// What a client sees is kept as close to the server's own behaviour as a
// user-space relay can: a TCP connection the server refuses or resets is
// reset, a close is a close (half-closes cross in both directions), and each
// UDP client (address and port) has its own socket to the server, so replies
// reach the client that asked, from the port it asked.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

func main() {
	listen := flag.String("listen", "", "address to listen on (IPv4 or IPv6)")
	to := flag.String("to", "127.0.0.1", "address of the servers")
	tcpPorts := flag.String("tcp", "", "TCP ports to relay (list and ranges)")
	udpPorts := flag.String("udp", "", "UDP ports to relay (list and ranges)")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	r, err := start(ctx, *listen, *to, *tcpPorts, *udpPorts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "wanrelay:", err)
		os.Exit(1)
	}
	fmt.Println("ready")
	<-ctx.Done()
	r.close()
}

// parsePorts reads "1,2,5-9" into ports.
func parsePorts(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		lo, hi, isRange := strings.Cut(f, "-")
		a, err := strconv.Atoi(lo)
		if err != nil || a < 1 || a > 65535 {
			return nil, fmt.Errorf("bad port %q", f)
		}
		b := a
		if isRange {
			b, err = strconv.Atoi(hi)
			if err != nil || b < a || b > 65535 {
				return nil, fmt.Errorf("bad port range %q", f)
			}
		}
		for p := a; p <= b; p++ {
			out = append(out, p)
		}
	}
	return out, nil
}

// relay is a running set of listeners.
type relay struct {
	closers []io.Closer
	wg      sync.WaitGroup
}

func (r *relay) close() {
	for _, c := range r.closers {
		c.Close()
	}
	r.wg.Wait()
}

func start(ctx context.Context, listen, to, tcpList, udpList string) (*relay, error) {
	la, err := netip.ParseAddr(listen)
	if err != nil {
		return nil, fmt.Errorf("-listen: %v", err)
	}
	ta, err := netip.ParseAddr(to)
	if err != nil {
		return nil, fmt.Errorf("-to: %v", err)
	}
	tcp, err := parsePorts(tcpList)
	if err != nil {
		return nil, fmt.Errorf("-tcp: %v", err)
	}
	udp, err := parsePorts(udpList)
	if err != nil {
		return nil, fmt.Errorf("-udp: %v", err)
	}
	r := &relay{}
	for _, p := range tcp {
		ln, err := net.ListenTCP("tcp", net.TCPAddrFromAddrPort(netip.AddrPortFrom(la, uint16(p))))
		if err != nil {
			r.close()
			return nil, err
		}
		r.closers = append(r.closers, ln)
		dst := netip.AddrPortFrom(ta, uint16(p))
		r.wg.Go(func() { serveTCP(ln, dst) })
	}
	for _, p := range udp {
		pc, err := net.ListenUDP("udp", net.UDPAddrFromAddrPort(netip.AddrPortFrom(la, uint16(p))))
		if err != nil {
			r.close()
			return nil, err
		}
		r.closers = append(r.closers, pc)
		dst := netip.AddrPortFrom(ta, uint16(p))
		r.wg.Go(func() { serveUDP(ctx, pc, dst) })
	}
	return r, nil
}

// dialTimeout bounds a connect to the server (a server that serves one
// client at a time leaves later connects in its backlog, which is what a
// direct client would meet too).
const dialTimeout = 30 * time.Second

func serveTCP(ln *net.TCPListener, dst netip.AddrPort) {
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		c, err := ln.AcceptTCP()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			time.Sleep(10 * time.Millisecond) // EMFILE and the like: back off
			continue
		}
		wg.Go(func() { pipeTCP(c, dst) })
	}
}

// pipeTCP joins client c to a new connection to dst until both directions
// end. A refused connect, or a reset from either side, resets the other.
func pipeTCP(c *net.TCPConn, dst netip.AddrPort) {
	d := net.Dialer{Timeout: dialTimeout}
	sc, err := d.Dial("tcp", dst.String())
	if err != nil {
		c.SetLinger(0) // a reset, as the server's refusal would be
		c.Close()
		return
	}
	s := sc.(*net.TCPConn)
	var once sync.Once
	reset := func() {
		once.Do(func() {
			c.SetLinger(0)
			s.SetLinger(0)
			c.Close()
			s.Close()
		})
	}
	var wg sync.WaitGroup
	half := func(dstc, srcc *net.TCPConn) {
		_, err := io.Copy(dstc, srcc)
		if err != nil && !errors.Is(err, net.ErrClosed) {
			reset() // a reset (or another error) on one side: reset the other
			return
		}
		dstc.CloseWrite() // a close crosses as a close
	}
	wg.Go(func() { half(s, c) })
	wg.Go(func() { half(c, s) })
	wg.Wait()
	c.Close()
	s.Close()
}

// UDP sessions: one socket to the server per client address, closed after
// udpIdle without traffic; at most udpSessions per port at once.
const (
	udpIdle     = 60 * time.Second
	udpSessions = 4096
)

type udpSession struct {
	conn *net.UDPConn
	last time.Time
}

func serveUDP(ctx context.Context, pc *net.UDPConn, dst netip.AddrPort) {
	var mu sync.Mutex
	sessions := map[netip.AddrPort]*udpSession{}
	var wg sync.WaitGroup
	defer func() {
		mu.Lock()
		for _, s := range sessions {
			s.conn.Close()
		}
		mu.Unlock()
		wg.Wait()
	}()
	buf := make([]byte, 65535)
	for {
		n, from, err := pc.ReadFromUDPAddrPort(buf)
		if err != nil {
			if errors.Is(err, net.ErrClosed) || ctx.Err() != nil {
				return
			}
			continue
		}
		from = netip.AddrPortFrom(from.Addr().Unmap(), from.Port())
		mu.Lock()
		s := sessions[from]
		if s == nil {
			if len(sessions) >= udpSessions {
				mu.Unlock()
				continue
			}
			conn, err := net.DialUDP("udp", nil, net.UDPAddrFromAddrPort(dst))
			if err != nil {
				mu.Unlock()
				continue
			}
			s = &udpSession{conn: conn}
			sessions[from] = s
			wg.Go(func() {
				// Replies go back to the client from the listening socket,
				// so they come from the address and port it sent to.
				rb := make([]byte, 65535)
				for {
					conn.SetReadDeadline(time.Now().Add(udpIdle))
					m, err := conn.Read(rb)
					if err != nil {
						var ne net.Error
						if errors.As(err, &ne) && ne.Timeout() {
							mu.Lock()
							idle := time.Since(s.last) >= udpIdle
							mu.Unlock()
							if !idle {
								continue
							}
						} else if !errors.Is(err, net.ErrClosed) && errors.Is(err, syscall.ECONNREFUSED) {
							continue // the server's port was closed for a moment
						}
						mu.Lock()
						if sessions[from] == s {
							delete(sessions, from)
						}
						mu.Unlock()
						conn.Close()
						return
					}
					mu.Lock()
					s.last = time.Now()
					mu.Unlock()
					pc.WriteToUDPAddrPort(rb[:m], from)
				}
			})
		}
		s.last = time.Now()
		mu.Unlock()
		s.conn.Write(buf[:n])
	}
}
