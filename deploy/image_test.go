package deploy

import (
	"bufio"
	"debug/elf"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/testenv"
)

// instructions returns the Dockerfile's instructions, comments and line
// continuations removed.
func instructions(t *testing.T) [][]string {
	t.Helper()
	f, err := os.Open("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Fields(line))
	}
	return out
}

// TestDockerfile: the image is the binary on an empty base, run as an
// unprivileged user; nothing runs at build time (scratch has no shell).
func TestDockerfile(t *testing.T) {
	ins := instructions(t)
	want := [][]string{
		{"FROM", "scratch"},
		{"COPY", "signet", "/signet"},
		{"USER", "65534:65534"},
		{"ENTRYPOINT", `["/signet"]`},
	}
	if len(ins) != len(want) {
		t.Fatalf("Dockerfile has %d instructions, want %d: %q", len(ins), len(want), ins)
	}
	for i := range want {
		if strings.Join(ins[i], " ") != strings.Join(want[i], " ") {
			t.Errorf("instruction %d: %q, want %q", i+1, ins[i], want[i])
		}
	}
}

// TestStaticBinaryRunsAlone builds the binary exactly as the image is
// built (build-image.sh --binary-only), checks that it is a static ELF
// file (no interpreter, no shared libraries), and runs it as the image
// runs it: alone in an empty root, as user 65534, with an empty
// environment, version-scanning a port this test opened on loopback.
func TestStaticBinaryRunsAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary") // skip-ok: CI does not run -short
	}
	root := t.TempDir()
	bin := filepath.Join(root, "signet")
	if out, err := exec.Command("./build-image.sh", "--binary-only", bin).CombinedOutput(); err != nil {
		t.Fatalf("build-image.sh: %v\n%s", err, out)
	}
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("program header %v: the binary is dynamically linked", p.Type)
		}
	}
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("the binary needs %v", libs)
	}
	f.Close()
	if out, err := exec.Command("file", bin).Output(); err == nil {
		t.Logf("file: %s", strings.TrimSpace(string(out)))
	}

	if os.Geteuid() != 0 {
		testenv.Missing(t, "chroot needs root")
	}
	// A banner service on loopback; the chroot shares the network.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				c.SetDeadline(time.Now().Add(10 * time.Second))
				c.Write([]byte("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"))
				io.Copy(io.Discard, c)
			}()
		}
	}()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	results := filepath.Join(root, "results")
	os.Mkdir(results, 0o755)
	os.Chown(results, 65534, 65534)
	os.Chmod(root, 0o755)
	cmd := exec.Command("chroot", "--userspec=65534:65534", root, "/signet", "-sV", "-Pn", "-n", "-p", port,
		"-oX", "/results/scan.xml", "127.0.0.1")
	cmd.Env = []string{}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("signet in an empty root: %v\n%s", err, out)
	}
	for _, want := range []string{port + "/tcp open  ssh", "OpenSSH 9.2p1 Debian 2+deb12u3", "signatures: signet's embedded file"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if x, err := os.ReadFile(filepath.Join(results, "scan.xml")); err != nil || !strings.Contains(string(x), `product="OpenSSH"`) {
		t.Errorf("-oX in the volume: %v\n%s", err, x)
	}
}
