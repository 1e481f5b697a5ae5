package services

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MACVendors maps the first three bytes of a MAC address (the IEEE OUI) to the maker's name,
// read from nmap's nmap-mac-prefixes at run time (the data is nmap's; signet ships none).
type MACVendors struct {
	byOUI map[[3]byte]string
	// File is the file it was read from (LoadMACVendors), for "Read data files from:".
	File string
}

// ParseMACVendors reads the nmap-mac-prefixes format: "OUI Vendor name" per line, the OUI as
// six hex digits; '#' starts a comment. Lines that do not fit are skipped.
func ParseMACVendors(src []byte) *MACVendors {
	v := &MACVendors{byOUI: map[[3]byte]string{}}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		oui, name, ok := strings.Cut(strings.TrimSpace(line), " ")
		name = strings.TrimSpace(name)
		if !ok || len(oui) != 6 || name == "" {
			continue
		}
		var k [3]byte
		if _, err := hex.Decode(k[:], []byte(oui)); err != nil {
			continue
		}
		if _, dup := v.byOUI[k]; !dup {
			v.byOUI[k] = name
		}
	}
	return v
}

// LoadMACVendors reads nmap-mac-prefixes from the first of dirs that has it; nil (and no
// error) when none has.
func LoadMACVendors(dirs []string) (*MACVendors, error) {
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, "nmap-mac-prefixes"))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		v := ParseMACVendors(b)
		v.File = filepath.Join(d, "nmap-mac-prefixes")
		return v, nil
	}
	return nil, nil
}

// Lookup returns the maker of mac ("9A:FC:3C:12:3E:66" or any form net.ParseMAC reads the
// first three bytes of), or "" when unknown. A nil MACVendors knows none.
func (v *MACVendors) Lookup(mac string) string {
	if v == nil {
		return ""
	}
	h := strings.NewReplacer(":", "", "-", "", ".", "").Replace(mac)
	if len(h) < 6 {
		return ""
	}
	var k [3]byte
	if _, err := hex.Decode(k[:], []byte(h[:6])); err != nil {
		return ""
	}
	return v.byOUI[k]
}
