//go:build integration

// Run: go test -tags integration -run Conformance -v ./conformance/

package conformance

// What is compared, per scanned port, between nmap's and signet's files:
//   - XML <port>: protocol, <state> state, reason and reason_ttl, whether a
//     <service> element exists, every <service> attribute either tool
//     writes (nmap.dtd's name … conf, and any other), the <cpe> list in order;
//     servicefp decoded (see serviceAttrs).
//   - normal output (-oN): the table header, each port row byte for byte, the
//     "N services unrecognized" line, which ports' fingerprints are listed, and
//     the Service Info line.
//
// Not compared, and why:
//   - servicefp V= (nmap's version vs signet's), %D= and %Time= (the clock),
//     and the value of an HTTP Date header inside a reply (the server's clock);
//   - reason_ttl of UDP ports with reason udp-response: nmap reads the TTL
//     of the reply packet, signet's UDP port scan (package portscan) reads
//     from a socket and writes 0;
//   - everything outside <ports> (nmaprun attributes, scaninfo, verbose,
//     debugging, host times and status, runstats): they name the tool, its
//     arguments and the clock;
//   - -oN header and footer lines and nmap's warnings on stderr.

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/internal/testenv"
)

// nmapProbes is nmap's own signature file (Debian's nmap 7.93).
const nmapProbes = "/usr/share/nmap/nmap-service-probes"

// signetBin is the signet binary built once by TestMain.
var signetBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "signet-conformance-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	signetBin = filepath.Join(dir, "signet")
	if bin := os.Getenv("CONFORMANCE_SIGNET"); bin != "" {
		// a signet built elsewhere (another branch's, to preview its diffs)
		signetBin = bin
		code := m.Run()
		os.RemoveAll(dir)
		os.Exit(code)
	}
	build := exec.Command("go", "build", "-o", signetBin, "github.com/signetscan/signet/cmd/signet")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building signet:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// modes are the --version-timing modes signet is compared in:
// $CONFORMANCE_TIMING (a comma-separated list), by default both, "nmap"
// (the probes walked as nmap walks them) and "adaptive" (signet's default:
// parallel probes, waits fitted to the round trip). Each group runs nmap
// once and signet once per mode, against the same servers.
func modes() []string {
	m := os.Getenv("CONFORMANCE_TIMING")
	if m == "" {
		return []string{"nmap", "adaptive"}
	}
	return strings.Split(m, ",")
}

// signetFlags are the flags signet gets besides nmap's: the timing mode, and
// --no-tls-fallback. The TLS fallback (detector tls-fallback) is the one
// deliberate difference from nmap: on a port that only a modern TLS
// handshake opens (nmap 7.93's SSLv3-style probe gets an alert or nothing)
// it walks the probes again inside TLS and names the service where nmap
// cannot. It is switched off here so that every other field compares
// equal; docs/nmap-behaviour.md and DESIGN.md describe it.
func signetFlags(mode string) []string {
	return []string{"--version-timing", mode, "--no-tls-fallback"}
}

// needNmap skips the test when nmap 7.93 or root (for -sU) is missing.
func needNmap(t *testing.T, udp bool) {
	t.Helper()
	// .ci/run installs nmap 7.93 and runs as root: in CI, these fail.
	skip := func(format string, args ...any) { t.Helper(); testenv.Missing(t, format, args...) }
	out, err := exec.Command("nmap", "--version").Output()
	if err != nil {
		skip("nmap is not installed")
	}
	if !bytes.Contains(out, []byte("Nmap version 7.93 ")) {
		skip("the reference is nmap 7.93, found %s", bytes.SplitN(out, []byte("\n"), 2)[0])
	}
	if _, err := os.Stat(nmapProbes); err != nil {
		skip("nmap's nmap-service-probes is not installed")
	}
	if udp && os.Geteuid() != 0 {
		skip("nmap -sU needs root")
	}
}

// ---- measurements --------------------------------------------------------

type measure struct {
	group, tool string
	wall        time.Duration
	rssKB       int64
}

var (
	measureMu sync.Mutex
	measures  []measure
)

func record(m measure) {
	measureMu.Lock()
	measures = append(measures, m)
	measureMu.Unlock()
}

