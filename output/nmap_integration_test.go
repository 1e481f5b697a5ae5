//go:build integration

package output

// These tests run the real nmap (Debian's 7.93) against listeners they
// open on 127.0.0.1, then compare signet's writers with nmap's files:
//
//   - TestNdiffAgainstNmap builds the result a signet scan would produce by
//     hand and expects ndiff to find no host, port or service difference;
//   - TestNmapRoundTrip reads nmap's XML back into result types, writes it
//     with our writers and expects the host sections of the normal, XML and
//     grepable files to be byte-identical to nmap's.

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signetscan/signet/result"
)

const sshBanner = "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.1\r\n"

// listen serves banner on a fresh 127.0.0.1 port; with closeAfter the
// connection is closed once the banner is sent, else when the client
// closes it or after 10 s. The listener goes away with the test.
func listen(t *testing.T, banner string, closeAfter bool) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				c.SetDeadline(time.Now().Add(10 * time.Second))
				if _, err := c.Write([]byte(banner)); err != nil || closeAfter {
					return
				}
				buf := make([]byte, 4096)
				for {
					if _, err := c.Read(buf); err != nil {
						return
					}
				}
			}()
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

// closedPorts returns n loopback ports nobody listens on (bound, then
// released).
func closedPorts(t *testing.T, n int) []int {
	t.Helper()
	var lns []net.Listener
	var ports []int
	for len(ports) < n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		lns = append(lns, ln)
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
	}
	for _, ln := range lns {
		ln.Close()
	}
	return ports
}

// runNmap runs a connect scan with version detection and returns the path
// prefix of its -oX/-oN/-oG files (.xml, .nmap, .gnmap).
func runNmap(t *testing.T, ports []int, extra ...string) string {
	t.Helper()
	nmap := need(t, "nmap")
	var list []string
	for _, p := range ports {
		list = append(list, strconv.Itoa(p))
	}
	base := filepath.Join(t.TempDir(), "nmap")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	argv := append([]string{"-sV", "-sT", "-Pn", "-n", "-p", strings.Join(list, ","),
		"-oX", base + ".xml", "-oN", base + ".nmap", "-oG", base + ".gnmap"}, extra...)
	cmd := exec.CommandContext(ctx, nmap, append(argv, "127.0.0.1")...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nmap: %v\n%s", err, out)
	}
	return base
}

func TestNdiffAgainstNmap(t *testing.T) {
	ndiff := need(t, "ndiff")
	ssh := listen(t, sshBanner, false)
	closed := closedPorts(t, 30)
	base := runNmap(t, append([]int{ssh}, closed...))

	// What signet reports for the same ports.
	start := time.Now()
	h := &result.Host{Addr: "127.0.0.1", Status: result.HostUp, Reason: "user-set", Start: start, End: start,
		Ports: []*result.Port{{Number: ssh, Proto: "tcp", State: "open", Reason: "syn-ack", Service: &result.Service{
			Name: "ssh", Product: "OpenSSH", Version: "8.9p1 Ubuntu 3ubuntu0.1", Info: "Ubuntu Linux; protocol 2.0", OS: "Linux",
			CPE: []string{"cpe:/a:openbsd:openssh:8.9p1", "cpe:/o:linux:linux_kernel"}, Method: result.MethodProbed, Conf: 10}}}}
	for _, p := range closed {
		h.Ports = append(h.Ports, &result.Port{Number: p, Proto: "tcp", State: "closed", Reason: "conn-refused"})
	}
	run := &result.Run{Version: "0.1.0", Args: []string{"signet", "-sV"}, Start: start, VersionScan: true,
		Scans: []result.ScanInfo{{Type: result.ScanConnect, Proto: "tcp", Ports: sortedInts(append([]int{ssh}, closed...))}}}
	h.Consolidate(run.Verbose, run.Debugging)
	ours := writeXML(t, run, []*result.Host{h}, &result.RunEnd{Time: start, HostsUp: 1, HostsTotal: 1})

	out, _ := exec.Command(ndiff, "--xml", base+".xml", ours).CombinedOutput()
	if !bytes.Contains(out, []byte("<nmapdiff")) {
		t.Fatalf("ndiff failed:\n%s", out)
	}
	if bytes.Contains(out, []byte("<hostdiff")) {
		t.Fatalf("ndiff finds host/port/service differences:\n%s", out)
	}

	// The comparison is not blind: a different version is a difference.
	h.Ports[0].Service.Version = "9.9p1"
	other := writeXML(t, run, []*result.Host{h}, &result.RunEnd{Time: start, HostsUp: 1, HostsTotal: 1})
	out, _ = exec.Command(ndiff, "--xml", base+".xml", other).CombinedOutput()
	if !bytes.Contains(out, []byte("<portdiff")) {
		t.Fatalf("ndiff missed a version difference:\n%s", out)
	}
}

