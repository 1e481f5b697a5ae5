// Command accuracy grades version-detection answers against the truth the
// loopback testbed knows, and lists every false positive and wrong version.
//
// The truth per service: testbed/testbed.sh start writes DIR/running.tsv
// (port, proto, service, package, product, id, unit, Debian version, upstream
// version) for the services that answered. Service and product are the
// manifest's (testbed/manifest.tsv: the name nmap gives the protocol, and the
// product as nmap would name it, "-" where no name is known); the Debian
// version is what dpkg-query reports for the installed package, and the
// upstream version is that with the epoch, the Debian revision and the
// +dfsg/~dfsg/+ds repack suffixes cut off (1:9.2p1-2+deb12u3 gives 9.2p1).
//
// It reads the answers of several XML files (signet's or nmap's -oX) and
// prints, per port, each answer and the truth, then per file the totals:
//
//	exact    service right, product right (case and punctuation aside, one
//	         name contains the other; any product when the truth has none) and
//	         the version starts with the upstream version (any version when the
//	         truth has none)
//	partial  service right, product or version missing, less precise
//	         ("3" for 3.5.1) or different
//	wrong    another service named by a probe: a false positive
//	unknown  no answer: nothing, a table guess (method "table"), tcpwrapped,
//	         "unknown"
//
// and the lists: false positives (wrong), wrong versions (service and
// product right, a version given that is neither the upstream version, nor
// that version cut short at a separator, nor a range that holds it) and other
// products (service right, a product the manifest does not name: a naming
// difference, a library's name and version such as a WSGI server's, or a
// wrong product; to be read).
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
	if want == "-" {
		return true // the manifest knows no product name
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

// versionWrong: a version given that disagrees with the upstream version.
// Not wrong: the upstream version itself (versionOK), that version cut
// short at a separator ("3" or "3.5" for 3.5.1, "9.2" for 9.2p1), a range
// that holds it ("9.6 - 16", "2.2.X - 2.3.X", "9.6.0 or later"), or any
// version where the truth has none.
func versionWrong(upstream, got string) bool {
	if got == "" || upstream == "" || upstream == "-" || versionOK(upstream, got) {
		return false
	}
	if lo, hi, ok := strings.Cut(got, " - "); ok {
		return compareVersions(upstream, lo) < 0 || compareVersions(upstream, hi) > 0
	}
	if lo, ok := strings.CutSuffix(got, " or later"); ok {
		return compareVersions(upstream, lo) < 0
	}
	if strings.HasPrefix(upstream, got) {
		next := upstream[len(got)]
		if next < '0' || next > '9' {
			return false
		}
	}
	return true
}

// compareVersions compares dotted versions number by number (a number's
// trailing letters ignored); an "X" in b matches any number, and b's end
// matches whatever a has left, so 2.5.13 is within "2.2.X - 2.5.X" and
// 15.18 below "16".
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		if bs[i] == "X" || bs[i] == "x" {
			return 0
		}
		x, y := leadingNumber(as[i]), leadingNumber(bs[i])
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

func leadingNumber(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
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
	fps := make([][]string, len(runs))
	wrongVersions := make([][]string, len(runs))
	otherProducts := make([][]string, len(runs))
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
			switch {
			case g == "wrong":
				fps[i] = append(fps[i], fmt.Sprintf("%s %s (%s) answered %s | %s | %s", key, t.service, t.pkg, name, a.product, a.version))
			case g == "unknown":
			case (a.product == "" || t.product == "-" || productOK(t.product, a.product)) && versionWrong(t.upstream, a.version):
				wrongVersions[i] = append(wrongVersions[i], fmt.Sprintf("%s %s (%s %s) answered %s %s", key, t.service, t.pkg, t.upstream, a.product, a.version))
			case a.product != "" && t.product != "-" && !productOK(t.product, a.product):
				otherProducts[i] = append(otherProducts[i], fmt.Sprintf("%s %s (%s %s): manifest %q, answered %q %s", key, t.service, t.pkg, t.upstream, t.product, a.product, a.version))
			}
		}
	}
	fmt.Printf("\n%-10s %6s %8s %6s %8s %16s %15s   (of %d services)\n", "", "exact", "partial", "wrong", "unknown", "wrong+unknown", "wrong versions", len(truths))
	for i, l := range labels {
		t := totals[i]
		fmt.Printf("%-10s %6d %8d %6d %8d %16d %15d\n", l, t["exact"], t["partial"], t["wrong"], t["unknown"], t["wrong"]+t["unknown"], len(wrongVersions[i]))
	}
	for i, l := range labels {
		fmt.Printf("\n%s: %d false positives (another service named)\n", l, len(fps[i]))
		for _, s := range fps[i] {
			fmt.Println("  " + s)
		}
		fmt.Printf("%s: %d wrong versions\n", l, len(wrongVersions[i]))
		for _, s := range wrongVersions[i] {
			fmt.Println("  " + s)
		}
		fmt.Printf("%s: %d other product names (naming or wrong product: read them)\n", l, len(otherProducts[i]))
		for _, s := range otherProducts[i] {
			fmt.Println("  " + s)
		}
	}
}
