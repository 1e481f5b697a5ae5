//go:build linux

package portscan

import (
	"bufio"
	"fmt"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// fullListener is a loopback listener whose accept queue (backlog 0) holds one connection
// that nobody accepted: the kernel drops every SYN to it until drain accepts.
type fullListener struct {
	fd   int
	port uint16
}

func newFullListener(t *testing.T) *fullListener {
	t.Helper()
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { unix.Close(fd) })
	if err := unix.Bind(fd, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	if err := unix.Listen(fd, 0); err != nil { // room for one queued connection
		t.Fatal(err)
	}
	sa, _ := unix.Getsockname(fd)
	l := &fullListener{fd: fd, port: uint16(sa.(*unix.SockaddrInet4).Port)}
	filler, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", l.port))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { filler.Close() })
	return l
}

// drain accepts (and closes) up to n connections in the background.
func (l *fullListener) drain(n int) {
	go func() {
		for range n {
			nfd, _, err := unix.Accept(l.fd)
			if err != nil {
				return
			}
			unix.Close(nfd)
		}
	}()
}

// closedPort is a loopback port bound but not listening: it answers with a reset.
func closedPort(t *testing.T) uint16 {
	t.Helper()
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { unix.Close(fd) })
	if err := unix.Bind(fd, &unix.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	sa, _ := unix.Getsockname(fd)
	return uint16(sa.(*unix.SockaddrInet4).Port)
}

// listenDrops is the namespace's count of SYNs dropped on a full accept queue; -1 if unknown.
func listenDrops() int {
	f, err := os.Open("/proc/net/netstat")
	if err != nil {
		return -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var names []string
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || fields[0] != "TcpExt:" {
			continue
		}
		if names == nil {
			names = fields
			continue
		}
		for i, n := range names {
			if n == "ListenDrops" && i < len(fields) {
				v, _ := strconv.Atoi(fields[i])
				return v
			}
		}
	}
	return -1
}

// waitDrops waits (bounded) until at least n SYNs were dropped on full queues.
func waitDrops(n int) bool {
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(time.Millisecond) {
		if listenDrops() >= n {
			return true
		}
	}
	return false
}

// TestConnectLateAnswer: a port whose every try times out, but whose first try's connect is
// answered later (the kernel's SYN retransmission after 1 s), reads open, not filtered: the
// timed-out connect stays open in the host's late pool and its answer counts for the port,
// as the first try's. Both listeners' queues are full, so SYNs are dropped; "retry" is
// drained once its first SYN was dropped, so it answers the second try (the host shows loss);
// "late" is drained only after both its tries timed out (100 ms each).
func TestConnectLateAnswer(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	late, retry := newFullListener(t), newFullListener(t)
	closed := closedPort(t)
	base := listenDrops()
	if base < 0 {
		t.Fatal("no TcpExt ListenDrops in /proc/net/netstat")
	}
	tm := fastTiming()
	tm.InitialRTT, tm.MinRTT, tm.MaxRetries = 100*time.Millisecond, 100*time.Millisecond, 1 // two tries
	s := New(Options{Timing: tm})
	go func() {
		if !waitDrops(base+2) { // both first SYNs dropped
			return
		}
		retry.drain(3)
		if !waitDrops(base+3) { // late's second SYN dropped
			return
		}
		time.Sleep(200 * time.Millisecond) // its second try has timed out
		late.drain(3)
	}()
	start := time.Now()
	addr := netip.MustParseAddr("127.0.0.1")
	got, _ := collect(t, s, Connect, target{Addr: addr, Ports: []uint16{closed, late.port, retry.port}})
	elapsed := time.Since(start)
	wantPort(t, got, addr, closed, Closed, ReasonConnRefused)
	if pr := wantPort(t, got, addr, retry.port, Open, ReasonSynAck); pr.Tries != 2 {
		t.Errorf("port answering the retry: tries %d, want 2", pr.Tries)
	}
	pr := wantPort(t, got, addr, late.port, Open, ReasonSynAck)
	if pr.Tries != 1 || pr.RTT < 500*time.Millisecond || elapsed > 3*time.Second {
		t.Errorf("tries %d, rtt %v, scan %v: want the late answer to the first try (~1 s)", pr.Tries, pr.RTT, elapsed)
	}
	t.Logf("answered after %v (rtt %v, tries %d)", elapsed, pr.RTT, pr.Tries)
}

// TestConnectNoLateWait: on a host that shows no loss (every answer on the first try), ports
// that never answer (a dropping firewall) read filtered after their tries, without waiting
// for the late pool's window: no-loss scans keep their speed.
func TestConnectNoLateWait(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	dropped := newFullListener(t)
	closed := closedPort(t)
	tm := fastTiming()
	tm.InitialRTT, tm.MinRTT, tm.MaxRetries = 100*time.Millisecond, 100*time.Millisecond, 1
	s := New(Options{Timing: tm})
	start := time.Now()
	addr := netip.MustParseAddr("127.0.0.1")
	got, _ := collect(t, s, Connect, target{Addr: addr, Ports: []uint16{closed, dropped.port}})
	elapsed := time.Since(start)
	wantPort(t, got, addr, closed, Closed, ReasonConnRefused)
	wantPort(t, got, addr, dropped.port, Filtered, ReasonNoResponse)
	if elapsed > 700*time.Millisecond {
		t.Errorf("scan took %v: a host without loss waited for late answers", elapsed)
	}
}
