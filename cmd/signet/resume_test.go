// The scans of this file take 20 s: they run in the unit pass of scripts/test only, not
// again in its integration pass.

//go:build !integration

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/testenv"
)

// TestResumeKilled: 8 hosts × 12 services in a fresh network namespace, one host at a time
// at a limited rate, so that hosts finish one after another. A scan killed with SIGKILL
// after 2 s (and a finished host) and continued with signet --resume part.nmap ends with the
// JSON lines of an uninterrupted run (every port and host line, none twice), a valid XML
// document and one report per host in the normal and grepable files; the same with -oJ
// alone and --resume part.jsonl.
func TestResumeKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and scans in network namespaces") // skip-ok: CI does not run -short
	}
	if err := canNetns(); err != nil {
		testenv.Missing(t, "no fresh network namespace: %v", err)
	}
	dir := t.TempDir()
	e := &e2e{bin: filepath.Join(dir, "signet"), dir: dir, cfg: filepath.Join(dir, "config")}
	os.Mkdir(e.cfg, 0o755)
	if out, err := exec.Command("go", "build", "-o", e.bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	e.probes = e2eFile(t, dir, "e2e.probes", e2eProbes)
	listen := shardListen()
	p := func(name string) string { return filepath.Join(dir, name) }
	args := []string{"--unprivileged", "-sV", "-Pn", "-n", "--versiondb", e.probes, "-p", "2001-2032",
		"--max-hostgroup", "1", "--max-rate", "150", "127.0.0.1-8"}
	// run runs the scan; with kill, it is killed that long after it starts, once a host is
	// finished (a loaded machine is slower: the kill waits for the first host line).
	run := func(kill time.Duration, extra ...string) e2eResult {
		t.Helper()
		j := netnsJob{Listen: listen, Bin: e.bin, Args: append(slices.Clone(args), extra...), Kill: kill}
		if kill > 0 {
			j.KillFile, j.KillAfter = extra[len(extra)-1], `"record":"host"`
		}
		return e.inNetnsJob(t, j)
	}
	start := time.Now()
	if r := run(0, "-oJ", p("full.jsonl")); r.code != 0 {
		t.Fatalf("uninterrupted run: %s", r)
	}
	full := portAndHostLines(t, p("full.jsonl"))
	t.Logf("uninterrupted run: %v, %d port and host lines", time.Since(start).Round(time.Millisecond), len(full))

	// -oN, -oX, -oG and -oJ, killed after 2 s, resumed from the normal output.
	killed := time.Now()
	if r := run(2*time.Second, "-oN", p("part.nmap"), "-oX", p("part.xml"), "-oG", p("part.gnmap"), "-oJ", p("part.jsonl")); r.code != 137 {
		t.Fatalf("the run to kill ended before the kill: %s", r)
	}
	before := portAndHostLines(t, p("part.jsonl"))
	hostLines := 0
	for _, l := range before {
		if strings.HasPrefix(l, `{"record":"host"`) {
			hostLines++
		}
	}
	t.Logf("killed after %v: %d hosts finished, %d port lines", time.Since(killed).Round(100*time.Millisecond), hostLines, len(before)-hostLines)
	if hostLines == 0 || hostLines == 8 {
		t.Errorf("killed with %d of 8 hosts finished: the test needs some finished and some not", hostLines)
	}
	r := e.inNetnsJob(t, netnsJob{Listen: listen, Bin: e.bin, Args: []string{"--resume", p("part.nmap")}})
	if r.code != 0 {
		t.Fatalf("--resume: %s", r)
	}
	after := portAndHostLines(t, p("part.jsonl"))
	if !slices.Equal(after, full) {
		t.Errorf("after --resume, the JSON lines differ from an uninterrupted run's:\n%s", lineDiff(after, full))
	}
	xmlValid(t, p("part.xml"))
	x := readXML(t, p("part.xml"))
	normal, _ := os.ReadFile(p("part.nmap"))
	grep, _ := os.ReadFile(p("part.gnmap"))
	for h := 1; h <= 8; h++ {
		a := fmt.Sprintf("127.0.0.%d", h)
		if n := bytes.Count(normal, []byte("Nmap scan report for "+a+"\n")); n != 1 {
			t.Errorf("normal output: %d reports of %s", n, a)
		}
		if n := bytes.Count(grep, []byte("Host: "+a+" ()\tPorts: ")); n != 1 {
			t.Errorf("grepable output: %d Ports lines of %s", n, a)
		}
	}
	if len(x.Hosts) != 8 || x.Finished.Exit != "success" || !strings.Contains(x.Finished.Summary, "8 IP addresses (8 hosts up)") {
		t.Errorf("XML after --resume: %d hosts, %+v", len(x.Hosts), x.Finished)
	}
	if !bytes.Contains(normal, []byte("as: signet --resume "+p("part.nmap")+"\n")) || !bytes.Contains(normal, []byte("# signet done at ")) {
		t.Errorf("normal output lacks the resumed run's header or the done line:\n%s", normal)
	}

	// -oJ alone, resumed from it.
	if r := run(2500*time.Millisecond, "-oJ", p("only.jsonl")); r.code != 137 {
		t.Fatalf("the run to kill ended before the kill: %s", r)
	}
	if r := e.inNetnsJob(t, netnsJob{Listen: listen, Bin: e.bin, Args: []string{"--resume", p("only.jsonl")}}); r.code != 0 {
		t.Fatalf("--resume only.jsonl: %s", r)
	}
	if got := portAndHostLines(t, p("only.jsonl")); !slices.Equal(got, full) {
		t.Errorf("-oJ alone, after --resume: the JSON lines differ from an uninterrupted run's:\n%s", lineDiff(got, full))
	}

	// What --resume refuses.
	if r := e.runCmd(t, "", nil, e.bin, "--resume", p("part.nmap")); r.code != 1 || !strings.Contains(r.err, "complete: nothing to resume") {
		t.Errorf("--resume of a finished scan: %s", r)
	}
	if r := e.runCmd(t, "", nil, e.bin, "--resume", p("part.nmap"), "-v"); r.code != 2 || !strings.Contains(r.err, "cannot use --resume with other options") {
		t.Errorf("--resume with another option: %s", r)
	}
}

// fpTime is what differs between two runs' fingerprints of one service: the date and time.
var fpTime = regexp.MustCompile(`%D=[0-9]+/[0-9]+%Time=[0-9A-F]+%`)

// portAndHostLines returns a JSON lines file's port and host lines, sorted, fingerprint
// times masked, after checking that none is there twice.
func portAndHostLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	seen := map[string]bool{}
	for _, l := range strings.SplitAfter(string(data), "\n") {
		if l == "" || strings.HasPrefix(l, `{"record":"run"`) || strings.HasPrefix(l, `{"record":"end"`) {
			continue
		}
		key := l
		if i := strings.Index(l, `"state"`); i > 0 && !strings.HasPrefix(l, `{"record"`) {
			key = l[:i] // addr, port, proto
		}
		if seen[key] {
			t.Errorf("%s: written twice: %s", path, strings.TrimSpace(key))
		}
		seen[key] = true
		out = append(out, fpTime.ReplaceAllString(l, "%D=…%Time=…%"))
	}
	slices.Sort(out)
	return out
}

// lineDiff lists the lines only one side has.
func lineDiff(got, want []string) string {
	var b strings.Builder
	for _, l := range got {
		if !slices.Contains(want, l) {
			b.WriteString("+ " + l)
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			b.WriteString("- " + l)
		}
	}
	return b.String()
}
