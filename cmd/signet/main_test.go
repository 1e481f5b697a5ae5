package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/internal/testenv"
	"github.com/signetscan/signet/serve"
	"github.com/signetscan/signet/versiondb"
)

const nmapProbes = "/usr/share/nmap/nmap-service-probes"

func needNmap(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(nmapProbes); err != nil {
		testenv.Missing(t, "nmap not installed: %v", err)
	}
}

// signet runs the command in-process with a private config folder, so no
// user overlay can change the answer.
func signet(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var o, e bytes.Buffer
	code = run(args, strings.NewReader(stdin), &o, &e)
	return o.String(), e.String(), code
}

const seed = "../../testdata/seed/"

func TestMatchPineAppNmap(t *testing.T) {
	needNmap(t)
	out, errOut, code := signet(t, "", "match", "--versiondb", nmapProbes, seed+"pineapp.fp")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "\n25/tcp open  smtp-proxy PineApp Mail-SeCure smtp proxy\n") {
		t.Fatalf("output:\n%s", out)
	}
	if !strings.Contains(errOut, "signatures: "+nmapProbes) {
		t.Errorf("stderr does not say which file was used: %q", errOut)
	}
}

func TestMatchPineAppOverlay(t *testing.T) {
	needNmap(t)
	out, errOut, code := signet(t, "", "match", "--versiondb", nmapProbes, "--overlay", seed+"pineapp-overlay.probes", seed+"pineapp.fp")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"\n25/tcp open  smtp    PineApp Mail-secure (PineApp Av and Antispam mail gateway)\n",
		"\nService Info: OS: Linux\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

// The fingerprint can also come on stdin, with flags after it, and
// --trace names FILE:LINE of each line on the way.
func TestMatchStdinTrace(t *testing.T) {
	needNmap(t)
	fp, err := os.ReadFile(seed + "pineapp.fp")
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := signet(t, string(fp), "match", "-", "--versiondb", "nmap", "--trace")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"25/tcp probe NULL: softmatch smtp at " + nmapProbes + ":",
		"25/tcp probe Hello: match smtp-proxy at " + nmapProbes + ":",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

func TestLintNmapFile(t *testing.T) {
	needNmap(t)
	out, errOut, code := signet(t, "", "lint", nmapProbes)
	// nmap 7.93's file parses, but seven of its lines match their own
	// probe's payload sent back: an echo service on those probes' ports
	// gets their names. Those are lint's only errors, and they exit 1.
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s\n%s", code, errOut, tail(out, 10))
	}
	var errLines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, ": error: ") {
			errLines = append(errLines, strings.TrimPrefix(l, nmapProbes+":"))
		}
	}
	want := []string{
		"13716:1: error: matches its own probe's payload echoed back (all 117 bytes): an echo service would be named qemu-vlan",
		"15048:1: error: matches its own probe's payload echoed back (all 12 bytes): an echo service would be named nessus",
		"15055:1: error: matches its own probe's payload echoed back (all 12 bytes): an echo service would be named nessus",
		"15065:1: error: matches its own probe's payload echoed back (all 12 bytes): an echo service would be named nessus",
		"15159:1: error: matches its own probe's payload echoed back (all 60 bytes): an echo service would be named snmp",
		"15349:1: error: matches its own probe's payload echoed back (all 41 bytes): an echo service would be named socks5",
		"15864:1: error: matches its own probe's payload echoed back (all 236 bytes): an echo service would be named ibm-mqseries",
	}
	if strings.Join(errLines, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errLines, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(out, nmapProbes+": 148 probes, 11721 match, 196 softmatch\n") {
		t.Fatalf("summary missing:\n%s", tail(out, 5))
	}
}

func TestLintErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.probes")
	os.WriteFile(bad, []byte("Probe TCP NULL q||\nmatch x m/(abc/\nrarity 0\n"), 0o644)
	out, _, code := signet(t, "", "lint", bad)
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, out)
	}
	for _, want := range []string{bad + ":2:", bad + ":3:"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"--bogus", "127.0.0.1"}, {"10.0.0.300"}, {"-p", "80-x", "127.0.0.1"},
		{"-T9", "127.0.0.1"}, {"--version-intensity", "10", "127.0.0.1"}, {"-sX", "127.0.0.1"},
		{"match"}, {"match", "--bogus", "x"}, {"lint"}, {"serve", "x.fp", "--listen", "10.1.1.1:80"}} {
		_, errOut, code := signet(t, "", args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errOut)
		}
		if strings.Contains(errOut, "goroutine") {
			t.Errorf("%v: stack trace", args)
		}
	}
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// The seed, live (issue "Scanner"): signet serve replays the PineApp
// fingerprint, and a scan with the article's overlay names it.
func TestScanServedPineApp(t *testing.T) {
	needNmap(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	go func() {
		data, _ := os.ReadFile(seed + "pineapp.fp")
		fps, _ := fingerprint.Decode("pineapp.fp", data)
		l, err := versiondb.Load(versiondb.Options{DB: "nmap", NoDefaultOverlays: true})
		if err != nil || len(fps) == 0 {
			t.Error(err)
			return
		}
		svc, err := serve.New(l.DB, fps[0])
		if err != nil {
			t.Error(err)
			return
		}
		svc.ServeTCP(ctx, ln, nil, nil)
	}()
	out, errOut, code := signet(t, "", "-sV", "-Pn", "-n", "-p", port, "--overlay", seed+"pineapp-overlay.probes", "127.0.0.1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		port + "/tcp open  smtp    PineApp Mail-secure (PineApp Av and Antispam mail gateway)\n",
		"\nService Info: OS: Linux\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	out, errOut, code = signet(t, "", "-sV", "-Pn", "-n", "-p", port, "--versiondb", "nmap", "-oX", filepath.Join(t.TempDir(), "x.xml"), "127.0.0.1")
	if code != 0 || !strings.Contains(out, port+"/tcp open  smtp-proxy PineApp Mail-SeCure smtp proxy\n") {
		t.Fatalf("exit %d: %s\n%s", code, errOut, out)
	}
}

// An unrecognised service yields an SF-Port block that signet match reads
// back to the same verdict (issue "Scanner", done-when 2).
func TestUnrecognisedRoundTrip(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				c.SetDeadline(time.Now().Add(5 * time.Second))
				c.Write([]byte("\x00\x01ZQX weird greeting 7.1\r\n"))
				buf := make([]byte, 512)
				if n, _ := c.Read(buf); n > 0 {
					c.Write([]byte("ERR what?\r\n"))
				}
			}()
		}
	}()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	db := filepath.Join(t.TempDir(), "small.probes")
	os.WriteFile(db, []byte("Probe TCP NULL q||\ntotalwaitms 500\nmatch other m|^SSH-|\nProbe TCP GenericLines q|\\r\\n\\r\\n|\nrarity 1\ntotalwaitms 500\nmatch other2 m|^HTTP/|\n"), 0o644)
	out, errOut, code := signet(t, "", "-sV", "-Pn", "-n", "-p", port, "--versiondb", db, "127.0.0.1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	i := strings.Index(out, "SF-Port"+port+"-TCP:")
	if i < 0 {
		t.Fatalf("no fingerprint in:\n%s", out)
	}
	scanLine := lineWith(out, port+"/tcp ")
	fpFile := filepath.Join(t.TempDir(), "out.nmap")
	os.WriteFile(fpFile, []byte(out), 0o644)
	mout, errOut, code := signet(t, "", "match", "--versiondb", db, fpFile)
	if code != 0 {
		t.Fatalf("match exit %d: %s", code, errOut)
	}
	if got := lineWith(mout, port+"/tcp "); got != scanLine || got == "" {
		t.Fatalf("scan said %q, match of its fingerprint says %q", scanLine, got)
	}
	// The same with a signature for it, in an overlay: both now identify it.
	ov := filepath.Join(t.TempDir(), "mine.probes")
	os.WriteFile(ov, []byte("Probe TCP NULL q||\nmatch zqx m|^\\0\\x01ZQX weird greeting ([\\d.]+)| p/ZQX server/ v/$1/\n"), 0o644)
	mout, _, _ = signet(t, "", "match", "--versiondb", db, "--overlay", ov, fpFile)
	if !strings.Contains(mout, port+"/tcp open  zqx     ZQX server 7.1") {
		t.Fatalf("overlay match:\n%s", mout)
	}
}

func lineWith(s, prefix string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}
