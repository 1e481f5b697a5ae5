package output

import (
	"strconv"
	"strings"

	"github.com/signetscan/signet/result"
)

// versionBufSize is nmap's buffer for the VERSION column (O3): at most
// versionBufSize-1 characters are shown.
const versionBufSize = 160

// VersionString builds the VERSION column from product, version and extra
// info the way nmap's populateFullVersionString does (O3): pieces are
// skipped when fewer than 8 characters of room remain, and a piece that does
// not fit is cut and ends with "..." (inside the parentheses for extra info).
func VersionString(product, version, info string) string {
	var b strings.Builder
	left := versionBufSize - 1
	pad := false
	piece := func(s string) {
		if pad {
			b.WriteByte(' ')
			left--
		}
		if left < len(s) {
			b.WriteString(s[:left-3])
			b.WriteString("...")
			left = 0
		} else {
			b.WriteString(s)
			left -= len(s)
		}
		pad = true
	}
	if product != "" && left >= 8 {
		piece(product)
	}
	if version != "" && left >= 8 {
		piece(version)
	}
	if info != "" && left >= 8 {
		if pad {
			b.WriteByte(' ')
			left--
		}
		b.WriteByte('(')
		if left-2 < len(info) {
			b.WriteString(info[:left-5])
			b.WriteString("...")
		} else {
			b.WriteString(info)
		}
		b.WriteByte(')')
	}
	return b.String()
}

// maxServiceName is nmap's 64-byte buffer for the SERVICE cell (O2).
const maxServiceName = 63

// ServiceName is the SERVICE column of a port (O2): "ssl/" when tunnelled,
// the name or "unknown", and "?" for guesses from the services table when
// version detection ran on an open port.
func ServiceName(p *result.Port, versionScan bool) string {
	s := p.Service
	prefix := ""
	name := ""
	conf := 0
	if s != nil {
		if s.Tunnel == "ssl" {
			prefix = "ssl/"
		}
		name = s.Name
		conf = s.Conf
	}
	var out string
	switch {
	case name == "" || name == "unknown":
		out = prefix + "unknown"
	case versionScan && p.State == "open" && conf <= 5:
		out = prefix + name + "?"
	default:
		out = prefix + name
	}
	if len(out) > maxServiceName {
		return ""
	}
	return out
}

// Table is nmap's aligned text table (O1): every column is padded to its
// widest cell plus one space, and a row ends after its last non-empty cell.
type Table struct {
	rows [][]string
}

// Add appends a row.
func (t *Table) Add(cells ...string) { t.rows = append(t.rows, cells) }

// String renders the table, one line per row, each ending in "\n".
func (t *Table) String() string {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			if len(c) > widths[i] {
				widths[i] = len(c)
			}
		}
	}
	var b strings.Builder
	for _, r := range t.rows {
		last := -1
		for i, c := range r {
			if c != "" {
				last = i
			}
		}
		for i := 0; i <= last; i++ {
			b.WriteString(r[i])
			if i < last {
				b.WriteString(strings.Repeat(" ", widths[i]+1-len(r[i])))
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// PortTable renders the port table of one host (O1–O3).
func PortTable(ports []*result.Port, versionScan, reason bool) string {
	var t Table
	header := []string{"PORT", "STATE", "SERVICE"}
	if reason {
		header = append(header, "REASON")
	}
	if versionScan {
		header = append(header, "VERSION")
	}
	t.Add(header...)
	for _, p := range ports {
		row := []string{portID(p), p.State, ServiceName(p, versionScan)}
		if reason {
			row = append(row, p.Reason)
		}
		if versionScan {
			v := ""
			if p.Service != nil {
				v = VersionString(p.Service.Product, p.Service.Version, p.Service.Info)
			}
			row = append(row, v)
		}
		t.Add(row...)
	}
	return t.String()
}

func portID(p *result.Port) string {
	return strconv.Itoa(p.Number) + "/" + p.Proto
}

// maxServiceInfo is nmap's MAX_SERVICE_INFO_FIELDS (R6).
const maxServiceInfo = 5

// ServiceInfo builds the "Service Info:" line of a host (R6) from its ports
// in table order; hostName is the target's resolved name ("" if none). It
// returns "" when there is nothing to say. Only open ports count; hostnames
// are compared case-insensitively, OS and device names exactly; only CPEs
// of part h and o are listed.
func ServiceInfo(ports []*result.Port, hostName string) string {
	var hosts, oss, devices, cpes []string
	add := func(list []string, v string, fold bool) []string {
		if v == "" || len(list) >= maxServiceInfo {
			return list
		}
		for _, x := range list {
			if x == v || (fold && strings.EqualFold(x, v)) {
				return list
			}
		}
		return append(list, v)
	}
	for _, p := range ports {
		if p.State != "open" || p.Service == nil {
			continue
		}
		s := p.Service
		if s.Hostname != "" && !strings.EqualFold(s.Hostname, hostName) {
			hosts = add(hosts, s.Hostname, true)
		}
		oss = add(oss, s.OS, false)
		devices = add(devices, s.Device, false)
		for _, c := range s.CPE {
			if strings.HasPrefix(c, "cpe:/h") || strings.HasPrefix(c, "cpe:/o") {
				cpes = add(cpes, c, false)
			}
		}
	}
	var parts []string
	cat := func(one, many string, vals []string) {
		if len(vals) == 0 {
			return
		}
		label := one
		if len(vals) > 1 {
			label = many
		}
		parts = append(parts, label+": "+strings.Join(vals, ", "))
	}
	cat("Host", "Hosts", hosts)
	cat("OS", "OSs", oss)
	cat("Device", "Devices", devices)
	cat("CPE", "CPE", cpes)
	if len(parts) == 0 {
		return ""
	}
	return "Service Info: " + strings.Join(parts, "; ")
}
