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

// fullListener is a lateHost listener whose accept queue (backlog 0) holds one connection
// that nobody accepted: the kernel drops every SYN to it until drain accepts.
type fullListener struct {
	fd   int
	port uint16
}

func newFullListener(t *testing.T) *fullListener {
	t.Helper()
	fd, port := boundSocket(t)
	if err := unix.Listen(fd, 0); err != nil { // room for one queued connection
		t.Fatal(err)
	}
	l := &fullListener{fd: fd, port: port}
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

// closedPort is a lateHost port bound but not listening: it answers with a reset.
func closedPort(t *testing.T) uint16 {
	t.Helper()
	_, port := boundSocket(t)
	return port
}

// boundSocket is a TCP socket bound to a port of 127.0.0.1, closed when the test ends.
func boundSocket(t *testing.T) (fd int, port uint16) {
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
	return fd, uint16(sa.(*unix.SockaddrInet4).Port)
}

// lateScan connect-scans a closed port and ports on 127.0.0.1 with timing tm, checks that the
// closed one reads closed (refused), and returns the results and how long the scan took.
func lateScan(t *testing.T, tm Timing, ports ...uint16) (got map[netip.AddrPort]PortResult, elapsed time.Duration) {
	t.Helper()
	closed := closedPort(t)
	s := New(Options{Timing: tm})
	start := time.Now()
	got, _ = collect(t, s, Connect, target{Addr: lateHost, Ports: append([]uint16{closed}, ports...)})
	elapsed = time.Since(start)
	wantPort(t, got, lateHost, closed, Closed, ReasonConnRefused)
	return got, elapsed
}

// lateHost is the address the late-answer tests scan.
var lateHost = netip.MustParseAddr("127.0.0.1")

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

// TestConnectLateAnswer: a port whose every try times out, but whose tries' connects are
// answered later (the kernel's SYN retransmission one second after the SYN), reads open, not
// filtered: the timed-out connects stay open in the host's late pool and an answer counts for
// the port as its try's. Both listeners' queues are full, so SYNs are dropped (tries of 600 ms):
// "early" is drained once both its tries' SYNs were dropped, so its first try's connect is
// answered at 1 s, after that try timed out but while the second try runs (the host has shown
// late answers); "late" is drained after its first connect's retransmission was dropped too,
// so only its second try's connect, retransmitted at 1.6 s, answers, after the last try timed
// out (1.2 s): the scan waits for it.
func TestConnectLateAnswer(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	late, early := newFullListener(t), newFullListener(t)
	base := listenDrops()
	if base < 0 {
		t.Fatal("no TcpExt ListenDrops in /proc/net/netstat")
	}
	tm := fastTiming()
	tm.InitialRTT, tm.MinRTT, tm.MaxRTT, tm.MaxRetries = 600*time.Millisecond, 600*time.Millisecond, 600*time.Millisecond, 1 // two tries
	go func() {
		if !waitDrops(base + 4) { // both tries' SYNs to both ports dropped
			return
		}
		early.drain(3)
		if !waitDrops(base + 5) { // late's first connect's retransmission dropped
			return
		}
		late.drain(3)
	}()
	got, elapsed := lateScan(t, tm, late.port, early.port)
	if pr := wantPort(t, got, lateHost, early.port, Open, ReasonSynAck); pr.Tries != 1 {
		t.Errorf("port answering its first try late: tries %d, want 1", pr.Tries)
	}
	pr := wantPort(t, got, lateHost, late.port, Open, ReasonSynAck)
	if pr.Tries != 2 || pr.RTT < 700*time.Millisecond || elapsed > 5*time.Second {
		t.Errorf("tries %d, rtt %v, scan %v: want the late answer to the second try (~1 s after it)", pr.Tries, pr.RTT, elapsed)
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
	tm := fastTiming()
	tm.InitialRTT, tm.MinRTT, tm.MaxRetries = 100*time.Millisecond, 100*time.Millisecond, 1
	got, elapsed := lateScan(t, tm, dropped.port)
	wantPort(t, got, lateHost, dropped.port, Filtered, ReasonNoResponse)
	if elapsed > 700*time.Millisecond {
		t.Errorf("scan took %v: a host without loss waited for late answers", elapsed)
	}
}
