package output

import (
	"bytes"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/nmapnorm"
	"github.com/signetscan/signet/result"
)

// A pipelined engine reports in another order than nmap: a host's service scan starts while
// the group's port scan goes on, a host finishes before the group's service scan has even
// begun. The console still prints nmap's order (net-multi-sT-v.out).
func TestConsolePipelined(t *testing.T) {
	tp := newTape(strings.TrimSpace(readGolden(t, "net-multi-sT-v.cmd")))
	g := 1
	tp.phase(Event{Group: g, Phase: Discovery, Technique: "Ping Scan", Hosts: 3, Ports: 2}, time.Second, nil)
	tp.phase(Event{Group: g, Phase: Resolve, Hosts: 2}, time.Millisecond, nil)
	down := gone.result()
	tp.steps = append(tp.steps, down)
	tp.ev(Event{Kind: HostDone, Group: g, Host: down})

	a, b := web.result(), mail.result()
	tp.ev(Event{Kind: PhaseStart, Group: g, Phase: PortScan, Technique: "Connect Scan", Hosts: 2, Ports: 3})
	for _, p := range web.open {
		tp.ev(Event{Kind: OpenPort, Group: g, Addr: web.addr, Port: uint16(p), Proto: "tcp"})
	}
	// web's services are probed, and web is done, while mail's ports are still scanned.
	tp.tick(time.Second)
	tp.steps = append(tp.steps, a)
	tp.ev(Event{Kind: HostDone, Group: g, Host: a})
	for _, p := range mail.open {
		tp.ev(Event{Kind: OpenPort, Group: g, Addr: mail.addr, Port: uint16(p), Proto: "tcp"})
	}
	tp.ev(Event{Kind: PhaseEnd, Group: g, Phase: PortScan, Technique: "Connect Scan"})
	tp.ev(Event{Kind: PhaseStart, Group: g, Phase: ServiceScan, Technique: "Service scan", Hosts: 2, Ports: 6})
	// The next group's discovery begins meanwhile: its lines wait for the service scan.
	tp.ev(Event{Kind: PhaseStart, Group: 2, Phase: Discovery, Technique: "Ping Scan", Hosts: 1, Ports: 2, Addr: netip.MustParseAddr("10.99.0.9")})
	tp.tick(5 * time.Second)
	tp.ev(Event{Kind: PhaseEnd, Group: g, Phase: ServiceScan, Technique: "Service scan"})
	tp.steps = append(tp.steps, b)
	tp.ev(Event{Kind: HostDone, Group: g, Host: b})
	tp.ev(Event{Kind: GroupDone, Group: g})
	tp.finish()

	var out bytes.Buffer
	tp.play(NewConsole(&out, time.UTC))
	opt := nmapnorm.Options{Reports: true}
	want := nmapnorm.Normalize(readGolden(t, "net-multi-sT-v.out"), opt)
	// The second group's discovery never ended: End prints what it had, after the first
	// group's lines (which end with its two reports).
	extra := "Initiating Ping Scan at HH:MM\nScanning 10.99.0.9 [2 ports]\n"
	i := strings.Index(want, "Read data files from:")
	want = want[:i] + extra + want[i:]
	compare(t, "pipelined", want, nmapnorm.Normalize(out.String(), opt))
}

