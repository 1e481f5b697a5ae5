//go:build integration

package conformance

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestConformance runs every group at once (each group is one nmap and one
// signet invocation over all its ports, in parallel), then logs the timing
// and memory table.
func TestConformance(t *testing.T) {
	needNmap(t, false)
	start := time.Now()
	t.Run("all", func(t *testing.T) {
		t.Run("nmapfile_E1_E2_E5_E7", func(t *testing.T) { t.Parallel(); groupNmapFile(t) })
		t.Run("nmapfile_E12_intensity0", func(t *testing.T) { t.Parallel(); groupIntensity0(t) })
		t.Run("own_E3_templates_fallbacks", func(t *testing.T) { t.Parallel(); groupE3(t) })
		t.Run("own_E4_E14_softmatch_ninefps", func(t *testing.T) { t.Parallel(); groupE4(t) })
		t.Run("own_E10_fieldsizes", func(t *testing.T) { t.Parallel(); groupE10(t) })
		t.Run("own_E8_E13_exclude", func(t *testing.T) { t.Parallel(); groupE13(t) })
		t.Run("own_E2_E15_closes_carryover", func(t *testing.T) { t.Parallel(); groupCloses(t) })
		t.Run("own_E9_udp", func(t *testing.T) { t.Parallel(); groupUDP(t) })
		t.Run("nmapfile_E11_udp_intensity0", func(t *testing.T) { t.Parallel(); groupE11(t) })
		t.Run("real_servers", func(t *testing.T) { t.Parallel(); groupReal(t) })
		t.Run("debian_servers", func(t *testing.T) { t.Parallel(); groupDebian(t) })
	})
	t.Logf("compared: %s", compared.String())
	t.Logf("wall time and peak RSS per invocation (all groups ran concurrently; suite %.0f s):\n%s", time.Since(start).Seconds(), summary())
}

const (
	sshBanner  = "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.1\r\n"
	sshInvalid = "Invalid SSH identification string.\r\n"
	tstBanner  = "TST/1.2.3 host=Foo.Bar W\x00O\x00R\x00K\x00 ab\x01\x02\r\n"
)

// groupNmapFile: E1 (SSH banner; SMTP softmatch confirmed by Hello, served
// by `signet serve` from the article's PineApp fingerprint), E2 (Microsoft
// ESMTP with hostname, ftp softmatch nothing confirms, immediate close,
// 2000-byte chargen banner, unknown binary banner), E5 (TLS with an SSH
// banner inside, TLS with an unknown banner inside), E7 (silent ports),
// with nmap's own signature file.
//
// E5 and Go's TLS server: nmap's SSLSessionReq is an SSLv3 ClientHello,
// which crypto/tls refuses with a protocol_version alert
// (15 03 01 00 02 02 46); that alert is exactly what nmap's `match ssl`
// line expects, so nmap (and signet) then restart over a TLS connection
// that both negotiate with the Go server, as against E5's Python servers.
func groupNmapFile(t *testing.T) {
	needNmap(t, false)
	tlsCfg := selfSigned(t)
	ssh := startTCP(t, 2222, tcpFixture{banner: []byte(sshBanner), reply: fixed(sshInvalid)})
	pine := startServe(t, 2525, "../fingerprint/testdata/pineapp.fp", nmapProbes)
	msmtp := startTCP(t, 31993, tcpFixture{banner: []byte("220 mail.example.test Microsoft ESMTP MAIL Service, Version: 6.0.3790.3959 ready at  Tue, 25 Nov 2025 10:00:00 +0000 \r\n")})
	ftp := startTCP(t, 31994, tcpFixture{banner: []byte("220 blah FTP thing ready\r\n"), reply: fixed("500 what\r\n")})
	closeNow := startTCP(t, 31997, tcpFixture{closeNow: true})
	chargen := startTCP(t, 31998, tcpFixture{banner: chargen()})
	binary := startTCP(t, 31999, tcpFixture{banner: binaryBanner(), reply: errReply})
	tlsSSH := startTCP(t, 8443, tcpFixture{tls: tlsCfg, banner: []byte(sshBanner)})
	tlsJunk := startTCP(t, 8444, tcpFixture{tls: tlsCfg, banner: []byte("\x01\x02garbage-proto v9\r\n"), reply: fixed("")})
	silent1 := startTCP(t, 5001, tcpFixture{})
	silent2 := startTCP(t, 31996, tcpFixture{})
	r := &run{
		name: "nmapfile_E1_E2_E5_E7", db: nmapProbes,
		ports: []int{ssh, pine, msmtp, ftp, closeNow, chargen, binary, tlsSSH, tlsJunk, silent1, silent2},
		expect: map[int]map[string]string{
			ssh:      {"name": "ssh", "product": "OpenSSH", "version": "8.9p1 Ubuntu 3ubuntu0.1", "cpe": "cpe:/a:openbsd:openssh:8.9p1 cpe:/o:linux:linux_kernel"},
			pine:     {"name": "smtp-proxy", "product": "PineApp Mail-SeCure smtp proxy"},
			msmtp:    {"name": "smtp", "hostname": "mail.example.test", "ostype": "Windows"},
			ftp:      {"name": "ftp", "method": "probed", "conf": "10", "servicefp": "*"},
			closeNow: {"name": "tcpwrapped", "conf": "8"},
			chargen:  {"name": "chargen", "product": "xinetd chargen"},
			binary:   {"method": "table", "servicefp": "*"},
			tlsSSH:   {"name": "ssh", "tunnel": "ssl", "product": "OpenSSH"},
			tlsJunk:  {"tunnel": "ssl", "method": "table", "servicefp": "*"},
			silent1:  {"servicefp": ""},
			silent2:  {"servicefp": ""},
		},
	}
	r.compare(t)
}

// groupIntensity0: E12 — at intensity 0 the no-match fingerprint is kept,
// the softmatch one is not, and the softmatched ftp still gets its probes;
// then the same ports with --version-trace and with --version-all.
func groupIntensity0(t *testing.T) {
	needNmap(t, false)
	ftp := startTCP(t, 0, tcpFixture{banner: []byte("220 blah FTP thing ready\r\n"), reply: fixed("500 what\r\n")})
	binary := startTCP(t, 0, tcpFixture{banner: binaryBanner(), reply: errReply})
	r := &run{
		name: "nmapfile_E12_intensity0", db: nmapProbes, extra: []string{"--version-intensity", "0"},
		ports: []int{ftp, binary},
		expect: map[int]map[string]string{
			ftp:    {"name": "ftp", "servicefp": ""},
			binary: {"method": "table", "servicefp": "*"},
		},
	}
	r.compare(t)
	// --version-trace raises the debug level: 1300/10000 fingerprint
	// limits instead of 900/2200, so all 30 replies are kept (F5, E2).
	(&run{name: "nmapfile_F5_versiontrace", db: nmapProbes, extra: []string{"--version-trace"}, ports: []int{binary}}).compare(t)
	// --version-all: every probe, and a softmatch no longer narrows the walk (S3, S4).
	(&run{name: "nmapfile_S4_versionall", db: nmapProbes, extra: []string{"--version-all"}, ports: []int{ftp, binary},
		expect: map[int]map[string]string{ftp: {"name": "ftp", "servicefp": "*"}}}).compare(t)
}

// groupE3: templates ($SUBST, $P, $I, trailing trim, CPE transform),
// explicit fallback, implicit NULL fallback — the probe file of run E3 in docs/nmap-behaviour.md.
func groupE3(t *testing.T) {
	needNmap(t, false)
	db := writeProbes(t, "tp1.probes", `# test probes file 1 (templates, fallback, implicit NULL fallback)
Probe TCP NULL q||
totalwaitms 2000
tcpwrappedms 1000
match test m|^TST/([\d.]+) host=(\S+) ((?:\w\0)+) ..(..)\r\n| p/Test Server/ v/$SUBST(1,".","_")/ i/wg: $P(3); be=$I(4,">"); le=$I(4,"<"); raw=$1 ,,  / h/$2/ o/Test OS/ d/test dev/ cpe:/a:test:Test Server:$2/ cpe:/o:foo:bar/ cpe:/o:Foo:$2 Q&A/a
match nullonly m|^NULLONLY ([\d.]+)| p/Null-only matcher/ v/$1/

Probe TCP P1 q|hello\r\n|
rarity 1
fallback P2

Probe TCP P2 q|neverused|
rarity 9
ports 1
match p2svc m|^P2RESP ([\d.]+)| p/Matched via fallback P2/ v/$1/
`)
	tst := startTCP(t, 32001, tcpFixture{banner: []byte(tstBanner)})
	p2 := startTCP(t, 32002, tcpFixture{reply: fixed("P2RESP 7.7\r\n")})
	nullonly := startTCP(t, 32003, tcpFixture{reply: fixed("NULLONLY 9.9\r\n")})
	r := &run{
		name: "own_E3_templates_fallbacks", db: db, ports: []int{tst, p2, nullonly},
		expect: map[int]map[string]string{
			tst: {"name": "test", "version": "1_2_3", "extrainfo": "wg: WORK; be=258; le=513; raw=1.2.3", "hostname": "Foo.Bar",
				"devicetype": "test dev", "cpe": "cpe:/a:test:Test Server:foo.bar cpe:/o:Foo:foo.bar Q&A"},
			p2:       {"name": "p2svc", "version": "7.7"},
			nullonly: {"name": "nullonly", "version": "9.9"},
		},
	}
	r.compare(t)
}

// groupE4: a softmatch listed first wins, a trailing unset group, CPE
// escaping, junk template flags, space as \x20 (tp2.probes); with ten
// softmatched ports so that only nine fingerprints are listed (E14).
func groupE4(t *testing.T) {
	needNmap(t, false)
	db := writeProbes(t, "tp2.probes", `Probe TCP NULL q||
totalwaitms 1500
softmatch foo m|^ZZZ|
match hard m|^ZZZ| p/Never reached/
match first m|^ABC (\S+) (.*)\r\n| p/First/ v/$1/ i/$2/zz cpe:/a:x:y:$1:$2/
match second m|^ABC| p/Second/
match unset m|^QQQ(x)?| p/Unset group/ v/$1/
`)
	abc := startTCP(t, 32004, tcpFixture{banner: []byte("ABC Ver:1/2 Mixed Case&Sp\r\n")})
	qqq := startTCP(t, 32005, tcpFixture{banner: []byte("QQQ\r\n")})
	ports := []int{abc, qqq}
	expect := map[int]map[string]string{
		abc: {"name": "first", "version": "Ver:1/2", "extrainfo": "Mixed Case&Sp", "cpe": "cpe:/a:x:y:ver%3A1%2F2:mixed_case%26sp"},
		qqq: {"name": "unset", "product": "Unset group", "version": ""},
	}
	for i := 0; i < 10; i++ {
		p := startTCP(t, 32100+i, tcpFixture{banner: []byte("ZZZ hello\r\n")})
		ports = append(ports, p)
		expect[p] = map[string]string{"name": "foo", "method": "probed", "servicefp": "*"}
	}
	r := &run{name: "own_E4_E14_softmatch_ninefps", db: db, ports: ports, expect: expect}
	r.compare(t)
}

// groupE10: field sizes, VERSION truncation, non-printables, NUL inside a
// capture, and a template that overflows (tp6 and tp7).
func groupE10(t *testing.T) {
	needNmap(t, false)
	tst := startTCP(t, 32011, tcpFixture{banner: []byte(tstBanner)})
	letters := strings.Repeat("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 8)[:200]
	re := `m|^TST/([\d.]+) host=(\S+) ((?:\w\0)+) ..(..)\r\n|`
	tp6 := writeProbes(t, "tp6.probes", "Probe TCP NULL q||\ntotalwaitms 1500\nmatch longfields "+re+
		" p/"+strings.Repeat("P", 70)+"/ v/"+strings.Repeat("V", 70)+"/ i/"+letters+"/ h/$4/\n")
	tp7 := writeProbes(t, "tp7.probes", "Probe TCP NULL q||\ntotalwaitms 1500\nmatch overflow "+re+
		" p/"+strings.Repeat("Q", 85)+"/ v/raw$4end/ o/$3/\n")
	(&run{name: "own_E10_fieldsizes_tp6", db: tp6, ports: []int{tst},
		expect: map[int]map[string]string{tst: {"name": "longfields", "hostname": "..", "extrainfo": letters[:182] + "ABCDEFGHIJKLMNOPQR"}}}).compare(t)
	(&run{name: "own_E10_fieldsizes_tp7", db: tp7, ports: []int{tst},
		expect: map[int]map[string]string{tst: {"name": "overflow", "product": "", "version": "raw..end", "ostype": "W"}}}).compare(t)
}

// groupE13: a match naming ssl/foo sets the tunnel without a reconnect
// (E8); excluded ports alone say "Excluded from version scan", next to a
// probed port they do not (E13, R8). 32022 has the table entry "unknown",
// 32023 none: without a name nmap writes no <service> element.
func groupE13(t *testing.T) {
	needNmap(t, false)
	tst := startTCP(t, 32021, tcpFixture{banner: []byte(tstBanner)})
	excl := startTCP(t, 32022, tcpFixture{banner: []byte("QQQ\r\n")})
	excl2 := startTCP(t, 32023, tcpFixture{banner: []byte("QQQ\r\n")})
	db := writeProbes(t, "tp3.probes", fmt.Sprintf("Exclude T:%d,%d\nProbe TCP NULL q||\ntotalwaitms 1500\nmatch ssl/foo m|^TST/| p/Direct ssl-prefixed match/\n", excl, excl2))
	r := &run{name: "own_E8_E13_exclude_probed", db: db, ports: []int{tst, excl, excl2},
		expect: map[int]map[string]string{tst: {"name": "foo", "tunnel": "ssl"}}}
	if excl == 32022 && excl2 == 32023 {
		r.expect[excl] = map[string]string{"name": "unknown", "product": "", "method": "table"}
		r.expect[excl2] = map[string]string{"service": "none"}
	}
	r.compare(t)
	r = &run{name: "own_E13_exclude_alone", db: db, ports: []int{excl, excl2}}
	if excl == 32022 && excl2 == 32023 {
		r.expect = map[int]map[string]string{
			excl:  {"name": "unknown", "product": "Excluded from version scan"},
			excl2: {"service": "none"},
		}
	}
	r.compare(t)
}

// groupCloses: the late close after 3.5 s without data (E2 31995:
// tcpwrapped after all probes), the immediate close and reset (S9), and the
// NULL banner carried over into the next probe with \015 accepted (E15) —
// with a small file of three probes so the late close costs ~11 s, not 105 s.
func groupCloses(t *testing.T) {
	needNmap(t, false)
	db := writeProbes(t, "closes.probes", `Probe TCP NULL q||
totalwaitms 6000
tcpwrappedms 3000
Probe TCP X q|\015|
rarity 1
Probe TCP B q|\r\n\r\n|
rarity 1
`)
	late := startTCP(t, 31995, tcpFixture{lateClose: 3500 * time.Millisecond})
	now := startTCP(t, 0, tcpFixture{closeNow: true})
	rst := startTCP(t, 0, tcpFixture{reset: true})
	carry := startTCP(t, 0, tcpFixture{banner: []byte(sshBanner), reply: fixed(sshInvalid)})
	r := &run{
		name: "own_E2_E15_closes_carryover", db: db, ports: []int{late, now, rst, carry},
		expect: map[int]map[string]string{
			late:  {"name": "tcpwrapped", "method": "probed", "conf": "8"},
			now:   {"name": "tcpwrapped"},
			rst:   {"name": "tcpwrapped"},
			carry: {"servicefp": "*", "method": "table"},
		},
	}
	r.compare(t)
}

// groupUDP: UDP with a reply matched by a port-registered probe that runs
// first (E9a), a reply that only a NULL line would match — UDP has no
// implicit NULL fallback (E9b) — and a silent UDP port.
func groupUDP(t *testing.T) {
	needNmap(t, true)
	reply := func(got []byte) []byte { return []byte(fmt.Sprintf("UDPSVC 1.0 got %d\n", len(got))) }
	a := startUDP(t, 32053, reply)
	b := startUDP(t, 32055, reply)
	c := startUDP(t, 32056, nil)
	db := writeProbes(t, "tp4.probes", fmt.Sprintf(`Probe TCP NULL q||
match nullonly m|^UDPSVC| p/NULL probe match (TCP only)/
Probe UDP U1 q|ping\r\n|
rarity 1
totalwaitms 1000
Probe UDP U2 q|pong|
rarity 8
ports %d
totalwaitms 1000
match udpsvc m|^UDPSVC ([\d.]+) got (\d+)| p/UDP test/ v/$1/ i/len $2/
`, a))
	r := &run{
		name: "own_E9_udp", udp: true, db: db, ports: []int{a, b, c},
		expect: map[int]map[string]string{
			a: {"state": "open", "reason": "udp-response", "name": "udpsvc", "extrainfo": "len 4"},
			b: {"state": "open", "method": "table", "servicefp": "*"},
			c: {"state": "open|filtered"},
		},
	}
	r.compare(t)
}

// groupE11: a UDP port for which no probe is eligible is tcpwrapped.
func groupE11(t *testing.T) {
	needNmap(t, true)
	p := startUDP(t, 32054, nil)
	r := &run{name: "nmapfile_E11_udp_intensity0", udp: true, db: nmapProbes, extra: []string{"--version-intensity", "0"}, ports: []int{p}}
	if p == 32054 { // no UDP probe of nmap's file lists 32054
		r.expect = map[int]map[string]string{p: {"state": "open|filtered", "name": "tcpwrapped", "conf": "8"}}
	}
	r.compare(t)
}
