package main

import (
	"fmt"
	"testing"
)

// TestScanFlagsRoot: the options of root scans parse as nmap spells them.
func TestScanFlagsRoot(t *testing.T) {
	a, err := parseScanArgs([]string{"-sS", "-sn", "-6", "-PE", "-PP", "-PS22,80", "-PA", "-PU53", "-PR",
		"--min-rate", "100", "--max-rate=2000.5", "--privileged", "::1"})
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("syn=%v pingOnly=%v ipv6=%v priv=%d min=%v max=%v pings=%v", a.syn, a.pingOnly, a.ipv6, a.privileged, a.minRate, a.maxRate, a.pings)
	want := "syn=true pingOnly=true ipv6=true priv=1 min=100 max=2000.5 pings=[{-PE []} {-PP []} {-PS [22 80]} {-PA []} {-PU [53]} {-PR []}]"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if a, err := parseScanArgs([]string{"-sP", "--unprivileged", "x"}); err != nil || !a.pingOnly || a.privileged != -1 {
		t.Errorf("-sP --unprivileged: %+v, %v", a, err)
	}
	for _, bad := range [][]string{{"-PX"}, {"-PE80"}, {"-PS70000"}, {"--min-rate", "fast"}, {"--max-rate", "-1"}, {"-P"}} {
		if _, err := parseScanArgs(append(bad, "x")); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
