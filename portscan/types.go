package portscan

import (
	"fmt"
	"net/netip"
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
	ReasonSynAck          Reason = "syn-ack"          // TCP connect succeeded, or a SYN-ACK answered a SYN
	ReasonReset           Reason = "reset"            // a RST answered a SYN (SYN scan)
	ReasonConnRefused     Reason = "conn-refused"     // TCP connect refused (RST)
	ReasonNoResponse      Reason = "no-response"      // nothing came back before the last try timed out
	ReasonHostUnreach     Reason = "host-unreach"     // EHOSTUNREACH / ICMP host unreachable
	ReasonNetUnreach      Reason = "net-unreach"      // ENETUNREACH / ICMP network unreachable
	ReasonAdminProhibited Reason = "admin-prohibited" // EACCES/EPERM: a local firewall or prohibit route; ICMP code 13
	ReasonNetProhibited   Reason = "net-prohibited"   // ICMP network administratively prohibited (code 9)
	ReasonHostProhibited  Reason = "host-prohibited"  // ICMP host administratively prohibited (code 10)
	ReasonProtoUnreach    Reason = "proto-unreach"    // ICMP protocol unreachable (UDP)
	ReasonPortUnreach     Reason = "port-unreach"     // ICMP port unreachable (UDP)
	ReasonUDPResponse     Reason = "udp-response"     // a UDP reply arrived
	ReasonLocalError      Reason = "local-error"      // the scanner could not probe the port (see PortResult.Err)
)

// PortResult is the outcome for one port of one host. Every requested port gets exactly one,
// unless the host's context ended first (then it is counted in Stats.Unscanned).
type PortResult struct {
	Addr   netip.Addr
	Port   uint16
	Proto  portspec.Protocol
	State  State
	Reason Reason
	Tries  int           // probes sent for this port (1 = answered at the first try)
	RTT    time.Duration // time from the last probe to its answer; 0 without an answer
	// TTL is the TTL (hop limit) of the answer that decided the state (nmap's reason_ttl): SYN
	// scans read it from the packet; 0 when unknown (connect and UDP scans).
	TTL int
	// Reply holds the UDP reply payload (udp-response); version detection may match it.
	Reply []byte
	// Err is the socket error behind a closed or filtered state (nil for open and no-response).
	Err error
}

func (r PortResult) String() string {
	return fmt.Sprintf("%s %d/%s %s (%s)", r.Addr, r.Port, r.Proto, r.State, r.Reason)
}

// SYNBytes is the size of one SYN probe to a with its IP header (a TCP header with nmap's
// MSS option), for counting what a SYN scan sent.
func SYNBytes(a netip.Addr) int {
	if a.Is4() || a.Is4In6() {
		return 20 + 24
	}
	return 40 + 24
}
