package portspec

import (
	"iter"
	"slices"
	"strconv"
	"strings"
)

// Protocol is a transport protocol, numbered as in the IP header's protocol field. It is the
// one protocol type of signet: port lists, signature probes, targets and scanners use it.
type Protocol uint8

// The transport protocols signet knows.
const (
	TCP  Protocol = 6
	UDP  Protocol = 17
	SCTP Protocol = 132
)

// protos lists the protocols in the order nmap prints them.
var protos = [...]Protocol{TCP, UDP, SCTP}

// String returns "tcp", "udp" or "sctp" (nmap's output spelling), or "proto-N".
func (p Protocol) String() string {
	switch p {
	case TCP:
		return "tcp"
	case UDP:
		return "udp"
	case SCTP:
		return "sctp"
	}
	return "proto-" + strconv.Itoa(int(p))
}

// Upper returns "TCP", "UDP" or "SCTP", as signature files and fingerprints spell them.
func (p Protocol) Upper() string { return strings.ToUpper(p.String()) }

func (p Protocol) prefix() string {
	switch p {
	case TCP:
		return "T:"
	case UDP:
		return "U:"
	case SCTP:
		return "S:"
	}
	return ""
}

// index is p's position in protos, or -1.
func (p Protocol) index() int {
	for i, q := range protos {
		if q == p {
			return i
		}
	}
	return -1
}

// ParseProtocol returns the protocol called "tcp", "udp" or "sctp" (any case).
func ParseProtocol(s string) (Protocol, bool) {
	for _, q := range protos {
		if strings.EqualFold(s, q.String()) {
			return q, true
		}
	}
	return 0, false
}

// mask is a set of protocols: bit i stands for protos[i].
type mask uint8

const maskAll mask = 1<<len(protos) - 1

func (m mask) has(p Protocol) bool { i := p.index(); return i >= 0 && m&(1<<i) != 0 }

func maskOf(ps ...Protocol) mask {
	var m mask
	for _, p := range ps {
		if i := p.index(); i >= 0 {
			m |= 1 << i
		}
	}
	return m
}

