package vscan

import (
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// manyProbes is a NULL probe waiting nullMs and n probes of a line each.
func manyProbes(nullMs, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Probe TCP NULL q||\ntotalwaitms %d\ntcpwrappedms 500\n", nullMs)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "Probe TCP P%02d q|P%02d-request-line\\r\\n|\nrarity 1\ntotalwaitms 5000\n", i, i)
	}
	return b.String()
}

// verdictAfter scans tg in the adaptive mode with FirstByteWait wait and
// returns how long after the scan began a trace line holding verdict
// came; the scan is cut there.
func verdictAfter(t *testing.T, src string, tg Target, wait time.Duration, verdict string) (time.Duration, []string) {
	t.Helper()
	c := probesConfig(t, src, TimingFast)
	c.FirstByteWait = wait
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var mu sync.Mutex
	var trace []string
	var at time.Duration
	began := time.Now()
	c.Trace = func(s string) {
		mu.Lock()
		defer mu.Unlock()
		trace = append(trace, s)
		if at == 0 && strings.Contains(s, verdict) {
			at = time.Since(began)
			cancel()
		}
	}
	c.Scan(ctx, tg)
	mu.Lock()
	defer mu.Unlock()
	if at == 0 {
		t.Fatalf("no %q in the trace:\n%s", verdict, strings.Join(trace, "\n"))
	}
	return at, trace
}

// A port silent to everything (no byte, no close) has its probes held
// for nmap's wait until its NULL probe's ends; the 18 left then go out
// at once and wait one fitted wait, where eight at a time took three
// (silentBurst): the verdict comes about one fitted wait after NULL's.
func TestSilentPortLastProbesAtOnce(t *testing.T) {
	t.Parallel()
	h := serveHostile(t, 0, silent)
	const null, fitted = 1500 * time.Millisecond, 800 * time.Millisecond
	at, _ := verdictAfter(t, manyProbes(int(null/time.Millisecond), 34), h.tg, fitted, "was silent to every probe")
	t.Logf("verdict %v after the scan began (NULL %v, fitted wait %v)", at.Round(time.Millisecond), null, fitted)
	// Eight at a time, its 18 last probes took three fitted waits and
	// more (4.1-4.8 s in all); at once one (2.5 s).
	if at > null+2*fitted {
		t.Errorf("verdict %v after the scan began, want within NULL's %v and about one fitted wait of %v", at.Round(time.Millisecond), null, fitted)
	}
}

// A port whose holding has ended (its NULL probe waited its whole time)
// with no byte on any connection, after MootRetries or more probes were
// closed without a byte and set to be sent again, leaves the retries
// still to go unsent (retryMoot): each would be closed, or held silent,
// as the others were (freeciv keeps four clients and closes the others
// at once; over the WAN rig its retries went on 6.5 s past its NULL
// probe's end), and the walk's end asks alone to tell which. Such a
// retry ends with its first try's close, its times kept for the alike
// re-check's wait (askAlike).
func TestMootRetries(t *testing.T) {
	now := time.Now()
	newPort := func() (*speculative, *specReply) {
		s := newSpeculative(&walk{c: &Config{}})
		s.holding.Store(false) // its NULL probe waited its whole time
		for i := range 4 {
			rp := &specReply{s: s, seq: i}
			s.list = append(s.list, rp)
		}
		rp := s.list[3]
		rp.retried, rp.firstEnd, rp.firstBegan, rp.firstEnded = true, endEOF, now.Add(-time.Second), now.Add(-time.Second+time.Millisecond)
		s.retries.Store(MootRetries)
		return s, rp
	}
	s, rp := newPort()
	if !s.retryMoot() {
		t.Error("holding over, no byte, 3 retries: the retry should be left out")
	}
	rp.unretry()
	if !rp.done || rp.end != endEOF || rp.ended.Sub(rp.began) != time.Millisecond {
		t.Errorf("left out: done %v, end %v, took %v; want its first try's close after 1ms", rp.done, rp.end, rp.ended.Sub(rp.began))
	}
	s, _ = newPort()
	s.holding.Store(true)
	if s.retryMoot() {
		t.Error("a retry while the port holds was left out")
	}
	s, _ = newPort()
	s.retries.Store(MootRetries - 1)
	if s.retryMoot() {
		t.Error("a retry after fewer than MootRetries closes was left out")
	}
	s, _ = newPort()
	s.list[1].buf = []byte("ERROR limit\r\n")
	s.gotByte.Store(true) // as the collector notes its first byte
	if s.retryMoot() {
		t.Error("a retry on a port that answered a connection with data was left out")
	}
}

// A NULL probe whose connect fails alone for another reason than a
// refusal (a reset, or an unreachable burst on a loaded path) is asked
// again once, WrappedRecheck later, as a refused one is: a NULL probe
// that never connected reads tcpwrapped (S9's catch-all), and the port
// scan found the port open moments before (quassel behind the WAN rig's
// IPv6 relay read tcpwrapped in 570 ms, once, with no re-ask).
func TestNullConnectFailureAskedAgain(t *testing.T) {
	t.Parallel()
	h := serveHostile(t, 0, silent)
	c := probesConfig(t, fallbackProbes, TimingFast)
	var failed atomic.Bool
	c.Dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if failed.CompareAndSwap(false, true) {
			return nil, &net.OpError{Op: "dial", Net: network, Err: syscall.ECONNRESET}
		}
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}
	var mu sync.Mutex
	var trace []string
	c.Trace = func(s string) { mu.Lock(); trace = append(trace, s); mu.Unlock() }
	r := scan(t, c, h.tg)
	mu.Lock()
	defer mu.Unlock()
	if r.Outcome == TCPWrapped {
		t.Errorf("a NULL connect reset once read tcpwrapped:\n%s", strings.Join(trace, "\n"))
	}
	wantAdaptiveTrace(t, trace, "failed probe NULL's connect", "the failed connect was not asked again")
}
