package merge

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/testenv"
	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/result"
	"github.com/signetscan/signet/shard"
)

const (
	nmapDTD = "/usr/share/nmap/nmap.dtd"
	nmapXSL = "/usr/share/nmap/nmap.xsl"
)

// need returns a tool's path; a missing tool skips the test, except under
// CI=true, where it fails: a check that cannot run must not pass.
func need(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if filepath.IsAbs(name) {
		_, err = os.Stat(name)
		path = name
	}
	if err != nil {
		testenv.Missing(t, "%s not available: %v", name, err)
	}
	return path
}

var t0 = time.Unix(1_800_000_000, 0)

// port is what the made-up network has on one (host, port) pair.
func port(host, n int, proto string) *result.Port {
	p := &result.Port{Number: n, Proto: proto, State: "closed", Reason: "conn-refused"}
	switch {
	case proto == "udp" && n == 53:
		p.State, p.Reason = "open", "udp-response"
		p.Service = &result.Service{Name: "domain", Product: "dnsmasq", Version: "2.89", Method: "probed", Conf: 10}
	case proto == "udp":
		p.State, p.Reason = "open|filtered", "no-response"
	case n >= 100 && n <= 140:
		p.State, p.Reason = "filtered", "no-response"
	case n == 22:
		p.State, p.Reason = "open", "syn-ack"
		p.Service = &result.Service{Name: "ssh", Product: "OpenSSH", Version: "9.2p1", Info: "protocol 2.0",
			CPE: []string{"cpe:/a:openbsd:openssh:9.2p1"}, Method: "probed", Conf: 10,
			Sources: map[string]string{"name": "probes:12", "product": "probes:12", "version": "probes:12"}}
	case n == 80 || n == 8000+host:
		p.State, p.Reason = "open", "syn-ack"
		p.Service = &result.Service{Name: "http", Product: "nginx", Version: fmt.Sprint("1.22.", host), Method: "probed", Conf: 10}
	case n == 222:
		p.State, p.Reason = "open", "syn-ack"
		p.Service = &result.Service{Name: "unknown", Method: "table", Conf: 3,
			Fingerprint: "SF-Port222-TCP:V=signet-0.1.0%I=7%D=1/15%Time=6B2A6F00%P=x86_64-pc-linux-gnu%r(NULL,6,\"HELLO\\n\");",
			Replies:     []result.Reply{{Probe: "NULL", Data: []byte("HELLO\n")}}}
	}
	return p
}

var hostAddrs = []string{"10.0.0.1", "10.0.0.2", "2001:db8::1"}

// scanPorts is the scan's port list: TCP 1-300 plus 8001-8003, UDP 53 and 161.
func scanPorts() (tcp, udp []int) {
	for p := 1; p <= 300; p++ {
		tcp = append(tcp, p)
	}
	return append(tcp, 8001, 8002, 8003), []int{53, 161}
}

func theRun(args ...string) *result.Run {
	tcp, udp := scanPorts()
	return &result.Run{Scanner: "signet", XMLScanner: "nmap", Version: "0.1.0",
		Args:  append([]string{"signet", "-sV", "-Pn", "-p", "T:1-300,8001-8003,U:53,161", "10.0.0.1-2", "2001:db8::1"}, args...),
		Start: t0, VersionScan: true,
		Scans: []result.ScanInfo{{Type: result.ScanConnect, Proto: "tcp", Ports: tcp}, {Type: result.ScanUDP, Proto: "udp", Ports: udp}}}
}

// scan returns the hosts of a scan of the pairs keep allows, consolidated
// as the scanner does.
func scan(keep func(host, portIdx int) bool, start time.Time) []*result.Host {
	tcp, udp := scanPorts()
	var hosts []*result.Host
	for hi, a := range hostAddrs {
		h := &result.Host{Addr: a, Status: result.HostUp, Reason: "user-set", Start: start.Add(time.Duration(hi) * time.Second),
			End: start.Add(time.Duration(10+hi) * time.Second), Times: &result.Times{SRTT: 100 * time.Microsecond, RTTVar: 50 * time.Microsecond, Timeout: 100 * time.Millisecond}}
		for i, n := range tcp {
			if keep(hi, i) {
				h.Ports = append(h.Ports, port(hi, n, "tcp"))
			}
		}
		for i, n := range udp {
			if keep(hi, len(tcp)+i) {
				h.Ports = append(h.Ports, port(hi, n, "udp"))
			}
		}
		h.Consolidate(0, 0)
		hosts = append(hosts, h)
	}
	return hosts
}

