package probes

import "testing"

// A line merged into a clone, or removed from one, leaves the original as
// it was; the clone's chains and lines point at the clone's probes.
func TestCloneWithOverlay(t *testing.T) {
	db, err := Load(NamedSource{Name: "main.probes", Src: []byte("Probe TCP NULL q||\nmatch a m|^a|\nProbe TCP P q|p|\nfallback NULL\nmatch b m|^b|\n")})
	if err != nil {
		t.Fatal(err)
	}
	c, o, err := db.WithOverlay("o.probes", []byte("Probe TCP P q|p|\nmatch c m|^c|\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Probes) != 1 {
		t.Fatalf("overlay probes %d", len(o.Probes))
	}
	p, cp := db.Probe(TCP, "P"), c.Probe(TCP, "P")
	if len(p.Matches) != 1 || len(cp.Matches) != 2 || cp.Matches[0].Service != "c" {
		t.Fatalf("original %d lines, clone %d", len(p.Matches), len(cp.Matches))
	}
	if p.Detectable["c"] || !cp.Detectable["c"] {
		t.Errorf("Detectable: original %v, clone %v", p.Detectable, cp.Detectable)
	}
	for _, m := range cp.Matches {
		if m.Probe != cp {
			t.Errorf("line %s points at another probe", m.Service)
		}
	}
	for _, q := range cp.Chain {
		if q != cp && q != c.Null {
			t.Errorf("chain member %s is not the clone's", q.Name)
		}
	}
	if !cp.Remove(cp.Matches[0]) || len(cp.Matches) != 1 || cp.Matches[0].Service != "b" || len(p.Matches) != 1 {
		t.Fatalf("Remove: %d lines", len(cp.Matches))
	}
	if cp.Remove(p.Matches[0]) {
		t.Error("removed the original's line from the clone")
	}
	// Merging again after a removal keeps overlay lines first.
	c2 := c.Clone()
	o2, _ := Parse("o2.probes", []byte("Probe TCP P q|p|\nmatch d m|^d|\n"))
	if err := c2.Merge(o2); err != nil {
		t.Fatal(err)
	}
	if got := c2.Probe(TCP, "P").Matches[0].Service; got != "d" {
		t.Errorf("first line %s, want the overlay's", got)
	}
	if _, _, err := db.WithOverlay("bad.probes", []byte("Probe TCP P q|other|\n")); err == nil {
		t.Error("a probe redefined with another payload: no error")
	}
}