// A phase that starts while another prints keeps its lines together, after the other's.
func TestConsoleKeepsPhasesApart(t *testing.T) {
	var out bytes.Buffer
	c := NewConsole(&out, time.UTC)
	c.Begin(&result.Run{Version: "0.1.0", Verbose: 1, Start: time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)})
	t0 := time.Date(2026, 12, 6, 12, 1, 0, 0, time.UTC)
	a := netip.MustParseAddr("10.0.0.1")
	c.Event(Event{Kind: PhaseStart, Time: t0, Group: 1, Phase: PortScan, Technique: "Connect Scan", Hosts: 1, Ports: 2, Addr: a})
	c.Event(Event{Kind: PhaseStart, Time: t0, Group: 1, Phase: PortScan, Technique: "UDP Scan", Hosts: 1, Ports: 1, Addr: a})
	c.Event(Event{Kind: OpenPort, Group: 1, Addr: a, Port: 53, Proto: "udp"})
	c.Event(Event{Kind: OpenPort, Group: 1, Addr: a, Port: 22, Proto: "tcp"})
	c.Event(Event{Kind: PhaseEnd, Time: t0.Add(time.Second), Group: 1, Phase: PortScan, Technique: "UDP Scan"})
	mid := out.String()
	c.Event(Event{Kind: OpenPort, Group: 1, Addr: a, Port: 23, Proto: "tcp", State: "closed"}) // -d2 only
	c.Event(Event{Kind: PhaseEnd, Time: t0.Add(2 * time.Second), Group: 1, Phase: PortScan, Technique: "Connect Scan", Sent: 2})
	c.Event(Event{Kind: PhaseEnd, Group: 9, Phase: PortScan, Technique: "Connect Scan"}) // never started: nothing
	want := "Initiating Connect Scan at 12:01\n" +
		"Scanning 10.0.0.1 [2 ports]\n" +
		"Discovered open port 22/tcp on 10.0.0.1\n" +
		"Completed Connect Scan at 12:01, 2.00s elapsed (2 total ports)\n" +
		"Initiating UDP Scan at 12:01\n" +
		"Scanning 10.0.0.1 [1 port]\n" +
		"Discovered open port 53/udp on 10.0.0.1\n" +
		"Completed UDP Scan at 12:01, 1.00s elapsed (1 total ports)\n"
	got := out.String()[strings.Index(out.String(), "\n")+1:]
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(mid, "UDP") {
		t.Errorf("the UDP scan's lines came out inside the connect scan's:\n%s", mid)
	}
}

// With -d2 every port's state is reported, and the sending rates follow each scan.
func TestConsoleDebugLines(t *testing.T) {
	var out bytes.Buffer
	c := NewConsole(&out, time.UTC)
	c.Begin(&result.Run{Version: "0.1.0", Debugging: 2, Start: time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)})
	t0 := time.Date(2026, 12, 6, 12, 1, 0, 0, time.UTC)
	a := netip.MustParseAddr("::1")
	c.Event(Event{Kind: PhaseStart, Time: t0, Group: 1, Phase: PortScan, Technique: "SYN Stealth Scan", Hosts: 1, Ports: 2, Addr: a})
	c.Event(Event{Kind: OpenPort, Group: 1, Addr: a, Port: 23, Proto: "tcp", State: "closed"})
	c.Event(Event{Kind: PhaseEnd, Time: t0.Add(2 * time.Second), Group: 1, Phase: PortScan, Technique: "SYN Stealth Scan", Sent: 3, SentBytes: 132})
	for _, want := range []string{
		"Discovered closed port 23/tcp on ::1\n",
		"Completed SYN Stealth Scan at 12:01, 2.00s elapsed (2 total ports)\nOverall sending rates: 1.50 packets / s, 66.00 bytes / s.\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("lacks %q:\n%s", want, out.String())
		}
	}
}

// Without -v the console is the plain normal output: no phase lines, hosts as they come.
func TestConsoleQuiet(t *testing.T) {
	var quiet, normal bytes.Buffer
	tp := newTape(strings.TrimSpace(readGolden(t, "net-multi-v.cmd")))
	tp.run.Verbose = 0
	tapes["net-multi-v"](tp)
	tp.finish()
	tp.play(NewConsole(&quiet, time.UTC))
	tp.play(NewNormal(&normal, Interactive))
	if quiet.String() != normal.String() {
		t.Errorf("console without -v:\n%s\nnormal:\n%s", quiet.String(), normal.String())
	}
	if strings.Contains(quiet.String(), "Initiating") {
		t.Errorf("phase lines without -v:\n%s", quiet.String())
	}
}

