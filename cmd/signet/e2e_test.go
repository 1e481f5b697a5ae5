package main

// End-to-end tests of the scan command: the binary is built once and run
// as a subprocess against listeners this test opens on loopback. Scans
// that would touch ports this test did not open (host discovery's ping
// ports, --top-ports, -F, the default ports, -p-, a CIDR block) run in a
// fresh network namespace (unshare -n) in which only the test's own
// listeners exist; they are skipped where unshare is not allowed.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/fixture"
	"github.com/signetscan/signet/internal/testenv"
)

// e2eProbes is a signature file with short waits and probes of four
// rarities, so that the intensity options change which probes are sent.
// Each probe waits 1 s, not the 300 ms that would be enough on an idle
// machine: a server here answers at once (the garbage one sends its banner
// on every connection, whatever the probe), but on a loaded 2-core machine
// (CI runs two test packages at once; TestE2E's subtests run signet in
// parallel) the server's process or signet's can be off the CPU for a few
// hundred ms, and a reply that comes after its wait makes an ssh port
// "unknown", or a fingerprint shorter than another run's (seen: 0.13 to
// 0.5 s late, with a load average near 40). A reply that matches ends its
// wait at once; only silent and unrecognised ports pay the longer wait.
const e2eProbes = `Probe TCP NULL q||
totalwaitms 1000
tcpwrappedms 200
match ssh m|^SSH-([\d.]+)-OpenSSH_([\w.]+)| p/OpenSSH/ v/$2/ i/protocol $1/
match smtp m|^220 ([-\w.]+) ESMTP Postfix| p/Postfix smtpd/ h/$1/
Probe TCP GetRequest q|GET / HTTP/1.0\r\n\r\n|
rarity 1
totalwaitms 1000
match http m|^HTTP/1\.[01] \d\d\d .*\r\nServer: test/([\d.]+)\r\n|s p/testhttpd/ v/$1/
Probe TCP MidProbe q|MID\r\n|
rarity 5
totalwaitms 1000
Probe TCP RareProbe q|RARE\r\n|
rarity 8
totalwaitms 1000
Probe UDP HelloUDP q|hello\r\n|
rarity 1
totalwaitms 1000
match e2e-echo m|^HELLO-UDP ([\d.]+)| p/signet e2e responder/ v/$1/
`

const (
	e2eSSHBanner     = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"
	e2eSMTPBanner    = "220 mail.example.test ESMTP Postfix (Debian/GNU)\r\n"
	e2eGarbageBanner = "XYZZY-9 proprietary service ready\r\n"
	e2eUDPReply      = "HELLO-UDP 1.5\r\n"
	e2eLife          = 20 * time.Second // no test connection lives longer
	e2eRunTimeout    = 60 * time.Second // no signet run takes longer
)

// e2eServers maps a listener kind to its connection handler.
var e2eServers = map[string]func(net.Conn){
	"ssh":     e2eBanner(e2eSSHBanner),
	"smtp":    e2eBanner(e2eSMTPBanner),
	"garbage": e2eBanner(e2eGarbageBanner),
	"http": func(c net.Conn) {
		buf := make([]byte, 4096)
		var req []byte
		for i := 0; i < 100 && !bytes.Contains(req, []byte("\r\n\r\n")); i++ {
			n, err := c.Read(buf)
			if err != nil {
				return
			}
			req = append(req, buf[:n]...)
		}
		c.Write([]byte("HTTP/1.0 200 OK\r\nServer: test/2.4\r\nContent-Length: 2\r\n\r\nok"))
	},
	"silent": func(c net.Conn) { e2eDrain(c) },
}

func e2eDrain(c net.Conn) {
	buf := make([]byte, 4096)
	for i := 0; i < 100000; i++ {
		if _, err := c.Read(buf); err != nil {
			return
		}
	}
}

func e2eBanner(b string) func(net.Conn) {
	return func(c net.Conn) {
		c.Write([]byte(b))
		e2eDrain(c)
	}
}

// e2eServe accepts on ln until it is closed, running handle per connection.
func e2eServe(ln net.Listener, handle func(net.Conn)) {
	for i := 0; i < 100000; i++ {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			c.SetDeadline(time.Now().Add(e2eLife))
			handle(c)
		}()
	}
}

// e2eUDPServe answers every datagram on pc until it is closed.
func e2eUDPServe(pc net.PacketConn) {
	buf := make([]byte, 2048)
	for i := 0; i < 100000; i++ {
		_, from, err := pc.ReadFrom(buf)
		if err != nil {
			return
		}
		pc.WriteTo([]byte(e2eUDPReply), from)
	}
}

// e2eTCP opens a listener of kind on addr (e.g. "127.0.0.1:0") for the
// test's life and returns its port.
func e2eTCP(t *testing.T, addr, kind string) int {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go e2eServe(ln, e2eServers[kind])
	return ln.Addr().(*net.TCPAddr).Port
}

// e2eUDP opens a UDP responder on addr and returns its port.
func e2eUDP(t *testing.T, addr string) int {
	t.Helper()
	pc, err := net.ListenPacket("udp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	go e2eUDPServe(pc)
	return pc.LocalAddr().(*net.UDPAddr).Port
}

// e2eClosed returns a loopback TCP port this test owned a moment ago and
// closed: connecting to it is refused.
func e2eClosed(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return port
}

// e2ePair opens listeners of kind on the same port of 127.0.0.1 and
// 127.0.0.2, so that a scan of that port on either address reaches only
// this test's sockets.
func e2ePair(t *testing.T, kind string) int {
	t.Helper()
	for i := 0; i < 50; i++ {
		ln2, err := net.Listen("tcp", "127.0.0.2:0")
		if err != nil {
			testenv.Missing(t, "cannot listen on 127.0.0.2: %v", err)
		}
		port := ln2.Addr().(*net.TCPAddr).Port
		ln1, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(port))
		if err != nil {
			ln2.Close()
			continue
		}
		t.Cleanup(func() { ln1.Close(); ln2.Close() })
		go e2eServe(ln1, e2eServers[kind])
		go e2eServe(ln2, e2eServers[kind])
		return port
	}
	t.Fatal("no port free on both 127.0.0.1 and 127.0.0.2")
	return 0
}

// e2e is the built binary and the files every run shares.
type e2e struct {
	bin    string
	dir    string // scratch
	probes string // e2eProbes
	cfg    string // empty XDG_CONFIG_HOME: no user overlays
}

type e2eResult struct {
	out, err string
	code     int
}

func (r e2eResult) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.out, r.err)
}

// run runs the binary with stdin and args. A scan runs with --unprivileged: it shares this
// machine's loopback, where raw packets are not the test's to send (the SYN scan and raw
// discovery are tested in namespaces: e2eRoot, and package scan's tests).
func (e *e2e) run(t *testing.T, stdin string, args ...string) e2eResult {
	t.Helper()
	return e.runCmd(t, stdin, nil, e.bin, unprivileged(args)...)
}

// unprivileged adds --unprivileged to the arguments of a scan.
func unprivileged(args []string) []string {
	if len(args) > 0 && slices.Contains([]string{"match", "lint", "serve", "merge", "report", "help"}, args[0]) {
		return args
	}
	return append([]string{"--unprivileged"}, args...)
}

// runCmd runs name args with the binary's environment plus env.
func (e *e2e) runCmd(t *testing.T, stdin string, env []string, name string, args ...string) e2eResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), e2eRunTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(append(os.Environ(), "XDG_CONFIG_HOME="+e.cfg), env...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, er bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &er
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", name, err)
	}
	if ctx.Err() != nil {
		t.Fatalf("%s %q did not finish in %v", name, args, e2eRunTimeout)
	}
	return e2eResult{o.String(), er.String(), code}
}

// ok runs the binary and fails the test unless it exits 0.
func (e *e2e) ok(t *testing.T, stdin string, args ...string) e2eResult {
	t.Helper()
	r := e.run(t, stdin, args...)
	if r.code != 0 {
		t.Fatalf("signet %q: %s", args, r)
	}
	return r
}

