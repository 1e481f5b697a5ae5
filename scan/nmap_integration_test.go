//go:build integration

package scan

import (
	"bytes"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/netnstest"
	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/result"
)

// nmapScan runs nmap 7.93 with args (plus -n -oX -) and returns its hosts by address.
func nmapScan(t *testing.T, args ...string) (map[string]*result.Host, time.Duration) {
	t.Helper()
	if _, err := exec.LookPath("nmap"); err != nil {
		netnstest.SkipOrFail(t, "nmap not installed: %v", err)
	}
	args = append([]string{"-n", "-oX", "-"}, args...)
	start := time.Now()
	out, err := exec.Command("nmap", args...).Output()
	took := time.Since(start)
	if err != nil {
		t.Fatalf("nmap %s: %v", strings.Join(args, " "), err)
	}
	_, hosts, _, err := output.ReadXML(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]*result.Host{}
	for _, h := range hosts {
		m[h.Addr] = h
	}
	return m, took
}

// table is a host's port section as the normal output prints it with --reason, service names
// from nmap's table.
func table(t *testing.T, h *result.Host) string {
	t.Helper()
	if h == nil {
		return "(no host)"
	}
	tbl, _, err := portspec.LoadTable([]string{"/usr/share/nmap"})
	if err != nil {
		t.Fatal(err)
	}
	c := *h
	for i, p := range c.Ports {
		q := *p
		if q.Service == nil || q.Service.Method == result.MethodTable {
			q.Service = &result.Service{Name: tbl.Lookup(q.Number, q.Proto), Method: result.MethodTable, Conf: 3}
		}
		c.Ports[i] = &q
	}
	c.Times, c.Hostname, c.TargetName = nil, "", ""
	return output.HostReport(&result.Run{Reason: true}, &c)
}

// TestRootScansMatchNmap runs nmap and signet side by side on the topology of TestRootScans:
// the same port tables (SYN scans), the same live hosts with the same reasons (-sn).
func TestRootScansMatchNmap(t *testing.T) {
	if !netnstest.Fresh(t) {
		return
	}
	if os.Getenv("CI") == "" {
		t.Log("hold /work/locks/loopback.lock if timings matter")
	}
	setUp(t)
	all, _ := portspec.Parse("-", nil)
	t.Run("SYN-all-ports", func(t *testing.T) {
		for _, lo := range []string{"127.0.0.1", "::1"} {
			args := []string{"-sS", "-p-", "--reason", lo}
			if strings.Contains(lo, ":") {
				args = append([]string{"-6"}, args...)
			}
			nm, nmapTook := nmapScan(t, args...)
			sig, _, took := scanAsRoot(t, Options{TCP: portscan.SYN, Ports: all}, lo)
			if a, b := table(t, nm[lo]), table(t, sig[lo]); a != b {
				t.Errorf("%s: nmap's table\n%s\nsignet's\n%s", lo, a, b)
			}
			t.Logf("%s -sS -p-: nmap %v, signet %v", lo, nmapTook.Round(time.Millisecond), took.Round(time.Millisecond))
		}
	})
	t.Run("SYN-routed-firewall", func(t *testing.T) {
		ports, _ := portspec.Parse("22,443,1000-1006", nil)
		for _, addr := range []string{"10.77.3.2", "fd77:3::2", "10.77.1.3", "fd77:1::3"} {
			args := []string{"-sS", "-p", "22,443,1000-1006", "--max-retries", "1", "--reason", addr}
			if strings.Contains(addr, ":") {
				args = append([]string{"-6"}, args...)
			}
			nm, _ := nmapScan(t, args...)
			sig, _, _ := scanAsRoot(t, Options{TCP: portscan.SYN, Ports: ports, Tries: 2}, addr)
			if a, b := table(t, nm[addr]), table(t, sig[addr]); a != b {
				t.Errorf("%s: nmap's table\n%s\nsignet's\n%s", addr, a, b)
			}
			if nm[addr].MAC != sig[addr].MAC {
				t.Errorf("%s: MAC nmap %q signet %q", addr, nm[addr].MAC, sig[addr].MAC)
			}
		}
	})
	t.Run("ping", func(t *testing.T) {
		for _, target := range []string{"10.77.1.0/29", "fd77:1::/125", "10.77.3.0/30", "fd77:3::/126"} {
			args := []string{"-sn", target}
			if strings.Contains(target, ":") {
				args = append([]string{"-6"}, args...)
			}
			nm, nmapTook := nmapScan(t, args...)
			sig, _, took := scanAsRoot(t, Options{PingOnly: true}, target)
			var nmUp, sigUp []string
			for a, h := range nm {
				if h.Status == result.HostUp {
					nmUp = append(nmUp, a+" "+h.Reason+" "+h.MAC)
				}
			}
			for a, h := range sig {
				if h.Status == result.HostUp {
					sigUp = append(sigUp, a+" "+h.Reason+" "+h.MAC)
				}
			}
			slices.Sort(nmUp)
			slices.Sort(sigUp)
			if strings.Join(nmUp, "; ") != strings.Join(sigUp, "; ") {
				t.Errorf("-sn %s: nmap finds %q, signet %q", target, nmUp, sigUp)
			}
			t.Logf("-sn %s: %d up; nmap %v, signet %v", target, len(sigUp), nmapTook.Round(time.Millisecond), took.Round(time.Millisecond))
		}
	})
}
