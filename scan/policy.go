package scan

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/rawnet"
	"github.com/signetscan/signet/result"
	"github.com/signetscan/signet/services"
	"github.com/signetscan/signet/vscan"
)

// Level is an nmap -T timing template. The zero value is Normal (-T3).
type Level int8

// The templates, by nmap's names.
const (
	Normal     Level = iota // -T3
	Paranoid                // -T0
	Sneaky                  // -T1
	Polite                  // -T2
	Aggressive              // -T4
	Insane                  // -T5
)

var levelNumbers = [...]int{3, 0, 1, 2, 4, 5}

// LevelOf returns the template of -T<n> (0..5).
func LevelOf(n int) (Level, error) {
	for l, m := range levelNumbers {
		if m == n {
			return Level(l), nil
		}
	}
	return 0, fmt.Errorf("timing template -T%d: must be 0..5", n)
}

// Number is the template's -T number.
func (l Level) Number() int {
	if l < 0 || int(l) >= len(levelNumbers) {
		return 3
	}
	return levelNumbers[l]
}

// portTiming is the port scanner's timing: the template with the options that override it.
func (o *Options) portTiming() portscan.Timing {
	t, _ := portscan.Template(o.Level.Number())
	if o.Tries > 0 {
		t.MaxRetries = o.Tries - 1
	}
	if o.HostTimeout > 0 {
		t.HostTimeout = o.HostTimeout
	}
	return t
}

// hostTimeout is --host-timeout, or the template's (-T5: 15 minutes).
func (o *Options) hostTimeout() time.Duration {
	return o.portTiming().HostTimeout
}

// versionParallelism is how many services are probed at once (S2): nmap's numbers per
// template; with adaptive timing the per-host connection window and the per-port cap
// (vscan), not the number of services, protect a host, so ten times as many are kept in
// flight: a port an HTTP server answers at once still waits its NULL probe's fitted second
// (nmap's order), and 1,000 such services 60 at a time took 10 s on loopback.
func (o *Options) versionParallelism(adaptive bool) int {
	if o.VersionParallelism > 0 {
		return o.VersionParallelism
	}
	n := []int{1, 1, 1, 20, 30, 40}[o.Level.Number()]
	if adaptive && o.Level.Number() >= 3 {
		n *= 10
	}
	if o.MaxParallelism > 0 && o.MaxParallelism < n {
		n = o.MaxParallelism
	}
	return n
}

