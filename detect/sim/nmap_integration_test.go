//go:build integration

package sim_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
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
)

// TestEvidenceIsNmaps keeps the detectors' simulated evidence honest: for
// every evidence file recorded from a detect/sim device, the device is
// started in a network namespace of its own on the evidence's port and
// nmap 7.93 -sV (its version scripts on) must give the answer the file
// expects. Devices whose ports differ share a namespace and one nmap run.
func TestEvidenceIsNmaps(t *testing.T) {
	need := t.Skipf
	if os.Getenv("CI") != "" {
		need = t.Fatalf // .ci/run installs nmap and iproute2 and runs as root
	}
	if out, err := exec.Command("nmap", "--version").Output(); err != nil || !bytes.Contains(out, []byte("Nmap version 7.93 ")) {
		need("nmap 7.93 is not installed")
	}
	if os.Geteuid() != 0 {
		need("network namespaces and nmap -sU need root")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		need("iproute2's ip is not installed")
	}
	bin := filepath.Join(t.TempDir(), "devicesim")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/signetscan/signet/tools/devicesim").CombinedOutput(); err != nil {
		t.Fatalf("building devicesim: %v\n%s", err, out)
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
			answers, err := nmapInNamespace(ns, bin, g)
			if err != nil {
				t.Errorf("namespace %s: %v", ns, err)
				return
			}
			for _, c := range g {
				key := fmt.Sprintf("%d/%s", c.e.Port, c.e.Proto)
				if got, want := answers[key].String(), c.e.Expect.String(); got != want {
					t.Errorf("%s (device %s on %s): nmap 7.93 answers\n  %s\nthe evidence expects\n  %s", c.file, c.device, key, got, want)
				}
			}
		})
	}
	wg.Wait()
	t.Logf("%d evidence files checked against nmap in %d namespaces", len(cases), len(groups))
}

// simCase is an evidence file recorded from a simulated device.
type simCase struct {
	file, device string
	e            *detect.Evidence
}

// nmapInNamespace starts each case's device in a fresh namespace, runs
// nmap -sV on their ports and returns nmap's answer per "PORT/PROTO".
func nmapInNamespace(ns, bin string, cases []simCase) (map[string]detect.Fields, error) {
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
	time.Sleep(300 * time.Millisecond)
	args := []string{"netns", "exec", ns, "nmap", "-sV", "-n", "-Pn", "-oX", "-"}
	var ports []string
	if len(tcp) > 0 {
		args = append(args, "-sT")
		ports = append(ports, "T:"+strings.Join(tcp, ","))
	}
	if len(udp) > 0 {
		args = append(args, "-sU")
		ports = append(ports, "U:"+strings.Join(udp, ","))
	}
	args = append(args, "-p", strings.Join(ports, ","), "127.0.0.1")
	out, err := exec.Command("ip", args...).Output()
	if err != nil {
		return nil, fmt.Errorf("nmap: %v", err)
	}
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
				CPE       []string `xml:"cpe"`
			} `xml:"service"`
		} `xml:"host>ports>port"`
	}
	if err := xml.Unmarshal(out, &run2); err != nil {
		return nil, fmt.Errorf("nmap's XML: %v", err)
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
		answers[fmt.Sprintf("%d/%s", p.PortID, p.Protocol)] = f
	}
	return answers, nil
}
