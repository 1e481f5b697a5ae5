package detect

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"testing"
	"time"

	"github.com/signetscan/signet/result"
)

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
		"HELO:8.1.6.false\n":      "8.1.6",
	} {
		m := heloVersion.FindStringSubmatch(in)
		if m == nil || m[1] != want {
			t.Errorf("%q: %v, want %q", in, m, want)
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

func TestRandomLooking(t *testing.T) {
	if RandomLooking([]byte("0123456789abcdef")) {
		t.Error("text is not random")
	}
	if RandomLooking(make([]byte, 16)) {
		t.Error("zeros are not random")
	}
	if !RandomLooking([]byte{0x8f, 0x12, 0xa0, 0x33, 0xfe, 0x01, 0x7c, 0x55, 0xd2, 0x09, 0xbb, 0x40, 0x61, 0xc8, 0x2e, 0x97}) {
		t.Error("a seed is random")
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
