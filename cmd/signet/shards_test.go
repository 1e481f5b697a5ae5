package main

// A sharded scan as the Kubernetes Job runs it: 8 hosts × 32 ports (12
// services, 20 closed), scanned whole and as four shards (--shards 4
// --seed S, the index from --shard or from JOB_COMPLETION_INDEX), each
// shard in its own fresh network namespace holding the same services;
// then one host alone in four shards. signet merge and signet report then
// work on the shards' files.

import (
	"bytes"
	"context"
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
	"github.com/signetscan/signet/output"
)

// shardListen is the services of the sharding tests: 12 on each of 8 addresses.
func shardListen() map[string]string {
	kinds := []string{"ssh", "smtp", "http", "garbage"}
	listen := map[string]string{}
	for h := 1; h <= 8; h++ {
		for i := 0; i < 12; i++ {
			listen[fmt.Sprintf("127.0.0.%d:%d", h, 2001+i)] = kinds[(h+i)%len(kinds)]
		}
	}
	return listen
}

func TestShardsMergeReport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and scans in network namespaces") // skip-ok: CI does not run -short
	}
	if err := canNetns(); err != nil {
		testenv.Missing(t, "no fresh network namespace: %v", err)
	}
	dir := t.TempDir()
	if d := os.Getenv("SHARDS_TEST_DIR"); d != "" {
		dir = d
	}
	e := &e2e{bin: filepath.Join(dir, "signet"), dir: dir, cfg: filepath.Join(dir, "config")}
	os.Mkdir(e.cfg, 0o755)
	if out, err := exec.Command("go", "build", "-o", e.bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	e.probes = e2eFile(t, dir, "e2e.probes", e2eProbes)

	const hosts, nports = 8, 32 // 12 services and 20 closed ports per host
	listen := shardListen()
	scan := func(name string, env []string, args ...string) {
		t.Helper()
		args = append([]string{"--unprivileged", "-sV", "-Pn", "-n", "--versiondb", e.probes,
			"-oX", filepath.Join(dir, name+".xml"), "-oJ", filepath.Join(dir, name+".jsonl")}, args...)
		r := e.inNetnsJob(t, netnsJob{Listen: listen, Bin: e.bin, Args: args, Env: env})
		if r.code != 0 {
			t.Fatalf("%s: %s", name, r)
		}
	}
	// openPorts reads a scan's JSON lines: "addr:port" → times written open; and how many
	// host lines each address has.
	openPorts := func(name string) (map[string]int, map[string]int) {
		data, err := os.ReadFile(filepath.Join(dir, name+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := output.ReadJSONLines(name, bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
		out, records := map[string]int{}, map[string]int{}
		for _, l := range e2eJSON(t, filepath.Join(dir, name+".jsonl")) {
			if l["state"] == "open" {
				out[fmt.Sprintf("%s:%v", l["addr"], l["port"])]++
			}
		}
		for _, m := range regexp.MustCompile(`"record":"host","addr":"([^"]+)"`).FindAllSubmatch(data, -1) {
			records[string(m[1])]++
		}
		return out, records
	}
	scan("whole", nil, "-p", "2001-2032", "127.0.0.1-8")
	whole, _ := openPorts("whole")
	if len(whole) != hosts*12 {
		t.Fatalf("unsharded scan: %d open ports, want %d", len(whole), hosts*12)
	}
	seen := map[string]int{}
	for i := 0; i < 4; i++ {
		name := fmt.Sprintf("shard-%d", i)
		args := []string{"-p", "2001-2032", "--shards", "4", "--seed", "2026", "127.0.0.1-8"}
		var env []string
		if i < 2 {
			args = append(args, fmt.Sprintf("--shard=%d", i))
		} else {
			env = []string{fmt.Sprintf("JOB_COMPLETION_INDEX=%d", i)} // as an Indexed Job's pod
		}
		scan(name, env, args...)
		mine, records := openPorts(name)
		if len(mine) == 0 {
			t.Errorf("%s found no open port", name)
		}
		for a, n := range records {
			if n != 1 {
				t.Errorf("%s: host %s written %d times", name, a, n)
			}
		}
		x, _ := os.ReadFile(filepath.Join(dir, name+".xml"))
		run, xhosts, _, err := output.ReadXML(bytes.NewReader(x))
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("--shard=%d", i); !slices.Contains(run.Args, want) {
			t.Errorf("%s: the XML's command line %q does not say %s", name, run.Args, want)
		}
		if len(xhosts) != len(records) {
			t.Errorf("%s: %d XML hosts, %d JSON host lines", name, len(xhosts), len(records))
		}
		t.Logf("%s: %d open ports, %d hosts", name, len(mine), len(records))
		for k, n := range mine {
			seen[k] += n
		}
	}
	for k := range whole {
		if seen[k] != 1 {
			t.Errorf("%s found by %d shards", k, seen[k])
		}
	}
	if len(seen) != len(whole) {
		t.Errorf("shards found %d open ports, the unsharded scan %d", len(seen), len(whole))
	}

	// One host in four shards: each gets a fair share of its 12 services.
	var per []string
	for i := 0; i < 4; i++ {
		name := fmt.Sprintf("single-%d", i)
		scan(name, nil, "-p", "2001-2012", "--shards", "4", "--shard", fmt.Sprint(i), "--seed", "7", "127.0.0.5")
		mine, _ := openPorts(name)
		if len(mine) != 3 {
			t.Errorf("%s: %d open ports of the host's 12, want 3", name, len(mine))
		}
		per = append(per, fmt.Sprint(len(mine)))
	}
	t.Logf("one host in four shards: %s open ports", strings.Join(per, ", "))

	// signet merge with a glob, as the Job's merge step runs it.
	merged, mergedJ := filepath.Join(dir, "merged.xml"), filepath.Join(dir, "merged.jsonl")
	r := e.run(t, "", "merge", "-oX", merged, "-oJ", mergedJ, filepath.Join(dir, "shard-*.xml"))
	if r.code != 0 || !strings.Contains(r.err, "4 files, 8 hosts (8 up), 256 ports shown") {
		t.Fatalf("merge: %s", r)
	}
	xmlValid(t, merged)
	if _, err := exec.LookPath("ndiff"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI: ndiff is required")
		}
		t.Log("ndiff not installed: merged XML not compared")
	} else {
		out, _ := exec.Command("ndiff", filepath.Join(dir, "whole.xml"), merged).CombinedOutput()
		if m := regexp.MustCompile(`(?m)^[-+ ]?(\d+/(tcp|udp)|Not shown).*`).FindAllString(string(out), -1); len(m) > 0 {
			t.Errorf("ndiff unsharded merged: port lines %q\n%s", m, out)
		}
	}
	if got, _ := openPorts("merged"); len(got) != len(whole) {
		t.Errorf("merged JSON lines: %d open ports, want %d", len(got), len(whole))
	}

	// signet report on the merged scan: every port in Chromium's table.
	page := filepath.Join(dir, "report.html")
	if r := e.run(t, "", "report", "-o", page, merged); r.code != 0 {
		t.Fatalf("report: %s", r)
	}
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		testenv.Missing(t, "chromium not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	dom, err := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--user-data-dir="+t.TempDir(), "--dump-dom", "file://"+page).Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	rows := regexp.MustCompile(`<tr class="s-[^"]*"><td data-k=`).FindAll(dom, -1)
	if len(rows) != hosts*nports || !bytes.Contains(dom, []byte("data-ready-ms=")) {
		t.Errorf("Chromium shows %d port rows, want %d", len(rows), hosts*nports)
	}
}
