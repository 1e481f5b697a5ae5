package scan

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signetscan/signet/discovery"
	"github.com/signetscan/signet/internal/netnstest"
	"github.com/signetscan/signet/internal/testenv"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/result"
	"github.com/signetscan/signet/targets"
	"github.com/signetscan/signet/versiondb"
	"github.com/signetscan/signet/vscan"
)

func TestMain(m *testing.M) { netnstest.Main(m) }

// The scans as root are tested in a fresh network namespace (the test's own, "A") with named
// namespaces around it:
//
//	A 10.77.1.2/24 fd77:1::2/64 ── veth ── B 10.77.1.3/24 fd77:1::3/64   (one Ethernet segment)
//	A 10.77.2.2/24 fd77:2::2/64 ── veth ── R 10.77.2.1/24 fd77:2::1/64   (a router)
//	                     R 10.77.3.1/24 fd77:3::1/64 ── veth ── C 10.77.3.2/24 fd77:3::2/64
//
// A's loopback, B and C listen on a few TCP ports; C's firewall rejects some ports with ICMP
// errors and drops one (when nft is installed).

type topology struct {
	b, r, c string   // namespace names
	local   []uint16 // TCP ports open on A's loopback (127.0.0.1 and ::1)
	remote  []uint16 // TCP ports open on B and C (all addresses)
	macB    string   // B's MAC address on the segment, as nmap prints it
	nft     bool     // C's firewall rules are in place
}

func setUp(t *testing.T) *topology {
	t.Helper()
	if os.Geteuid() != 0 {
		netnstest.SkipOrFail(t, "needs root for raw sockets and namespaces")
	}
	tp := &topology{b: netnstest.Named(t, "b"), r: netnstest.Named(t, "r"), c: netnstest.Named(t, "c"),
		local: []uint16{22, 80, 8080, 31337}, remote: []uint16{22, 443}}
	netnstest.Veth(t, netnstest.End{If: "a-b", Addrs: []string{"10.77.1.2/24", "fd77:1::2/64"}},
		netnstest.End{NS: tp.b, If: "b-a", Addrs: []string{"10.77.1.3/24", "fd77:1::3/64"}})
	netnstest.Veth(t, netnstest.End{If: "a-r", Addrs: []string{"10.77.2.2/24", "fd77:2::2/64"}},
		netnstest.End{NS: tp.r, If: "r-a", Addrs: []string{"10.77.2.1/24", "fd77:2::1/64"}})
	netnstest.Veth(t, netnstest.End{NS: tp.r, If: "r-c", Addrs: []string{"10.77.3.1/24", "fd77:3::1/64"}},
		netnstest.End{NS: tp.c, If: "c-r", Addrs: []string{"10.77.3.2/24", "fd77:3::2/64"}})
	netnstest.Sysctl(t, tp.r, "net.ipv4.ip_forward=1")
	netnstest.Sysctl(t, tp.r, "net.ipv6.conf.all.forwarding=1")
	netnstest.IP(t, "", "route", "add", "10.77.3.0/24", "via", "10.77.2.1")
	netnstest.IP(t, "", "-6", "route", "add", "fd77:3::/64", "via", "fd77:2::1")
	netnstest.IP(t, tp.c, "route", "add", "default", "via", "10.77.3.1")
	netnstest.IP(t, tp.c, "-6", "route", "add", "default", "via", "fd77:3::1")
	for _, p := range tp.local {
		for _, host := range []string{"127.0.0.1", "::1"} {
			listen(t, net.JoinHostPort(host, itoa(p)))
		}
	}
	for _, ns := range []string{tp.b, tp.c} {
		netnstest.Do(t, ns, func() error {
			for _, p := range tp.remote {
				listen(t, net.JoinHostPort("::", itoa(p))) // both families
			}
			return nil
		})
	}
	// C also runs an SSH server's banner on 2222, for version detection through the router.
	netnstest.Do(t, tp.c, func() error {
		ln, err := net.Listen("tcp", "[::]:2222")
		if err != nil {
			return err
		}
		t.Cleanup(func() { ln.Close() })
		go func() {
			for {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				c.Write([]byte("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"))
				time.AfterFunc(2*time.Second, func() { c.Close() })
			}
		}()
		return nil
	})
	netnstest.Do(t, tp.b, func() error {
		ifi, err := net.InterfaceByName("b-a")
		if err == nil {
			tp.macB = strings.ToUpper(ifi.HardwareAddr.String())
		}
		return err
	})
	// C's firewall: ICMP errors for ports 1001-1003 (and, IPv6 only, 1005-1006), silence for
	// 1004. No ICMP rate limit: nmap and signet scan the same ports one after the other.
	netnstest.Sysctl(t, tp.c, "net.ipv4.icmp_ratelimit=0")
	netnstest.Sysctl(t, tp.c, "net.ipv6.icmp.ratelimit=0")
	if _, err := exec.LookPath("nft"); err == nil {
		rules := filepath.Join(t.TempDir(), "c.nft")
		if err := os.WriteFile(rules, []byte(`table inet t {
	chain input {
		type filter hook input priority 0;
		tcp dport 1001 reject with icmpx type host-unreachable
		tcp dport 1002 reject with icmpx type admin-prohibited
		tcp dport 1003 reject with icmpx type port-unreachable
		tcp dport 1004 drop
		meta nfproto ipv6 tcp dport 1005 reject with icmpv6 type no-route
		meta nfproto ipv6 tcp dport 1006 reject with icmpv6 type reject-route
	}
}
`), 0o644); err != nil {
			t.Fatal(err)
		}
		netnstest.Sh(t, "ip", "netns", "exec", tp.c, "nft", "-f", rules)
		tp.nft = true
	} else if os.Getenv("CI") != "" {
		t.Fatal("nft not installed (.ci/run installs nftables)")
	}
	// Let IPv6 routes and neighbours settle: a first ping through the router.
	waitReachable(t, "10.77.3.2", "fd77:3::2", "10.77.1.3", "fd77:1::3")
	return tp
}

