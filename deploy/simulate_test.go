//go:build integration

package deploy

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/testenv"
)

// TestSimulateJob runs deploy/simulate-job.sh: the Indexed Job's four shards, each in a
// fresh network namespace with 8 hosts × 12 services, shard 1 killed with SIGKILL after
// 3.5 s and resumed from its JSON lines, then the merge Job; and the same network scanned
// unsharded. The shards cover the unsharded scan's open ports exactly (each in one shard,
// none twice), each shard writes each host once, and the merge, killed shard included, is
// the unsharded scan: ndiff shows no port line, the JSON lines are the same, and the merged
// XML is valid on nmap.dtd.
func TestSimulateJob(t *testing.T) {
	if os.Geteuid() != 0 {
		testenv.Missing(t, "the simulation needs root (network namespaces)")
	}
	for _, tool := range []string{"ip", "setpriv", "timeout", "xmllint", "ndiff"} {
		if _, err := exec.LookPath(tool); err != nil {
			testenv.Missing(t, "%s is not installed", tool)
		}
	}
	const dtd = "/usr/share/nmap/nmap.dtd"
	if _, err := os.Stat(dtd); err != nil {
		testenv.Missing(t, "nmap.dtd is not installed")
	}
	// The pods run as user 65534: the work area must be theirs to reach.
	dir, err := os.MkdirTemp("", "signet-simulate-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o755)
	prefix := os.Getenv("SIGNET_NETNS_PREFIX")
	if prefix == "" {
		prefix = "signet"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "./simulate-job.sh", "-k", "1:3.5", "-x", "--max-hostgroup=2", "-r", dir)
	cmd.Env = append(os.Environ(), fmt.Sprintf("SIGNET_NETNS_PREFIX=%s%d", prefix, os.Getpid()))
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("simulate-job.sh in %v:\n%s", time.Since(start).Round(time.Millisecond), out)
	if err != nil {
		t.Fatalf("simulate-job.sh: %v", err)
	}
	if !regexp.MustCompile(`shard 1: killed after 3\.5s or more; [1-7] hosts finished; resuming`).Match(out) {
		t.Errorf("shard 1 was not killed with some hosts finished and some not")
	}

	results := filepath.Join(dir, "results")
	whole := jsonLines(t, filepath.Join(dir, "reference", "whole.jsonl"))
	wantOpen := whole.open()
	if len(wantOpen) != 8*12 {
		t.Fatalf("the unsharded scan found %d open ports, want 96", len(wantOpen))
	}
	found := map[string]int{}
	for i := 0; i < 4; i++ {
		s := jsonLines(t, filepath.Join(results, fmt.Sprintf("shard-%d.jsonl", i)))
		mine := s.open()
		if len(mine) == 0 {
			t.Errorf("shard %d found no open port", i)
		}
		for _, k := range mine {
			found[k]++
		}
		for a, n := range s.hosts {
			if n != 1 {
				t.Errorf("shard %d: host %s written %d times", i, a, n)
			}
		}
		t.Logf("shard %d: %d open ports, %d hosts", i, len(mine), len(s.hosts))
	}
	for _, k := range wantOpen {
		if found[k] != 1 {
			t.Errorf("%s found by %d shards", k, found[k])
		}
	}
	if len(found) != len(wantOpen) {
		t.Errorf("the shards found %d open ports, the unsharded scan %d", len(found), len(wantOpen))
	}

	merged := filepath.Join(results, "merged.xml")
	if b, err := exec.Command("xmllint", "--noout", "--dtdvalid", dtd, merged).CombinedOutput(); err != nil || len(b) > 0 {
		t.Errorf("merged XML not valid on nmap.dtd: %v\n%s", err, b)
	}
	diff, _ := exec.Command("ndiff", filepath.Join(dir, "reference", "whole.xml"), merged).CombinedOutput()
	if m := regexp.MustCompile(`(?m)^[-+ ]?(\d+/(tcp|udp)|Not shown).*`).FindAllString(string(diff), -1); len(m) > 0 {
		t.Errorf("ndiff unsharded merged shows port lines %q:\n%s", m, diff)
	}
	m := jsonLines(t, filepath.Join(results, "merged.jsonl"))
	if !slices.Equal(m.ports, whole.ports) {
		t.Errorf("merged JSON lines differ from the unsharded scan's: %d and %d port lines", len(m.ports), len(whole.ports))
		shown := 0
		for i := 0; i < max(len(m.ports), len(whole.ports)) && shown < 5; i++ {
			var a, b string
			if i < len(m.ports) {
				a = m.ports[i]
			}
			if i < len(whole.ports) {
				b = whole.ports[i]
			}
			if a != b {
				t.Errorf("first difference at line %d:\nmerged    %s\nunsharded %s", i+1, a, b)
				shown++
			}
		}
	}
	if st, err := os.Stat(filepath.Join(results, "report.html")); err != nil || st.Size() == 0 {
		t.Errorf("no report: %v", err)
	}
}

// scanLines are a JSON lines file's port lines (sorted, fingerprint times masked) and its
// host lines per address; reading fails the test on a port written twice.
type scanLines struct {
	ports []string
	hosts map[string]int
	state map[string]string // "addr:port/proto" → state
}

var fpTime = regexp.MustCompile(`%D=[0-9]+/[0-9]+%Time=[0-9A-F]+%`)

func jsonLines(t *testing.T, path string) *scanLines {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := &scanLines{hosts: map[string]int{}, state: map[string]string{}}
	for _, l := range bytes.Split(data, []byte("\n")) {
		if len(l) == 0 {
			continue
		}
		var v struct {
			Record string `json:"record"`
			Addr   string `json:"addr"`
			Port   int    `json:"port"`
			Proto  string `json:"proto"`
			State  string `json:"state"`
		}
		if err := json.Unmarshal(l, &v); err != nil {
			t.Fatalf("%s: %v: %s", path, err, l)
		}
		switch v.Record {
		case "host":
			s.hosts[v.Addr]++
		case "":
			k := fmt.Sprintf("%s:%d/%s", v.Addr, v.Port, v.Proto)
			if _, dup := s.state[k]; dup {
				t.Errorf("%s: port %s written twice", path, k)
			}
			s.state[k] = v.State
			s.ports = append(s.ports, fpTime.ReplaceAllString(string(l), "%D=…%Time=…%"))
		}
	}
	slices.Sort(s.ports)
	return s
}

func (s *scanLines) open() []string {
	var out []string
	for k, st := range s.state {
		if st == "open" {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}
