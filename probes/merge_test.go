package probes

import (
	"strings"
	"testing"
	"time"
)

const mainFile = `Exclude T:9100
Probe TCP NULL q||
match n m/main-null/
Probe TCP Hello q|hi\r\n|
ports 1
rarity 5
match a m/main1/
match b m/main2/
Probe UDP U q|u|
match u m/u/
`

func services(p *Probe) string {
	var s []string
	for _, m := range p.Matches {
		s = append(s, m.Service)
		if m.Probe != p {
			s = append(s, "(wrong probe)")
		}
	}
	return strings.Join(s, " ")
}

func TestMerge(t *testing.T) {
	useStub(t)
	o1 := `Probe TCP Hello q|hi\x0d\n|
ports 2
sslports 3
rarity 8
fallback New
match o1 m/x/
Probe TCP NULL q||
match o1n m/y/
Probe TCP New q|new|
match new1 m/z/
`
	o2 := `Exclude T:9100
Probe TCP Hello q|hi\r\n|
totalwaitms 9000
match o2 m/x/
Probe TCP New q|new|
match new2 m/z/
`
	db, err := Load(NamedSource{"main.probes", []byte(mainFile)}, NamedSource{"o1.probes", []byte(o1)}, NamedSource{"o2.probes", []byte(o2)})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(db.Files, " ") != "main.probes o1.probes o2.probes" {
		t.Errorf("files = %v", db.Files)
	}
	h := db.Probe(TCP, "Hello")
	if got := services(h); got != "o1 o2 a b" {
		t.Errorf("Hello lines = %s", got)
	}
	if got := services(db.Null); got != "o1n n" {
		t.Errorf("NULL lines = %s", got)
	}
	if h.Ports.String() != "1-2" || h.SSLPorts.String() != "3" || h.Rarity != 8 || h.TotalWait != 9*time.Second || h.TCPWrapped != DefaultTCPWrapped {
		t.Errorf("Hello = ports %s ssl %s rarity %d wait %v", h.Ports, h.SSLPorts, h.Rarity, h.TotalWait)
	}
	if h.Pos.File != "main.probes" || h.FallbackPos.File != "o1.probes" || len(h.Chain) != 3 || h.Chain[1].Name != "New" {
		t.Errorf("Hello pos %v fallback %v chain %d", h.Pos, h.FallbackPos, len(h.Chain))
	}
	if !h.Detectable["o1"] || !h.Detectable["a"] {
		t.Errorf("Detectable = %v", h.Detectable)
	}
	n := db.Probe(TCP, "New")
	if len(db.Probes) != 3 || db.Probes[2] != n || services(n) != "new1 new2" {
		t.Errorf("New = %v, lines %s", n, services(n))
	}
	// A later fallback line in the main file: rarity untouched when the overlay does not give it.
	if u := db.Probe(UDP, "U"); u.Rarity != DefaultRarity || services(u) != "u" {
		t.Errorf("U = %+v", u)
	}
}

func TestMergeErrors(t *testing.T) {
	useStub(t)
	for _, tt := range []struct{ overlay, want string }{
		{"Probe TCP NULL q||\nProbe TCP Hello q|hello|\nmatch x m/x/\n",
			"o.probes:2:1: probe TCP Hello redefined with a different payload (first defined at main.probes:4:1)"},
		{"Probe TCP NULL q|x|\n",
			"o.probes:1:1: probe TCP NULL redefined with a different payload (first defined at main.probes:2:1)"},
		{"Probe TCP Other q||\n",
			"o.probes:1:1: second NULL probe TCP Other (empty probe string); the NULL probe is TCP NULL at main.probes:2:1"},
		{"Exclude T:9101\nProbe TCP X q|x|\n",
			`o.probes:1:9: Exclude in an overlay differs from the main file's "T:9100" (at main.probes:1:9)`},
		{"Probe TCP X q|x|\nfallback Nope\n",
			`o.probes:2:10: unknown fallback probe "Nope" in probe TCP X`},
		{"Probe TCP Hello q|hi\\r\\n|\nrarity 0\n",
			"o.probes:2:8: rarity \"0\" out of range: must be 1 to 9"},
	} {
		_, err := Load(NamedSource{"main.probes", []byte(mainFile)}, NamedSource{"o.probes", []byte(tt.overlay)})
		if err == nil || err.Error() != tt.want {
			t.Errorf("overlay %q:\n got %v\nwant %s", tt.overlay, err, tt.want)
		}
	}
	// An overlay Exclude is fine when identical, and an error when the main file has none.
	if _, err := Load(NamedSource{"m", []byte(null)}, NamedSource{"o", []byte("Exclude 1\n")}); err == nil || !strings.Contains(err.Error(), "the main file has none") {
		t.Errorf("err = %v", err)
	}
	// An overlay can provide the NULL probe when the main file has none.
	db, err := Load(NamedSource{"m", []byte("Probe TCP X q|x|\n")}, NamedSource{"o", []byte(null + "match n m/n/\n")})
	if err != nil || db.Null == nil || len(db.Probe(TCP, "X").Chain) != 2 {
		t.Errorf("NULL from overlay: %v", err)
	}
}
