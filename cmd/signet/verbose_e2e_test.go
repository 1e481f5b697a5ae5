package main

import (
	"bytes"
	"io"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/fixture"
	"github.com/signetscan/signet/internal/netnstest"
	"github.com/signetscan/signet/internal/nmapnorm"
	"github.com/signetscan/signet/internal/testenv"
	"github.com/signetscan/signet/internal/tty"
)

// verboseGoldens is where nmap 7.93's recorded verbose output lives (scripts/record-verbose.sh).
const verboseGoldens = "../../output/testdata/verbose"

// e2eVerboseGoldens: signet run as nmap was for the recordings (as root, in a fresh network
// namespace whose loopback has the same fixture services on 22, 25 and 80 and whose
// /etc/hosts names 127.0.0.1 localhost) prints nmap's stdout and -oN file, line for line once
// both are normalised (internal/nmapnorm: times, counts that depend on timing, the program's
// name and the lines signet leaves out by design, docs/verbose.md).
func e2eVerboseGoldens(t *testing.T, e *e2e) {
	if os.Geteuid() != 0 {
		testenv.Missing(t, "needs root: the recordings were made as root (SYN scan, raw packet counts)")
	}
	if _, err := os.Stat(nmapProbes); err != nil {
		testenv.Missing(t, "nmap's data files not installed: the recordings used them")
	}
	listen := map[string]string{"0.0.0.0:22": "fixture-ssh", "0.0.0.0:25": "fixture-smtp", "0.0.0.0:80": "fixture-http", "0.0.0.0:53": "fixture-dns"}
	names, _ := filepath.Glob(filepath.Join(verboseGoldens, "lo-*.cmd"))
	if len(names) < 15 {
		t.Fatalf("%d loopback recordings in %s, want the 15 of scripts/record-verbose.sh", len(names), verboseGoldens)
	}
	for _, name := range names {
		name := strings.TrimSuffix(filepath.Base(name), ".cmd")
		cmd, err := os.ReadFile(filepath.Join(verboseGoldens, name+".cmd"))
		if err != nil {
			t.Fatal(err)
		}
		args := strings.Fields(string(cmd))[1:] // without "nmap"
		runs := map[string][]string{name: args}
		if slices.Contains(args, "--unprivileged") && slices.Contains(args, "-sT") {
			// Without root, signet's default TCP scan is the connect scan, as nmap's is:
			// signet -v -sV prints what nmap -v -sT -sV does.
			runs[name+"-without-sT"] = slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a == "-sT" })
		}
		for run, args := range runs {
			t.Run(run, func(t *testing.T) {
				t.Parallel()
				oN := filepath.Join(t.TempDir(), name+".nmap")
				r := e.inNetnsJob(t, netnsJob{Listen: listen, Hosts: "127.0.0.1 localhost\n", Args: append(slices.Clone(args), "-oN", oN)})
				if r.code != 0 {
					t.Fatal(r)
				}
				compareGoldens(t, name, r.out, oN)
			})
		}
	}
}

