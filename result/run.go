package result

import (
	"net/netip"
	"sort"
	"strconv"
	"time"
)

// Host states, as in nmap's XML `<status state=…>`.
const (
	HostUp   = "up"
	HostDown = "down"
)

// Address families, as in nmap's XML `addrtype`.
const (
	IPv4 = "ipv4"
	IPv6 = "ipv6"
)

// Host is one scanned target and everything the output writers print
// about it.
type Host struct {
	Addr     string // "127.0.0.1", "::1"
	AddrType string // IPv4 or IPv6; derived from Addr when empty (see Family)

	// TargetName is the name the user gave ("" when an address was given);
	// Hostname is the reverse-DNS name ("" when none was looked up or found).
	TargetName string
	Hostname   string

	Status    string // HostUp or HostDown
	Reason    string // "user-set", "syn-ack", "conn-refused", "localhost-response", …
	ReasonTTL int

	// MAC is the host's link-layer address when discovery learnt it (ARP, neighbor
	// discovery), upper case ("9A:FC:3C:12:3E:66"); MACVendor is its maker ("" if unknown).
	MAC, MACVendor string

	// Ports are the ports shown in the table, in nmap's order (TCP by
	// number, then UDP, then SCTP; see SortPorts). Extra counts the ports
	// not shown ("Not shown: 998 closed tcp ports (conn-refused)"), most
	// common state first; Consolidate moves ports from Ports to Extra the
	// way nmap decides.
	Ports []*Port
	Extra []ExtraPorts

	Start, End time.Time // zero when unknown

	// Times are the round-trip estimates (nmap's srtt, rttvar, timeout);
	// nil when nothing was measured: then no latency is printed and XML has
	// no <times> element.
	Times *Times

	// Incomplete is set on a host the end of the run (an interrupt) cut short: its
	// results are partial. The output files leave it out (they hold finished hosts only,
	// which signet --resume relies on); the terminal shows it.
	Incomplete bool
}

// Family is the host's address family: AddrType, or what Addr parses as.
func (h *Host) Family() string {
	if h.AddrType != "" {
		return h.AddrType
	}
	if a, err := netip.ParseAddr(h.Addr); err == nil && a.Is6() && !a.Is4In6() {
		return IPv6
	}
	return IPv4
}

// ExtraPorts is one state of ports not shown, broken down by reason.
type ExtraPorts struct {
	State   string // "closed", "filtered", …
	Count   int
	Reasons []ExtraReason // most common first
}

// ExtraReason is the ports of one ExtraPorts state that share a reason and
// a protocol.
type ExtraReason struct {
	Reason string // "conn-refused", "no-response", …
	Proto  string // "tcp", "udp"
	Count  int
	Ports  []int // ascending; nil when the scanner kept only the count (XML then has no ports attribute)
}

// Times are a host's round-trip time estimates.
type Times struct {
	SRTT, RTTVar, Timeout time.Duration
}

// Run describes a whole scan, as given to the writers before any host.
type Run struct {
	Scanner string // "signet" when empty
	// XMLScanner, when set, replaces Scanner in the XML scanner attribute
	// only: nmap.dtd allows just "nmap" there, so a DTD-valid file needs it.
	XMLScanner string
	Version    string   // signet's version, e.g. "0.1.0"
	Args       []string // the command line, argv[0] first
	Start      time.Time

	// DataFiles are the files the scan read its data from (nmap-services, the signature
	// file, overlays), for the "Read data files from:" line; NoPing is -Pn (no "Host seems
	// down" note); Timing is what -d's "Timing report" prints (nil: no report); TopPorts is
	// n when the ports are the n most frequent ones (-d's "PORTS: Using top n ports").
	DataFiles []string
	NoPing    bool
	Timing    *TimingReport
	TopPorts  int

	Scans []ScanInfo // one per scan type, e.g. connect/tcp and udp/udp

	Verbose   int // -v level
	Debugging int // -d level

	VersionScan bool // -sV: VERSION column, "?" guesses, closing remark
	PingOnly    bool // -sn: host discovery only (no port section, no blank line between hosts)
	Reason      bool // --reason: REASON column and host reason

	// Resumed is set when this process continues a run that was interrupted (signet
	// --resume): Args and Start above are then the original run's.
	Resumed *Resumed
}

// Resumed is the continuation of an interrupted run.
type Resumed struct {
	Start time.Time // when this process started
	Args  []string  // this process's command line: "signet", "--resume", FILE
}

// Scan types for ScanInfo.Type (the ones signet runs).
const (
	ScanConnect = "connect"
	ScanSYN     = "syn"
	ScanUDP     = "udp"
)

// ScanInfo is one scan type with the ports it covers (XML `<scaninfo>`).
type ScanInfo struct {
	Type  string // ScanConnect, ScanSYN, ScanUDP
	Proto string // "tcp", "udp"
	Ports []int  // ascending
}

// Exit values of RunEnd.
const (
	ExitSuccess = "success"
	ExitError   = "error"
)

// RunEnd describes how a scan ended.
type RunEnd struct {
	Time    time.Time
	Elapsed time.Duration // since Run.Start

	Exit     string // ExitSuccess or ExitError ("" means success)
	ErrorMsg string // with ExitError, e.g. "Interrupted by user"

	HostsUp, HostsDown, HostsTotal int

	// Raw counts the packets of raw sockets, for -v's "Raw packets sent" line; nil when the
	// scan had no use for raw sockets (the line is then left out, as nmap does).
	Raw *PacketStats
}

