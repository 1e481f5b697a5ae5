package vscan

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/signetscan/signet/probes"
)

// Servers that turn a client's connections away for the sake of its
// other connections, where nmap's walk, one connection at a time, is
// served. Each must get nmap's answer in the adaptive timing too.

// nullAndLines: NULL and GenericLines with nmap's waits, matching
// nothing, to start a signature file with.
const nullAndLines = `Probe TCP NULL q||
totalwaitms 6000
tcpwrappedms 3000
Probe TCP GenericLines q|\r\n\r\n|
rarity 1
totalwaitms 5000
`

// limitProbes: a Help reply names the service, as ngircd's is named.
const limitProbes = nullAndLines + `Probe TCP GetRequest q|GET / HTTP/1.0\r\n\r\n|
rarity 1
totalwaitms 5000
match http m|^HTTP/1\.[01] \d\d\d| p/testhttpd/
Probe TCP HTTPOptions q|OPTIONS / HTTP/1.0\r\n\r\n|
rarity 1
totalwaitms 5000
Probe TCP Help q|HELP\r\n|
rarity 1
totalwaitms 5000
match irc m|^:([\w.]+) 451 \* :Connection not registered\r\n| p/testircd/ h/$1/
`

// A server that serves one connection per client address and answers
// the ones over that limit with an error line and a close (ngircd's
// MaxConnectionsIP). The adaptive walk's held connections fill the limit
// and the probes after them all get the same error line; asked alone,
// one of them is answered otherwise, and the port is walked again one
// connection at a time, reaching Help's reply as nmap's walk does.
func TestLimitPerAddress(t *testing.T) {
	t.Parallel()
	h := ircLimit(t, 1, func(c net.Conn, got []byte) bool {
		if strings.HasPrefix(string(got), "GET ") {
			c.Write([]byte("ERROR :\"HTTP request received? This is IRC!\"\r\n"))
			return true
		}
		return false
	})
	res, _, traces := walksAgree(t, h, limitProbes)
	if s := res[1].Service; s.Name != "irc" || s.Hostname != "irc.test" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, s)
	}
	wantAdaptiveTrace(t, traces[1], "turns connections away", "the turned-away connections were not seen")
}

// ircLimit serves limit connections per client address and answers the
// ones over it with an error line and a close, as ngircd and znc do. A
// served connection gets the 451 line to HELP; other requests go to
// other (when set), which returns true to end the connection.
func ircLimit(t *testing.T, limit int, other func(c net.Conn, got []byte) bool) *hostileServer {
	var mu sync.Mutex
	open := 0
	return serveHostile(t, 0, func(h *hostileServer, c net.Conn) {
		if !admit(&mu, func() bool {
			if open >= limit {
				return false
			}
			open++
			return true
		}) {
			c.Write([]byte("ERROR :Connection refused, too many connections from your IP address\r\n"))
			return
		}
		defer func() { mu.Lock(); open--; mu.Unlock() }()
		readEach(c, func(got []byte) bool {
			if strings.HasPrefix(string(got), "HELP\r\n") {
				c.Write([]byte(":irc.test 451 * :Connection not registered\r\n"))
				return false
			}
			return other != nil && other(c, got)
		})
	})
}

// A server that serves four connections per client address and answers
// the ones over that limit with an error line and a close (znc's limit
// of anonymous clients per address). The adaptive walk's first
// connections are served as nmap's are, and only the probes turned away
// are asked again one connection at a time: the others' replies stand
// (a full wait's silence here), so the serial walk sends 5 probes where
// it sent 8 (znc on the testbed: 17 s to 11 s). Help comes after the
// first window, once the limit is full: it is always turned away.
func TestServedRepliesStand(t *testing.T) {
	t.Parallel()
	h := ircLimit(t, 4, nil)
	var b strings.Builder
	b.WriteString("Probe TCP NULL q||\ntotalwaitms 1200\ntcpwrappedms 1000\n")
	for i := range 8 {
		fmt.Fprintf(&b, "Probe TCP J%02d q|J%02d\\r\\n|\nrarity 1\ntotalwaitms 1200\n", i, i)
	}
	b.WriteString("Probe TCP Help q|HELP\\r\\n|\nrarity 1\ntotalwaitms 1200\nmatch irc m|^:([\\w.]+) 451 \\* :Connection not registered\\r\\n| p/testircd/ h/$1/\n")
	var res [2]*Result
	var trace []string
	var conns int64
	for i, timing := range []Timing{TimingNmap, TimingFast} {
		c := probesConfig(t, b.String(), timing)
		var tmu sync.Mutex
		c.Trace = func(s string) { tmu.Lock(); trace = append(trace, s); tmu.Unlock() }
		before := h.accepted.Load()
		res[i] = scan(t, c, h.tg)
		conns = h.accepted.Load() - before
	}
	sameAnswer(t, res)
	if s := res[1].Service; s.Name != "irc" || s.Hostname != "irc.test" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, s)
	}
	wantAdaptiveTrace(t, trace, "probes it served stand", "the served replies were asked again")
	// NULL and 9 probes, one re-check alone, and the 6 turned away
	// (NULL and 3 served) less the one asked alone again.
	if conns > 16 {
		t.Errorf("adaptive walk: %d connections, want at most 16", conns)
	}
}

// A server that takes one pending client per address and closes every
// other connection of the address at once, without a byte; a client
// that leaves within 300 ms of its accept stays pending until then
// (transmission's peer port, whose timer notices it late). It answers a
// request of 16 bytes or more 100 ms after it came, and holds the rest.
// nmap's walk, each connection held for seconds, is served every time
// and records GetRequest's answer; the adaptive walk's parallel probes
// are all closed at once, alike, and asked alone one is held: the port
// is walked again one connection at a time.
func TestClosedWhileOnePending(t *testing.T) {
	t.Parallel()
	// A close of the pending client is seen as any client's is, unless
	// it came within 300 ms of its accept.
	h, served := onePending(t, func(accepted time.Time) time.Time { return accepted.Add(300 * time.Millisecond) })
	c := func(timing Timing) *Config { return nmapWaitConfig(t, timing) }
	res, _, traces := scanInTurn(t, h.tg, c, 0)
	sameAnswer(t, res)
	if !strings.Contains(entries(t, res[1].Service.Fingerprint), "GetRequest=") {
		t.Errorf("adaptive: GetRequest's answer is not in the fingerprint: %v %+v", res[1].Outcome, res[1].Service)
	}
	wantAdaptiveTrace(t, traces[1], "turns connections away", "the turned-away connections were not seen")
	// Each walk is served each probe once: the serial walk takes the
	// re-check's reply as its own.
	for payload, n := range served() {
		if n > 2 {
			t.Errorf("probe %q served %d times by the two walks, want at most 2", payload, n)
		}
	}
}

