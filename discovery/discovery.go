// Package discovery decides which hosts are up before a port scan, as nmap's ping scan does:
// ARP or neighbor discovery on a local Ethernet segment and ICMP/TCP probes elsewhere (root),
// or TCP connects to a few ports (unprivileged).
package discovery

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"sync"
	"time"

	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/rawnet"
)

// Kind is a kind of discovery probe, as nmap's -P options name them.
type Kind uint8

// Probe kinds.
const (
	Echo      Kind = iota + 1 // -PE: ICMP (ICMPv6) echo request
	Timestamp                 // -PP: ICMP timestamp request (IPv4 only)
	TCPSyn                    // -PS: TCP SYN to Ports (as root), else a TCP connect
	TCPAck                    // -PA: TCP ACK to Ports (root)
	UDPPing                   // -PU: an empty UDP datagram to Ports (root)
	ARP                       // -PR: ARP request (neighbor solicitation on IPv6), local Ethernet only
)

func (k Kind) String() string {
	switch k {
	case Echo:
		return "-PE"
	case Timestamp:
		return "-PP"
	case TCPSyn:
		return "-PS"
	case TCPAck:
		return "-PA"
	case UDPPing:
		return "-PU"
	case ARP:
		return "-PR"
	}
	return "?"
}

// Probe is one kind of probe and, for TCP and UDP probes, the ports it goes to.
type Probe struct {
	Kind  Kind
	Ports []uint16
}

// nmap's default ports for probes given without a port list.
var (
	DefaultSynPorts = []uint16{80}
	DefaultAckPorts = []uint16{80}
	DefaultUDPPorts = []uint16{40125}
	// ConnectPorts are the ports an unprivileged discovery connects to.
	ConnectPorts = []uint16{80, 443, 22, 445, 3389}
)

// Defaults are nmap's probes as root: ICMP echo, TCP SYN to 443, TCP ACK to 80 and ICMP
// timestamp (which IPv6 lacks). Hosts on a local Ethernet segment get ARP (IPv4) or neighbor
// discovery (IPv6) instead, whatever the probes.
func Defaults() []Probe {
	return []Probe{{Kind: Echo}, {Kind: TCPSyn, Ports: []uint16{443}}, {Kind: TCPAck, Ports: []uint16{80}}, {Kind: Timestamp}}
}

// Reasons, as nmap names them in the host's status.
const (
	ReasonLocalhost  = "localhost-response"
	ReasonARP        = "arp-response"
	ReasonND         = "nd-response"
	ReasonEcho       = "echo-reply"
	ReasonTimestamp  = "timestamp-reply"
	ReasonSynAck     = "syn-ack"
	ReasonReset      = "reset"
	ReasonConnRefuse = "conn-refused"
	ReasonUDP        = "udp-response"
	ReasonPortUnr    = "port-unreach"
	ReasonNoResponse = "no-response"
	ReasonUserSet    = "user-set"
)

// Status is what discovery found out about a host.
type Status struct {
	Up     bool
	Reason string // why it is up or down (the Reason constants, or an ICMP error's name)
	TTL    int    // TTL (hop limit) of the answer; 0 when none or unknown
	MAC    net.HardwareAddr
	RTT    time.Duration
	// Sent counts the probes sent to the host (connects, or packets) and SentBytes the raw
	// packets' bytes with their IP headers (0 for connects), for -d's sending rates.
	Sent, SentBytes int
	// Err is why discovery could not run (raw sockets unavailable); the host then counts as
	// down with Reason "local-error".
	Err error
}

// Config is how hosts are discovered.
type Config struct {
	// Probes are the -P options; none means Defaults() as root and ConnectPorts otherwise.
	Probes []Probe
	// Privileged allows raw sockets (root). Without it only TCP connects are tried: -PS ports
	// are connected to, the other probe kinds are left out.
	Privileged bool
	// Scanner runs the TCP connects of unprivileged discovery; raw probes take their send
	// slots from it (Scanner.Pace), so that --max-rate and --min-rate cover discovery too.
	Scanner *portscan.Scanner
	// Tries per probe (default 2).
	Tries int
}

