package scan

import (
	"net/netip"
	"time"

	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/result"
)

// Observer receives a scan's progress as it happens: the source of nmap's -v lines
// ("Initiating SYN Stealth Scan", "Discovered open port 22/tcp on 10.0.0.1", "Completed …,
// 0.50s elapsed (1000 total ports)") and of --stats-every progress. Calls come from the
// scan's goroutines, one at a time; an Observer must not block for long.
type Observer interface {
	Event(Event)
}

// ObserverFunc adapts a function to Observer.
type ObserverFunc func(Event)

// Event calls f(e).
func (f ObserverFunc) Event(e Event) { f(e) }

// EventKind says what happened.
type EventKind uint8

// Event kinds.
const (
	// PhaseStart: a host group enters a phase (Group, Phase, Hosts; Ports per host for a port
	// scan, services for a service scan).
	PhaseStart EventKind = iota + 1
	// PhaseEnd: the group's last host left the phase (Elapsed since PhaseStart; Up is the
	// hosts found up by discovery).
	PhaseEnd
	// OpenPort: a port scan found Port/Proto open on Addr.
	OpenPort
	// HostDone: Host is finished and has gone to the writers (or was left out: a down host
	// without -v, an up host without open ports with --open).
	HostDone
	// GroupDone: every host of Group is done (its HostDone events have come). (Kind 5 is
	// kept for progress reports, as output.Event numbers them: the kinds and phases convert
	// one to one.)
	GroupDone EventKind = 6
)

// Phase is a stage of the scan.
type Phase uint8

// Phases.
const (
	Discovery   Phase = iota + 1 // host discovery (nmap's "Ping Scan", "ARP Ping Scan")
	PortScan                     // a port scan (Technique says which)
	ServiceScan                  // version detection (-sV)
)

func (p Phase) String() string {
	switch p {
	case Discovery:
		return "discovery"
	case PortScan:
		return "port scan"
	case ServiceScan:
		return "service scan"
	}
	return "?"
}

// Event is one step of a scan. Which fields are set depends on Kind (see EventKind).
type Event struct {
	Kind  EventKind
	Phase Phase
	Time  time.Time
	// Group numbers the host groups from 1; phases of different groups may overlap (a group's
	// discovery runs while the previous group's ports are scanned). A service scan is one
	// host's: its Group is the host's.
	Group int
	// Technique is nmap's name of the phase's scan: "Ping Scan", "ARP Ping Scan", "SYN
	// Stealth Scan", "Connect Scan", "UDP Scan", "Service scan".
	Technique string
	Hosts     int // hosts in the group's phase
	Up        int // PhaseEnd of Discovery: hosts found up
	// Ports is what a host of the phase is probed with: probes (Discovery: 1 for ARP, 4 for
	// nmap's raw defaults, the ports of TCP connects), ports (PortScan), services
	// (ServiceScan).
	Ports   int
	Elapsed time.Duration

	// Addr and Name are the host of a one-host phase (Name: the name given or found by
	// reverse DNS, "" for none) and of OpenPort.
	Addr  netip.Addr
	Name  string
	Port  uint16            // OpenPort
	Proto portspec.Protocol // OpenPort
	Host  *result.Host      // HostDone
}
