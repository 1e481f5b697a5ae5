package portscan

import (
	"bytes"
	"fmt"
	"net"
	"net/netip"
	"testing"
	"time"
)

// udpServer answers every datagram with "got N <payload>" (answer=true) or stays silent.
func udpServer(t testing.TB, pc net.PacketConn, answer bool) {
	t.Cleanup(func() { pc.Close() })
	go func() {
		buf := make([]byte, 2048)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			if answer {
				pc.WriteTo(append([]byte(fmt.Sprintf("got %d ", n)), buf[:n]...), from)
			}
		}
	}()
}

func listenUDP(t testing.TB, addr string, answer bool) uint16 {
	t.Helper()
	pc, err := net.ListenPacket("udp", addr)
	if err != nil {
		t.Fatal(err)
	}
	udpServer(t, pc, answer)
	return uint16(pc.LocalAddr().(*net.UDPAddr).Port)
}

// TestUDPStates: a replying service is open (and its reply kept), a silent one open|filtered,
// a port without a socket closed (ICMP port unreachable → ECONNREFUSED), on IPv4 and IPv6.
func TestUDPStates(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	for _, host := range []string{"127.0.0.1", "::1"} {
		addr := netip.MustParseAddr(host)
		answering := listenUDP(t, net.JoinHostPort(host, "53"), true)
		silent := listenUDP(t, net.JoinHostPort(host, "0"), false)
		echo := listenUDP(t, net.JoinHostPort(host, "0"), true)
		ports := []uint16{answering, silent, echo}
		for p := uint16(1000); p < 1020; p++ {
			ports = append(ports, p)
		}
		s := New(Options{Timing: fastTiming()})
		start := time.Now()
		got, hosts := collect(t, s, UDP, target{Addr: addr, Ports: ports})
		t.Logf("%s: %d UDP ports in %v: %+v", host, len(ports), time.Since(start), hosts[0].counts)
		dns := wantPort(t, got, addr, answering, Open, ReasonUDPResponse)
		if want := append([]byte(fmt.Sprintf("got %d ", len(BuiltinPayloads[53][0]))), BuiltinPayloads[53][0]...); !bytes.Equal(dns.Reply, want) {
			t.Errorf("port 53 reply %q, want %q", dns.Reply, want)
		}
		if e := wantPort(t, got, addr, echo, Open, ReasonUDPResponse); string(e.Reply) != "got 0 " {
			t.Errorf("default payload: reply %q, want an empty datagram's answer", e.Reply)
		}
		if pr := wantPort(t, got, addr, silent, OpenFiltered, ReasonNoResponse); pr.Tries != 2 {
			t.Errorf("silent port: %d tries, want 2", pr.Tries)
		}
		for p := uint16(1000); p < 1020; p++ {
			wantPort(t, got, addr, p, Closed, ReasonPortUnreach)
		}
		if h := hosts[0]; h.Count(Closed) != 20 || h.Count(Open) != 2 || h.Count(OpenFiltered) != 1 {
			t.Errorf("summary %+v", h)
		}
	}
}

// TestUDPICMPRateLimit scans a host in a second namespace over a veth pair, where Linux limits
// ICMP errors per destination (net.ipv4.icmp_ratelimit: a burst of 6, then 1 per second; on
// loopback there is no per-destination limit). Every closed port must still be found: answers
// that arrive only on retries raise the host's scan delay towards 1 s per probe.
func TestUDPICMPRateLimit(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	if testing.Short() {
		t.Skip("takes ~30 s") // skip-ok: CI does not run -short
	}
	b := namedNetns(t)
	sh(t, "ip", "link", "add", "sgua", "type", "veth", "peer", "name", "sgub", "netns", b)
	sh(t, "ip", "addr", "add", "10.77.0.1/24", "dev", "sgua")
	sh(t, "ip", "link", "set", "sgua", "up")
	sh(t, "ip", "-n", b, "addr", "add", "10.77.0.2/24", "dev", "sgub")
	sh(t, "ip", "-n", b, "link", "set", "sgub", "up")

	var answering, silent uint16
	inNamedNetns(t, b, func() error {
		for _, a := range []*uint16{&answering, &silent} {
			pc, err := net.ListenPacket("udp4", "10.77.0.2:0")
			if err != nil {
				return err
			}
			udpServer(t, pc, a == &answering)
			*a = uint16(pc.LocalAddr().(*net.UDPAddr).Port)
		}
		return nil
	})
	addr := netip.MustParseAddr("10.77.0.2")
	ports := []uint16{answering, silent}
	const closed = 24
	for p := uint16(2000); p < 2000+closed; p++ {
		ports = append(ports, p)
	}
	s := New(Options{}) // -T3
	start := time.Now()
	got, hosts := collect(t, s, UDP, target{Addr: addr, Ports: ports})
	elapsed := time.Since(start)
	wantPort(t, got, addr, answering, Open, ReasonUDPResponse)
	wantPort(t, got, addr, silent, OpenFiltered, ReasonNoResponse)
	maxTries := 0
	for p := uint16(2000); p < 2000+closed; p++ {
		pr := wantPort(t, got, addr, p, Closed, ReasonPortUnreach)
		maxTries = max(maxTries, pr.Tries)
	}
	t.Logf("%d closed + 2 UDP ports behind ICMP rate limiting: %v, up to %d tries per port; %+v", closed, elapsed, maxTries, hosts[0].counts)
	if maxTries < 2 {
		t.Errorf("no closed port needed a retry: was the ICMP rate limit in force?")
	}
}