// The same server seeing every close 200 ms late, as it does behind a
// path that delays it (the testbed's IPv6 relay at 50 ms): the probe
// asked alone 50 ms after the walk's connections closed is closed at
// once too, and asked again 250 ms later it is held, as in the walk
// one connection at a time. Read as the server's own answer, the port
// had no reply at all.
func TestClosedWhileOnePendingLate(t *testing.T) {
	t.Parallel()
	h, _ := onePending(t, func(time.Time) time.Time { return time.Now().Add(200 * time.Millisecond) })
	c := nmapWaitConfig(t, TimingFast)
	var trace []string
	var mu sync.Mutex
	c.Trace = func(s string) { mu.Lock(); trace = append(trace, s); mu.Unlock() }
	res := scan(t, c, h.tg)
	if !strings.Contains(entries(t, res.Service.Fingerprint), "GetRequest=") {
		t.Errorf("GetRequest's answer is not in the fingerprint: %v %+v\n%s", res.Outcome, res.Service, strings.Join(trace, "\n"))
	}
	wantAdaptiveTrace(t, trace, "turns connections away", "the turned-away connections were not seen")
}

// onePending takes one pending client at a time and closes every other
// connection at once, without a byte, until pendingUntil(accepted) after
// the pending one leaves (transmission's peer port keeps a client that
// left pending a moment longer). It answers a request of 16 bytes or
// more 100 ms after it came, and holds the rest. served returns how many
// served connections each first request (a probe's payload) came on.
func onePending(t *testing.T, pendingUntil func(accepted time.Time) time.Time) (h *hostileServer, served func() map[string]int) {
	var mu sync.Mutex
	var until time.Time
	pending := false
	seen := map[string]int{}
	served = func() map[string]int {
		mu.Lock()
		defer mu.Unlock()
		return maps.Clone(seen)
	}
	return serveHostile(t, 0, func(h *hostileServer, c net.Conn) {
		accepted := time.Now()
		if !admit(&mu, func() bool {
			if pending || time.Now().Before(until) {
				return false
			}
			pending = true
			return true
		}) {
			return
		}
		defer func() {
			mu.Lock()
			pending = false
			until = pendingUntil(accepted)
			mu.Unlock()
		}()
		answered, first := false, true
		readEach(c, func(got []byte) bool {
			if first && len(got) > 0 {
				first = false
				mu.Lock()
				seen[string(got)]++
				mu.Unlock()
			}
			if len(got) >= 16 && !answered {
				answered = true
				time.Sleep(100 * time.Millisecond)
				c.Write([]byte("\x8f\x11KEYX\x00\x07pad-pad"))
			}
			return false
		})
	}), served
}

// admit is a server's check that a connection may be served, tried up
// to 10 times 5 ms apart, so that a client's close is seen within 50 ms
// (its handler's read ends): take, called under mu, takes the place and
// reports true, or reports false when there is none.
func admit(mu *sync.Mutex, take func() bool) bool {
	for i := 0; i < 10; i++ {
		if i > 0 {
			time.Sleep(5 * time.Millisecond)
		}
		mu.Lock()
		ok := take()
		mu.Unlock()
		if ok {
			return true
		}
	}
	return false
}

// The same server, scanned right after a port scan's connect, as signet
// scans: the port scan's connection is still pending with it when the
// NULL probe connects, and the NULL connection is closed without a byte,
// alone — tcpwrapped to a walk that does not ask again. nmap's service
// scan comes seconds after its port scan (3.3 s measured), and is served;
// the adaptive walk asks again once, WrappedRecheck later.
func TestNullClosedAfterPortScan(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var pendingUntil time.Time
	h := serveHostile(t, 0, func(h *hostileServer, c net.Conn) {
		mu.Lock()
		busy := time.Now().Before(pendingUntil)
		pendingUntil = time.Now().Add(300 * time.Millisecond)
		mu.Unlock()
		if busy {
			return
		}
		c.Write([]byte("SSH-2.0-OpenSSH_9.2\r\n"))
		hold(h, c)
	})
	c := func(timing Timing) *Config { return nmapWaitConfig(t, timing) }
	res, _, traces := scanInTurn(t, h.tg, c, 3300*time.Millisecond)
	sameAnswer(t, res)
	if res[1].Service.Name != "ssh" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, res[1].Service)
	}
	wantAdaptiveTrace(t, traces[1], "asking again", "NULL was not asked again")
}

// scanInTurn scans tg in nmap's timing, then in the adaptive one, with
// traces, each right after a port scan's connect and close; nmap's scan
// comes nmapGap after it, as nmap's service scan comes after its port
// scan.
func scanInTurn(t *testing.T, tg Target, config func(Timing) *Config, nmapGap time.Duration) (res [2]*Result, took [2]time.Duration, traces [2][]string) {
	t.Helper()
	for i, timing := range []Timing{TimingNmap, TimingFast} {
		c := config(timing)
		var mu sync.Mutex
		c.Trace = func(s string) { mu.Lock(); traces[i] = append(traces[i], s); mu.Unlock() }
		if nmapGap > 0 {
			conn, err := net.Dial("tcp", tg.addr())
			if err != nil {
				t.Fatal(err)
			}
			conn.Close()
			if timing == TimingNmap {
				time.Sleep(nmapGap)
			}
		}
		start := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
		res[i] = c.Scan(ctx, tg)
		cancel()
		took[i] = time.Since(start)
		t.Logf("%s: %v in %v: %+v", []string{"nmap", "adaptive"}[i], res[i].Outcome, took[i].Round(time.Millisecond), res[i].Service)
	}
	return
}

