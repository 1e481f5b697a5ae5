package output

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/result"
)

// A writerCase is one scan, fed to every writer; its outputs are pinned by
// testdata/<name>.<format>.golden. Cases named eN rebuild nmap's runs EN of
// docs/nmap-behaviour.md; their tables and XML lines must also appear
// verbatim in nmap's output of those runs, testdata/spec-eN.*.txt.
type writerCase struct {
	name  string
	run   *result.Run
	hosts []*result.Host
	end   *result.RunEnd
}

// nmap's runs were made on Wed Nov 25 19:14:11 2026 UTC.
var (
	t0   = time.Unix(1795634051, 0).UTC()
	rtt  = &result.Times{SRTT: 260 * time.Microsecond, RTTVar: 303 * time.Microsecond, Timeout: 100 * time.Millisecond}
	args = []string{"signet", "-sV", "-Pn", "-n", "-p", "PORTS", "--version-intensity", "7", "127.0.0.1"}
)

func newRun(verbose int, reason bool, scans ...result.ScanInfo) *result.Run {
	return &result.Run{
		Scanner: "signet", Version: "0.1.0", Args: args, Start: t0,
		Scans: scans, Verbose: verbose, VersionScan: true, Reason: reason,
	}
}

func connect(ports ...int) result.ScanInfo {
	return result.ScanInfo{Type: result.ScanConnect, Proto: "tcp", Ports: ports}
}

func localhost(ports ...*result.Port) *result.Host {
	return &result.Host{
		Addr: "127.0.0.1", Status: result.HostUp, Reason: "user-set",
		Ports: ports, Start: t0, End: t0.Add(time.Second), Times: rtt,
	}
}

func done(up, total int) *result.RunEnd {
	return &result.RunEnd{Time: t0.Add(520 * time.Millisecond), Exit: result.ExitSuccess, HostsUp: up, HostsTotal: total}
}

func tcp(n int, s *result.Service) *result.Port {
	return &result.Port{Number: n, Proto: "tcp", State: "open", Reason: "syn-ack", ReasonTTL: 64, Service: s}
}

// outcomes sets why detection ended on the given ports of h.
func outcomes(h *result.Host, o map[int]string) *result.Host {
	for _, p := range h.Ports {
		if w, ok := o[p.Number]; ok {
			p.Outcome = w
		}
	}
	return h
}

func portNums(ps []*result.Port) []int {
	var out []int
	for _, p := range ps {
		out = append(out, p.Number)
	}
	return out
}

var openssh = &result.Service{
	Name: "ssh", Product: "OpenSSH", Version: "8.9p1 Ubuntu 3ubuntu0.1", Info: "Ubuntu Linux; protocol 2.0", OS: "Linux",
	CPE: []string{"cpe:/a:openbsd:openssh:8.9p1", "cpe:/o:linux:linux_kernel"}, Method: result.MethodProbed, Conf: 10,
}

// e2Bytes is E2's unknown binary banner (76 bytes, the NULL probe's reply).
var e2Bytes = []byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	" !\"#$%&'ABC \"q\" (x) [y] $^|*+.?\\ end\x7f\x80\xff\x0012\x00Z")

// readFP reads a fingerprint in normal (wrapped) form from testdata.
func readFP(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(string(b), "\n")
}

// specFP cuts the fingerprint of one port out of nmap's output of a run.
func specFP(t *testing.T, file, port string) string {
	t.Helper()
	s := readFP(t, file)
	i := strings.Index(s, "SF-Port"+port+"-")
	if i < 0 {
		t.Fatalf("%s: no fingerprint for %s", file, port)
	}
	j := strings.Index(s[i:], ";\n")
	return s[i : i+j+1]
}