func e2eFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// portLine matches a normal-output port table line.
func portLine(port int, proto, rest string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^` + strconv.Itoa(port) + "/" + proto + ` +` + rest + `\s*$`)
}

var closedLine = regexp.MustCompile(`(?m)^\d+/tcp +closed `)

func wantMatch(t *testing.T, what, text string, res ...*regexp.Regexp) {
	t.Helper()
	for _, re := range res {
		if !re.MatchString(text) {
			t.Errorf("%s: no line matching %s in:\n%s", what, re, text)
		}
	}
}

func wantContains(t *testing.T, what, text string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(text, s) {
			t.Errorf("%s: missing %q in:\n%s", what, s, text)
		}
	}
}

func wantNot(t *testing.T, what, text string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if strings.Contains(text, s) {
			t.Errorf("%s: unexpected %q in:\n%s", what, s, text)
		}
	}
}

// e2eJSON returns the port lines of a JSON lines file, after checking that
// the run line comes first and the end line last.
func e2eJSON(t *testing.T, path string) []map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	var kinds []string
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s: bad JSON line %q: %v", path, sc.Text(), err)
		}
		kind, _ := m["record"].(string)
		kinds = append(kinds, kind)
		if kind == "" {
			out = append(out, m)
		}
	}
	if len(kinds) < 2 || kinds[0] != "run" || kinds[len(kinds)-1] != "end" {
		t.Errorf("%s: lines %q: want the run line first and the end line last", path, kinds)
	}
	return out
}

const e2eDTD = "/usr/share/nmap/nmap.dtd"

// xmlValid checks path against nmap's DTD when xmllint and the DTD exist.
func xmlValid(t *testing.T, path string) {
	t.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		testenv.Missing(t, "xmllint not installed: XML not validated")
	}
	if _, err := os.Stat(e2eDTD); err != nil {
		testenv.Missing(t, "nmap.dtd not installed: XML not validated")
	}
	if out, err := exec.Command("xmllint", "--noout", "--dtdvalid", e2eDTD, path).CombinedOutput(); err != nil {
		x, _ := os.ReadFile(path)
		t.Errorf("xmllint %s: %v\n%s\n%s", path, err, out, x)
	}
}

// e2eXMLPorts maps port → "state tunnel/name product version" from XML.
func e2eXMLPorts(t *testing.T, path string) map[int]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var run struct {
		Hosts []struct {
			Ports []struct {
				Port  int `xml:"portid,attr"`
				State struct {
					State string `xml:"state,attr"`
				} `xml:"state"`
				Service *struct {
					Name    string `xml:"name,attr"`
					Product string `xml:"product,attr"`
					Version string `xml:"version,attr"`
					Tunnel  string `xml:"tunnel,attr"`
				} `xml:"service"`
			} `xml:"ports>port"`
		} `xml:"host"`
	}
	if err := xml.Unmarshal(data, &run); err != nil {
		t.Fatalf("%s: %v\n%s", path, err, data)
	}
	m := map[int]string{}
	for _, h := range run.Hosts {
		for _, p := range h.Ports {
			s := p.State.State
			if p.Service != nil {
				s += " " + p.Service.Tunnel + "/" + p.Service.Name + " " + p.Service.Product + " " + p.Service.Version
			}
			m[p.Port] = s
		}
	}
	return m
}

// netnsJob is what the helper process does inside a fresh network
// namespace: open listeners, then run the binary.
type netnsJob struct {
	Listen map[string]string // "127.0.0.1:22" → kind ("udp" for the UDP responder, "fixture-ssh" for internal/fixture's)
	Bin    string
	Args   []string
	Stdin  string
	Env    []string      // added to the environment
	Kill   time.Duration // when set, the binary is killed (SIGKILL) that long after it starts,
	// once KillAfter is in KillFile (when set): a JSON lines file's first host line, say
	KillFile, KillAfter string
	// Hosts, when set, is the /etc/hosts the binary sees (a mount namespace of its own).
	Hosts string
}

var netnsOnce struct {
	sync.Once
	err error
}

// canNetns reports whether unshare -n works here.
func canNetns() error {
	netnsOnce.Do(func() {
		if _, err := exec.LookPath("ip"); err != nil {
			netnsOnce.err = err
			return
		}
		if out, err := exec.Command("unshare", "-n", "--", "ip", "link", "set", "lo", "up").CombinedOutput(); err != nil {
			netnsOnce.err = fmt.Errorf("unshare -n: %v: %s", err, out)
		}
	})
	return netnsOnce.err
}

// inNetns runs the binary with args in a fresh network namespace holding
// only the listeners of listen (address → kind), as an unprivileged user would (connect scan
// and connect pings; see inNetnsRoot).
func (e *e2e) inNetns(t *testing.T, listen map[string]string, stdin string, args ...string) e2eResult {
	t.Helper()
	return e.inNetnsRoot(t, listen, stdin, unprivileged(args)...)
}

// inNetnsRoot is inNetns with the privileges of the test (as root: SYN scan, raw discovery).
func (e *e2e) inNetnsRoot(t *testing.T, listen map[string]string, stdin string, args ...string) e2eResult {
	t.Helper()
	return e.inNetnsJob(t, netnsJob{Listen: listen, Bin: e.bin, Args: args, Stdin: stdin})
}

// inNetnsJob runs job (with the test's privileges) in a fresh network namespace, and a mount
// namespace too when it has its own hosts file. Its binary is the test's when job names none.
func (e *e2e) inNetnsJob(t *testing.T, job netnsJob) e2eResult {
	t.Helper()
	if err := canNetns(); err != nil {
		testenv.Missing(t, "no fresh network namespace: %v", err)
	}
	if job.Bin == "" {
		job.Bin = e.bin
	}
	spec, _ := json.Marshal(job)
	unshare := []string{"-n"}
	if job.Hosts != "" {
		unshare = append(unshare, "-m")
	}
	return e.runCmd(t, "", []string{"SIGNET_E2E_NETNS=" + string(spec)},
		"unshare", append(unshare, "--", os.Args[0], "-test.run=^$", "-test.timeout=90s")...)
}

// runIsolated runs the binary in a fresh network namespace with no
// listeners (the test is skipped, or fails in CI, where there is none).
func (e *e2e) runIsolated(t *testing.T, args ...string) e2eResult {
	t.Helper()
	return e.inNetns(t, nil, "", args...)
}

// TestMain runs the helper process that TestE2E starts inside a fresh
// network namespace (SIGNET_E2E_NETNS set) instead of the tests.
func TestMain(m *testing.M) {
	if spec := os.Getenv("SIGNET_E2E_NETNS"); spec != "" {
		netnsHelper(spec)
	}
	os.Exit(m.Run())
}

// netnsHelper sets up the namespace's listeners, runs the binary and exits
// with its status.
func netnsHelper(spec string) {
	fail := func(f string, a ...any) {
		fmt.Fprintf(os.Stderr, "netns helper: "+f+"\n", a...)
		os.Exit(99)
	}
	var job netnsJob
	if err := json.Unmarshal([]byte(spec), &job); err != nil {
		fail("%v", err)
	}
	if out, err := exec.Command("ip", "link", "set", "lo", "up").CombinedOutput(); err != nil {
		fail("ip link set lo up: %v %s", err, out)
	}
	if job.Hosts != "" {
		f, err := os.CreateTemp("", "signet-e2e-hosts")
		if err != nil {
			fail("%v", err)
		}
		f.WriteString(job.Hosts)
		f.Close()
		out, err := exec.Command("mount", "--bind", f.Name(), "/etc/hosts").CombinedOutput()
		os.Remove(f.Name()) // the mount keeps it
		if err != nil {
			fail("mount --bind %s /etc/hosts: %v %s", f.Name(), err, out)
		}
	}
	for addr, kind := range job.Listen {
		if kind == "fixture-dns" {
			pc, err := net.ListenPacket("udp", addr)
			if err != nil {
				fail("%v", err)
			}
			go fixture.ServePTR(context.Background(), pc, nil)
			continue
		}
		if kind == "udp" {
			pc, err := net.ListenPacket("udp", addr)
			if err != nil {
				fail("%v", err)
			}
			go e2eUDPServe(pc)
			continue
		}
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			fail("%v", err)
		}
		if k, ok := strings.CutPrefix(kind, "fixture-"); ok {
			go fixture.ServeTCP(context.Background(), ln, fixture.Handler(k))
			continue
		}
		go e2eServe(ln, e2eServers[kind])
	}
	ctx, cancel := context.WithTimeout(context.Background(), e2eRunTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, job.Bin, job.Args...)
	cmd.Stdin = strings.NewReader(job.Stdin)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), job.Env...)
	if job.Kill > 0 {
		if err := cmd.Start(); err != nil {
			fail("%v", err)
		}
		done := make(chan struct{})
		go func() {
			time.Sleep(job.Kill)
			for i := 0; job.KillFile != "" && i < 3000; i++ { // 60 s at most
				if b, _ := os.ReadFile(job.KillFile); strings.Contains(string(b), job.KillAfter) {
					break
				}
				select {
				case <-done:
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
			cmd.Process.Kill()
		}()
		err := cmd.Wait()
		close(done)
		var ee *exec.ExitError
		if errors.As(err, &ee) && ee.ExitCode() == -1 {
			os.Exit(137) // as a shell reports a SIGKILL
		}
		fail("the run ended before the kill: %v", err)
	}
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		os.Exit(ee.ExitCode())
	case err != nil:
		fail("%v", err)
	}
	os.Exit(0)
}

// TestE2E builds the binary once and runs every scan feature against it.
func TestE2E(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary") // skip-ok: CI does not run -short
	}
	dir := t.TempDir()
	e := &e2e{bin: filepath.Join(dir, "signet"), dir: dir, cfg: filepath.Join(dir, "config")}
	if err := os.Mkdir(e.cfg, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("go", "build", "-o", e.bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	e.probes = e2eFile(t, dir, "e2e.probes", e2eProbes)
	start := time.Now()
	t.Cleanup(func() { t.Logf("TestE2E took %v", time.Since(start).Round(time.Millisecond)) })

	for _, tc := range []struct {
		name string
		fn   func(*testing.T, *e2e)
	}{
		{"Help", e2eHelp},
		{"Root", e2eRoot},
		{"BadInput", e2eBadInput},
		{"VersionScanOutputs", e2eVersionScanOutputs},
		{"OutputAll", e2eOutputAll},
		{"WriteErrors", e2eWriteErrors},
		{"OpenAndReason", e2eOpenReason},
		{"InputListStdin", e2eInputListStdin},
		{"InputListFile", e2eInputListFile},
		{"Exclude", e2eExclude},
		{"HostNames", e2eHostNames},
		{"IPv6", e2eIPv6},
		{"UDP", e2eUDPScan},
		{"PortSpec", e2ePortSpec},
		{"Intensity", e2eIntensity},
		{"VersionScripts", e2eVersionScripts},
		{"Timing", e2eTiming},
		{"HostTimeout", e2eHostTimeout},
		{"VerboseDebug", e2eVerboseDebug},
		{"VersionDB", e2eVersionDB},
		{"EmbeddedWithoutNmap", e2eEmbeddedWithoutNmap},
		{"Discovery", e2eDiscovery},
		{"PortRanges", e2ePortRanges},
		{"CIDR", e2eCIDR},
		{"VerboseGoldens", e2eVerboseGoldens},
		{"VerboseNetGoldens", e2eVerboseNetGoldens},
		{"StatsEvery", e2eStatsEvery},
		{"Terminal", e2eTerminal},
		{"InterruptResume", e2eInterruptResume},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.fn(t, e)
		})
	}
}

func e2eHelp(t *testing.T, e *e2e) {
	for _, h := range []string{"-h", "--help"} {
		r := e.ok(t, "", h)
		wantContains(t, h, r.out, "Usage: signet", "-iL <file>", "--excludefile", "-Pn", "--top-ports",
			"--version-intensity", "--version-trace", "-oA", "-oJ", "--versiondb", "--datadir", "-T<0-5>")
		// --help says what host discovery does.
		wantMatch(t, h, r.out, regexp.MustCompile(`(?s)HOST DISCOVERY:.*TCP connect to 80, 443, 22`))
	}
	r := e.ok(t, "", "--version")
	if !regexp.MustCompile(`^signet \d+\.\d+\.\d+\n$`).MatchString(r.out) {
		t.Errorf("--version: %q", r.out)
	}
}

// Bad flags, targets and port lists: exit status 2, one line on stderr,
// nothing on stdout, no stack trace. They run in a fresh network namespace
// where there is one, so that an input wrongly accepted scans nothing real.
func e2eBadInput(t *testing.T, e *e2e) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--bogus", "127.0.0.1"}, "unknown option --bogus"},
		{[]string{"-Z", "127.0.0.1"}, "unknown option -Z"},
		{[]string{"10.0.0.300"}, `bad target "10.0.0.300"`},
		{[]string{"-Pn", "-p", "80", "127.0.0.1-300"}, "bad target"},
		{[]string{"-p", "80-x", "127.0.0.1"}, `bad port list "80-x"`},
		{[]string{"-p", "70000", "127.0.0.1"}, "out of range"},
		{[]string{"-p", "nosuchservicename", "127.0.0.1"}, "nosuchservicename"},
		{[]string{"-T9", "127.0.0.1"}, "timing template"},
		{[]string{"--version-intensity", "10", "127.0.0.1"}, "version-intensity"},
		{[]string{"-sY", "127.0.0.1"}, "-sY is not supported"},
		{[]string{"-sS", "-sT", "127.0.0.1"}, "more than one type of TCP scan"},
		{[]string{"-sn", "-sV", "127.0.0.1"}, "cannot be combined"},
		{[]string{"-PX", "127.0.0.1"}, "unknown option -PX"},
		{[]string{"--min-rate", "0", "127.0.0.1"}, "min-rate"},
		{[]string{"127.0.0.1", "-p"}, "option -p needs a value"},
		{[]string{"127.0.0.1", "-oX"}, "needs a value"},
		{[]string{"127.0.0.1", "--host-timeout"}, "needs a value"},
		{[]string{"--host-timeout", "soon", "127.0.0.1"}, "bad time"},
		{[]string{"--max-retries", "x", "127.0.0.1"}, "max-retries"},
		{[]string{"--top-ports", "0", "127.0.0.1"}, "top-ports"},
		{[]string{"--exclude", "10.0.0.300", "127.0.0.1"}, "bad target"},
		{[]string{"--excludefile", filepath.Join(e.dir, "nonexistent"), "127.0.0.1"}, "nonexistent"},
		{[]string{"-iL", filepath.Join(e.dir, "nonexistent")}, "nonexistent"},
		{[]string{"-sV"}, "no targets"},
		{[]string{"-sV", "--version-timing", "fast", "127.0.0.1"}, "version-timing"},
	} {
		r := e.runIsolated(t, tc.args...)
		lines := strings.Split(strings.TrimRight(r.err, "\n"), "\n")
		if r.code != 2 || len(lines) != 1 || !strings.HasPrefix(lines[0], "signet: ") ||
			!strings.Contains(lines[0], tc.want) || r.out != "" || strings.Contains(r.err, "goroutine") {
			t.Errorf("signet %q: want exit 2 and one line with %q on stderr; got %s", tc.args, tc.want, r)
		}
	}
}

// -sV on three services and an unrecognised one, with every output form.
func e2eVersionScanOutputs(t *testing.T, e *e2e) {
	ssh := e2eTCP(t, "127.0.0.1:0", "ssh")
	smtp := e2eTCP(t, "127.0.0.1:0", "smtp")
	web := e2eTCP(t, "127.0.0.1:0", "http")
	junk := e2eTCP(t, "127.0.0.1:0", "garbage")
	closed := e2eClosed(t)
	dir := t.TempDir()
	xmlPath, grepPath, jsonPath, normPath := filepath.Join(dir, "o.xml"), filepath.Join(dir, "o.gnmap"),
		filepath.Join(dir, "o.jsonl"), filepath.Join(dir, "o.nmap")
	ports := fmt.Sprintf("%d,%d,%d,%d,%d", ssh, smtp, web, junk, closed)
	r := e.ok(t, "", "-sV", "-Pn", "-n", "--versiondb", e.probes, "-p", ports,
		"-oX", xmlPath, "-oG", grepPath, "-oJ", jsonPath, "-oN", normPath, "127.0.0.1")
	wantContains(t, "stderr", r.err, "signatures: "+e.probes)
	wantContains(t, "stdout", r.out, "Starting signet", "Nmap scan report for 127.0.0.1\n", "Host is up",
		"1 service unrecognized despite returning data", "SF-Port"+strconv.Itoa(junk)+"-TCP:V=",
		"signet done: 1 IP address (1 host up) scanned in ")
	wantMatch(t, "stdout", r.out,
		regexp.MustCompile(`(?m)^PORT +STATE +SERVICE +VERSION$`),
		portLine(ssh, "tcp", `open +ssh +OpenSSH 9\.2p1 \(protocol 2\.0\)`),
		portLine(smtp, "tcp", `open +smtp +Postfix smtpd`),
		portLine(web, "tcp", `open +http +testhttpd 2\.4`),
		portLine(closed, "tcp", `closed +\S+`),
		regexp.MustCompile(`(?m)^Service Info: Host: mail\.example\.test$`))
	// Five ports, one closed: no "Not shown" (nmap hides a state only
	// above 25 ports).
	wantNot(t, "stdout", r.out, "Not shown")

	norm, _ := os.ReadFile(normPath)
	wantContains(t, "-oN", string(norm), "# signet ", " scan initiated ", "Nmap scan report for 127.0.0.1\n")
	wantMatch(t, "-oN", string(norm), portLine(ssh, "tcp", `open +ssh +OpenSSH 9\.2p1 \(protocol 2\.0\)`))

	xmlValid(t, xmlPath)
	got := e2eXMLPorts(t, xmlPath)
	for port, want := range map[int]string{ssh: "open /ssh OpenSSH 9.2p1", smtp: "open /smtp Postfix smtpd ",
		web: "open /http testhttpd 2.4"} {
		if got[port] != want {
			t.Errorf("XML port %d: %q, want %q", port, got[port], want)
		}
	}
	if !strings.HasPrefix(got[closed], "closed") {
		t.Errorf("XML closed port %d: %q", closed, got[closed])
	}

	grep, _ := os.ReadFile(grepPath)
	wantContains(t, "-oG", string(grep), "Host: 127.0.0.1 ()\tStatus: Up\n",
		fmt.Sprintf("%d/open/tcp//ssh//OpenSSH 9.2p1 (protocol 2.0)/", ssh),
		fmt.Sprintf("%d/open/tcp//http//testhttpd 2.4/", web),
		fmt.Sprintf("%d/closed/tcp//", closed), "# signet done at ")

	lines := e2eJSON(t, jsonPath)
	seen := map[int]map[string]any{}
	for _, l := range lines {
		p := int(l["port"].(float64))
		if seen[p] != nil {
			t.Errorf("port %d twice in JSON lines", p)
		}
		seen[p] = l
		if l["addr"] != "127.0.0.1" || l["proto"] != "tcp" || l["addrtype"] != "ipv4" {
			t.Errorf("JSON line fields: %v", l)
		}
	}
	if len(lines) != 5 {
		t.Errorf("%d JSON lines for 5 ports: %v", len(lines), lines)
	}
	svc := func(p int) map[string]any {
		s, _ := seen[p]["service"].(map[string]any)
		return s
	}
	if s := svc(ssh); s == nil || s["name"] != "ssh" || s["product"] != "OpenSSH" || s["version"] != "9.2p1" ||
		s["extrainfo"] != "protocol 2.0" || s["method"] != "probed" || seen[ssh]["state"] != "open" || seen[ssh]["reason"] != "syn-ack" {
		t.Errorf("JSON ssh line: %v", seen[ssh])
	}
	if s := svc(smtp); s == nil || s["hostname"] != "mail.example.test" {
		t.Errorf("JSON smtp line: %v", seen[smtp])
	}
	if seen[closed]["state"] != "closed" || seen[closed]["reason"] != "conn-refused" {
		t.Errorf("JSON closed line: %v", seen[closed])
	}
	// Why detection ended on each probed port; a closed port was not probed.
	for port, want := range map[int]any{ssh: "matched", smtp: "matched", web: "matched", junk: "nomatch", closed: nil} {
		if got := seen[port]["outcome"]; got != want {
			t.Errorf("JSON port %d: outcome %v, want %v", port, got, want)
		}
	}
	// The unrecognised service: its fingerprint and its raw replies.
	s := svc(junk)
	if s == nil || s["servicefp"] == nil {
		t.Fatalf("JSON unrecognised line: %v", seen[junk])
	}
	replies, _ := s["replies"].([]any)
	found := false
	for _, rep := range replies {
		m := rep.(map[string]any)
		data, err := base64.StdEncoding.DecodeString(m["data"].(string))
		if err != nil {
			t.Errorf("reply %v: %v", m, err)
		}
		if m["probe"] == "NULL" && string(data) == e2eGarbageBanner {
			found = true
		}
	}
	if !found {
		t.Errorf("no base64 NULL reply %q in JSON: %v", e2eGarbageBanner, s)
	}
}

// -oA writes the three files; "-oX -" puts only XML on stdout.
func e2eOutputAll(t *testing.T, e *e2e) {
	ssh := e2eTCP(t, "127.0.0.1:0", "ssh")
	base := filepath.Join(t.TempDir(), "all")
	e.ok(t, "", "-Pn", "-n", "-p", strconv.Itoa(ssh), "-oA", base, "127.0.0.1")
	for _, ext := range []string{".nmap", ".xml", ".gnmap"} {
		data, err := os.ReadFile(base + ext)
		if err != nil {
			t.Errorf("-oA: %v", err)
			continue
		}
		if !bytes.Contains(data, []byte(strconv.Itoa(ssh))) {
			t.Errorf("%s lacks port %d:\n%s", base+ext, ssh, data)
		}
	}
	xmlValid(t, base+".xml")

	r := e.ok(t, "", "-Pn", "-n", "-p", strconv.Itoa(ssh), "-oX", "-", "127.0.0.1")
	if !strings.HasPrefix(r.out, "<?xml") || strings.Contains(r.out, "Nmap scan report") {
		t.Errorf("-oX - stdout is not XML only:\n%s", r.out)
	}
	x := filepath.Join(t.TempDir(), "stdout.xml")
	os.WriteFile(x, []byte(r.out), 0o644)
	xmlValid(t, x)
	r = e.ok(t, "", "-Pn", "-n", "-p", strconv.Itoa(ssh), "-oG", "-", "127.0.0.1")
	wantContains(t, "-oG -", r.out, fmt.Sprintf("Host: 127.0.0.1 ()\tPorts: %d/open/tcp//", ssh))
	wantNot(t, "-oG -", r.out, "Nmap scan report")
	r = e.ok(t, "", "-Pn", "-n", "-p", strconv.Itoa(ssh), "-oJ", "-", "127.0.0.1")
	if !strings.HasPrefix(r.out, `{"record":"run"`) || strings.Count(r.out, "\n") != 4 || strings.Count(r.out, `"port":`) != 1 {
		t.Errorf("-oJ - stdout is not JSON lines only (the run, one port, its host, the end):\n%s", r.out)
	}
}

// Every output checks its writes: a full disk (/dev/full) is reported once
// as "signet: writing FILE: reason", the exit status is 1, and the other
// outputs are complete. A closed pipe on standard output ends quietly.
func e2eWriteErrors(t *testing.T, e *e2e) {
	ssh := e2eTCP(t, "127.0.0.1:0", "ssh")
	args := []string{"-sV", "--versiondb", e.probes, "-Pn", "-n", "-p", strconv.Itoa(ssh), "127.0.0.1"}
	const full = "signet: writing /dev/full: no space left on device\n"
	for _, o := range []string{"-oN", "-oX", "-oG", "-oJ"} {
		xml := filepath.Join(t.TempDir(), "other.xml")
		other := []string{"-oX", xml}
		if o == "-oX" {
			other = []string{"-oN", xml}
		}
		r := e.run(t, "", append(append(args, o, "/dev/full"), other...)...)
		if r.code != 1 || strings.Count(r.err, "signet: writing") != 1 || !strings.Contains(r.err, full) {
			t.Errorf("%s /dev/full: want exit 1 and %q once, got %s", o, full, r)
		}
		wantMatch(t, o+" /dev/full, stdout", r.out, portLine(ssh, "tcp", `open +ssh +OpenSSH 9\.2p1 .*`))
		wantContains(t, o+" /dev/full, stdout", r.out, "signet done: 1 IP address (1 host up)")
		b, _ := os.ReadFile(xml)
		if !bytes.Contains(b, []byte(strconv.Itoa(ssh))) || !(bytes.HasSuffix(b, []byte("</nmaprun>\n")) || bytes.Contains(b, []byte("# signet done at"))) {
			t.Errorf("%s /dev/full: the other output is not complete:\n%s", o, b)
		}
	}

	// Standard output on a full disk: the file it is redirected to is named.
	devFull, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer devFull.Close()
	xml := filepath.Join(t.TempDir(), "with-full-stdout.xml")
	r := e.runStdout(t, devFull, nil, append(args, "-oX", xml)...)
	const fullStdout = "signet: writing stdout (/dev/full): no space left on device\n"
	if r.code != 1 || strings.Count(r.err, "signet: writing") != 1 || !strings.Contains(r.err, fullStdout) {
		t.Errorf("stdout on /dev/full: want exit 1 and %q once, got %s", fullStdout, r)
	}
	if b, _ := os.ReadFile(xml); !bytes.HasSuffix(b, []byte("</nmaprun>\n")) {
		t.Errorf("stdout on /dev/full: -oX not complete:\n%s", b)
	}
	for _, sub := range [][]string{{"-oX", "-"}, {"match", e2eFile(t, t.TempDir(), "fp.txt", "SF-Port22-TCP:V=7.93%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux-gnu%r(NULL,20,\"SSH-2\\.0-OpenSSH_9\\.2p1\\x20Debian-2\\r\\n\");\n"), "--versiondb", e.probes}} {
		a := append(args, sub...)
		if sub[0] == "match" {
			a = sub
		}
		r := e.runStdout(t, devFull, nil, a...)
		if r.code != 1 || !strings.Contains(r.err, fullStdout) {
			t.Errorf("%q with stdout on /dev/full: %s", sub, r)
		}
	}

	// Standard output is a pipe whose reader has gone (as after "| head
	// -1"): no message, exit 0, and the XML file is still written to its end.
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	pr.Close()
	r = e.runStdout(t, pw, func() { pw.Close() }, append(args, "-oX", xml)...)
	if r.code != 0 || strings.Contains(r.err, "signet:") {
		t.Errorf("closed pipe: want exit 0 and no message, got %s", r)
	}
	if b, _ := os.ReadFile(xml); !bytes.HasSuffix(b, []byte("</nmaprun>\n")) || !bytes.Contains(b, []byte(strconv.Itoa(ssh))) {
		t.Errorf("closed pipe: -oX not complete:\n%s", b)
	}
	// The same with no other output: the scan stops quietly.
	pr, pw, err = os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	pr.Close()
	r = e.runStdout(t, pw, func() { pw.Close() }, args...)
	if r.code != 0 || strings.Contains(r.err, "writing") || strings.Contains(r.err, "broken pipe") {
		t.Errorf("pipe closed at once: want exit 0 and no message, got %s", r)
	}
}

// runStdout runs the binary with its standard output on f; afterStart
// runs once the process has started (to close the parent's copy of a pipe).
func (e *e2e) runStdout(t *testing.T, f *os.File, afterStart func(), args ...string) e2eResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), e2eRunTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, e.bin, args...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+e.cfg)
	var er bytes.Buffer
	cmd.Stdout, cmd.Stderr = f, &er
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if afterStart != nil {
		afterStart()
	}
	err := cmd.Wait()
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", e.bin, err)
	}
	if ctx.Err() != nil {
		t.Fatalf("signet %q did not finish in %v", args, e2eRunTimeout)
	}
	return e2eResult{"", er.String(), code}
}

// --open hides closed ports (and says how many, as nmap does); --reason
// adds the REASON column.
func e2eOpenReason(t *testing.T, e *e2e) {
	ssh := e2eTCP(t, "127.0.0.1:0", "ssh")
	closed := e2eClosed(t)
	ports := fmt.Sprintf("%d,%d", ssh, closed)
	jsonPath := filepath.Join(t.TempDir(), "o.jsonl")
	xmlPath := filepath.Join(t.TempDir(), "open.xml")
	r := e.ok(t, "", "-Pn", "-n", "--open", "-p", ports, "-oJ", jsonPath, "-oX", xmlPath, "127.0.0.1")
	xmlValid(t, xmlPath)
	x, _ := os.ReadFile(xmlPath)
	wantContains(t, "--open XML", string(x), `<extraports state="closed" count="1">`)
	if got := e2eXMLPorts(t, xmlPath); len(got) != 1 || !strings.HasPrefix(got[ssh], "open") {
		t.Errorf("--open XML ports: %v", got)
	}
	wantMatch(t, "--open", r.out, portLine(ssh, "tcp", `open +\S+`))
	wantNot(t, "--open", r.out, strconv.Itoa(closed)+"/tcp")
	wantContains(t, "--open", r.out, "Not shown: 1 closed tcp port (conn-refused)\n")
	if l := e2eJSON(t, jsonPath); len(l) != 1 || int(l[0]["port"].(float64)) != ssh {
		t.Errorf("--open JSON lines: %v", l)
	}
	// A host with nothing open is left out, as nmap does.
	r = e.ok(t, "", "-Pn", "-n", "--open", "-p", strconv.Itoa(closed), "-oX", xmlPath, "127.0.0.1")
	wantNot(t, "--open, nothing open", r.out, "Nmap scan report")
	xmlValid(t, xmlPath)
	x, _ = os.ReadFile(xmlPath)
	wantNot(t, "--open, nothing open, XML", string(x), "<host ")
	wantContains(t, "--open, nothing open", r.out, "1 IP address (1 host up)")

	r = e.ok(t, "", "-Pn", "-n", "--reason", "-p", ports, "127.0.0.1")
	wantContains(t, "--reason", r.out, "Host is up, received user-set")
	wantMatch(t, "--reason", r.out,
		regexp.MustCompile(`(?m)^PORT +STATE +SERVICE +REASON$`),
		portLine(ssh, "tcp", `open +\S+ +syn-ack`),
		portLine(closed, "tcp", `closed +\S+ +conn-refused`))
	r = e.ok(t, "", "-Pn", "-n", "-p", ports, "127.0.0.1")
	wantNot(t, "no --reason", r.out, "REASON", "syn-ack")
	// With -sV, the REASON cell also says why detection ended.
	r = e.ok(t, "", "-sV", "--versiondb", e.probes, "-Pn", "-n", "--reason", "-p", ports, "127.0.0.1")
	wantMatch(t, "-sV --reason", r.out,
		portLine(ssh, "tcp", `open +ssh +syn-ack \(matched\) +OpenSSH 9\.2p1 \(protocol 2\.0\)`),
		portLine(closed, "tcp", `closed +\S+ +conn-refused`))
}

// -iL - reads targets from stdin; host:port lines probe exactly those
// ports, with no scan of the others.
func e2eInputListStdin(t *testing.T, e *e2e) {
	needLocalhost(t)
	ssh := e2eTCP(t, "127.0.0.1:0", "ssh")
	smtp := e2eTCP(t, "127.0.0.1:0", "smtp")
	other := e2eTCP(t, "127.0.0.1:0", "http") // open, but not listed
	stdin := fmt.Sprintf("127.0.0.1:%d\n# a comment\n\n127.0.0.1:%d\n", ssh, smtp)
	jsonPath := filepath.Join(t.TempDir(), "o.jsonl")
	r := e.ok(t, stdin, "-sV", "-n", "--versiondb", e.probes, "-iL", "-", "-oJ", jsonPath)
	wantMatch(t, "-iL -", r.out,
		portLine(ssh, "tcp", `open +ssh +OpenSSH 9\.2p1 \(protocol 2\.0\)`),
		portLine(smtp, "tcp", `open +smtp +Postfix smtpd`))
	wantNot(t, "-iL -", r.out, strconv.Itoa(other)+"/tcp", "Not shown")
	wantContains(t, "-iL -", r.out, "1 IP address (1 host up)")
	lines := e2eJSON(t, jsonPath)
	if len(lines) != 2 {
		t.Errorf("-iL -: %d JSON lines, want 2: %v", len(lines), lines)
	}
	for _, l := range lines {
		if p := int(l["port"].(float64)); p != ssh && p != smtp {
			t.Errorf("-iL -: port %d was not listed", p)
		}
	}
	// Plain hosts on stdin scan the -p ports.
	r = e.ok(t, "localhost\n", "-n", "-Pn", "-p", strconv.Itoa(other), "-iL", "-")
	wantContains(t, "-iL - host name", r.out, "Nmap scan report for localhost (127.0.0.1)\n")
	wantMatch(t, "-iL - host name", r.out, portLine(other, "tcp", `open +\S+`))
}

// -iL FILE with the lines ZMap, masscan and naabu print.
func e2eInputListFile(t *testing.T, e *e2e) {
	needLocalhost(t)
	a := e2eTCP(t, "127.0.0.1:0", "ssh")
	b := e2eTCP(t, "127.0.0.1:0", "smtp")
	c := e2eTCP(t, "127.0.0.1:0", "http")
	d := e2eTCP(t, "127.0.0.1:0", "ssh")
	unlisted := e2eTCP(t, "127.0.0.1:0", "ssh")
	udp := e2eUDP(t, "127.0.0.1:0")
	list := fmt.Sprintf("open udp %d 127.0.0.1 1690000002\n", udp) + fmt.Sprintf("open tcp %d 127.0.0.1 1690000000\n"+ // masscan -oL
		"banner tcp %d 127.0.0.1 1690000001 ssh SSH-2.0-x\n"+ // masscan banner record: nothing new
		"Discovered open port %d/tcp on 127.0.0.1\n"+ // masscan console
		`{"host":"localhost","ip":"127.0.0.1","port":%d,"protocol":"tcp"}`+"\n"+ // naabu -json
		"127.0.0.1:%d\n", // ZMap / naabu plain
		a, unlisted, b, c, d)
	path := e2eFile(t, t.TempDir(), "list.txt", list)
	r := e.ok(t, "", "-sV", "-n", "--versiondb", e.probes, "-iL", path)
	wantMatch(t, "-iL file", r.out,
		portLine(a, "tcp", `open +ssh +OpenSSH 9\.2p1 \(protocol 2\.0\)`),
		portLine(b, "tcp", `open +smtp +Postfix smtpd`),
		portLine(c, "tcp", `open +http +testhttpd 2\.4`),
		portLine(d, "tcp", `open +ssh +OpenSSH 9\.2p1 \(protocol 2\.0\)`),
		portLine(udp, "udp", `open +e2e-echo +signet e2e responder 1\.5`))
	wantNot(t, "-iL file", r.out, strconv.Itoa(unlisted)+"/tcp", strconv.Itoa(udp)+"/tcp", "Not shown")

	// Targets, host names and CIDR in a file, one or more a line.
	path = e2eFile(t, t.TempDir(), "hosts.txt", "localhost # the name\n127.0.0.1/32\n")
	r = e.ok(t, "", "-n", "-Pn", "-p", strconv.Itoa(a), "-iL", path)
	if n := strings.Count(r.out, "Nmap scan report for"); n != 2 {
		t.Errorf("-iL hosts: %d reports, want 2:\n%s", n, r.out)
	}
	wantContains(t, "-iL hosts", r.out, "Nmap scan report for localhost (127.0.0.1)\n", "2 IP addresses (2 hosts up)")
}

// needLocalhost skips unless /etc/hosts maps localhost to 127.0.0.1, so
// that no look-up of a name or of 127.0.0.1 goes to a DNS server.
func needLocalhost(t *testing.T) {
	t.Helper()
	data, _ := os.ReadFile("/etc/hosts")
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "127.0.0.1" && slices.Contains(f[1:], "localhost") {
			return
		}
	}
	testenv.Missing(t, "/etc/hosts does not map localhost to 127.0.0.1")
}

// Host names on the command line, and reverse DNS without -n.
func e2eHostNames(t *testing.T, e *e2e) {
	needLocalhost(t)
	ssh := e2eTCP(t, "127.0.0.1:0", "ssh")
	p := strconv.Itoa(ssh)
	r := e.ok(t, "", "-n", "-Pn", "-p", p, "localhost")
	wantContains(t, "localhost", r.out, "Nmap scan report for localhost (127.0.0.1)\n", "1 IP address (1 host up)")
	wantMatch(t, "localhost", r.out, portLine(ssh, "tcp", `open +\S+`))
	// Without -n the address is named from /etc/hosts.
	r = e.ok(t, "", "-Pn", "-p", p, "127.0.0.1")
	wantMatch(t, "reverse DNS", r.out, regexp.MustCompile(`(?m)^Nmap scan report for \S+ \(127\.0\.0\.1\)$`))
}

// -iL - reads the stdin run() is given (in-process callers included).
func TestScanInputListStdinInProcess(t *testing.T) {
	ssh := e2eTCP(t, "127.0.0.1:0", "ssh")
	out, errOut, code := signet(t, fmt.Sprintf("127.0.0.1:%d\n", ssh), "-n", "-iL", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	wantMatch(t, "-iL -", out, portLine(ssh, "tcp", `open +\S+`))
}

// --exclude and --excludefile leave hosts out.
func e2eExclude(t *testing.T, e *e2e) {
	port := e2ePair(t, "ssh")
	p := strconv.Itoa(port)
	r := e.ok(t, "", "-n", "-Pn", "-p", p, "--exclude", "127.0.0.1", "127.0.0.1", "127.0.0.2")
	wantContains(t, "--exclude", r.out, "Nmap scan report for 127.0.0.2\n", "1 IP address (1 host up)")
	wantNot(t, "--exclude", r.out, "Nmap scan report for 127.0.0.1\n")
	wantMatch(t, "--exclude", r.out, portLine(port, "tcp", `open +\S+`))

	ex := e2eFile(t, t.TempDir(), "exclude.txt", "# leave out\n127.0.0.2\n")
	r = e.ok(t, "", "-n", "-Pn", "-p", p, "--excludefile", ex, "127.0.0.1-2")
	wantContains(t, "--excludefile", r.out, "Nmap scan report for 127.0.0.1\n", "1 IP address (1 host up)")
	wantNot(t, "--excludefile", r.out, "127.0.0.2")

	// An octet range with a CIDR exclusion.
	r = e.ok(t, "", "-n", "-Pn", "-p", p, "--exclude", "127.0.0.0/31", "127.0.0.1-2")
	wantContains(t, "--exclude CIDR", r.out, "Nmap scan report for 127.0.0.2\n", "1 IP address (1 host up)")
}

func e2eIPv6(t *testing.T, e *e2e) {
	ln, err := net.Listen("tcp", "[::1]:0")
	if err != nil {
		testenv.Missing(t, "::1 is not configured: %v", err)
	}
	ln.Close()
	ssh := e2eTCP(t, "[::1]:0", "ssh")
	xmlPath := filepath.Join(t.TempDir(), "o.xml")
	r := e.ok(t, "", "-sV", "-n", "-Pn", "--versiondb", e.probes, "-p", strconv.Itoa(ssh), "-oX", xmlPath, "::1")
	wantContains(t, "::1", r.out, "Nmap scan report for ::1\n")
	wantMatch(t, "::1", r.out, portLine(ssh, "tcp", `open +ssh +OpenSSH 9\.2p1 \(protocol 2\.0\)`))
	xmlValid(t, xmlPath)
	x, _ := os.ReadFile(xmlPath)
	wantContains(t, "::1 XML", string(x), `<address addr="::1" addrtype="ipv6"/>`)
	// -6 scans IPv6 only: an IPv4 target is refused with nmap's warning, the others scanned.
	r = e.ok(t, "", "-6", "-sn", "-n", "--unprivileged", "127.0.0.1", "::1")
	wantContains(t, "-6 127.0.0.1", r.err, `signet: warning: failed to resolve "127.0.0.1": Hostname 127.0.0.1 resolves, but not to any IPv6 address. Try scanning without -6`+"\n")
	wantContains(t, "-6 ::1", r.out, "Nmap scan report for ::1\n", "1 IP address (1 host up)")
}

// -sU and -sV on a UDP responder; -sT and -sU together with T:/U:.
func e2eUDPScan(t *testing.T, e *e2e) {
	udp := e2eUDP(t, "127.0.0.1:0")
	ssh := e2eTCP(t, "127.0.0.1:0", "ssh")
	for _, flags := range [][]string{{"-sU", "-sV"}, {"-sUV"}} {
		jsonPath := filepath.Join(t.TempDir(), "udp.jsonl")
		args := append(flags, "-n", "-Pn", "--versiondb", e.probes, "-p", strconv.Itoa(udp), "-oJ", jsonPath, "127.0.0.1")
		r := e.ok(t, "", args...)
		wantMatch(t, fmt.Sprint(flags), r.out, portLine(udp, "udp", `open +e2e-echo +signet e2e responder 1\.5`))
		l := e2eJSON(t, jsonPath)
		if len(l) != 1 || l[0]["proto"] != "udp" || l[0]["state"] != "open" || l[0]["service"].(map[string]any)["product"] != "signet e2e responder" {
			t.Errorf("%q JSON: %v", flags, l)
		}
	}
	r := e.ok(t, "", "-sTU", "-n", "-Pn", "--reason", "-p", fmt.Sprintf("T:%d,U:%d", ssh, udp), "127.0.0.1")
	wantMatch(t, "-sTU", r.out, portLine(ssh, "tcp", `open +\S+ +syn-ack`), portLine(udp, "udp", `open +\S+ +udp-response`))
	wantNot(t, "-sTU", r.out, strconv.Itoa(ssh)+"/udp", strconv.Itoa(udp)+"/tcp")
}

// -p lists, ranges and service names (from --datadir's nmap-services).
func e2ePortSpec(t *testing.T, e *e2e) {
	ssh := e2eTCP(t, "127.0.0.1:0", "ssh")
	closed := e2eClosed(t)
	// (Ranges are tested in a fresh network namespace: e2ePortRanges.)
	data := t.TempDir()
	e2eFile(t, data, "nmap-services", fmt.Sprintf("e2e-ssh\t%d/tcp\t0.5\t# test\ne2e-gone\t%d/tcp\t0.4\n", ssh, closed))
	r := e.ok(t, "", "-n", "-Pn", "--datadir", data, "-p", "e2e-ssh,e2e-gone", "127.0.0.1")
	wantMatch(t, "-p names", r.out, portLine(ssh, "tcp", `open +e2e-ssh`), portLine(closed, "tcp", `closed +e2e-gone`))
	r = e.ok(t, "", "-n", "-Pn", "--datadir", data, "-p", "T:e2e-ssh", "127.0.0.1")
	wantMatch(t, "-p T:name", r.out, portLine(ssh, "tcp", `open +e2e-ssh`))
	// --top-ports within -p, against the --datadir table: the most frequent.
	r = e.ok(t, "", "-n", "-Pn", "--datadir", data, "--top-ports", "1", "-p", fmt.Sprintf("%d,%d", ssh, closed), "127.0.0.1")
	wantMatch(t, "--top-ports 1 -p", r.out, portLine(ssh, "tcp", `open +e2e-ssh`))
	wantNot(t, "--top-ports 1 -p", r.out, strconv.Itoa(closed)+"/tcp")
}

// --version-intensity, --version-light and --version-all change which
// probes --version-trace shows being sent.
func e2eIntensity(t *testing.T, e *e2e) {
	junk := e2eTCP(t, "127.0.0.1:0", "garbage")
	sent := regexp.MustCompile(`Service scan sending probe (\S+) to 127\.0\.0\.1:` + strconv.Itoa(junk) + ` \(tcp\)`)
	for _, tc := range []struct {
		flags []string
		want  string
	}{
		{[]string{"--version-intensity", "0"}, "NULL"},
		{[]string{"--version-light"}, "NULL GetRequest"},
		{nil, "NULL GetRequest MidProbe"},
		{[]string{"--version-intensity=7"}, "NULL GetRequest MidProbe"},
		{[]string{"--version-all"}, "NULL GetRequest MidProbe RareProbe"},
	} {
		args := append([]string{"-sV", "-n", "-Pn", "--no-tls-fallback", "--version-trace", "--versiondb", e.probes,
			"-p", strconv.Itoa(junk)}, tc.flags...)
		r := e.ok(t, "", append(args, "127.0.0.1")...)
		wantContains(t, "--version-trace", r.out, fmt.Sprintf("Service scan sending probe NULL to 127.0.0.1:%d (tcp)", junk))
		seen := map[string]bool{}
		var got []string
		for _, m := range sent.FindAllStringSubmatch(r.out, -1) {
			if !seen[m[1]] {
				seen[m[1]] = true
				got = append(got, m[1])
			}
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%q: probes sent %q, want %q\n%s", tc.flags, got, tc.want, r.out)
		}
	}
}

// The detectors (nmap's version scripts, natively) refine the answer;
// --no-version-scripts gives the signature file's; -oJ names the source of
// each field. A web server that redirects to https on its own port is
// marked as TLS by https-redirect, in both timings.
func e2eVersionScripts(t *testing.T, e *e2e) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	port := ln.Addr().(*net.TCPAddr).Port
	go e2eServe(ln, func(c net.Conn) {
		buf := make([]byte, 4096)
		if n, _ := c.Read(buf); n > 0 && bytes.HasPrefix(buf[:n], []byte("GET ")) {
			fmt.Fprintf(c, "HTTP/1.0 301 Moved Permanently\r\nServer: test/2.4\r\nLocation: https://127.0.0.1:%d/\r\n\r\n", port)
		}
	})
	p := strconv.Itoa(port)
	for _, timing := range []string{"nmap", "adaptive"} {
		j := filepath.Join(t.TempDir(), "out.jsonl")
		r := e.ok(t, "", "-sV", "-n", "-Pn", "--versiondb", e.probes, "--version-timing", timing, "-p", p, "-oJ", j, "127.0.0.1")
		wantMatch(t, timing+" with scripts", r.out, portLine(port, "tcp", `open +ssl/http +testhttpd 2\.4`))
		line, err := os.ReadFile(j)
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf(`"sources":{"name":"%s:9","product":"%[1]s:9","tunnel":"https-redirect","version":"%[1]s:9"}`, e.probes)
		if !strings.Contains(string(line), want) {
			t.Errorf("%s: -oJ\n%s\nwant %s", timing, line, want)
		}
		r = e.ok(t, "", "-sV", "-n", "-Pn", "--versiondb", e.probes, "--version-timing", timing, "--no-version-scripts", "-p", p, "127.0.0.1")
		wantMatch(t, timing+" --no-version-scripts", r.out, portLine(port, "tcp", `open +http +testhttpd 2\.4`))
	}
}

// -T0..-T5 and their names parse; -T5 and -T4 scan; -T0 scans one port
// within --host-timeout.
func e2eTiming(t *testing.T, e *e2e) {
	ssh := e2eTCP(t, "127.0.0.1:0", "ssh")
	p := strconv.Itoa(ssh)
	for _, tf := range []string{"-T5", "-T4", "-Tinsane", "-T", "-T3"} {
		args := []string{"-n", "-Pn", "-p", p, tf}
		if tf == "-T" {
			args = append(args, "aggressive")
		}
		r := e.ok(t, "", append(args, "127.0.0.1")...)
		wantMatch(t, tf, r.out, portLine(ssh, "tcp", `open +\S+`))
	}
	start := time.Now()
	r := e.ok(t, "", "-n", "-Pn", "-T0", "--host-timeout", "5s", "-p", p, "127.0.0.1")
	wantMatch(t, "-T0", r.out, portLine(ssh, "tcp", `open +\S+`))
	if d := time.Since(start); d > 8*time.Second {
		t.Errorf("-T0 with --host-timeout 5s took %v", d)
	}
	for _, tf := range []string{"-T1", "-T2", "-Tparanoid", "-Tsneaky", "-Tpolite", "-Tnormal"} {
		// Parsing only: a bad port list stops the run after the flags.
		r := e.run(t, "", "-n", "-Pn", tf, "-p", "80-x", "127.0.0.1")
		if r.code != 2 || !strings.Contains(r.err, "bad port list") {
			t.Errorf("%s did not parse: %s", tf, r)
		}
	}
	// --max-retries 0 and --max-parallelism 1 still find the states.
	closed := e2eClosed(t)
	r = e.ok(t, "", "-n", "-Pn", "--max-retries", "0", "--max-parallelism", "1", "-p", p+","+strconv.Itoa(closed), "127.0.0.1")
	wantMatch(t, "--max-retries 0 --max-parallelism 1", r.out,
		portLine(ssh, "tcp", `open +\S+`), portLine(closed, "tcp", `closed +\S+`))
}

// --host-timeout ends a host's probing and keeps the ports found.
func e2eHostTimeout(t *testing.T, e *e2e) {
	ssh := e2eTCP(t, "127.0.0.1:0", "ssh")
	silent := e2eTCP(t, "127.0.0.1:0", "silent")
	start := time.Now()
	r := e.ok(t, "", "-sV", "-n", "-Pn", "--versiondb", e.probes, "--version-timing", "nmap", "--version-all",
		"--host-timeout", "1500ms", "-p", fmt.Sprintf("%d,%d", ssh, silent), "127.0.0.1")
	took := time.Since(start)
	if took > 6*time.Second {
		t.Errorf("--host-timeout 1500ms: the scan took %v", took)
	}
	wantMatch(t, "--host-timeout", r.out,
		portLine(ssh, "tcp", `open +ssh +OpenSSH 9\.2p1 \(protocol 2\.0\)`),
		portLine(silent, "tcp", `open +.*`))
}

// -v and -d: down hosts are reported with -v, "Scanned at" and reasons with -vv or -d.
func e2eVerboseDebug(t *testing.T, e *e2e) {
	ssh := e2eTCP(t, "127.0.0.1:0", "ssh")
	p := strconv.Itoa(ssh)
	for _, f := range []string{"-v", "-vv", "-v2", "-d", "-d2", "-dd"} {
		r := e.ok(t, "", "-n", "-Pn", f, "-p", p, "127.0.0.1")
		if strings.HasPrefix(f, "-d") || f == "-vv" || f == "-v2" {
			wantContains(t, f, r.out, "Scanned at ", "Host is up, received user-set")
			wantMatch(t, f, r.out, portLine(ssh, "tcp", `open +\S+ +syn-ack`))
		} else {
			wantMatch(t, f, r.out, portLine(ssh, "tcp", `open +\S+`))
		}
	}
	r := e.ok(t, "", "-n", "-Pn", "-p", p, "127.0.0.1")
	wantNot(t, "no -v", r.out, "Scanned at ")
}

// --versiondb embedded|nmap|PATH, --overlay and --datadir, and the stderr
// line saying which file was used.
func e2eVersionDB(t *testing.T, e *e2e) {
	ssh := e2eTCP(t, "127.0.0.1:0", "ssh")
	p := strconv.Itoa(ssh)
	base := []string{"-sV", "-n", "-Pn", "-p", p}
	r := e.ok(t, "", append(base, "--versiondb", "embedded", "127.0.0.1")...)
	wantContains(t, "embedded", r.err, "signatures: signet's embedded file")
	wantMatch(t, "embedded", r.out, portLine(ssh, "tcp", `open +ssh +OpenSSH 9\.2p1 Debian 2\+deb12u3.*`))

	r = e.ok(t, "", append(base, "--versiondb", e.probes, "127.0.0.1")...)
	wantContains(t, "PATH", r.err, "signatures: "+e.probes)

	overlay := e2eFile(t, t.TempDir(), "mine.probes", "Probe TCP NULL q||\nmatch ssh m|^SSH-2\\.0-OpenSSH_9\\.2p1 Debian| p/Overlay SSH/\n")
	r = e.ok(t, "", append(base, "--versiondb", e.probes, "--overlay", overlay, "127.0.0.1")...)
	wantContains(t, "overlay", r.err, "signatures: "+e.probes+" + overlay "+overlay)
	wantMatch(t, "overlay", r.out, portLine(ssh, "tcp", `open +ssh +Overlay SSH`))

	data := t.TempDir()
	e2eFile(t, data, "nmap-service-probes", e2eProbes)
	r = e.ok(t, "", append(base, "--datadir", data, "127.0.0.1")...)
	wantContains(t, "--datadir", r.err, "signatures: "+filepath.Join(data, "nmap-service-probes"))
	wantMatch(t, "--datadir", r.out, portLine(ssh, "tcp", `open +ssh +OpenSSH 9\.2p1 \(protocol 2\.0\)`))

	if _, err := os.Stat(nmapProbes); err != nil {
		testenv.Missing(t, "nmap not installed: --versiondb nmap not tested")
	}
	empty := t.TempDir()
	r = e.runCmd(t, "", []string{"NMAPDIR=" + empty, "HOME=" + empty}, e.bin, append(base, "127.0.0.1")...)
	if r.code != 0 {
		t.Fatalf("default versiondb: %s", r)
	}
	wantContains(t, "default", r.err, "signatures: "+nmapProbes)
	r = e.ok(t, "", append(base, "--versiondb", "nmap", "127.0.0.1")...)
	wantContains(t, "nmap", r.err, "signatures: "+nmapProbes)
	wantMatch(t, "nmap", r.out, portLine(ssh, "tcp", `open +ssh +OpenSSH 9\.2p1 Debian 2\+deb12u3.*`))
}

// With no nmap installed (its folders hidden by a tmpfs in a private mount
// namespace, $NMAPDIR and $HOME empty), a default -sV scan uses the
// embedded file and says so, and --versiondb nmap fails clearly.
func e2eEmbeddedWithoutNmap(t *testing.T, e *e2e) {
	ssh := e2eTCP(t, "127.0.0.1:0", "ssh")
	empty := t.TempDir()
	env := []string{"NMAPDIR=" + empty, "HOME=" + empty}
	var hide []string
	for _, d := range []string{"/usr/local/share/nmap", "/usr/share/nmap"} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			hide = append(hide, d)
		}
	}
	run := func(args ...string) e2eResult {
		if len(hide) == 0 {
			return e.runCmd(t, "", env, e.bin, args...)
		}
		script := ""
		for _, d := range hide {
			script += "mount -t tmpfs none " + d + " && "
		}
		script += `exec "$0" "$@"`
		return e.runCmd(t, "", env, "unshare", append([]string{"-m", "--propagation", "private", "--", "sh", "-c", script, e.bin}, args...)...)
	}
	if len(hide) > 0 {
		if r := run("--version"); r.code != 0 {
			testenv.Missing(t, "cannot hide nmap's folders with unshare -m: %s", r)
		}
	}
	r := run("-sV", "-n", "-Pn", "-p", strconv.Itoa(ssh), "127.0.0.1")
	if r.code != 0 {
		t.Fatalf("default -sV without nmap: %s", r)
	}
	wantContains(t, "no nmap", r.err, "signatures: signet's embedded file")
	wantMatch(t, "no nmap", r.out, portLine(ssh, "tcp", `open +ssh +OpenSSH 9\.2p1 Debian 2\+deb12u3.*`))
	r = run("-sV", "-n", "-Pn", "--versiondb", "nmap", "-p", strconv.Itoa(ssh), "127.0.0.1")
	if r.code == 0 || !strings.Contains(r.err, "nmap-service-probes not found") {
		t.Errorf("--versiondb nmap without nmap: %s", r)
	}
}

// As root in a fresh network namespace, signet scans as nmap does as root: SYN scan by default
// (reset for closed ports, syn-ack with the TTL for open ones), and the local host is up
// with reason localhost-response. Without root the same command fails for -sS.
func e2eRoot(t *testing.T, e *e2e) {
	if os.Geteuid() != 0 {
		if os.Getenv("CI") != "" {
			t.Fatal("CI runs as root")
		}
		r := e.runIsolated(t, "-sS", "-n", "-p", "22", "127.0.0.1")
		wantContains(t, "-sS unprivileged", r.err, "requires root privileges")
		t.Skip("needs root") // skip-ok: CI runs as root (Fatal above)
	}
	listen := map[string]string{"127.0.0.1:2222": "ssh"}
	xmlPath := filepath.Join(t.TempDir(), "syn.xml")
	r := e.inNetnsRoot(t, listen, "", "-n", "--reason", "-p-", "-oX", xmlPath, "127.0.0.1")
	if r.code != 0 {
		t.Fatal(r)
	}
	wantContains(t, "root", r.out, "Host is up, received localhost-response", "Not shown: 65534 closed tcp ports (reset)\n")
	wantMatch(t, "root", r.out, portLine(2222, "tcp", `open +\S+ +syn-ack ttl 64`))
	xmlValid(t, xmlPath)
	x, _ := os.ReadFile(xmlPath)
	wantContains(t, "root XML", string(x), `<scaninfo type="syn" protocol="tcp" numservices="65535" services="1-65535"/>`,
		`<state state="open" reason="syn-ack" reason_ttl="64"/>`, `<extrareasons reason="reset" count="65534" proto="tcp"`)
	// --unprivileged restores the connect scan.
	r = e.inNetnsRoot(t, listen, "", "--unprivileged", "-n", "--reason", "-p", "2221-2222", "127.0.0.1")
	wantMatch(t, "--unprivileged", r.out, portLine(2221, "tcp", `closed +\S+ +conn-refused`))
	// -sn: discovery only.
	r = e.inNetnsRoot(t, listen, "", "-sn", "-n", "127.0.0.1")
	wantContains(t, "-sn", r.out, "Nmap scan report for 127.0.0.1\nHost is up.\nsignet done: 1 IP address (1 host up)")
}

// Host discovery (no -Pn), in a fresh network namespace: the ping ports
// there are closed, which proves the host up; an unroutable address is down.
func e2eDiscovery(t *testing.T, e *e2e) {
	listen := map[string]string{"127.0.0.1:2222": "ssh"}
	r := e.inNetns(t, listen, "", "-n", "--reason", "-p", "2222", "127.0.0.1")
	if r.code != 0 {
		t.Fatal(r)
	}
	wantContains(t, "ping", r.out, "Host is up, received conn-refused", "1 IP address (1 host up)")
	wantMatch(t, "ping", r.out, portLine(2222, "tcp", `open +\S+ +syn-ack`))

	// No route in the namespace: down at once, no port scanned.
	xmlPath := filepath.Join(t.TempDir(), "down.xml")
	r = e.inNetns(t, listen, "", "-n", "-p", "2222", "-oX", xmlPath, "10.255.255.1")
	if r.code != 0 {
		t.Fatal(r)
	}
	xmlValid(t, xmlPath)
	x, _ := os.ReadFile(xmlPath)
	wantContains(t, "down XML", string(x), `<hosts up="0" down="1" total="1"/>`)
	wantContains(t, "down", r.out, "Note: Host seems down.", "1 IP address (0 hosts up)")
	wantNot(t, "down", r.out, "2222/tcp")
	r = e.inNetns(t, listen, "", "-n", "-v", "-p", "2222", "10.255.255.1")
	wantContains(t, "down -v", r.out, "Nmap scan report for 10.255.255.1 [host down]")
	// -Pn/-P0 skip discovery: the host is up, its port filtered or unreachable.
	for _, f := range []string{"-Pn", "-P0"} {
		r = e.inNetns(t, listen, "", "-n", f, "--max-retries", "0", "-p", "2222", "127.0.0.1")
		wantContains(t, f, r.out, "1 IP address (1 host up)")
		wantMatch(t, f, r.out, portLine(2222, "tcp", `open +\S+`))
	}
}

// -p-, --top-ports, -F and the default ports in a fresh network namespace
// with one listener.
func e2ePortRanges(t *testing.T, e *e2e) {
	listen := map[string]string{"127.0.0.1:22": "ssh"}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-p-", "-oX", filepath.Join(t.TempDir(), "all.xml")}, "Not shown: 65534 closed tcp ports (conn-refused)\n"},
		{[]string{"-p", "1-65535"}, "Not shown: 65534 closed tcp ports (conn-refused)\n"},
		{nil, "Not shown: 999 closed tcp ports (conn-refused)\n"},
		{[]string{"-F"}, "Not shown: 99 closed tcp ports (conn-refused)\n"},
		{[]string{"--top-ports", "200"}, "Not shown: 199 closed tcp ports (conn-refused)\n"},
	} {
		args := append([]string{"-n", "-Pn", "-sV", "--versiondb", e.probes}, tc.args...)
		r := e.inNetns(t, listen, "", append(args, "127.0.0.1")...)
		if r.code != 0 {
			t.Fatalf("%q: %s", tc.args, r)
		}
		wantContains(t, fmt.Sprint(tc.args), r.out, tc.want)
		wantMatch(t, fmt.Sprint(tc.args), r.out, portLine(22, "tcp", `open +ssh +OpenSSH 9\.2p1 \(protocol 2\.0\)`))
		if n := strings.Count(r.out, "/tcp "); n != 1 {
			t.Errorf("%q: %d port lines, want 1:\n%s", tc.args, n, r.out)
		}
		if len(tc.args) > 2 && tc.args[1] == "-oX" {
			xmlValid(t, tc.args[2])
		}
	}
	// --top-ports 10: nine closed ports are shown, not summarised.
	r := e.inNetns(t, listen, "", "-n", "-Pn", "--top-ports", "10", "127.0.0.1")
	wantNot(t, "--top-ports 10", r.out, "Not shown")
	if n := len(closedLine.FindAllString(r.out, -1)); n != 9 {
		t.Errorf("--top-ports 10: %d closed lines, want 9:\n%s", n, r.out)
	}
	// -p with service names from the installed table.
	r = e.inNetns(t, listen, "", "-n", "-Pn", "-p", "ssh", "127.0.0.1")
	wantMatch(t, "-p ssh", r.out, portLine(22, "tcp", `open +ssh`))
	// -v raises the limit: 30 closed ports are listed with -v, summarised without.
	r = e.inNetns(t, listen, "", "-n", "-Pn", "-p", "22,1000-1029", "127.0.0.1")
	wantContains(t, "30 closed", r.out, "Not shown: 30 closed tcp ports (conn-refused)\n")
	r = e.inNetns(t, listen, "", "-n", "-Pn", "-v", "-p", "22,1000-1029", "127.0.0.1")
	wantNot(t, "30 closed -v", r.out, "Not shown")
	if n := len(closedLine.FindAllString(r.out, -1)); n != 30 {
		t.Errorf("-v: %d closed lines, want 30", n)
	}
}

// A CIDR block with -Pn, in a fresh network namespace: the one listener's
// address is open, the others refuse.
func e2eCIDR(t *testing.T, e *e2e) {
	listen := map[string]string{"127.0.0.1:2222": "ssh", "127.0.0.2:2222": "smtp"}
	r := e.inNetns(t, listen, "", "-n", "-Pn", "-sV", "--versiondb", e.probes, "-p", "2222", "127.0.0.1/30")
	if r.code != 0 {
		t.Fatal(r)
	}
	wantContains(t, "/30", r.out, "4 IP addresses (4 hosts up)")
	for _, a := range []string{"127.0.0.0", "127.0.0.1", "127.0.0.2", "127.0.0.3"} {
		wantContains(t, "/30", r.out, "Nmap scan report for "+a+"\n")
	}
	wantMatch(t, "/30", r.out, portLine(2222, "tcp", `open +ssh +OpenSSH 9\.2p1 \(protocol 2\.0\)`),
		portLine(2222, "tcp", `open +smtp +Postfix smtpd`), portLine(2222, "tcp", `closed +\S+`))
	// Octet ranges: 127.0.0.1-2 and 127.0.0-1.1 (two hosts).
	r = e.inNetns(t, listen, "", "-n", "-Pn", "-p", "2222", "127.0.0.1-2", "127.0.0-1.1")
	wantContains(t, "ranges", r.out, "4 IP addresses (4 hosts up)", "Nmap scan report for 127.0.1.1\n")
	if n := strings.Count(r.out, "2222/tcp open"); n != 3 {
		t.Errorf("ranges: %d open lines, want 3:\n%s", n, r.out)
	}
}
