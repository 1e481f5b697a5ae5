package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/signetscan/signet/result"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the writers' output")

// formats are the files each case is rendered to, by golden-file suffix.
var formats = []struct {
	ext string
	new func(w *bytes.Buffer) Writer
}{
	{"nmap", func(w *bytes.Buffer) Writer { return NewNormal(w, LogFile) }},
	{"stdout", func(w *bytes.Buffer) Writer { return NewNormal(w, Interactive) }},
	{"xml", func(w *bytes.Buffer) Writer { return NewXML(w) }},
	{"gnmap", func(w *bytes.Buffer) Writer { return NewGrepable(w) }},
	{"jsonl", func(w *bytes.Buffer) Writer { return NewJSONLines(w) }},
}

// render runs one case through a writer the way the scanner does: Begin,
// then per host the first port streamed (for writers that stream) and the
// host, then End.
func render(t *testing.T, c writerCase, w Writer) {
	t.Helper()
	if err := w.Begin(c.run); err != nil {
		t.Fatal(err)
	}
	for _, h := range c.hosts {
		if pw, ok := w.(PortWriter); ok && len(h.Ports) > 0 {
			if err := pw.Port(h, h.Ports[0]); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Host(h); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.End(c.end); err != nil {
		t.Fatal(err)
	}
}

func outputs(t *testing.T, c writerCase) map[string][]byte {
	out := map[string][]byte{}
	for _, f := range formats {
		var buf bytes.Buffer
		render(t, c, f.new(&buf))
		out[f.ext] = buf.Bytes()
	}
	return out
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the writer's output (go test -update rewrites it)\n%s", path, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\nwant " + w + "\ngot  " + g
		}
	}
	return ""
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestGolden(t *testing.T) {
	for _, c := range writerCases(t) {
		t.Run(c.name, func(t *testing.T) {
			for ext, got := range outputs(t, c) {
				golden(t, c.name+"."+ext, got)
			}
		})
	}
}

// nmap's own tables, fingerprint blocks and XML port lines from the runs of
// docs/nmap-behaviour.md (testdata/spec-eN.*.txt) appear verbatim in our
// output (those runs used a SYN scan, hence reason_ttl 64).
func TestSpecExcerpts(t *testing.T) {
	cases := map[string]writerCase{}
	for _, c := range writerCases(t) {
		cases[c.name] = c
	}
	for _, name := range []string{"e1", "e2", "e5", "e7", "e10", "e11", "e14"} {
		out := outputs(t, cases[name])
		if spec, err := os.ReadFile("testdata/spec-" + name + ".nmap.txt"); err == nil {
			if !bytes.Contains(out["nmap"], spec) {
				t.Errorf("%s: normal output lacks nmap's text:\n%s\ngot:\n%s", name, spec, out["nmap"])
			}
		} else {
			t.Error(err)
		}
		spec, err := os.ReadFile("testdata/spec-" + name + ".xml.txt")
		if err != nil {
			continue
		}
		for _, line := range strings.Split(strings.TrimSpace(string(spec)), "\n") {
			if !bytes.Contains(out["xml"], []byte(line)) {
				t.Errorf("%s: XML output lacks nmap's line:\n%s", name, line)
			}
		}
	}
}

// Per-format rules checked directly, so a careless -update cannot bless a
// regression.
func TestWriterRules(t *testing.T) {
	cases := map[string]map[string][]byte{}
	for _, c := range writerCases(t) {
		cases[c.name] = outputs(t, c)
	}
	has := func(name, ext, want string) {
		t.Helper()
		if !strings.Contains(string(cases[name][ext]), want) {
			t.Errorf("%s.%s lacks %q:\n%s", name, ext, want, cases[name][ext])
		}
	}
	lacks := func(name, ext, bad string) {
		t.Helper()
		if strings.Contains(string(cases[name][ext]), bad) {
			t.Errorf("%s.%s has %q", name, ext, bad)
		}
	}
	// Normal output.
	has("e1", "stdout", "Starting signet 0.1.0 ( "+ProjectURL+" ) at 2026-11-25 19:14 UTC\n")
	has("e1", "stdout", "Nmap scan report for 127.0.0.1\nHost is up (0.00026s latency).\n\nPORT ")
	has("e1", "stdout", "Service Info: OS: Linux; CPE: cpe:/o:linux:linux_kernel\n\nService detection performed. Please report any incorrect results at "+IssuesURL+" .\nsignet done: 1 IP address (1 host up) scanned in 0.52 seconds\n")
	has("e1", "nmap", "# signet 0.1.0 scan initiated Wed Nov 25 19:14:11 2026 as: signet -sV -Pn -n -p PORTS --version-intensity 7 127.0.0.1\n")
	has("e1", "nmap", "# signet done at Wed Nov 25 19:14:11 2026 -- 1 IP address (1 host up) scanned in 0.52 seconds\n")
	has("notshown", "nmap", "Nmap scan report for localhost (127.0.0.1)\nHost is up, received user-set (0.00026s latency).\nrDNS record for 127.0.0.1: localhost.localdomain\n")
	has("notshown", "nmap", "Not shown: 30 closed udp ports (port-unreach), 30 closed tcp ports (conn-refused), 27 filtered tcp ports (no-response), 2 filtered tcp ports (host-unreach)\n")
	// --reason: the REASON cell ends with why detection ended, when the port was probed.
	has("notshown", "nmap", "22/tcp open          ssh     syn-ack ttl 64 (matched) OpenSSH")
	has("notshown", "nmap", "53/udp open|filtered unknown no-response (timeout)\n")
	has("notshown", "jsonl", `"reason_ttl":64,"outcome":"matched","service":`)
	has("e1", "jsonl", `"reason_ttl":64,"outcome":"matched","service":`)
	lacks("e1", "nmap", "(matched)")           // no --reason
	lacks("notshown", "jsonl", `"port":40000`) // closed ports are not probed: no line, no outcome
	lacks("allignored", "jsonl", `"outcome"`)
	has("allignored", "nmap", "All 1000 scanned ports on 127.0.0.1 are in ignored states.\nNot shown: 1000 closed tcp ports (conn-refused)\n\n")
	lacks("allignored", "nmap", "STATE SERVICE")
	// -vv gives reasons as --reason does (output/testdata/verbose/lo-sT-vv.out, net-multi-sT-vv.out).
	has("verbose", "nmap", "Nmap scan report for ::1\nHost is up, received localhost-response.\nScanned at 2026-11-25 19:14:11 UTC for 2s\n")
	has("verbose", "nmap", "PORT     STATE SERVICE REASON         VERSION\n2222/tcp open  ssh     syn-ack ttl 64 OpenSSH")
	has("verbose", "nmap", "Nmap scan report for gone.example (192.0.2.1) [host down, received no-response]\n")
	has("e14", "nmap", "9 services unrecognized")
	lacks("e14", "nmap", "SF-Port32109")
	has("interrupted", "nmap", "Interrupted by user\nQUITTING!\n")
	lacks("interrupted", "nmap", "done")
	// XML.
	has("e1", "xml", `<nmaprun scanner="signet" args="signet -sV -Pn -n -p PORTS -&#45;version-intensity 7 127.0.0.1" start="1795634051" startstr="Wed Nov 25 19:14:11 2026" version="0.1.0" xmloutputversion="1.05">`)
	has("e1", "xml", `<finished time="1795634051" timestr="Wed Nov 25 19:14:11 2026" summary="signet done at Wed Nov 25 19:14:11 2026; 1 IP address (1 host up) scanned in 0.52 seconds" elapsed="0.52" exit="success"/><hosts up="1" down="0" total="1"/>`)
	has("e7", "xml", `<port protocol="tcp" portid="31996"><state state="open" reason="syn-ack" reason_ttl="64"/></port>`)
	has("notshown", "xml", "<extraports state=\"closed\" count=\"60\">\n<extrareasons reason=\"port-unreach\" count=\"30\" proto=\"udp\" ports=\"50000-50029\"/>\n<extrareasons reason=\"conn-refused\" count=\"30\" proto=\"tcp\" ports=\"40000-40029\"/>\n</extraports>")
	has("notshown", "xml", "<hostnames>\n<hostname name=\"localhost\" type=\"user\"/>\n<hostname name=\"localhost.localdomain\" type=\"PTR\"/>\n</hostnames>")
	has("verbose", "xml", `<address addr="::1" addrtype="ipv6"/>`)
	has("verbose", "xml", "<host><status state=\"down\" reason=\"no-response\" reason_ttl=\"0\"/>\n<address addr=\"192.0.2.1\" addrtype=\"ipv4\"/>\n<hostnames>\n<hostname name=\"gone.example\" type=\"user\"/>\n</hostnames>\n</host>\n")
	has("interrupted", "xml", `exit="error" errormsg="Interrupted by user"/>`)
	// Grepable.
	has("e1", "gnmap", "Host: 127.0.0.1 ()\tStatus: Up\nHost: 127.0.0.1 ()\tPorts: 2222/open/tcp//ssh//OpenSSH 8.9p1 Ubuntu 3ubuntu0.1 (Ubuntu Linux; protocol 2.0)/, 2525/open/tcp//smtp-proxy//PineApp Mail-SeCure smtp proxy/\n")
	has("e2", "gnmap", "31994/open/tcp//ftp///")
	has("e5", "gnmap", "8443/open/tcp//ssl|ssh//OpenSSH")
	has("e7", "gnmap", "5001/open/tcp//commplex-link?///, 31996/open/tcp/////")
	has("allignored", "gnmap", "Host: 127.0.0.1 ()\tPorts: \tIgnored State: closed (1000)\n")
	has("notshown", "gnmap", "Host: 127.0.0.1 (localhost.localdomain)\tPorts: 22/open/tcp//ssh//OpenSSH 8.9p1 Ubuntu 3ubuntu0.1 (Ubuntu Linux; protocol 2.0)/, 53/open|filtered/udp/////\n")
	has("verbose", "gnmap", "# Ports scanned: TCP(101;2222,3000-3099) UDP(0;) SCTP(0;) PROTOCOLS(0;)\n")
	has("verbose", "gnmap", "Host: 192.0.2.1 ()\tStatus: Down\n")
	has("interrupted", "gnmap", "# signet stopped at Wed Nov 25 19:14:14 2026 (Interrupted by user) -- 1 IP address (1 host up) scanned in 3.00 seconds\n")
}

// Every JSON line decodes, matches the XML's fields, and carries replies
// only for unrecognised services.
func TestJSONLines(t *testing.T) {
	for _, c := range writerCases(t) {
		var buf bytes.Buffer
		render(t, c, NewJSONLines(&buf))
		want := 0
		for _, h := range c.hosts {
			want += len(h.Ports)
		}
		sc := bufio.NewScanner(&buf)
		sc.Buffer(nil, 1<<20)
		n, lineNo, hostLines, ends := 0, 0, 0, 0
		for sc.Scan() {
			lineNo++
			strict := func(v any) {
				dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
				dec.DisallowUnknownFields()
				if err := dec.Decode(v); err != nil {
					t.Fatalf("%s: %v: %s", c.name, err, sc.Bytes())
				}
			}
			switch {
			case bytes.HasPrefix(sc.Bytes(), []byte(`{"record":"run",`)):
				var r JSONRun
				strict(&r)
				if lineNo != 1 || len(r.Args) == 0 || r.Start.IsZero() {
					t.Errorf("%s: run line %d: %s", c.name, lineNo, sc.Bytes())
				}
				continue
			case bytes.HasPrefix(sc.Bytes(), []byte(`{"record":"host",`)):
				var h JSONHost
				strict(&h)
				hostLines++
				continue
			case bytes.HasPrefix(sc.Bytes(), []byte(`{"record":"end",`)):
				var e JSONEnd
				strict(&e)
				ends++
				continue
			}
			var p JSONPort
			strict(&p)
			if ends > 0 {
				t.Errorf("%s: a port after the end line", c.name)
			}
			n++
			if s := p.Service; s != nil && len(s.Replies) > 0 && s.ServiceFP == "" && s.Method != result.MethodTable {
				t.Errorf("%s: replies on a recognised service: %s", c.name, sc.Bytes())
			}
			if s := p.Service; s != nil && strings.Contains(s.ServiceFP, "\nSF:") {
				t.Errorf("%s: servicefp not joined", c.name)
			}
		}
		if n != want {
			t.Errorf("%s: %d lines, want one per shown port (%d)", c.name, n, want)
		}
		if hostLines == 0 || ends != 1 {
			t.Errorf("%s: %d host lines, %d end lines", c.name, hostLines, ends)
		}
	}
	// The E2 replies come back byte for byte.
	var e2 writerCase
	for _, c := range writerCases(t) {
		if c.name == "e2" {
			e2 = c
		}
	}
	p := PortJSON(e2.hosts[0], e2.hosts[0].Ports[6])
	b, _ := json.Marshal(p)
	var back JSONPort
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Service.Replies) != 2 || !bytes.Equal(back.Service.Replies[0].Data, e2Bytes) || len(e2Bytes) != 0x4c {
		t.Errorf("replies did not round-trip: %+v", back.Service.Replies)
	}
}

