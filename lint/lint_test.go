package lint

import (
	"strings"
	"testing"

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