// summary is the table of wall time and peak RSS per group and tool.
func summary() string {
	measureMu.Lock()
	defer measureMu.Unlock()
	tools := append([]string{"nmap"}, modes()...)
	for i := 1; i < len(tools); i++ {
		tools[i] = "signet-" + tools[i]
	}
	byGroup := map[string]map[string]*measure{}
	var names []string
	for i := range measures {
		m := &measures[i]
		if byGroup[m.group] == nil {
			byGroup[m.group] = map[string]*measure{}
			names = append(names, m.group)
		}
		byGroup[m.group][m.tool] = m
	}
	sort.Strings(names)
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprint(w, "group\t")
	for _, tool := range tools {
		fmt.Fprintf(w, "%s wall s\t", tool)
	}
	for _, tool := range tools {
		fmt.Fprintf(w, "%s peak RSS MiB\t", tool)
	}
	fmt.Fprintln(w)
	wall := make([]time.Duration, len(tools))
	rss := make([]int64, len(tools))
	for _, g := range names {
		fmt.Fprintf(w, "%s\t", g)
		for i, tool := range tools {
			if m := byGroup[g][tool]; m != nil {
				wall[i] += m.wall
				fmt.Fprintf(w, "%.1f\t", m.wall.Seconds())
			} else {
				fmt.Fprint(w, "-\t")
			}
		}
		for i, tool := range tools {
			if m := byGroup[g][tool]; m != nil {
				rss[i] = max(rss[i], m.rssKB)
				fmt.Fprintf(w, "%.1f\t", float64(m.rssKB)/1024)
			} else {
				fmt.Fprint(w, "-\t")
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprint(w, "TOTAL (wall sum, RSS max)\t")
	for i := range tools {
		fmt.Fprintf(w, "%.1f\t", wall[i].Seconds())
	}
	for i := range tools {
		fmt.Fprintf(w, "%.1f\t", float64(rss[i])/1024)
	}
	fmt.Fprintln(w)
	w.Flush()
	return b.String()
}

// ---- one comparison run ---------------------------------------------------

// run is one nmap-vs-signet comparison: the same flags, ports and signature file.
type run struct {
	name  string
	udp   bool
	db    string   // signature file; nmapProbes for nmap's own
	extra []string // more flags, e.g. --version-intensity 0
	ports []int
	// expect checks nmap's own answer for a port, so that a fixture that
	// stops reproducing its spec behaviour is noticed: keys are "state",
	// "reason", "service" ("none" = no <service> element), a <service>
	// attribute name ("" = absent, "*" = present), or "cpe".
	expect map[int]map[string]string
	// timeout bounds each process.
	timeout time.Duration
	// netns: run both tools inside this network namespace (its servers
	// listen on its own loopback).
	netns string
	// signetNetns: signet runs in this namespace instead (a twin of the
	// server that nmap's connections never reach: murmur counts its clients).
	signetNetns string
}

// tool output of one side.
type side struct {
	xml    *xRun
	normal []byte
}

func (r *run) args(xmlPath, normalPath string) []string {
	ps := make([]string, len(r.ports))
	for i, p := range r.ports {
		ps[i] = strconv.Itoa(p)
	}
	a := []string{"-sV", "-Pn", "-n"}
	if r.udp {
		a = append(a, "-sU")
	} else {
		// nmap as root would SYN-scan; -sT makes both connect scans, so the
		// state reasons are comparable.
		a = append(a, "-sT")
	}
	a = append(a, "-p", strings.Join(ps, ","), "--versiondb", r.db)
	a = append(a, r.extra...)
	return append(a, "-oX", xmlPath, "-oN", normalPath, "127.0.0.1")
}

// exec runs one tool ("nmap", or "signet-MODE" for signet in timing
// mode MODE) and records its wall time and peak RSS.
func (r *run) exec(t *testing.T, dir, tool string) (*side, error) {
	x, n := filepath.Join(dir, tool+".xml"), filepath.Join(dir, tool+".nmap")
	bin := "nmap"
	mode, isSignet := strings.CutPrefix(tool, "signet-")
	if isSignet {
		bin = signetBin
	}
	timeout := r.timeout
	if timeout == 0 {
		timeout = 6 * time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	args := r.args(x, n)
	if isSignet {
		args = append(signetFlags(mode), args...)
	}
	argv := append([]string{bin}, args...)
	if ns := r.netns; ns != "" {
		if isSignet && r.signetNetns != "" {
			ns = r.signetNetns
		}
		// ip execs the tool: the rusage below is still the tool's
		argv = append([]string{"ip", "netns", "exec", ns}, argv...)
	}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var rss int64
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = ru.Maxrss // KiB on Linux
		}
	}
	record(measure{group: r.name, tool: tool, wall: wall, rssKB: rss})
	t.Logf("%s: %s %s (%.1f s, %d KiB peak RSS)", r.name, tool, strings.Join(args, " "), wall.Seconds(), rss)
	if err != nil {
		return nil, fmt.Errorf("%s: %v\n%s", tool, err, stderr.String())
	}
	s := &side{}
	data, err := os.ReadFile(x)
	if err != nil {
		return nil, err
	}
	s.xml = &xRun{}
	if err := xml.Unmarshal(data, s.xml); err != nil {
		return nil, fmt.Errorf("%s: %s: %v", tool, x, err)
	}
	if s.normal, err = os.ReadFile(n); err != nil {
		return nil, err
	}
	return s, nil
}

// compare runs nmap and signet in its first timing mode at the same time,
// then signet in each other mode (alone: a server that limits connections
// a second, as xinetd does, should not see three scanners at once), and
// fails on any difference, printing a table of port / field / nmap / signet
// per mode.
func (r *run) compare(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	ms := modes()
	sides := make([]*side, len(ms))
	errs := make([]error, len(ms))
	var nm *side
	var nerr error
	var wg sync.WaitGroup
	wg.Go(func() { nm, nerr = r.exec(t, dir, "nmap") })
	wg.Go(func() { sides[0], errs[0] = r.exec(t, dir, "signet-"+ms[0]) })
	wg.Wait()
	for i := 1; i < len(ms); i++ {
		sides[i], errs[i] = r.exec(t, dir, "signet-"+ms[i])
	}
	if nerr != nil {
		t.Fatalf("%s: nmap failed:\n%v", r.name, nerr)
	}
	r.check(t, nm.xml)
	for i, mode := range ms {
		if errs[i] != nil {
			t.Errorf("%s: signet --version-timing %s failed:\n%v", r.name, mode, errs[i])
			compared.add(mode, r.name, len(r.ports), diffs{{port: "-", field: "run", signet: errs[i].Error()}})
			continue
		}
		var d diffs
		d.xml(nm.xml, sides[i].xml, r.ports)
		d.normal(nm.normal, sides[i].normal)
		if len(d) > 0 {
			t.Errorf("%s: --version-timing %s: %d differences between nmap and signet (files in %s):\n%s", r.name, mode, len(d), dir, d.table())
		}
		compared.add(mode, r.name, len(r.ports), d)
	}
	keep(t, dir, r.name)
}

// keep copies the outputs of a run to $CONFORMANCE_KEEP/NAME, if set.
func keep(t *testing.T, dir, name string) {
	dst := os.Getenv("CONFORMANCE_KEEP")
	if dst == "" {
		return
	}
	dst = filepath.Join(dst, strings.NewReplacer("/", "_", " ", "_").Replace(name))
	os.MkdirAll(dst, 0o755)
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
			os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644)
		}
	}
	t.Logf("%s: outputs kept in %s", name, dst)
}