// String returns the members joined by "|", e.g. "tcp|udp".
func (m mask) String() string {
	var parts []string
	for _, q := range protos {
		if m.has(q) {
			parts = append(parts, q.String())
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "|")
}

// Range is an inclusive range of ports.
type Range struct{ Lo, Hi uint16 }

// Set is a set of ports: ranges sorted by Lo, neither overlapping nor
// adjacent. The zero value is the empty set.
type Set []Range

// NewSet returns the set of the ports in rs, in any order and overlapping.
func NewSet(rs ...Range) Set {
	var out Set
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b Range) int { return int(a.Lo) - int(b.Lo) })
	for _, r := range rs {
		if r.Hi < r.Lo {
			r.Lo, r.Hi = r.Hi, r.Lo
		}
		if n := len(out); n > 0 && int(r.Lo) <= int(out[n-1].Hi)+1 {
			out[n-1].Hi = max(out[n-1].Hi, r.Hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

// SetOf returns the set of the given ports.
func SetOf(ports ...uint16) Set {
	rs := make([]Range, len(ports))
	for i, p := range ports {
		rs[i] = Range{p, p}
	}
	return NewSet(rs...)
}

// Len returns the number of ports in s.
func (s Set) Len() int {
	n := 0
	for _, r := range s {
		n += int(r.Hi) - int(r.Lo) + 1
	}
	return n
}

// Contains reports whether port is in s.
func (s Set) Contains(port uint16) bool {
	i, _ := slices.BinarySearchFunc(s, port, func(r Range, p uint16) int {
		if r.Hi < p {
			return -1
		}
		if r.Lo > p {
			return 1
		}
		return 0
	})
	return i < len(s) && s[i].Lo <= port && port <= s[i].Hi
}

// Union returns the ports in s or t.
func (s Set) Union(t Set) Set { return NewSet(append(slices.Clone(s), t...)...) }

// Intersect returns the ports in both s and t.
func (s Set) Intersect(t Set) Set {
	var out Set
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		lo, hi := max(s[i].Lo, t[j].Lo), min(s[i].Hi, t[j].Hi)
		if lo <= hi {
			out = append(out, Range{lo, hi})
		}
		if s[i].Hi < t[j].Hi {
			i++
		} else {
			j++
		}
	}
	return out
}

// Minus returns the ports in s that are not in t.
func (s Set) Minus(t Set) Set {
	var out Set
	j := 0
	for _, r := range s {
		lo := int(r.Lo)
		for j < len(t) && t[j].Hi < r.Lo {
			j++
		}
		for k := j; k < len(t) && int(t[k].Lo) <= int(r.Hi); k++ {
			if int(t[k].Lo) > lo {
				out = append(out, Range{uint16(lo), t[k].Lo - 1})
			}
			lo = int(t[k].Hi) + 1
		}
		if lo <= int(r.Hi) {
			out = append(out, Range{uint16(lo), r.Hi})
		}
	}
	return out
}

// All yields the ports of s in ascending order.
func (s Set) All() iter.Seq[uint16] {
	return func(yield func(uint16) bool) {
		for _, r := range s {
			for p := int(r.Lo); p <= int(r.Hi); p++ {
				if !yield(uint16(p)) {
					return
				}
			}
		}
	}
}

// String formats s in the -p grammar, e.g. "21-25,53,80" (as nmap's XML
// scaninfo prints it).
func (s Set) String() string {
	var b []byte
	for i, r := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendUint(b, uint64(r.Lo), 10)
		if r.Hi != r.Lo {
			b = append(b, '-')
			b = strconv.AppendUint(b, uint64(r.Hi), 10)
		}
	}
	return string(b)
}

// List is a port list: the ports of each protocol.
type List struct {
	TCP, UDP, SCTP Set
	// prefixed holds the protocols a T:, U: or S: prefix named (see Prefixed).
	prefixed mask
}

// Prefixed reports whether a T:, U: or S: prefix named p, so the caller can warn like nmap when
// p is not being scanned (`Your ports include "U:" but you haven't specified UDP scan`).
func (l List) Prefixed(p Protocol) bool { return l.prefixed.has(p) }

// Get returns the ports of one protocol.
func (l List) Get(p Protocol) Set {
	switch p {
	case TCP:
		return l.TCP
	case UDP:
		return l.UDP
	case SCTP:
		return l.SCTP
	}
	return nil
}

func (l *List) ptr(p Protocol) *Set {
	switch p {
	case TCP:
		return &l.TCP
	case UDP:
		return &l.UDP
	case SCTP:
		return &l.SCTP
	}
	return nil
}

// Only returns the list restricted to the protocols being scanned.
func (l List) Only(ps ...Protocol) List {
	m := maskOf(ps...)
	var out List
	for _, q := range protos {
		if m.has(q) {
			*out.ptr(q) = l.Get(q)
		}
	}
	out.prefixed = l.prefixed & m
	return out
}

// Len returns the number of (port, protocol) pairs in l.
func (l List) Len() int { return l.TCP.Len() + l.UDP.Len() + l.SCTP.Len() }

// Empty reports whether l has no ports.
func (l List) Empty() bool { return len(l.TCP) == 0 && len(l.UDP) == 0 && len(l.SCTP) == 0 }

// Minus returns l without the ports of x, protocol by protocol (as nmap's
// --exclude-ports and the Exclude directive of P5 remove ports).
func (l List) Minus(x List) List {
	out := l
	for _, q := range protos {
		*out.ptr(q) = l.Get(q).Minus(x.Get(q))
	}
	return out
}

// Intersect returns the ports in both l and x, protocol by protocol.
func (l List) Intersect(x List) List {
	out := l
	for _, q := range protos {
		*out.ptr(q) = l.Get(q).Intersect(x.Get(q))
	}
	return out
}

// String formats l in the -p grammar with prefixes, e.g. "T:22,80,U:53".
// Parse(l.String()) gives back l's ports.
func (l List) String() string {
	var parts []string
	for _, q := range protos {
		if s := l.Get(q); len(s) > 0 {
			parts = append(parts, q.prefix()+s.String())
		}
	}
	return strings.Join(parts, ",")
}