// Privileged reports whether this process may open raw sockets (SYN scans, ARP and ICMP
// discovery): it tries to.
func Privileged() bool {
	c, err := rawnet.ListenIP(false, rawnet.ProtoICMP)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

// ErrPrivileges is returned for a scan type that needs raw sockets the process lacks.
var ErrPrivileges = errors.New("you requested a scan type which requires root privileges")

// DefaultTCP is nmap's TCP scan when none is asked for: SYN with raw sockets, connect
// otherwise.
func DefaultTCP(privileged bool) portscan.Technique {
	if privileged {
		return portscan.SYN
	}
	return portscan.Connect
}

// SelectPorts is the port list of the -p, --top-ports and -F options (nmap's order of
// precedence): -p alone; -p with --top-ports, the most frequent ports within the list;
// --top-ports n; -F (the top 100); else the top 1,000. tbl is the frequency table
// (portspec.LoadTable); topPorts < 0 means no --top-ports.
func SelectPorts(spec string, topPorts int, fast bool, tbl *services.Table) (portspec.List, error) {
	switch {
	case spec != "":
		ports, err := portspec.Parse(spec, tbl)
		if err != nil {
			return ports, err
		}
		if topPorts > 0 {
			return portspec.TopWithin(tbl, topPorts, ports)
		}
		return ports, nil
	case topPorts > 0:
		return portspec.Top(tbl, topPorts)
	case fast:
		return portspec.Fast(tbl), nil
	}
	return portspec.Default(tbl), nil
}

// ScanInfos are the XML <scaninfo> elements of the scan: one per scan type, with its ports
// (none for a discovery-only scan).
func (o *Options) ScanInfos() []result.ScanInfo {
	if o.PingOnly {
		return nil
	}
	var out []result.ScanInfo
	add := func(typ string, proto portspec.Protocol) {
		info := result.ScanInfo{Type: typ, Proto: proto.String()}
		for p := range o.Ports.Get(proto).All() {
			info.Ports = append(info.Ports, int(p))
		}
		out = append(out, info)
	}
	if o.TCP != 0 {
		add(o.TCP.String(), portspec.TCP)
	}
	if o.UDP {
		add(portscan.UDP.String(), portspec.UDP)
	}
	return out
}

// PortWarnings are nmap's warnings about the port list: a T: or U: part for a protocol that is
// not scanned.
func (o *Options) PortWarnings() []string {
	var out []string
	if o.Ports.Prefixed(portspec.UDP) && !o.UDP {
		out = append(out, `Your ports include "U:" but you haven't specified UDP scan with -sU.`)
	}
	if o.Ports.Prefixed(portspec.TCP) && o.TCP == 0 {
		out = append(out, `Your ports include "T:" but you haven't specified any TCP scan type.`)
	}
	return out
}

// techniqueName is nmap's name of a port scan in its -v lines.
func techniqueName(t portscan.Technique) string {
	switch t {
	case portscan.SYN:
		return "SYN Stealth Scan"
	case portscan.Connect:
		return "Connect Scan"
	case portscan.UDP:
		return "UDP Scan"
	}
	return strings.ToUpper(t.String()) + " Scan"
}

// rawScan reports whether the scan has a use for raw sockets, as nmap decides whether to
// print its "Raw packets sent" line: privileged, and a SYN or UDP scan or host discovery.
func (o *Options) rawScan() bool {
	return o.Privileged && (o.TCP == portscan.SYN || o.UDP || !o.NoPing)
}

// TimingReport is the timing the scan runs with, for -d's "Timing report": host groups (the
// port scans' at once), round-trip timeouts, scan delays, parallelism, tries, host timeout and
// rates. signet has no SCTP scan: its delay is shown as TCP's.
func (o *Options) TimingReport() *result.TimingReport {
	t := o.portTiming()
	group := o.HostGroup
	if group <= 0 {
		group = 16
	}
	return &result.TimingReport{HostGroupMin: 1, HostGroupMax: group, InitialRTT: t.InitialRTT, MinRTT: t.MinRTT,
		MaxRTT: t.MaxRTT, MaxTCPScanDelay: t.MaxTCPScanDelay, MaxUDPScanDelay: t.MaxUDPScanDelay,
		MaxSCTPScanDelay: t.MaxTCPScanDelay, MaxParallelism: o.MaxParallelism, MaxRetries: t.MaxRetries,
		HostTimeout: t.HostTimeout, MinRate: o.MinRate, MaxRate: o.MaxRate}
}

// DebugLines are signet's own details of the scan for -d, which nmap's format has no place
// for: host groups, and version detection's timing and parallelism.
func (o *Options) DebugLines() []string {
	disc := o.DiscoveryGroup
	if disc <= 0 {
		disc = map[bool]int{true: 1024, false: 256}[o.PingOnly]
	}
	group := o.HostGroup
	if group <= 0 {
		group = 16
	}
	lines := []string{fmt.Sprintf("host groups: discovery of up to %d hosts at once, port scans of %d hosts at once", disc, group)}
	if o.Version != nil {
		mode := "adaptive (parallel probes, waits fitted to the round trip)"
		adaptive := o.Version.Timing != vscan.TimingNmap
		if !adaptive {
			mode = "nmap's (one probe at a time, fixed waits)"
		}
		var names []string
		for _, d := range o.Version.Detectors {
			names = append(names, d.Name())
		}
		if names == nil {
			names = []string{"none"}
		}
		lines = append(lines, fmt.Sprintf("version detection: %s timing, %d services at once, %d connections per host at most, detectors: %s",
			mode, o.versionParallelism(adaptive), o.Version.MaxHostConns, strings.Join(names, ", ")))
	}
	return lines
}
