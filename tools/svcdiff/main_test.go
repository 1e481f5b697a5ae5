package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMACAddress: nmap's XML of a host on the local segment carries its MAC address after
// its IP address; signet's, scanned with -Pn, carries none. Both name the same host by its IP
// and every port agrees.
func TestMACAddress(t *testing.T) {
	a, err := load("testdata/nmap-mac.xml", false)
	if err != nil {
		t.Fatal(err)
	}
	b, err := load("testdata/signet.xml", false)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"10.88.0.2 22/tcp", "10.88.0.2 7/udp", "10.88.0.2 1/tcp", "10.88.0.2 40002/udp"} {
		if a[k] == nil || b[k] == nil {
			t.Errorf("%s: nmap %v, signet %v", k, a[k], b[k])
		}
	}
	if len(a) != 45 || len(b) != 45 {
		t.Errorf("%d and %d ports, want 45 (40 TCP, 5 UDP)", len(a), len(b))
	}
	if n := compare(a, b, true); n != 0 {
		t.Errorf("compare: exit %d, want 0", n)
	}
}

// TestNotShownAgainstListed: a port one file lists and the other counts in "Not shown" is
// compared by its state.
func TestNotShownAgainstListed(t *testing.T) {
	x, err := os.ReadFile("testdata/signet.xml")
	if err != nil {
		t.Fatal(err)
	}
	// The same scan with port 9/udp listed instead of counted, once closed and once open.
	listed := func(state string) string {
		s := strings.Replace(string(x), `<extraports state="closed" count="43">`, `<extraports state="closed" count="42">`, 1)
		s = strings.Replace(s, `count="4" proto="udp" ports="9,40000-40002"`, `count="3" proto="udp" ports="40000-40002"`, 1)
		return strings.Replace(s, "</ports>", `<port protocol="udp" portid="9"><state state="`+state+`" reason="port-unreach" reason_ttl="64"/><service name="discard" method="table" conf="3"/></port>`+"\n</ports>", 1)
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		state string
		want  int
	}{{"closed", 0}, {"open", 1}} {
		path := filepath.Join(dir, tc.state+".xml")
		if err := os.WriteFile(path, []byte(listed(tc.state)), 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := load("testdata/nmap-mac.xml", false)
		if err != nil {
			t.Fatal(err)
		}
		b, err := load(path, false)
		if err != nil {
			t.Fatal(err)
		}
		if b["10.88.0.2 9/udp"]["state"] != tc.state {
			t.Fatalf("9/udp: %v", b["10.88.0.2 9/udp"])
		}
		if n := compare(a, b, true); n != tc.want {
			t.Errorf("9/udp listed %s: exit %d, want %d", tc.state, n, tc.want)
		}
	}
}

// TestSeveralRuns: against several nmap runs a port differs only when signet's answer equals
// none of them; a port that agrees with some runs is listed with the runs that agreed and not
// counted.
func TestSeveralRuns(t *testing.T) {
	port := func(name string) map[string]string {
		return map[string]string{"state": "open", "name": name, "method": "probed", "conf": "10"}
	}
	run1 := map[string]map[string]string{"h 1/tcp": port("rtsp"), "h 2/tcp": port("ssh"), "h 3/tcp": port("http")}
	run2 := map[string]map[string]string{"h 1/tcp": port("sip"), "h 2/tcp": port("ssh"), "h 3/tcp": port("http")}
	for _, tc := range []struct {
		signet  map[string]map[string]string
		exit    int
		summary string
		listed  []string
	}{
		{map[string]map[string]string{"h 1/tcp": port("sip"), "h 2/tcp": port("ssh"), "h 3/tcp": port("http")}, 0,
			"3 ports compared, 0 differ (from every one of 2 nmap runs; 1 more agree with some runs only)",
			[]string{"h 1/tcp: agrees with 1 of 2 nmap runs (b.xml)", "differs from a.xml:", `name: "rtsp" vs "sip"`}},
		{map[string]map[string]string{"h 1/tcp": port("sip"), "h 2/tcp": port("ssh"), "h 3/tcp": port("ftp")}, 1,
			"3 ports compared, 1 differ (from every one of 2 nmap runs; 1 more agree with some runs only)",
			[]string{"h 3/tcp: agrees with none of 2 nmap runs", "differs from b.xml:"}},
	} {
		var b strings.Builder
		exit := compareRuns(&b, []map[string]map[string]string{run1, run2}, []string{"a.xml", "b.xml"}, tc.signet, false)
		out := b.String()
		if exit != tc.exit || !strings.Contains(out, tc.summary+"\n") {
			t.Errorf("exit %d, output:\n%s\nwant exit %d and %q", exit, out, tc.exit, tc.summary)
		}
		for _, l := range tc.listed {
			if !strings.Contains(out, l) {
				t.Errorf("output lacks %q:\n%s", l, out)
			}
		}
		if strings.Contains(out, "h 2/tcp") {
			t.Errorf("a port that agrees with every run is listed:\n%s", out)
		}
	}
	// One run: the summary is the single-run one.
	var b strings.Builder
	if exit := compareRuns(&b, []map[string]map[string]string{run1}, []string{"a.xml"}, run2, true); exit != 1 || b.String() != "3 ports compared, 1 differ\n" {
		t.Errorf("one run: exit %d, %q", exit, b.String())
	}
}