// Pinger runs host discovery; it is safe for concurrent use, one Ping per host.
type Pinger struct {
	cfg     Config
	connect []uint16 // ports of connect pings (unprivileged)
	probes  []Probe  // raw probes (privileged)
	arp     bool     // ARP/ND on local Ethernet

	mu  sync.Mutex
	raw *rawEngine

	localOnce sync.Once
	local     map[netip.Addr]bool
	segments  []netip.Prefix // subnets of the Ethernet interfaces
}

// New returns a Pinger. Warnings name the probes it cannot send without privileges.
func New(cfg Config) (p *Pinger, warnings []string) {
	if cfg.Tries <= 0 {
		cfg.Tries = 2
	}
	p = &Pinger{cfg: cfg}
	// As nmap without --send-ip: a target on a local Ethernet segment gets ARP (IPv6: neighbor
	// discovery) whatever the -P options say.
	p.arp = cfg.Privileged
	for _, pr := range cfg.Probes {
		switch {
		case pr.Kind == ARP:
			if !cfg.Privileged {
				warnings = append(warnings, "-PR (ARP ping) needs root; left out")
			}
		case cfg.Privileged:
			p.probes = append(p.probes, withPorts(pr))
		case pr.Kind == TCPSyn:
			p.connect = append(p.connect, withPorts(pr).Ports...)
		default:
			warnings = append(warnings, fmt.Sprintf("%s needs root; left out", pr.Kind))
		}
	}
	if cfg.Privileged && len(p.probes) == 0 {
		p.probes = Defaults() // no -P option, or -PR alone: other targets get nmap's defaults
	}
	if !cfg.Privileged && len(p.connect) == 0 {
		p.connect = ConnectPorts
	}
	return p, warnings
}

func withPorts(pr Probe) Probe {
	if len(pr.Ports) > 0 {
		return pr
	}
	switch pr.Kind {
	case TCPSyn:
		pr.Ports = DefaultSynPorts
	case TCPAck:
		pr.Ports = DefaultAckPorts
	case UDPPing:
		pr.Ports = DefaultUDPPorts
	}
	return pr
}

// Plan says how addr will be probed: nmap's name of the phase ("ARP Ping Scan" on a local
// Ethernet segment as root, else "Ping Scan") and the probes per try (nmap counts them as
// ports: "Scanning 10.0.0.1 [4 ports]"). An address of this machine is not probed as root
// (Ping answers localhost-response at once): its technique is "" and probes 0.
func (p *Pinger) Plan(addr netip.Addr) (technique string, probes int) {
	if !p.cfg.Privileged {
		return "Ping Scan", len(p.connect)
	}
	if p.Local(addr) {
		return "", 0
	}
	if rt, err := rawnet.Lookup(addr); err == nil && rt.OnLink && p.arp {
		return "ARP Ping Scan", 1
	}
	v6 := addr.Is6() && !addr.Is4In6()
	for _, pr := range p.probes {
		switch {
		case pr.Kind == Timestamp && v6:
		case pr.Kind == TCPSyn || pr.Kind == TCPAck || pr.Kind == UDPPing:
			probes += len(pr.Ports)
		default:
			probes++
		}
	}
	return "Ping Scan", probes
}

// Local reports whether addr is this machine's own (a loopback address or one of its
// interfaces' addresses, as they were when first asked), which discovery as root does not
// probe: such a host is up by localhost-response.
func (p *Pinger) Local(addr netip.Addr) bool {
	a := addr.Unmap().WithZone("")
	if a.IsLoopback() {
		return true
	}
	p.interfaces()
	return p.local[a]
}

