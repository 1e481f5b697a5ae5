package detect

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/result"
)

// evidenceExchange returns the first recorded reply of a detector's
// evidence file, for the parsers' tests and fuzz seeds.
func evidenceExchange(t testing.TB, detector, file string, i int) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata/evidence", detector, file))
	if err != nil {
		t.Fatal(err)
	}
	e, err := ParseEvidence(file, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return e.Exchanges[i].Reply
}

func TestParseSNMPv3EngineID(t *testing.T) {
	reply := evidenceExchange(t, "snmp-info", "netsnmp-v3-only.txt", 0)
	eid, _, err := ParseSNMPv3EngineID(reply)
	if err != nil || EngineEnterprise(eid) != "net-snmp" {
		t.Fatalf("engine ID %x %v", eid, err)
	}
	for n := range len(reply) - 1 {
		if _, _, err := ParseSNMPv3EngineID(reply[:n]); err == nil {
			t.Errorf("a reply cut at %d bytes is refused", n)
		}
	}
	// Both engine ID formats of RFC 3411 carry the enterprise number.
	for eid, want := range map[string]string{
		"\x80\x00\x00\x09\x03\x00\xd4\x8c\x00\x11\x22":     "ciscoSystems",
		"\x00\x00\x00\x09\x00\x00\x00\x00\xc0\xa8\x00\x01": "ciscoSystems",
		"\x80\x00\x07\xe5\x80\xaa":                         "U.C. Davis, ECE Dept. Tom",
		"\x80\x01\x86\x9f\x04hello":                        "nil",
	} {
		if got := EngineEnterprise([]byte(eid)); got != want {
			t.Errorf("EngineEnterprise(%x) = %q, want %q", eid, got, want)
		}
	}
	// The request is a well-formed SNMPv3 message with our message id.
	msg := snmpDiscovery(0x01020304)
	if !bytes.Equal(msg[snmpMsgIDAt:snmpMsgIDAt+4], []byte{1, 2, 3, 4}) {
		t.Errorf("message id not at %d: %x", snmpMsgIDAt, msg)
	}
}

// TestSNMPInfoProduct: the product rule on a hard match, a softmatch and
// no product, over a fake agent answering with a crafted engine ID.
func TestSNMPInfoProduct(t *testing.T) {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	go func() {
		buf := make([]byte, 2048)
		for range 10 {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			id := buf[snmpMsgIDAt : snmpMsgIDAt+4]
			usm := berTLV(0x30, concat(berTLV(0x04, []byte("\x80\x00\x01\x37\x03\x00\x11\x22\x33\x44\x55")), berInt(1), berInt(2), berTLV(0x04, nil), berTLV(0x04, nil), berTLV(0x04, nil)))
			hdr := berTLV(0x30, concat(berInt(binary.BigEndian.Uint32(id)), berInt(1500), berTLV(0x04, []byte{0}), berInt(3)))
			pc.WriteTo(berTLV(0x30, concat(berInt(3), hdr, berTLV(0x04, usm), berTLV(0x30, nil))), from)
			_ = n
		}
	}()
	env := &Env{Wait: 2 * time.Second, Trace: t.Logf, Dial: func(ctx context.Context, _ bool) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", pc.LocalAddr().String())
	}}
	for _, c := range []struct {
		product string
		hard    bool
		want    string
	}{
		{"Cisco SNMP service", true, "Cisco SNMP service; Microsoft SNMPv3 server"},
		{"SNMPv3 server", false, "Microsoft SNMPv3 server"},
		{"", true, "Microsoft SNMPv3 server"},
	} {
		p := &Port{Addr: netip.MustParseAddr("127.0.0.1"), Number: 161, Proto: "udp", Intensity: 7, Hard: c.hard,
			Service: &result.Service{Name: "snmp", Product: c.product, Method: "probed", Conf: 10, Fingerprint: "SF-Port161-UDP:x"}}
		res, err := Run(context.Background(), SNMPInfo{}, env, p)
		if err != nil || res == nil {
			t.Fatalf("%+v: %v", c, err)
		}
		if res.Service.Product != c.want || res.Service.Fingerprint != "" {
			t.Errorf("%q (hard %v): product %q, fingerprint %q", c.product, c.hard, res.Service.Product, res.Service.Fingerprint)
		}
	}
}