// walksAgree scans h's port in both timings, one after the other, with
// the signature file src (scanInTurn), and checks they give the same
// answer.
func walksAgree(t *testing.T, h *hostileServer, src string) (res [2]*Result, took [2]time.Duration, traces [2][]string) {
	t.Helper()
	res, took, traces = scanInTurn(t, h.tg, func(timing Timing) *Config { return probesConfig(t, src, timing) }, 0)
	sameAnswer(t, res)
	return res, took, traces
}

// A server that answers whatever a client sends with one error line and
// a line that changes (a clock), then closes: its closes are alike while
// others are open, and asked alone it answers alike again. The re-check
// costs that one exchange and the walk's answer stands, with no serial
// walk.
func TestAlikeClosesOwnAnswer(t *testing.T) {
	t.Parallel()
	var n atomic.Int64
	h := serveHostile(t, 0, func(h *hostileServer, c net.Conn) {
		buf := make([]byte, 512)
		if k, _ := c.Read(buf); k > 0 {
			c.Write(fmt.Appendf(nil, "ERR unknown command\r\nclock %d\r\n", n.Add(1)))
		}
	})
	c := func(timing Timing) *Config { return nmapWaitConfig(t, timing) }
	res, _, traces := scanInTurn(t, h.tg, c, 0)
	if res[0].Outcome != res[1].Outcome || res[1].Service.Name != res[0].Service.Name {
		t.Errorf("the timings disagree: nmap %v %+v, adaptive %v %+v", res[0].Outcome, res[0].Service, res[1].Outcome, res[1].Service)
	}
	tr := strings.Join(traces[1], "\n")
	if !strings.Contains(tr, "alike alone too") || strings.Contains(tr, "one connection at a time") {
		t.Errorf("adaptive: want the re-check and no serial walk: %q", traces[1])
	}
}

// queueProbes: more probes than the adaptive walk sends at once, so that
// some are sent after the first ones' waits; Help's reply names the
// service.
var queueProbes = nullAndLines + `Probe TCP Help q|HELP\r\n|
rarity 1
totalwaitms 5000
match spamd m|^WELCOME\r\nERR bad header: HELP\r\n| p/testspamd/
` + queueFill

var queueFill = junkProbes("P", 3, 10, 5000)

// junkProbes is probes NAME<from> to NAME<to>, each sending its name and
// a line end, of rarity 1, waiting wait milliseconds.
func junkProbes(name string, from, to, wait int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		fmt.Fprintf(&b, "Probe TCP %s%d q|%s%d\\r\\n|\nrarity 1\ntotalwaitms %d\n", name, i, name, i, wait)
	}
	return b.String()
}

// A server with one worker that takes its clients in the order it
// accepted them (dropping those that left meanwhile): it greets each and
// answers each line 50 ms later, until the client leaves (spamd's children take a queued client
// 120-500 ms after one leaves). nmap's walk, one connection at a time,
// names it from Help's reply. The adaptive walk's NULL connection holds
// the worker for 6 s: the probes sent with it wait their 5 s in the queue
// and get nothing, the ones sent after them are answered, long after a
// close (not the held-back sign). Asked alone, the last starved probe is
// answered, and the port is walked again one connection at a time.
func TestStarvedEarlyProbes(t *testing.T) {
	t.Parallel()
	h := serveOn(t, listenLoopback(t, 0), true, func(h *hostileServer, c net.Conn) {
		// A client that left while queued is dropped at once.
		buf := make([]byte, 512)
		var got []byte
		dead := false
		for !dead && len(got) < 4096 {
			c.SetReadDeadline(time.Now().Add(5 * time.Millisecond))
			n, err := c.Read(buf)
			got = append(got, buf[:n]...)
			if err != nil {
				dead = !errors.Is(err, os.ErrDeadlineExceeded)
				break
			}
		}
		if dead {
			return
		}
		c.SetDeadline(time.Now().Add(serverLife))
		defer endWithTest(h, c)()
		c.Write([]byte("WELCOME\r\n"))
		for len(got) < 4096 {
			for {
				line, rest, ok := strings.Cut(string(got), "\r\n")
				if !ok {
					break
				}
				got = []byte(rest)
				time.Sleep(50 * time.Millisecond)
				c.Write([]byte("ERR bad header: " + line + "\r\n"))
			}
			n, err := c.Read(buf)
			got = append(got, buf[:n]...)
			if err != nil {
				break
			}
		}
	})
	res, _, traces := walksAgree(t, h, queueProbes)
	if res[1].Service.Product != "testspamd" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, res[1].Service)
	}
	wantAdaptiveTrace(t, traces[1], "serves few clients at once", "the starved probes were not seen")
}

// starved picks, among the probes silent through their whole wait with
// others open and launched before a reply with data, the first and the
// last: spamd on the testbed answered GenericLines (the first) alone and
// stayed silent to X11Probe (the last), whose request it waits to see
// end; asking the last only read its silence as spamd's own answer.
func TestStarvedFirstAndLast(t *testing.T) {
	for _, tc := range []struct {
		name    string
		replies string // per probe after NULL: s silent, d data, o silent with no other open
		want    string
	}{
		{"spamd", "sssssd", "0 4"},
		{"one starved", "sd", "0"},
		{"silent alone first", "osssd", "1 3"},
		{"no reply after", "ssss", ""},
		{"data first", "dssd", "1 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := specPass(tc.replies, func(i int, r rune, rp *specReply) {
				rp.end = endTimeout
				switch r {
				case 'd':
					rp.buf = []byte("data")
				case 'o':
					rp.others = 0
				}
			})
			if got := probeNames(s.starved()); got != tc.want {
				t.Errorf("starved %q, want %q", got, tc.want)
			}
		})
	}
}

