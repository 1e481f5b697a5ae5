//go:build linux

package portscan

import (
	"fmt"
	"net"
	"net/netip"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestConnectLateAnswer: a port whose every try times out, but whose first try's connect is
// answered later (the kernel's SYN retransmission after 1 s), reads open, not filtered: the
// timed-out connect stays open in the host's late pool and its answer counts for the port.
// The listener's accept queue is full, so both tries' SYNs are dropped; the test drains the
// queue after both tries timed out (100 ms each).
func TestConnectLateAnswer(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	lfd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(lfd)
	if err := unix.Bind(lfd, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	if err := unix.Listen(lfd, 0); err != nil { // room for one queued connection
		t.Fatal(err)
	}
	sa, _ := unix.Getsockname(lfd)
	port := uint16(sa.(*unix.SockaddrInet4).Port)
	filler, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		t.Fatal(err)
	}
	defer filler.Close()
	// A closed port (bound, not listening) gives the host an answer on the first try.
	cfd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(cfd)
	if err := unix.Bind(cfd, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	sa, _ = unix.Getsockname(cfd)
	closed := uint16(sa.(*unix.SockaddrInet4).Port)

	tm := fastTiming()
	tm.InitialRTT, tm.MinRTT, tm.MaxRetries = 100*time.Millisecond, 100*time.Millisecond, 1 // two tries
	s := New(Options{Timing: tm})
	go func() {
		time.Sleep(400 * time.Millisecond) // both tries have timed out by now
		for range 3 {                      // the filler, then the scan's connections
			nfd, _, err := unix.Accept(lfd)
			if err != nil {
				return
			}
			unix.Close(nfd)
		}
	}()
	start := time.Now()
	addr := netip.MustParseAddr("127.0.0.1")
	got, _ := collect(t, s, Connect, target{Addr: addr, Ports: []uint16{closed, port}})
	elapsed := time.Since(start)
	wantPort(t, got, addr, closed, Closed, ReasonConnRefused)
	pr := wantPort(t, got, addr, port, Open, ReasonSynAck)
	if pr.Tries != 1 || pr.RTT < 500*time.Millisecond || elapsed > 3*time.Second {
		t.Errorf("tries %d, rtt %v, scan %v: want the late answer to the first try (~1 s)", pr.Tries, pr.RTT, elapsed)
	}
	t.Logf("answered after %v (rtt %v, tries %d)", elapsed, pr.RTT, pr.Tries)
}