func writerCases(t *testing.T) []writerCase {
	var cs []writerCase

	// E1: ssh + smtp-proxy, Service Info.
	e1 := localhost(
		tcp(2222, openssh),
		tcp(2525, &result.Service{Name: "smtp-proxy", Product: "PineApp Mail-SeCure smtp proxy",
			CPE: []string{"cpe:/a:pineapp:mail-secure"}, Method: result.MethodProbed, Conf: 10}),
	)
	outcomes(e1, map[int]string{2222: "matched", 2525: "matched"})
	cs = append(cs, writerCase{"e1", newRun(0, false, connect(2222, 2525)), []*result.Host{e1}, done(1, 1)})

	// E2: seven TCP behaviours, two fingerprints (a softmatch and a no-match).
	fp94, fp99 := readFP(t, "e2-31994.fp"), readFP(t, "e2-31999.fp")
	e2 := localhost(
		tcp(2222, openssh),
		tcp(31993, &result.Service{Name: "smtp", Product: "Microsoft ESMTP", Version: "6.0.3790.3959", Hostname: "mail.example.test",
			OS: "Windows", CPE: []string{"cpe:/o:microsoft:windows"}, Method: result.MethodProbed, Conf: 10}),
		tcp(31994, &result.Service{Name: "ftp", Method: result.MethodProbed, Conf: 10, Fingerprint: fp94,
			Replies: []result.Reply{{Probe: "NULL", Data: []byte("220 blah FTP thing ready\r\n")}}}),
		tcp(31995, &result.Service{Name: "tcpwrapped", Method: result.MethodProbed, Conf: 8}),
		tcp(31997, &result.Service{Name: "tcpwrapped", Method: result.MethodProbed, Conf: 8}),
		tcp(31998, &result.Service{Name: "chargen", Product: "xinetd chargen", OS: "Unix", Method: result.MethodProbed, Conf: 10}),
		tcp(31999, &result.Service{Method: result.MethodTable, Conf: 3, Fingerprint: fp99,
			Replies: []result.Reply{{Probe: "NULL", Data: e2Bytes}, {Probe: "GenericLines", Data: append(append([]byte{}, e2Bytes...), "ERR 4\r\n"...)}}}),
	)
	outcomes(e2, map[int]string{2222: "matched", 31993: "matched", 31994: "softmatched", 31995: "tcpwrapped", 31997: "tcpwrapped",
		31998: "matched", 31999: "nomatch"})
	cs = append(cs, writerCase{"e2", newRun(0, false, connect(portNums(e2.Ports)...)), []*result.Host{e2}, done(1, 1)})

	// E5: ssl tunnel, matched and table-guessed.
	e5 := localhost(
		tcp(8443, &result.Service{Name: "ssh", Product: "OpenSSH", Version: "8.9p1 Ubuntu 3ubuntu0.1", Info: "Ubuntu Linux; protocol 2.0",
			OS: "Linux", CPE: []string{"cpe:/a:openbsd:openssh:8.9p1", "cpe:/o:linux:linux_kernel"}, Tunnel: "ssl", Method: result.MethodProbed, Conf: 10}),
		tcp(8444, &result.Service{Name: "pcsync-http", Tunnel: "ssl", Method: result.MethodTable, Conf: 3,
			Fingerprint: specFP(t, "spec-e5.nmap.txt", "8444"),
			Replies:     []result.Reply{{Probe: "NULL", Data: []byte("\x01\x02garbage-proto v9\r\n")}}}),
	)
	outcomes(e5, map[int]string{8443: "matched", 8444: "nomatch"})
	cs = append(cs, writerCase{"e5", newRun(0, false, connect(8443, 8444)), []*result.Host{e5}, done(1, 1)})

	// E7: silent services: a table guess with "?", and nothing at all.
	e7 := localhost(
		tcp(5001, &result.Service{Name: "commplex-link", Method: result.MethodTable, Conf: 3}),
		tcp(31996, nil),
	)
	outcomes(e7, map[int]string{5001: "timeout", 31996: "timeout"})
	cs = append(cs, writerCase{"e7", newRun(0, false, connect(5001, 31996)), []*result.Host{e7}, done(1, 1)})

	// E10: VERSION truncation at 159 characters.
	alpha := strings.Repeat("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 8)[:200]
	e10 := localhost(tcp(32001, &result.Service{Name: "longfields", Product: strings.Repeat("P", 70), Version: strings.Repeat("V", 70),
		Info: alpha, Hostname: "..", Method: result.MethodProbed, Conf: 10}))
	outcomes(e10, map[int]string{32001: "matched"})
	cs = append(cs, writerCase{"e10", newRun(0, false, connect(32001)), []*result.Host{e10}, done(1, 1)})

	// E11: a silent UDP port is open|filtered and tcpwrapped.
	e11 := localhost(&result.Port{Number: 32054, Proto: "udp", State: "open|filtered", Reason: "no-response",
		Service: &result.Service{Name: "tcpwrapped", Method: result.MethodProbed, Conf: 8}, Outcome: "tcpwrapped"})
	cs = append(cs, writerCase{"e11", newRun(0, false, result.ScanInfo{Type: result.ScanUDP, Proto: "udp", Ports: []int{32054}}),
		[]*result.Host{e11}, done(1, 1)})

	// E14: ten fingerprints, nine listed.
	e14 := localhost()
	for n := 32100; n <= 32109; n++ {
		fp := "SF-Port" + strconv.Itoa(n) + "-TCP:V=7.93%I=7%D=11/25%Time=6B07195D%P=x86_64-pc-linux-gnu%r(\nSF:NULL,B,\"ZZZ\\x20hello\\r\\n\");"
		e14.Ports = append(e14.Ports, tcp(n, &result.Service{Name: "foo", Method: result.MethodProbed, Conf: 10, Fingerprint: fp,
			Replies: []result.Reply{{Probe: "NULL", Data: []byte("ZZZ hello\r\n")}}}))
	}
	for _, p := range e14.Ports {
		p.Outcome = "softmatched"
	}
	cs = append(cs, writerCase{"e14", newRun(0, false, connect(portNums(e14.Ports)...)), []*result.Host{e14}, done(1, 1)})

	// Ports left out in several states, protocols and reasons; --reason;
	// a user-given name with a different reverse-DNS name.
	// The probed ports say why detection ended (Outcome).
	ssh22 := tcp(22, openssh)
	ssh22.Outcome = "matched"
	ns := localhost(ssh22,
		&result.Port{Number: 53, Proto: "udp", State: "open|filtered", Reason: "no-response", Outcome: "timeout"})
	ns.TargetName, ns.Hostname = "localhost", "localhost.localdomain"
	add := func(proto, state, reason string, from, n int) {
		for i := 0; i < n; i++ {
			ns.Ports = append(ns.Ports, &result.Port{Number: from + i, Proto: proto, State: state, Reason: reason})
		}
	}
	add("tcp", "closed", "conn-refused", 40000, 30)
	add("tcp", "filtered", "no-response", 41000, 27)
	add("tcp", "filtered", "host-unreach", 41100, 2)
	add("udp", "closed", "port-unreach", 50000, 30)
	var tcpPorts, udpPorts []int
	for _, p := range ns.Ports {
		if p.Proto == "tcp" {
			tcpPorts = append(tcpPorts, p.Number)
		} else {
			udpPorts = append(udpPorts, p.Number)
		}
	}
	nsRun := newRun(0, true, connect(tcpPorts...), result.ScanInfo{Type: result.ScanUDP, Proto: "udp", Ports: udpPorts})
	ns.Consolidate(nsRun.Verbose, nsRun.Debugging)
	cs = append(cs, writerCase{"notshown", nsRun, []*result.Host{ns}, done(1, 1)})

	// Every port left out: "All 1000 scanned ports … are in ignored states."
	all := localhost()
	for n := 1; n <= 1000; n++ {
		all.Ports = append(all.Ports, &result.Port{Number: n, Proto: "tcp", State: "closed", Reason: "conn-refused"})
	}
	all.Consolidate(0, 0)
	cs = append(cs, writerCase{"allignored", newRun(0, false, connect(portNums(all.Ports)...)), []*result.Host{all}, done(1, 1)})

	// -vv: an IPv6 host with "Scanned at", a down host (shown only with -v),
	// the "# Ports scanned" comment, no latency measured.
	v6 := &result.Host{Addr: "::1", Status: result.HostUp, Reason: "localhost-response", Start: t0, End: t0.Add(2 * time.Second),
		Ports: []*result.Port{tcp(2222, openssh)}}
	for n := 3000; n < 3100; n++ {
		v6.Ports = append(v6.Ports, &result.Port{Number: n, Proto: "tcp", State: "closed", Reason: "conn-refused"})
	}
	vRun := newRun(2, false, connect(portNums(v6.Ports)...))
	v6.Consolidate(vRun.Verbose, vRun.Debugging)
	down := &result.Host{Addr: "192.0.2.1", TargetName: "gone.example", Status: result.HostDown, Reason: "no-response"}
	end := done(1, 2)
	end.HostsDown = 1
	cs = append(cs, writerCase{"verbose", vRun, []*result.Host{v6, down}, end})

	// Interrupted: a host written, then End with an error.
	intr := localhost(tcp(2222, openssh))
	cs = append(cs, writerCase{"interrupted", newRun(0, false, connect(2222, 2223)), []*result.Host{intr},
		&result.RunEnd{Time: t0.Add(3 * time.Second), Exit: result.ExitError, ErrorMsg: "Interrupted by user", HostsUp: 1, HostsTotal: 1}})

	// Detectors: nginx marked TLS by https-redirect, a Server header named
	// by http-server-header on a table guess, rpcbind named by rpcinfo
	// (nmap 7.93's answers on loopback; the sources say who set what).
	const line = "/usr/share/nmap/nmap-service-probes:6948"
	ngx := &result.Service{Name: "http", Product: "nginx", Version: "1.22.1", Tunnel: "ssl", Method: result.MethodProbed, Conf: 10,
		CPE: []string{"cpe:/a:igor_sysoev:nginx:1.22.1"}}
	for _, f := range []string{"name", "product", "version", "cpe"} {
		ngx.SetSource(f, line)
	}
	ngx.SetSource("tunnel", "https-redirect")
	zorb := &result.Service{Name: "http-proxy", Product: "Zorbotron/4.2 (Plan9)", Method: result.MethodProbed, Conf: 10}
	zorb.SetSource("name", "table")
	zorb.SetSource("product", "http-server-header")
	rpc := &result.Service{Name: "rpcbind", Version: "2-4", Info: "RPC #100000", Method: result.MethodProbed, Conf: 10}
	for _, f := range []string{"name", "version", "extrainfo"} {
		rpc.SetSource(f, "rpcinfo")
	}
	det := localhost(tcp(80, ngx), tcp(111, rpc), tcp(8080, zorb))
	outcomes(det, map[int]string{80: "matched", 111: "matched", 8080: "nomatch"})
	cs = append(cs, writerCase{"detectors", newRun(0, false, connect(80, 111, 8080)), []*result.Host{det}, done(1, 1)})

	return cs
}