// oneClientProbes: GenericLines' error softmatches the service, and a
// probe too rare for the walk without it asks the version.
var oneClientProbes = strings.Replace(nullAndLines, "totalwaitms 5000\n", "totalwaitms 5000\nsoftmatch gk m|^<error>\\nBad connect string!| p/testgk/\n", 1) + queueFill + `Probe TCP gk q|gk 0.0.0\n|
rarity 9
totalwaitms 5000
match gk m|^<setup>\nversion ([\d.]+)\n| p/testgk/ v/$1/
`

// A server that serves one client's handshake at a time (gkrellmd reads
// a connect string with no time limit, and the clients queued behind it
// get nothing until it leaves), modelled without a listen queue's timing:
// a client whose first bytes come while another is connected gets
// nothing. Whatever it cannot parse it answers with an error line and a
// close, and the P probes' payloads it never parses, whatever else is
// open. nmap's walk names it from GenericLines' error (a softmatch only
// that probe carries) and the version probe after it. The adaptive
// walk's NULL connection holds the server: the probes sent with it that
// it would parse get nothing (starved), and the P probes' closes are
// alike, alone too (the server's own answer to them). The starved ones
// are asked again alone all the same: GenericLines is answered, and the
// port is walked again one connection at a time.
func TestAlikeAndStarved(t *testing.T) {
	t.Parallel()
	h := serveHostile(t, 0, oneClientGk(0, nil))
	res, _, traces := walksAgree(t, h, oneClientProbes)
	if res[1].Service.Version != "2.3.11" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, res[1].Service)
	}
	wantAdaptiveTrace(t, traces[1], "alike alone too", "no alike re-check")
	wantAdaptiveTrace(t, traces[1], "one connection at a time", "the starved probes were not asked again")
}

// oneClientGk is the server of TestAlikeAndStarved, answering the
// version probe versionAfter after it came; errors, when not nil, is how
// many connect strings it still answers with its error line, alone,
// before it holds the others silent (a server another client stalls).
func oneClientGk(versionAfter time.Duration, errors *atomic.Int64) func(*hostileServer, net.Conn) {
	return func(h *hostileServer, c net.Conn) {
		defer endWithTest(h, c)()
		buf := make([]byte, 512)
		n, _ := c.Read(buf)
		got := string(buf[:n])
		switch {
		case n == 0:
			return
		case strings.HasPrefix(got, "gk "):
			if versionAfter > 0 && !h.wait(versionAfter) {
				return
			}
			c.Write([]byte("<setup>\nversion 2.3.11\n"))
			return
		case !strings.HasPrefix(got, "P"):
			// A client that just left (nmap's NULL connection) is
			// gone from the count within moments.
			time.Sleep(20 * time.Millisecond)
			if h.live.Load() > 1 || errors != nil && errors.Add(-1) < 0 {
				c.Read(buf) // queued: nothing until the client leaves
				return
			}
		}
		c.Write([]byte("<error>\nBad connect string!"))
	}
}

// The same server, answering GenericLines' connect string twice only:
// nmap's walk gets it, and the adaptive walk's starved re-check alone;
// asked a third time, it holds it silent (kadmind, asked GenericLines
// again in the serial walk, stalled: its other port's client held it).
// The serial walk takes the re-check's reply as its own, and the answer
// is nmap's.
func TestStarvedRecheckReplyKept(t *testing.T) {
	t.Parallel()
	var errors atomic.Int64
	errors.Store(2)
	h := serveHostile(t, 0, oneClientGk(0, &errors))
	res, _, traces := walksAgree(t, h, oneClientProbes)
	if res[1].Service.Version != "2.3.11" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, res[1].Service)
	}
	wantAdaptiveTrace(t, traces[1], "one connection at a time", "no serial walk")
}

// The same server, answering the version probe 1.2 s after it came
// (past the serial walk's fitted wait, within the probe's totalwaitms):
// after the softmatch, the probe written to name the service waits
// nmap's whole time in the serial walk too, and the version is nmap's.
func TestSoftmatchVersionProbeWaitsFull(t *testing.T) {
	t.Parallel()
	h := serveHostile(t, 0, oneClientGk(1200*time.Millisecond, nil))
	res, _, traces := walksAgree(t, h, oneClientProbes)
	if res[1].Service.Version != "2.3.11" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, res[1].Service)
	}
	wantAdaptiveTrace(t, traces[1], "one connection at a time", "no serial walk")
}

// drainProbes: GenericLines' reply names the service; the P probes'
// replies name nothing.
var drainProbes = strings.Replace(nullAndLines, "totalwaitms 5000\n", "totalwaitms 5000\nmatch spamd m|^SPAMD/1\\.0 76 Bad header line: \\r\\n| p/testspamd/\n", 1) + queueFill

// A server with one worker that takes its clients in the order it
// accepted them, reads each one's request with no time limit, and takes
// 100 ms to answer it, whether the client is still there or not (spamd's
// children read and answer a client that left while queued). nmap's
// walk names it from GenericLines' reply. The adaptive walk's NULL
// connection holds the worker through its wait: every probe is silent,
// and the serial walk begins while the worker still answers the dead
// connections queued behind it, so its first probes are silent too and
// the later ones answered. The silent ones are asked again once the walk
// ends without an answer, and GenericLines names it.
func TestDrainedSerialWalk(t *testing.T) {
	t.Parallel()
	h := serveOn(t, listenLoopback(t, 0), true, func(h *hostileServer, c net.Conn) {
		defer endWithTest(h, c)()
		buf := make([]byte, 512)
		n, _ := c.Read(buf)
		if n == 0 {
			return
		}
		time.Sleep(100 * time.Millisecond)
		line, _, _ := strings.Cut(string(buf[:n]), "\r\n")
		c.Write([]byte("SPAMD/1.0 76 Bad header line: " + line + "\r\n"))
	})
	res, _, traces := walksAgree(t, h, drainProbes)
	if res[1].Service.Product != "testspamd" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, res[1].Service)
	}
	wantAdaptiveTrace(t, traces[1], "silent ones: those again", "the silent probes of the serial walk were not asked again")
}