// Failed reports whether the run ended with an error.
func (e *RunEnd) Failed() bool { return e.Exit == ExitError }

// Summary is nmap's closing phrase, e.g.
// "1 IP address (1 host up) scanned in 0.52 seconds".
func (e *RunEnd) Summary() string {
	ips, hosts := "IP addresses", "hosts"
	if e.HostsTotal == 1 {
		ips = "IP address"
	}
	if e.HostsUp == 1 {
		hosts = "host"
	}
	return strconv.Itoa(e.HostsTotal) + " " + ips + " (" + strconv.Itoa(e.HostsUp) + " " + hosts +
		" up) scanned in " + strconv.FormatFloat(e.Elapsed.Seconds(), 'f', 2, 64) + " seconds"
}

// protoOrder is nmap's port-list order: TCP, UDP, SCTP.
func protoOrder(p string) int {
	switch p {
	case "tcp":
		return 0
	case "udp":
		return 1
	case "sctp":
		return 2
	}
	return 3
}

// SortPorts puts ports in nmap's order: TCP by number, then UDP, then SCTP.
func SortPorts(ports []*Port) {
	sort.SliceStable(ports, func(i, j int) bool {
		a, b := ports[i], ports[j]
		if pa, pb := protoOrder(a.Proto), protoOrder(b.Proto); pa != pb {
			return pa < pb
		}
		return a.Number < b.Number
	})
}

// stateNum is nmap's numbering of port states (portlist.h), which breaks
// ties between states with as many ports.
var stateNum = map[string]int{
	"unknown": 0, "closed": 1, "open": 2, "filtered": 3, "testing": 4,
	"fresh": 5, "unfiltered": 6, "open|filtered": 7, "closed|filtered": 8,
}

// maxPerState is the number of ports a state may have and still be shown
// (PortList::isIgnoredState).
const maxPerState = 25

// ignorable reports whether ports in this state may be left out of the table.
func ignorable(state string, verbose, debugging int) bool {
	switch state {
	case "open", "unknown", "testing", "fresh":
		return false
	case "open|filtered":
		return verbose <= 2 && debugging <= 2
	}
	return true
}

// Consolidate applies nmap's rule for the ports not shown: a state other
// than open with more than 25 ports (25 × (verbose+1+20×debugging) with -v
// or -d; never with -d3 or more) is left out of Ports and counted in Extra.
// States in Extra come most common first (ties: nmap's state order); the
// reasons of a state most common first (ties: the group whose first port
// comes later first, as nmap's merge sort leaves them). It sorts Ports
// (SortPorts) and does nothing when Extra is already filled.
func (h *Host) Consolidate(verbose, debugging int) {
	h.consolidate(verbose, debugging, false)
}

// ConsolidateOpenOnly is Consolidate for --open: as in nmap's
// PortList::isIgnoredState, closed, filtered and closed|filtered ports are
// left out and counted however few they are.
func (h *Host) ConsolidateOpenOnly(verbose, debugging int) {
	h.consolidate(verbose, debugging, true)
}

func (h *Host) consolidate(verbose, debugging int, openOnly bool) {
	SortPorts(h.Ports)
	if len(h.Extra) > 0 || debugging > 2 {
		return
	}
	limit := maxPerState
	if verbose > 0 || debugging > 0 {
		limit *= verbose + 1 + 20*debugging
	}
	counts := map[string]int{}
	for _, p := range h.Ports {
		counts[p.State]++
	}
	var states []string
	for s, n := range counts {
		always := openOnly && s != "open|filtered" && s != "unfiltered"
		if ignorable(s, verbose, debugging) && (n > limit || always) {
			states = append(states, s)
		}
	}
	if len(states) == 0 {
		return
	}
	sort.Slice(states, func(i, j int) bool {
		a, b := states[i], states[j]
		if counts[a] != counts[b] {
			return counts[a] > counts[b]
		}
		return stateRank(a) < stateRank(b)
	})
	ignored := map[string]int{} // state → index in h.Extra
	for i, s := range states {
		ignored[s] = i
		h.Extra = append(h.Extra, ExtraPorts{State: s, Count: counts[s]})
	}
	type key struct{ state, reason, proto string }
	groups := map[key]int{} // → index in h.Extra[i].Reasons
	shown := h.Ports[:0]
	for _, p := range h.Ports {
		i, ok := ignored[p.State]
		if !ok {
			shown = append(shown, p)
			continue
		}
		k := key{p.State, p.Reason, p.Proto}
		j, ok := groups[k]
		if !ok {
			j = len(h.Extra[i].Reasons)
			groups[k] = j
			h.Extra[i].Reasons = append(h.Extra[i].Reasons, ExtraReason{Reason: p.Reason, Proto: p.Proto})
		}
		r := &h.Extra[i].Reasons[j]
		r.Count++
		r.Ports = append(r.Ports, p.Number)
	}
	for i := len(shown); i < len(h.Ports); i++ {
		h.Ports[i] = nil
	}
	h.Ports = shown
	for i := range h.Extra {
		rs := h.Extra[i].Reasons
		// Count descending; among equal counts the later group first.
		for a, b := 0, len(rs)-1; a < b; a, b = a+1, b-1 {
			rs[a], rs[b] = rs[b], rs[a]
		}
		sort.SliceStable(rs, func(a, b int) bool { return rs[a].Count > rs[b].Count })
	}
}

func stateRank(s string) int {
	if n, ok := stateNum[s]; ok {
		return n
	}
	return len(stateNum)
}
