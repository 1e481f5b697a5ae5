package output

import (
	"bytes"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/nmapnorm"
	"github.com/signetscan/signet/result"
)

// The goldens of testdata/verbose are nmap 7.93's own output for scans of fixture services
// (scripts/record-verbose.sh records them; docs/verbose.md describes the setup). Each one has a
// tape here: the events and hosts signet's engine reports for the same scan. The console
// (stdout) and the -oN writer must print from the tape what nmap printed, once both are
// normalised (times, counts that depend on timing, and the lines signet leaves out by design:
// internal/nmapnorm).

// tape is a scripted scan: events and finished hosts, in the order the engine reports them.
type tape struct {
	now   time.Time
	run   *result.Run
	steps []any // Event or *result.Host
	end   *result.RunEnd
	args  []string
}

func (tp *tape) has(flag string) bool { return slices.Contains(tp.args, flag) }

func (tp *tape) tick(d time.Duration) { tp.now = tp.now.Add(d) }

func (tp *tape) ev(e Event) {
	if e.Time.IsZero() {
		e.Time = tp.now
	}
	tp.steps = append(tp.steps, e)
}

// phase reports a phase that lasts d, with what happens meanwhile.
func (tp *tape) phase(e Event, d time.Duration, during func()) {
	e.Kind = PhaseStart
	tp.ev(e)
	if during != nil {
		during()
	}
	tp.tick(d)
	end := Event{Kind: PhaseEnd, Group: e.Group, Phase: e.Phase, Technique: e.Technique, Addr: e.Addr, Elapsed: d}
	if e.Phase == Discovery || e.Phase == PortScan {
		// Probes sent: a connect scan counts its connects, a raw one its packets and bytes.
		end.Sent = int64(max(1, e.Hosts*e.Ports))
		if e.Technique != "Connect Scan" && e.Technique != "Ping Scan" {
			end.SentBytes = 44 * end.Sent
		}
	}
	tp.ev(end)
}

// host is a target as the engine knows it.
type host struct {
	addr netip.Addr
	name string // reverse-DNS name
	up   bool
	open []int // open TCP ports
	udp  []int // open UDP ports
}

func (h host) result() *result.Host {
	r := &result.Host{Addr: h.addr.String(), Hostname: h.name, Status: result.HostUp, Reason: "syn-ack",
		Times: &result.Times{SRTT: 170 * time.Microsecond, RTTVar: 3 * time.Millisecond, Timeout: 100 * time.Millisecond}}
	if !h.up {
		r.Status, r.Reason, r.Times = result.HostDown, "no-response", nil
	}
	for _, p := range h.open {
		r.Ports = append(r.Ports, &result.Port{Number: p, Proto: "tcp", State: "open", Reason: "syn-ack",
			Service: &result.Service{Name: "svc", Method: result.MethodTable, Conf: 3}})
	}
	for _, p := range h.udp {
		r.Ports = append(r.Ports, &result.Port{Number: p, Proto: "udp", State: "open", Reason: "udp-response"})
	}
	return r
}

func single(hs []host) (string, netip.Addr) {
	if len(hs) == 1 {
		return hs[0].name, hs[0].addr
	}
	return "", netip.Addr{}
}

