package output

// nmap's verbose lines (-v, -vv, -d): the events a scan reports as it goes, and the fixed
// lines around the host reports. docs/verbose.md lists every line, when nmap 7.93 prints
// it, and what signet prints instead where its engine differs; console.go orders them.

import (
	"math"
	"net/netip"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/signetscan/signet/result"
)

// EventKind says what happened in a scan.
type EventKind uint8

// Event kinds (the scan's observer uses them too).
const (
	// PhaseStart: a host group enters a phase (Group, Phase, Technique, Hosts; Ports: probes
	// per host for discovery and port scans, services for a service scan; Name and Addr
	// when the phase has one host).
	PhaseStart EventKind = iota + 1
	// PhaseEnd: the group's last host left the phase (Elapsed; the start's counts when
	// left zero; Sent and SentBytes for -d's sending rates).
	PhaseEnd
	// OpenPort: a port scan found Port/Proto on Addr in State ("" is "open").
	OpenPort
	// HostDone: Host is finished and written (Group).
	HostDone
	// Progress: a phase is Done (0..1) of the way.
	Progress
	// GroupDone: every host of Group is done; its reports may be printed.
	GroupDone
)

// Phase is a stage of a host group's scan, in nmap's order.
type Phase uint8

// Phases (the scan's observer uses them too).
const (
	Discovery   Phase = iota + 1 // "Ping Scan", "ARP Ping Scan"
	PortScan                     // "SYN Stealth Scan", "Connect Scan", "UDP Scan"
	ServiceScan                  // "Service scan"
	Resolve                      // reverse DNS: "Parallel DNS resolution of 2 hosts."
)

func (p Phase) String() string {
	switch p {
	case Discovery:
		return "discovery"
	case PortScan:
		return "port scan"
	case ServiceScan:
		return "service scan"
	case Resolve:
		return "reverse DNS"
	}
	return "?"
}

// Event is one step of a scan, as the verbose output reports it. Which fields are set
// depends on Kind.
type Event struct {
	Kind  EventKind
	Phase Phase
	Time  time.Time
	// Group numbers the host groups from 1. Phases of different groups may overlap, and so
	// may a group's phases when its hosts move through them one by one; the console keeps
	// every phase's lines together.
	Group int
	// Technique is nmap's name of the phase: "Ping Scan", "ARP Ping Scan", "SYN Stealth
	// Scan", "Connect Scan", "UDP Scan", "Service scan"; empty for Resolve.
	Technique string
	Hosts     int
	Up        int // discovery's PhaseEnd: hosts found up; Progress: the run's hosts up so far
	Ports     int // probes per host (Discovery, PortScan), services in all (ServiceScan)
	Elapsed   time.Duration

	// The one host of a phase (Addr, and Name: the target name or reverse-DNS name nmap
	// shows as "name (addr)"), and OpenPort's port.
	Addr  netip.Addr
	Name  string
	Port  uint16
	Proto string // "tcp", "udp"
	State string // OpenPort: "" for open; other states are printed with -d2

	// Progress: the fraction of the phase done; the run's hosts finished (Completed) and
	// found up (Up) so far.
	Done            float64
	Completed       int
	Sent, SentBytes int64 // PhaseEnd: probes (packets) sent and their bytes, 0 when unknown
	// Cut: at PhaseEnd, the run was stopped (an interrupt) before the phase completed; no
	// "Completed" line is printed for it, as nmap, stopped, prints none.
	Cut bool

	Host *result.Host // HostDone
	// Index is HostDone's host's place in the target order, from 0: nmap reports a group's
	// hosts in that order, whichever finished first.
	Index int
}

// clock is nmap's "%02d:%02d" of the local hour and minute.
func clock(t time.Time, loc *time.Location) string { return t.In(loc).Format("15:04") }

// elapsedSeconds is nmap's "%.2f" of a duration counted in whole milliseconds.
func elapsedSeconds(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Milliseconds())/1000, 'f', 2, 64)
}

