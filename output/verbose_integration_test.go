//go:build integration

package output

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/fixture"
	"github.com/signetscan/signet/internal/nmapnorm"
	"github.com/signetscan/signet/internal/testenv"
)

// The loopback goldens of testdata/verbose, recorded again with the installed nmap in a
// fresh network namespace holding the same fixtures: a golden that no longer matches
// nmap's output fails here, so the goldens cannot go stale. (The scans across a veth pair
// need two namespaces; scripts/record-verbose.sh records them.)
var liveGoldens = []string{"lo-sT-v", "lo-sT-v-unpriv", "lo-sT-d", "lo-P0-v", "lo-sT-v-none"}

const envVerboseNetns = "SIGNET_VERBOSE_NETNS"

func TestVerboseGoldensAgainstNmap(t *testing.T) {
	if os.Getenv(envVerboseNetns) == "" {
		if _, err := exec.LookPath("nmap"); err != nil {
			skipOrFail(t, "nmap not installed: %v", err)
		}
		// Run this test again in a fresh network namespace: its loopback is empty.
		cmd := exec.Command(os.Args[0], "-test.run=^TestVerboseGoldensAgainstNmap$", "-test.v", "-test.count=1", "-test.timeout=4m")
		cmd.Env = append(os.Environ(), envVerboseNetns+"=1")
		cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNET, Pdeathsig: syscall.SIGKILL}
		out, err := cmd.CombinedOutput()
		if err != nil {
			if _, ok := err.(*exec.ExitError); !ok {
				skipOrFail(t, "no fresh network namespace (needs root): %v", err)
			}
			t.Fatalf("in a fresh network namespace: %v\n%s", err, out)
		}
		t.Logf("in a fresh network namespace:\n%s", out)
		return
	}
	if out, err := exec.Command("ip", "link", "set", "lo", "up").CombinedOutput(); err != nil {
		t.Fatalf("ip link set lo up: %v %s", err, out)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	defer func() { cancel(); wg.Wait() }()
	for port, kind := range map[string]string{"22": "ssh", "25": "smtp", "80": "http"} {
		ln, err := net.Listen("tcp", "127.0.0.1:"+port)
		if err != nil {
			t.Fatal(err)
		}
		wg.Go(func() { fixture.ServeTCP(ctx, ln, fixture.Handler(kind)) })
	}
	dir := t.TempDir()
	for _, name := range liveGoldens {
		t.Run(name, func(t *testing.T) {
			cmdline, _, _ := strings.Cut(readGolden(t, name+".cmd"), "\n")
			args := strings.Fields(cmdline)[1:]
			oN := filepath.Join(dir, name+".nmap")
			rctx, rcancel := context.WithTimeout(ctx, time.Minute)
			defer rcancel()
			cmd := exec.CommandContext(rctx, "nmap", append(args, "-oN", oN)...)
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("nmap %s: %v\n%s", cmdline, err, stderr.String())
			}
			file, err := os.ReadFile(oN)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct{ what, golden, got string }{
				{"stdout", name + ".out", stdout.String()},
				{"-oN", name + ".nmap", string(file)},
				{"stderr", name + ".err", stderr.String()},
			} {
				compare(t, c.what+" of "+c.golden, nmapnorm.Normalize(readGolden(t, c.golden), nmapnorm.Options{}), nmapnorm.Normalize(c.got, nmapnorm.Options{}))
			}
		})
	}
}

// skipOrFail skips a test the machine cannot run, but fails it under CI.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	testenv.Missing(t, format, args...)
}