// scan reports one host group through nmap's phases: discovery (tech "" for none), reverse
// DNS of the up hosts, the down hosts' reports, the port scans, the service scan, and the up
// hosts' reports.
func (tp *tape) scan(g int, discovery string, probes int, hs []host, techs []string, ports int) {
	var up []host
	for _, h := range hs {
		if h.up {
			up = append(up, h)
		}
	}
	if discovery != "" {
		// Before reverse DNS, a host has only the name it was given (none here).
		_, addr := single(hs)
		tp.phase(Event{Group: g, Phase: Discovery, Technique: discovery, Hosts: len(hs), Ports: probes, Addr: addr}, 1200*time.Millisecond, nil)
		if discovery == "ARP Ping Scan" && len(up) > 0 {
			// The MAC address's maker comes from nmap-mac-prefixes.
			tp.run.DataFiles = append(tp.run.DataFiles, "/usr/share/nmap/nmap-mac-prefixes")
		}
	}
	if !tp.has("-n") && len(up) > 0 && up[0].name != "" && up[0].name != "localhost" {
		tp.phase(Event{Group: g, Phase: Resolve, Hosts: len(up)}, 3*time.Millisecond, nil)
	}
	for _, h := range hs {
		if !h.up {
			r := h.result()
			tp.steps = append(tp.steps, r)
			tp.ev(Event{Kind: HostDone, Group: g, Host: r})
		}
	}
	if len(up) == 0 {
		tp.ev(Event{Kind: GroupDone, Group: g})
		return
	}
	name, addr := single(up)
	services := 0
	for _, tech := range techs {
		n := ports
		if n == 0 { // lo-sU-v: -p U:53,54,T:22,25,80
			n = map[bool]int{true: 2, false: 3}[tech == "UDP Scan"]
		}
		tp.phase(Event{Group: g, Phase: PortScan, Technique: tech, Hosts: len(up), Ports: n, Addr: addr, Name: name}, 10*time.Millisecond, func() {
			for _, h := range up {
				list, proto := h.open, "tcp"
				if tech == "UDP Scan" {
					list, proto = h.udp, "udp"
				}
				for _, p := range list {
					tp.ev(Event{Kind: OpenPort, Group: g, Addr: h.addr, Port: uint16(p), Proto: proto})
					services++
				}
			}
		})
	}
	if tp.run.VersionScan {
		tp.phase(Event{Group: g, Phase: ServiceScan, Technique: "Service scan", Hosts: len(up), Ports: services, Addr: addr, Name: name}, 6*time.Second, nil)
	}
	for _, h := range up {
		r := h.result()
		tp.steps = append(tp.steps, r)
		tp.ev(Event{Kind: HostDone, Group: g, Host: r})
	}
	tp.ev(Event{Kind: GroupDone, Group: g})
}

var (
	lo      = netip.MustParseAddr("127.0.0.1")
	web     = host{addr: netip.MustParseAddr("10.99.0.2"), name: "web.example.test", up: true, open: []int{22, 25, 80}}
	mail    = host{addr: netip.MustParseAddr("10.99.0.3"), name: "mail.example.test", up: true, open: []int{22, 25, 80}}
	gone    = host{addr: netip.MustParseAddr("10.99.0.4")}
	local   = host{addr: lo, name: "localhost", up: true, open: []int{22, 25, 80}}
	techSYN = []string{"SYN Stealth Scan"}
	techCon = []string{"Connect Scan"}
)

