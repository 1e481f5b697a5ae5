// Package sim is simulated devices that answer as their protocol documents say a real
// device answers, for the detectors' evidence and tests and for running nmap against.
//
// Each device is a Device: a TCP handler, a UDP handler, or both. Serve runs one on a
// listener until the context ends; every connection and datagram is bounded in size and time.
package sim

import (
	"context"
	"errors"
	"io"
	"net"
	"sort"
	"sync"
	"time"
)

// Device is one simulated device.
type Device struct {
	// Doc says what the device is and where its protocol is documented.
	Doc string
	// TCP serves one connection (nil: no TCP).
	TCP func(c net.Conn)
	// UDP answers one datagram; nil replies send nothing (nil: no UDP).
	UDP func(req []byte) [][]byte
}

// Devices lists every simulated device by name.
var Devices = map[string]Device{}

// Names returns the device names, sorted.
func Names() []string {
	var n []string
	for k := range Devices {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}

// connTimeout bounds every simulated connection.
const connTimeout = 30 * time.Second

// ServeTCP runs d.TCP on every connection of ln until ln is closed.
func ServeTCP(ln net.Listener, d Device) error {
	if d.TCP == nil {
		return errors.New("sim: the device has no TCP service")
	}
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		wg.Go(func() {
			defer c.Close()
			c.SetDeadline(time.Now().Add(connTimeout))
			d.TCP(c)
		})
	}
}

// ServeUDP answers every datagram of pc with d.UDP until pc is closed.
func ServeUDP(pc net.PacketConn, d Device) error {
	if d.UDP == nil {
		return errors.New("sim: the device has no UDP service")
	}
	buf := make([]byte, 65536)
	for {
		n, from, err := pc.ReadFrom(buf)
		if err != nil {
			return err
		}
		for _, r := range d.UDP(append([]byte(nil), buf[:n]...)) {
			pc.WriteTo(r, from)
		}
	}
}

// Serve listens on addr with network "tcp" or "udp" and serves d until
// ctx ends.
func Serve(ctx context.Context, network, addr string, d Device) error {
	if network == "udp" {
		pc, err := net.ListenPacket("udp", addr)
		if err != nil {
			return err
		}
		stop := context.AfterFunc(ctx, func() { pc.Close() })
		defer stop()
		err = ServeUDP(pc, d)
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()
	err = ServeTCP(ln, d)
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// readFull reads exactly n bytes, at most max.
func readFull(r io.Reader, n, max int) ([]byte, error) {
	if n < 0 || n > max {
		return nil, errors.New("sim: message too long")
	}
	b := make([]byte, n)
	_, err := io.ReadFull(r, b)
	return b, err
}

// pad returns s cut or space-padded to n bytes.
func pad(s string, n int) []byte {
	b := []byte(s)
	if len(b) > n {
		return b[:n]
	}
	for len(b) < n {
		b = append(b, ' ')
	}
	return b
}

// zpad returns s cut or NUL-padded to n bytes.
func zpad(s string, n int) []byte {
	b := make([]byte, n)
	copy(b, s)
	return b
}
