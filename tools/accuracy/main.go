// Command accuracy grades version-detection answers against the truth: for
// every service of the loopback testbed (testbed/testbed.sh start writes
// DIR/running.tsv: port, proto, service, package, product, id, unit, Debian
// version, upstream version) it reads the answers of several XML files and
// prints, per port, each answer and the truth, then the totals:
//
//	exact    service, product and version right (the version starts with the upstream version)
//	partial  service right, product or version missing or different
//	wrong    another service named by a probe
//	unknown  no answer: nothing, a table guess, tcpwrapped
//
//	accuracy running.tsv LABEL=answers.xml [LABEL=answers.xml]...
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/signetscan/signet/output"
)

type truth struct {
	port     int
	proto    string
	service  string
	pkg      string
	product  string
	version  string // Debian
	upstream string
}

type answer struct {
	state, name, product, version, extrainfo, tunnel, method string
}

func loadTruth(path string) ([]truth, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []truth
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 9 {
			return nil, fmt.Errorf("%s: want 9 tab-separated columns: %q", path, line)
		}
		port, err := strconv.Atoi(c[0])
		if err != nil {
			return nil, fmt.Errorf("%s: bad port %q", path, c[0])
		}
		out = append(out, truth{port, c[1], c[2], c[3], c[4], c[7], c[8]})
	}
	return out, sc.Err()
}

func loadAnswers(path string) (map[string]answer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	_, hosts, _, err := output.ReadXML(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	out := map[string]answer{}
	for _, h := range hosts {
		for _, p := range h.Ports {
			a := answer{state: p.State}
			if s := p.Service; s != nil {
				a.name, a.product, a.version, a.extrainfo, a.tunnel, a.method = s.Name, s.Product, s.Version, s.Info, s.Tunnel, s.Method
			}
			out[fmt.Sprintf("%d/%s", p.Number, p.Proto)] = a
		}
	}
	return out, nil
}

// grade classifies one answer against the truth.
func grade(t truth, a answer) string {
	name := a.name
	if a.tunnel == "ssl" {
		name = "ssl/" + name
	}
	if a.name == "" || a.method != "probed" || a.name == "tcpwrapped" || a.name == "unknown" {
		return "unknown"
	}
	if !sameService(t.service, name) {
		return "wrong"
	}
	if productOK(t.product, a.product) && versionOK(t.upstream, a.version) {
		return "exact"
	}
	return "partial"
}

func sameService(want, got string) bool {
	if want == got {
		return true
	}
	// Aliases nmap users treat as the same service.
	alias := map[string]string{"ssl/https": "ssl/http", "https": "ssl/http", "submission": "smtp", "microsoft-ds": "netbios-ssn"}
	if a, ok := alias[want]; ok && a == got {
		return true
	}
	if a, ok := alias[got]; ok && a == want {
		return true
	}
	return false
}

// productOK compares product names loosely: case and punctuation aside, one
// contains the other ("Apache httpd" and "Apache", "OpenSSH" and "OpenSSH").
func productOK(want, got string) bool {
	norm := func(s string) string {
		s = strings.ToLower(s)
		return strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s)
	}
	w, g := norm(want), norm(got)
	return g != "" && w != "" && (strings.Contains(g, w) || strings.Contains(w, g))
}

// versionOK: the answer starts with the upstream version, or the version
// has no number to give (upstream "-").
func versionOK(upstream, got string) bool {
	if upstream == "" || upstream == "-" {
		return true
	}
	return got != "" && strings.HasPrefix(got, upstream)
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: accuracy running.tsv LABEL=answers.xml...")
		os.Exit(2)
	}
	truths, err := loadTruth(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "accuracy:", err)
		os.Exit(2)
	}
	sort.Slice(truths, func(i, j int) bool {
		if truths[i].proto != truths[j].proto {
			return truths[i].proto < truths[j].proto
		}
		return truths[i].port < truths[j].port
	})
	var labels []string
	var runs []map[string]answer
	for _, arg := range os.Args[2:] {
		label, path, ok := strings.Cut(arg, "=")
		if !ok {
			fmt.Fprintf(os.Stderr, "accuracy: want LABEL=file, got %q\n", arg)
			os.Exit(2)
		}
		a, err := loadAnswers(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "accuracy:", err)
			os.Exit(2)
		}
		labels = append(labels, label)
		runs = append(runs, a)
	}
	totals := make([]map[string]int, len(runs))
	for i := range totals {
		totals[i] = map[string]int{}
	}
	for _, t := range truths {
		key := fmt.Sprintf("%d/%s", t.port, t.proto)
		fmt.Printf("%-10s truth: %s | %s | %s (%s %s)\n", key, t.service, t.product, t.upstream, t.pkg, t.version)
		for i, r := range runs {
			a := r[key]
			g := grade(t, a)
			totals[i][g]++
			name := a.name
			if a.tunnel == "ssl" {
				name = "ssl/" + name
			}
			if a.method == "table" {
				name += "?"
			}
			fmt.Printf("           %-9s %-8s %s | %s | %s | %s\n", labels[i]+":", g, name, a.product, a.version, a.extrainfo)
		}
	}
	fmt.Printf("\n%-10s %6s %8s %6s %8s   (of %d services)\n", "", "exact", "partial", "wrong", "unknown", len(truths))
	for i, l := range labels {
		t := totals[i]
		fmt.Printf("%-10s %6d %8d %6d %8d\n", l, t["exact"], t["partial"], t["wrong"], t["unknown"])
	}
}