// tapes are the engine's side of each recorded scan.
var tapes = map[string]func(tp *tape){
	"lo-sT-v":      func(tp *tape) { tp.scan(1, "", 0, []host{local}, techCon, 3) },
	"lo-sT-quiet":  func(tp *tape) { tp.scan(1, "", 0, []host{local}, techCon, 3) },
	"lo-sT-vv":     func(tp *tape) { tp.scan(1, "", 0, []host{local}, techCon, 3) },
	"lo-sT-d":      func(tp *tape) { tp.scan(1, "", 0, []host{local}, techCon, 3) },
	"lo-sS-v":      func(tp *tape) { tp.scan(1, "", 0, []host{local}, techSYN, 3) },
	"lo-sT-v-n-Pn": func(tp *tape) { h := local; h.name = ""; tp.scan(1, "", 0, []host{h}, techCon, 3) },
	// Without root, nmap pings even its own loopback (connects to 80 and 443).
	"lo-sT-v-unpriv": func(tp *tape) { tp.scan(1, "Ping Scan", 2, []host{local}, techCon, 3) },
	// nmap scans UDP before it connects.
	"lo-sU-v": func(tp *tape) {
		h := local
		h.udp = []int{53}
		tp.scan(1, "", 0, []host{h}, []string{"UDP Scan", "Connect Scan"}, 0)
	},
	"lo-sT-v-1svc": func(tp *tape) { h := local; h.open = []int{22}; tp.scan(1, "", 0, []host{h}, techCon, 1) },
	"lo-sT-v-none": func(tp *tape) { h := local; h.open = nil; tp.scan(1, "", 0, []host{h}, techCon, 2) },
	"lo-top-v":     func(tp *tape) { tp.scan(1, "", 0, []host{local}, techCon, 1000) },
	"lo-top-d":     func(tp *tape) { tp.scan(1, "", 0, []host{local}, techCon, 1000) },
	"lo-P0-v":      func(tp *tape) { h := local; h.open = []int{22}; tp.scan(1, "", 0, []host{h}, techCon, 1) },
	"lo-PN-vv":     func(tp *tape) { h := local; h.open = []int{22}; tp.scan(1, "", 0, []host{h}, techCon, 1) },
	"lo-P0-quiet":  func(tp *tape) { h := local; h.open = []int{22}; tp.scan(1, "", 0, []host{h}, techCon, 1) },
	"net-sS-v":     func(tp *tape) { tp.scan(1, "ARP Ping Scan", 1, []host{web}, techSYN, 3) },
	"net-sS-vv":    func(tp *tape) { tp.scan(1, "ARP Ping Scan", 1, []host{web}, techSYN, 3) },
	"net-sS-d":     func(tp *tape) { tp.scan(1, "ARP Ping Scan", 1, []host{web}, techSYN, 3) },
	"net-sT-v":     func(tp *tape) { tp.scan(1, "Ping Scan", 2, []host{web}, techCon, 3) },
	// -Pn still resolves the MAC address of a host on the segment by ARP.
	"net-P0-n-v":      func(tp *tape) { h := web; h.name = ""; tp.scan(1, "ARP Ping Scan", 1, []host{h}, techSYN, 3) },
	"net-multi-v":     func(tp *tape) { tp.scan(1, "ARP Ping Scan", 1, []host{web, mail, gone}, techSYN, 3) },
	"net-multi-sT-v":  func(tp *tape) { tp.scan(1, "Ping Scan", 2, []host{web, mail, gone}, techCon, 3) },
	"net-multi-sT-vv": func(tp *tape) { tp.scan(1, "Ping Scan", 2, []host{web, mail, gone}, techCon, 3) },
	"net-down-v":      func(tp *tape) { tp.scan(1, "ARP Ping Scan", 1, []host{gone}, nil, 3) },
	"net-down-sT-v":   func(tp *tape) { tp.scan(1, "Ping Scan", 2, []host{gone}, nil, 3) },
	"net-down-open-v": func(tp *tape) { tp.scan(1, "ARP Ping Scan", 1, []host{gone}, nil, 1) },
	"net-long-sT-v": func(tp *tape) {
		tp.phase(Event{Group: 1, Phase: Discovery, Technique: "Ping Scan", Hosts: 1, Ports: 2, Addr: web.addr}, 10*time.Millisecond, nil)
		tp.phase(Event{Group: 1, Phase: Resolve, Hosts: 1}, time.Millisecond, nil)
		// 75 seconds, with progress every second: one "Timing: About" line, after 30 s.
		tp.phase(Event{Group: 1, Phase: PortScan, Technique: "Connect Scan", Hosts: 1, Ports: 30000, Addr: web.addr, Name: web.name}, 0, func() {
			for _, p := range web.open {
				tp.ev(Event{Kind: OpenPort, Group: 1, Addr: web.addr, Port: uint16(p), Proto: "tcp"})
			}
			for s := 1; s < 75; s++ {
				tp.tick(time.Second)
				tp.ev(Event{Kind: Progress, Group: 1, Phase: PortScan, Technique: "Connect Scan", Done: float64(s) / 75})
			}
			tp.tick(time.Second)
		})
		r := web.result()
		tp.steps = append(tp.steps, r)
		tp.ev(Event{Kind: HostDone, Group: 1, Host: r})
		tp.ev(Event{Kind: GroupDone, Group: 1})
	},
}