// check applies r.expect to nmap's answer.
func (r *run) check(t *testing.T, nm *xRun) {
	t.Helper()
	ports := nm.ports()
	for port, want := range r.expect {
		p := ports[port]
		if p == nil {
			t.Errorf("%s: fixture check: nmap did not report port %d", r.name, port)
			continue
		}
		for k, v := range want {
			var got string
			present := true
			switch k {
			case "state":
				got = p.State.State
			case "reason":
				got = p.State.Reason
			case "service":
				got = "present"
				if p.Service == nil {
					got = "none"
				}
			case "cpe":
				if p.Service != nil {
					got = strings.Join(p.Service.CPE, " ")
				}
			default:
				got, present = p.Service.attr(k)
			}
			ok := got == v
			switch v {
			case "*":
				ok = present && got != ""
			case "":
				ok = !present || got == ""
			}
			if !ok {
				t.Errorf("%s: fixture check: nmap gave port %d %s=%q, the behaviour under test needs %q", r.name, port, k, got, v)
			}
		}
	}
}

// ---- nmap XML -------------------------------------------------------------

type xRun struct {
	Hosts []xHost `xml:"host"`
}

type xHost struct {
	Ports []*xPort `xml:"ports>port"`
}

type xPort struct {
	Proto   string    `xml:"protocol,attr"`
	ID      int       `xml:"portid,attr"`
	State   xState    `xml:"state"`
	Service *xService `xml:"service"`
}

