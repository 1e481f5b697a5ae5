// Command svcdiff compares the port states and service fields of two nmap
// XML files (nmap's and signet's) and prints each port whose answers differ.
//
//	svcdiff [-fp] [-q] nmap.xml [nmap2.xml ...] signet.xml
//
// It exits 0 when every port agrees, 1 when some differ, 2 on bad input.
// With several nmap runs (nmap's own answer on some servers changes from
// run to run), signet's file is the last argument and a port differs only
// when signet's answer equals none of nmap's; a port that agrees with
// some runs and not others is listed with the runs that agreed, and is
// not counted as differing.
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
	"io"
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
	if flag.NArg() < 2 {
		fmt.Fprintln(os.Stderr, "usage: svcdiff [-fp] [-q] nmap.xml [nmap2.xml ...] signet.xml")
		os.Exit(2)
	}
	var runs []map[string]map[string]string
	var err error
	for _, path := range flag.Args() {
		var r map[string]map[string]string
		if r, err = load(path, *full); err != nil {
			break
		}
		runs = append(runs, r)
	}
	if err == nil {
		n := len(runs) - 1
		os.Exit(compareRuns(os.Stdout, runs[:n], flag.Args()[:n], runs[n], *quiet))
	}
	fmt.Fprintln(os.Stderr, "svcdiff:", err)
	os.Exit(2)
}

// fieldNames are the fields compared, in the order they are printed.
var fieldNames = []string{"state", "name", "product", "version", "extrainfo", "hostname", "ostype", "devicetype", "tunnel", "method", "conf", "cpe", "servicefp"}

// diffPort lists the fields in which port p differs between a and b.
func diffPort(fa, fb map[string]string) []string {
	var diffs []string
	for _, n := range fieldNames {
		if n != "state" && fa != nil && fb != nil && (fa[notShown] != "" || fb[notShown] != "") {
			continue // hidden on one side: only the state is there to compare
		}
		if fa[n] != fb[n] {
			diffs = append(diffs, fmt.Sprintf("%s: %q vs %q", n, fa[n], fb[n]))
		}
	}
	return diffs
}

func compare(a, b map[string]map[string]string, quiet bool) int {
	return compareRuns(os.Stdout, []map[string]map[string]string{a}, []string{"nmap"}, b, quiet)
}

// compareRuns compares signet's ports b with one or more nmap runs (named
// by names): a port differs when it differs from every run. With one run
// each differing port is printed with its fields; with several, each port
// that differs from any run is printed with the runs that agreed and the
// fields of each run that did not.
func compareRuns(out io.Writer, runs []map[string]map[string]string, names []string, b map[string]map[string]string, quiet bool) int {
	keys := map[string]bool{}
	for _, a := range runs {
		for k := range a {
			keys[k] = true
		}
	}
	for k := range b {
		keys[k] = true
	}
	var ports []string
	for k := range keys {
		ports = append(ports, k)
	}
	sort.Strings(ports)
	differ, some := 0, 0
	for _, p := range ports {
		var agreed []string
		var lines []string
		for i, a := range runs {
			diffs := diffPort(a[p], b[p])
			if len(diffs) == 0 {
				agreed = append(agreed, names[i])
				continue
			}
			if len(runs) > 1 {
				lines = append(lines, "differs from "+names[i]+":")
				for _, d := range diffs {
					lines = append(lines, "  "+d)
				}
			} else {
				lines = append(lines, diffs...)
			}
		}
		switch {
		case len(agreed) == len(runs):
			continue
		case len(agreed) == 0:
			differ++
		default:
			some++
		}
		if quiet {
			continue
		}
		head := p
		if len(runs) > 1 {
			if len(agreed) == 0 {
				head += fmt.Sprintf(": agrees with none of %d nmap runs", len(runs))
			} else {
				head += fmt.Sprintf(": agrees with %d of %d nmap runs (%s)", len(agreed), len(runs), strings.Join(agreed, ", "))
			}
		}
		fmt.Fprintf(out, "%s\n  %s\n", head, strings.Join(lines, "\n  "))
	}
	if len(runs) > 1 {
		fmt.Fprintf(out, "%d ports compared, %d differ (from every one of %d nmap runs; %d more agree with some runs only)\n", len(ports), differ, len(runs), some)
	} else {
		fmt.Fprintf(out, "%d ports compared, %d differ\n", len(ports), differ)
	}
	if differ > 0 {
		return 1
	}
	return 0
}
