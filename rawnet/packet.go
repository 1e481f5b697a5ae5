package rawnet

import (
	"encoding/binary"
	"errors"
	"net"
	"net/netip"
)

// IP protocol numbers.
const (
	ProtoICMP   = 1
	ProtoTCP    = 6
	ProtoUDP    = 17
	ProtoICMPv6 = 58
)

// TCP flags.
const (
	FIN = 1 << iota
	SYN
	RST
	PSH
	ACK
	URG
)

var (
	errShort  = errors.New("rawnet: packet too short")
	errHeader = errors.New("rawnet: bad header")
)

// Checksum is the Internet checksum (RFC 1071) of the data, starting from the partial sum sum.
func Checksum(sum uint32, data []byte) uint16 {
	for len(data) >= 2 {
		sum += uint32(data[0])<<8 | uint32(data[1])
		data = data[2:]
	}
	if len(data) == 1 {
		sum += uint32(data[0]) << 8
	}
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}

// pseudoSum is the partial checksum of the IPv4 or IPv6 pseudo-header.
func pseudoSum(src, dst netip.Addr, proto uint8, length int) uint32 {
	var sum uint32
	add := func(b []byte) {
		for i := 0; i+1 < len(b); i += 2 {
			sum += uint32(b[i])<<8 | uint32(b[i+1])
		}
	}
	if src.Is4() {
		s, d := src.As4(), dst.As4()
		add(s[:])
		add(d[:])
	} else {
		s, d := src.As16(), dst.As16()
		add(s[:])
		add(d[:])
	}
	sum += uint32(proto) + uint32(length)
	return sum
}

// TCP is the part of a TCP header a scanner writes or reads.
type TCP struct {
	SrcPort, DstPort uint16
	Seq, Ack         uint32
	Flags            uint8
	Window           uint16
	// Options are the raw option bytes (a multiple of 4 long when writing).
	Options []byte
}

// AppendTCP appends t as a segment without payload from src to dst, checksum included.
func AppendTCP(b []byte, t TCP, src, dst netip.Addr) []byte {
	start := len(b)
	hlen := 20 + len(t.Options)
	b = binary.BigEndian.AppendUint16(b, t.SrcPort)
	b = binary.BigEndian.AppendUint16(b, t.DstPort)
	b = binary.BigEndian.AppendUint32(b, t.Seq)
	b = binary.BigEndian.AppendUint32(b, t.Ack)
	b = append(b, byte(hlen/4)<<4, t.Flags)
	b = binary.BigEndian.AppendUint16(b, t.Window)
	b = append(b, 0, 0, 0, 0) // checksum, urgent pointer
	b = append(b, t.Options...)
	seg := b[start:]
	binary.BigEndian.PutUint16(seg[16:], Checksum(pseudoSum(src, dst, ProtoTCP, len(seg)), seg))
	return b
}

// ParseTCP reads a TCP header. A quoted header (in an ICMP error) may be only 8 bytes long:
// then the ports and Seq are set and the rest is zero.
func ParseTCP(b []byte) (TCP, error) {
	if len(b) < 8 {
		return TCP{}, errShort
	}
	t := TCP{SrcPort: binary.BigEndian.Uint16(b), DstPort: binary.BigEndian.Uint16(b[2:]), Seq: binary.BigEndian.Uint32(b[4:])}
	if len(b) < 20 {
		return t, nil
	}
	t.Ack = binary.BigEndian.Uint32(b[8:])
	t.Flags = b[13] & 0x3f
	t.Window = binary.BigEndian.Uint16(b[14:])
	if off := int(b[12]>>4) * 4; off > 20 && off <= len(b) {
		t.Options = b[20:off]
	}
	return t, nil
}

// IPv4 is the part of an IPv4 header a scanner reads.
type IPv4 struct {
	Src, Dst netip.Addr
	TTL      uint8
	Proto    uint8
}

// ParseIPv4 reads an IPv4 header and returns it with the rest of the packet (bounded by the
// header's total length when that is shorter than b).
func ParseIPv4(b []byte) (IPv4, []byte, error) {
	if len(b) < 20 {
		return IPv4{}, nil, errShort
	}
	if b[0]>>4 != 4 {
		return IPv4{}, nil, errHeader
	}
	ihl := int(b[0]&0xf) * 4
	if ihl < 20 || ihl > len(b) {
		return IPv4{}, nil, errHeader
	}
	h := IPv4{Src: netip.AddrFrom4([4]byte(b[12:16])), Dst: netip.AddrFrom4([4]byte(b[16:20])), TTL: b[8], Proto: b[9]}
	end := len(b)
	if tl := int(binary.BigEndian.Uint16(b[2:])); tl >= ihl && tl < end {
		end = tl
	}
	return h, b[ihl:end], nil
}