// kpasswdProbes: GenericLines' reply names the product; GetRequest's only
// the service (a softmatch no later probe completes).
var kpasswdProbes = strings.Replace(nullAndLines, "totalwaitms 5000\n", "totalwaitms 5000\nmatch kpasswd m|^KPASSWD error| p/testkdc/\n", 1) + `Probe TCP GetRequest q|GET / HTTP/1.0\r\n\r\n|
rarity 1
totalwaitms 5000
softmatch kpasswd m|^KPASSWD|
` + queueFill

// A server of one worker that takes its clients in the order it
// accepted them, behind a listen queue of one (connects past it go
// unanswered), dropping those that left while queued and holding each
// other client until it leaves unless it asks something known: each
// reply names the service, GenericLines' the product too. Asked
// GenericLines a second time, it holds it silent (kadmind, one process
// for two ports: its kpasswd port, asked GenericLines in the serial walk
// while the other port's walk held the process on a partial RPC record).
// nmap's walk names the product. The adaptive walk's NULL connection
// holds the worker, a connect is turned away and the port is walked one
// connection at a time: GenericLines silent, GetRequest's softmatch.
// GenericLines, silent in the parallel walk too, is asked once more,
// and the product is nmap's.
func TestStalledSerialProbeAskedAgain(t *testing.T) {
	t.Parallel()
	h := serveOn(t, listenBacklog(t, 1), true, kpasswdServer(0))
	res, _, traces := walksAgree(t, h, kpasswdProbes)
	if res[1].Service.Product != "testkdc" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, res[1].Service)
	}
	wantAdaptiveTrace(t, traces[1], "turned away", "no connection turned away")
	wantAdaptiveTrace(t, traces[1], "silent ones: those again", "the silent probe of the serial walk was not asked again")
}

// A server of one worker behind a listen queue of one whose answer to
// GenericLines, naming the product, comes 1.2 s after the request (it
// takes no other client meanwhile, unless that one leaves), past
// the serial walk's wait and within the probe's totalwaitms (kadmind's
// kpasswd port while its other port's client holds the process: behind
// the IPv6 relay at 1% loss, GenericLines was silent in the serial walk
// and again when asked once more, and the port read a softmatch without
// the product). nmap's walk names the product. The adaptive walk is
// turned away and walks one connection at a time: GenericLines silent,
// GetRequest's softmatch; asked once more, a silent probe whose reply can
// name the softmatched service waits its whole totalwaitms, as nmap's
// walk waits it.
func TestSerialSilentSoftProbeAgainWaitsFull(t *testing.T) {
	t.Parallel()
	h := serveOn(t, listenBacklog(t, 1), true, func(h *hostileServer, c net.Conn) {
		got, ok := readRequest(c)
		if !ok {
			return
		}
		defer endWithTest(h, c)()
		switch {
		case string(got) == "\r\n\r\n":
			// Busy 1.2 s, unless the client leaves first.
			c.SetReadDeadline(time.Now().Add(1200 * time.Millisecond))
			if _, err := c.Read(make([]byte, 1)); errors.Is(err, os.ErrDeadlineExceeded) {
				c.Write([]byte("KPASSWD error\r\n"))
			}
		case strings.HasPrefix(string(got), "GET / "):
			c.Write([]byte("KPASSWD\r\n"))
		default:
			hold(h, c)
		}
	})
	res, _, traces := walksAgree(t, h, kpasswdProbes)
	if res[1].Service.Product != "testkdc" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, res[1].Service)
	}
	wantAdaptiveTrace(t, traces[1], "silent ones: those again", "the silent probe of the serial walk was not asked again")
}

// The same kind of server serving its clients in parallel, as kadmind's
// kpasswd port does while its other port is quiet: GenericLines asked a
// second time is held silent (the other port's client holds the
// process), and each one it answers comes 1.2 s after it came (that
// client leaving), past the serial wait, within the probe's totalwaitms.
// nmap's walk names the product. The adaptive walk's GenericLines is
// starved (GetRequest's softmatch comes after it); asked alone, a probe
// with lines for the softmatched service waits its whole time, as nmap's
// does, and the product is nmap's.
func TestStarvedSoftmatchProbeWaitsFull(t *testing.T) {
	t.Parallel()
	h := serveHostile(t, 0, kpasswdServer(1200*time.Millisecond))
	res, _, traces := walksAgree(t, h, kpasswdProbes)
	if res[1].Service.Product != "testkdc" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, res[1].Service)
	}
	wantAdaptiveTrace(t, traces[1], "left probe GenericLines without a byte", "GenericLines was not asked alone, or read silent")
}

// kpasswdServer is the kpasswd server of the tests above: it answers
// GenericLines with an error line naming the product, answerAfter after
// it came, except the second time, which it holds silent (kadmind's
// process held by its other port's client); GetRequest with a line
// naming the service only; and holds whatever else a client sends.
func kpasswdServer(answerAfter time.Duration) func(*hostileServer, net.Conn) {
	var generic atomic.Int64
	return func(h *hostileServer, c net.Conn) {
		got, ok := readRequest(c)
		if !ok {
			return // left while queued, or a client that sent nothing
		}
		defer endWithTest(h, c)()
		switch {
		case string(got) == "\r\n\r\n" && generic.Add(1) != 2:
			if answerAfter == 0 || h.wait(answerAfter) {
				c.Write([]byte("KPASSWD error\r\n"))
			}
		case strings.HasPrefix(string(got), "GET / "):
			c.Write([]byte("KPASSWD\r\n"))
		default:
			hold(h, c)
		}
	}
}

// A TCP wrapper slow to decide (distccd under load): it closes every
// connection without a byte 200 ms after the accept. nmap's NULL probe
// reads tcpwrapped. The adaptive walk's NULL connection closes with the
// other probes open and is sent again under a lower cap, as are the
// others, each retried one holding its slot until the port's closes
// settle: the NULL probe, the one the walk waits for, takes the first
// slot that frees, and the port reads tcpwrapped within a few seconds
// (over the WAN rig at 1% loss it took 35.9 s behind the others).
func TestWrappedNullFirstUnderCap(t *testing.T) {
	t.Parallel()
	h := serveHostile(t, 0, func(h *hostileServer, c net.Conn) {
		h.wait(200 * time.Millisecond)
	})
	res, took, traces := walksAgree(t, h, nullAndLines+queueFill+strings.ReplaceAll(queueFill, " P", " Q"))
	if res[1].Outcome != TCPWrapped {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, res[1].Service)
	}
	wantAdaptiveTrace(t, traces[1], "turned away probe NULL", "the NULL connection was not turned away")
	if took[1] > 3*time.Second {
		t.Errorf("adaptive took %v", took[1])
	}
}

