package rawnet

import (
	"bytes"
	"net"
	"net/netip"
	"slices"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/netnstest"
)

func TestMain(m *testing.M) { netnstest.Main(m) }

func TestTCPRoundTrip(t *testing.T) {
	src, dst := netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("10.0.0.2")
	in := TCP{SrcPort: 40000, DstPort: 443, Seq: 0x01020304, Ack: 0, Flags: SYN, Window: 1024, Options: []byte{2, 4, 5, 0xb4}}
	b := AppendTCP(nil, in, src, dst)
	if len(b) != 24 {
		t.Fatalf("len %d", len(b))
	}
	// The checksum over the pseudo-header and the segment is zero when correct.
	if c := Checksum(pseudoSum(src, dst, ProtoTCP, len(b)), b); c != 0 {
		t.Errorf("checksum does not verify: %#x", c)
	}
	out, err := ParseTCP(b)
	if err != nil || out.SrcPort != in.SrcPort || out.DstPort != in.DstPort || out.Seq != in.Seq || out.Flags != SYN ||
		out.Window != 1024 || !bytes.Equal(out.Options, in.Options) {
		t.Errorf("ParseTCP = %+v, %v", out, err)
	}
	// IPv6 pseudo-header.
	s6, d6 := netip.MustParseAddr("fd00::1"), netip.MustParseAddr("fd00::2")
	b6 := AppendTCP(nil, in, s6, d6)
	if c := Checksum(pseudoSum(s6, d6, ProtoTCP, len(b6)), b6); c != 0 {
		t.Errorf("IPv6 checksum does not verify: %#x", c)
	}
}

func TestChecksumRFC1071(t *testing.T) {
	// RFC 1071's example: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2, checksum 220d.
	if c := Checksum(0, []byte{0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7}); c != 0x220d {
		t.Errorf("checksum %#x, want 0x220d", c)
	}
}

func TestICMPAndQuote(t *testing.T) {
	// An ICMP port unreachable quoting a TCP SYN from 10.0.0.1:40000 to 10.0.0.2:80.
	syn := AppendTCP(nil, TCP{SrcPort: 40000, DstPort: 80, Seq: 7, Flags: SYN}, netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("10.0.0.2"))
	ip := []byte{0x45, 0, 0, 40, 0, 0, 0, 0, 64, ProtoTCP, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}
	quoted := append(ip, syn[:8]...)
	msg := AppendICMP(nil, ICMP{Type: ICMPUnreachable, Code: 3, Body: quoted})
	if Checksum(0, msg) != 0 {
		t.Error("ICMP checksum does not verify")
	}
	m, err := ParseICMP(msg)
	if err != nil || m.Type != ICMPUnreachable || m.Code != 3 {
		t.Fatalf("ParseICMP = %+v, %v", m, err)
	}
	q, err := ParseQuote(m.Body, false)
	if err != nil || q.Dst != netip.MustParseAddr("10.0.0.2") || q.Proto != ProtoTCP {
		t.Fatalf("ParseQuote = %+v, %v", q, err)
	}
	tcp, err := ParseTCP(q.Transport)
	if err != nil || tcp.SrcPort != 40000 || tcp.DstPort != 80 || tcp.Seq != 7 {
		t.Errorf("quoted TCP = %+v, %v", tcp, err)
	}
}

func TestARPAndNDP(t *testing.T) {
	mac := net.HardwareAddr{2, 0, 0, 0, 0, 1}
	a := ARP{Op: ARPRequest, SenderMAC: mac, SenderIP: netip.MustParseAddr("10.0.0.1"), TargetIP: netip.MustParseAddr("10.0.0.2")}
	b := AppendARP(nil, a)
	got, err := ParseARP(b)
	if err != nil || len(b) != 28 || got.Op != ARPRequest || got.SenderIP != a.SenderIP || got.TargetIP != a.TargetIP || !bytes.Equal(got.SenderMAC, mac) {
		t.Errorf("ParseARP = %+v, %v", got, err)
	}
	target := netip.MustParseAddr("fd00::1:2:3")
	if sn := SolicitedNode(target); sn != netip.MustParseAddr("ff02::1:ff02:3") {
		t.Errorf("SolicitedNode = %s", sn)
	}
	ns := AppendNeighborSolicitation(nil, target, mac)
	if len(ns) != 32 || ns[0] != ICMPv6NeighborSol {
		t.Errorf("NS = % x", ns)
	}
	// An advertisement is the same layout with type 136 and a target link-layer option.
	na := append([]byte{ICMPv6NeighborAdv, 0, 0, 0, 0x60, 0, 0, 0}, ns[8:24]...)
	na = append(na, ndpTargetLL, 1, 2, 0, 0, 0, 0, 9)
	adv, err := ParseNeighborAdvert(na)
	if err != nil || adv.Target != target || adv.MAC.String() != "02:00:00:00:00:09" {
		t.Errorf("ParseNeighborAdvert = %+v, %v", adv, err)
	}
}

