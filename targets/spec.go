package targets

import (
	"fmt"
	"math/bits"
	"net/netip"
	"strconv"
	"strings"
)

// MinIPv6Prefix is the shortest IPv6 prefix accepted: /96 is 2^32
// addresses, as many as all of IPv4 (0.0.0.0/0, which nmap accepts). Longer
// IPv6 scans are refused rather than left to run for ever.
const MinIPv6Prefix = 96

// Error is a bad target, or one that could not be resolved. Pos is
// "FILE:LINE" for targets read from a list, "" for command-line ones.
type Error struct {
	Pos   string
	Token string
	Msg   string
	Err   error // the resolver's error, for failed look-ups
}

func (e *Error) Error() string {
	pos := ""
	if e.Pos != "" {
		pos = e.Pos + ": "
	}
	if e.Err != nil {
		return fmt.Sprintf("%sfailed to resolve %q: %v", pos, e.Token, e.Err)
	}
	return fmt.Sprintf("%sbad target %q: %s", pos, e.Token, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }

type kind uint8

const (
	kindAddr   kind = iota // one address
	kindPrefix             // CIDR block
	kindRanges             // IPv4 octet ranges, e.g. 10.0-1.*.1-20
	kindHost               // host name, resolved when iterated
)

// octets is the set of values one IPv4 octet takes, as a 256-bit bitset.
type octets [4]uint64

func (o *octets) set(lo, hi int) {
	for v := lo; v <= hi; v++ {
		o[v>>6] |= 1 << (v & 63)
	}
}

func (o *octets) has(v byte) bool { return o[v>>6]&(1<<(v&63)) != 0 }

func (o *octets) count() int {
	return bits.OnesCount64(o[0]) + bits.OnesCount64(o[1]) + bits.OnesCount64(o[2]) + bits.OnesCount64(o[3])
}

// Spec is one parsed target token. Parse makes it; it names addresses
// without resolving anything.
type Spec struct {
	text   string
	kind   kind
	addr   netip.Addr   // kindAddr
	prefix netip.Prefix // kindPrefix
	oct    [4]octets    // kindRanges
	host   string       // kindHost
	bits   int          // kindHost: netmask after the name, -1 if none
	port   int          // host:port: the port, else -1
}

// String returns the token the spec was parsed from.
func (s *Spec) String() string { return s.text }

// HasPort reports whether the token was host:port.
func (s *Spec) HasPort() bool { return s.port >= 0 }

// Parse reads one target token in nmap's grammar, plus host:port:
//
//	192.168.0.1  2001:db8::1  ::1          addresses (IPv6 zones allowed: fe80::1%eth0)
//	10.0.0.0/24  fe80::/120                CIDR blocks (IPv6 no shorter than MinIPv6Prefix)
//	10.0.0.1-20  192.168.1-3.1-254         octet ranges: a-b, a-, -b, *, lists a,b,c
//	10.0.0.*     10.0-1.*.1  10.0.0.1-5/30 (a netmask after ranges widens them, like nmap)
//	scanme.example.org  host/24            host names, resolved when iterated
//	1.2.3.4:80  [2001:db8::1]:443  host:8080   one TCP port of one target
//
// Unlike nmap, a token that is not an address, a range or a valid host
// name is refused here with the reason ("10.0.0.300": octet 300 out of
// range) instead of failing later as an unresolvable name.
func Parse(token string) (*Spec, error) {
	s := &Spec{text: token, port: -1, bits: -1}
	if err := s.parse(token); err != nil {
		return nil, &Error{Token: token, Msg: err.Error()}
	}
	return s, nil
}

func (s *Spec) parse(tok string) error {
	if tok == "" {
		return fmt.Errorf("empty")
	}
	host := tok
	switch {
	case tok[0] == '[':
		end := strings.IndexByte(tok, ']')
		if end < 0 {
			return fmt.Errorf("missing \"]\"")
		}
		host = tok[1:end]
		if rest := tok[end+1:]; rest != "" {
			ps, ok := strings.CutPrefix(rest, ":")
			if !ok {
				return fmt.Errorf("want [address]:port")
			}
			if err := s.parsePort(ps); err != nil {
				return err
			}
		}
		if host == "" {
			return fmt.Errorf("empty address in brackets")
		}
	case strings.Count(tok, ":") == 1:
		h, ps, _ := strings.Cut(tok, ":")
		if h == "" {
			return fmt.Errorf("no host before the port")
		}
		if err := s.parsePort(ps); err != nil {
			return err
		}
		host = h
	}
	if i := strings.LastIndexByte(host, '/'); i >= 0 {
		b, err := strconv.Atoi(host[i+1:])
		if err != nil || host[i+1:] == "" || host[i+1] == '+' || host[i+1] == '-' {
			return fmt.Errorf("bad netmask %q", host[i:])
		}
		host = host[:i]
		s.bits = b
		if b < 0 || b > 128 {
			return fmt.Errorf("netmask /%d out of range", b)
		}
	}
	switch {
	case host == "":
		return fmt.Errorf("no address before the netmask")
	case strings.Contains(host, ":"):
		return s.parseIPv6(host)
	case strings.Trim(host, "0123456789.*,-") == "":
		return s.parseIPv4(host)
	default:
		return s.parseHost(host)
	}
}

func (s *Spec) parsePort(ps string) error {
	if ps == "" {
		return fmt.Errorf("no port after \":\"")
	}
	n, err := strconv.ParseUint(ps, 10, 16)
	if err != nil || ps[0] == '+' {
		// ParseUint reports the range as soon as the digits overflow,
		// before it sees what follows them ("100000\n").
		if e, ok := err.(*strconv.NumError); ok && e.Err == strconv.ErrRange && strings.Trim(ps, "0123456789") == "" {
			return fmt.Errorf("port %s out of range 0-65535", ps)
		}
		return fmt.Errorf("bad port %q", ps)
	}
	s.port = int(n)
	return nil
}

func (s *Spec) parseIPv6(host string) error {
	a, err := netip.ParseAddr(host)
	if err != nil || !a.Is6() {
		return fmt.Errorf("not an IPv6 address")
	}
	if s.bits < 0 {
		s.kind, s.addr = kindAddr, a
		return nil
	}
	if a.Zone() != "" {
		return fmt.Errorf("an IPv6 zone cannot take a netmask")
	}
	if s.bits < MinIPv6Prefix {
		return fmt.Errorf("IPv6 /%d is 2^%d addresses; the largest block allowed is /%d", s.bits, 128-s.bits, MinIPv6Prefix)
	}
	s.kind, s.prefix = kindPrefix, netip.PrefixFrom(a, s.bits).Masked()
	return nil
}

// parseIPv4 reads four dot-separated octets, each a comma-separated list of
// n, a-b, a- (to 255), -b (from 0), - or * (0-255), as nmap's
// parse_ipv4_ranges does.
func (s *Spec) parseIPv4(host string) error {
	parts := strings.Split(host, ".")
	if len(parts) != 4 {
		return fmt.Errorf("an IPv4 address has 4 octets, not %d", len(parts))
	}
	single := true
	var v4 [4]byte
	for i, p := range parts {
		if p == "" {
			return fmt.Errorf("octet %d is empty", i+1)
		}
		for _, item := range strings.Split(p, ",") {
			lo, hi, err := octetRange(item)
			if err != nil {
				return err
			}
			s.oct[i].set(lo, hi)
		}
		if s.oct[i].count() != 1 {
			single = false
		} else {
			for v := 0; v < 256; v++ {
				if s.oct[i].has(byte(v)) {
					v4[i] = byte(v)
				}
			}
		}
	}
	if s.bits > 32 {
		return fmt.Errorf("netmask /%d out of range 0-32", s.bits)
	}
	if single {
		a := netip.AddrFrom4(v4)
		if s.bits < 0 {
			s.kind, s.addr = kindAddr, a
		} else {
			s.kind, s.prefix = kindPrefix, netip.PrefixFrom(a, s.bits).Masked()
		}
		return nil
	}
	s.kind = kindRanges
	if s.bits >= 0 {
		s.applyNetmask(s.bits)
	}
	return nil
}

func octetRange(item string) (lo, hi int, err error) {
	num := func(t string) (int, error) {
		if t == "" || strings.Trim(t, "0123456789") != "" {
			return 0, fmt.Errorf("bad octet %q", item)
		}
		digits := strings.TrimLeft(t, "0")
		if len(digits) > 3 {
			return 0, fmt.Errorf("octet %s out of range", t)
		}
		n, _ := strconv.Atoi("0" + digits)
		if n > 255 {
			return 0, fmt.Errorf("octet %d out of range", n)
		}
		return n, nil
	}
	switch {
	case item == "*" || item == "-":
		return 0, 255, nil
	case item == "":
		return 0, 0, fmt.Errorf("empty item in an octet list")
	}
	a, b, isRange := strings.Cut(item, "-")
	if !isRange {
		lo, err = num(a)
		return lo, lo, err
	}
	lo, hi = 0, 255
	if a != "" {
		if lo, err = num(a); err != nil {
			return
		}
	}
	if b != "" {
		if hi, err = num(b); err != nil {
			return
		}
	}
	if hi < lo {
		return 0, 0, fmt.Errorf("octet range %s is backwards", item)
	}
	return lo, hi, nil
}

// applyNetmask widens octet ranges by a netmask, as nmap's
// NetBlockIPv4Ranges::apply_netmask: 10.0.0.1-5/30 is 10.0.0.0-7.
func (s *Spec) applyNetmask(nbits int) {
	mask := ^uint32(0) << (32 - nbits)
	if nbits == 0 {
		mask = 0
	}
	for i := range s.oct {
		m := byte(mask >> (24 - 8*i))
		if m == 0xff {
			continue
		}
		var out octets
		for v := 0; v < 256; v++ {
			if s.oct[i].has(byte(v)) {
				base := byte(v) & m
				for x := 0; x < 256; x++ {
					if byte(x)&m == base {
						out.set(x, x)
					}
				}
			}
		}
		s.oct[i] = out
	}
}

func (s *Spec) parseHost(host string) error {
	name := strings.TrimSuffix(host, ".")
	if len(name) > 253 {
		return fmt.Errorf("host name longer than 253 bytes")
	}
	for _, label := range strings.Split(name, ".") {
		if label == "" {
			return fmt.Errorf("empty label in host name")
		}
		if len(label) > 63 {
			return fmt.Errorf("host name label longer than 63 bytes")
		}
		if label[0] == '-' || label[len(label)-1] == '-' {
			return fmt.Errorf("host name label %q starts or ends with \"-\"", label)
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
				return fmt.Errorf("not an address, a range or a host name (%q)", c)
			}
		}
	}
	if s.bits > 128 {
		return fmt.Errorf("netmask /%d out of range", s.bits)
	}
	s.kind, s.host = kindHost, host
	return nil
}

