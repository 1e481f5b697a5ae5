package vscan

import (
	"testing"
	"time"

	"github.com/signetscan/signet/probes"
)

// The serial fallback's wait scales the server's own time in the port's
// quickest first byte, not the round trip it holds: over a 50 ms path a
// server answering in 5 ms gets SerialMinWait plus four round trips, not
// ten round trips; on loopback a slow server still gets ten times its
// time, and the fitted first-byte wait bounds it.
func TestSerialWait(t *testing.T) {
	ms := time.Millisecond
	for _, tc := range []struct {
		rtt, quickest, want time.Duration
	}{
		{0, 0, SerialMinWait},
		{100 * time.Microsecond, 2 * ms, SerialMinWait + 400*time.Microsecond},
		{100 * time.Microsecond, 60 * ms, 10*(60*ms-100*time.Microsecond) + 200*time.Microsecond},
		{50 * ms, 55 * ms, SerialMinWait + 200*ms},
		{50 * ms, 150 * ms, 10*100*ms + 100*ms},
		{ms, 5 * time.Second, DefaultFirstByteWait + FirstByteRTTs*ms},
	} {
		s := newSpeculative(&walk{c: &Config{}})
		s.rtt, s.quickest = tc.rtt, tc.quickest
		if got := s.serialWait(); got != tc.want {
			t.Errorf("rtt %v, quickest first byte %v: serial wait %v, want %v", tc.rtt, tc.quickest, got, tc.want)
		}
	}
}

// The serial walk's own replies lower its wait: one connection at a
// time, a reply's first byte is the server's own time (the parallel
// walk's quickest may have queued behind another connection). A slower
// reply, or NULL's banner, leaves it as it is, and the floor holds.
func TestSerialWaitLoweredByOwnReplies(t *testing.T) {
	now := time.Now()
	w := &walk{c: &Config{}}
	s := &sequential{w: w, fallback: true, maxWait: 1720 * time.Millisecond}
	reply := func(name string, took time.Duration) {
		p := &probes.Probe{Name: name, Payload: []byte("x"), TotalWait: 5 * time.Second}
		if name == "NULL" {
			p.Payload = nil
		}
		s.firstByte(&seqReply{s: s, p: p, began: now.Add(-took), now: func() time.Time { return now }})
	}
	for _, step := range []struct {
		probe string
		took  time.Duration
		want  time.Duration
	}{
		{"NULL", time.Millisecond, 1720 * time.Millisecond},
		{"GenericLines", 60 * time.Millisecond, 600 * time.Millisecond},
		{"GetRequest", 200 * time.Millisecond, 600 * time.Millisecond},
		{"Help", time.Millisecond, SerialMinWait},
	} {
		reply(step.probe, step.took)
		if s.maxWait != step.want {
			t.Errorf("after %s answered in %v: wait %v, want %v", step.probe, step.took, s.maxWait, step.want)
		}
	}
	s = &sequential{w: w, fallback: true, maxWait: time.Second, floor: EmptyCloseWait}
	reply("GenericLines", time.Millisecond)
	if s.maxWait != EmptyCloseWait {
		t.Errorf("with the empty-close floor: wait %v, want %v", s.maxWait, EmptyCloseWait)
	}
}

// The serial walk's own connects lower its wait too: the parallel walk's
// connects may all have queued behind the scan's first burst (200 ms
// over a 50 ms path), and four of those round trips made a second of
// every probe's wait. The server's time in the parallel walk's quickest
// reply is kept; a slower connect changes nothing.
func TestSerialWaitLoweredByOwnConnects(t *testing.T) {
	ms := time.Millisecond
	c := &Config{}
	for _, tc := range []struct {
		name                 string
		rtt, server, floor   time.Duration
		connects             []time.Duration
		wantBefore, wantThen time.Duration
	}{
		{"silent port", 200 * ms, 0, 0, []time.Duration{50 * ms, 60 * ms}, SerialMinWait + 800*ms, SerialMinWait + 200*ms},
		{"a reply in the parallel walk", 200 * ms, 100 * ms, 0, []time.Duration{50 * ms}, 10*100*ms + 400*ms, 10*100*ms + 100*ms},
		{"turned away without a byte", 200 * ms, 0, EmptyCloseWait, []time.Duration{50 * ms}, EmptyCloseWait + 200*ms, EmptyCloseWait + 50*ms},
		{"no quicker connect", 50 * ms, 0, 0, []time.Duration{80 * ms}, SerialMinWait + 200*ms, SerialMinWait + 200*ms},
	} {
		before := c.serialWaitServer(tc.rtt, tc.server)
		if tc.floor > 0 {
			before = tc.floor + tc.rtt
		}
		if before != tc.wantBefore {
			t.Errorf("%s: wait before %v, want %v", tc.name, before, tc.wantBefore)
		}
		s := &sequential{w: &walk{c: c}, fallback: true, maxWait: before, rtt: tc.rtt, server: tc.server, floor: tc.floor}
		for _, d := range tc.connects {
			s.connected(d)
		}
		if s.maxWait != tc.wantThen {
			t.Errorf("%s: after connects of %v: wait %v, want %v", tc.name, tc.connects, s.maxWait, tc.wantThen)
		}
	}
}