// gkrellmProbes: GenericLines' reply names the service only (a
// softmatch); GetRequest's matches nothing.
var gkrellmProbes = nullAndLines + `softmatch gkrellm m|^GKR\r\n|
Probe TCP GetRequest q|GET / HTTP/1.0\r\n\r\n|
rarity 1
totalwaitms 5000
` + queueFill

// A server that turns away, closing it without a byte, a client asking
// anything but GenericLines or GetRequest while another client is
// connected, and holds it when alone; it answers GenericLines with a
// line naming the service, except the third time, which it holds silent
// (gkrellmd over the WAN rig at 1% loss: it reads one client's connect
// string at a time, and the parallel walk's closes reach it late), and
// GetRequest with a line that names nothing. nmap's walk names the
// service from GenericLines' reply. The parallel walk gets that reply
// too, its other probes are closed alike, and alone one is held: the
// replies of the probes it served stand, GenericLines' among them, and
// only the ones it turned away are walked again one connection at a
// time. (Asked again one connection at a time, GenericLines was silent,
// the server busy: the walk asked it once more, as in TestDrainedSerialWalk.)
func TestSerialSilenceAfterParallelReply(t *testing.T) {
	t.Parallel()
	var generic, open atomic.Int64
	h := serveHostile(t, 0, func(h *hostileServer, c net.Conn) {
		open.Add(1)
		defer open.Add(-1)
		defer endWithTest(h, c)()
		got, ok := readRequest(c)
		if !ok {
			return // the client left
		}
		switch {
		case string(got) == "\r\n\r\n":
			if generic.Add(1) == 3 {
				hold(h, c)
				return
			}
			c.Write([]byte("GKR\r\n"))
		case strings.HasPrefix(string(got), "GET / "):
			c.Write([]byte("ERR\r\n"))
		case open.Load() > 1:
			return
		}
		hold(h, c)
	})
	res, _, traces := walksAgree(t, h, gkrellmProbes)
	if res[1].Service.Name != "gkrellm" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, res[1].Service)
	}
	wantAdaptiveTrace(t, traces[1], "one connection at a time", "no serial walk")
	wantAdaptiveTrace(t, traces[1], "probes it served stand", "GenericLines' reply was asked again")
}

// softVersionProbes: Version's reply names the product, Status's only
// the service (a softmatch); J1 and J2 are junk to the server.
var softVersionProbes = nullAndLines + `Probe TCP J1 q|J1\r\n|
rarity 1
totalwaitms 5000
Probe TCP J2 q|J2\r\n|
rarity 1
totalwaitms 5000
Probe TCP Version q|VERSION\r\n|
rarity 1
totalwaitms 5000
match dom m|^VER ([\d.]+)\r\n| p/testdns/ v/$1/
Probe TCP Status q|STATUS\r\n|
rarity 1
totalwaitms 5000
softmatch dom m|^NOTIMP\r\n|
` + queueFill

// A server that closes junk without a byte, answers Status with a line
// naming the service, and Version with its product and version, but
// closes Version without a byte while another client is connected
// (Unbound behind the IPv6 relay with its TCP slots taken by the walk).
// nmap's walk, one connection at a time, names the product from
// Version's reply. The adaptive walk's closes are alike, the first
// closed alike alone too (junk: the server's own answer), and the walk
// ends on Status's softmatch: Version, closed alike and able to name the
// softmatched service, is asked alone too, answered, and the port walked
// again one connection at a time.
func TestSoftmatchAlikeVersionAskedAlone(t *testing.T) {
	t.Parallel()
	h := serveHostile(t, 0, unboundLike())
	res, _, traces := walksAgree(t, h, softVersionProbes)
	if res[1].Service.Product != "testdns" || res[1].Service.Version != "1.17" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, res[1].Service)
	}
	wantAdaptiveTrace(t, traces[1], "closes probe GenericLines alike alone too", "no alike re-check")
	wantAdaptiveTrace(t, traces[1], "closed probe Version alike while others were open, and alone it got", "Version was not asked alone")
}

// The server of TestSoftmatchAlikeVersionAskedAlone, with Version's line
// in the probe it falls back on, as nmap's file puts Unbound's under the
// UDP DNSVersionBindReq that DNSVersionBindReqTCP falls back on: its own
// lines name no service, and its reply can name the softmatched one.
func TestSoftmatchAlikeFallbackVersionAskedAlone(t *testing.T) {
	t.Parallel()
	h := serveHostile(t, 0, unboundLike())
	src := strings.Replace(softVersionProbes, `Probe TCP Version q|VERSION\r\n|
rarity 1
totalwaitms 5000
match dom m|^VER ([\d.]+)\r\n| p/testdns/ v/$1/
`, `Probe UDP VersionU q|VERSION\r\n|
rarity 1
match dom m|^VER ([\d.]+)\r\n| p/testdns/ v/$1/
Probe TCP Version q|VERSION\r\n|
rarity 1
totalwaitms 5000
fallback VersionU
`, 1)
	if src == softVersionProbes {
		t.Fatal("the probe file was not rewritten")
	}
	res, _, traces := walksAgree(t, h, src)
	if res[1].Service.Product != "testdns" || res[1].Service.Version != "1.17" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, res[1].Service)
	}
	wantAdaptiveTrace(t, traces[1], "closed probe Version alike while others were open, and alone it got", "Version was not asked alone")
}