// Ports streamed through Port are not written again by Host, and each
// write is flushed at once.
func TestJSONLinesStreaming(t *testing.T) {
	var buf bytes.Buffer
	fw := &flushCounter{w: &buf}
	j := NewJSONLines(fw)
	h := localhost(tcp(22, openssh), tcp(80, nil))
	if err := j.Port(h, h.Ports[1]); err != nil {
		t.Fatal(err)
	}
	if fw.flushes != 1 || strings.Count(buf.String(), "\n") != 1 || !strings.Contains(buf.String(), `"port":80`) {
		t.Fatalf("after Port: %d flushes, output %q", fw.flushes, buf.String())
	}
	if err := j.Host(h); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 || !strings.Contains(lines[1], `"port":22`) ||
		lines[2] != `{"record":"host","addr":"127.0.0.1","addrtype":"ipv4","status":"up","reason":"user-set","reason_ttl":0,"ports":2}` {
		t.Fatalf("after Host: %q", buf.String())
	}
}

type flushCounter struct {
	w       *bytes.Buffer
	flushes int
}

func (f *flushCounter) Write(p []byte) (int, error) { return f.w.Write(p) }
func (f *flushCounter) Flush() error                { f.flushes++; return nil }

// Multi reaches every writer even when one fails, joins the errors, and
// streams ports only to the writers that take them.
func TestMulti(t *testing.T) {
	var x, j bytes.Buffer
	var streamed []int
	boom := errors.New("disk full")
	m := Multi(NewXML(&x), failWriter{boom}, NewJSONLines(&j),
		PortFunc(func(h *result.Host, p *result.Port) error { streamed = append(streamed, p.Number); return nil }))
	run := newRun(0, false, connect(22))
	if err := m.Begin(run); !errors.Is(err, boom) {
		t.Fatalf("Begin: %v", err)
	}
	h := localhost(tcp(22, openssh))
	if err := m.Port(h, h.Ports[0]); !errors.Is(err, boom) {
		t.Fatalf("Port: %v", err)
	}
	if err := m.Host(h); !errors.Is(err, boom) {
		t.Fatalf("Host: %v", err)
	}
	if err := m.End(done(1, 1)); !errors.Is(err, boom) {
		t.Fatalf("End: %v", err)
	}
	if !strings.HasSuffix(x.String(), "</nmaprun>\n") || !strings.Contains(j.String(), `"port":22`) {
		t.Fatalf("a writer missed calls:\n%s\n%s", x.String(), j.String())
	}
	if len(streamed) != 1 || streamed[0] != 22 {
		t.Fatalf("streamed %v", streamed)
	}
}

