//go:build testbed

// Smoke test of the bed itself (root, packages of `testbed.sh install`):
//
//	go test -tags testbed -v -count=1 ./testbed/
package testbed

import (
	"encoding/asn1"
	"encoding/binary"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSmoke(t *testing.T) {
	all, err := Manifest()
	if err != nil {
		t.Fatal(err)
	}
	bed := Start(t)
	t.Logf("start took %v\n%s", bed.StartTime.Round(time.Millisecond), bed.Log)
	if bed.StartTime > 3*time.Minute {
		t.Errorf("start took %v, want well under 3 min", bed.StartTime)
	}
	if len(bed.Running()) != len(all) {
		t.Errorf("%d of %d manifest services running:\n%s", len(bed.Running()), len(all), bed.Log)
	}

	for _, e := range bed.Running() {
		if e.Port < 41000 || e.Port > 42199 || (e.Proto == "tcp" && e.Port > 41999) || (e.Proto == "udp" && e.Port < 42000) {
			t.Errorf("%s: port %d/%s outside the bed's ranges", e.ID, e.Port, e.Proto)
		}
		if e.Proto == "tcp" {
			c, err := net.DialTimeout("tcp", e.Addr(), 3*time.Second)
			if err != nil {
				t.Errorf("%s %s: %v", e.ID, e.Addr(), err)
				continue
			}
			c.Close()
			continue
		}
		req, ok := udpProbe(e)
		if !ok {
			t.Logf("%s %s: no UDP probe for %q; listening only", e.ID, e.Addr(), e.Service)
			continue
		}
		n, err := udpAsk(e.Addr(), req)
		if err != nil {
			t.Errorf("%s %s: %v", e.ID, e.Addr(), err)
			continue
		}
		t.Logf("%s %s: %d-byte UDP answer", e.ID, e.Addr(), n)
	}

	// the bed's pids, from its listening sockets, to judge the ports after stop
	bedPIDs := map[string]bool{}
	st, err := bed.Status()
	if err != nil {
		t.Errorf("status: %v", err)
	}
	if m := regexp.MustCompile(`(\d+) processes, RSS (\d+) MiB`).FindStringSubmatch(st); m != nil {
		t.Logf("%d services, %s processes, RSS total %s MiB", len(bed.Running()), m[1], m[2])
	}
	for _, line := range strings.Split(st, "\n") {
		for _, m := range pidRE.FindAllStringSubmatch(line, -1) {
			bedPIDs[m[1]] = true
		}
		if f := strings.Fields(line); len(f) >= 2 && strings.Contains(line, "users:") && !strings.HasPrefix(f[1], "127.0.0.1:") {
			t.Errorf("listens outside 127.0.0.1: %s", line)
		}
	}

	t0 := time.Now()
	if err := bed.Stop(); err != nil {
		t.Fatal(err)
	}
	t.Logf("stop took %v\n%s", time.Since(t0).Round(time.Millisecond), bed.StopLog)
	if _, err := os.Stat(bed.Dir); !os.IsNotExist(err) {
		t.Errorf("%s still exists after stop", bed.Dir)
	}
	// nothing of the bed may remain: no process marked with or naming the
	// bed's directory, and no manifest port held by one of the bed's pids
	procs, _ := filepath.Glob("/proc/[0-9]*/environ")
	for _, p := range procs {
		env, err := os.ReadFile(p)
		cmd, _ := os.ReadFile(filepath.Join(filepath.Dir(p), "cmdline"))
		if err == nil && (strings.Contains(string(env), "SIGNET_TESTBED="+bed.Dir+"\x00") || strings.Contains(string(cmd), bed.Dir+"/")) {
			t.Errorf("after stop, process %s remains: %q", filepath.Dir(p), cmd)
		}
	}
	out, _ := exec.Command("ss", "-Hltunp").Output()
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 5 {
			continue
		}
		port, _ := strconv.Atoi(f[4][strings.LastIndexByte(f[4], ':')+1:])
		for _, e := range all {
			if e.Port != port || f[0] != e.Proto {
				continue
			}
			if owner := pidRE.FindStringSubmatch(line); owner != nil && !bedPIDs[owner[1]] {
				t.Logf("after stop, %s/%s is held by a process the bed did not start: %s", f[4], f[0], line)
			} else {
				t.Errorf("after stop, %s/%s still listening: %s", f[4], f[0], line)
			}
		}
	}
}