type xState struct {
	State  string `xml:"state,attr"`
	Reason string `xml:"reason,attr"`
	TTL    string `xml:"reason_ttl,attr"`
}

// xService keeps every attribute, so that an attribute only one tool
// writes is a difference too.
type xService struct {
	Attrs []xml.Attr `xml:",any,attr"`
	CPE   []string   `xml:"cpe"`
}

func (s *xService) attr(name string) (string, bool) {
	if s == nil {
		return "", false
	}
	for _, a := range s.Attrs {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

func (x *xRun) ports() map[int]*xPort {
	m := map[int]*xPort{}
	for _, h := range x.Hosts {
		for _, p := range h.Ports {
			m[p.ID] = p
		}
	}
	return m
}

// ---- differences ----------------------------------------------------------

type diff struct {
	port         string
	field        string
	nmap, signet string
}

type diffs []diff

func (d *diffs) add(port, field, n, s string) {
	*d = append(*d, diff{port: port, field: field, nmap: n, signet: s})
}

func clip(s string) string {
	s = strconv.Quote(s)
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return s
}

func (d diffs) table() string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "port\tfield\tnmap\tsignet\t")
	for _, x := range d {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t\n", x.port, x.field, clip(x.nmap), clip(x.signet))
	}
	w.Flush()
	return b.String()
}

// serviceAttrs are the <service> attributes of nmap.dtd, compared one by
// one (plus any other attribute either tool writes). servicefp is compared
// decoded: its V= (nmap's version vs signet's), %D= and %Time= (the clock)
// differ by nature and are not compared; everything else in the header
// (port, protocol, %T=SSL, %I=, %P=) and every %r entry (probe, declared
// length, bytes) is.
var serviceAttrs = []string{"name", "product", "version", "extrainfo", "hostname", "ostype", "devicetype",
	"servicefp", "tunnel", "proto", "rpcnum", "lowver", "highver", "method", "conf"}

// fieldsPerPort counts what one port contributes to the comparison: state,
// reason, reason_ttl, presence of <service>, its attributes and the CPE list.
var fieldsPerPort = 4 + len(serviceAttrs) + 1

// xml compares the <port> elements of both runs for the scanned ports.
func (d *diffs) xml(n, s *xRun, ports []int) {
	np, sp := n.ports(), s.ports()
	for _, port := range ports {
		a, b := np[port], sp[port]
		key := strconv.Itoa(port)
		if a == nil || b == nil {
			d.add(key, "<port>", present(a != nil), present(b != nil))
			continue
		}
		key += "/" + a.Proto
		if a.Proto != b.Proto {
			d.add(key, "protocol", a.Proto, b.Proto)
		}
		if a.State.State != b.State.State {
			d.add(key, "state", a.State.State, b.State.State)
		}
		if a.State.Reason != b.State.Reason {
			d.add(key, "reason", a.State.Reason, b.State.Reason)
		}
		// reason_ttl is compared except for UDP replies: nmap reads the TTL
		// of the reply packet (64 on loopback), signet's UDP port scan
		// (package portscan) reads replies from a socket and reports 0.
		if a.State.TTL != b.State.TTL && !(a.Proto == "udp" && a.State.Reason == "udp-response") {
			d.add(key, "reason_ttl", a.State.TTL, b.State.TTL)
		}
		if (a.Service == nil) != (b.Service == nil) {
			d.add(key, "<service>", present(a.Service != nil), present(b.Service != nil))
			continue
		}
		if a.Service == nil {
			continue
		}
		names := append([]string(nil), serviceAttrs...)
		for _, x := range append(append([]xml.Attr(nil), a.Service.Attrs...), b.Service.Attrs...) {
			if !contains(names, x.Name.Local) {
				names = append(names, x.Name.Local)
			}
		}
		for _, name := range names {
			av, aok := a.Service.attr(name)
			bv, bok := b.Service.attr(name)
			if name == "servicefp" && aok && bok {
				d.servicefp(key, av, bv)
				continue
			}
			if av != bv || aok != bok {
				d.add(key, name, attrText(av, aok), attrText(bv, bok))
			}
		}
		if strings.Join(a.Service.CPE, "\n") != strings.Join(b.Service.CPE, "\n") {
			d.add(key, "cpe", strings.Join(a.Service.CPE, " "), strings.Join(b.Service.CPE, " "))
		}
	}
}

