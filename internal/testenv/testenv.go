// Package testenv decides what a test does when this machine lacks something
// it needs: skip on a developer's machine, fail in CI, so that CI cannot pass by skipping.
package testenv

import (
	"os"
	"testing"
)

// CI reports whether the tests run in CI: the CI variable is set (CI=true
// in .ci/run's environment). CI installs everything the tests use, so
// there a missing tool is a failure.
func CI() bool { return os.Getenv("CI") != "" }

// Missing ends a test that cannot run here because something it needs is
// missing (a tool, a file, a kernel feature): it skips with the message,
// and under CI it fails with it instead.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if CI() {
		t.Fatalf("needed in CI: "+format, args...)
	}
	t.Skipf(format, args...)
}
