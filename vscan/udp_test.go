package vscan

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signetscan/signet/probes"
)

// busyUDPServer answers each datagram on pc with answer(datagram) (nil:
// no answer) after taking busy to do so, then drops every datagram that
// arrived meanwhile, as xinetd's internal services do. It returns when pc
// is closed.
func busyUDPServer(pc net.PacketConn, busy time.Duration, answer func([]byte) []byte) {
	buf := make([]byte, 1500)
	for {
		pc.SetReadDeadline(time.Time{})
		n, a, err := pc.ReadFrom(buf)
		if err != nil {
			return
		}
		reply := answer(buf[:n])
		if reply == nil {
			continue
		}
		time.Sleep(busy)
		pc.WriteTo(reply, a)
		for { // drop what is pending
			pc.SetReadDeadline(time.Now().Add(time.Millisecond)) // a past deadline reads nothing
			if _, _, err := pc.ReadFrom(buf); err != nil {
				if !errors.Is(err, os.ErrDeadlineExceeded) {
					return
				}
				break
			}
		}
	}
}

// serveBusyUDP runs busyUDPServer on a loopback port until the test
// ends and returns the port.
func serveBusyUDP(t *testing.T, busy time.Duration, answer func([]byte) []byte) Target {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	go busyUDPServer(pc, busy, answer)
	return udpTarget(pc)
}

// udpTarget is pc's loopback port as an open|filtered UDP target.
func udpTarget(pc net.PacketConn) Target {
	ap := netip.MustParseAddrPort(pc.LocalAddr().String())
	return Target{IP: ap.Addr(), Port: int(ap.Port()), Proto: probes.UDP, State: "open|filtered"}
}

// udpProbes is a signature file of the NULL probe and one UDP probe per
// payload, U0 sending payloads[0] and so on, each of rarity 1 waiting
// waitms, with the line match[i], if any, under Ui.
func udpProbes(waitms int, match map[int]string, payloads ...string) string {
	var b strings.Builder
	b.WriteString("Probe TCP NULL q||\n")
	for i, p := range payloads {
		fmt.Fprintf(&b, "Probe UDP U%d q|%s|\nrarity 1\ntotalwaitms %d\n", i, p, waitms)
		if m := match[i]; m != "" {
			b.WriteString(m + "\n")
		}
	}
	return b.String()
}

// numbered is the payloads probe0 up to probe<n-1>.
func numbered(n int) []string {
	p := make([]string, n)
	for i := range p {
		p[i] = fmt.Sprintf("probe%d", i)
	}
	return p
}

// The adaptive walk sends every UDP probe of a port at once (UDPGap
// apart), not 8 per fitted wait: a port silent to 30 probes gets all of
// them within a fraction of the first one's wait, and is done after one
// fitted wait. The fitted wait is 3 s here, not the default 1 s: the 30
// writes, UDPGap apart, each wait for a timer, which on a loaded machine
// fires tens of ms late (the 30 took 1.2 s once, where they take 60 to
// 120 ms on a quiet one); with 8 in flight they would take 3 waits.
func TestUDPProbesAllAtOnce(t *testing.T) {
	const n = 30
	pc, arrived := udpArrivals(t)
	c := probesConfig(t, udpProbes(5000, nil, numbered(n)...), TimingFast)
	c.FirstByteWait = 3 * time.Second
	wait := c.FirstByteWait
	start := time.Now()
	r := scan(t, c, udpTarget(pc))
	took := time.Since(start)
	if r.Replied || r.Outcome != Timeout {
		t.Errorf("%v replied=%v, want a silent port", r.Outcome, r.Replied)
	}
	arrivals := arrived()
	if len(arrivals) != n {
		t.Fatalf("%d datagrams arrived, want %d", len(arrivals), n)
	}
	// With 8 in flight the ninth would wait for the first one's fitted
	// wait.
	if span := arrivals[n-1].at.Sub(arrivals[0].at); span >= wait {
		t.Errorf("the %d datagrams arrived over %v, want all well within %v", n, span, wait)
	}
	if took >= 2*wait {
		t.Errorf("a silent port took %v, want about one fitted wait (%v)", took, wait)
	}
}