// A run cut short still prints the lines it held, then the error.
func TestConsoleInterrupted(t *testing.T) {
	var out bytes.Buffer
	c := NewConsole(&out, time.UTC)
	t0 := time.Date(2026, 12, 6, 12, 1, 0, 0, time.UTC)
	c.Begin(&result.Run{Version: "0.1.0", Verbose: 1, Start: t0})
	c.Event(Event{Kind: PhaseStart, Time: t0, Group: 1, Phase: PortScan, Technique: "Connect Scan", Hosts: 2, Ports: 1000})
	c.Event(Event{Kind: PhaseStart, Time: t0, Group: 1, Phase: ServiceScan, Technique: "Service scan", Hosts: 1, Ports: 1, Addr: netip.MustParseAddr("10.0.0.1")})
	h := web.result()
	c.Host(h)
	c.Event(Event{Kind: HostDone, Group: 1, Host: h})
	c.End(&result.RunEnd{Exit: result.ExitError, ErrorMsg: "Interrupted by user"})
	for _, want := range []string{"Scanning 2 hosts [1000 ports/host]\nInitiating Service scan at 12:01\nScanning 1 service on 10.0.0.1\nNmap scan report for web.example.test (10.99.0.2)\n", "Interrupted by user\nQUITTING!\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("lacks %q:\n%s", want, out.String())
		}
	}
}

// Events and hosts from many goroutines (go test -race).
func TestConsoleConcurrent(t *testing.T) {
	var out bytes.Buffer
	c := NewConsole(&out, time.UTC)
	c.Begin(&result.Run{Version: "0.1.0", Verbose: 1})
	var wg sync.WaitGroup
	for g := 1; g <= 8; g++ {
		wg.Go(func() {
			a := netip.AddrFrom4([4]byte{10, 0, 0, byte(g)})
			c.Event(Event{Kind: PhaseStart, Group: g, Phase: PortScan, Technique: "Connect Scan", Hosts: 1, Ports: 1, Addr: a})
			c.Event(Event{Kind: OpenPort, Group: g, Addr: a, Port: 22, Proto: "tcp"})
			c.Event(Event{Kind: Progress, Group: g, Phase: PortScan, Technique: "Connect Scan", Done: 0.5})
			c.Event(Event{Kind: PhaseEnd, Group: g, Phase: PortScan, Technique: "Connect Scan"})
			h := &result.Host{Addr: a.String(), Status: result.HostUp}
			c.Host(h)
			c.Event(Event{Kind: HostDone, Group: g, Host: h})
			c.Event(Event{Kind: GroupDone, Group: g})
		})
	}
	wg.Wait()
	c.End(&result.RunEnd{HostsUp: 8, HostsTotal: 8})
	if n := strings.Count(out.String(), "Completed Connect Scan"); n != 8 {
		t.Errorf("%d Completed lines, want 8:\n%s", n, out.String())
	}
	if n := strings.Count(out.String(), "Nmap scan report for"); n != 8 {
		t.Errorf("%d reports, want 8", n)
	}
	// Every phase's three lines are together.
	lines := strings.Split(out.String(), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "Initiating") && (!strings.HasPrefix(lines[i+1], "Scanning") ||
			!strings.HasPrefix(lines[i+2], "Discovered") || !strings.HasPrefix(lines[i+3], "Completed")) {
			t.Fatalf("a phase's lines apart at line %d:\n%s", i, out.String())
		}
	}
}

