package probes

import (
	"fmt"
	"slices"
)

// normalize sorts rs and merges overlapping or adjacent ranges.
func normalize(rs []PortRange) PortSet {
	if len(rs) == 0 {
		return nil
	}
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b PortRange) int { return int(a.Lo) - int(b.Lo) })
	out := PortSet{rs[0]}
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if int(r.Lo) <= int(last.Hi)+1 {
			last.Hi = max(last.Hi, r.Hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

// union returns the set of ports in a or b.
func union(a, b PortSet) PortSet {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return slices.Clone(b)
	}
	return normalize(append(slices.Clone(a), b...))
}

// Len returns the number of ports in the set.
func (s PortSet) Len() int {
	n := 0
	for _, r := range s {
		n += int(r.Hi) - int(r.Lo) + 1
	}
	return n
}

// String formats the set in the ports-directive grammar, e.g. "21-25,53,80".
func (s PortSet) String() string {
	var b []byte
	for i, r := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = fmt.Appendf(b, "%d", r.Lo)
		if r.Hi != r.Lo {
			b = fmt.Appendf(b, "-%d", r.Hi)
		}
	}
	return string(b)
}

// listError is a problem in a port list: the byte offset in the list, the
// message, and nmap 7.93's message (without the line prefix).
type listError struct {
	off  int
	msg  string
	nmap string
}

// strtol reads a decimal number at s[i:] (s[i] is a digit), saturating like
// C's strtol, and returns the value and the offset after it.
func strtol(s string, i int) (int64, int) {
	var v int64
	for ; i < len(s) && isDigit(s[i]); i++ {
		if v > (1<<63-1-9)/10 {
			v = 1<<63 - 1
			continue
		}
		v = v*10 + int64(s[i]-'0')
	}
	return v, i
}

const (
	nmapPortRange = "Ports must be between 0 and 65535 inclusive"
	nmapPortForm  = `An example of proper portlist form is "21-25,53,80"`
)

// parsePortList parses the value of a ports or sslports directive as
// ServiceProbe::setPortVector does (rule P8). s is the text after the
// keyword; nl reports whether the line ended with a newline, which nmap
// keeps in the buffer (so "80," at the end of a line is an error).
func parsePortList(s string, nl bool) ([]PortRange, *listError) {
	text := len(s)
	if nl {
		s += "\n"
	}
	at := func(i int) int { return min(i, text) }
	form := func(i int, msg string) *listError {
		return &listError{at(i), msg, nmapPortForm}
	}
	var out []PortRange
	i := 0
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		item := i
		if i >= len(s) || !isDigit(s[i]) {
			if i >= len(s) || s[i] == '\n' {
				return out, form(i, "bad port list: expected a port number before the end of the line")
			}
			return out, form(i, fmt.Sprintf("bad port list: expected a port number, found %q", s[i]))
		}
		lo, j := strtol(s, i)
		if lo > 65535 {
			return out, &listError{item, fmt.Sprintf("port %s out of range: ports are 0 to 65535", s[i:j]), nmapPortRange}
		}
		i = j
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		hi := lo
		switch {
		case i >= len(s) || s[i] == ',':
		case s[i] == '-':
			i++
			if i >= len(s) || !isDigit(s[i]) {
				return out, form(i, "bad port list: expected the number that ends the range after '-'")
			}
			var k int
			hi, k = strtol(s, i)
			if hi > 65535 {
				return out, &listError{i, fmt.Sprintf("port %s out of range: ports are 0 to 65535", s[i:k]), nmapPortRange}
			}
			if hi < lo {
				return out, &listError{item, fmt.Sprintf("port range %d-%d is backwards", lo, hi), nmapPortRange}
			}
			i = k
		default:
			return out, form(i, fmt.Sprintf("bad port list: unexpected %q after a port number", s[i]))
		}
		out = append(out, PortRange{uint16(lo), uint16(hi)})
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i < len(s) && s[i] != ',' {
			return out, form(i, fmt.Sprintf("bad port list: expected ',' before %q", s[i]))
		}
		if i < len(s) {
			i++
		}
		if i >= len(s) {
			return out, nil
		}
	}
}

// Range-type bits of nmap's getpts.
const (
	rtTCP = 1 << iota
	rtUDP
	rtSCTP
	rtProto
)

const nmapPortExample = `"-100,200-1024,T:3000-4000,U:60000-"`

