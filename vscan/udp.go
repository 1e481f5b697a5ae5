package vscan

import (
	"time"
)

// UDPBusyMargin widens, in udpMayHaveLost, the time a UDP server spent
// answering a probe past the moment its reply was read: a server that
// drops what is pending once it has answered does so right after its
// reply leaves, a little after our read can see it.
const UDPBusyMargin = UDPGap / 4

// sentUDP notes when the probe's datagram left (its write returned).
func (rp *specReply) sentUDP() {
	now := rp.s.w.c.now()
	rp.mu.Lock()
	rp.sent = now
	rp.mu.Unlock()
}

// udpMayHaveLost reports whether a probe of this UDP pass that got no
// reply may have been dropped by a server busy answering another: its
// datagram left while an answered probe was on its way, between that
// probe's send and its reply (UDPBusyMargin after it). Some servers drop
// datagrams that arrive while they answer one (xinetd's internal time
// service discards what is pending once it has answered), where nmap's
// walk, one probe after the other, loses none. A probe sent outside
// every such span reached a server that was not answering anything, and
// its silence is the server's answer, as it is in nmap's walk; so is a
// port that answered no probe at all. A probe launched but never sent
// counts as lost.
func (s *speculative) udpMayHaveLost() bool {
	type span struct{ from, to time.Time }
	var busy, quiet []span
	for _, rp := range s.list {
		rp.mu.Lock()
		began, sent, last, got := rp.began, rp.sent, rp.last, len(rp.buf) > 0
		rp.mu.Unlock()
		switch {
		case got:
			busy = append(busy, span{began, last.Add(UDPBusyMargin)})
		case began.IsZero() || sent.IsZero():
			return true
		default:
			quiet = append(quiet, span{began, sent})
		}
	}
	for _, q := range quiet {
		for _, b := range busy {
			if !q.from.After(b.to) && !q.to.Before(b.from) {
				return true
			}
		}
	}
	return false
}