// nmap's progress rules: nothing in the first 30 s, nothing when less than 30 s are left, at
// most every 30 s, and again only when the estimate has passed or moved enough.
func TestMeter(t *testing.T) {
	t0 := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	m := meter{begin: t0.Unix()}
	if l := m.line("Connect Scan", 0.2, at(30), false, time.UTC); l != "" {
		t.Errorf("at 30 s: %q", l)
	}
	// 100 s for 1%: 9,900 s left (+0.5 rounding), so done at 14:46:40.
	if l := m.line("Connect Scan", 0.01, at(100), false, time.UTC); l != "Connect Scan Timing: About 1.00% done; ETC: 14:46 (2:45:00 remaining)\n" {
		t.Errorf("at 100 s: %q", l)
	}
	if l := m.line("Connect Scan", 0.012, at(120), false, time.UTC); l != "" {
		t.Errorf("20 s after the last: %q", l)
	}
	// At 131 s, 1.31%: still done at 14:46:40; 31 s less left is under 5% of the whole.
	d := m
	if l := m.line("Connect Scan", 0.0131, at(131), false, time.UTC); l != "" {
		t.Errorf("same estimate: %q", l)
	}
	// With -d it is printed anyway.
	if l := d.line("Connect Scan", 0.0131, at(131), true, time.UTC); !strings.HasPrefix(l, "Connect Scan Timing: About 1.31% done; ETC: 14:46") {
		t.Errorf("-d: %q", l)
	}
	// The estimate moved by hours: printed.
	if l := m.line("Connect Scan", 0.05, at(170), false, time.UTC); l != "Connect Scan Timing: About 5.00% done; ETC: 12:56 (0:53:50 remaining)\n" {
		t.Errorf("moved: %q", l)
	}
	// Under 1% done: no estimate.
	m2 := meter{begin: t0.Unix()}
	if l := m2.line("UDP Scan", 0.005, at(40), false, time.UTC); l != "UDP Scan Timing: About 0.50% done\n" {
		t.Errorf("0.5%%: %q", l)
	}
	// Almost finished: nothing.
	m3 := meter{begin: t0.Unix()}
	if l := m3.line("UDP Scan", 0.9, at(40), false, time.UTC); l != "" {
		t.Errorf("4 s left: %q", l)
	}
}

func TestVerboseFormats(t *testing.T) {
	// Observed: "Raw packets sent: 1010 (29.930KB) | Rcvd: 2020 (88.018KB)", "4 (160B)".
	if got := RawPackets(&result.PacketStats{Sent: 1010, SentBytes: 29930, Rcvd: 2020, RcvdBytes: 88018}); got != "Raw packets sent: 1010 (29.930KB) | Rcvd: 2020 (88.018KB)" {
		t.Errorf("RawPackets: %q", got)
	}
	for n, want := range map[int64]string{0: "0B", 999: "999B", 1000: "1.000KB", 1204512: "1.205MB"} {
		if got := byteCount(n); got != want {
			t.Errorf("byteCount(%d) = %q, want %q", n, got, want)
		}
	}
	if got := FinalTimes(&result.Times{SRTT: 1145 * time.Microsecond, RTTVar: 3128 * time.Microsecond, Timeout: 100 * time.Millisecond}); got != "Final times for host: srtt: 1145 rttvar: 3128  to: 100000\n" {
		t.Errorf("FinalTimes: %q", got)
	}
	if got := elapsedSeconds(6025 * time.Millisecond); got != "6.03" && got != "6.02" {
		t.Errorf("elapsedSeconds: %q", got)
	}
}

func TestDataFilesRead(t *testing.T) {
	nmapFiles := []string{"/usr/share/nmap/nmap-services", "/usr/share/nmap/nmap-service-probes", "/usr/share/nmap/nmap-services"}
	two := []string{"/usr/share/nmap/nmap-services", "/home/u/.config/signet/probes.d/b.probes", "/home/u/.config/signet/probes.d/a.probes"}
	for _, c := range []struct {
		files          []string
		verbose, debug int
		want           string
	}{
		{nmapFiles, 0, 0, ""},
		{nmapFiles, 1, 0, "Read data files from: /usr/share/nmap\n"},
		{nmapFiles, 1, 1, "Read from /usr/share/nmap: nmap-service-probes nmap-services.\n"},
		{nmapFiles, 0, 1, "Read from /usr/share/nmap: nmap-service-probes nmap-services.\n"},
		{two, 0, 0, "Read from /home/u/.config/signet/probes.d: a.probes b.probes.\nRead from /usr/share/nmap: nmap-services.\n"},
		{nil, 1, 0, ""},
		{nil, 0, 1, "No data files read.\n"},
	} {
		got := DataFilesRead(&result.Run{DataFiles: c.files, Verbose: c.verbose, Debugging: c.debug})
		if got != c.want {
			t.Errorf("%v -v%d -d%d: %q, want %q", c.files, c.verbose, c.debug, got, c.want)
		}
	}
}
