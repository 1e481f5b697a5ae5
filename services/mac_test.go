package services

import (
	"os"
	"testing"
)

func TestMACVendors(t *testing.T) {
	v := ParseMACVendors([]byte("# comment\n000000 Xerox\n00000C Cisco Systems # routers\nzz0000 Bad\n0001 Short\n000000 Second\n"))
	for mac, want := range map[string]string{"00:00:00:01:02:03": "Xerox", "00:00:0c:aa:bb:cc": "Cisco Systems",
		"00-00-0C-00-00-00": "Cisco Systems", "9A:FC:3C:12:3E:66": "", "xx": ""} {
		if got := v.Lookup(mac); got != want {
			t.Errorf("Lookup(%q) = %q, want %q", mac, got, want)
		}
	}
	if (*MACVendors)(nil).Lookup("00:00:00:00:00:00") != "" {
		t.Error("nil table knows a vendor")
	}
	// nmap's own file, when installed, parses whole.
	if _, err := os.Stat("/usr/share/nmap/nmap-mac-prefixes"); err == nil {
		v, err := LoadMACVendors([]string{t.TempDir(), "/usr/share/nmap"})
		if err != nil || v == nil || len(v.byOUI) < 30000 {
			t.Errorf("nmap-mac-prefixes: %v", err)
		}
	}
}

func FuzzParseMACVendors(f *testing.F) {
	f.Add([]byte("000000 Xerox\n"), "00:00:00:00:00:00")
	f.Fuzz(func(t *testing.T, src []byte, mac string) {
		_ = ParseMACVendors(src).Lookup(mac)
	})
}