func TestNmapRoundTrip(t *testing.T) {
	ssh := listen(t, sshBanner, false)
	junk := listen(t, "\x01\x02garbage-proto v9 <&>\r\n", true)
	// 30 closed ports are summarised ("Not shown"); 3 stay in the table,
	// and the report has a blank line where "Not shown" would be.
	t.Run("notshown", func(t *testing.T) { roundTrip(t, append([]int{ssh, junk}, closedPorts(t, 30)...)) })
	t.Run("reason", func(t *testing.T) { roundTrip(t, append([]int{ssh, junk}, closedPorts(t, 3)...), "--reason") })
}

func roundTrip(t *testing.T, ports []int, extra ...string) {
	base := runNmap(t, ports, extra...)

	raw, err := os.ReadFile(base + ".xml")
	if err != nil {
		t.Fatal(err)
	}
	run, hosts, end, err := ReadXML(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}

	var nbuf, xbuf, gbuf bytes.Buffer
	m := Multi(NewNormal(&nbuf, LogFile), NewXML(&xbuf), NewGrepable(&gbuf))
	if err := m.Begin(run); err != nil {
		t.Fatal(err)
	}
	for _, h := range hosts {
		if err := m.Host(h); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.End(end); err != nil {
		t.Fatal(err)
	}

	read := func(ext string) string {
		b, err := os.ReadFile(base + ext)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	same := func(what, theirs, ours string) {
		t.Helper()
		if theirs == "" {
			t.Errorf("%s: nothing found in nmap's file", what)
		}
		if theirs != ours {
			t.Errorf("%s differs from nmap's\n%s\nnmap:\n%s\nsignet:\n%s", what, firstDiff(theirs, ours), theirs, ours)
		}
	}
	same("XML <host>", between(read(".xml"), "<host ", "</host>\n"), between(xbuf.String(), "<host ", "</host>\n"))
	same("normal host report", between(read(".nmap"), "Nmap scan report for", "Service detection performed"),
		between(nbuf.String(), "Nmap scan report for", "Service detection performed"))
	same("grepable host lines", grepLines(read(".gnmap"), "Host: "), grepLines(gbuf.String(), "Host: "))
	if !strings.Contains(xbuf.String(), "servicefp=") {
		t.Logf("nmap recognised the junk banner; the fingerprint path went untested:\n%s", read(".nmap"))
	}
}

func writeXML(t *testing.T, run *result.Run, hosts []*result.Host, end *result.RunEnd) string {
	t.Helper()
	var buf bytes.Buffer
	x := NewXML(&buf)
	if err := x.Begin(run); err != nil {
		t.Fatal(err)
	}
	for _, h := range hosts {
		if err := x.Host(h); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.End(end); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "signet.xml")
	if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// between is s from the first start through the last end (inclusive of
// end only when end is a closing tag).
func between(s, start, end string) string {
	i := strings.Index(s, start)
	j := strings.LastIndex(s, end)
	if i < 0 || j < i {
		return ""
	}
	if strings.HasPrefix(end, "</") {
		j += len(end)
	}
	return s[i:j]
}

func grepLines(s, prefix string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func sortedInts(a []int) []int {
	b := append([]int(nil), a...)
	for i := 1; i < len(b); i++ {
		for j := i; j > 0 && b[j] < b[j-1]; j-- {
			b[j], b[j-1] = b[j-1], b[j]
		}
	}
	return b
}
