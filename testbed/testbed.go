// Package testbed starts the loopback bed of real Debian servers described by
// manifest.tsv (see testbed.sh) for tests, and stops it when the test ends.
//
//	bed := testbed.Start(t)           // every unit
//	bed := testbed.Start(t, "sshd")   // only some units (manifest column 7)
//	for _, e := range bed.Running() { ... e.Addr() ... }
//
// The bed needs root and the packages of `testbed.sh install`.
package testbed

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/testenv"
)

// Entry is one service: a manifest.tsv row, plus the installed package
// version once the bed runs.
type Entry struct {
	Port     int
	Proto    string // tcp or udp
	Service  string // as nmap names it; "ssl/x" when TLS-wrapped
	Package  string // Debian package
	Product  string // product as nmap would name it ("" where unknown; "-" in the file)
	ID       string // unique id
	Unit     string // server program that provides it
	Version  string // dpkg version (running beds only)
	Upstream string // upstream part of Version
}

// Addr is "127.0.0.1:PORT".
func (e Entry) Addr() string { return "127.0.0.1:" + strconv.Itoa(e.Port) }

// Dir is the directory that holds testbed.sh and manifest.tsv.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// Script is the path of testbed.sh.
func Script() string { return filepath.Join(Dir(), "testbed.sh") }

// Manifest parses manifest.tsv: every service the bed can start.
func Manifest() ([]Entry, error) { return parse(filepath.Join(Dir(), "manifest.tsv")) }

// ParseManifest parses another manifest with manifest.tsv's columns.
func ParseManifest(path string) ([]Entry, error) { return parse(path) }

func parse(path string) ([]Entry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []Entry
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 7 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 7+", path, n, len(f))
		}
		port, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: port: %v", path, n, err)
		}
		e := Entry{Port: port, Proto: f[1], Service: f[2], Package: f[3], Product: f[4], ID: f[5], Unit: f[6]}
		if e.Product == "-" {
			e.Product = ""
		}
		if len(f) >= 9 {
			e.Version, e.Upstream = f[7], f[8]
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// Bed is a started testbed.
type Bed struct {
	Dir       string        // the bed's config, data, logs and pid files
	StartTime time.Duration // how long `testbed.sh start` took
	Log       string        // stderr of `testbed.sh start`
	StopLog   string        // output of `testbed.sh stop`
	running   []Entry
	stopOnce  sync.Once
	stopErr   error
}

// Start runs `testbed.sh start` into a fresh directory and registers Stop in
// t.Cleanup. With units, only those units start. Services that did not come
// up are logged and missing from Running; the test fails only if none did.
func Start(t testing.TB, units ...string) *Bed {
	t.Helper()
	return StartWith(t, Options{Units: units})
}

// Options are StartWith's choices.
type Options struct {
	Units []string // only these units (all when empty)
	// Manifest replaces manifest.tsv (same columns): the conformance suite
	// lists its own servers, on their usual ports.
	Manifest string
	// Netns runs the bed inside this network namespace (ip netns).
	Netns string
	// Wait bounds the wait for ports (testbed.sh's default when zero).
	Wait time.Duration
}

// StartWith is Start with Options.
func StartWith(t testing.TB, o Options) *Bed {
	t.Helper()
	units := o.Units
	if os.Geteuid() != 0 {
		testenv.Missing(t, "the testbed needs root")
	}
	// not t.TempDir(): its parents are 0700 and servers drop privileges
	dir, err := os.MkdirTemp("", "signet-testbed-")
	if err != nil {
		t.Fatal(err)
	}
	b := &Bed{Dir: dir}
	t.Cleanup(func() {
		if err := b.Stop(); err != nil {
			t.Errorf("testbed stop: %v", err)
		}
	})
	argv := []string{"bash", Script(), "start", dir}
	if o.Netns != "" {
		argv = append([]string{"ip", "netns", "exec", o.Netns}, argv...)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "TESTBED_ONLY="+strings.Join(units, " "))
	if o.Manifest != "" {
		cmd.Env = append(cmd.Env, "TESTBED_MANIFEST="+o.Manifest)
	}
	if o.Wait > 0 {
		cmd.Env = append(cmd.Env, fmt.Sprintf("TESTBED_WAIT=%d", int(o.Wait.Seconds())))
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	t0 := time.Now()
	err = cmd.Run()
	b.StartTime = time.Since(t0)
	b.Log = stderr.String()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee) && ee.ExitCode() == 3:
		t.Logf("testbed: some services did not start:\n%s", b.Log)
	default:
		t.Fatalf("testbed start: %v\n%s", err, b.Log)
	}
	if b.running, err = parse(filepath.Join(dir, "running.tsv")); err != nil {
		t.Fatalf("testbed: %v", err)
	}
	return b
}

// Running lists the services that answered after start.
func (b *Bed) Running() []Entry { return b.running }

// Lookup finds a running service by manifest id.
func (b *Bed) Lookup(id string) (Entry, bool) {
	for _, e := range b.running {
		if e.ID == id {
			return e, true
		}
	}
	return Entry{}, false
}

// Status is the output of `testbed.sh status`: units, processes, total RSS,
// listening sockets.
func (b *Bed) Status() (string, error) {
	out, err := exec.Command("bash", Script(), "status", b.Dir).CombinedOutput()
	return string(out), err
}

// Stop stops every process the bed started and removes its directory. It is
// safe to call more than once; Start registers it in t.Cleanup.
func (b *Bed) Stop() error {
	b.stopOnce.Do(func() {
		out, err := exec.Command("bash", Script(), "stop", b.Dir).CombinedOutput()
		b.StopLog = string(out)
		if err != nil {
			b.stopErr = fmt.Errorf("%v: %s", err, out)
		}
	})
	return b.stopErr
}
