package vscan

import (
	"testing"
	"time"
)

// The UDP re-walk's wait multiplies the server's own time, not the path's
// round trip: on loopback it is what it was (ten times the slowest reply,
// at least UDPRewalkWait), at 50 ms it adds the round trip once.
func TestUDPRewalkWait(t *testing.T) {
	ms := time.Millisecond
	for _, c := range []struct{ fast, slow, want time.Duration }{
		{0, 0, UDPRewalkWait},                     // no reply timed (not walked again)
		{ms / 10, ms / 5, UDPRewalkWait + ms/10},  // loopback, quick server
		{ms / 10, 30 * ms, 299*ms + ms/10},        // loopback, a server that takes 30 ms
		{51 * ms, 52 * ms, 51*ms + UDPRewalkWait}, // 50 ms away, quick server: was 520 ms
		{51 * ms, 81 * ms, 51*ms + 300*ms},        // 50 ms away, a server that takes 30 ms
	} {
		if got := udpRewalkWait(c.fast, c.slow); got != c.want {
			t.Errorf("udpRewalkWait(%v, %v) = %v, want %v", c.fast, c.slow, got, c.want)
		}
	}
}