// A UDP port that answers one probe quickly, with nothing a line matches,
// and ignores the others is not walked again one probe at a time: no
// probe left while it was answering, so none can have been dropped, and
// the parallel walk's answer (nmap's: unrecognised, with the reply's
// fingerprint) stands.
func TestUDPNoRewalkWhenNothingOverlaps(t *testing.T) {
	db := udpProbes(3000, map[int]string{2: "match other m|^NOTHIS| p/Other/"}, "zero", "one", "two")
	// The last probe is the one answered: the others left before it.
	tg := serveBusyUDP(t, 0, func(b []byte) []byte {
		if string(b) == "two" {
			return []byte("TWO and more")
		}
		return nil
	})
	c := probesConfig(t, db, TimingFast)
	var mu sync.Mutex
	var traces []string
	c.Trace = func(s string) { mu.Lock(); traces = append(traces, s); mu.Unlock() }
	r := scan(t, c, tg)
	mu.Lock()
	defer mu.Unlock()
	all := strings.Join(traces, "\n")
	if r.Outcome != NoMatch || !r.Replied || len(r.Replies) != 1 || r.Replies[0].Probe != "U2" || r.Service.Fingerprint == "" {
		t.Errorf("%v replied=%v replies=%+v %+v, want unrecognised with U2's reply\n%s", r.Outcome, r.Replied, r.Replies, r.Service, all)
	}
	if strings.Contains(all, "one at a time") {
		t.Errorf("walked again:\n%s", all)
	}
}

// udpSuspects: a probe without a reply counts as possibly dropped only
// when its datagram left while an answered probe was on its way (or it
// was never sent, or its wait was cut).
func TestUDPSuspects(t *testing.T) {
	t0 := time.Unix(1000, 0)
	ms := func(f float64) time.Time { return t0.Add(time.Duration(f * float64(time.Millisecond))) }
	type probe struct {
		began, sent, last float64 // ms; last < 0: no reply; began < 0: never sent
		cut               bool    // the pass's end cut its wait
	}
	for _, tc := range []struct {
		name   string
		probes []probe
		lost   string // indices of the probes that may have been dropped
	}{
		{"nothing answered", []probe{{0, 0.1, -1, false}, {2, 2.1, -1, false}}, ""},
		{"answered fast, next sent after", []probe{{0, 0.1, 0.3, false}, {2, 2.1, -1, false}, {4, 4.1, -1, false}}, ""},
		{"answered last", []probe{{0, 0.1, -1, false}, {2, 2.1, -1, false}, {4, 4.1, 4.2, false}}, ""},
		{"every probe answered", []probe{{0, 0.1, 5, false}, {2, 2.1, 6, false}}, ""},
		{"answer slower than the gap", []probe{{0, 0.1, 3, false}, {2, 2.1, -1, false}, {4, 4.1, -1, false}}, "1"},
		{"answer within the margin", []probe{{0, 0.1, 1.8, false}, {2, 2.1, -1, false}}, "1"},
		{"write delayed into an answer's span", []probe{{0, 4.5, -1, false}, {2, 2.1, 4.2, false}, {6, 6.1, -1, false}}, "0"},
		{"launched, never sent", []probe{{0, 0.1, 0.2, false}, {-1, -1, -1, false}}, "1"},
		{"wait cut", []probe{{0, 0.1, 0.2, false}, {2, 2.1, -1, true}}, "1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &speculative{}
			for i, p := range tc.probes {
				rp := &specReply{s: s, p: &probes.Probe{Name: fmt.Sprint(i)}, done: true, end: endTimeout}
				if p.began >= 0 {
					rp.began, rp.sent = ms(p.began), ms(p.sent)
				}
				if p.last >= 0 {
					rp.last, rp.buf, rp.cuts = ms(p.last), []byte("x"), []int{1}
				}
				if p.cut {
					rp.end = endCut
				}
				s.list = append(s.list, rp)
			}
			lost := s.udpSuspects()
			var got []string
			for _, rp := range s.list {
				if lost[rp.p] {
					got = append(got, rp.p.Name)
				}
			}
			if g := strings.Join(got, ","); g != tc.lost {
				t.Errorf("udpSuspects = [%s], want [%s]", g, tc.lost)
			}
			if s.udpMayHaveLost() != (tc.lost != "") {
				t.Errorf("udpMayHaveLost = %v", s.udpMayHaveLost())
			}
		})
	}
}
