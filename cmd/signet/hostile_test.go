package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/testenv"
	"github.com/signetscan/signet/vscan"
)

// A signature file with short waits: the pipeline tests' whole walk on a
// port is NULL, GetRequest and TLSHello, 1 s each. The servers answer at
// once; 1 s, not 300 ms, leaves room for a loaded machine, where the
// server's process or signet's can be off the CPU for a few hundred ms
// (see e2eProbes).
const pipelineProbes = `Probe TCP NULL q||
totalwaitms 1000
tcpwrappedms 200
match ssh m|^SSH-([\d.]+)-OpenSSH_([\w.]+)| p/OpenSSH/ v/$2/ i/protocol $1/
match smtp m|^220 ([-\w.]+) ESMTP Postfix| p/Postfix smtpd/ h/$1/
match ssl m|^\x16\x03[\x00-\x04]..\x02|s
Probe TCP GetRequest q|GET / HTTP/1.0\r\n\r\n|
totalwaitms 1000
match http m|^HTTP/1\.[01] \d\d\d .*\r\nServer: test/([\d.]+)\r\n|s p/testhttpd/ v/$1/
Probe TCP TLSHello q|\x16\x03\x01\x00\x05\x01\x00\x00\x01\x00|
totalwaitms 1000
match ssl m|^\x15\x03[\x00-\x04]\x00\x02|
`

const serverLife = 15 * time.Second // no test connection lives longer

// loopServer is a loopback listener running handle per connection, each
// bounded by serverLife and stopped when the test ends. live counts the
// connections whose handler runs, with connections from every server
// sharing the same counter when given one.
type loopServer struct {
	port int
	done chan struct{}
}

type connCounter struct {
	mu      sync.Mutex
	open    map[net.Conn]time.Time
	maxOpen int // most connections seen open at once (see sample)
}

func serveLoop(t *testing.T, cnt *connCounter, handle func(s *loopServer, c net.Conn)) *loopServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &loopServer{port: ln.Addr().(*net.TCPAddr).Port, done: make(chan struct{})}
	var wg sync.WaitGroup
	t.Cleanup(func() { close(s.done); ln.Close(); wg.Wait() })
	wg.Go(func() {
		for i := 0; i < 10000; i++ {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			if cnt != nil {
				cnt.add(c)
			}
			wg.Go(func() {
				defer c.Close()
				if cnt != nil {
					defer cnt.remove(c)
				}
				c.SetDeadline(time.Now().Add(serverLife))
				stop := make(chan struct{})
				defer close(stop)
				go func() {
					select {
					case <-s.done:
						c.SetDeadline(time.Unix(1, 0))
					case <-stop:
					}
				}()
				handle(s, c)
			})
		}
	})
	return s
}

func (c *connCounter) add(conn net.Conn) {
	c.mu.Lock()
	c.open[conn] = time.Now()
	c.mu.Unlock()
}

func (c *connCounter) remove(conn net.Conn) {
	c.mu.Lock()
	delete(c.open, conn)
	c.mu.Unlock()
}

// sample records how many connections are open, counting only those open
// for 20 ms or more: a client that closed one connection and opened the
// next is not caught in the instant before the server reads the EOF.
func (c *connCounter) sample() {
	c.mu.Lock()
	n := 0
	for _, at := range c.open {
		if time.Since(at) >= 20*time.Millisecond {
			n++
		}
	}
	c.maxOpen = max(c.maxOpen, n)
	c.mu.Unlock()
}

// drain reads and discards until the peer closes or the server stops.
func drain(_ *loopServer, c net.Conn) {
	buf := make([]byte, 4096)
	for i := 0; i < 100000; i++ {
		if _, err := c.Read(buf); err != nil {
			return
		}
	}
}

func bannerThenDrain(b string) func(*loopServer, net.Conn) {
	return func(s *loopServer, c net.Conn) {
		c.Write([]byte(b))
		drain(s, c)
	}
}