// files writes hosts as XML and JSON lines in dir and returns both paths.
func files(t *testing.T, dir, name string, run *result.Run, hosts []*result.Host, end *result.RunEnd) (string, string) {
	t.Helper()
	var x, j bytes.Buffer
	w := output.Multi(output.NewXML(&x), output.NewJSONLines(&j))
	if err := w.Begin(run); err != nil {
		t.Fatal(err)
	}
	for _, h := range hosts {
		if err := w.Host(h); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.End(end); err != nil {
		t.Fatal(err)
	}
	xp, jp := filepath.Join(dir, name+".xml"), filepath.Join(dir, name+".jsonl")
	os.WriteFile(xp, x.Bytes(), 0o644)
	os.WriteFile(jp, j.Bytes(), 0o644)
	return xp, jp
}

func readAll(t *testing.T, paths ...string) []*Input {
	t.Helper()
	var ins []*Input
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		in, err := Read(p, f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		ins = append(ins, in)
	}
	return ins
}

func writeMerged(t *testing.T, res *Result, dir, name string) (string, string) {
	t.Helper()
	var x, j bytes.Buffer
	if err := res.Write(output.Multi(output.NewXML(&x), output.NewJSONLines(&j))); err != nil {
		t.Fatal(err)
	}
	xp, jp := filepath.Join(dir, name+".xml"), filepath.Join(dir, name+".jsonl")
	os.WriteFile(xp, x.Bytes(), 0o644)
	os.WriteFile(jp, j.Bytes(), 0o644)
	return xp, jp
}

// hostText is a host's table as text: every shown port with its service,
// and every not-shown group with its ports.
func hostText(h *result.Host) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s\n", h.Addr, h.Status, h.Reason)
	for _, p := range h.Ports {
		fmt.Fprintf(&b, "%d/%s %s %s", p.Number, p.Proto, p.State, p.Reason)
		if s := p.Service; s != nil {
			fmt.Fprintf(&b, " %s|%s|%s|%s|%s|%d|%v|%q", s.Name, s.Product, s.Version, s.Info, s.Method, s.Conf, s.CPE, s.Fingerprint)
		}
		b.WriteByte('\n')
	}
	for _, e := range h.Extra {
		fmt.Fprintf(&b, "not shown: %d %s", e.Count, e.State)
		for _, r := range e.Reasons {
			fmt.Fprintf(&b, " [%d %s %s %v]", r.Count, r.Proto, r.Reason, r.Ports)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// sortedLines returns the port and host lines of JSON lines files, sorted
// (the run and end lines are each file's own).
func sortedLines(t *testing.T, paths ...string) []string {
	t.Helper()
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l != "" && !strings.HasPrefix(l, `{"record":"run"`) && !strings.HasPrefix(l, `{"record":"end"`) {
				out = append(out, l)
			}
		}
	}
	slices.Sort(out)
	return out
}

// TestMergeShards: a scan of 3 hosts × 305 ports is split into four shards
// by (host, port) pairs with package shard; each shard's files are written
// as the scanner writes them. Merging the shards' XML gives the unsharded
// scan's hosts exactly (shown ports, services, not-shown groups with their
// ports), a file valid on nmap.dtd that ndiff finds equal port for port
// and nmap.xsl renders; merging their JSON lines gives every line the
// shards streamed, once.
func TestMergeShards(t *testing.T) {
	dir := t.TempDir()
	tcp, udp := scanPorts()
	nports := uint64(len(tcp) + len(udp))
	whole := scan(func(int, int) bool { return true }, t0)
	wholeEnd := &result.RunEnd{Time: t0.Add(100 * time.Second), HostsUp: 3, HostsTotal: 3}
	wholeXML, wholeJSON := files(t, dir, "whole", theRun(), whole, wholeEnd)

	const shards = 4
	var xmls, jsons []string
	for i := uint64(0); i < shards; i++ {
		pl := shard.Plan{Hosts: uint64(len(hostAddrs)), Ports: nports, Seed: 77, Shards: shards, Shard: i}
		mine := map[[2]int]bool{}
		for pr := range pl.All() {
			mine[[2]int{int(pr.Host), int(pr.Port)}] = true
		}
		start := t0.Add(time.Duration(i) * time.Second) // shard 0 starts first
		hosts := scan(func(h, p int) bool { return mine[[2]int{h, p}] }, start)
		run := theRun("--shards", "4", "--shard", fmt.Sprint(i))
		run.Start = start
		end := &result.RunEnd{Time: t0.Add(time.Duration(40+20*i) * time.Second), HostsUp: 3, HostsTotal: 3} // shard 3 ends last
		x, j := files(t, dir, fmt.Sprint("shard", i), run, hosts, end)
		xmls, jsons = append(xmls, x), append(jsons, j)
	}

	res := Merge(readAll(t, xmls...))
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
	mergedXML, mergedJSON := writeMerged(t, res, dir, "merged")

	// The merged hosts are the unsharded scan's.
	back := readAll(t, mergedXML, wholeXML)
	if len(back[0].Hosts) != len(back[1].Hosts) {
		t.Fatalf("%d hosts merged, %d unsharded", len(back[0].Hosts), len(back[1].Hosts))
	}
	for i := range back[0].Hosts {
		if got, want := hostText(back[0].Hosts[i]), hostText(back[1].Hosts[i]); got != want {
			t.Errorf("host %d merged:\n%s\nunsharded:\n%s", i, got, want)
		}
	}
	run, end := back[0].Run, back[0].End
	if !run.Start.Equal(t0) || !end.Time.Equal(t0.Add(100*time.Second)) || end.Elapsed != 100*time.Second {
		t.Errorf("merged run %v .. %v (%v), want the first start and the last end", run.Start, end.Time, end.Elapsed)
	}
	if end.HostsUp != 3 || end.HostsTotal != 3 || end.HostsDown != 0 {
		t.Errorf("merged host counts %+v", end)
	}
	if strings.Join(run.Args, " ") != "signet -sV -Pn -p T:1-300,8001-8003,U:53,161 10.0.0.1-2 2001:db8::1 --shards 4" {
		t.Errorf("merged args %q", run.Args)
	}
	if len(run.Scans) != 2 || len(run.Scans[0].Ports) != len(tcp) || run.Scanner != "signet" {
		t.Errorf("merged run %+v", run)
	}

	// Merged JSON lines: from the XML inputs, the unsharded scan's lines;
	// from the shards' JSON lines, every line they streamed (the ports a
	// shard showed are streamed, even where the whole table hides them).
	// XML has no raw replies and no fields' sources: those are the only
	// difference.
	noReplies := regexp.MustCompile(`,"replies":\[[^]]*\]`)
	noSources := regexp.MustCompile(`,"sources":\{[^}]*\}`)
	want := sortedLines(t, wholeJSON)
	for i := range want {
		want[i] = noSources.ReplaceAllString(noReplies.ReplaceAllString(want[i], ""), "")
	}
	if got := sortedLines(t, mergedJSON); !slices.Equal(got, want) {
		t.Errorf("JSON lines from merged XML differ from the unsharded scan's:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	resJ := Merge(readAll(t, jsons...))
	_, mergedJSON2 := writeMerged(t, resJ, dir, "merged-from-json")
	ports := func(lines []string) []string {
		return slices.DeleteFunc(lines, func(l string) bool { return strings.HasPrefix(l, `{"record":`) })
	}
	if got, want := ports(sortedLines(t, mergedJSON2)), ports(sortedLines(t, jsons...)); !slices.Equal(got, want) {
		t.Errorf("JSON lines merged from JSON lines:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// nmap's tools.
	xmllint := need(t, "xmllint")
	dtd := need(t, nmapDTD)
	if out, err := exec.Command(xmllint, "--noout", "--dtdvalid", dtd, mergedXML).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("merged XML not valid on nmap.dtd: %v\n%s", err, out)
	}
	xmlFromJSON, _ := writeMerged(t, resJ, dir, "merged-from-json")
	if out, err := exec.Command(xmllint, "--noout", "--dtdvalid", dtd, xmlFromJSON).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("XML merged from JSON lines not valid on nmap.dtd: %v\n%s", err, out)
	}
	ndiff := need(t, "ndiff")
	out, _ := exec.Command(ndiff, wholeXML, mergedXML).CombinedOutput()
	t.Logf("ndiff:\n%s", out)
	portLine := regexp.MustCompile(`(?m)^[-+ ]?(\d+/(tcp|udp)|Not shown)`)
	if m := portLine.FindAllString(string(out), -1); len(m) > 0 || !strings.Contains(string(out), "10.0.0.1") {
		t.Errorf("ndiff unsharded merged shows port lines %q:\n%s", m, out)
	}
	// ndiff sees a difference where there is one.
	out, _ = exec.Command(ndiff, wholeXML, xmls[0]).CombinedOutput()
	if !portLine.Match(out) {
		t.Errorf("ndiff unsharded shard0 shows no port line:\n%s", out)
	}
	xsltproc := need(t, "xsltproc")
	xsl := need(t, nmapXSL)
	html, err := exec.Command(xsltproc, xsl, mergedXML).Output()
	if err != nil {
		t.Fatalf("xsltproc: %v", err)
	}
	for _, want := range []string{"OpenSSH", "nginx", "1.22.2", "dnsmasq", "2001:db8::1", "8003"} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("nmap.xsl's page lacks %q", want)
		}
	}
}

// TestMergeDecisions: duplicates, not-shown groups without port lists,
// disjoint inputs, errors, a JSON-only merge.
func TestMergeDecisions(t *testing.T) {
	dir := t.TempDir()
	hosts := scan(func(h, p int) bool { return h == 0 && p < 230 }, t0)[:1]
	x, j := files(t, dir, "a", theRun(), hosts, &result.RunEnd{Time: t0.Add(time.Minute), HostsUp: 1, HostsTotal: 5})

	// The same file twice: every port reported twice, the same way: no
	// warning, the host once with its ports once.
	res := Merge(readAll(t, x, x))
	if len(res.Warnings) != 0 {
		t.Errorf("warnings %q", res.Warnings)
	}
	if len(res.Hosts) != 1 || hostText(res.Hosts[0]) != hostText(readAll(t, x)[0].Hosts[0]) {
		t.Errorf("file merged with itself changed:\n%s", hostText(res.Hosts[0]))
	}
	if res.End.HostsTotal != 5 || res.End.HostsUp != 1 || res.End.HostsDown != 4 {
		t.Errorf("overlapping inputs: counts %+v, want the input's own 5", res.End)
	}

	// XML and JSON lines of the same shard: the JSON's raw replies join
	// the XML's answer.
	res = Merge(readAll(t, x, j))
	var p222 *result.Port
	for _, p := range res.Hosts[0].Ports {
		if p.Number == 222 {
			p222 = p
		}
	}
	if p222 == nil || len(p222.Service.Replies) != 1 || p222.Service.Fingerprint == "" {
		t.Errorf("port 222 after XML + JSON lines: %+v", p222)
	}
	// ... and so do the sources of the fields, which XML does not carry.
	for _, p := range res.Hosts[0].Ports {
		if p.Number == 22 && p.Service.Sources["version"] != "probes:12" {
			t.Errorf("port 22 after XML + JSON lines: sources %v, want the JSON lines'", p.Service.Sources)
		}
	}

	// Two answers for a port: a warning, and the more detailed one kept.
	ins := readAll(t, x, x)
	for _, p := range ins[1].Hosts[0].Ports {
		if p.Number == 22 {
			p.Service.Version = ""
		}
	}
	res = Merge(ins)
	if len(res.Warnings) != 1 || res.Warnings[0] != "1 ports reported differently by "+x+" and "+x+"; kept the more detailed answer of each" {
		t.Errorf("warnings %q", res.Warnings)
	}
	if p := res.Hosts[0].Ports[0]; p.Number != 22 || p.Service.Version != "9.2p1" {
		t.Errorf("kept %+v %+v", p, p.Service)
	}

	// Disjoint inputs add their host totals up.
	other := scan(func(h, p int) bool { return h == 1 && p < 10 }, t0)[1:2]
	y, _ := files(t, dir, "b", theRun(), other, &result.RunEnd{Time: t0.Add(2 * time.Minute), HostsUp: 1, HostsTotal: 2, Exit: "error", ErrorMsg: "Interrupted by user"})
	res = Merge(readAll(t, x, y))
	if res.End.HostsTotal != 7 || res.End.HostsUp != 2 || !res.End.Failed() || res.End.ErrorMsg != "Interrupted by user" {
		t.Errorf("disjoint inputs: %+v", res.End)
	}

	// Not-shown groups without port lists (older nmap) add their counts.
	h := &result.Host{Addr: "10.0.0.1", Status: "up", Ports: []*result.Port{{Number: 22, Proto: "tcp", State: "open", Reason: "syn-ack"}},
		Extra: []result.ExtraPorts{{State: "closed", Count: 900, Reasons: []result.ExtraReason{{Reason: "conn-refused", Proto: "tcp", Count: 900}}}}}
	res = Merge([]*Input{{Name: "old1", Hosts: []*result.Host{h}}, {Name: "old2", Hosts: []*result.Host{h}}})
	if got := hostText(res.Hosts[0]); !strings.Contains(got, "not shown: 1800 closed [1800 tcp conn-refused []]") {
		t.Errorf("count-only groups:\n%s", got)
	}

	// Errors name the file.
	for _, c := range []struct{ name, text, want string }{
		{"bad.xml", "<nmaprun><host>", "bad.xml: nmap XML: "},
		{"bad.jsonl", "{\"addr\":", "bad.jsonl:1:8: not JSON"},
	} {
		if _, err := Read(c.name, strings.NewReader(c.text)); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	if in, err := Read("empty", strings.NewReader("")); err != nil || len(in.Hosts) != 0 {
		t.Errorf("empty input: %v %v", in, err)
	}
}