// plural is "s" unless n is 1.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// nameIP is nmap's "name (addr)", or the address alone.
func nameIP(name string, a netip.Addr) string {
	if name != "" {
		return name + " (" + a.String() + ")"
	}
	return a.String()
}

// taskName is the name of a phase in its Initiating and Completed lines.
func taskName(e Event) string {
	if e.Phase == Resolve {
		return "Parallel DNS resolution of " + strconv.Itoa(e.Hosts) + " host" + plural(e.Hosts) + "."
	}
	if e.Technique == "" && e.Phase == ServiceScan {
		return "Service scan"
	}
	return e.Technique
}

// startLines are a phase's first lines: "Initiating X at 12:28" and, but for reverse DNS,
// what it covers: "Scanning localhost (127.0.0.1) [3 ports]", "Scanning 2 hosts [3
// ports/host]", "Scanning 3 services on localhost (127.0.0.1)". A service scan with no
// service prints its Initiating line alone, as nmap 7.93 does.
func startLines(e Event, loc *time.Location) string {
	s := "Initiating " + taskName(e) + " at " + clock(e.Time, loc) + "\n"
	target := strconv.Itoa(e.Hosts) + " hosts"
	if e.Hosts == 1 {
		target = nameIP(e.Name, e.Addr)
	}
	switch e.Phase {
	case Discovery, PortScan:
		s += "Scanning " + target + " [" + strconv.Itoa(e.Ports) + " port" + plural(e.Ports)
		if e.Hosts != 1 {
			s += "/host"
		}
		s += "]\n"
	case ServiceScan:
		if e.Ports > 0 {
			s += "Scanning " + strconv.Itoa(e.Ports) + " service" + plural(e.Ports) + " on " + target + "\n"
		}
	}
	return s
}

// endLine is a phase's "Completed X at 12:28, 0.03s elapsed (…)", or "" for a service scan
// that had no service.
func endLine(e Event, loc *time.Location) string {
	s := "Completed " + taskName(e) + " at " + clock(e.Time, loc) + ", " + elapsedSeconds(e.Elapsed) + "s elapsed"
	switch e.Phase {
	case Discovery:
		s += " (" + strconv.Itoa(e.Hosts) + " total hosts)"
	case PortScan:
		s += " (" + strconv.Itoa(e.Hosts*e.Ports) + " total ports)"
	case ServiceScan:
		if e.Ports == 0 {
			return ""
		}
		s += " (" + strconv.Itoa(e.Ports) + " service" + plural(e.Ports) + " on " + strconv.Itoa(e.Hosts) + " host" + plural(e.Hosts) + ")"
	}
	return s + "\n"
}

// portLine is "Discovered open port 22/tcp on 127.0.0.1".
func portLine(e Event) string {
	state := e.State
	if state == "" {
		state = "open"
	}
	return "Discovered " + state + " port " + strconv.Itoa(int(e.Port)) + "/" + e.Proto + " on " + e.Addr.String() + "\n"
}

// sendingRates is -d's "Overall sending rates: 2054.79 packets / s." after a discovery or
// port scan phase; raw scans add the bytes.
func sendingRates(e Event) string {
	secs := e.Elapsed.Seconds()
	if e.Sent <= 0 || secs <= 0 {
		return ""
	}
	s := "Overall sending rates: " + strconv.FormatFloat(float64(e.Sent)/secs, 'f', 2, 64) + " packets / s"
	if e.SentBytes > 0 {
		s += ", " + strconv.FormatFloat(float64(e.SentBytes)/secs, 'f', 2, 64) + " bytes / s"
	}
	return s + ".\n"
}

// meter decides when a long phase prints "X Timing: About N% done; ETC: …", with nmap's
// rules: never in its first 30 seconds, at most every 30 seconds, not when under 30 seconds
// are left, and again only when the last estimate has passed or moved by more than 15
// seconds and 5% of the phase's estimated length (always, with -d). Times count in whole
// seconds, as nmap's do.
type meter struct {
	begin, lastPrint, lastTest, lastEst int64 // Unix seconds; 0 = never
}