// The three well-behaved services and five hostile ones.
var (
	sshServer  = bannerThenDrain("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")
	smtpServer = bannerThenDrain("220 mail.example.test ESMTP Postfix (Debian/GNU)\r\n")
	httpServer = func(s *loopServer, c net.Conn) {
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
	}
	floodServer = func(s *loopServer, c net.Conn) {
		chunk := bytes.Repeat([]byte("FLOOD\x00\xff"), 2048)
		for i := 0; i < 4096; i++ { // at most 64 MB per connection
			if _, err := c.Write(chunk); err != nil {
				return
			}
		}
	}
	trickleServer = func(s *loopServer, c net.Conn) {
		for i := 0; i < int(serverLife/(50*time.Millisecond)); i++ {
			if _, err := c.Write([]byte{'.'}); err != nil {
				return
			}
			select {
			case <-s.done:
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}
	silentServer   = drain
	tlsStallServer = bannerThenDrain("\x16\x03\x03\x00\x5a\x02\x00\x00\x56\x03\x03\x11\x22\x33\x44\x55")
	resetServer    = func(s *loopServer, c net.Conn) {
		c.Write([]byte("RST\r\n"))
		time.Sleep(5 * time.Millisecond)
		c.(*net.TCPConn).SetLinger(0)
	}
)

type xmlRun struct {
	Hosts []struct {
		Ports []struct {
			Port    int    `xml:"portid,attr"`
			State   xmlVal `xml:"state"`
			Service *struct {
				Name    string `xml:"name,attr"`
				Product string `xml:"product,attr"`
				Version string `xml:"version,attr"`
				Tunnel  string `xml:"tunnel,attr"`
			} `xml:"service"`
		} `xml:"ports>port"`
	} `xml:"host"`
	Finished struct {
		Exit     string `xml:"exit,attr"`
		ErrorMsg string `xml:"errormsg,attr"`
		Summary  string `xml:"summary,attr"`
	} `xml:"runstats>finished"`
}

type xmlVal struct {
	State string `xml:"state,attr"`
}

func readXML(t *testing.T, path string) *xmlRun {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r xmlRun
	if err := xml.Unmarshal(data, &r); err != nil {
		t.Fatalf("%s: %v\n%s", path, err, data)
	}
	return &r
}

// portServices maps port → "name product version" from the XML.
func portServices(r *xmlRun) map[int]string {
	m := map[int]string{}
	for _, h := range r.Hosts {
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

func writeProbes(t *testing.T) string {
	t.Helper()
	return writeProbesText(t, pipelineProbes)
}

func writeProbesText(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "short.probes")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestScanHostilePorts: one scan of eight loopback ports, five hostile and
// three well-behaved. The good ones are identified, the hostile ones end
// at their limits, and the scan ends in the time of its slowest port (the
// TLS fallback's stalled handshake) — and within --host-timeout when it is
// set, keeping the ports already identified.
func TestScanHostilePorts(t *testing.T) {
	good := map[int]string{}
	var ports []string
	for _, s := range []struct {
		h    func(*loopServer, net.Conn)
		want string
	}{
		{sshServer, "open /ssh OpenSSH 9.2p1"},
		{smtpServer, "open /smtp Postfix smtpd "},
		{httpServer, "open /http testhttpd 2.4"},
		{floodServer, ""}, {trickleServer, ""}, {silentServer, ""}, {tlsStallServer, ""}, {resetServer, ""},
	} {
		srv := serveLoop(t, nil, s.h)
		ports = append(ports, strconv.Itoa(srv.port))
		if s.want != "" {
			good[srv.port] = s.want
		}
	}
	probes := writeProbes(t)
	// The slowest port: the walk, then the TLS fallback's 8 s handshake
	// timeout (silent), or the tunnel's (tls-stall).
	bound := 3*time.Second + vscan.SSLConnectTimeout + 3*time.Second
	for _, tc := range []struct {
		name  string
		extra []string
		bound time.Duration
	}{
		{"adaptive", nil, bound},
		{"adaptive/host-timeout-3s", []string{"--host-timeout", "3s"}, 3*time.Second + 2500*time.Millisecond},
		{"nmap", []string{"--version-timing", "nmap"}, bound},
		{"nmap/host-timeout-3s", []string{"--version-timing", "nmap", "--host-timeout", "3s"}, 3*time.Second + 2500*time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			xmlPath, jsonPath := filepath.Join(dir, "x.xml"), filepath.Join(dir, "j.jsonl")
			args := append([]string{"-sV", "-Pn", "-n", "--versiondb", probes, "-p", strings.Join(ports, ","),
				"-oX", xmlPath, "-oJ", jsonPath}, tc.extra...)
			args = append(args, "127.0.0.1")
			start := time.Now()
			out, errOut, code := signet(t, "", args...)
			took := time.Since(start)
			t.Logf("scan took %v (bound %v)", took.Round(time.Millisecond), tc.bound)
			if code != 0 {
				t.Fatalf("exit %d: %s\n%s", code, errOut, out)
			}
			if took > tc.bound {
				t.Errorf("scan took %v, bound %v", took, tc.bound)
			}
			if _, err := exec.LookPath("xmllint"); err != nil {
				testenv.Missing(t, "xmllint not installed: %v", err)
			}
			if out, err := exec.Command("xmllint", "--noout", "--dtdvalid", "/usr/share/nmap/nmap.dtd", xmlPath).CombinedOutput(); err != nil {
				t.Errorf("xmllint: %v\n%s", err, out)
			}
			got := portServices(readXML(t, xmlPath))
			t.Logf("ports: %v", got)
			for _, p := range ports {
				n, _ := strconv.Atoi(p)
				if !strings.HasPrefix(got[n], "open") {
					t.Errorf("port %d: %q, want open", n, got[n])
				}
				if want, ok := good[n]; ok && got[n] != want {
					t.Errorf("port %d: %q, want %q", n, got[n], want)
				}
			}
			lines := jsonLines(t, jsonPath)
			if len(lines) != len(ports) {
				t.Errorf("%d JSON lines for %d ports", len(lines), len(ports))
			}
		})
	}
}

func jsonLines(t *testing.T, path string) []map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if len(data) > 0 && data[len(data)-1] != '\n' {
		t.Errorf("%s does not end with a newline", path)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Errorf("%s: bad line %q: %v", path, sc.Text(), err)
			continue
		}
		if _, ok := m["record"]; !ok { // port lines only
			out = append(out, m)
		}
	}
	return out
}

// TestMaxHostConns: twelve slow ports on one host, twenty services probed
// at once, --max-host-conns 3: no more than three connections are ever
// open to the host at the same time.
func TestMaxHostConns(t *testing.T) {
	if a, err := parseScanArgs([]string{"127.0.0.1"}); err != nil || a.maxHostConns != 1024 {
		t.Fatalf("default --max-host-conns: %+v %v, want 1024", a, err)
	}
	cnt := &connCounter{open: map[net.Conn]time.Time{}}
	var ports []string
	for range 12 {
		ports = append(ports, strconv.Itoa(serveLoop(t, cnt, silentServer).port))
	}
	// Silent ports: no reply can come late, and 300 ms waits keep the
	// twelve walks, three connections at a time, short.
	probes := writeProbesText(t, strings.ReplaceAll(pipelineProbes, "totalwaitms 1000", "totalwaitms 300"))
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; i < 100000; i++ {
			cnt.sample()
			select {
			case <-quit:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	})
	start := time.Now()
	_, errOut, code := signet(t, "", "-sV", "-Pn", "-n", "--no-tls-fallback", "--versiondb", probes,
		"--max-host-conns", "3", "-p", strings.Join(ports, ","), "127.0.0.1")
	close(quit)
	wg.Wait()
	t.Logf("12 silent ports, cap 3: %v, at most %d connections open at once", time.Since(start).Round(time.Millisecond), cnt.maxOpen)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if cnt.maxOpen > 3 {
		t.Errorf("%d connections open at once, cap 3", cnt.maxOpen)
	}
	if cnt.maxOpen < 2 {
		t.Errorf("only %d connection at once: the cap should still allow 3", cnt.maxOpen)
	}
}

// TestInterrupt: SIGINT during a scan keeps what is finished. The binary
// runs for real; the signal comes once the first port is in the JSON
// lines file, while a silent port is still being probed — and, in a second
// run, at once, before any host is finished. Either way the exit status is
// non-zero, the XML is complete and valid against nmap.dtd with
// <finished exit="error" errormsg="Interrupted by user">, and every file
// ends properly. The host cut short is left out of the files, and
// signet --resume completes them.
func TestInterrupt(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		testenv.Missing(t, "xmllint not installed")
	}
	const dtd = "/usr/share/nmap/nmap.dtd"
	if _, err := os.Stat(dtd); err != nil {
		testenv.Missing(t, "nmap.dtd not installed")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "signet")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	ssh := serveLoop(t, nil, sshServer)
	smtp := serveLoop(t, nil, smtpServer)
	slow := serveLoop(t, nil, silentServer)
	probes := writeProbes(t)
	ports := strconv.Itoa(ssh.port) + "," + strconv.Itoa(smtp.port) + "," + strconv.Itoa(slow.port)

	for _, tc := range []struct {
		name      string
		firstPort bool   // wait for the first port; else signal at once
		db        string // nmap's file takes a while to load: the signal comes meanwhile
	}{{"after-first-port", true, probes}, {"at-once", false, nmapProbes}} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.db); err != nil {
				testenv.Missing(t, "%v", err)
			}
			base := filepath.Join(t.TempDir(), "out")
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "-sV", "-Pn", "-n", "--versiondb", tc.db, "-p", ports,
				"-oX", base+".xml", "-oN", base+".nmap", "-oG", base+".gnmap", "-oJ", base+".jsonl", "127.0.0.1")
			cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+dir)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if tc.firstPort {
				deadline := time.Now().Add(10 * time.Second)
				for {
					// The first port line (the file starts with the run's record).
					data, _ := os.ReadFile(base + ".jsonl")
					if bytes.Contains(data, []byte(`"port":`)) {
						break
					}
					if time.Now().After(deadline) {
						cmd.Process.Kill()
						t.Fatalf("no port finished in 10 s; stderr: %s", stderr.String())
					}
					time.Sleep(20 * time.Millisecond)
				}
			} else {
				// As soon as the XML file exists: outputs are open, the
				// signatures may still be loading.
				deadline := time.Now().Add(10 * time.Second)
				for {
					if _, err := os.Stat(base + ".xml"); err == nil {
						break
					}
					if time.Now().After(deadline) {
						cmd.Process.Kill()
						t.Fatalf("no XML file in 10 s; stderr: %s", stderr.String())
					}
					time.Sleep(5 * time.Millisecond)
				}
			}
			sent := time.Now()
			if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			stopped := time.Since(sent)
			t.Logf("exited %v after SIGINT: %v; stderr: %s", stopped.Round(time.Millisecond), err, stderr.String())
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() <= 0 {
				t.Fatalf("want a non-zero exit status, got %v", err)
			}
			if stopped > 3*time.Second {
				t.Errorf("took %v to stop after SIGINT", stopped)
			}

			if out, err := exec.Command("xmllint", "--noout", "--dtdvalid", dtd, base+".xml").CombinedOutput(); err != nil {
				x, _ := os.ReadFile(base + ".xml")
				t.Errorf("xmllint: %v\n%s\n%s", err, out, x)
			}
			x := readXML(t, base+".xml")
			if x.Finished.Exit != "error" || x.Finished.ErrorMsg != "Interrupted by user" {
				t.Errorf("finished: %+v", x.Finished)
			}
			lines := jsonLines(t, base+".jsonl")
			normal, _ := os.ReadFile(base + ".nmap")
			if !bytes.HasPrefix(normal, []byte("# ")) || !bytes.HasSuffix(normal, []byte("Interrupted by user\nQUITTING!\n")) {
				t.Errorf("normal output:\n%s", normal)
			}
			grep, _ := os.ReadFile(base + ".gnmap")
			lastLine := grep[bytes.LastIndexByte(grep[:max(0, len(grep)-1)], '\n')+1:]
			if !bytes.HasPrefix(lastLine, []byte("# ")) || !bytes.Contains(lastLine, []byte("(Interrupted by user)")) || !bytes.HasSuffix(grep, []byte("\n")) {
				t.Errorf("grepable output:\n%s", grep)
			}
			if !tc.firstPort {
				return
			}
			// The port finished before the signal is in the JSON lines; its host, cut
			// short, is in no file (files hold finished hosts only), and no host line says
			// it is complete.
			found := false
			for _, l := range lines {
				if int(l["port"].(float64)) == ssh.port {
					found = true
				}
			}
			if !found {
				t.Errorf("JSON lines lack the ssh port: %v", lines)
			}
			if bytes.Contains(normal, []byte("Nmap scan report")) || bytes.Contains(grep, []byte("Host: ")) || len(x.Hosts) > 0 {
				t.Errorf("a host cut short is in the files:\n%s\n%s", normal, grep)
			}
			// signet --resume scans it again and completes every file.
			r := exec.CommandContext(ctx, bin, "--resume", base+".nmap")
			r.Env = cmd.Env
			if out, err := r.CombinedOutput(); err != nil {
				t.Fatalf("--resume: %v\n%s", err, out)
			}
			x = readXML(t, base+".xml")
			if got := portServices(x); got[ssh.port] != "open /ssh OpenSSH 9.2p1" || x.Finished.Exit != "success" {
				t.Errorf("after --resume: ssh port %q, exit %q", got[ssh.port], x.Finished.Exit)
			}
			seen := map[int]int{}
			for _, l := range jsonLines(t, base+".jsonl") {
				seen[int(l["port"].(float64))]++
			}
			if seen[ssh.port] != 1 || seen[smtp.port] != 1 || seen[slow.port] != 1 {
				t.Errorf("after --resume, JSON lines per port: %v, want each once", seen)
			}
			normal, _ = os.ReadFile(base + ".nmap")
			if !bytes.Contains(normal, []byte(strconv.Itoa(ssh.port)+"/tcp open  ssh")) || bytes.Count(normal, []byte("Nmap scan report")) != 1 {
				t.Errorf("normal output after --resume:\n%s", normal)
			}
			grep, _ = os.ReadFile(base + ".gnmap")
			if !bytes.Contains(grep, []byte(strconv.Itoa(ssh.port)+"/open/tcp//ssh//OpenSSH 9.2p1")) {
				t.Errorf("grepable output after --resume:\n%s", grep)
			}
		})
	}
}
