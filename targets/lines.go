package targets

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/signetscan/signet/portspec"
)

// entry is one target read from a list line, or the error of one token.
type entry struct {
	spec  *Spec
	proto portspec.Protocol // of a host:port pair; 0 for tcp
	name  string            // host name the list gave for a literal address (naabu)
	pos   string
	err   error
}

// parseLine reads one line of an input list (see List.AddReader).
func parseLine(line, pos string) []entry {
	trimmed := strings.TrimSpace(line)
	switch {
	case trimmed == "", trimmed == "[", trimmed == "]":
		return nil
	case trimmed[0] == '{':
		return []entry{jsonLine(strings.TrimSuffix(trimmed, ","), pos)}
	}
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	f := strings.Fields(line)
	if len(f) == 0 {
		return nil
	}
	// masscan -oL: "open tcp 80 1.2.3.4 1690000000"; banner and closed
	// records say nothing new about what to probe.
	if len(f) >= 5 && (f[0] == "open" || f[0] == "closed" || f[0] == "banner") && isNumber(f[2]) && isNumber(f[4]) {
		if f[0] != "open" {
			return nil
		}
		return []entry{pairEntry(f[3], f[2], f[1], "", pos, strings.Join(f[:5], " "))}
	}
	// masscan's console: "Discovered open port 80/tcp on 1.2.3.4".
	if len(f) == 6 && f[0] == "Discovered" && f[1] == "open" && f[2] == "port" && f[4] == "on" {
		port, proto, _ := strings.Cut(f[3], "/")
		return []entry{pairEntry(f[5], port, proto, "", pos, strings.Join(f, " "))}
	}
	out := make([]entry, 0, len(f))
	for _, tok := range f {
		s, err := Parse(tok)
		if err != nil {
			err.(*Error).Pos = pos
			out = append(out, entry{err: err, pos: pos})
			continue
		}
		out = append(out, entry{spec: s, pos: pos})
	}
	return out
}

func isNumber(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// pairEntry makes the entry of a scanner's (address, port, protocol) line.
func pairEntry(addr, port, proto, name, pos, text string) entry {
	bad := func(msg string) entry { return entry{pos: pos, err: &Error{Pos: pos, Token: text, Msg: msg}} }
	pr, ok := portspec.ParseProtocol(proto)
	if !ok {
		return bad(fmt.Sprintf("unknown protocol %q", strings.ToLower(proto)))
	}
	if strings.Contains(addr, ":") {
		addr = "[" + addr + "]"
	}
	s, err := Parse(addr + ":" + port)
	if err != nil {
		return bad(err.(*Error).Msg)
	}
	if s.kind != kindAddr {
		return bad("not an address")
	}
	s.text = text
	return entry{spec: s, proto: pr, name: name, pos: pos}
}

// jsonLine reads a naabu -json line ({"host","ip","port","protocol"}) or a
// masscan -oJ record ({"ip","ports":[{"port","proto","status"}]}).
func jsonLine(text, pos string) entry {
	var rec struct {
		Host     string          `json:"host"`
		IP       string          `json:"ip"`
		Port     json.RawMessage `json:"port"`
		Protocol string          `json:"protocol"`
		Ports    []struct {
			Port    int             `json:"port"`
			Proto   string          `json:"proto"`
			Status  string          `json:"status"`
			Service json.RawMessage `json:"service"`
		} `json:"ports"`
	}
	short := text
	if len(short) > 60 {
		short = short[:57] + "..."
	}
	if err := json.Unmarshal([]byte(text), &rec); err != nil {
		return entry{pos: pos, err: &Error{Pos: pos, Token: short, Msg: "not a naabu or masscan JSON record"}}
	}
	addr, name := rec.IP, ""
	if addr == "" {
		addr = rec.Host
	} else if rec.Host != "" && rec.Host != rec.IP {
		name = rec.Host
	}
	if len(rec.Ports) > 0 { // masscan
		p := rec.Ports[0]
		if p.Status != "open" || len(p.Service) > 0 {
			return entry{} // banner or closed record
		}
		return pairEntry(addr, strconv.Itoa(p.Port), p.Proto, "", pos, short)
	}
	port := strings.Trim(string(rec.Port), `"`)
	if addr == "" || !isNumber(port) {
		return entry{pos: pos, err: &Error{Pos: pos, Token: short, Msg: "JSON record without ip and port"}}
	}
	proto := rec.Protocol
	if proto == "" {
		proto = "tcp"
	}
	if name != "" && !strings.Contains(addr, ":") && strings.Trim(addr, "0123456789.") != "" {
		name = "" // "ip" is not an address: let Parse resolve it
	}
	return pairEntry(addr, port, proto, name, pos, short)
}
