package explain

import (
	"strings"
	"testing"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/probes"
)

func TestLine(t *testing.T) {
	db, err := probes.Load(probes.NamedSource{Name: "main.probes", Src: []byte("Probe TCP NULL q||\nProbe TCP Hello q|EHLO\\r\\n|\nmatch smtp m|^220 | p/Generic/\n")})
	if err != nil {
		t.Fatal(err)
	}
	fps, err := fingerprint.Decode("fp", []byte(`SF-Port25-TCP:V=7.93%I=7%D=3/19%Time=4D14329D%P=x%r(NULL,B,"220\x20mx\x20ok\n")%r(Hello,B,"220\x20mx\x20ok\n");`))
	if err != nil {
		t.Fatal(err)
	}
	cdb, o, err := db.WithOverlay("o.probes", []byte("Probe TCP NULL q||\nmatch smtp m|^220 mx oq| p/X/\nProbe TCP Hello q|EHLO\\r\\n|\nmatch smtp m|^220 mx ok| p/Y/\n"))
	if err != nil {
		t.Fatal(err)
	}
	// The NULL line misses by a byte on both replies (Hello falls back to NULL).
	r := Line(cdb, o.Null.Matches[0], fps[0])
	if r.Fires || len(r.Replies) != 2 {
		t.Fatalf("%+v", r)
	}
	for _, rep := range r.Replies {
		if p := rep.Progress; rep.Matched || p == nil || p.Prefix != "^220 mx o" || p.Next != "q" || p.End != 8 {
			t.Errorf("%s: %+v", rep.Probe, rep.Progress)
		}
	}
	var b strings.Builder
	r.Write(&b)
	for _, s := range []string{"then q (pattern offset 9) fails at byte 8, 'k' (0x6b)", `220 mx o»k«\n`, "the answer comes from probe Hello: match smtp at o.probes:4"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("report lacks %q:\n%s", s, b.String())
		}
	}
	// The Hello overlay line fires.
	r = Line(cdb, o.Probes[0].Matches[0], fps[0])
	if !r.Fires || !strings.Contains(r.Outcome, "fires on the reply to Hello: smtp Y") {
		t.Errorf("%+v", r)
	}
}

// FuzzOverlay: whatever text --explain is given, Overlay and Line never
// panic, and a bare line's overlay names a probe of the fingerprint.
func FuzzOverlay(f *testing.F) {
	db, err := probes.Load(probes.NamedSource{Name: "main.probes", Src: []byte("Probe TCP NULL q||\nProbe TCP Hello q|EHLO\\r\\n|\n")})
	if err != nil {
		f.Fatal(err)
	}
	fps, err := fingerprint.Decode("fp", []byte(`SF-Port25-TCP:V=7.93%I=7%D=3/19%Time=4D14329D%P=x%r(NULL,B,"220\x20mx\x20ok\n")%r(Hello,B,"220\x20mx\x20ok\n");`))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(`match smtp m|^220 mx oq| p/X/`)
	f.Add("Probe TCP Hello q|EHLO\\r\\n|\nmatch smtp m|^2(2)0| v/$1/\n")
	f.Add(`softmatch x m=(?i)MX=s`)
	f.Fuzz(func(t *testing.T, text string) {
		src, _, err := Overlay(db, []byte(text), fps[0])
		if err != nil {
			return
		}
		cdb, o, err := db.WithOverlay("x.probes", src)
		if err != nil {
			return
		}
		for _, p := range append([]*probes.Probe{o.Null}, o.Probes...) {
			if p == nil {
				continue
			}
			for _, m := range p.Matches {
				var b strings.Builder
				Line(cdb, m, fps[0]).Write(&b)
			}
		}
	})
}
