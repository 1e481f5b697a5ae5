package output

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/signetscan/signet/result"
)

// Every golden JSON lines file reads back into hosts whose ports, written
// again, give the same lines (fields, escaping, replies, fingerprints).
func TestReadJSONLinesRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.jsonl.golden")
	if len(files) < 5 {
		t.Fatalf("only %d golden JSON lines files", len(files))
	}
	lines := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		hosts, err := ReadJSONLines(f, bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%v", err)
		}
		var b bytes.Buffer
		w := NewJSONLines(&b)
		w.Continue = true // no run line
		w.Begin(&result.Run{Verbose: 1})
		for _, h := range hosts {
			w.Host(h)
		}
		// The run and end lines are the run's, not the hosts'.
		var want []string
		for _, l := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
			if !strings.HasPrefix(l, `{"record":"run"`) && !strings.HasPrefix(l, `{"record":"end"`) {
				want = append(want, l)
			}
		}
		got := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: written again:\n%s\nwant:\n%s", f, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		lines += len(want)
	}
	t.Logf("%d files, %d lines", len(files), lines)
}

func TestReadJSONLinesHosts(t *testing.T) {
	in := `{"addr":"10.0.0.1","addrtype":"ipv4","port":80,"proto":"tcp","state":"open","reason":"syn-ack","reason_ttl":0}

{"addr":"::1","addrtype":"ipv6","target":"localhost","port":22,"proto":"tcp","state":"open","reason":"syn-ack","reason_ttl":0,"future":[1,2]}
{"addr":"10.0.0.1","addrtype":"ipv4","hostname":"a.example","port":53,"proto":"udp","state":"open","reason":"udp-response","reason_ttl":0,"service":{"name":"domain","method":"probed","conf":10,"replies":[{"probe":"DNSStatusRequest","data":"AAEC"}]}}`
	hosts, err := ReadJSONLines("in", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(hosts) != 2 || hosts[0].Addr != "10.0.0.1" || len(hosts[0].Ports) != 2 || hosts[0].Hostname != "a.example" ||
		hosts[1].TargetName != "localhost" || hosts[0].Status != "up" {
		t.Fatalf("hosts: %+v %+v", hosts[0], hosts[1])
	}
	s := hosts[0].Ports[1].Service
	if s == nil || len(s.Replies) != 1 || string(s.Replies[0].Data) != "\x00\x01\x02" {
		t.Fatalf("service %+v", s)
	}
}

func TestReadJSONLinesErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"{\"addr\":\"1.2.3.4\"", `f:1:17: not JSON: unexpected end of JSON input`},
		{"\n{\"addr\":1}", `f:2:9: field "addr": number where string belongs`},
		{`{"addr":"1.2.3.4","port":80,"proto":"tcp"}`, `f:1:1: no "state"`},
		{`{"port":80}`, `f:1:1: no "addr"`},
		{`{"addr":"a","port":70000,"proto":"tcp","state":"open"}`, `f:1:1: "port" 70000 out of range 0-65535`},
		{`{"addr":"a","port":1,"proto":"tcp","state":"open","service":{"replies":[{"data":"!!"}]}}`, `f:1:1: illegal base64 data at input byte 0`},
		{"[]", `f:1:1: field "": array where output.JSONPort belongs`},
	} {
		_, err := ReadJSONLines("f", strings.NewReader(c.in))
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: got %v\nwant %s", c.in, err, c.want)
		}
	}
}

// FuzzReadJSONLines: any input gives hosts or a positioned error, never a
// panic, and what is read writes again and reads back the same.
func FuzzReadJSONLines(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.jsonl.golden")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"addr":"x","port":1,"proto":"tcp","state":"open","service":{"servicefp":"SF-Port1-TCP:V=1%r(NULL,1,\"x\");"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		hosts, err := ReadJSONLines("fuzz", bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz:") {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		var b bytes.Buffer
		w := NewJSONLines(&b)
		for _, h := range hosts {
			w.Host(h)
		}
		again, err := ReadJSONLines("again", &b)
		if err != nil {
			t.Fatalf("written output does not read back: %v\n%s", err, b.String())
		}
		n, m := 0, 0
		for _, h := range hosts {
			n += len(h.Ports)
		}
		for _, h := range again {
			m += len(h.Ports)
		}
		if n != m {
			t.Fatalf("%d ports read, %d after writing again", n, m)
		}
	})
}

// Two records of one address in flight at once (host:port lines of one
// address far apart in a masscan list): each port is written once.
func TestJSONLinesSameAddressTwice(t *testing.T) {
	var buf bytes.Buffer
	j := NewJSONLines(&buf)
	a := localhost(tcp(22, openssh))
	b := localhost(tcp(80, nil))
	j.Port(a, a.Ports[0])
	j.Port(b, b.Ports[0])
	j.Host(a) // must not forget that b's port 80 is written
	j.Host(b)
	if n, hl := strings.Count(buf.String(), "\n"), strings.Count(buf.String(), `{"record":"host"`); n-hl != 2 || hl != 2 {
		t.Fatalf("%d port lines and %d host lines, want 2 and 2:\n%s", n-hl, hl, buf.String())
	}
	if len(j.written) != 0 {
		t.Errorf("the writer still remembers %v", j.written)
	}
	// A port streamed, then left out of the table, is forgotten too.
	c := localhost(tcp(5000, nil))
	j.Port(c, c.Ports[0])
	c.Ports = nil
	c.Extra = []result.ExtraPorts{{State: "open|filtered", Count: 1, Reasons: []result.ExtraReason{{Reason: "no-response", Proto: "tcp", Count: 1, Ports: []int{5000}}}}}
	j.Host(c)
	if len(j.written) != 0 {
		t.Errorf("the writer still remembers %v", j.written)
	}
}
