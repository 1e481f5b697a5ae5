package lint

import (
	"sort"
	"strings"
	"testing"

	"github.com/signetscan/signet/evidence"
	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/probes"
)

func check(t *testing.T, src string) []string {
	t.Helper()
	db, err := probes.Parse("t.probes", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Resolve(); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range Check(db) {
		out = append(out, f.String())
	}
	return out
}

func TestChecks(t *testing.T) {
	got := check(t, `Probe TCP NULL q||
match a m|^SSH-| p/x/
match b m|^SSH-2\.0-OpenSSH_(\S+)| v/$1/
match c m|^ABC(\d)| v/$2/ i/$P(3)/
match d m|^ABC(\d)|
match e m|^ssh-|i
match f m|^SSH-x|
softmatch lonely m|^Q|
softmatch ok m|^R|
Probe TCP P q|x|
match ok m|^R1|
`)
	want := []string{
		"t.probes:3:1: warning: never wins: line 2 (^SSH-) matches every reply this line matches",
		"t.probes:4:", // $2 on a one-group pattern
		"t.probes:4:", // $P(3)
		"t.probes:5:1: warning: never wins: line 4 has the same pattern",
		"t.probes:7:1: warning: never wins: line 2",
		"t.probes:8:1: warning: softmatch lonely: no other TCP probe has a match line for lonely to confirm it",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("finding %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
	// Line 6 (caseless) is not shadowed by the case-sensitive line 2.
	for _, g := range got {
		if strings.HasPrefix(g, "t.probes:6:") {
			t.Errorf("false positive: %s", g)
		}
	}
}

func TestPureLiteral(t *testing.T) {
	cases := []struct {
		pat  string
		want string
		ok   bool
	}{
		{`^SSH-2\.0\r\n`, "SSH-2.0\r\n", true},
		{`^\x16\x03\0`, "\x16\x03\x00", true},
		{`^abc$`, "", false},
		{`^ab+`, "", false},
		{`abc`, "", false},
		{`^\d`, "", false},
		{`^\012`, "", false},
	}
	for _, c := range cases {
		got, ok := PureLiteral(c.pat)
		if ok != c.ok || string(got) != c.want {
			t.Errorf("PureLiteral(%q) = %q, %v", c.pat, got, ok)
		}
	}
}

func TestEchoReplies(t *testing.T) {
	got := EchoReplies([]byte("GET / HTTP/1.0\r\nHost: x\r\n\r\n"))
	want := []string{"GET / HTTP/1.0\r\nHost: x\r\n\r\n", "GET / HTTP/1.0\r\n", "GET / HTTP/1.0\r\nHost: x\r\n"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if string(got[i]) != want[i] {
			t.Errorf("cut %d = %q, want %q", i, got[i], want[i])
		}
	}
	if EchoReplies(nil) != nil {
		t.Error("the NULL probe has no echo")
	}
}

// A line that matches its own probe's payload sent back, whole or cut at a
// line end, is an error; an echo line is what should match it.
func TestOwnPayload(t *testing.T) {
	got := check(t, `Probe TCP NULL q||
Probe TCP Get q|GET / HTTP/1.0\r\n\r\n|
match echo m|^GET / HTTP/1\.0\r\n\r\n$|
match http m|^GET\s|
match http m|^HTTP/1\.[01] \d\d\d |
match web m|^GET / HTTP/1\.0\r\n$|
`)
	want := []string{
		`t.probes:4:1: error: matches its own probe's payload echoed back (all 18 bytes): an echo service would be named http`,
		`t.probes:6:1: error: matches its own probe's payload echoed back (its first 16 of 18 bytes, up to a line end): an echo service would be named web`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func resolved(t *testing.T, src string) *probes.DB {
	t.Helper()
	db, err := probes.Parse("t.probes", []byte(src))
	if err == nil {
		err = db.Resolve()
	}
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func evCase(path, expect, proto string, replies ...string) *evidence.Case {
	fp := &fingerprint.Fingerprint{Proto: proto}
	for i := 0; i+1 < len(replies); i += 2 {
		fp.Responses = append(fp.Responses, fingerprint.Response{Probe: replies[i], Data: []byte(replies[i+1])})
	}
	return &evidence.Case{Path: path, Source: "test", Expect: evidence.ParseExpect(expect), FP: fp}
}

func TestCrossCheck(t *testing.T) {
	db := resolved(t, `Probe TCP NULL q||
match ssh m|^SSH-2\.0-|
Probe TCP Get q|GET / HTTP/1.0\r\n\r\n|
match http m|^HTTP/1\.[01] 200 |
Probe TCP Stats q|stats\r\n|
match store m|^stats|
match cache m|^HTTP/1\.1 200 OK\r\nX-Cache|
match anyline m|^[a-zA-Z]+ |
Probe UDP Stats q|GET / HTTP/1.0\r\n\r\n|
match udpthing m|^GET|
`)
	cases := []*evidence.Case{
		evCase("web.fp", "http", "TCP", "GetRequest", "x", "Get", "HTTP/1.1 200 OK\r\nX-Cache: hit\r\n\r\n"),
		evCase("ssh.fp", "ssh", "TCP", "NULL", "SSH-2.0-x\r\n"),
	}
	var got []string
	for _, f := range CrossCheck(db, cases) {
		got = append(got, f.String())
	}
	want := []string{
		// Stats' "anyline" matches Get's payload (its other lines only their own, which Check reports).
		"t.probes:8:1: warning: matches probe TCP Get's payload echoed back (all 18 bytes): an echo service would be named anyline",
		// The web server's reply to Get would name it "cache" if Stats got the same bytes.
		"t.probes:7:1: warning: matches the Get reply of web.fp (a http service): a http server that answered probe Stats the same way would be named cache",
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Evidence justifies both: the web server's recorded reply to Stats,
	// and an "anyline" server that really sends Get's first line back.
	cases = append(cases,
		evCase("web2.fp", "http", "TCP", "Get", "HTTP/1.1 200 OK\r\nX-Cache: hit\r\n\r\n", "Stats", "HTTP/1.1 400 Bad\r\n\r\n"),
		evCase("anyline.fp", "anyline", "TCP", "Stats", "GET / HTTP/1.0\r\n"))
	cases[0].FP.Responses = append(cases[0].FP.Responses, fingerprint.Response{Probe: "Stats", Data: []byte("HTTP/1.1 400 Bad\r\n\r\n")})
	if f := CrossCheck(db, cases); len(f) != 0 {
		t.Errorf("justified matches reported: %v", f)
	}
}
