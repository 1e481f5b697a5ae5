//go:build integration

package sim_test

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/signetscan/signet/detect"
	"github.com/signetscan/signet/internal/testenv"
)

// TestDockerdIsNmaps runs Debian's real dockerd (docker.io) on
// 127.0.0.1:2375 in a network namespace of its own, with no bridge, no
// iptables rules and its data in a temporary folder, and checks that
// nmap 7.93 -sV (docker-version on) names it Docker with the engine's
// version, that signet -sV in both timing modes gives nmap's answer
// (fingerprint dropped as nmap drops it), and, when the installed engine
// is the one the evidence was recorded from, the evidence's expected
// answer.
func TestDockerdIsNmaps(t *testing.T) {
	// .ci/run installs nmap, iproute2, util-linux and docker.io and runs as root.
	if out, err := exec.Command("nmap", "--version").Output(); err != nil || !bytes.Contains(out, []byte("Nmap version 7.93 ")) {
		testenv.Missing(t, "nmap 7.93 is not installed")
	}
	if os.Geteuid() != 0 {
		testenv.Missing(t, "network namespaces and dockerd need root")
	}
	for _, tool := range []string{"ip", "nsenter", "dockerd"} {
		if _, err := exec.LookPath(tool); err != nil {
			testenv.Missing(t, "%s is not installed", tool)
		}
	}
	ev, err := os.ReadFile("../testdata/evidence/docker-version/debian-docker.io-20.10.txt")
	if err != nil {
		t.Fatal(err)
	}
	e, err := detect.ParseEvidence("debian-docker.io-20.10.txt", bytes.NewReader(ev))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	signet := filepath.Join(dir, "signet")
	if msg, err := exec.Command("go", "build", "-o", signet, "github.com/signetscan/signet/cmd/signet").CombinedOutput(); err != nil {
		t.Fatalf("building signet: %v\n%s", err, msg)
	}

	ns := fmt.Sprintf("dockerd-%d", os.Getpid())
	ip := func(args ...string) {
		if out, err := exec.Command("ip", args...).CombinedOutput(); err != nil {
			t.Fatalf("ip %s: %v %s", strings.Join(args, " "), err, out)
		}
	}
	ip("netns", "add", ns)
	t.Cleanup(func() { exec.Command("ip", "netns", "del", ns).Run() })
	ip("netns", "exec", ns, "ip", "link", "set", "lo", "up")

	// nsenter changes the network namespace only: `ip netns exec` also
	// mounts a fresh /sys, which hides the cgroup mounts dockerd needs.
	conf := filepath.Join(dir, "daemon.json")
	if err := os.WriteFile(conf, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	logf, err := os.Create(filepath.Join(dir, "dockerd.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("nsenter", "--net=/var/run/netns/"+ns, "dockerd", "-H", "tcp://127.0.0.1:2375",
		"--data-root", filepath.Join(dir, "data"), "--exec-root", filepath.Join(dir, "exec"), "--pidfile", filepath.Join(dir, "dockerd.pid"),
		"--config-file", conf, "--bridge=none", "--iptables=false", "--ip6tables=false", "--ip-masq=false")
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); logf.Close(); close(done) }()
	t.Cleanup(func() {
		// dockerd stops its containerd on TERM; the group is killed if not.
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
		for i := 0; i < 50 && syscall.Kill(-cmd.Process.Pid, 0) == nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	})
	// The API listens before the daemon is ready (and before it may fail):
	// wait for /_ping to answer OK.
	ready := false
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end) && !ready; time.Sleep(200 * time.Millisecond) {
		status, body, err := get(ns, "/_ping")
		ready = err == nil && status == 200 && string(body) == "OK"
		select {
		case <-done:
			log, _ := os.ReadFile(filepath.Join(dir, "dockerd.log"))
			t.Fatalf("dockerd exited; its log ends:\n%s", tail(log, 2000))
		default:
		}
	}
	if !ready {
		log, _ := os.ReadFile(filepath.Join(dir, "dockerd.log"))
		t.Fatalf("dockerd's API did not answer /_ping within 30 s; its log ends:\n%s", tail(log, 2000))
	}
	status, version, err := get(ns, "/version")
	if err != nil {
		t.Fatalf("GET /version: %v", err)
	}
	engine, ok := detect.DockerVersionOf(status, version)
	if !ok {
		t.Fatalf("dockerd's /version (status %d) has no Version: %s", status, version)
	}

	common := []string{"-sT", "-sV", "-n", "-Pn", "-oX", "-", "-p", "2375", "127.0.0.1"}
	answers := map[string]detect.Fields{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for name, argv := range map[string][]string{
		"nmap":            append([]string{"nmap"}, common...),
		"signet-nmap":     append([]string{signet, "--versiondb", "nmap", "--version-timing", "nmap"}, common...),
		"signet-adaptive": append([]string{signet, "--versiondb", "nmap", "--version-timing", "adaptive"}, common...),
	} {
		wg.Go(func() {
			out, err := exec.Command("ip", append([]string{"netns", "exec", ns}, argv...)...).Output()
			var f map[string]detect.Fields
			if err == nil {
				f, err = parseXML(out)
			}
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
			mu.Lock()
			answers[name] = f["2375/tcp"]
			mu.Unlock()
		})
	}
	wg.Wait()
	nm := answers["nmap"]
	if nm["name"] != "docker" || nm["product"] != "Docker" || nm["version"] != engine || nm["fp"] != "" {
		t.Errorf("nmap 7.93 answers %s; want docker-version's answer: docker, product Docker, version %s, no fingerprint", nm, engine)
	}
	for _, timing := range []string{"nmap", "adaptive"} {
		if got := answers["signet-"+timing]; got.String() != nm.String() {
			t.Errorf("signet --version-timing %s answers\n  %s\nnmap 7.93\n  %s", timing, got, nm)
		}
	}
	if engine == e.Expect["version"] {
		noFP := maps.Clone(nm)
		delete(noFP, "fp")
		if got, want := noFP.String(), e.Expect.String(); got != want {
			t.Errorf("nmap 7.93 answers\n  %s\nthe evidence expects\n  %s", got, want)
		}
	} else {
		t.Logf("dockerd %s is not the evidence's %s: the evidence's answer is not compared", engine, e.Expect["version"])
	}
	t.Logf("dockerd %s: nmap, signet (both timings): %s", engine, nm)
}

// get asks 127.0.0.1:2375 in namespace ns for path over HTTP/1.0 (bash's
// /dev/tcp: no HTTP client need be installed) and returns the status and
// body.
func get(ns, path string) (int, []byte, error) {
	script := `exec 3<>/dev/tcp/127.0.0.1/2375 && printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3 && timeout 5 cat <&3`
	out, err := exec.Command("ip", "netns", "exec", ns, "bash", "-c", script, "get", path).Output()
	if err != nil {
		return 0, nil, err
	}
	head, body, ok := bytes.Cut(out, []byte("\r\n\r\n"))
	var status int
	if _, err := fmt.Sscanf(string(head), "HTTP/1.%d %d", new(int), &status); err != nil || !ok {
		return 0, nil, fmt.Errorf("not an HTTP response: %q", tail(out, 200))
	}
	return status, body, nil
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}