// listen accepts and closes connections on addr until the test ends.
func listen(t *testing.T, addr string) { t.Helper(); netnstest.Listen(t, addr) }

// waitReachable connects to port 22 of each address until it answers (at most 5 s).
func waitReachable(t *testing.T, addrs ...string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for _, a := range addrs {
		for {
			c, err := net.DialTimeout("tcp", net.JoinHostPort(a, "22"), 500*time.Millisecond)
			if err == nil {
				c.Close()
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s not reachable: %v", a, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
}

// capture is a Writer that keeps the hosts.
type capture struct {
	mu    sync.Mutex
	hosts map[string]*result.Host
}

func (c *capture) Begin(*result.Run) error  { return nil }
func (c *capture) End(*result.RunEnd) error { return nil }
func (c *capture) Host(h *result.Host) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.hosts[h.Addr] = h
	return nil
}

// scanAs root runs a scan of the targets with o's settings and returns the hosts written
// (down ones too: -v) and the end record.
func scanAsRoot(t *testing.T, o Options, spec ...string) (map[string]*result.Host, *result.RunEnd, time.Duration) {
	t.Helper()
	var tl targets.List
	if err := tl.Add(spec...); err != nil {
		t.Fatal(err)
	}
	c := &capture{hosts: map[string]*result.Host{}}
	o.Targets, o.Writer, o.Privileged, o.NoResolve, o.Verbose = &tl, c, true, true, 1
	o.Warn = func(s string) { t.Errorf("warning: %s", s) }
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	start := time.Now()
	end := Run(ctx, o, &result.Run{Start: start})
	return c.hosts, end, time.Since(start)
}

func itoa(p uint16) string { return strconv.Itoa(int(p)) }

// TestRootScans: SYN scans and host discovery as root, IPv4 and IPv6, with the answers nmap
// gives (scan/nmap_integration_test.go compares them with nmap itself).
func TestRootScans(t *testing.T) {
	if !netnstest.Fresh(t) {
		return
	}
	tp := setUp(t)
	all, _ := portspec.Parse("-", nil)
	t.Run("SYN-all-ports", func(t *testing.T) {
		for _, lo := range []string{"127.0.0.1", "::1"} {
			hosts, _, took := scanAsRoot(t, Options{TCP: portscan.SYN, Ports: all}, lo)
			h := hosts[lo]
			if h == nil || h.Status != result.HostUp || h.Reason != discovery.ReasonLocalhost || h.Times == nil {
				t.Fatalf("%s: host %+v", lo, h)
			}
			wantExtra(t, h, "closed", "reset", 65535-len(tp.local))
			wantOpen(t, h, tp.local, "syn-ack", 64)
			t.Logf("%s: 65535 ports in %v; %s", lo, took.Round(time.Millisecond), output.NotShown(h.Extra))
		}
	})
	t.Run("SYN-segment", func(t *testing.T) {
		ports, _ := portspec.Parse("1-1024", nil)
		for _, addr := range []string{"10.77.1.3", "fd77:1::3"} {
			hosts, _, _ := scanAsRoot(t, Options{TCP: portscan.SYN, Ports: ports}, addr)
			h := hosts[addr]
			wantReason := discovery.ReasonARP
			if strings.Contains(addr, ":") {
				wantReason = discovery.ReasonND
			}
			if h == nil || h.Reason != wantReason || h.MAC != tp.macB {
				t.Fatalf("%s: host %+v, want %s from %s", addr, h, wantReason, tp.macB)
			}
			wantExtra(t, h, "closed", "reset", 1024-len(tp.remote))
			wantOpen(t, h, tp.remote, "syn-ack", 64)
		}
	})
	t.Run("SYN-routed-firewall", func(t *testing.T) {
		if !tp.nft {
			testenv.Missing(t, "nft is not installed (.ci/run installs nftables)")
		}
		ports, _ := portspec.Parse("22,443,1000-1006", nil)
		for _, addr := range []string{"10.77.3.2", "fd77:3::2"} {
			hosts, _, _ := scanAsRoot(t, Options{TCP: portscan.SYN, Ports: ports, Tries: 2}, addr)
			h := hosts[addr]
			if h == nil || h.Reason != discovery.ReasonEcho || h.ReasonTTL != 63 {
				t.Fatalf("%s: host %+v", addr, h)
			}
			got := map[int]string{}
			for _, p := range h.Ports {
				got[p.Number] = p.State + " " + p.Reason + " " + itoa(uint16(p.ReasonTTL))
			}
			want := map[int]string{22: "open syn-ack 63", 443: "open syn-ack 63", 1000: "closed reset 63",
				1001: "filtered host-unreach 63", 1002: "filtered admin-prohibited 63", 1003: "filtered port-unreach 63",
				1004: "filtered no-response 0", 1005: "closed reset 63", 1006: "closed reset 63"}
			if strings.Contains(addr, ":") {
				want[1005], want[1006] = "filtered no-route 63", "filtered reject-route 63"
			}
			for p, w := range want {
				if got[p] != w {
					t.Errorf("%s port %d: %q, want %q", addr, p, got[p], w)
				}
			}
		}
	})
	t.Run("version-IPv6-routed", func(t *testing.T) {
		db, err := versiondb.Load(versiondb.Options{DB: "embedded", NoDefaultOverlays: true})
		if err != nil {
			t.Fatal(err)
		}
		ports, _ := portspec.Parse("2222", nil)
		for _, addr := range []string{"fd77:3::2", "10.77.3.2"} {
			hosts, _, _ := scanAsRoot(t, Options{TCP: portscan.SYN, Ports: ports,
				Version: &vscan.Config{Matcher: matcher.New(db.DB), Intensity: 7, Timing: vscan.TimingFast}}, addr)
			h := hosts[addr]
			if h == nil || len(h.Ports) != 1 || h.Ports[0].Service == nil {
				t.Fatalf("%s: host %+v", addr, h)
			}
			p, svc := h.Ports[0], h.Ports[0].Service
			if got := strings.Join([]string{p.State, p.Reason, svc.Name, svc.Product, svc.Version}, " | "); got != "open | syn-ack | ssh | OpenSSH | 9.2p1 Debian 2+deb12u3" {
				t.Errorf("%s: %s", addr, got)
			}
		}
	})
	t.Run("ping-segment", func(t *testing.T) {
		for _, tc := range []struct{ net, local, peer, reason string }{
			{"10.77.1.0/29", "10.77.1.2", "10.77.1.3", discovery.ReasonARP},
			{"fd77:1::/125", "fd77:1::2", "fd77:1::3", discovery.ReasonND},
		} {
			hosts, end, took := scanAsRoot(t, Options{PingOnly: true}, tc.net)
			wantUp(t, hosts, map[string]string{tc.local: discovery.ReasonLocalhost, tc.peer: tc.reason})
			if hosts[tc.peer].MAC != tp.macB || end.HostsTotal != 8 {
				t.Errorf("%s: MAC %q, %d hosts", tc.net, hosts[tc.peer].MAC, end.HostsTotal)
			}
			t.Logf("-sn %s: %d up of %d in %v", tc.net, end.HostsUp, end.HostsTotal, took.Round(time.Millisecond))
		}
	})
	t.Run("ping-routed", func(t *testing.T) {
		for _, tc := range []struct{ net, router, host string }{
			{"10.77.3.0/30", "10.77.3.1", "10.77.3.2"},
			{"fd77:3::/126", "fd77:3::1", "fd77:3::2"},
		} {
			hosts, end, took := scanAsRoot(t, Options{PingOnly: true}, tc.net)
			wantUp(t, hosts, map[string]string{tc.router: discovery.ReasonEcho, tc.host: discovery.ReasonEcho})
			if hosts[tc.router].ReasonTTL != 64 || hosts[tc.host].ReasonTTL != 63 {
				t.Errorf("%s: TTLs %d %d, want 64 63", tc.net, hosts[tc.router].ReasonTTL, hosts[tc.host].ReasonTTL)
			}
			t.Logf("-sn %s: %d up of %d in %v", tc.net, end.HostsUp, end.HostsTotal, took.Round(time.Millisecond))
		}
	})
	t.Run("stateless-firewall", func(t *testing.T) {
		// This host's own input chain drops every answer a stateless firewall would not
		// expect: SYN-ACK, RST, echo replies and ICMP errors. The scans read them before that
		// chain (as nmap's pcap does), so ports and hosts read as without the firewall.
		if !tp.nft {
			testenv.Missing(t, "nft is not installed (.ci/run installs nftables)")
		}
		rules := filepath.Join(t.TempDir(), "a.nft")
		if err := os.WriteFile(rules, []byte(`table inet stateless {
	chain input {
		type filter hook input priority 0;
		tcp flags & (syn | ack) == syn | ack drop
		tcp flags & rst == rst drop
		icmp type { echo-reply, destination-unreachable, timestamp-reply } drop
		icmpv6 type { echo-reply, destination-unreachable } drop
	}
}
`), 0o644); err != nil {
			t.Fatal(err)
		}
		netnstest.Sh(t, "nft", "-f", rules)
		defer netnstest.Sh(t, "nft", "delete", "table", "inet", "stateless")
		ports, _ := portspec.Parse("22,23,443,1001", nil)
		for _, tc := range []struct {
			addr   string
			reason string
			ttl    int
			want   map[int]string
		}{
			{"10.77.1.3", discovery.ReasonARP, 64, map[int]string{22: "open syn-ack", 23: "closed reset", 443: "open syn-ack", 1001: "closed reset"}},
			{"10.77.3.2", discovery.ReasonEcho, 63, map[int]string{22: "open syn-ack", 23: "closed reset", 443: "open syn-ack", 1001: "filtered host-unreach"}},
			{"fd77:3::2", discovery.ReasonEcho, 63, map[int]string{22: "open syn-ack", 23: "closed reset", 443: "open syn-ack", 1001: "filtered host-unreach"}},
		} {
			hosts, _, _ := scanAsRoot(t, Options{TCP: portscan.SYN, Ports: ports, Tries: 2}, tc.addr)
			h := hosts[tc.addr]
			if h == nil || h.Status != result.HostUp || h.Reason != tc.reason {
				t.Errorf("%s: host %+v, want up (%s)", tc.addr, h, tc.reason)
				continue
			}
			got := map[int]string{}
			for _, p := range h.Ports {
				got[p.Number] = p.State + " " + p.Reason
				if p.ReasonTTL != tc.ttl {
					t.Errorf("%s port %d: reason TTL %d, want %d", tc.addr, p.Number, p.ReasonTTL, tc.ttl)
				}
			}
			for _, x := range h.Extra {
				for _, r := range x.Reasons {
					for _, p := range r.Ports {
						got[p] = x.State + " " + r.Reason
					}
				}
			}
			for p, w := range tc.want {
				if got[p] != w {
					t.Errorf("%s port %d: %q, want %q", tc.addr, p, got[p], w)
				}
			}
		}
	})
	t.Run("ping-max-rate", func(t *testing.T) {
		// --max-rate paces discovery's probes too: the router counts what A sends through it.
		if !tp.nft {
			testenv.Missing(t, "nft is not installed (.ci/run installs nftables)")
		}
		rules := filepath.Join(t.TempDir(), "r.nft")
		if err := os.WriteFile(rules, []byte("table ip count {\n chain counted {\n  type filter hook forward priority 0;\n  ip saddr 10.77.2.2 counter\n }\n}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		netnstest.Sh(t, "ip", "netns", "exec", tp.r, "nft", "-f", rules)
		defer netnstest.Sh(t, "ip", "netns", "exec", tp.r, "nft", "delete", "table", "ip", "count")
		const rate = 40
		hosts, _, took := scanAsRoot(t, Options{PingOnly: true, MaxRate: rate}, "10.77.3.0/30")
		wantUp(t, hosts, map[string]string{"10.77.3.1": discovery.ReasonEcho, "10.77.3.2": discovery.ReasonEcho})
		out, err := exec.Command("ip", "netns", "exec", tp.r, "nft", "list", "table", "ip", "count").CombinedOutput()
		m := regexp.MustCompile(`packets (\d+)`).FindSubmatch(out)
		if err != nil || m == nil {
			t.Fatalf("nft counter: %v\n%s", err, out)
		}
		sent, _ := strconv.Atoi(string(m[1]))
		// Probes to the router itself are not forwarded, so this counts fewer than were paced.
		if min := time.Duration(sent-1) * time.Second / rate; sent < 12 || took < min {
			t.Errorf("--max-rate %d: %d probes in %v, want at least 12 taking %v or more", rate, sent, took, min)
		}
		t.Logf("-sn --max-rate %d: %d probes in %v", rate, sent, took.Round(time.Millisecond))
	})
	t.Run("ping-probes", func(t *testing.T) {
		for _, tc := range []struct {
			probe  discovery.Probe
			addr   string
			reason string
		}{
			{discovery.Probe{Kind: discovery.Echo}, "10.77.3.2", discovery.ReasonEcho},
			{discovery.Probe{Kind: discovery.Timestamp}, "10.77.3.2", discovery.ReasonTimestamp},
			{discovery.Probe{Kind: discovery.TCPSyn, Ports: []uint16{22}}, "10.77.3.2", discovery.ReasonSynAck},
			{discovery.Probe{Kind: discovery.TCPSyn, Ports: []uint16{23}}, "fd77:3::2", discovery.ReasonReset},
			{discovery.Probe{Kind: discovery.TCPAck, Ports: []uint16{80}}, "fd77:3::2", discovery.ReasonReset},
			{discovery.Probe{Kind: discovery.UDPPing, Ports: []uint16{40125}}, "10.77.3.2", discovery.ReasonPortUnr},
			{discovery.Probe{Kind: discovery.Echo}, "fd77:3::2", discovery.ReasonEcho},
		} {
			hosts, _, _ := scanAsRoot(t, Options{PingOnly: true, Ping: []discovery.Probe{tc.probe}}, tc.addr)
			if h := hosts[tc.addr]; h == nil || h.Status != result.HostUp || h.Reason != tc.reason {
				t.Errorf("%s %v: host %+v, want up with %s", tc.probe.Kind, tc.addr, h, tc.reason)
			}
		}
		// A host that answers none of the probes is down.
		hosts, _, _ := scanAsRoot(t, Options{PingOnly: true, Ping: []discovery.Probe{{Kind: discovery.TCPSyn, Ports: []uint16{1004}}}}, "10.77.3.2")
		if h := hosts["10.77.3.2"]; h == nil || h.Status != result.HostDown || h.Reason != discovery.ReasonNoResponse {
			t.Errorf("-PS1004 (dropped): host %+v, want down", h)
		}
	})
	t.Run("events", func(t *testing.T) { testEvents(t, tp) })
}

// testEvents: a scan of this machine and a host on the segment reports its phases in nmap's
// order, with nmap's counts: ARP discovery of the other host only (this machine is up
// without a probe), one SYN scan of both, each open port before the scan's end, every host
// done once, then the group; and what it sent.
func testEvents(t *testing.T, tp *topology) {
	var mu sync.Mutex
	var seq []string
	var disc, syn Event
	obs := ObserverFunc(func(e Event) {
		mu.Lock()
		defer mu.Unlock()
		switch e.Kind {
		case PhaseStart:
			seq = append(seq, fmt.Sprintf("start %s %s hosts=%d ports=%d addr=%v", e.Phase, e.Technique, e.Hosts, e.Ports, e.Addr))
		case PhaseEnd:
			seq = append(seq, fmt.Sprintf("end %s hosts=%d up=%d", e.Phase, e.Hosts, e.Up))
			if e.Phase == Discovery {
				disc = e
			} else {
				syn = e
			}
		case OpenPort:
			seq = append(seq, fmt.Sprintf("open %d/%s on %s", e.Port, e.Proto, e.Addr))
		case HostDone:
			seq = append(seq, "done "+e.Host.Addr)
		case GroupDone:
			seq = append(seq, fmt.Sprintf("group %d done", e.Group))
		}
	})
	ports, _ := portspec.Parse("22,23", nil)
	hosts, end, _ := scanAsRoot(t, Options{TCP: portscan.SYN, Ports: ports, Observer: obs}, "127.0.0.1", "10.77.1.3")
	if len(hosts) != 2 || hosts["127.0.0.1"].Reason != discovery.ReasonLocalhost || hosts["10.77.1.3"].Reason != discovery.ReasonARP {
		t.Fatalf("hosts %v", hosts)
	}
	at := func(ev string) []int {
		var out []int
		for i, x := range seq {
			if x == ev {
				out = append(out, i)
			}
		}
		return out
	}
	ok := len(seq) == 9 && seq[0] == "start discovery ARP Ping Scan hosts=1 ports=1 addr=10.77.1.3" &&
		seq[1] == "end discovery hosts=1 up=1" && seq[2] == "start port scan SYN Stealth Scan hosts=2 ports=2 addr=invalid IP"
	opens, done := at("open 22/tcp on 127.0.0.1"), at("end port scan hosts=2 up=0")
	opens = append(opens, at("open 22/tcp on 10.77.1.3")...)
	ok = ok && len(opens) == 2 && len(done) == 1 && opens[0] < done[0] && opens[1] < done[0]
	ok = ok && len(at("done 127.0.0.1")) == 1 && len(at("done 10.77.1.3")) == 1 && strings.HasPrefix(seq[7], "done ") && seq[8] == "group 1 done"
	if !ok {
		t.Errorf("events:\n%s", strings.Join(seq, "\n"))
	}
	// ARP requests are 28 bytes; SYNs 44 (IP, TCP and the MSS option), two ports per host at
	// least once each.
	if disc.Sent < 1 || disc.SentBytes != 28*disc.Sent {
		t.Errorf("discovery sent %d packets, %d bytes", disc.Sent, disc.SentBytes)
	}
	if syn.Sent < 4 || syn.SentBytes != 44*syn.Sent {
		t.Errorf("SYN scan sent %d packets, %d bytes", syn.Sent, syn.SentBytes)
	}
	if end.Raw == nil || end.Raw.Sent < disc.Sent+syn.Sent || end.Raw.Rcvd < 3 {
		t.Errorf("raw packets: %+v, want at least the %d sent and 3 answers", end.Raw, disc.Sent+syn.Sent)
	}
}

func wantExtra(t *testing.T, h *result.Host, state, reason string, n int) {
	t.Helper()
	if len(h.Extra) != 1 || h.Extra[0].State != state || h.Extra[0].Count != n || len(h.Extra[0].Reasons) != 1 || h.Extra[0].Reasons[0].Reason != reason {
		t.Errorf("%s: not shown %+v, want %d %s (%s)", h.Addr, h.Extra, n, state, reason)
	}
}

func wantOpen(t *testing.T, h *result.Host, ports []uint16, reason string, ttl int) {
	t.Helper()
	var got []uint16
	for _, p := range h.Ports {
		if p.State != "open" || p.Reason != reason || p.ReasonTTL != ttl {
			t.Errorf("%s port %d: %s %s ttl %d, want open %s ttl %d", h.Addr, p.Number, p.State, p.Reason, p.ReasonTTL, reason, ttl)
		}
		got = append(got, uint16(p.Number))
	}
	if len(got) != len(ports) {
		t.Errorf("%s: open %v, want %v", h.Addr, got, ports)
	}
}

func wantUp(t *testing.T, hosts map[string]*result.Host, want map[string]string) {
	t.Helper()
	for addr, h := range hosts {
		reason, ok := want[addr]
		switch {
		case ok && (h.Status != result.HostUp || h.Reason != reason):
			t.Errorf("%s: %s (%s), want up (%s)", addr, h.Status, h.Reason, reason)
		case !ok && h.Status != result.HostDown:
			t.Errorf("%s: %s (%s), want down", addr, h.Status, h.Reason)
		}
	}
	for addr := range want {
		if hosts[addr] == nil {
			t.Errorf("%s: not reported", addr)
		}
	}
}