// newTape sets up the run of a recorded nmap command line as signet's command would.
func newTape(cmd string) *tape {
	args := strings.Fields(cmd)[1:]
	t0 := time.Date(2026, 12, 6, 12, 42, 0, 0, time.UTC)
	tp := &tape{now: t0, args: args}
	run := &result.Run{Version: "0.1.0", Args: append([]string{"signet"}, args...), Start: t0}
	for _, a := range args {
		switch {
		case a == "-sV":
			run.VersionScan = true
		case a == "-Pn" || a == "-P0" || a == "-PN":
			run.NoPing = true
		case strings.HasPrefix(a, "-v"):
			run.Verbose += len(a) - 1
		case strings.HasPrefix(a, "-d"):
			run.Debugging += len(a) - 1
		case a == "--open":
			// the engine leaves out a down host's report
		}
	}
	run.Verbose = max(run.Verbose, run.Debugging)
	run.DataFiles = []string{"/usr/share/nmap/nmap-services"}
	if run.VersionScan {
		run.DataFiles = append(run.DataFiles, "/usr/share/nmap/nmap-service-probes")
	}
	if !slices.ContainsFunc(args, func(a string) bool { return strings.HasPrefix(a, "-p") && a != "-P0" }) {
		run.TopPorts = 1000
		run.Scans = []result.ScanInfo{{Type: result.ScanConnect, Proto: "tcp", Ports: make([]int, 1000)}}
	}
	if run.Debugging > 0 {
		// nmap's -T3 values, which signet's -T3 shares.
		run.Timing = &result.TimingReport{HostGroupMin: 1, HostGroupMax: 100000, InitialRTT: time.Second,
			MinRTT: 100 * time.Millisecond, MaxRTT: 10 * time.Second, MaxTCPScanDelay: time.Second,
			MaxUDPScanDelay: time.Second, MaxSCTPScanDelay: time.Second, MaxRetries: 10}
	}
	tp.run = run
	return tp
}

// play runs a tape through a writer and, when it is a console, its events.
func (tp *tape) play(w Writer) {
	w.Begin(tp.run)
	c, _ := w.(*Console)
	for _, s := range tp.steps {
		switch s := s.(type) {
		case Event:
			if c != nil {
				c.Event(s)
			}
		case *result.Host:
			if s.Status == result.HostUp || !tp.has("--open") {
				w.Host(s)
			}
		}
	}
	w.End(tp.end)
}

// finish completes the tape's run record from its hosts, as the engine counts them.
func (tp *tape) finish() {
	end := &result.RunEnd{Time: tp.now, Elapsed: tp.now.Sub(tp.run.Start), Exit: result.ExitSuccess}
	for _, s := range tp.steps {
		if h, ok := s.(*result.Host); ok {
			end.HostsTotal++
			if h.Status == result.HostUp {
				end.HostsUp++
			} else {
				end.HostsDown++
			}
		}
	}
	// Raw sockets: as root, for discovery (unless -Pn) and for SYN and UDP scans.
	synOrUDP := !tp.has("-sT") || tp.has("-sU")
	if !tp.has("--unprivileged") && (!tp.run.NoPing || synOrUDP) {
		end.Raw = &result.PacketStats{}
	}
	tp.end = end
}

func readGolden(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "verbose", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestVerboseGoldens(t *testing.T) {
	cmds, _ := filepath.Glob(filepath.Join("testdata", "verbose", "*.cmd"))
	if len(cmds) < 20 {
		t.Fatalf("%d recorded scans in testdata/verbose, want the 20 or more of scripts/record-verbose.sh", len(cmds))
	}
	for _, path := range cmds {
		name := strings.TrimSuffix(filepath.Base(path), ".cmd")
		t.Run(name, func(t *testing.T) {
			build := tapes[name]
			if build == nil {
				t.Fatalf("no tape for the recorded scan %s: add one to tapes", name)
			}
			cmd, _, _ := strings.Cut(readGolden(t, name+".cmd"), "\n")
			tp := newTape(cmd)
			build(tp)
			tp.finish()
			opt := nmapnorm.Options{Reports: true}

			var stdout bytes.Buffer
			tp.play(NewConsole(&stdout, time.UTC))
			compare(t, "stdout", nmapnorm.Normalize(readGolden(t, name+".out"), opt), nmapnorm.Normalize(stdout.String(), opt))

			var file bytes.Buffer
			tp.play(NewNormal(&file, LogFile))
			compare(t, "-oN", nmapnorm.Normalize(readGolden(t, name+".nmap"), opt), nmapnorm.Normalize(file.String(), opt))
		})
	}
}

func compare(t *testing.T, what, want, got string) {
	t.Helper()
	if want != got {
		t.Errorf("%s differs from nmap's (normalised):\n%s\n--- nmap:\n%s--- signet:\n%s", what, firstDiff(want, got), want, got)
	}
}
