package vscan

import (
	"testing"
	"time"
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