// FuzzParse feeds arbitrary bytes to every decoder: none may panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte{0x45, 0, 0, 20, 0, 0, 0, 0, 64, 6, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8})
	f.Add(make([]byte, 48))
	f.Add([]byte{ICMPv6NeighborAdv, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = ParseTCP(b)
		if _, rest, err := ParseIPv4(b); err == nil && len(rest) > len(b) {
			t.Fatal("rest longer than input")
		}
		_, _, _ = ParseIPv6(b)
		if m, err := ParseICMP(b); err == nil {
			_, _ = ParseQuote(m.Body, false)
			_, _ = ParseQuote(m.Body, true)
		}
		_, _ = ParseARP(b)
		_, _ = ParseNeighborAdvert(b)
		for _, v6 := range []bool{false, true} {
			if p, err := parseLink(Packet{Data: b}, v6); err == nil && len(p.Data) > len(b) {
				t.Fatal("data longer than input")
			}
		}
	})
}

// TestLinkSocket: a link-layer socket reads the answers to SYNs a raw socket sends (not the
// SYNs themselves, nor anything to another port) with their IP header's fields; the raw
// socket, filtered to receive nothing, holds nothing; Pump.Sync hands the answers over.
func TestLinkSocket(t *testing.T) {
	if !netnstest.Fresh(t) {
		return
	}
	for _, lo := range []string{"127.0.0.1", "::1"} {
		addr := netip.MustParseAddr(lo)
		v6 := addr.Is6()
		ln, err := net.Listen("tcp", net.JoinHostPort(lo, "0"))
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		open := uint16(ln.Addr().(*net.TCPAddr).Port)
		sport, err := ReservePort(v6)
		if err != nil {
			t.Fatal(err)
		}
		defer sport.Release()
		raw, err := ListenIP(v6, ProtoTCP)
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		if err := raw.FilterNone(); err != nil {
			t.Fatal(err)
		}
		link, err := ListenLink(v6, sport.Number)
		if err != nil {
			t.Fatal(err)
		}
		var got []Packet
		pump := link.Pump(8, 256, func(p Packet) {
			p.Data = bytes.Clone(p.Data)
			got = append(got, p)
		})
		for _, port := range []uint16{open, open + 1} {
			pkt := AppendTCP(nil, TCP{SrcPort: sport.Number, DstPort: port, Seq: 1000, Flags: SYN, Window: 1024}, addr, addr)
			if err := raw.WriteTo(pkt, addr); err != nil {
				t.Fatal(err)
			}
		}
		// A connection between two other ports crosses the loopback too; it must not show.
		if c, err := net.Dial("tcp", ln.Addr().String()); err == nil {
			c.Close()
		}
		deadline := time.Now().Add(2 * time.Second)
		for {
			pump.Sync() // got is only touched under the pump's lock, so reading it here is safe
			if len(got) >= 2 || time.Now().After(deadline) {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		drops, derr := link.Drops()
		pump.Close()
		if len(got) != 2 {
			t.Fatalf("%s: %d packets, want the SYN-ACK and the RST: %+v", lo, len(got), got)
		}
		for i, want := range []uint8{SYN | ACK, RST | ACK} {
			p := got[i]
			h, err := ParseTCP(p.Data)
			if err != nil || p.Proto != ProtoTCP || p.Src != addr || p.Dst != addr || p.TTL != 64 || h.DstPort != sport.Number || h.Flags != want || h.Ack != 1001 {
				t.Errorf("%s packet %d: %+v %+v %v", lo, i, p, h, err)
			}
		}
		if pkts, err := raw.NewReader(8, 256).ReadNow(); err != nil || len(pkts) != 0 {
			t.Errorf("%s: the send-only raw socket read %d packets (%v)", lo, len(pkts), err)
		}
		if drops != 0 || derr != nil {
			t.Errorf("%s: drops %d, %v", lo, drops, derr)
		}
	}
}

// TestRawSYN sends SYNs over a raw socket in a fresh namespace: a listening port answers
// SYN-ACK, a closed one RST, both with TTL (hop limit) 64, on IPv4 and IPv6 loopback.
func TestRawSYN(t *testing.T) {
	if !netnstest.Fresh(t) {
		return
	}
	for _, lo := range []string{"127.0.0.1", "::1"} {
		addr := netip.MustParseAddr(lo)
		ln, err := net.Listen("tcp", net.JoinHostPort(lo, "0"))
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		open := uint16(ln.Addr().(*net.TCPAddr).Port)
		v6 := addr.Is6()
		sport, err := ReservePort(v6)
		if err != nil {
			t.Fatal(err)
		}
		defer sport.Release()
		c, err := ListenIP(v6, ProtoTCP)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if err := c.FilterTCPDstPort(sport.Number); err != nil {
			t.Fatal(err)
		}
		r, err := Lookup(addr)
		if err != nil || !r.Local || r.Src != addr {
			t.Fatalf("Lookup(%s) = %+v, %v", addr, r, err)
		}
		for _, tc := range []struct {
			port  uint16
			flags uint8
		}{{open, SYN | ACK}, {open + 1, RST | ACK}} {
			seq := uint32(0x5eed0000) + uint32(tc.port)
			pkt := AppendTCP(nil, TCP{SrcPort: sport.Number, DstPort: tc.port, Seq: seq, Flags: SYN, Window: 1024}, r.Src, addr)
			if err := c.WriteTo(pkt, addr); err != nil {
				t.Fatal(err)
			}
			_ = c.SetReadDeadline(time.Now().Add(2 * time.Second))
			buf := make([]byte, 1500)
			for {
				p, err := c.ReadPacket(buf)
				if err != nil {
					t.Fatalf("%s port %d: %v", lo, tc.port, err)
				}
				h, err := ParseTCP(p.Data)
				if err != nil {
					t.Fatal(err)
				}
				if h.DstPort != sport.Number {
					t.Fatalf("the filter let through a segment to port %d", h.DstPort)
				}
				if h.SrcPort != tc.port || h.Flags&SYN != 0 && h.Flags&ACK == 0 {
					continue
				}
				if h.Flags != tc.flags || h.Ack != seq+1 || p.TTL != 64 || p.Src != addr {
					t.Errorf("%s port %d: flags %#x ack %#x ttl %d src %s", lo, tc.port, h.Flags, h.Ack, p.TTL, p.Src)
				}
				break
			}
		}
	}
}

// TestUnreachableReason: the names nmap 7.93 gives ICMP errors, as it printed them for ports a
// firewall rejected with each type (nft reject with icmp/icmpv6 type ...).
func TestUnreachableReason(t *testing.T) {
	for _, tc := range []struct {
		v6   bool
		code uint8
		want string
	}{
		{false, 0, "net-unreach"}, {false, 1, "host-unreach"}, {false, 2, "proto-unreach"}, {false, 3, "port-unreach"},
		{false, 9, "net-prohibited"}, {false, 10, "host-prohibited"}, {false, 13, "admin-prohibited"},
		{true, 0, "no-route"}, {true, 1, "admin-prohibited"}, {true, 3, "host-unreach"}, {true, 4, "port-unreach"},
		{true, 5, "admin-prohibited"}, {true, 6, "reject-route"},
	} {
		if got := UnreachableReason(tc.v6, tc.code); got != tc.want {
			t.Errorf("v6=%v code %d: %q, want %q", tc.v6, tc.code, got, tc.want)
		}
	}
}

func TestWaiters(t *testing.T) {
	var ws Waiters[int]
	a := netip.MustParseAddr("::ffff:10.0.0.1")
	ws.Add(a, 1)
	ws.Add(netip.MustParseAddr("10.0.0.1"), 2)
	ws.Add(netip.MustParseAddr("fe80::1%eth0"), 3)
	var got []int
	ws.Each(netip.MustParseAddr("10.0.0.1"), func(w int) { got = append(got, w) })
	if !slices.Equal(got, []int{1, 2}) {
		t.Errorf("waiters of 10.0.0.1: %v", got)
	}
	got = nil
	ws.Each(netip.MustParseAddr("fe80::1"), func(w int) { got = append(got, w) })
	if !slices.Equal(got, []int{3}) {
		t.Errorf("waiters of fe80::1 (zone dropped): %v", got)
	}
	ws.Remove(a, 1)
	ws.Remove(a, 2)
	ws.Remove(a, 7) // not there: nothing happens
	if ws.Len() != 1 {
		t.Errorf("%d addresses after removing 10.0.0.1's waiters, want 1", ws.Len())
	}
}
