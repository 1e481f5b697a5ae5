package portscan

import (
	"fmt"
	"strconv"
	"strings"
)

// ParsePorts parses an nmap-style port list without protocol prefixes: "22,80,8000-8100",
// "-" (1-65535), "-1024" (1-1024), "60000-" (60000-65535). The result is sorted and unique.
func ParsePorts(spec string) ([]uint16, error) {
	var seen [65536]bool
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			return nil, fmt.Errorf("portscan: empty element in port list %q", spec)
		}
		lo, hi := part, part
		if i := strings.IndexByte(part, '-'); i >= 0 {
			lo, hi = part[:i], part[i+1:]
			if lo == "" {
				lo = "1"
			}
			if hi == "" {
				hi = "65535"
			}
		}
		a, err1 := strconv.ParseUint(lo, 10, 16)
		b, err2 := strconv.ParseUint(hi, 10, 16)
		if err1 != nil || err2 != nil || a == 0 || a > b {
			return nil, fmt.Errorf("portscan: bad port range %q in %q", part, spec)
		}
		for p := a; p <= b; p++ {
			seen[p] = true
		}
	}
	var out []uint16
	for p := 1; p < len(seen); p++ {
		if seen[p] {
			out = append(out, uint16(p))
		}
	}
	return out, nil
}