// line returns the progress line to print at now for done (0..1) of the phase, or "".
func (m *meter) line(task string, done float64, now time.Time, debugging bool, loc *time.Location) string {
	t := now.Unix()
	if m.lastPrint == 0 {
		if t-m.begin <= 30 {
			return ""
		}
	} else if t-m.lastTest < 3 || t-m.lastPrint < 30 {
		return ""
	}
	m.lastTest = t
	if done <= 0.003 || done > 1 || math.IsNaN(done) {
		return ""
	}
	used := float64(t - m.begin)
	left := used/done - used
	if left < 30 {
		return ""
	}
	if m.lastEst != 0 && t <= m.lastEst {
		prevLeft := float64(m.lastEst - m.lastPrint)
		prevTotal := float64(m.lastEst - m.begin)
		change := math.Abs(prevLeft - left)
		if !debugging && (change <= 15 || change <= 0.05*prevTotal) {
			return ""
		}
	}
	m.lastPrint = t
	if done < 0.01 {
		return timingLine(task, done, 0, 0, loc)
	}
	left += 0.5
	m.lastEst = t + int64(left)
	return timingLine(task, done, left, m.lastEst, loc)
}

// now is the progress line nmap prints when asked (--stats-every, a key pressed): at once,
// with the time used counted in milliseconds; it counts as the meter's last line.
func (m *meter) now(task string, done float64, begin, now time.Time, loc *time.Location) string {
	m.lastPrint = now.Unix()
	left, ok := remaining(done, begin, now)
	if !ok {
		return timingLine(task, done, 0, 0, loc)
	}
	m.lastEst = now.Unix() + int64(left)
	return timingLine(task, done, left, m.lastEst, loc)
}

// timingLine is "Connect Scan Timing: About 40.26% done; ETC: 12:46 (0:00:46 remaining)", or
// without the estimate when etc is 0: left is in seconds, etc in Unix seconds.
func timingLine(task string, done, left float64, etc int64, loc *time.Location) string {
	pct := strconv.FormatFloat(done*100, 'f', 2, 64)
	if etc == 0 {
		return task + " Timing: About " + pct + "% done\n"
	}
	h, rest := math.Floor(left/3600), math.Mod(left, 3600)
	return task + " Timing: About " + pct + "% done; ETC: " + time.Unix(etc, 0).In(loc).Format("15:04") + " (" +
		strconv.Itoa(int(h)) + ":" + two(math.Floor(rest/60)) + ":" + two(math.Floor(math.Mod(left, 60))) + " remaining)\n"
}

func two(f float64) string {
	s := strconv.Itoa(int(f))
	if len(s) < 2 {
		s = "0" + s
	}
	return s
}

// topPortsLine is -d's "PORTS: Using top 1000 ports found open (TCP:1000, UDP:0, SCTP:0)"
// on the terminal, for a scan of the most frequent ports.
func topPortsLine(run *result.Run) string {
	count := map[string]int{}
	for _, s := range run.Scans {
		count[s.Proto] = max(count[s.Proto], len(s.Ports))
	}
	return "PORTS: Using top " + strconv.Itoa(run.TopPorts) + " ports found open (TCP:" + strconv.Itoa(count["tcp"]) +
		", UDP:" + strconv.Itoa(count["udp"]) + ", SCTP:" + strconv.Itoa(count["sctp"]) + ")\n"
}

