package testbed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestManifest checks manifest.tsv without starting anything: unique ids and
// ports, the bed's port ranges, and a start function in testbed.sh per unit.
func TestManifest(t *testing.T) {
	all, err := Manifest()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 40 {
		t.Errorf("%d services, want at least 40", len(all))
	}
	script, err := os.ReadFile(Script())
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	ports := map[string]string{}
	udp := 0
	for _, e := range all {
		if ids[e.ID] {
			t.Errorf("duplicate id %s", e.ID)
		}
		ids[e.ID] = true
		key := e.Proto + "/" + e.Addr()
		if other, ok := ports[key]; ok {
			t.Errorf("%s and %s share %s", e.ID, other, key)
		}
		ports[key] = e.ID
		switch e.Proto {
		case "tcp":
			if e.Port < 41000 || e.Port > 41999 {
				t.Errorf("%s: tcp port %d outside 41000-41999", e.ID, e.Port)
			}
		case "udp":
			udp++
			if e.Port < 42000 || e.Port > 42199 {
				t.Errorf("%s: udp port %d outside 42000-42199", e.ID, e.Port)
			}
		default:
			t.Errorf("%s: proto %q", e.ID, e.Proto)
		}
		if e.Service == "" || e.Package == "" || e.Unit == "" {
			t.Errorf("%s: empty field in %+v", e.ID, e)
		}
		if !strings.Contains(string(script), "\nu_"+e.Unit+"() {") {
			t.Errorf("%s: testbed.sh has no u_%s()", e.ID, e.Unit)
		}
		if !strings.Contains(string(script), "$(port "+e.ID+")") {
			t.Errorf("%s: testbed.sh never uses $(port %s)", e.ID, e.ID)
		}
	}
	if udp < 5 {
		t.Errorf("%d udp services, want at least 5", udp)
	}
}

// TestConformanceServers checks the conformance suite's own manifest
// (conformance/servers.tsv, started with TESTBED_MANIFEST): its units have a
// start function in testbed.sh, and no two rows share a port.
func TestConformanceServers(t *testing.T) {
	all, err := ParseManifest(filepath.Join(Dir(), "..", "conformance", "servers.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(Script())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, e := range all {
		if !strings.Contains(string(script), "\nu_"+e.Unit+"() {") {
			t.Errorf("%s: testbed.sh has no u_%s()", e.ID, e.Unit)
		}
		key := e.Proto + "/" + e.Addr()
		if other, ok := seen[key]; ok {
			t.Errorf("%s and %s share %s", e.ID, other, key)
		}
		seen[key] = e.ID
	}
	if len(all) < 10 {
		t.Errorf("%d services, want at least 10", len(all))
	}
}
