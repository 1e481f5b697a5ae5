package resume

import (
	"bytes"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/result"
)

var t0 = time.Date(2026, 12, 6, 14, 5, 10, 0, time.Local)

func theRun(verbose int) *result.Run {
	return &result.Run{Version: "0.1.0", Start: t0, Verbose: verbose, VersionScan: true,
		Args:  []string{"signet", "-sV", "-oA", "part", "--title", "two words", "10.0.0.0/29"},
		Scans: []result.ScanInfo{{Type: result.ScanSYN, Proto: "tcp", Ports: []int{22, 80, 443}}}}
}

// hosts are the kinds of records a scan writes: identified services, an unrecognised one
// with its fingerprint, a host with nothing shown but "Not shown", a down host (-v), a
// host with a name.
func hosts() []*result.Host {
	svc := func(name, product string) *result.Service {
		return &result.Service{Name: name, Product: product, Method: result.MethodProbed, Conf: 10}
	}
	fp := "SF-Port443-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6933B1F2%P=x86_64-pc-linux-gnu%r(NULL,5,\"hello\")\n" +
		"SF:%r(GetRequest,5,\"world\");"
	return []*result.Host{
		{Addr: "10.0.0.1", Status: result.HostUp, Reason: "echo-reply", Ports: []*result.Port{
			{Number: 22, Proto: "tcp", State: "open", Reason: "syn-ack", Service: svc("ssh", "OpenSSH"), Outcome: "matched"},
			{Number: 80, Proto: "tcp", State: "open", Reason: "syn-ack", Service: svc("http", "nginx"), Outcome: "matched"},
		}, Extra: []result.ExtraPorts{{State: "closed", Count: 1, Reasons: []result.ExtraReason{{Reason: "reset", Proto: "tcp", Count: 1, Ports: []int{443}}}}}},
		{Addr: "10.0.0.2", Status: result.HostUp, Reason: "echo-reply", Ports: []*result.Port{
			{Number: 443, Proto: "tcp", State: "open", Reason: "syn-ack", Outcome: "nomatch",
				Service: &result.Service{Name: "https", Method: result.MethodTable, Conf: 3, Fingerprint: fp}},
			{Number: 22, Proto: "tcp", State: "closed", Reason: "reset"},
		}},
		{Addr: "10.0.0.3", Status: result.HostUp, Reason: "echo-reply",
			Extra: []result.ExtraPorts{{State: "closed", Count: 3, Reasons: []result.ExtraReason{{Reason: "reset", Proto: "tcp", Count: 3, Ports: []int{22, 80, 443}}}}}},
		{Addr: "10.0.0.4", Status: result.HostDown, Reason: "no-response"},
		{Addr: "10.0.0.5", TargetName: "web.example", Hostname: "web.example", Status: result.HostUp, Reason: "echo-reply", Ports: []*result.Port{
			{Number: 80, Proto: "tcp", State: "open", Reason: "syn-ack", Service: svc("http", "Apache httpd"), Outcome: "matched"},
		}},
	}
}

// written is one output file of a scan as the writers leave it, with the offset where
// each host's record ends (for JSON lines, its host line).
type written struct {
	ext  string
	data []byte
	head int // the header's length (Begin's)
	ends []int
}

// writeAll writes the scan in the four formats, as a run does: JSON lines streams each
// open port before its host is done (the next host's first port before this host's
// record), and End comes last with the given end record (nil: none, a killed run).
func writeAll(t *testing.T, hs []*result.Host, end *result.RunEnd) []written {
	t.Helper()
	var out []written
	for _, f := range []struct {
		ext  string
		make func(*bytes.Buffer) output.Writer
	}{
		{"nmap", func(b *bytes.Buffer) output.Writer { return output.NewNormal(b, output.LogFile) }},
		{"xml", func(b *bytes.Buffer) output.Writer { return output.NewXML(b) }},
		{"gnmap", func(b *bytes.Buffer) output.Writer { return output.NewGrepable(b) }},
		{"jsonl", func(b *bytes.Buffer) output.Writer { return output.NewJSONLines(b) }},
	} {
		var b bytes.Buffer
		w := f.make(&b)
		w.Begin(theRun(1))
		pw, _ := w.(output.PortWriter)
		stream := func(h *result.Host) {
			for _, p := range h.Ports {
				if pw != nil && p.State == "open" {
					pw.Port(h, p)
				}
			}
		}
		wr := written{ext: f.ext, head: b.Len()}
		for i, h := range hs {
			if i == 0 {
				stream(h)
			}
			if i+1 < len(hs) {
				stream(hs[i+1]) // the next host's ports finish before this host is done
			}
			w.Host(h)
			wr.ends = append(wr.ends, b.Len())
		}
		if end != nil {
			w.End(end)
		}
		wr.data = b.Bytes()
		out = append(out, wr)
	}
	return out
}