var pidRE = regexp.MustCompile(`pid=(\d+)`)

// udpAsk sends req and waits (retrying) for any datagram back from 127.0.0.1
// (from any port: a TFTP server answers from a new one).
func udpAsk(addr string, req []byte) (int, error) {
	dst, err := net.ResolveUDPAddr("udp", addr)
	if err != nil {
		return 0, err
	}
	c, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		return 0, err
	}
	defer c.Close()
	buf := make([]byte, 4096)
	for try := 0; ; try++ {
		if _, err := c.WriteToUDP(req, dst); err != nil {
			return 0, err
		}
		c.SetReadDeadline(time.Now().Add(time.Second))
		n, _, err := c.ReadFromUDP(buf)
		if err == nil {
			return n, nil
		}
		if try == 2 {
			return 0, err
		}
	}
}

// udpProbe builds a request the service answers.
func udpProbe(e Entry) ([]byte, bool) {
	switch e.Service {
	case "domain": // version.bind CH TXT
		q := []byte{0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}
		q = append(q, 7, 'v', 'e', 'r', 's', 'i', 'o', 'n', 4, 'b', 'i', 'n', 'd', 0, 0, 16, 0, 3)
		return q, true
	case "memcached": // UDP frame header + command
		return append([]byte{0, 1, 0, 0, 0, 1, 0, 0}, "version\r\n"...), true
	case "tftp": // RRQ hello.txt octet
		return []byte("\x00\x01hello.txt\x00octet\x00"), true
	case "ntp": // NTPv4 client request
		q := make([]byte, 48)
		q[0] = 0x23
		return q, true
	case "stun": // Binding request
		q := make([]byte, 20)
		binary.BigEndian.PutUint16(q, 1)
		binary.BigEndian.PutUint32(q[4:], 0x2112A442)
		copy(q[8:], "signettestbd")
		return q, true
	case "snmp":
		return snmpGet(), true
	case "kerberos-sec":
		return asReq(), true
	}
	return nil, false
}

func explicit(tag int, v any) asn1.RawValue {
	b, err := asn1.Marshal(v)
	if err != nil {
		panic(err)
	}
	return asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: tag, IsCompound: true, Bytes: b}
}

func seq(vs ...any) asn1.RawValue {
	var body []byte
	for _, v := range vs {
		b, err := asn1.Marshal(v)
		if err != nil {
			panic(err)
		}
		body = append(body, b...)
	}
	return asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSequence, IsCompound: true, Bytes: body}
}

// snmpGet is an SNMPv1 GetRequest for sysDescr.0, community "public".
func snmpGet() []byte {
	vb := seq(seq(asn1.ObjectIdentifier{1, 3, 6, 1, 2, 1, 1, 1, 0}, asn1.NullRawValue))
	pduBody := seq(7, 0, 0, vb).Bytes
	pdu := asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: pduBody}
	b, _ := asn1.Marshal(seq(0, []byte("public"), pdu))
	return b
}

// asReq is a Kerberos 5 AS-REQ for an unknown client in SIGNET.TEST; the KDC
// answers with a KRB-ERROR.
func asReq() []byte {
	name := func(typ int, parts ...string) asn1.RawValue {
		var ss []any
		for _, p := range parts {
			ss = append(ss, asn1.RawValue{Tag: asn1.TagGeneralString, Bytes: []byte(p)})
		}
		return seq(explicit(0, typ), explicit(1, seq(ss...)))
	}
	gs := func(s string) asn1.RawValue { return asn1.RawValue{Tag: asn1.TagGeneralString, Bytes: []byte(s)} }
	till := asn1.RawValue{Tag: asn1.TagGeneralizedTime, Bytes: []byte("20370913024805Z")}
	body := seq(
		explicit(0, asn1.BitString{Bytes: []byte{0, 0, 0, 0}, BitLength: 32}),
		explicit(1, name(1, "nobody")),
		explicit(2, gs("SIGNET.TEST")),
		explicit(3, name(2, "krbtgt", "SIGNET.TEST")),
		explicit(5, till),
		explicit(7, 12345),
		explicit(8, seq(18, 17)),
	)
	req := seq(explicit(1, 5), explicit(2, 10), explicit(4, body))
	b, _ := asn1.Marshal(asn1.RawValue{Class: asn1.ClassApplication, Tag: 10, IsCompound: true, Bytes: func() []byte { x, _ := asn1.Marshal(req); return x }()})
	return b
}
