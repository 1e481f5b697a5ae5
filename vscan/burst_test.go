package vscan

import (
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// burstWait is every probe's totalwaitms in burstProbes: short, so that
// the tests take a few seconds, but well above the fitted waits (1 s
// first byte, 300 ms quiet), so that holding shows.
const (
	burstWait   = 3 * time.Second
	burstProbes = 28 // besides NULL and GetRequest: more than PortConns, fewer than PortBurstConns
)

// burstFile is a NULL probe and n probes that nothing matches, then
// GetRequest, whose reply a line matches.
func burstFile(n int) string {
	ms := burstWait.Milliseconds()
	var b strings.Builder
	fmt.Fprintf(&b, "Probe TCP NULL q||\ntotalwaitms %d\ntcpwrappedms 1000\n", ms)
	for i := range n {
		fmt.Fprintf(&b, "Probe TCP J%02d q|J%02d\\r\\n|\nrarity 1\ntotalwaitms %d\n", i, i, ms)
	}
	fmt.Fprintf(&b, "Probe TCP GetRequest q|GET / HTTP/1.0\\r\\n\\r\\n|\nrarity 1\ntotalwaitms %d\nmatch http m|^HTTP/1\\.[01] \\d\\d\\d| p/testhttpd/\n", ms)
	return b.String()
}

func burstConfig(t *testing.T, timing Timing, n int) *Config {
	t.Helper()
	return probesConfig(t, burstFile(n), timing)
}

// junkServer answers every request at once with a line no probe's line
// matches (GET / with an HTTP status line when http is set) and holds the
// connection until the client closes it, as redis-sentinel, nats or an
// HTTP server answering junk with an error page on a kept-alive
// connection do. serving bounds the clients served at once: the others
// are accepted and wait for a turn, as a server with few workers (uwsgi,
// spamd) keeps them. peak is the most connections open at once.
func junkServer(t *testing.T, serving int, http bool) (h *hostileServer, peak *atomic.Int64) {
	return junkServerLimit(t, serving, 0, http)
}

// junkServerLimit is junkServer closing, without a byte, every connection
// that would make more than limit open (0: no limit), as servers that
// limit their clients per address do.
func junkServerLimit(t *testing.T, serving, limit int, http bool) (h *hostileServer, peak *atomic.Int64) {
	t.Helper()
	peak = new(atomic.Int64)
	var open atomic.Int64
	var turn chan struct{}
	if serving > 0 {
		turn = make(chan struct{}, serving)
	}
	var mu sync.Mutex
	h = serveHostile(t, 0, func(h *hostileServer, c net.Conn) {
		n := open.Add(1)
		defer open.Add(-1)
		if limit > 0 && n > int64(limit) {
			return
		}
		mu.Lock()
		peak.Store(max(peak.Load(), n))
		mu.Unlock()
		if turn != nil {
			select {
			case turn <- struct{}{}:
				defer func() { <-turn }()
			case <-h.done:
				return
			}
		}
		defer endWithTest(h, c)()
		buf := make([]byte, 4096)
		var got []byte
		for i := 0; i < 1000; i++ {
			n, err := c.Read(buf)
			got = append(got, buf[:n]...)
			if n > 0 {
				if http && strings.HasPrefix(string(got), "GET / HTTP/1.0\r\n\r\n") {
					c.Write([]byte("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"))
				} else {
					c.Write([]byte("-ERR what?\r\n"))
				}
			}
			if err != nil {
				return
			}
		}
	})
	return h, peak
}

// A port that answers every probe at once with data no line matches and
// keeps each connection open has no answer, so the adaptive walk holds
// every reply for nmap's full wait. With PortConns connections its 30
// probes took two rounds of waits; earning a connection per prompt
// reply, it gets all of them out at once and is done in about one wait,
// with every reply nmap's walk records.
func TestJunkAnswersOneWait(t *testing.T) {
	t.Parallel()
	h, peak := junkServer(t, 0, false)
	c := burstConfig(t, TimingFast, burstProbes)
	var mu sync.Mutex
	var trace []string
	c.Trace = func(s string) { mu.Lock(); trace = append(trace, s); mu.Unlock() }
	start := time.Now()
	res := scan(t, c, h.tg)
	took := time.Since(start)
	t.Logf("%v in %v, at most %d connections open: %+v", res.Outcome, took.Round(time.Millisecond), peak.Load(), res.Service)
	if res.Outcome != NoMatch {
		t.Errorf("outcome %v, want nomatch", res.Outcome)
	}
	if len(res.Replies) != burstProbes+1 {
		t.Errorf("%d replies recorded, want %d (every probe but NULL, which gets none)", len(res.Replies), burstProbes+1)
	}
	for i, r := range res.Replies {
		if string(r.Data) != "-ERR what?\r\n" {
			t.Errorf("reply %d (%s) is %q", i, r.Probe, r.Data)
		}
	}
	// Held as nmap holds: no reply cut before its wait.
	if took < burstWait {
		t.Errorf("took %v, less than one wait (%v)", took, burstWait)
	}
	// One wait and the ramp, not the two rounds that PortConns gave
	// (with room for a loaded machine).
	if took > 2*burstWait-burstWait/3 {
		t.Errorf("took %v, more than about one wait (%v)", took, burstWait)
	}
	if peak.Load() <= PortConns {
		t.Errorf("at most %d connections open at once, no more than PortConns", peak.Load())
	}
	if strings.Contains(strings.Join(trace, "\n"), "one connection at a time") {
		t.Errorf("fell back to one connection at a time: %q", trace)
	}
}

// The same server serving two clients at a time, the others waiting their
// turn: the first replies come at once and earn connections, then a reply
// held back for another connection's end shows that the port serves few
// clients, and the walk starts again one connection at a time; its
// answer is the one nmap's walk gets, from GetRequest's reply.
func TestJunkAnswersFewClientsSerial(t *testing.T) {
	t.Parallel()
	h, peak := junkServer(t, 2, true)
	// Fewer probes: the serial walk waits SerialMinWait on each.
	c := burstConfig(t, TimingFast, 16)
	var mu sync.Mutex
	var trace []string
	c.Trace = func(s string) { mu.Lock(); trace = append(trace, s); mu.Unlock() }
	start := time.Now()
	res := scan(t, c, h.tg)
	t.Logf("%v in %v, at most %d connections open: %+v", res.Outcome, time.Since(start).Round(time.Millisecond), peak.Load(), res.Service)
	if res.Service.Name != "http" || res.Service.Product != "testhttpd" {
		t.Errorf("answer %v %+v, want http testhttpd", res.Outcome, res.Service)
	}
	if !strings.Contains(strings.Join(trace, "\n"), "one connection at a time") {
		t.Errorf("no serial fallback: %q", trace)
	}
}

// A server that keeps at most 20 clients and closes the others without a
// byte, answering junk on each connection it keeps: nmap's walk, one
// connection at a time, gets GetRequest's answer. The adaptive walk
// earns connections past 20 when the replies come faster than the
// closes; a probe whose earned connection was closed without a byte is
// sent again within PortConns, and the port earns no more, so
// GetRequest's reply is nmap's. (Without the second try, one scan in
// three read nomatch.) Three scans, each a race of its own.
func TestJunkAnswersClientLimit(t *testing.T) {
	t.Parallel()
	h, peak := junkServerLimit(t, 0, 20, true)
	// GetRequest is the 22nd probe: its connection is over the limit
	// when the probes before it are all out.
	c := burstConfig(t, TimingFast, 20)
	for i := range 3 {
		// The server counts the last scan's connections until it has
		// seen them close.
		for j := 0; j < 300 && h.live.Load() > 0; j++ {
			time.Sleep(10 * time.Millisecond)
		}
		var mu sync.Mutex
		var trace []string
		c.Trace = func(s string) { mu.Lock(); trace = append(trace, s); mu.Unlock() }
		start := time.Now()
		res := scan(t, c, h.tg)
		again := strings.Count(strings.Join(trace, "\n"), "without a byte")
		t.Logf("scan %d: %v in %v, at most %d connections kept, %d probes sent again: %+v", i, res.Outcome, time.Since(start).Round(time.Millisecond), peak.Load(), again, res.Service)
		if res.Service.Name != "http" || res.Service.Product != "testhttpd" {
			t.Errorf("scan %d: answer %v %+v, want http testhttpd; trace:\n%s", i, res.Outcome, res.Service, strings.Join(trace, "\n"))
		}
	}
}

// A server that closes each connection without a byte 400 ms after a
// request came (its own timeout for what it cannot parse, as rabbitmq's
// Erlang port does after seconds), more than PortConns at once: a close
// that late is not a limit turning clients away at the accept, and no
// probe is sent again (each would cost the port its wait once more),
// while the answer stays nmap's.
func TestSlowCloseNotSentAgain(t *testing.T) {
	t.Parallel()
	h := serveHostile(t, 0, func(h *hostileServer, c net.Conn) {
		defer endWithTest(h, c)()
		if n, _ := c.Read(make([]byte, 512)); n > 0 {
			h.wait(400 * time.Millisecond)
		}
	})
	var res [2]*Result
	var trace []string
	for i, timing := range []Timing{TimingNmap, TimingFast} {
		c := burstConfig(t, timing, 20)
		var mu sync.Mutex
		c.Trace = func(s string) { mu.Lock(); trace = append(trace, s); mu.Unlock() }
		res[i] = scan(t, c, h.tg)
	}
	sameAnswer(t, res)
	if n := strings.Count(strings.Join(trace, "\n"), "without a byte with"); n > 0 {
		t.Errorf("%d probes sent again after a close 400 ms late: %q", n, trace)
	}
}