// parseExclude parses an Exclude value with nmap's -p grammar (getpts_aux,
// rule P5). Unprefixed ports go to TCP and UDP, the protocols version
// detection scans. Service names and [] need nmap-services and are refused.
// dup reports whether some port was listed twice (nmap warns).
func parseExclude(s string, nl bool) (spec PortSpec, dup bool, err *listError) {
	text := len(s)
	if nl {
		s += "\n"
	}
	at := func(i int) int { return min(i, text) }
	illegal := func(i int, n int, msg string) *listError {
		return &listError{at(i), msg, fmt.Sprintf("Error #%d: Your port specifications are illegal.  Example of proper form: %s", n, nmapPortExample)}
	}
	var tcp, udp, sctp, proto []PortRange
	seen := make([]uint8, 65536) // port -> range-type bits seen (for the duplicate warning)
	rt := rtTCP | rtUDP
	i := 0
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i+1 < len(s) && s[i+1] == ':' {
			switch s[i] {
			case 'T':
				rt = rtTCP
			case 'U':
				rt = rtUDP
			case 'S':
				rt = rtSCTP
			case 'P':
				rt = rtProto
			default:
				return spec, dup, &listError{i, fmt.Sprintf("unknown protocol prefix %q: want T:, U:, S: or P:", s[i:i+2]),
					fmt.Sprintf("Error parsing port list: Unknown protocol specifier '%c'.", s[i])}
			}
			i += 2
			if i >= len(s) {
				break
			}
			continue
		}
		maxPort := int64(65535)
		what, nmapRange := "port", "Ports specified must be between 0 and 65535 inclusive"
		if rt&rtProto != 0 {
			maxPort, what, nmapRange = 255, "protocol", "Protocols specified must be between 0 and 255 inclusive"
		}
		item := i
		var lo int64
		switch {
		case i < len(s) && (s[i] == '[' || s[i] == ']'):
			if s[i] == ']' {
				return spec, dup, &listError{i, "unexpected ']'", "Unexpected ] character in port/protocol specification"}
			}
			return spec, dup, &listError{i, "[...] (ports listed in nmap-services) is not supported in Exclude; list the ports", ""}
		case i < len(s) && s[i] == '-':
			lo = 1
			if rt&rtProto != 0 {
				lo = 0
			}
		case i < len(s) && isDigit(s[i]):
			var j int
			lo, j = strtol(s, i)
			if lo > maxPort {
				return spec, dup, &listError{i, fmt.Sprintf("%s %s out of range: must be 0 to %d", what, s[i:j], maxPort), nmapRange}
			}
			i = j
			for i < len(s) && isSpace(s[i]) {
				i++
			}
		case i < len(s) && ('a' <= s[i] && s[i] <= 'z' || s[i] == '*' || s[i] == '?'):
			return spec, dup, &listError{i, "service names are not supported in Exclude (they need nmap-services); list the port numbers", ""}
		default:
			if i >= len(s) || s[i] == '\n' {
				return spec, dup, illegal(i, 485, "bad port list: expected a port or range before the end of the line")
			}
			return spec, dup, illegal(i, 485, fmt.Sprintf("bad port list: unexpected %q", s[i]))
		}
		hi := lo
		switch {
		case i >= len(s) || s[i] == ',' || s[i] == ']':
		case s[i] == '-':
			i++
			switch {
			case i >= len(s) || s[i] == ',' || s[i] == ']':
				hi = maxPort
			case isDigit(s[i]):
				var j int
				hi, j = strtol(s, i)
				if hi > maxPort {
					return spec, dup, &listError{i, fmt.Sprintf("%s %s out of range: must be 0 to %d", what, s[i:j], maxPort), nmapRange}
				}
				i = j
			default:
				return spec, dup, illegal(i, 486, "bad port list: expected the number that ends the range after '-'")
			}
			if hi < lo {
				return spec, dup, &listError{item, fmt.Sprintf("%s range %d-%d is backwards", what, lo, hi),
					fmt.Sprintf("Your %s range %d-%d is backwards. Did you mean %d-%d?", what, lo, hi, hi, lo)}
			}
		default:
			return spec, dup, illegal(i, 487, fmt.Sprintf("bad port list: unexpected %q after a port number", s[i]))
		}
		for p := int(lo); p <= int(hi); p++ {
			if seen[p]&uint8(rt) != 0 {
				dup = true
			}
			seen[p] |= uint8(rt)
		}
		r := PortRange{uint16(lo), uint16(hi)}
		if rt&rtTCP != 0 {
			tcp = append(tcp, r)
		}
		if rt&rtUDP != 0 {
			udp = append(udp, r)
		}
		if rt&rtSCTP != 0 {
			sctp = append(sctp, r)
		}
		if rt&rtProto != 0 {
			proto = append(proto, r)
		}
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i < len(s) && s[i] == ']' {
			return spec, dup, &listError{i, "unexpected ']'", "Unexpected ] character in port/protocol specification"}
		}
		if i < len(s) && s[i] != ',' {
			return spec, dup, illegal(i, 488, fmt.Sprintf("bad port list: expected ',' before %q", s[i]))
		}
		if i < len(s) {
			i++
		}
		if i >= len(s) {
			break
		}
	}
	spec.TCP, spec.UDP, spec.SCTP, spec.Proto = normalize(tcp), normalize(udp), normalize(sctp), normalize(proto)
	if len(spec.TCP)+len(spec.UDP)+len(spec.SCTP)+len(spec.Proto) == 0 {
		return spec, dup, &listError{0, "Exclude lists no ports", "No ports specified -- If you really don't want to scan any ports use ping scan..."}
	}
	return spec, dup, nil
}