func present(ok bool) string {
	if ok {
		return "present"
	}
	return "absent"
}

func attrText(v string, ok bool) string {
	if !ok {
		return "(absent)"
	}
	return v
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// httpDate is an HTTP Date header (RFC 9110's IMF-fixdate) in a reply: the
// server's clock when nmap's or signet's probe reached it, the one part of
// a real server's reply that differs between the two runs. Its value is
// not compared; the reply's length still is.
var httpDate = regexp.MustCompile(`Date: [A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT`)

func (d *diffs) servicefp(key, a, b string) {
	fa, ea := fingerprint.Decode("nmap", []byte(a))
	fb, eb := fingerprint.Decode("signet", []byte(b))
	if ea != nil || eb != nil || len(fa) != 1 || len(fb) != 1 {
		d.add(key, "servicefp (decode)", fmt.Sprint(len(fa), ea), fmt.Sprint(len(fb), eb))
		return
	}
	x, y := fa[0], fb[0]
	hdr := func(f *fingerprint.Fingerprint) string {
		return fmt.Sprintf("Port%d-%s SSL=%v I=%d P=%s", f.Port, f.Proto, f.SSL, f.Intensity, f.Platform)
	}
	if hdr(x) != hdr(y) {
		d.add(key, "servicefp header", hdr(x), hdr(y))
	}
	for i := 0; i < max(len(x.Responses), len(y.Responses)); i++ {
		var rx, ry string
		if i < len(x.Responses) {
			r := x.Responses[i]
			rx = fmt.Sprintf("%s,%X,%q", r.Probe, r.Length, httpDate.ReplaceAll(r.Data, []byte("Date: (clock)")))
		}
		if i < len(y.Responses) {
			r := y.Responses[i]
			ry = fmt.Sprintf("%s,%X,%q", r.Probe, r.Length, httpDate.ReplaceAll(r.Data, []byte("Date: (clock)")))
		}
		if rx != ry {
			d.add(key, fmt.Sprintf("servicefp r[%d]", i), rx, ry)
		}
	}
}

// Normal output: the port table rows, the "N services unrecognized" line,
// the ports whose fingerprints are listed (at most 9, O4) and the Service
// Info line are compared. Not compared: the header and footer lines (dates,
// times, version banner, scan time) and nmap's warnings.
var (
	rowRE   = regexp.MustCompile(`^(\d+/(?:tcp|udp)) `)
	unrecRE = regexp.MustCompile(`^\d+ services? unrecognized`)
	sfRE    = regexp.MustCompile(`^SF-Port(\d+-(?:TCP|UDP)):`)
)

type normalOut struct {
	header string
	rows   map[string]string
	order  []string
	unrec  string
	fps    []string
	info   string
}

func parseNormal(b []byte) normalOut {
	n := normalOut{rows: map[string]string{}}
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "PORT "):
			n.header = line
		case rowRE.MatchString(line):
			k := rowRE.FindStringSubmatch(line)[1]
			n.rows[k] = line
			n.order = append(n.order, k)
		case unrecRE.MatchString(line):
			n.unrec = line
		case sfRE.MatchString(line):
			n.fps = append(n.fps, sfRE.FindStringSubmatch(line)[1])
		case strings.HasPrefix(line, "Service Info: "):
			n.info = line
		}
	}
	return n
}