// Contains reports whether the spec names addr (host names never do until
// resolved; see List). Zones are ignored.
func (s *Spec) contains(a netip.Addr) bool {
	a = a.WithZone("")
	switch s.kind {
	case kindAddr:
		return s.addr.WithZone("") == a
	case kindPrefix:
		return s.prefix.Contains(a)
	case kindRanges:
		if !a.Is4() {
			return false
		}
		b := a.As4()
		return s.oct[0].has(b[0]) && s.oct[1].has(b[1]) && s.oct[2].has(b[2]) && s.oct[3].has(b[3])
	}
	return false
}

// Count returns how many addresses a literal spec names (host names: 1).
func (s *Spec) Count() uint64 {
	switch s.kind {
	case kindPrefix:
		return 1 << (s.prefix.Addr().BitLen() - s.prefix.Bits())
	case kindRanges:
		n := uint64(1)
		for i := range s.oct {
			n *= uint64(s.oct[i].count())
		}
		return n
	}
	return 1
}

// each yields the addresses of a literal spec in ascending order, last
// octet fastest; it stops when yield returns false and reports whether it
// ran to the end.
func (s *Spec) each(yield func(netip.Addr) bool) bool {
	switch s.kind {
	case kindAddr:
		return yield(s.addr)
	case kindPrefix:
		return eachPrefix(s.prefix, yield)
	case kindRanges:
		var b [4]byte
		var rec func(i int) bool
		rec = func(i int) bool {
			if i == 4 {
				return yield(netip.AddrFrom4(b))
			}
			for v := 0; v < 256; v++ {
				if s.oct[i].has(byte(v)) {
					b[i] = byte(v)
					if !rec(i + 1) {
						return false
					}
				}
			}
			return true
		}
		return rec(0)
	}
	return true
}

func eachPrefix(p netip.Prefix, yield func(netip.Addr) bool) bool {
	p = p.Masked()
	for a := p.Addr(); a.IsValid() && p.Contains(a); a = a.Next() {
		if !yield(a) {
			return false
		}
	}
	return true
}
