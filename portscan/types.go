package portscan

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"
	"time"

	"github.com/signetscan/signet/portspec"
)

// State is a port state with nmap's names.
type State uint8

// Port states. The zero value is not a valid outcome.
const (
	_            State = iota
	Open               // a connection was accepted or a UDP reply arrived
	Closed             // the port refused (RST, ICMP port unreachable)
	Filtered           // no answer after all tries, or an ICMP error other than port unreachable
	OpenFiltered       // UDP only: no answer after all tries
)

func (s State) String() string {
	switch s {
	case Open:
		return "open"
	case Closed:
		return "closed"
	case Filtered:
		return "filtered"
	case OpenFiltered:
		return "open|filtered"
	}
	return "unknown"
}

// Reason is why a port got its state, with nmap's names (XML attribute reason, --reason column).
type Reason string

// Reasons.
const (
	ReasonSynAck          Reason = "syn-ack"          // TCP connect succeeded
	ReasonConnRefused     Reason = "conn-refused"     // TCP connect refused (RST)
	ReasonNoResponse      Reason = "no-response"      // nothing came back before the last try timed out
	ReasonHostUnreach     Reason = "host-unreach"     // EHOSTUNREACH / ICMP host unreachable
	ReasonNetUnreach      Reason = "net-unreach"      // ENETUNREACH / ICMP network unreachable
	ReasonAdminProhibited Reason = "admin-prohibited" // EACCES/EPERM: a local firewall or prohibit route
	ReasonProtoUnreach    Reason = "proto-unreach"    // ICMP protocol unreachable (UDP)
	ReasonPortUnreach     Reason = "port-unreach"     // ICMP port unreachable (UDP)
	ReasonUDPResponse     Reason = "udp-response"     // a UDP reply arrived
	ReasonLocalError      Reason = "local-error"      // the scanner could not probe the port (see PortResult.Err)
)

// PortResult is the outcome for one port of one host. Every requested port gets exactly one,
// unless the host timed out first (then it is counted in HostSummary.Unscanned).
type PortResult struct {
	Addr   netip.Addr
	Port   uint16
	Proto  portspec.Protocol
	State  State
	Reason Reason
	Tries  int           // probes sent for this port (1 = answered at the first try)
	RTT    time.Duration // time from the last probe to its answer; 0 without an answer
	// Reply holds the UDP reply payload (udp-response); version detection may match it.
	Reply []byte
	// Err is the socket error behind a closed or filtered state (nil for open and no-response).
	Err error
}

func (r PortResult) String() string {
	return fmt.Sprintf("%s %d/%s %s (%s)", r.Addr, r.Port, r.Proto, r.State, r.Reason)
}

// StateCount counts the ports of a host with one state and reason.
type StateCount struct {
	State  State
	Reason Reason
	Count  int
}

// HostSummary is delivered once per host after its last PortResult.
type HostSummary struct {
	Addr  netip.Addr
	Proto portspec.Protocol
	// Up is false when host discovery (Options.NoPing unset) found the host down; then no port
	// was scanned and Ping says why.
	Up   bool
	Ping HostStatus
	// Counts has one entry per (state, reason) seen, most frequent first.
	Counts    []StateCount
	Requested int  // ports asked for
	Unscanned int  // ports without an outcome because the host timed out or the scan was cancelled
	TimedOut  bool // --host-timeout expired; PortResults already delivered stand
	Elapsed   time.Duration
	Err       error // context cancellation, or nil
}

// Count returns how many ports of the host ended in state s.
func (h HostSummary) Count(s State) int {
	n := 0
	for _, c := range h.Counts {
		if c.State == s {
			n += c.Count
		}
	}
	return n
}

// IgnoredStates returns the states nmap leaves out of its port table: any state other than open
// with more than maxPerState ports (nmap uses 25, times verbosity+1 when -v is given).
func (h HostSummary) IgnoredStates(maxPerState int) []State {
	var out []State
	for _, s := range []State{Closed, Filtered, OpenFiltered} {
		if h.Count(s) > maxPerState {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return h.Count(out[i]) > h.Count(out[j]) })
	return out
}

// NotShown formats nmap's "Not shown:" line for the ignored states (see IgnoredStates), e.g.
// "Not shown: 65533 closed tcp ports (conn-refused)"; "" when nothing is ignored.
func (h HostSummary) NotShown(maxPerState int) string {
	var parts []string
	for _, s := range h.IgnoredStates(maxPerState) {
		n := h.Count(s)
		noun := "ports"
		if n == 1 {
			noun = "port"
		}
		var reasons []string
		for _, c := range h.Counts {
			if c.State == s {
				if len(reasons) == 0 && c.Count == n {
					reasons = append(reasons, string(c.Reason))
				} else {
					reasons = append(reasons, fmt.Sprintf("%d %s", c.Count, c.Reason))
				}
			}
		}
		parts = append(parts, fmt.Sprintf("%d %s %s %s (%s)", n, s, h.Proto, noun, strings.Join(reasons, ", ")))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Not shown: " + strings.Join(parts, ", ")
}

// Event is one streamed item: exactly one of Port and Host is set.
type Event struct {
	Port *PortResult
	Host *HostSummary
}

// Target is a host and the ports to scan on it.
type Target struct {
	Addr  netip.Addr
	Ports []uint16
}

type countKey struct {
	s State
	r Reason
}

func sortedCounts(m map[countKey]int) []StateCount {
	out := make([]StateCount, 0, len(m))
	for k, n := range m {
		out = append(out, StateCount{State: k.s, Reason: k.r, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		if out[i].State != out[j].State {
			return out[i].State < out[j].State
		}
		return out[i].Reason < out[j].Reason
	})
	return out
}