// TestKilledAtEveryByte: each output file cut at every byte (as a kill or a full disk
// can leave it) reads back with exactly the hosts whose records are whole before the cut,
// and Cut leaves the header and those hosts: for the normal, grepable and XML forms the
// file's beginning up to the last whole record; for JSON lines, the run line and the lines
// of those hosts.
func TestKilledAtEveryByte(t *testing.T) {
	dir := t.TempDir()
	hs := hosts()
	for _, w := range writeAll(t, hs, nil) {
		header := w.head
		for cut := header; cut <= len(w.data); cut++ {
			name := filepath.Join(dir, "part."+w.ext)
			if err := os.WriteFile(name, w.data[:cut], 0o644); err != nil {
				t.Fatal(err)
			}
			l, err := Read(name)
			if err != nil {
				t.Fatalf("%s cut at %d: %v", w.ext, cut, err)
			}
			var want []string
			for i, e := range w.ends {
				if e <= cut {
					want = append(want, hs[i].Addr)
				}
			}
			var got []string
			for _, h := range l.Hosts {
				got = append(got, h.Addr.String())
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%s cut at %d of %d: hosts %v, want %v\n%s", w.ext, cut, len(w.data), got, want, w.data[:cut])
			}
			if l.Complete || strings.Join(l.Args, "|") != "signet|-sV|-oA|part|--title|two words|10.0.0.0/29" ||
				!l.Start.Equal(t0) {
				t.Fatalf("%s cut at %d: complete %v, args %q, start %v", w.ext, cut, l.Complete, l.Args, l.Start)
			}
			done := Done(l)
			if err := l.Cut(done); err != nil {
				t.Fatal(err)
			}
			left, _ := os.ReadFile(name)
			if w.ext == "jsonl" {
				var keep []string
				for _, line := range strings.SplitAfter(string(w.data[:cut]), "\n") {
					if strings.HasPrefix(line, `{"record":"run"`) || strings.HasSuffix(line, "\n") && done[addrOf(t, line)] {
						keep = append(keep, line)
					}
				}
				if string(left) != strings.Join(keep, "") {
					t.Fatalf("jsonl cut at %d: Cut left\n%s\nwant\n%s", cut, left, strings.Join(keep, ""))
				}
				continue
			}
			prefix := header
			for _, e := range w.ends {
				if e <= cut {
					prefix = e
				}
			}
			if !bytes.Equal(left, w.data[:prefix]) {
				t.Fatalf("%s cut at %d: Cut left %d bytes, want %d:\n%s", w.ext, cut, len(left), prefix, left)
			}
		}
	}
}