// IPv6 is the part of an IPv6 header a scanner reads.
type IPv6 struct {
	Src, Dst   netip.Addr
	HopLimit   uint8
	NextHeader uint8
}

// ParseIPv6 reads a fixed IPv6 header (extension headers are not followed) and returns it
// with the rest of the packet.
func ParseIPv6(b []byte) (IPv6, []byte, error) {
	if len(b) < 40 {
		return IPv6{}, nil, errShort
	}
	if b[0]>>4 != 6 {
		return IPv6{}, nil, errHeader
	}
	h := IPv6{Src: netip.AddrFrom16([16]byte(b[8:24])), Dst: netip.AddrFrom16([16]byte(b[24:40])), HopLimit: b[7], NextHeader: b[6]}
	rest := b[40:]
	if pl := int(binary.BigEndian.Uint16(b[4:])); pl < len(rest) {
		rest = rest[:pl]
	}
	return h, rest, nil
}

// ICMP types used by scans.
const (
	ICMPEchoReply      = 0
	ICMPUnreachable    = 3
	ICMPEcho           = 8
	ICMPTimeExceeded   = 11
	ICMPTimestamp      = 13
	ICMPTimestampReply = 14

	ICMPv6Unreachable  = 1
	ICMPv6TimeExceeded = 3
	ICMPv6Echo         = 128
	ICMPv6EchoReply    = 129
	ICMPv6NeighborSol  = 135
	ICMPv6NeighborAdv  = 136
)

// ICMP is an ICMP or ICMPv6 message: type, code, the 4 bytes after the checksum (identifier and
// sequence number of echo and timestamp messages) and the body after them.
type ICMP struct {
	Type, Code uint8
	ID, Seq    uint16
	Body       []byte
}

// AppendICMP appends m with its ICMPv4 checksum. (The kernel computes ICMPv6 checksums.)
func AppendICMP(b []byte, m ICMP) []byte {
	start := len(b)
	b = append(b, m.Type, m.Code, 0, 0)
	b = binary.BigEndian.AppendUint16(b, m.ID)
	b = binary.BigEndian.AppendUint16(b, m.Seq)
	b = append(b, m.Body...)
	binary.BigEndian.PutUint16(b[start+2:], Checksum(0, b[start:]))
	return b
}

// ParseICMP reads an ICMP or ICMPv6 message.
func ParseICMP(b []byte) (ICMP, error) {
	if len(b) < 8 {
		return ICMP{}, errShort
	}
	return ICMP{Type: b[0], Code: b[1], ID: binary.BigEndian.Uint16(b[4:]), Seq: binary.BigEndian.Uint16(b[6:]), Body: b[8:]}, nil
}

// Quote is what an ICMP error says about the packet that caused it.
type Quote struct {
	Src, Dst netip.Addr
	Proto    uint8
	// Transport is the start of the quoted transport header (at least 8 bytes).
	Transport []byte
}

// ParseQuote reads the packet quoted in the body of an ICMP (v6 false) or ICMPv6 (v6 true)
// error message.
func ParseQuote(body []byte, v6 bool) (Quote, error) {
	var q Quote
	var rest []byte
	if v6 {
		h, r, err := ParseIPv6(body)
		if err != nil {
			return q, err
		}
		q.Src, q.Dst, q.Proto, rest = h.Src, h.Dst, h.NextHeader, r
	} else {
		h, r, err := ParseIPv4(body)
		if err != nil {
			return q, err
		}
		q.Src, q.Dst, q.Proto, rest = h.Src, h.Dst, h.Proto, r
	}
	if len(rest) < 8 {
		return q, errShort
	}
	q.Transport = rest
	return q, nil
}

// ARP operations.
const (
	ARPRequest = 1
	ARPReply   = 2
)

// ARP is an Ethernet/IPv4 ARP message.
type ARP struct {
	Op                   uint16
	SenderMAC, TargetMAC net.HardwareAddr
	SenderIP, TargetIP   netip.Addr
}