type failWriter struct{ err error }

func (f failWriter) Begin(*result.Run) error               { return f.err }
func (f failWriter) Host(*result.Host) error               { return f.err }
func (f failWriter) End(*result.RunEnd) error              { return f.err }
func (f failWriter) Port(*result.Host, *result.Port) error { return f.err }

// wrapFP undoes ServiceFP on nmap's fingerprints from the runs (it is how the
// integration test reads nmap's XML back).
func TestWrapFP(t *testing.T) {
	for _, f := range []string{"e2-31994.fp", "e2-31999.fp"} {
		fp := readFP(t, f)
		if got := wrapFP(ServiceFP(fp)); got != fp {
			t.Errorf("%s: wrapFP(ServiceFP(fp)) differs\n%s", f, firstDiff(fp, got))
		}
	}
}

// The JSON examples in docs/json-output.md are lines of the golden files.
func TestJSONDocExamples(t *testing.T) {
	doc, err := os.ReadFile("../docs/json-output.md")
	if err != nil {
		t.Fatal(err)
	}
	goldens, err := filepath.Glob("testdata/*.jsonl.golden")
	if err != nil || len(goldens) == 0 {
		t.Fatal("no JSON goldens", err)
	}
	var all strings.Builder
	for _, g := range goldens {
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	n := 0
	for _, l := range strings.Split(string(doc), "\n") {
		if strings.HasPrefix(l, `{"addr"`) || strings.HasPrefix(l, `{"record"`) {
			n++
			if !strings.Contains(all.String(), l+"\n") {
				t.Errorf("docs/json-output.md example is in no golden file:\n%s", l)
			}
		}
	}
	if n == 0 {
		t.Error("no examples found in docs/json-output.md")
	}
}

// A port's JSON line names the source of each field it carries, and only
// of those.
func TestJSONSources(t *testing.T) {
	svc := &result.Service{Name: "http-proxy", Product: "Zorbotron/4.2", Method: result.MethodProbed, Conf: 10, Tunnel: "ssl"}
	svc.SetSource("name", "table")
	svc.SetSource("product", "http-server-header")
	svc.SetSource("tunnel", "https-redirect")
	svc.SetSource("version", "nmap-service-probes:1234") // no version: left out
	h := &result.Host{Addr: "127.0.0.1"}
	b, err := json.Marshal(PortJSON(h, &result.Port{Number: 8080, Proto: "tcp", State: "open", Reason: "syn-ack", Service: svc}))
	if err != nil {
		t.Fatal(err)
	}
	want := `"sources":{"name":"table","product":"http-server-header","tunnel":"https-redirect"}`
	if !strings.Contains(string(b), want) {
		t.Errorf("got %s\nwant %s", b, want)
	}
}
