package vscan

import (
	"time"

	"github.com/signetscan/signet/probes"
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

// udpSuspects are the probes of this UDP pass that got no reply and may
// have been dropped by a server busy answering another: each one's
// datagram left while an answered probe was on its way, between that
// probe's send and its reply (UDPBusyMargin after it). Some servers drop
// datagrams that arrive while they answer one (xinetd's internal time
// service discards what is pending once it has answered), where nmap's
// walk, one probe after the other, loses none. A probe sent outside
// every such span reached a server that was not answering anything, and
// its silence is the server's answer, as it is in nmap's walk; so is
// every probe of a port that answered none. A probe launched but never
// sent, or whose wait the pass's end cut, counts as dropped.
func (s *speculative) udpSuspects() map[*probes.Probe]bool {
	type span struct{ from, to time.Time }
	var busy []span
	quiet := map[*probes.Probe]span{}
	lost := map[*probes.Probe]bool{}
	for _, rp := range s.list {
		rp.mu.Lock()
		began, sent, last, got, done, end := rp.began, rp.sent, rp.last, len(rp.buf) > 0, rp.done, rp.end
		rp.mu.Unlock()
		switch {
		case got:
			busy = append(busy, span{began, last.Add(UDPBusyMargin)})
		case began.IsZero() || sent.IsZero() || !done || end == endCut:
			lost[rp.p] = true
		default:
			quiet[rp.p] = span{began, sent}
		}
	}
	for p, q := range quiet {
		for _, b := range busy {
			if !q.from.After(b.to) && !q.to.Before(b.from) {
				lost[p] = true
				break
			}
		}
	}
	return lost
}

// udpMayHaveLost reports whether some probe of the pass without a reply
// may have been dropped (udpSuspects).
func (s *speculative) udpMayHaveLost() bool { return len(s.udpSuspects()) > 0 }

// udpReplay is the UDP re-walk's source: the probes that may have been
// dropped (lost) are sent again, one at a time on one socket as nmap
// sends them (sequential); every other probe gets the reply the parallel
// walk read for it (prev), at once, so the re-walk waits only where the
// first walk may have missed something. A probe the first walk never
// sent is sent.
type udpReplay struct {
	*sequential
	prev map[*probes.Probe]*specReply
	lost map[*probes.Probe]bool
}

func (r *udpReplay) send(p *probes.Probe) reply {
	rp := r.prev[p]
	if rp == nil || r.lost[p] {
		return r.sequential.send(p)
	}
	rp.mu.Lock()
	defer rp.mu.Unlock()
	return &replayed{buf: rp.buf, cuts: rp.cuts, end: rp.end, dialErr: rp.dialErr, took: rp.ended.Sub(rp.began)}
}

// replayed hands the walk a reply read before, read by read, then its end.
type replayed struct {
	buf     []byte
	cuts    []int
	read    int
	end     readEnd
	dialErr error
	took    time.Duration
}

func (r *replayed) carried() []byte        { return nil }
func (r *replayed) elapsed() time.Duration { return r.took }
func (r *replayed) release(bool, []byte)   {}

func (r *replayed) next() ([]byte, readEnd) {
	if r.read < len(r.cuts) {
		lo := 0
		if r.read > 0 {
			lo = r.cuts[r.read-1]
		}
		r.read++
		return r.buf[lo:r.cuts[r.read-1]], more
	}
	return nil, r.end
}

func (r *replayed) err() error { return r.dialErr }