// AppendARP appends a as an Ethernet/IPv4 ARP message (28 bytes).
func AppendARP(b []byte, a ARP) []byte {
	b = append(b, 0, 1, 0x08, 0x00, 6, 4)
	b = binary.BigEndian.AppendUint16(b, a.Op)
	b = appendMAC(b, a.SenderMAC)
	s := a.SenderIP.As4()
	b = append(b, s[:]...)
	b = appendMAC(b, a.TargetMAC)
	t := a.TargetIP.As4()
	return append(b, t[:]...)
}

func appendMAC(b []byte, m net.HardwareAddr) []byte {
	var z [6]byte
	copy(z[:], m)
	return append(b, z[:]...)
}

// ParseARP reads an Ethernet/IPv4 ARP message.
func ParseARP(b []byte) (ARP, error) {
	if len(b) < 28 {
		return ARP{}, errShort
	}
	if binary.BigEndian.Uint16(b) != 1 || binary.BigEndian.Uint16(b[2:]) != 0x0800 || b[4] != 6 || b[5] != 4 {
		return ARP{}, errHeader
	}
	return ARP{
		Op:        binary.BigEndian.Uint16(b[6:]),
		SenderMAC: net.HardwareAddr(append([]byte(nil), b[8:14]...)),
		SenderIP:  netip.AddrFrom4([4]byte(b[14:18])),
		TargetMAC: net.HardwareAddr(append([]byte(nil), b[18:24]...)),
		TargetIP:  netip.AddrFrom4([4]byte(b[24:28])),
	}, nil
}

// NDP option types.
const (
	ndpSourceLL = 1
	ndpTargetLL = 2
)

// AppendNeighborSolicitation appends an ICMPv6 neighbor solicitation for target, with the
// sender's link-layer address as option (checksum left to the kernel).
func AppendNeighborSolicitation(b []byte, target netip.Addr, mac net.HardwareAddr) []byte {
	b = append(b, ICMPv6NeighborSol, 0, 0, 0, 0, 0, 0, 0)
	t := target.As16()
	b = append(b, t[:]...)
	if len(mac) == 6 {
		b = append(b, ndpSourceLL, 1)
		b = append(b, mac...)
	}
	return b
}

// NeighborAdvert is what an ICMPv6 neighbor advertisement says.
type NeighborAdvert struct {
	Target netip.Addr
	MAC    net.HardwareAddr // the target link-layer address option; nil when absent
}

// ParseNeighborAdvert reads an ICMPv6 neighbor advertisement (the whole ICMPv6 message).
func ParseNeighborAdvert(b []byte) (NeighborAdvert, error) {
	if len(b) < 24 {
		return NeighborAdvert{}, errShort
	}
	if b[0] != ICMPv6NeighborAdv {
		return NeighborAdvert{}, errHeader
	}
	na := NeighborAdvert{Target: netip.AddrFrom16([16]byte(b[8:24]))}
	for opts := b[24:]; len(opts) >= 8; {
		n := int(opts[1]) * 8
		if n == 0 || n > len(opts) {
			break
		}
		if opts[0] == ndpTargetLL && n >= 8 {
			na.MAC = net.HardwareAddr(append([]byte(nil), opts[2:8]...))
		}
		opts = opts[n:]
	}
	return na, nil
}

// SolicitedNode is the solicited-node multicast address of a (RFC 4291 2.7.1).
func SolicitedNode(a netip.Addr) netip.Addr {
	b := a.As16()
	return netip.AddrFrom16([16]byte{0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0xff, b[13], b[14], b[15]})
}

// UnreachableReason is nmap's name (the reason of a port or host state) for an ICMP (v6
// false) or ICMPv6 destination-unreachable code.
func UnreachableReason(v6 bool, code uint8) string {
	if v6 {
		switch code {
		case 0:
			return "no-route"
		case 1, 5: // administratively prohibited; source address failed policy
			return "admin-prohibited"
		case 2:
			return "beyond-scope"
		case 4:
			return "port-unreach"
		case 6:
			return "reject-route"
		}
		return "host-unreach" // 3: address unreachable
	}
	switch code {
	case 0, 6, 11: // network unreachable, unknown, unreachable for the TOS
		return "net-unreach"
	case 2:
		return "proto-unreach"
	case 3:
		return "port-unreach"
	case 9:
		return "net-prohibited"
	case 10:
		return "host-prohibited"
	case 13, 14, 15: // communication, host precedence, precedence cut-off prohibited
		return "admin-prohibited"
	}
	return "host-unreach"
}