// TimingReport is -d's block after the header, in the normal output and -oN:
// "--------------- Timing report ---------------", then host groups, round-trip timeouts
// and scan delays in milliseconds, parallelism, tries and rates.
func TimingReport(t *result.TimingReport) string {
	ms := func(d time.Duration) string { return strconv.FormatInt(d.Milliseconds(), 10) }
	itoa := strconv.Itoa
	rate := func(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
	return "--------------- Timing report ---------------\n" +
		"  hostgroups: min " + itoa(t.HostGroupMin) + ", max " + itoa(t.HostGroupMax) + "\n" +
		"  rtt-timeouts: init " + ms(t.InitialRTT) + ", min " + ms(t.MinRTT) + ", max " + ms(t.MaxRTT) + "\n" +
		"  max-scan-delay: TCP " + ms(t.MaxTCPScanDelay) + ", UDP " + ms(t.MaxUDPScanDelay) + ", SCTP " + ms(t.MaxSCTPScanDelay) + "\n" +
		"  parallelism: min " + itoa(t.MinParallelism) + ", max " + itoa(t.MaxParallelism) + "\n" +
		"  max-retries: " + itoa(t.MaxRetries) + ", host-timeout: " + ms(t.HostTimeout) + "\n" +
		"  min-rate: " + rate(t.MinRate) + ", max-rate: " + rate(t.MaxRate) + "\n" +
		"---------------------------------------------\n"
}

// FinalTimes is -d's "Final times for host: srtt: 1145 rttvar: 3128  to: 100000", in
// microseconds, at the end of an up host's report on the terminal.
func FinalTimes(t *result.Times) string {
	us := func(d time.Duration) string { return strconv.FormatInt(d.Microseconds(), 10) }
	return "Final times for host: srtt: " + us(t.SRTT) + " rttvar: " + us(t.RTTVar) + "  to: " + us(t.Timeout) + "\n"
}

// RawPackets is -v's "Raw packets sent: 4 (160B) | Rcvd: 4 (160B)" under the done line.
func RawPackets(p *result.PacketStats) string {
	return "Raw packets sent: " + strconv.FormatInt(p.Sent, 10) + " (" + byteCount(p.SentBytes) + ") | Rcvd: " +
		strconv.FormatInt(p.Rcvd, 10) + " (" + byteCount(p.RcvdBytes) + ")"
}

// byteCount is nmap's short byte count: 160B, 29.930KB, 1.204MB (powers of 1000).
func byteCount(n int64) string {
	switch {
	case n < 1000:
		return strconv.FormatInt(n, 10) + "B"
	case n < 1000000:
		return strconv.FormatFloat(float64(n)/1000, 'f', 3, 64) + "KB"
	}
	return strconv.FormatFloat(float64(n)/1000000, 'f', 3, 64) + "MB"
}

// DataFilesRead is the line(s) naming the data files the run read, before the closing
// remark, in the normal output and -oN: with -v, "Read data files from: DIR" when they all
// came from one folder; with -d, or whenever they came from several folders, "Read from
// DIR: file file." for each folder; with -d and no file, "No data files read.".
func DataFilesRead(run *result.Run) string {
	type file struct{ dir, name string }
	seen := map[file]bool{}
	var files []file
	for _, p := range run.DataFiles {
		f := file{filepath.Dir(p), filepath.Base(p)}
		if !seen[f] {
			seen[f] = true
			files = append(files, f)
		}
	}
	sort.Slice(files, func(i, j int) bool {
		if files[i].dir != files[j].dir {
			return files[i].dir < files[j].dir
		}
		return files[i].name < files[j].name
	})
	dirs := 0
	for i, f := range files {
		if i == 0 || f.dir != files[i-1].dir {
			dirs++
		}
	}
	switch {
	case dirs == 0:
		if run.Debugging > 0 {
			return "No data files read.\n"
		}
		return ""
	case dirs == 1 && verbosity(run) > 0 && run.Debugging == 0:
		return "Read data files from: " + files[0].dir + "\n"
	case dirs == 1 && run.Debugging == 0:
		return ""
	}
	var b strings.Builder
	for i, f := range files {
		if i == 0 || f.dir != files[i-1].dir {
			if i > 0 {
				b.WriteString(".\n")
			}
			b.WriteString("Read from " + f.dir + ":")
		}
		b.WriteString(" " + f.name)
	}
	b.WriteString(".\n")
	return b.String()
}