// OnLink reports whether addr is on a local Ethernet segment (in the subnet of an Ethernet
// interface that is up, as they were when first asked), where discovery as root uses ARP or
// neighbor discovery: also with -Pn, as nmap does.
func (p *Pinger) OnLink(addr netip.Addr) bool {
	if !p.cfg.Privileged {
		return false
	}
	a := addr.Unmap().WithZone("")
	p.interfaces()
	if p.local[a] {
		return false
	}
	for _, pfx := range p.segments {
		if pfx.Contains(a) {
			return true
		}
	}
	return false
}

// interfaces reads this machine's addresses and Ethernet subnets once.
func (p *Pinger) interfaces() {
	p.localOnce.Do(func() {
		p.local = map[netip.Addr]bool{}
		ifs, _ := net.Interfaces()
		for _, ifi := range ifs {
			addrs, _ := ifi.Addrs()
			for _, ia := range addrs {
				n, ok := ia.(*net.IPNet)
				if !ok {
					continue
				}
				ip, ok := netip.AddrFromSlice(n.IP)
				if !ok {
					continue
				}
				ip = ip.Unmap()
				p.local[ip] = true
				ones, _ := n.Mask.Size()
				if len(ifi.HardwareAddr) == 6 && ifi.Flags&net.FlagUp != 0 && ifi.Flags&net.FlagLoopback == 0 {
					p.segments = append(p.segments, netip.PrefixFrom(ip, ones).Masked())
				}
			}
		}
	})
}

// Close releases raw sockets.
func (p *Pinger) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.raw != nil {
		p.raw.close()
		p.raw = nil
	}
}

// Ping decides whether addr is up; rtt (the host's estimate) times the tries and gets the
// answer's round trip.
func (p *Pinger) Ping(ctx context.Context, addr netip.Addr, rtt *portscan.RTT) Status {
	if !p.cfg.Privileged {
		return p.connectPing(ctx, addr, rtt)
	}
	rt, err := rawnet.Lookup(addr)
	if err != nil {
		return Status{Reason: string(portscan.ReasonNetUnreach)}
	}
	if rt.Local {
		return Status{Up: true, Reason: ReasonLocalhost}
	}
	e := p.engine()
	probes := p.probes
	if rt.OnLink && p.arp {
		probes = []Probe{{Kind: ARP}}
	}
	return e.ping(ctx, rt, probes, rtt, p.cfg.Tries)
}

func (p *Pinger) engine() *rawEngine {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.raw == nil {
		var pace func(context.Context) error
		if p.cfg.Scanner != nil {
			pace = p.cfg.Scanner.Pace
		}
		p.raw = newRawEngine(pace)
	}
	return p.raw
}

// connectPing decides whether addr is up the way an unprivileged nmap does: connect to the
// ping ports at once; an accepted or refused connection proves the host up. Each port gets
// two tries of the host's timeout; an ICMP unreachable ends a port's tries early.
func (p *Pinger) connectPing(ctx context.Context, addr netip.Addr, rtt *portscan.RTT) Status {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	best := Status{Reason: ReasonNoResponse}
	sent := 0
	p.cfg.Scanner.Scan(ctx, portscan.Job{Addr: addr, Technique: portscan.Connect, Ports: p.connect, RTT: rtt, Tries: p.cfg.Tries},
		func(r portscan.PortResult) {
			sent += r.Tries
			switch {
			case best.Up:
			case r.State == portscan.Open || r.State == portscan.Closed:
				best = Status{Up: true, Reason: string(r.Reason), RTT: r.RTT}
				cancel()
			case best.Reason == ReasonNoResponse && r.Reason != portscan.ReasonLocalError && r.Reason != portscan.ReasonNoResponse:
				best.Reason = string(r.Reason)
			}
		})
	best.Sent = sent
	if !best.Up && best.Reason == string(portscan.ReasonHostUnreach) {
		// On the local segment a connect fails with EHOSTUNREACH when no neighbour answered
		// ARP: nothing came back, and nmap says no-response (a router's ICMP error for a host
		// further away stays host-unreach).
		if rt, err := rawnet.Lookup(addr); err == nil && rt.OnLink {
			best.Reason = ReasonNoResponse
		}
	}
	return best
}
