package portscan

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/signetscan/signet/internal/testenv"
)

// Tests that scan many ports, or need routes, run in a fresh network namespace whose loopback
// is empty: the test binary re-runs itself (one test) in a child created with CLONE_NEWNET.
// The namespace disappears with the child, so nothing needs cleaning up.

const envNetnsChild = "SIGNET_PORTSCAN_NETNS"

func TestMain(m *testing.M) {
	if inNetns() {
		if err := loopbackUp(); err != nil {
			fmt.Fprintln(os.Stderr, "netns child: bringing lo up:", err)
			os.Exit(2)
		}
	}
	os.Exit(m.Run())
}

func inNetns() bool { return os.Getenv(envNetnsChild) == "1" }

// skipOrFail skips when the environment cannot run the test, but fails under CI.
func skipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	testenv.Missing(t, format, args...)
}

// loopbackUp sets IFF_UP on lo (a new namespace starts with lo down).
func loopbackUp() error {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	ifr, err := unix.NewIfreq("lo")
	if err != nil {
		return err
	}
	if err := unix.IoctlIfreq(fd, unix.SIOCGIFFLAGS, ifr); err != nil {
		return err
	}
	ifr.SetUint16(ifr.Uint16() | unix.IFF_UP)
	return unix.IoctlIfreq(fd, unix.SIOCSIFFLAGS, ifr)
}

// childCmd builds a command that runs this test binary in a fresh network namespace.
func childCmd(args ...string) *exec.Cmd {
	exe, err := os.Executable()
	if err != nil {
		exe = "/proc/self/exe"
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), envNetnsChild+"=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNET, Pdeathsig: syscall.SIGKILL}
	return cmd
}

// inFreshNetns reports whether the caller already runs in the fresh namespace. Otherwise it
// re-runs the current (top-level) test there, reports the child's verdict and returns false.
func inFreshNetns(t *testing.T) bool {
	t.Helper()
	if inNetns() {
		return true
	}
	if runtime.GOOS != "linux" {
		skipOrFail(t, "network namespaces need Linux")
	}
	timeout := 4 * time.Minute
	if dl, ok := t.Deadline(); ok {
		timeout = min(timeout, time.Until(dl)-10*time.Second)
	}
	cmd := childCmd("-test.run=^"+t.Name()+"$", "-test.v", "-test.count=1", "-test.timeout="+timeout.String())
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	switch {
	case err == nil:
		t.Logf("in a fresh network namespace:\n%s", out)
		if strings.Contains(string(out), "--- SKIP: "+t.Name()) {
			t.Skip("skipped in the namespace") // skip-ok: the child's own skips fail under CI
		}
	case errors.As(err, &ee):
		t.Fatalf("in a fresh network namespace: %v\n%s", err, out)
	default:
		skipOrFail(t, "cannot create a network namespace (needs root or CAP_SYS_ADMIN): %v", err)
	}
	return false
}

// sh runs a command that configures the namespace; a missing tool skips (fails under CI).
func sh(t testing.TB, name string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		skipOrFail(t, "%s not installed: %v", name, err)
	}
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// namedNetns creates a second, named namespace (deleted at cleanup) and returns its name.
func namedNetns(t testing.TB) string {
	t.Helper()
	name := fmt.Sprintf("signet-pt-%d", os.Getpid())
	_ = exec.Command("ip", "netns", "del", name).Run()
	sh(t, "ip", "netns", "add", name)
	t.Cleanup(func() { _ = exec.Command("ip", "netns", "del", name).Run() })
	sh(t, "ip", "-n", name, "link", "set", "lo", "up")
	return name
}

// inNamedNetns runs fn on an OS thread switched into the named namespace; sockets fn creates
// stay in that namespace. The thread is discarded afterwards.
func inNamedNetns(t testing.TB, name string, fn func() error) {
	t.Helper()
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: the thread exits with the goroutine
		f, err := os.Open("/run/netns/" + name)
		if err != nil {
			errc <- err
			return
		}
		defer f.Close()
		if err := unix.Setns(int(f.Fd()), unix.CLONE_NEWNET); err != nil {
			errc <- err
			return
		}
		errc <- fn()
	}()
	if err := <-errc; err != nil {
		t.Fatalf("in namespace %s: %v", name, err)
	}
}

// listenTCP opens a TCP listener that accepts and closes connections until the test ends.
func listenTCP(t testing.TB, addr string) *net.TCPListener {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	return ln.(*net.TCPListener)
}