// e2eVerboseNetGoldens: the same for the recordings across a network (scripts/record-verbose.sh's
// net-* scans, but for the 75-second one): a scanner namespace (10.99.0.1) and a services
// namespace (10.99.0.2 web.example.test and 10.99.0.3 mail.example.test, with the fixtures and
// a DNS responder for those two names) on one Ethernet segment; 10.99.0.4 is down.
func e2eVerboseNetGoldens(t *testing.T, e *e2e) {
	if os.Geteuid() != 0 {
		testenv.Missing(t, "needs root: namespaces, and the recordings were made as root")
	}
	if _, err := os.Stat(nmapProbes); err != nil {
		testenv.Missing(t, "nmap's data files not installed: the recordings used them")
	}
	c, s := netnstest.Named(t, "verbose-c"), netnstest.Named(t, "verbose-s")
	netnstest.Veth(t, netnstest.End{NS: c, If: "vc0", Addrs: []string{"10.99.0.1/24"}},
		netnstest.End{NS: s, If: "vs0", Addrs: []string{"10.99.0.2/24", "10.99.0.3/24"}})
	ctx := t.Context()
	netnstest.Do(t, s, func() error {
		for port, kind := range map[int]string{22: "ssh", 25: "smtp", 80: "http"} {
			ln, err := net.Listen("tcp", "0.0.0.0:"+strconv.Itoa(port))
			if err != nil {
				return err
			}
			go fixture.ServeTCP(ctx, ln, fixture.Handler(kind))
		}
		pc, err := net.ListenPacket("udp", "0.0.0.0:53")
		if err != nil {
			return err
		}
		go fixture.ServePTR(ctx, pc, map[netip.Addr]string{netip.MustParseAddr("10.99.0.2"): "web.example.test",
			netip.MustParseAddr("10.99.0.3"): "mail.example.test"})
		return nil
	})
	etc := filepath.Join("/etc/netns", c)
	if err := os.MkdirAll(etc, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(etc) })
	for name, text := range map[string]string{"resolv.conf": "nameserver 10.99.0.2\n", "hosts": "127.0.0.1 localhost\n"} {
		if err := os.WriteFile(filepath.Join(etc, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	names, _ := filepath.Glob(filepath.Join(verboseGoldens, "net-*.cmd"))
	if len(names) < 12 {
		t.Fatalf("%d network recordings in %s, want the 12 of scripts/record-verbose.sh", len(names), verboseGoldens)
	}
	for _, name := range names {
		name := strings.TrimSuffix(filepath.Base(name), ".cmd")
		if name == "net-long-sT-v" {
			continue // 75 seconds; its progress line is output's TestVerboseGoldens'
		}
		t.Run(name, func(t *testing.T) {
			cmd, err := os.ReadFile(filepath.Join(verboseGoldens, name+".cmd"))
			if err != nil {
				t.Fatal(err)
			}
			oN := filepath.Join(t.TempDir(), name+".nmap")
			args := append([]string{"netns", "exec", c, e.bin}, strings.Fields(string(cmd))[1:]...)
			r := e.runCmd(t, "", nil, "ip", append(args, "-oN", oN)...)
			if r.code != 0 {
				t.Fatal(r)
			}
			compareGoldens(t, name, r.out, oN)
		})
	}
}

// compareGoldens compares signet's stdout and -oN file with nmap's recording of the scan.
func compareGoldens(t *testing.T, name, stdout, oN string) {
	t.Helper()
	got, err := os.ReadFile(oN)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct{ what, golden, got string }{{"stdout", ".out", stdout}, {"-oN", ".nmap", string(got)}} {
		want, err := os.ReadFile(filepath.Join(verboseGoldens, name+f.golden))
		if err != nil {
			t.Fatal(err)
		}
		w, g := known(nmapnorm.Normalize(string(want), nmapnorm.Options{})), known(nmapnorm.Normalize(f.got, nmapnorm.Options{}))
		if w != g {
			t.Errorf("%s differs from nmap's (normalised)\n--- nmap:\n%s--- signet:\n%s--- signet as printed:\n%s", f.what, w, g, f.got)
		}
	}
}

// known masks the differences from nmap that signet makes on purpose (docs/verbose.md): its
// own host group size in -d's timing report; why version detection ended, in the REASON
// column ("syn-ack (matched)"), which also widens the port table; the number of ports its
// unprivileged discovery connects to.
func known(s string) string {
	s = hostgroups.ReplaceAllString(s, "${1}N")
	s = outcome.ReplaceAllString(s, "")
	s = pingPorts.ReplaceAllString(s, "${1}[N ports${2}]")
	return tableSpaces.ReplaceAllStringFunc(s, func(l string) string { return strings.Join(strings.Fields(l), " ") })
}

var (
	pingPorts   = regexp.MustCompile(`(?m)(^Initiating Ping Scan at .*\nScanning .* )\[\d+ ports?(/host)?\]`)
	hostgroups  = regexp.MustCompile(`(?m)^(  hostgroups: min \d+, max )\d+$`)
	outcome     = regexp.MustCompile(`(?m) \((matched|softmatched|tcpwrapped|nomatch|timeout|time-limit)\)`)
	tableSpaces = regexp.MustCompile(`(?m)^(PORT .*|\d+/(tcp|udp) .*)$`)
)

var (
	statsLine  = regexp.MustCompile(`^Stats: (\d+):(\d\d):(\d\d) elapsed; (\d+) hosts completed \((\d+) up\), (\d+) undergoing (Host Discovery|Ping Scan|ARP Ping Scan|SYN Stealth Scan|Connect Scan|UDP Scan|Service Scan)$`)
	timingLine = regexp.MustCompile(`^(Parallel DNS resolution of \d+ hosts?\.|Ping Scan|ARP Ping Scan|SYN Stealth Scan|Connect Scan|UDP Scan|Service scan) Timing: About (\d+\.\d\d)% done(; ETC: \d\d:\d\d \(\d+:\d\d:\d\d remaining\))?$`)
)

// e2eStatsEvery: --stats-every 1s during the sharding tests' scan (shardListen: 8 hosts × 12
// services, and 20 closed ports each, in a fresh network namespace) prints nmap's two status
// lines every second: at least three with an estimate ("About 45.00% done; ETC: 12:31
// (0:00:05 remaining)"), the elapsed time growing, the hosts counted right. Not in the -oN
// file.
func e2eStatsEvery(t *testing.T, e *e2e) {
	oN := filepath.Join(t.TempDir(), "stats.nmap")
	start := time.Now()
	// --max-rate 50: the scan takes 0.7 s at full speed; its 256 connects paced take five
	// seconds (the resume test paces it too).
	r := e.inNetns(t, shardListen(), "", "--stats-every", "1s", "--max-rate", "50", "-sV", "-Pn", "-n",
		"--versiondb", e.probes, "-p", "2001-2032", "-oN", oN, "127.0.0.1-8")
	took := time.Since(start)
	if r.code != 0 {
		t.Fatal(r)
	}
	if n := strings.Count(r.out, "Nmap scan report for "); n != 8 {
		t.Fatalf("%d hosts reported, want 8:\n%s", n, r.out)
	}
	lines := strings.Split(r.out, "\n")
	withETC, lastElapsed := 0, -1
	var status []string
	for i, l := range lines {
		m := statsLine.FindStringSubmatch(l)
		if m == nil {
			if strings.HasPrefix(l, "Stats:") || strings.Contains(l, " Timing: ") && !timingLine.MatchString(l) {
				t.Errorf("not nmap's status line: %q", l)
			}
			continue
		}
		h, _ := strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		s, _ := strconv.Atoi(m[3])
		elapsed := h*3600 + mi*60 + s
		completed, _ := strconv.Atoi(m[4])
		up, _ := strconv.Atoi(m[5])
		under, _ := strconv.Atoi(m[6])
		if elapsed < lastElapsed || completed > 8 || up != 8 || under < 1 || under > 8 {
			t.Errorf("line %d: %q (elapsed before: %ds)", i+1, l, lastElapsed)
		}
		lastElapsed = elapsed
		if i+1 >= len(lines) || !timingLine.MatchString(lines[i+1]) {
			t.Errorf("line %d: %q is not followed by the phase's Timing line", i+1, l)
			continue
		}
		if tm := timingLine.FindStringSubmatch(lines[i+1]); tm[3] != "" {
			withETC++
		}
		status = append(status, l, lines[i+1])
	}
	t.Logf("%d status lines with an estimate in a scan of %v:\n%s", withETC, took.Round(time.Millisecond), strings.Join(status, "\n"))
	if withETC < 3 {
		t.Errorf("%d Stats lines with \"About N%% done; ETC:\", want 3 or more:\n%s", withETC, r.out)
	}
	b, err := os.ReadFile(oN)
	if err != nil {
		t.Fatal(err)
	}
	wantNot(t, "-oN", string(b), "Stats:", "Timing:")
	if n := regexp.MustCompile(`(?m)^20\d\d/tcp open `).FindAllIndex(b, -1); len(n) != 8*12 {
		t.Errorf("-oN: %d open ports, want the 96 services", len(n))
	}
}

// e2eTerminal: on a terminal (a pseudo-terminal here), signet draws its status line on stderr
// and answers a key pressed with nmap's status lines; the terminal gets its settings back at
// the end. --noninteractive turns both off.
func e2eTerminal(t *testing.T, e *e2e) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go fixture.ServeTCP(t.Context(), ln, fixture.Handler("silent"))
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	args := []string{"--unprivileged", "-v", "-Pn", "-n", "-sV", "-p", port, "127.0.0.1"}

	out, echo := e.onTerminal(t, args, "Initiating Service scan", "x")
	wantContains(t, "terminal", out, "Stats: 0:00:", " hosts completed (1 up), 1 undergoing Service Scan\r\n",
		"\r\nService scan Timing: About ", "\r\x1b[KService Scan: About ", "signet done: 1 IP address (1 host up)")
	if !echo {
		t.Error("the terminal did not get its settings back (echo off)")
	}
	// The status line is erased for good before the closing lines.
	if last := out[strings.LastIndex(out, "\x1b[K")+3:]; !strings.HasPrefix(last, "Read data files from: ") {
		t.Errorf("the status line is not erased before the closing lines:\n%q", out)
	}

	out, _ = e.onTerminal(t, append([]string{"--noninteractive"}, args...), "Initiating Service scan", "x")
	wantNot(t, "--noninteractive", out, "\x1b[K", "Stats:")
}

// onTerminal runs the binary with a pseudo-terminal as its standard input, output and error
// (and controlling terminal), types keys once the output has after, and returns all that
// was printed and whether the terminal echoes again at the end.
func (e *e2e) onTerminal(t *testing.T, args []string, after, keys string) (string, bool) {
	t.Helper()
	ptmx, pts, err := tty.OpenPTY()
	if err != nil {
		testenv.Missing(t, "no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	cmd := exec.Command(e.bin, args...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+e.cfg)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = pts, pts, pts
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pts.Close()
	var mu sync.Mutex
	var buf bytes.Buffer
	read := make(chan struct{})
	go func() {
		defer close(read)
		b := make([]byte, 4096)
		for {
			n, err := ptmx.Read(b)
			mu.Lock()
			buf.Write(b[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	text := func() string {
		mu.Lock()
		defer mu.Unlock()
		return buf.String()
	}
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(text(), after) && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(1200 * time.Millisecond) // a status line is drawn every second
	io.WriteString(ptmx, keys)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("signet %q: %v\n%s", args, err, text())
		}
	case <-time.After(e2eRunTimeout):
		cmd.Process.Kill()
		t.Fatalf("signet %q did not finish:\n%q", args, text())
	}
	echo := terminalEchoes(ptmx)
	// The reader ends when the last process with the terminal open is gone.
	select {
	case <-read:
	case <-time.After(2 * time.Second):
	}
	return text(), echo
}

// e2eInterruptResume: a verbose scan with --stats-every stopped by Ctrl-C (SIGINT) while its
// service scan waits on a silent port, then continued with signet --resume. The host the
// interrupt cut short (result.Host.Incomplete) is shown on the terminal but counted by no
// status line as completed, no "Completed" line claims the cut phase ended, and the -oN file
// leaves the host out. The resumed run (its options read back from the file, -v and
// --stats-every among them) prints the phases again, status lines whose elapsed time counts
// from its own start, and the host once, on the terminal and in the file.
func e2eInterruptResume(t *testing.T, e *e2e) {
	ssh, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ssh.Close() })
	go fixture.ServeTCP(t.Context(), ssh, fixture.Handler("ssh"))
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { silent.Close() })
	go fixture.ServeTCP(t.Context(), silent, fixture.Handler("silent"))
	ports := strconv.Itoa(ssh.Addr().(*net.TCPAddr).Port) + "," + strconv.Itoa(silent.Addr().(*net.TCPAddr).Port)
	oN := filepath.Join(t.TempDir(), "part.nmap")

	cmd := exec.Command(e.bin, "--unprivileged", "-v", "--stats-every", "1s", "-sV", "-Pn", "-n", "-p", ports, "-oN", oN, "127.0.0.1")
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+e.cfg)
	var out lockedBuffer
	cmd.Stdout, cmd.Stderr = &out, io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(out.String(), "Service scan Timing: About ") {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no status line of the service scan in 20 s:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err = <-waited:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("still running 10 s after SIGINT:\n%s", out.String())
	}
	if cmd.ProcessState.ExitCode() <= 0 {
		t.Fatalf("exit status after SIGINT: %v, want non-zero\n%s", err, out.String())
	}
	first := out.String()
	wantContains(t, "interrupted run", first, "Initiating Service scan at ", "Scanning 2 services on 127.0.0.1\n",
		"Nmap scan report for 127.0.0.1\n", "/tcp open  ssh ", "Interrupted by user\nQUITTING!\n")
	wantNot(t, "interrupted run", first, "Completed Service scan", "1 hosts completed")
	checkStats(t, "interrupted run", first, 1, false)
	part, err := os.ReadFile(oN)
	if err != nil {
		t.Fatal(err)
	}
	wantNot(t, "interrupted -oN", string(part), "Nmap scan report", "Stats:")

	start := time.Now()
	r := e.runCmd(t, "", nil, e.bin, "--resume", oN)
	took := time.Since(start)
	if r.code != 0 {
		t.Fatalf("signet --resume: %s", r)
	}
	wantContains(t, "resumed run", r.out, "Initiating Service scan at ", "Completed Service scan at ",
		"/tcp open  ssh ", "done: 1 IP address (1 host up)")
	if n := strings.Count(r.out, "Nmap scan report for 127.0.0.1\n"); n != 1 {
		t.Errorf("resumed run: %d reports of the host, want 1:\n%s", n, r.out)
	}
	if max := checkStats(t, "resumed run", r.out, 1, true); time.Duration(max)*time.Second > took+time.Second {
		t.Errorf("resumed run: a status line says %ds elapsed in a run of %v (counted from the first run's start?)\n%s", max, took, r.out)
	}
	whole, err := os.ReadFile(oN)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(whole), "Nmap scan report for 127.0.0.1\n"); n != 1 {
		t.Errorf("-oN after --resume: %d reports of the host, want 1:\n%s", n, whole)
	}
	wantNot(t, "-oN after --resume", string(whole), "Stats:", "Timing:")
}

