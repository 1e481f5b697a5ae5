package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The shipped table is exactly what scripts/gen-port-table writes today.
func TestShippedTableRegenerates(t *testing.T) {
	out := filepath.Join(t.TempDir(), "signet-services")
	cmd := exec.Command("../../scripts/gen-port-table", out)
	// The script runs "go run": the go that runs this test.
	cmd.Env = append(os.Environ(), "PATH="+filepath.Join(runtime.GOROOT(), "bin")+string(os.PathListSeparator)+os.Getenv("PATH"))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("scripts/gen-port-table: %v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := os.ReadFile("../../portspec/signet-services")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, shipped) {
		t.Fatal("portspec/signet-services is not what scripts/gen-port-table writes: run scripts/gen-port-table and commit the result")
	}
}

// The netbase input is Debian netbase 6.4's file as the package ships it.
func TestNetbaseInputUnmodified(t *testing.T) {
	b, err := os.ReadFile("netbase-services")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("# Network services, Internet style\n")) {
		t.Error("netbase-services does not start with netbase's header")
	}
}

func TestRanking(t *testing.T) {
	head := "group one\n80/tcp http\n22/tcp ssh # comment\ngroup two\n8080/tcp web\n53/udp domain\n"
	netbase := "ssh 22/tcp\nhttp 80/tcp www\nfoo 5000/tcp\nbar 7/udp\nzz 1/ddp\n"
	table, err := generate("head", []byte(head), "netbase", []byte(netbase))
	if err != nil {
		t.Fatal(err)
	}
	rank := map[string]string{}
	for _, l := range strings.Split(string(table), "\n") {
		if f := strings.Fields(l); len(f) == 3 && !strings.HasPrefix(l, "#") {
			rank[f[1]] = f[0] + " " + f[2]
		}
	}
	for port, want := range map[string]string{
		"22/tcp":   "ssh 0.50000000",     // rank 1: group one, by number
		"80/tcp":   "http 0.33333333",    // rank 2
		"8080/tcp": "web 0.25000000",     // rank 3: group two
		"5000/tcp": "foo 0.20000000",     // rank 4: netbase
		"1/tcp":    "unknown 0.16666667", // rank 5: 1-1023
		"53/udp":   "domain 0.50000000",  // UDP ranks on its own
		"7/udp":    "bar 0.33333333",
		"1/udp":    "unknown 0.25000000",
	} {
		if rank[port] != want {
			t.Errorf("%s: %q, want %q", port, rank[port], want)
		}
	}
	if _, err := generate("head", []byte("group g\n22/tcp secure-shell\n"), "netbase", []byte(netbase)); err == nil ||
		!strings.Contains(err.Error(), `netbase names 22/tcp "ssh"`) {
		t.Errorf("a name that is not netbase's: %v", err)
	}
	if _, err := generate("head", []byte("group g\n22/tcp ssh\n22/tcp ssh\n"), "netbase", []byte(netbase)); err == nil ||
		!strings.Contains(err.Error(), "head:3: 22/tcp is already on line 2") {
		t.Errorf("a port twice: %v", err)
	}
}

// A broken head.txt or services file is an error with its line, never a panic.
func FuzzGenerate(f *testing.F) {
	f.Add("group g\n22/tcp ssh\n", "ssh 22/tcp\n")
	f.Add("22/tcp ssh\n", "x 70000/tcp\n")
	f.Add("group\n1/udp a b\n", "a 1/ddp\n# c\n")
	f.Fuzz(func(t *testing.T, head, netbase string) {
		if table, err := generate("head", []byte(head), "netbase", []byte(netbase)); err == nil && len(table) == 0 {
			t.Error("no error and no table")
		}
	})
}