func TestParseConnectionStart(t *testing.T) {
	frame := evidenceExchange(t, "amqp-info", "rabbitmq-3.10.8.txt", 0)
	payload, err := readAMQPFrame(bytes.NewReader(frame))
	if err != nil {
		t.Fatal(err)
	}
	props, err := ParseConnectionStart(payload)
	if err != nil || props["product"] != "RabbitMQ" || props["version"] != "3.10.8" || props["platform"] != "Erlang/OTP 25.2.3" {
		t.Fatalf("%v %v", props, err)
	}
	for n := 10; n < len(payload); n += 7 {
		ParseConnectionStart(payload[:n]) // must not panic
	}
	if _, err := readAMQPFrame(bytes.NewReader([]byte("AMQP\x00\x00\x09\x01"))); err == nil {
		t.Error("a protocol header is not a frame")
	}
}

func TestParseMurmurPong(t *testing.T) {
	ident := []byte("ABCDEFGH")
	pong := append(append([]byte{0, 1, 3, 4}, ident...), 0, 0, 0, 2, 0, 0, 0, 100, 0, 1, 0x19, 0x40)
	r, ok := ParseMurmurPong(pong, ident)
	if !ok || r.Version != "1.3.4" || r.Users != 2 || r.MaxUsers != 100 || r.Bandwidth != 72000 {
		t.Errorf("%+v %v", r, ok)
	}
	if _, ok := ParseMurmurPong(pong, []byte("ABCDEFGX")); ok {
		t.Error("an answer to another ping is refused")
	}
	if _, ok := ParseMurmurPong(pong[:23], ident); ok {
		t.Error("a short answer is refused")
	}
}

func TestParseSTUNSoftware(t *testing.T) {
	txid := []byte("ABCDEFGHIJKL")
	msg := []byte{0x01, 0x01, 0, 0, 0x21, 0x12, 0xa4, 0x42}
	msg = append(msg, txid...)
	attrs := []byte{0x80, 0x2b, 0, 8, 0, 1, 0xa9, 0xd6, 127, 0, 0, 1} // RESPONSE-ORIGIN
	attrs = append(attrs, 0x80, 0x22, 0, 5, 'Z', 'o', 'r', 'b', '1', 0, 0, 0)
	binary.BigEndian.PutUint16(msg[2:], uint16(len(attrs)))
	msg = append(msg, attrs...)
	if s, ok := ParseSTUNSoftware(msg, txid); !ok || s != "Zorb1" {
		t.Errorf("%q %v", s, ok)
	}
	if _, ok := ParseSTUNSoftware(msg, []byte("ABCDEFGHIJKX")); ok {
		t.Error("an answer to another transaction is refused")
	}
	if s, ok := ParseSTUNSoftware(msg[:20+12], txid); ok || s != "" {
		t.Errorf("a message longer than its bytes: %q %v", s, ok)
	}
}

func TestParseJDWPVersion(t *testing.T) {
	reply := evidenceExchange(t, "jdwp-version", "openjdk-17.txt", 0)
	reply = bytes.TrimPrefix(reply, jdwpHandshake)
	v, err := ParseJDWPVersion(reply[11:])
	if err != nil || v.VMVersion != "17.0.15" || v.JDWPMajor != 17 || !strings.HasPrefix(v.Description, "Java Debug Wire Protocol") {
		t.Fatalf("%+v %v", v, err)
	}
	for n := range len(reply) - 11 {
		if n < len(reply)-12 {
			if _, err := ParseJDWPVersion(reply[11 : 11+n]); err == nil {
				t.Errorf("a reply cut at %d bytes is refused", n)
			}
		}
	}
}

func TestParsePPTPStartReply(t *testing.T) {
	reply := evidenceExchange(t, "pptp-version", "pptpd-1.4.0.txt", 0)
	r, err := ParsePPTPStartReply(reply)
	if err != nil || r.Vendor != "linux" || r.Hostname != "local" || r.Firmware != 1 {
		t.Fatalf("%+v %v", r, err)
	}
	if _, err := ParsePPTPStartReply(pptpStartRequest()); err == nil {
		t.Error("a request is not a reply")
	}
}

func TestMQTTPackets(t *testing.T) {
	pub := mqttPacket(0x31, append(mqttString(mqttVersionTopic), "mosquitto version 2.0.11"...))
	first, rest, err := readMQTTPacket(bytes.NewReader(pub))
	if err != nil {
		t.Fatal(err)
	}
	topic, payload, ok := parseMQTTPublish(first, rest)
	if !ok || topic != mqttVersionTopic || string(payload) != "mosquitto version 2.0.11" {
		t.Errorf("%q %q %v", topic, payload, ok)
	}
	big := mqttPacket(0x30, make([]byte, 300))
	if big[1] != 0xac || big[2] != 0x02 {
		t.Errorf("remaining length 300 encodes as %x", big[1:3])
	}
	if _, _, err := readMQTTPacket(bytes.NewReader([]byte{0x30, 0xff, 0xff, 0xff, 0xff, 0x01})); err == nil {
		t.Error("a five-byte remaining length is refused")
	}
}