// unboundLike is the server of the two tests above: it closes junk
// without a byte, answers Status with a line naming the service, and
// Version with its product and version, but closes Version without a
// byte while another client is connected.
func unboundLike() func(*hostileServer, net.Conn) {
	var open atomic.Int64
	return func(h *hostileServer, c net.Conn) {
		open.Add(1)
		defer open.Add(-1)
		defer endWithTest(h, c)()
		got, ok := readRequest(c)
		if !ok {
			return // the client left
		}
		switch string(got) {
		case "STATUS\r\n":
			c.Write([]byte("NOTIMP\r\n"))
		case "VERSION\r\n":
			if open.Load() > 1 {
				return
			}
			c.Write([]byte("VER 1.17\r\n"))
		default:
			return
		}
		hold(h, c)
	}
}

// readRequest reads what a client sends until it pauses 5 ms after its
// first byte (or 4096 bytes came), then gives the connection back its
// serverLife deadline; false: the client left without sending a byte.
func readRequest(c net.Conn) ([]byte, bool) {
	buf := make([]byte, 512)
	var got []byte
	for len(got) < 4096 {
		c.SetReadDeadline(time.Now().Add(5 * time.Millisecond))
		n, err := c.Read(buf)
		got = append(got, buf[:n]...)
		if errors.Is(err, os.ErrDeadlineExceeded) && len(got) > 0 {
			break
		}
		if err != nil && !errors.Is(err, os.ErrDeadlineExceeded) {
			return got, false
		}
	}
	c.SetDeadline(time.Now().Add(serverLife))
	return got, true
}

// alike returns the largest group of probes closed with the same first
// line (the earliest launched of groups as large): ngircd on the
// loopback testbed, its NULL and GenericLines connections walked first,
// answered the two GET probes with its "HTTP request received?" error
// and turned the 24 after them away with "too many connections"; the
// re-check asked GetRequest alone, read its own answer alike, and the
// port read "unknown" where nmap names ngircd.
func TestAlikeLargestGroup(t *testing.T) {
	for _, tc := range []struct {
		name    string
		replies string // per probe after NULL: a, b first lines, s silent, x closed with its own line
		want    string
	}{
		{"ngircd", "ssaabbbb", "4 5 6 7"},
		{"served group first", "aabbbx", "2 3 4"},
		{"tie goes to the first", "abab", "0 2"},
		{"one group", "sasxa", "1 4"},
		{"none alike", "abx", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := specPass(tc.replies, func(i int, r rune, rp *specReply) {
				rp.end = endEOF
				switch r {
				case 's':
					rp.end = endTimeout
				case 'x':
					rp.buf = []byte(fmt.Sprintf("own %d\r\n", i))
				default:
					rp.buf = []byte("ERROR " + string(r) + "\r\nmore")
				}
			})
			if got := probeNames(s.alike()); got != tc.want {
				t.Errorf("alike %q, want %q", got, tc.want)
			}
		})
	}
}

// specPass is a parallel pass of a silent NULL reply and one ended reply
// per letter of replies, each opened while another was (probe i: named
// and sent i), set by set.
func specPass(replies string, set func(i int, r rune, rp *specReply)) *speculative {
	s := &speculative{}
	s.list = append(s.list, &specReply{s: s, p: &probes.Probe{Name: "NULL"}, done: true, end: endTimeout, began: time.Unix(1, 0)})
	for i, r := range replies {
		rp := &specReply{s: s, p: &probes.Probe{Name: fmt.Sprint(i), Payload: []byte(fmt.Sprint(i))}, done: true, began: time.Unix(1, 0), others: 1}
		set(i, r, rp)
		s.list = append(s.list, rp)
	}
	return s
}

// probeNames is the names of rps' probes, in order, space-separated.
func probeNames(rps []*specReply) string {
	var names []string
	for _, rp := range rps {
		names = append(names, rp.p.Name)
	}
	return strings.Join(names, " ")
}

// queuedWrapProbes: NULL, then 24 probes the server closes and Help,
// which it holds.
var queuedWrapProbes = nullAndLines + junkProbes("P", 3, 25, 5000) + "Probe TCP Help q|HELP\\r\\n|\nrarity 1\ntotalwaitms 5000\n"

// A server that closes each connection without a byte 150 ms after it
// comes and holds one whose request is HELP (distccd with --jobs 1
// turning away a client address it does not allow). nmap's walk, alone,
// reads the NULL probe's close at once: tcpwrapped. The adaptive walk's
// NULL connection, closed with others open, is asked again, and may
// close late: over the 1% loss rig the third try's close came 3.09 s
// after its connect (the server's full accept queue dropped the
// handshake's last ACK twice, and the connect was taken at the SYN-ACK's
// retransmissions, 1 s and 3 s later), past tcpwrappedms; the Help
// probe's wait, timed out, then took the port's tcpwrapped away:
// "unknown". Here the third connection without a request is closed
// 3.1 s after it comes. A NULL connection closed without a byte late,
// on a port that turned connections away, is asked again alone before
// it is read.
func TestLateNullCloseAskedAlone(t *testing.T) {
	t.Parallel()
	var nulls atomic.Int64
	h := serveHostile(t, 0, func(h *hostileServer, c net.Conn) {
		defer endWithTest(h, c)()
		end := time.Now().Add(150 * time.Millisecond)
		c.SetReadDeadline(end)
		buf := make([]byte, 64)
		n, _ := c.Read(buf)
		switch {
		case strings.HasPrefix(string(buf[:n]), "HELP"):
			c.SetReadDeadline(time.Now().Add(3 * time.Second))
			hold(h, c)
		case n == 0 && nulls.Add(1) == 3:
			h.wait(3100 * time.Millisecond)
		default:
			h.wait(time.Until(end))
		}
	})
	res, _, traces := walksAgree(t, h, queuedWrapProbes)
	if res[1].Outcome != TCPWrapped {
		t.Errorf("adaptive: %v %+v\n%s", res[1].Outcome, res[1].Service, strings.Join(traces[1], "\n"))
	}
	if nulls.Load() < 3 {
		t.Errorf("the NULL connection came %d times, not the 3 the test is for:\n%s", nulls.Load(), strings.Join(traces[1], "\n"))
	}
}

