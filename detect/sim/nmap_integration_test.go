//go:build integration

package sim_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signetscan/signet/detect"
	"github.com/signetscan/signet/internal/testenv"
)

// TestEvidenceIsNmaps keeps the detectors' simulated evidence honest: for
// every evidence file recorded from a detect/sim device, the device is
// started in a network namespace of its own on the evidence's port and
// nmap 7.93 -sV (its version scripts on) must give the answer the file
// expects. Then signet -sV, in both timing modes, must give nmap's answer
// on the same devices, the fingerprint kept or dropped as nmap's is.
// Devices whose ports differ share a namespace and one run of each.
func TestEvidenceIsNmaps(t *testing.T) {
	// .ci/run installs nmap and iproute2 and runs as root.
	if out, err := exec.Command("nmap", "--version").Output(); err != nil || !bytes.Contains(out, []byte("Nmap version 7.93 ")) {
		testenv.Missing(t, "nmap 7.93 is not installed")
	}
	if os.Geteuid() != 0 {
		testenv.Missing(t, "network namespaces and nmap -sU need root")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		testenv.Missing(t, "iproute2's ip is not installed")
	}
	dir := t.TempDir()
	bin, signet := filepath.Join(dir, "devicesim"), filepath.Join(dir, "signet")
	for out, pkg := range map[string]string{bin: "github.com/signetscan/signet/tools/devicesim", signet: "github.com/signetscan/signet/cmd/signet"} {
		if msg, err := exec.Command("go", "build", "-o", out, pkg).CombinedOutput(); err != nil {
			t.Fatalf("building %s: %v\n%s", pkg, err, msg)
		}
	}

	device := regexp.MustCompile(`tools/devicesim -device ([\w.-]+)`)
	files, _ := filepath.Glob("../testdata/evidence/*/*.txt")
	var cases []simCase
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := device.FindSubmatch(data)
		if m == nil {
			continue
		}
		e, err := detect.ParseEvidence(f, bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, simCase{file: f, device: string(m[1]), e: e})
	}
	if len(cases) == 0 {
		t.Fatal("no evidence from simulated devices")
	}
	// Pack the cases into namespaces: one port and protocol each.
	var groups [][]simCase
	for _, c := range cases {
		placed := false
		for i, g := range groups {
			free := true
			for _, o := range g {
				if o.e.Port == c.e.Port && o.e.Proto == c.e.Proto {
					free = false
				}
			}
			if free {
				groups[i] = append(g, c)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []simCase{c})
		}
	}
	var wg sync.WaitGroup
	for i, g := range groups {
		wg.Go(func() {
			ns := fmt.Sprintf("simnmap-%d-%d", os.Getpid(), i)
			answers, err := inNamespace(ns, bin, g, signet)
			// nmap's scripts have their own timeouts, which a loaded
			// machine can pass: a disagreement is checked twice more.
			// (No device answers by chance: the simulated CCcam's
			// seeds all pass cccam-version's randomness test.)
			for try := 0; try < 2; try++ {
				d := disagreements(answers["nmap"], g)
				if err != nil || len(d) == 0 {
					break
				}
				t.Logf("namespace %s: nmap disagrees with the evidence (%s); running the group again", ns, strings.Join(d, "; "))
				answers, err = inNamespace(ns, bin, g, signet)
			}
			if err != nil {
				t.Errorf("namespace %s: %v", ns, err)
				return
			}
			for _, c := range g {
				key := fmt.Sprintf("%d/%s", c.e.Port, c.e.Proto)
				nm := answers["nmap"][key]
				noFP := maps.Clone(nm)
				delete(noFP, "fp")
				if got, want := noFP.String(), c.e.Expect.String(); got != want {
					t.Errorf("%s (device %s on %s): nmap 7.93 answers\n  %s\nthe evidence expects\n  %s", c.file, c.device, key, got, want)
				}
				for _, timing := range []string{"nmap", "adaptive"} {
					if got := answers["signet-"+timing][key]; got.String() != nm.String() {
						t.Errorf("%s (device %s on %s): signet --version-timing %s answers\n  %s\nnmap 7.93\n  %s", c.file, c.device, key, timing, got, nm)
					}
				}
			}
		})
	}
	wg.Wait()
	t.Logf("%d evidence files checked against nmap in %d namespaces", len(cases), len(groups))
}

// disagreements lists the cases whose expected answer is not nmap's.
func disagreements(nmap map[string]detect.Fields, cases []simCase) []string {
	var d []string
	for _, c := range cases {
		f := maps.Clone(nmap[fmt.Sprintf("%d/%s", c.e.Port, c.e.Proto)])
		delete(f, "fp")
		if f.String() != c.e.Expect.String() {
			d = append(d, fmt.Sprintf("%s: %s", filepath.Base(c.file), f))
		}
	}
	return d
}

// simCase is an evidence file recorded from a simulated device.
type simCase struct {
	file, device string
	e            *detect.Evidence
}

