// Command svcdiff compares the port states and service fields of two nmap
// XML files (nmap's and signet's) and prints each port whose answers differ.
//
//	svcdiff [-fp] nmap.xml signet.xml
//
// It exits 0 when every port agrees, 1 when some differ, 2 on bad input.
// Hosts are matched by IP address (nmap adds the MAC address of a host on
// the local segment as a second <address>; it is not part of the key), and
// ports by number and protocol. A port one file lists and the other counts
// in "Not shown" (extraports) is compared by state. Fields that change from
// run to run are normalised: the fingerprint
// (servicefp: %D, %Time, V=) is compared only by presence unless -fp is
// given, which compares the recorded replies; a server's clock reported in
// extra info (Kerberos "server time: 2026-11-25 20:07:32Z") is masked.
package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/output"
)

// load reads the ports of a file, each flattened into named fields and keyed
// by "IP port/proto".
func load(path string, fullFP bool) (map[string]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	_, hosts, _, err := output.ReadXML(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	out := map[string]map[string]string{}
	for _, h := range hosts {
		for _, e := range h.Extra {
			for _, r := range e.Reasons {
				for _, p := range r.Ports {
					out[fmt.Sprintf("%s %d/%s", h.Addr, p, r.Proto)] = map[string]string{"state": e.State, notShown: "yes"}
				}
			}
		}
		for _, p := range h.Ports {
			f := map[string]string{"state": p.State}
			if s := p.Service; s != nil {
				f["name"], f["product"], f["version"], f["extrainfo"] = s.Name, s.Product, s.Version, clock.ReplaceAllString(s.Info, "<time>")
				f["hostname"], f["ostype"], f["devicetype"] = s.Hostname, s.OS, s.Device
				f["tunnel"], f["method"], f["conf"] = s.Tunnel, s.Method, strconv.Itoa(s.Conf)
				f["cpe"] = strings.Join(s.CPE, " ")
				f["servicefp"] = fpKey(s.Fingerprint, fullFP)
			}
			out[fmt.Sprintf("%s %d/%s", h.Addr, p.Number, p.Proto)] = f
		}
	}
	return out, nil
}

// notShown marks a port counted in "Not shown": only its state is known.
const notShown = "not shown"

// clock matches a server's time of day as version fields carry it.
var clock = regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ`)

// fpKey reduces a fingerprint to what is comparable across runs.
func fpKey(fp string, full bool) string {
	if fp == "" {
		return ""
	}
	if !full {
		return "present"
	}
	fps, err := fingerprint.Decode("servicefp", []byte(fp))
	if err != nil || len(fps) != 1 {
		return "undecodable"
	}
	var b strings.Builder
	for _, r := range fps[0].Responses {
		fmt.Fprintf(&b, "%s,%d,%q;", r.Probe, r.Length, r.Data)
	}
	return b.String()
}

func main() {
	full := flag.Bool("fp", false, "compare the fingerprints' recorded replies too")
	quiet := flag.Bool("q", false, "print only the summary line")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: svcdiff [-fp] [-q] nmap.xml signet.xml")
		os.Exit(2)
	}
	a, err := load(flag.Arg(0), *full)
	if err == nil {
		var b map[string]map[string]string
		b, err = load(flag.Arg(1), *full)
		if err == nil {
			os.Exit(compare(a, b, *quiet))
		}
	}
	fmt.Fprintln(os.Stderr, "svcdiff:", err)
	os.Exit(2)
}

func compare(a, b map[string]map[string]string, quiet bool) int {
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	var ports []string
	for k := range keys {
		ports = append(ports, k)
	}
	sort.Strings(ports)
	names := []string{"state", "name", "product", "version", "extrainfo", "hostname", "ostype", "devicetype", "tunnel", "method", "conf", "cpe", "servicefp"}
	differ := 0
	for _, p := range ports {
		fa, fb := a[p], b[p]
		var diffs []string
		for _, n := range names {
			if n != "state" && fa != nil && fb != nil && (fa[notShown] != "" || fb[notShown] != "") {
				continue // hidden on one side: only the state is there to compare
			}
			if fa[n] != fb[n] {
				diffs = append(diffs, fmt.Sprintf("%s: %q vs %q", n, fa[n], fb[n]))
			}
		}
		if len(diffs) > 0 {
			differ++
			if !quiet {
				fmt.Printf("%s\n  %s\n", p, strings.Join(diffs, "\n  "))
			}
		}
	}
	fmt.Printf("%d ports compared, %d differ\n", len(ports), differ)
	if differ > 0 {
		return 1
	}
	return 0
}