// A server that closes each connection without a byte 100 ms after it
// comes but the adaptive walk's second one without a request, which it
// leaves silent (distccd with --jobs 1 turning away a client address it
// does not allow: its one child slow over each connection, it got to
// the NULL probe's second try, queued behind the burst's, after NULL's
// whole wait). nmap's walk, alone, reads the NULL probe's close:
// tcpwrapped. The adaptive walk's NULL connection, turned away with
// others open, is asked again and is silent through its wait, and the
// port read "unknown" over the 1% loss rig. The serial walk that follows
// asks such a NULL probe again, alone, instead of taking its silence.
func TestBackloggedNullAskedAlone(t *testing.T) {
	t.Parallel()
	var nulls atomic.Int64
	h := serveHostile(t, 0, func(h *hostileServer, c net.Conn) {
		defer endWithTest(h, c)()
		end := time.Now().Add(100 * time.Millisecond)
		c.SetReadDeadline(end)
		buf := make([]byte, 64)
		if n, _ := c.Read(buf); n == 0 && nulls.Add(1) == 3 {
			c.SetReadDeadline(time.Now().Add(10 * time.Second))
			hold(h, c)
			return
		}
		h.wait(time.Until(end))
	})
	res, _, traces := walksAgree(t, h, queuedWrapProbes)
	if res[1].Outcome != TCPWrapped {
		t.Errorf("adaptive: %v %+v\n%s", res[1].Outcome, res[1].Service, strings.Join(traces[1], "\n"))
	}
	if nulls.Load() < 3 {
		t.Errorf("the NULL connection came %d times, not the 3 the test is for (nmap's walk's, then the adaptive one's twice):\n%s", nulls.Load(), strings.Join(traces[1], "\n"))
	}
}

// ownCloseProbes: probes the server holds (H) and probes it closes at
// once without a byte (C), each C after an H.
const ownCloseProbes = `Probe TCP NULL q||
totalwaitms 2000
tcpwrappedms 1000
Probe TCP GenericLines q|\r\n\r\n|
rarity 1
totalwaitms 1000
Probe TCP H1 q|H1\r\n|
rarity 1
totalwaitms 1000
Probe TCP C1 q|C1\r\n|
rarity 1
totalwaitms 1000
Probe TCP H2 q|H2\r\n|
rarity 1
totalwaitms 1000
Probe TCP C2 q|C2\r\n|
rarity 1
totalwaitms 1000
Probe TCP H3 q|H3\r\n|
rarity 1
totalwaitms 1000
Probe TCP C3 q|C3\r\n|
rarity 1
totalwaitms 1000
Probe TCP H4 q|H4\r\n|
rarity 1
totalwaitms 1000
Probe TCP C4 q|C4\r\n|
rarity 1
totalwaitms 1000
`

// A server that takes one client at a time and closes every other
// connection at once, without a byte, while it has one; it closes a
// request it cannot parse at once too, and holds the others (freeciv's
// server: the adaptive walk's probes are all closed alike while the
// NULL connection is pending, and the serial walk follows). The serial
// walk sends a probe closed at once again, 250 ms later (a server that
// keeps a client pending for a moment after it left turns the next one
// away: transmission), and freeciv's six junk closes cost 2.8 s over
// the 50 ms rig. Once two probes asked again were closed at once again,
// the closes are the server's own answers, and the walk asks no more
// again.
func TestOwnClosesStopRetries(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	pending := false
	h := serveHostile(t, 0, func(h *hostileServer, c net.Conn) {
		if !admit(&mu, func() bool {
			if pending {
				return false
			}
			pending = true
			return true
		}) {
			return
		}
		defer func() { mu.Lock(); pending = false; mu.Unlock() }()
		defer endWithTest(h, c)()
		readEach(c, func(got []byte) bool { return strings.HasPrefix(string(got), "C") })
	})
	res, _, traces := walksAgree(t, h, ownCloseProbes)
	tr := strings.Join(traces[1], "\n")
	if !strings.Contains(tr, "one connection at a time") {
		t.Fatalf("adaptive: no serial walk:\n%s", tr)
	}
	if n := strings.Count(tr, "asked again in"); n > 2 {
		t.Errorf("adaptive: %d probes asked again after a close, want 2 at most: %v\n%s", n, res[1].Outcome, tr)
	}
}

// TestServedRepliesStand's server closing the connections over its
// limit without a byte (PulseAudio's HTTP port on the loopback testbed
// closed 9 probes so while it answered the others): the probes it
// served stand there too, and only the ones it turned away are asked
// again one connection at a time (all 30, 11 s more for PulseAudio).
func TestServedRepliesStandEmptyCloses(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	open := 0
	h := serveHostile(t, 0, func(h *hostileServer, c net.Conn) {
		if !admit(&mu, func() bool {
			if open >= 4 {
				return false
			}
			open++
			return true
		}) {
			return
		}
		defer func() { mu.Lock(); open--; mu.Unlock() }()
		readEach(c, func(got []byte) bool {
			if strings.HasPrefix(string(got), "HELP\r\n") {
				c.Write([]byte(":irc.test 451 * :Connection not registered\r\n"))
			}
			return false
		})
	})
	var b strings.Builder
	b.WriteString("Probe TCP NULL q||\ntotalwaitms 2000\ntcpwrappedms 1000\n")
	for i := range 8 {
		fmt.Fprintf(&b, "Probe TCP J%02d q|J%02d\\r\\n|\nrarity 1\ntotalwaitms 1000\n", i, i)
	}
	b.WriteString("Probe TCP Help q|HELP\\r\\n|\nrarity 1\ntotalwaitms 1000\nmatch irc m|^:([\\w.]+) 451 \\* :Connection not registered\\r\\n| p/testircd/ h/$1/\n")
	res, _, traces := walksAgree(t, h, b.String())
	if s := res[1].Service; s.Name != "irc" || s.Hostname != "irc.test" {
		t.Errorf("adaptive: %v %+v", res[1].Outcome, s)
	}
	wantAdaptiveTrace(t, traces[1], "probes it served stand", "the served replies were asked again")
}