func FuzzParseSNMPv3EngineID(f *testing.F) {
	f.Add(snmpDiscovery(0x01020304))
	f.Fuzz(func(t *testing.T, b []byte) {
		if eid, _, err := ParseSNMPv3EngineID(b); err == nil {
			EngineEnterprise(eid)
		}
	})
}

func FuzzParseConnectionStart(f *testing.F) {
	f.Add([]byte("\x00\x0a\x00\x0a\x00\x09\x00\x00\x00\x0c\x07productS\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ParseConnectionStart(b)
		readAMQPFrame(bytes.NewReader(b))
	})
}

func FuzzParseReplies(f *testing.F) {
	f.Add([]byte("JDWP"), byte(0))
	f.Add(pptpStartRequest(), byte(1))
	f.Fuzz(func(t *testing.T, b []byte, which byte) {
		switch which % 5 {
		case 0:
			ParseJDWPVersion(b)
		case 1:
			ParsePPTPStartReply(b)
		case 2:
			ParseSTUNSoftware(b, make([]byte, 12))
		case 3:
			ParseMurmurPong(b, make([]byte, 8))
		default:
			if first, rest, err := readMQTTPacket(bytes.NewReader(b)); err == nil {
				parseMQTTPublish(first, rest)
			}
		}
	})
}

