// Package netnstest runs tests inside Linux network namespaces they create: the whole test in
// a fresh, empty namespace (Fresh), plus named namespaces joined by veth pairs for peers.
package netnstest

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

// envChild marks the test binary re-run inside a fresh namespace.
const envChild = "SIGNET_NETNS_CHILD"

// EnvPrefix names the variable that sets the prefix of named namespaces (default "signet"),
// so that test runs sharing a machine can tell theirs apart.
const EnvPrefix = "SIGNET_NETNS_PREFIX"

// Main is the body of a TestMain: in the re-run child it brings the fresh namespace's
// loopback up before the tests run.
func Main(m *testing.M) {
	if InChild() {
		if err := LinkUp("lo"); err != nil {
			fmt.Fprintln(os.Stderr, "netns child: bringing lo up:", err)
			os.Exit(2)
		}
	}
	os.Exit(m.Run())
}

// InChild reports whether this process is the re-run in a fresh namespace.
func InChild() bool { return os.Getenv(envChild) == "1" }

// SkipOrFail skips when the environment cannot run the test, but fails under CI.
func SkipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	testenv.Missing(t, format, args...)
}

// LinkUp sets IFF_UP on an interface of the current namespace.
func LinkUp(name string) error {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	ifr, err := unix.NewIfreq(name)
	if err != nil {
		return err
	}
	if err := unix.IoctlIfreq(fd, unix.SIOCGIFFLAGS, ifr); err != nil {
		return err
	}
	ifr.SetUint16(ifr.Uint16() | unix.IFF_UP)
	return unix.IoctlIfreq(fd, unix.SIOCSIFFLAGS, ifr)
}

// Fresh reports whether the caller already runs in a fresh namespace. Otherwise it re-runs
// the current top-level test there (CLONE_NEWNET: the namespace dies with the child, so
// nothing needs cleaning up), reports the child's verdict and returns false.
func Fresh(t *testing.T) bool {
	t.Helper()
	if InChild() {
		return true
	}
	if runtime.GOOS != "linux" {
		SkipOrFail(t, "network namespaces need Linux")
	}
	timeout := 4 * time.Minute
	if dl, ok := t.Deadline(); ok {
		timeout = min(timeout, time.Until(dl)-10*time.Second)
	}
	name := t.Name()
	if i := strings.IndexByte(name, '/'); i >= 0 {
		name = name[:i]
	}
	out, err := Command("-test.run=^"+name+"$", "-test.v", "-test.count=1", "-test.timeout="+timeout.String()).CombinedOutput()
	var ee *exec.ExitError
	switch {
	case err == nil:
		t.Logf("in a fresh network namespace:\n%s", out)
		if strings.Contains(string(out), "--- SKIP: "+name) {
			t.Skip("skipped in the namespace") // skip-ok: the inner run skipped, so it failed under CI
		}
	case errors.As(err, &ee):
		t.Fatalf("in a fresh network namespace: %v\n%s", err, out)
	default:
		SkipOrFail(t, "cannot create a network namespace (needs root or CAP_SYS_ADMIN): %v", err)
	}
	return false
}

// Command is this test binary with args, to be run in a fresh network namespace of its own
// (a benchmark that needs an empty loopback runs itself this way).
func Command(args ...string) *exec.Cmd {
	exe, err := os.Executable()
	if err != nil {
		exe = "/proc/self/exe"
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), envChild+"=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNET, Pdeathsig: syscall.SIGKILL}
	return cmd
}

// Sh runs a command that configures namespaces; a missing tool skips (fails under CI).
func Sh(t testing.TB, name string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		SkipOrFail(t, "%s not installed: %v", name, err)
	}
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// Named creates a named namespace "<prefix>-<suffix>-<pid>" with its loopback up, deleted when
// the test ends, and returns its name.
func Named(t testing.TB, suffix string) string {
	t.Helper()
	prefix := os.Getenv(EnvPrefix)
	if prefix == "" {
		prefix = "signet"
	}
	name := fmt.Sprintf("%s-%s-%d", prefix, suffix, os.Getpid())
	_ = exec.Command("ip", "netns", "del", name).Run()
	Sh(t, "ip", "netns", "add", name)
	t.Cleanup(func() { _ = exec.Command("ip", "netns", "del", name).Run() })
	Sh(t, "ip", "-n", name, "link", "set", "lo", "up")
	return name
}

// Do runs fn on an OS thread switched into the named namespace; sockets fn creates stay in
// that namespace. The thread is discarded afterwards.
func Do(t testing.TB, name string, fn func() error) {
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

// Listen opens a TCP listener on addr that accepts and closes connections until the test ends:
// an open port for a port scan.
func Listen(t testing.TB, addr string) *net.TCPListener {
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

// End is one end of a veth pair: a namespace ("" for the current one), an interface name and
// its addresses with prefix length (IPv4 or IPv6; IPv6 duplicate address detection is turned
// off so that they work at once).
type End struct {
	NS    string
	If    string
	Addrs []string
}

// Veth joins two namespaces by a veth pair and brings both ends up.
func Veth(t testing.TB, a, b End) {
	t.Helper()
	args := []string{"link", "add", a.If}
	if a.NS != "" {
		args = append(args, "netns", a.NS)
	}
	args = append(args, "type", "veth", "peer", "name", b.If)
	if b.NS != "" {
		args = append(args, "netns", b.NS)
	}
	Sh(t, "ip", args...)
	for _, e := range []End{a, b} {
		ip := func(args ...string) {
			if e.NS != "" {
				args = append([]string{"-n", e.NS}, args...)
			}
			Sh(t, "ip", args...)
		}
		for _, addr := range e.Addrs {
			if strings.Contains(addr, ":") {
				sysctl(t, e.NS, "net.ipv6.conf."+e.If+".accept_dad=0")
				ip("-6", "addr", "add", addr, "dev", e.If, "nodad")
			} else {
				ip("addr", "add", addr, "dev", e.If)
			}
		}
		ip("link", "set", e.If, "up")
	}
}

// IP runs the ip command in the named namespace ("" for the current one).
func IP(t testing.TB, ns string, args ...string) {
	t.Helper()
	if ns != "" {
		args = append([]string{"-n", ns}, args...)
	}
	Sh(t, "ip", args...)
}

// Sysctl sets a sysctl in the named namespace ("" for the current one).
func Sysctl(t testing.TB, ns, setting string) { sysctl(t, ns, setting) }

func sysctl(t testing.TB, ns, setting string) {
	t.Helper()
	if ns == "" {
		Sh(t, "sysctl", "-qw", setting)
		return
	}
	Sh(t, "ip", "netns", "exec", ns, "sysctl", "-qw", setting)
}
