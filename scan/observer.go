package scan

import (
	"net/netip"
	"time"

	"github.com/signetscan/signet/output"
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

// EventKind says what happened: the kinds of output.Event, which the console prints, with
// the same meanings (PhaseEnd's Cut: the run was stopped, an interrupt, before the phase
// completed; OpenPort: with Options.Debug of 2 or more, the other states too; Progress: sent
// for every phase under way every ProgressEvery, Completed and Up being the run's hosts
// finished and found up so far).
type EventKind = output.EventKind

// Event kinds.
const (
	PhaseStart = output.PhaseStart
	PhaseEnd   = output.PhaseEnd
	OpenPort   = output.OpenPort
	HostDone   = output.HostDone
	Progress   = output.Progress
	GroupDone  = output.GroupDone
)

// Phase is a stage of the scan, in nmap's order within a host group.
type Phase = output.Phase

// Phases.
const (
	Discovery   = output.Discovery   // host discovery (nmap's "Ping Scan", "ARP Ping Scan")
	PortScan    = output.PortScan    // a port scan (Technique says which)
	ServiceScan = output.ServiceScan // version detection (-sV)
	Resolve     = output.Resolve     // reverse DNS of the up hosts that need a DNS query
)

// ProgressEvery is how often a scan reports the progress of its phases under way.
const ProgressEvery = 250 * time.Millisecond

// Event is one step of a scan. Which fields are set depends on Kind (see EventKind).
type Event struct {
	Kind  EventKind
	Phase Phase
	Time  time.Time
	// Group numbers the host groups from 1; phases of different groups may overlap (a group's
	// discovery runs while the previous group's ports are scanned), and so may the phases of
	// one group, whose hosts move through them one by one.
	Group int
	// Technique is nmap's name of the phase's scan: "Ping Scan", "ARP Ping Scan", "SYN
	// Stealth Scan", "Connect Scan", "UDP Scan", "Service scan"; "" for Resolve.
	Technique string
	Hosts     int // hosts in the group's phase
	// Up: at the PhaseEnd of Discovery, the hosts found up; in Progress, the hosts of the
	// run found up so far.
	Up int
	// Ports is what a host of the phase is probed with: probes (Discovery: 1 for ARP, 4 for
	// nmap's raw defaults, the ports of TCP connects), ports (PortScan); for ServiceScan, the
	// services of the whole group.
	Ports   int
	Elapsed time.Duration

	// Addr and Name are the host of a one-host phase (Name: the name given or found by
	// reverse DNS, "" for none) and of OpenPort and HostDone.
	Addr  netip.Addr
	Name  string
	Port  uint16            // OpenPort
	Proto portspec.Protocol // OpenPort
	State string            // OpenPort: "" for open
	Host  *result.Host      // HostDone
	Index int               // HostDone: the host's place in the target order, from 0

	Done      float64 // Progress: the fraction of the phase done
	Completed int     // Progress: the run's hosts finished so far
	// Sent counts the probes (connects or packets) a phase sent, SentBytes the raw packets'
	// bytes (0 when it sent none): PhaseEnd of Discovery and PortScan.
	Sent, SentBytes int64
	Cut             bool // PhaseEnd: the run was stopped before the phase completed
}

// Output is the event as output.Console takes it.
func (e Event) Output() output.Event {
	o := output.Event{Kind: e.Kind, Phase: e.Phase, Time: e.Time, Group: e.Group,
		Technique: e.Technique, Hosts: e.Hosts, Up: e.Up, Ports: e.Ports, Elapsed: e.Elapsed,
		Addr: e.Addr, Name: e.Name, Port: e.Port, State: e.State, Host: e.Host,
		Done: e.Done, Completed: e.Completed, Sent: e.Sent, SentBytes: e.SentBytes, Index: e.Index, Cut: e.Cut}
	if e.Kind == OpenPort {
		o.Proto = e.Proto.String()
	}
	return o
}

// To passes a scan's events on to w (an output.Console), converted by Event.Output.
func To(w interface{ Event(output.Event) }) Observer {
	return ObserverFunc(func(e Event) { w.Event(e.Output()) })
}
