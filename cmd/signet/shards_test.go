package main

// A sharded scan as the Kubernetes Job will run it, before --shards is
// wired: the (address, port) pairs of 8 hosts × 32 ports (12 services, 20
// closed) are split into four shards with package shard, each shard's
// pairs given to signet as a host:port list, and every shard runs in its
// own fresh network namespace holding the same services. signet merge and
// signet report then work on the shards' files.

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
	"github.com/signetscan/signet/shard"
)

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

	const hosts = 8
	kinds := []string{"ssh", "smtp", "http", "garbage"}
	var ports []int
	listen := map[string]string{}
	for i := 0; i < 12; i++ {
		ports = append(ports, 2001+i)
	}
	for i := 0; i < 20; i++ {
		ports = append(ports, 3001+i) // nothing listens: closed
	}
	for h := 1; h <= hosts; h++ {
		for i := 0; i < 12; i++ {
			listen[fmt.Sprintf("127.0.0.%d:%d", h, 2001+i)] = kinds[(h+i)%len(kinds)]
		}
	}
	// A shard's list is in the permuted order, so one address comes back
	// many times, far apart (signet makes a host record of each run of
	// one address); the unsharded list is sorted, one record per host,
	// the reference ndiff compares with.
	pairs := func(pl shard.Plan, sorted bool) string {
		var lines []string
		for pr := range pl.All() {
			lines = append(lines, fmt.Sprintf("127.0.0.%d:%d\n", pr.Host+1, ports[pr.Port]))
		}
		if sorted {
			slices.Sort(lines)
		}
		return strings.Join(lines, "")
	}
	scan := func(name, list string) {
		t.Helper()
		listFile := e2eFile(t, dir, name+".list", list)
		r := e.inNetns(t, listen, "", "-sV", "-n", "--versiondb", e.probes, "-iL", listFile,
			"-oX", filepath.Join(dir, name+".xml"), "-oJ", filepath.Join(dir, name+".jsonl"))
		if r.code != 0 {
			t.Fatalf("%s: %s", name, r)
		}
	}
	all := shard.Plan{Hosts: hosts, Ports: uint64(len(ports)), Seed: 2026}
	scan("whole", pairs(all, true))
	openPorts := func(name string) map[string]int {
		data, err := os.ReadFile(filepath.Join(dir, name+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		hs, err := output.ReadJSONLines(name, bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, h := range hs {
			for _, p := range h.Ports {
				if p.State == "open" {
					out[fmt.Sprintf("%s:%d", h.Addr, p.Number)]++
				}
			}
		}
		return out
	}
	whole := openPorts("whole")
	if len(whole) != hosts*12 {
		t.Fatalf("unsharded scan: %d open ports, want %d", len(whole), hosts*12)
	}
	seen := map[string]int{}
	for i := uint64(0); i < 4; i++ {
		pl := all
		pl.Shards, pl.Shard = 4, i
		name := fmt.Sprintf("shard-%d", i)
		scan(name, pairs(pl, false))
		mine := openPorts(name)
		if len(mine) == 0 {
			t.Errorf("%s found no open port", name)
		}
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
	if got := openPorts("merged"); len(got) != len(whole) {
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
	if len(rows) != hosts*len(ports) || !bytes.Contains(dom, []byte("data-ready-ms=")) {
		t.Errorf("Chromium shows %d port rows, want %d", len(rows), hosts*len(ports))
	}
}
