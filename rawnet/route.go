package rawnet

import (
	"fmt"
	"net"
	"net/netip"
)

// Route is how this machine reaches a destination.
type Route struct {
	Dst netip.Addr
	// Src is the source address the kernel uses toward Dst.
	Src netip.Addr
	// Iface is the interface that holds Src; nil when none does (Src is then a loopback
	// address or the lookup found no owner).
	Iface *net.Interface
	// OnLink says Dst is on a directly connected Ethernet segment of Iface: ARP (IPv4) or
	// neighbor discovery (IPv6) reach it.
	OnLink bool
	// Local says Dst is this machine: a loopback address or an address of one of its
	// interfaces.
	Local bool
}

// Lookup finds the route to dst without sending anything (a UDP socket is connected to dst,
// which makes the kernel choose the source address).
func Lookup(dst netip.Addr) (Route, error) {
	r := Route{Dst: dst}
	c, err := net.DialUDP("udp", nil, net.UDPAddrFromAddrPort(netip.AddrPortFrom(dst, 9)))
	if err != nil {
		return r, fmt.Errorf("rawnet: no route to %s: %w", dst, err)
	}
	r.Src = c.LocalAddr().(*net.UDPAddr).AddrPort().Addr().Unmap()
	c.Close()
	ifs, err := net.Interfaces()
	if err != nil {
		return r, err
	}
	bare := dst.WithZone("").Unmap()
	r.Local = bare.IsLoopback()
	for i := range ifs {
		ifi := &ifs[i]
		addrs, err := ifi.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			ipn, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			ip, ok := netip.AddrFromSlice(ipn.IP)
			if !ok {
				continue
			}
			ip = ip.Unmap()
			if ip == bare {
				r.Local = true
			}
			ones, _ := ipn.Mask.Size()
			pfx := netip.PrefixFrom(ip, ones).Masked()
			if ip != r.Src.WithZone("") {
				continue
			}
			r.Iface = ifi
			if len(ifi.HardwareAddr) == 6 && ifi.Flags&net.FlagUp != 0 && ifi.Flags&net.FlagLoopback == 0 && pfx.Contains(bare) {
				r.OnLink = true
			}
		}
	}
	if r.Local {
		r.OnLink = false
	}
	// An IPv6 link-local destination names its interface in its zone.
	if z := dst.Zone(); z != "" && dst.Is6() {
		if ifi, err := net.InterfaceByName(z); err == nil {
			r.Iface = ifi
			r.OnLink = !r.Local && len(ifi.HardwareAddr) == 6
		}
	}
	return r, nil
}