func TestTNSVersion(t *testing.T) {
	for in, want := range map[string]string{
		"(DESCRIPTION=(TMP=)(VSNNUM=318767104)(ERR=1189))": "19.0.0.0.0",
		"(VSNNUM=186647040)": "11.2.0.2.0",
		"(VSNNUM=169869568)": "10.2.0.1.0",
	} {
		if got, ok := TNSVersion([]byte(in)); !ok || got != want {
			t.Errorf("TNSVersion(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"(DESCRIPTION=(ERR=12504))", "(VSNNUM=99999999999)", "(VSNNUM=)"} {
		if got, ok := TNSVersion([]byte(in)); ok {
			t.Errorf("TNSVersion(%q) = %q", in, got)
		}
	}
}

func TestTNSError(t *testing.T) {
	for in, want := range map[string]string{
		"(DESCRIPTION=(TMP=)(VSNNUM=1)(ERR=1189)(ERROR_STACK=(ERROR=(CODE=1189)(EMFI=4))))": "unauthorized",
		"(ERR=12514)": "unknown service name",
		"(ERR=12516)": "error: 12516",
		"(TMP=)":      "",
	} {
		if got := TNSError([]byte(in)); got != want {
			t.Errorf("TNSError(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTNSConnectLengths(t *testing.T) {
	b := tnsVersionConnect()
	if int(be16(b, 0)) != len(b) || b[4] != 1 {
		t.Fatalf("packet length %d, type %d, for %d bytes", be16(b, 0), b[4], len(b))
	}
	off, n := int(be16(b, 26)), int(be16(b, 24))
	if off+n != len(b) || string(b[off:]) != "(CONNECT_DATA=(COMMAND=version))" {
		t.Errorf("connect data at %d, %d bytes: %q", off, n, b[off:])
	}
}

func TestFirmwareVersion(t *testing.T) {
	for in, want := range map[string]string{
		"XM.ar7240.v6.1.7.32555.180523.1754":          "v6.1.7",
		"e50.mtk.v2.0.9-hotfix.7.5622731.230615.0857": "v2.0.9",
		"UniFi OS": "",
	} {
		if got := string(firmwareVersion.Find([]byte(in))); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestHELOVersion(t *testing.T) {
	for in, want := range map[string]string{
		"HELO:12.2.1.4.0.false\n": "12.2.1.4",
		"HELO:10.3.6.0.false\n":   "10.3.6.0",
		"HELO:8.1.6.false\n":      "", // four numbers or none
		"HELO:12.2.1.4\n":         "", // a dot after the fourth
	} {
		m := heloVersion.FindStringSubmatch(in)
		if want == "" && m != nil || want != "" && (m == nil || m[1] != want) {
			t.Errorf("%q: %v, want %q", in, m, want)
		}
	}
}

func TestDockerVersionOf(t *testing.T) {
	for _, c := range []struct {
		status int
		body   string
		want   string
		ok     bool
	}{
		{200, `{"Version":"20.10.24+dfsg1","ApiVersion":"1.41","GitCommit":"3713ee1"}`, "20.10.24+dfsg1", true},
		{200, `{"Components":[{"Version":"x"}],"Version":"1.11.2","GitCommit":""}` + "\n", "1.11.2", true},
		{200, `{"Version":"4.3.1","GitCommit":null}`, "4.3.1", true},
		{200, `{"Version":"20.10.24","ApiVersion":"1.41"}`, "", false}, // no GitCommit
		{200, `{"Version":"20.10.24","GitCommit":false}`, "", false},
		{500, `{"Version":"1.11.2"}`, "", false},
		{404, `{"message":"page not found"}`, "", false},
		{200, `{"Version":20.1}`, "", false},
		{200, `{"Version":""}`, "", false},
		{200, `{"ApiVersion":"1.41"}`, "", false},
		{200, `["Version"]`, "", false},
		{200, "Version: 20.10.24\n", "", false},
		{200, "", "", false},
	} {
		got, ok := DockerVersionOf(c.status, []byte(c.body))
		if got != c.want || ok != c.ok {
			t.Errorf("%d %q: %q %v, want %q %v", c.status, c.body, got, ok, c.want, c.ok)
		}
	}
}

func TestEBCDIC(t *testing.T) {
	for _, s := range []string{"QDB2/LINUXX8664", "SQL11058", "db2sysc 00000000000A5F21", "Apache Derby"} {
		if got := fromEBCDIC(toEBCDIC(s)); got != s {
			t.Errorf("%q read back as %q", s, got)
		}
	}
}

// FuzzProtocolParsers: the detectors' parsers never panic on any reply.
func FuzzProtocolParsers(f *testing.F) {
	f.Add([]byte("fox a 0 -1 fox hello\n{\nhostName=s:x\n};;\n"))
	f.Add([]byte{0x81, 0x0a, 0x00, 0x09, 0x01, 0x28, 0x00, 0x01, 0x30})
	f.Add([]byte{1, 0, 0, 6, 0x0c, 0, 3, 'N', 'S', 'M'})
	f.Add([]byte{0x63, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{0, 8, 0x14, 0x43, 0, 4, 0x11, 0x47})
	f.Fuzz(func(t *testing.T, b []byte) {
		ParseFoxHello(b)
		BACnetAPDU(b)
		ParseUbiquiti(b)
		ParseListIdentity(b)
		TNSVersion(b)
		TNSError(b)
		ParseEXCSATRD(b)
		IsFINSControllerData(b)
		NDMPStrings(b)
		DockerVersionOf(200, b)
		id := &S7Identity{}
		id.fromModuleIdentification([][]byte{b})
		id.fromComponentIdentification([][]byte{b})
	})
}

// FuzzDetectorReplies: every detector of Table, given any reply to any
// request (over a pipe, TCP or UDP alike), ends without panicking and
// within its deadline.
func FuzzDetectorReplies(f *testing.F) {
	f.Add([]byte("\x03\x00\x00\x16\x11\xd0\x00\x14\x00\x01\x00\xc1\x02\x01\x00\xc2\x02\x01\x02\xc0\x01\x0a"), uint8(0))
	f.Add([]byte("HELO:12.2.1.4.0.false\nAS:2048\n\n"), uint8(7))
	f.Add([]byte("FINS\x00\x00\x00\x10\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\xef\x00\x00\x00\x0a"), uint8(3))
	f.Fuzz(func(t *testing.T, reply []byte, pick uint8) {
		d := Table[int(pick)%len(Table)]
		if d.Name() == "tls-fallback" {
			return
		}
		p := &Port{Addr: netip.MustParseAddr("127.0.0.1"), Number: 102, Proto: "tcp", Intensity: 7,
			Service: &result.Service{Name: "x"}}
		if d.Rule().MayWant(p.Number, "udp") && !d.Rule().MayWant(p.Number, "tcp") {
			p.Proto = "udp"
		}
		env := &Env{Wait: 20 * time.Millisecond, Trace: func(string, ...any) {},
			Dial: func(ctx context.Context, ssl bool) (net.Conn, error) {
				if ssl {
					return nil, errors.New("no TLS here")
				}
				c, s := net.Pipe()
				go func() {
					defer s.Close()
					s.SetDeadline(time.Now().Add(time.Second))
					buf := make([]byte, 4096)
					for range 4 {
						if _, err := s.Read(buf); err != nil {
							return
						}
						if _, err := s.Write(reply); err != nil {
							return
						}
					}
				}()
				return c, nil
			}}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		start := time.Now()
		Run(ctx, d, env, p)
		if time.Since(start) > 2*time.Second {
			t.Errorf("%s ran %v", d.Name(), time.Since(start))
		}
	})
}
