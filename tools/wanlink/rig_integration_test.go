//go:build integration

package main

// The WAN rig end to end (scripts/wan-rig.sh): three namespaces, the delay
// line between them, a replayed service on the server side's loopback and
// signet scanning it from the client side through the link. Needs root.

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/testenv"
)

func rig(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("../../scripts/wan-rig.sh", args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("wan-rig.sh %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func avgRTT(t *testing.T, out string) float64 {
	t.Helper()
	m := regexp.MustCompile(`= [\d.]+/([\d.]+)/`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no ping summary in %q", out)
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v
}

func TestWANRig(t *testing.T) {
	if os.Geteuid() != 0 {
		testenv.Missing(t, "the WAN rig needs root")
	}
	for _, tool := range []string{"ip", "nft", "ethtool", "ping"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s missing: .ci/run installs iproute2, nftables, ethtool, iputils-ping", tool)
		}
	}
	seed, err := filepath.Abs("../../testdata/seed")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	signet := filepath.Join(dir, "signet")
	if out, err := exec.Command("go", "build", "-o", signet, "../../cmd/signet").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command("../../scripts/wan-rig.sh", "down").Run() })
	rig(t, "up", "50ms", "0")

	// RTT: two 25 ms halves, plus little (the rig's own ping already
	// resolved the IPv4 neighbour).
	out := rig(t, "c", "ping", "-c5", "-i0.2", "-q", "10.201.0.2")
	if rtt := avgRTT(t, out); rtt < 50 || rtt > 100 {
		t.Errorf("IPv4 RTT %.1f ms through the link, want 50–100 (never less than the two halves; more only from a loaded machine)", rtt)
	}
	rig(t, "c", "ping", "-6", "-c1", "-q", "fd20:201::2") // neighbour discovery first
	out = rig(t, "c", "ping", "-6", "-c5", "-i0.2", "-q", "fd20:201::2")
	if rtt := avgRTT(t, out); rtt < 50 || rtt > 100 {
		t.Errorf("IPv6 RTT %.1f ms through the link, want 50–100 (never less than the two halves; more only from a loaded machine)", rtt)
	}

	// A replayed service on the server's loopback, reached through the DNAT.
	serve := exec.Command("../../scripts/wan-rig.sh", "s", signet, "serve", filepath.Join(seed, "pineapp.fp"),
		"--listen", "127.0.0.1:41025", "--quiet")
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { serve.Process.Kill(); serve.Wait() })
	// Wait until it listens (loading the signatures takes a while on a busy machine).
	for i := 0; ; i++ {
		probe := exec.Command("../../scripts/wan-rig.sh", "s", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/41025")
		if probe.Run() == nil {
			break
		}
		if i == 100 {
			t.Fatal("signet serve did not listen on the server side within 10 s")
		}
		time.Sleep(100 * time.Millisecond)
	}

	start := time.Now()
	scan := exec.Command("../../scripts/wan-rig.sh", "c", signet, "-sV", "-sT", "-Pn", "-n",
		"-p", "41025,41500,41980,41985,41988", "--versiondb", "embedded",
		"--overlay", filepath.Join(seed, "pineapp-overlay.probes"), "10.201.0.2")
	b, err := scan.CombinedOutput()
	if err != nil {
		t.Fatalf("scan through the rig: %v\n%s", err, b)
	}
	got := string(b)
	t.Logf("scan through a 50 ms link took %v:\n%s", time.Since(start).Round(time.Millisecond), got)
	for _, want := range []string{
		`41025/tcp open +smtp +PineApp Mail-secure \(PineApp Av and Antispam mail gateway\)`,
		`41500/tcp closed`,
		`41980/tcp filtered`, // dropped
		`41985/tcp filtered`, // ICMP administratively prohibited
		`41988/tcp closed`,   // TCP reset from the firewall
	} {
		if !regexp.MustCompile(want).MatchString(got) {
			t.Errorf("scan output lacks %q", want)
		}
	}

	// Loss: with 20% per frame each way, about a third of pings are lost.
	rig(t, "link", "50ms", "0.2")
	lossOut, _ := exec.Command("../../scripts/wan-rig.sh", "c", "ping", "-c100", "-i0.01", "-W1", "-q", "10.201.0.2").CombinedOutput()
	m := regexp.MustCompile(`(\d+)% packet loss`).FindStringSubmatch(string(lossOut))
	if m == nil {
		t.Fatalf("no loss figure in %q", lossOut)
	}
	if p, _ := strconv.Atoi(m[1]); p < 20 || p > 52 {
		t.Errorf("%d%% of pings lost at 20%% frame loss each way, want about 36%%", p)
	}
}