func (d *diffs) normal(a, b []byte) {
	x, y := parseNormal(a), parseNormal(b)
	if x.header != y.header {
		d.add("-oN", "table header", x.header, y.header)
	}
	if strings.Join(x.order, ",") != strings.Join(y.order, ",") {
		d.add("-oN", "table ports", strings.Join(x.order, ","), strings.Join(y.order, ","))
	}
	for _, k := range x.order {
		if x.rows[k] != y.rows[k] {
			d.add(k, "-oN row", x.rows[k], y.rows[k])
		}
	}
	if x.unrec != y.unrec {
		d.add("-oN", "unrecognized line", x.unrec, y.unrec)
	}
	if strings.Join(x.fps, ",") != strings.Join(y.fps, ",") {
		d.add("-oN", "fingerprints listed", strings.Join(x.fps, ","), strings.Join(y.fps, ","))
	}
	if x.info != y.info {
		d.add("-oN", "Service Info", x.info, y.info)
	}
}

// ---- tally of what was compared ---------------------------------------------

// tally counts, per timing mode, the runs, ports and differences.
type tally struct {
	mu     sync.Mutex
	byMode map[string]*count
}

type count struct{ runs, ports, diffs int }

var compared tally

func (c *tally) add(mode, name string, ports int, d diffs) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byMode == nil {
		c.byMode = map[string]*count{}
	}
	n := c.byMode[mode]
	if n == nil {
		n = &count{}
		c.byMode[mode] = n
	}
	n.runs++
	n.ports += ports
	n.diffs += len(d)
}

func (c *tally) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var b strings.Builder
	for _, mode := range modes() {
		n := c.byMode[mode]
		if n == nil {
			n = &count{}
		}
		fmt.Fprintf(&b, "\n  --version-timing %s: %d runs, %d ports × %d XML fields (state, reason, reason_ttl, <service> presence, %d <service> attributes, cpe list) + normal-output rows: %d differences",
			mode, n.runs, n.ports, fieldsPerPort, len(serviceAttrs), n.diffs)
	}
	return b.String()
}

// TestConformanceComparator checks that the comparison itself notices a
// difference in each kind of field (no nmap needed).
func TestConformanceComparator(t *testing.T) {
	const a = `<nmaprun><host><ports><port protocol="tcp" portid="1"><state state="open" reason="syn-ack" reason_ttl="0"/><service name="x" servicefp="SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=1%P=x86_64-pc-linux-gnu%r(NULL,2,&quot;ab&quot;);" method="table" conf="3"><cpe>cpe:/a:x</cpe></service></port></ports></host></nmaprun>`
	cases := map[string]string{
		"servicefp r[0]":   strings.Replace(a, "ab", "ac", 1),
		"servicefp header": strings.Replace(a, "%I=7", "%I=8", 1),
		"state":            strings.Replace(a, `state="open"`, `state="closed"`, 1),
		"name":             strings.Replace(a, `name="x"`, `name="y"`, 1),
		"product":          strings.Replace(a, `name="x"`, `name="x" product="p"`, 1),
		"cpe":              strings.Replace(a, "cpe:/a:x", "cpe:/a:y", 1),
		"<service>":        strings.Replace(a, `<service name="x" servicefp="SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=1%P=x86_64-pc-linux-gnu%r(NULL,2,&quot;ab&quot;);" method="table" conf="3"><cpe>cpe:/a:x</cpe></service>`, "", 1),
	}
	parse := func(s string) *xRun {
		x := &xRun{}
		if err := xml.Unmarshal([]byte(s), x); err != nil {
			t.Fatal(err)
		}
		return x
	}
	same := strings.NewReplacer("V=7.93", "V=0.1.0", "%D=1/2", "%D=3/4", "%Time=1", "%Time=FF").Replace(a)
	var d diffs
	d.xml(parse(a), parse(same), []int{1})
	if len(d) != 0 {
		t.Errorf("V=, %%D= and %%Time= must not count:\n%s", d.table())
	}
	for field, b := range cases {
		var d diffs
		d.xml(parse(a), parse(b), []int{1})
		if len(d) != 1 || d[0].field != field {
			t.Errorf("%s: got\n%s", field, d.table())
		}
	}
}
