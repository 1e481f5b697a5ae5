//go:build linux

package rawnet

import (
	"fmt"

	"golang.org/x/sys/unix"
)

// ListenLink opens a link-layer socket (AF_PACKET) that reads, on every interface of the
// network namespace, the IPv4 packets (IPv6 when v6) a scan waits for: ICMP (ICMPv6) messages
// and TCP segments to port. It sees them as the device hands them to the stack, before the IP
// layer and its firewall: a host firewall that drops unsolicited TCP or ICMP (stateless rules
// in the input chain) hides answers from a raw IP socket, not from this one, as it does not
// from nmap's pcap. Packets this machine sends are left out. Read it with NewReader or Pump:
// each Packet has Src, Dst, TTL, Proto and Data from the transport header on. It cannot send.
func ListenLink(v6 bool, port uint16) (*Conn, error) {
	// Protocol 0 receives nothing until bound, so no packet gets in before the filter.
	fd, err := socket(unix.AF_PACKET, unix.SOCK_DGRAM, 0)
	if err != nil {
		return nil, err
	}
	c, err := newConn(fd, v6)
	if err != nil {
		return nil, err
	}
	c.link = true
	prog := linkFilter(v6, port)
	fprog := unix.SockFprog{Len: uint16(len(prog)), Filter: &prog[0]}
	ethType := uint16(unix.ETH_P_IP)
	if v6 {
		ethType = unix.ETH_P_IPV6
	}
	err = c.control(func(fd int) error {
		if err := unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fprog); err != nil {
			return fmt.Errorf("rawnet: link filter: %w", err)
		}
		receiveOptions(fd)
		if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(ethType)}); err != nil {
			return fmt.Errorf("rawnet: bind link socket: %w", err)
		}
		return nil
	})
	if err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// BPF ancillary load of the packet type (linux/filter.h SKF_AD_OFF + SKF_AD_PKTTYPE).
const skfAdPkttype = 0xfffff000 + 4

// linkFilter passes what ListenLink promises: not outgoing; ICMP (ICMPv6); TCP to port (IPv4:
// unfragmented or the first fragment's header; IPv6: TCP as the first next header). The filter
// of a SOCK_DGRAM packet socket sees the packet from its IP header on.
func linkFilter(v6 bool, port uint16) []unix.SockFilter {
	const (
		ld   = unix.BPF_LD | unix.BPF_ABS
		jeq  = unix.BPF_JMP | unix.BPF_JEQ | unix.BPF_K
		jset = unix.BPF_JMP | unix.BPF_JSET | unix.BPF_K
		pass = 0x40000
	)
	ret := func(k uint32) unix.SockFilter { return unix.SockFilter{Code: unix.BPF_RET | unix.BPF_K, K: k} }
	if v6 {
		return []unix.SockFilter{
			{Code: ld | unix.BPF_B, K: skfAdPkttype},           // 0
			{Code: jeq, K: unix.PACKET_OUTGOING, Jt: 6, Jf: 0}, // 1 → drop
			{Code: ld | unix.BPF_B, K: 6},                      // 2 next header
			{Code: jeq, K: unix.IPPROTO_ICMPV6, Jt: 3, Jf: 0},  // 3 → pass
			{Code: jeq, K: unix.IPPROTO_TCP, Jt: 0, Jf: 3},     // 4 → drop
			{Code: ld | unix.BPF_H, K: 40 + 2},                 // 5 TCP destination port
			{Code: jeq, K: uint32(port), Jt: 0, Jf: 1},         // 6
			ret(pass), // 7
			ret(0),    // 8
		}
	}
	return []unix.SockFilter{
		{Code: ld | unix.BPF_B, K: skfAdPkttype},               // 0
		{Code: jeq, K: unix.PACKET_OUTGOING, Jt: 9, Jf: 0},     // 1 → drop
		{Code: ld | unix.BPF_B, K: 9},                          // 2 protocol
		{Code: jeq, K: unix.IPPROTO_ICMP, Jt: 6, Jf: 0},        // 3 → pass
		{Code: jeq, K: unix.IPPROTO_TCP, Jt: 0, Jf: 6},         // 4 → drop
		{Code: ld | unix.BPF_H, K: 6},                          // 5 flags, fragment offset
		{Code: jset, K: 0x1fff, Jt: 4, Jf: 0},                  // 6 a later fragment → drop
		{Code: unix.BPF_LDX | unix.BPF_B | unix.BPF_MSH, K: 0}, // 7 x = header length
		{Code: unix.BPF_LD | unix.BPF_H | unix.BPF_IND, K: 2},  // 8 TCP destination port
		{Code: jeq, K: uint32(port), Jt: 0, Jf: 1},             // 9
		ret(pass), // 10
		ret(0),    // 11
	}
}

// FilterNone makes the socket receive nothing: a raw socket kept for sending only (the
// answers are read from a ListenLink socket) must not fill its receive queue.
func (c *Conn) FilterNone() error {
	prog := []unix.SockFilter{{Code: unix.BPF_RET | unix.BPF_K, K: 0}}
	fprog := unix.SockFprog{Len: 1, Filter: &prog[0]}
	return c.control(func(fd int) error {
		return unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fprog)
	})
}