// inNamespace starts each case's device in a fresh namespace, runs nmap
// -sV on their ports, then signet -sV in both timing modes, and returns
// each one's answers ("nmap", "signet-nmap", "signet-adaptive") per
// "PORT/PROTO"; "fp=yes" marks a port whose answer has a fingerprint.
func inNamespace(ns, bin string, cases []simCase, signet string) (map[string]map[string]detect.Fields, error) {
	run := func(args ...string) error {
		if out, err := exec.Command("ip", args...).CombinedOutput(); err != nil {
			return fmt.Errorf("ip %s: %v %s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	if err := run("netns", "add", ns); err != nil {
		return nil, err
	}
	defer run("netns", "del", ns)
	if err := run("netns", "exec", ns, "ip", "link", "set", "lo", "up"); err != nil {
		return nil, err
	}
	var tcp, udp []string
	for _, s := range cases {
		args := []string{"netns", "exec", ns, bin, "-device", s.device, "-listen", "127.0.0.1:" + strconv.Itoa(s.e.Port), "-for", "10m"}
		if s.e.Proto == "udp" {
			args = append(args, "-udp")
			udp = append(udp, strconv.Itoa(s.e.Port))
		} else {
			tcp = append(tcp, strconv.Itoa(s.e.Port))
		}
		cmd := exec.Command("ip", args...)
		if err := cmd.Start(); err != nil {
			return nil, err
		}
		defer func() { cmd.Process.Kill(); cmd.Wait() }()
	}
	// The devices listen before the scans start: a device still starting
	// (a loaded machine can take more than the 300 ms once waited here) is
	// a closed port to whichever scan comes first, and scans disagree.
	if err := waitListening(ns, cases, 20*time.Second); err != nil {
		return nil, err
	}
	var ports, scans []string
	if len(tcp) > 0 {
		scans = append(scans, "-sT")
		ports = append(ports, "T:"+strings.Join(tcp, ","))
	}
	if len(udp) > 0 {
		scans = append(scans, "-sU")
		ports = append(ports, "U:"+strings.Join(udp, ","))
	}
	common := append(scans, "-sV", "-n", "-Pn", "-oX", "-", "-p", strings.Join(ports, ","), "127.0.0.1")
	all := map[string]map[string]detect.Fields{}
	var mu sync.Mutex
	var errs []error
	var wg sync.WaitGroup
	for name, argv := range map[string][]string{
		"nmap":            append([]string{"nmap"}, common...),
		"signet-nmap":     append([]string{signet, "--versiondb", "nmap", "--version-timing", "nmap"}, common...),
		"signet-adaptive": append([]string{signet, "--versiondb", "nmap", "--version-timing", "adaptive"}, common...),
	} {
		wg.Go(func() {
			out, err := exec.Command("ip", append([]string{"netns", "exec", ns}, argv...)...).Output()
			var f map[string]detect.Fields
			if err == nil {
				f, err = parseXML(out)
			}
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %v", name, err))
			}
			all[name] = f
		})
	}
	wg.Wait()
	return all, errors.Join(errs...)
}

// parseXML reads each port's service from nmap's XML (or signet's).
func parseXML(out []byte) (map[string]detect.Fields, error) {
	var run2 struct {
		Ports []struct {
			Protocol string `xml:"protocol,attr"`
			PortID   int    `xml:"portid,attr"`
			Service  struct {
				Name      string   `xml:"name,attr"`
				Product   string   `xml:"product,attr"`
				Version   string   `xml:"version,attr"`
				ExtraInfo string   `xml:"extrainfo,attr"`
				Hostname  string   `xml:"hostname,attr"`
				OSType    string   `xml:"ostype,attr"`
				Device    string   `xml:"devicetype,attr"`
				Tunnel    string   `xml:"tunnel,attr"`
				Method    string   `xml:"method,attr"`
				Conf      string   `xml:"conf,attr"`
				FP        string   `xml:"servicefp,attr"`
				CPE       []string `xml:"cpe"`
			} `xml:"service"`
		} `xml:"host>ports>port"`
	}
	if err := xml.Unmarshal(out, &run2); err != nil {
		return nil, fmt.Errorf("XML: %v", err)
	}
	answers := map[string]detect.Fields{}
	for _, p := range run2.Ports {
		s := p.Service
		f := detect.Fields{}
		for k, v := range map[string]string{"name": s.Name, "product": s.Product, "version": s.Version, "extrainfo": s.ExtraInfo,
			"hostname": s.Hostname, "ostype": s.OSType, "devicetype": s.Device, "tunnel": s.Tunnel, "method": s.Method,
			"conf": s.Conf, "cpe": strings.Join(s.CPE, " ")} {
			if v != "" {
				f[k] = v
			}
		}
		if s.FP != "" {
			f["fp"] = "yes"
		}
		answers[fmt.Sprintf("%d/%s", p.PortID, p.Protocol)] = f
	}
	return answers, nil
}

// waitListening waits until every case's device has its socket bound in
// namespace ns (ss lists it), or until limit.
func waitListening(ns string, cases []simCase, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		out, err := exec.Command("ip", "netns", "exec", ns, "ss", "-Htuln").CombinedOutput()
		if err != nil {
			return fmt.Errorf("ss in %s: %v %s", ns, err, out)
		}
		var missing []string
		for _, c := range cases {
			want := regexp.MustCompile(`(?m)^` + c.e.Proto + `\s.*\s127\.0\.0\.1:` + strconv.Itoa(c.e.Port) + `\s`)
			if !want.Match(out) {
				missing = append(missing, fmt.Sprintf("%d/%s", c.e.Port, c.e.Proto))
			}
		}
		if len(missing) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("devices not listening after %v: %s", limit, strings.Join(missing, " "))
		}
		time.Sleep(20 * time.Millisecond)
	}
}