// checkStats checks a run's "Stats:" lines: at least one, each nmap's and followed by its
// phase's Timing line, none counting a host as completed, each with up hosts; it returns
// the largest elapsed time, in seconds. A line written while no phase is under way
// ("0 undergoing Host Discovery", without a Timing line) is nmap's too: a tick of
// --stats-every can fall between two phases, or, in a run whose host finishes
// (finishes), after it and before the run's end, where the line counts the host
// completed (seen on a loaded machine, whose resumed run took 22 s).
func checkStats(t *testing.T, what, out string, up int, finishes bool) int {
	t.Helper()
	lines := strings.Split(out, "\n")
	n, most := 0, 0
	for i, l := range lines {
		m := statsLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		n++
		h, _ := strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		s, _ := strconv.Atoi(m[3])
		most = max(most, h*3600+mi*60+s)
		timed := i+1 < len(lines) && timingLine.MatchString(lines[i+1])
		idle := !timed && m[6] == "0" && m[7] == "Host Discovery"
		if m[4] != "0" && !(finishes && idle && m[4] == "1") || m[5] != strconv.Itoa(up) {
			t.Errorf("%s: %q: want 0 hosts completed (%d up)", what, l, up)
		}
		if !timed && !idle {
			t.Errorf("%s: %q is not followed by the phase's Timing line", what, l)
		}
	}
	if n == 0 {
		t.Errorf("%s: no Stats line:\n%s", what, out)
	}
	return most
}

// lockedBuffer is a bytes.Buffer a process writes while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