func addrOf(t *testing.T, line string) netip.Addr {
	i := strings.Index(line, `"addr":"`)
	if i < 0 {
		return netip.Addr{}
	}
	rest := line[i+8:]
	a, err := netip.ParseAddr(rest[:strings.IndexByte(rest, '"')])
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestStoppedAndComplete: a run stopped by an interrupt leaves its closing lines, which Cut
// removes; a run that ended well is complete.
func TestStoppedAndComplete(t *testing.T) {
	dir := t.TempDir()
	hs := hosts()
	stopped := &result.RunEnd{Time: t0.Add(time.Minute), Exit: result.ExitError, ErrorMsg: "Interrupted by user", HostsUp: 4, HostsTotal: 5}
	for _, w := range writeAll(t, hs, stopped) {
		name := filepath.Join(dir, "stopped."+w.ext)
		os.WriteFile(name, w.data, 0o644)
		l, err := Read(name)
		if err != nil {
			t.Fatal(err)
		}
		if l.Complete || len(l.Hosts) != len(hs) {
			t.Fatalf("%s: complete %v, %d hosts", w.ext, l.Complete, len(l.Hosts))
		}
		if up, down := l.Count(Done(l)); up != 4 || down != 1 {
			t.Errorf("%s: %d up, %d down", w.ext, up, down)
		}
		if err := l.Cut(Done(l)); err != nil {
			t.Fatal(err)
		}
		left, _ := os.ReadFile(name)
		if want := w.data[:w.ends[len(w.ends)-1]]; w.ext != "jsonl" && !bytes.Equal(left, want) {
			t.Errorf("%s: after Cut\n%s\nwant\n%s", w.ext, left, want)
		}
		if bytes.Contains(left, []byte("Interrupted")) || bytes.Contains(left, []byte("QUITTING")) || bytes.Contains(left, []byte("runstats")) {
			t.Errorf("%s: closing lines left:\n%s", w.ext, left)
		}
	}
	ok := &result.RunEnd{Time: t0.Add(time.Minute), HostsUp: 4, HostsTotal: 5}
	for _, w := range writeAll(t, hs, ok) {
		name := filepath.Join(dir, "complete."+w.ext)
		os.WriteFile(name, w.data, 0o644)
		l, err := Read(name)
		if err != nil || !l.Complete {
			t.Errorf("%s: complete %v, %v", w.ext, l != nil && l.Complete, err)
		}
	}
}

// TestDoneIsEveryFiles: a host is done only when every output has it whole.
func TestDoneIsEveryFiles(t *testing.T) {
	a := &Log{Hosts: []Host{{Addr: netip.MustParseAddr("10.0.0.1")}, {Addr: netip.MustParseAddr("10.0.0.2")}}}
	b := &Log{Hosts: []Host{{Addr: netip.MustParseAddr("10.0.0.2")}, {Addr: netip.MustParseAddr("10.0.0.3")}}}
	d := Done(a, b)
	if len(d) != 1 || !d[netip.MustParseAddr("10.0.0.2")] {
		t.Errorf("Done = %v", d)
	}
	if len(Done(a, &Log{})) != 0 {
		t.Error("a file with no host still gives done hosts")
	}
}

// TestCutOutOfOrder: when what stays is not the file's beginning (a host in the middle is
// not done), the file is rewritten with the rest in order.
func TestCutOutOfOrder(t *testing.T) {
	dir := t.TempDir()
	w := writeAll(t, hosts(), nil)[0] // normal
	name := filepath.Join(dir, "part.nmap")
	os.WriteFile(name, w.data, 0o640)
	l, err := Read(name)
	if err != nil {
		t.Fatal(err)
	}
	done := Done(l)
	delete(done, netip.MustParseAddr("10.0.0.2"))
	if err := l.Cut(done); err != nil {
		t.Fatal(err)
	}
	left, _ := os.ReadFile(name)
	want := append(append([]byte(nil), w.data[:w.ends[0]]...), w.data[w.ends[1]:]...)
	if !bytes.Equal(left, want) {
		t.Errorf("after Cut:\n%s\nwant\n%s", left, want)
	}
	if st, _ := os.Stat(name); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the file's 0640", st.Mode().Perm())
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*resume*")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ text, want string }{
		{"", "empty file"},
		{"hello\n", "f:1: not a signet output file"},
		{"# Nmap 7.93 scan initiated Sun Dec  6 14:05:10 2026 as: nmap -oN x 10.0.0.1\n", "f:1: the output of Nmap, not of signet"},
		{"# signet 0.1.0 scan initiated yesterday as: signet x\n", `f:1: no "# signet … scan initiated … as: …" line`},
		{`{"addr":"10.0.0.1","port":1}` + "\n", "f:1: no run line"},
		{`{"record":"run","scanner":"signet","args":["signet"]}` + "\nnot json\n" + `{"addr":"x"}` + "\n", "f:2: not a JSON line"},
		{"<?xml version=\"1.0\"?>\n<nmaprun args=\"nmap\">\n", `f:1: no "<!-- signet … scan initiated" comment`},
		{"# signet 0.1.0 scan initiated Sun Dec  6 14:05:10 2026 as: signet -oN x 10.0.0.1\nNmap scan report for nowhere\n", `f:2: no address in "Nmap scan report for nowhere"`},
	} {
		name := filepath.Join(dir, "f")
		os.WriteFile(name, []byte(c.text), 0o644)
		_, err := Read(name)
		if err == nil || !strings.Contains(strings.ReplaceAll(err.Error(), name, "f"), c.want) {
			t.Errorf("%q: %v, want %q", c.text, err, c.want)
		}
	}
}

// FuzzRead: any file reads back or fails with a message, and a file read cuts without
// error.
func FuzzRead(f *testing.F) {
	for _, w := range writeAll(&testing.T{}, hosts(), &result.RunEnd{Exit: result.ExitError, ErrorMsg: "Interrupted by user"}) {
		f.Add(w.data)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		name := filepath.Join(dir, fmt.Sprint(len(data)))
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(name)
		l, err := Read(name)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if len(l.Args) == 0 {
			t.Fatal("no command line")
		}
		if err := l.Cut(Done(l)); err != nil {
			t.Fatal(err)
		}
		if l2, err := Read(name); err != nil || len(l2.Hosts) != len(Done(l)) && !hasDuplicates(l.Hosts) {
			t.Fatalf("after Cut: %v, %d hosts, %d done", err, len(l2.Hosts), len(Done(l)))
		}
	})
}

func hasDuplicates(hs []Host) bool {
	seen := map[netip.Addr]bool{}
	for _, h := range hs {
		if seen[h.Addr] {
			return true
		}
		seen[h.Addr] = true
	}
	return false
}
