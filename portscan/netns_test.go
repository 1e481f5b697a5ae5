package portscan

import (
	"net"
	"os/exec"
	"testing"

	"github.com/signetscan/signet/internal/netnstest"
	"github.com/signetscan/signet/internal/testenv"
)

// Tests that scan many ports, or need routes, run in a fresh network namespace whose loopback
// is empty: the test binary re-runs itself (one test) in a child created with CLONE_NEWNET
// (internal/netnstest). The namespace disappears with the child, so nothing needs cleaning up.

func TestMain(m *testing.M) { netnstest.Main(m) }

func inNetns() bool { return netnstest.InChild() }

// skipOrFail skips when the environment cannot run the test, but fails under CI.
func skipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	testenv.Missing(t, format, args...)
}

// childCmd builds a command that runs this test binary in a fresh network namespace.
func childCmd(args ...string) *exec.Cmd { return netnstest.Command(args...) }

// inFreshNetns reports whether the caller already runs in the fresh namespace. Otherwise it
// re-runs the current (top-level) test there, reports the child's verdict and returns false.
func inFreshNetns(t *testing.T) bool { return netnstest.Fresh(t) }

// sh runs a command that configures the namespace; a missing tool skips (fails under CI).
func sh(t testing.TB, name string, args ...string) { t.Helper(); netnstest.Sh(t, name, args...) }

// namedNetns creates a second, named namespace (deleted at cleanup) and returns its name.
func namedNetns(t testing.TB) string { t.Helper(); return netnstest.Named(t, "pt") }

// inNamedNetns runs fn on an OS thread switched into the named namespace; sockets fn creates
// stay in that namespace. The thread is discarded afterwards.
func inNamedNetns(t testing.TB, name string, fn func() error) {
	t.Helper()
	netnstest.Do(t, name, fn)
}

// listenTCP opens a TCP listener that accepts and closes connections until the test ends.
func listenTCP(t testing.TB, addr string) *net.TCPListener {
	t.Helper()
	return netnstest.Listen(t, addr)
}
