package detect

import (
	"context"
	"encoding/binary"
	"errors"
	"strings"
)

// DRDAInfo stands for nmap's drda-info: on ports 50000, 60000, 9090, 1526 and 1527
// (or a port named drda or ibm-db2) it sends a DRDA EXCSAT (exchange
// server attributes; The Open Group's DRDA, volume 3: DDM) and reads the
// EXCSATRD reply. The answer becomes name drda, extrainfo the server
// class name (SRVCLSNM), and product "Apache Derby Server" when that
// class names Derby, else "IBM DB2 Database Server" (nmap 7.93 goes by
// the class, not the release level: SQL or DSN with class "Apache Derby"
// is Derby, CSS with class QDB2/... is DB2), probed with confidence 10
// and its fingerprint dropped. nmap 7.93 sets no version.
type DRDAInfo struct{}

func (DRDAInfo) Name() string { return "drda-info" }
func (DRDAInfo) Rule() Rule {
	return Rule{Ports: []int{50000, 60000, 9090, 1526, 1527}, Services: []string{"drda", "ibm-db2"}, MinIntensity: 7}
}
func (DRDAInfo) Sets() []Field { return []Field{FName, FProduct, FInfo} }

// DDM code points.
const (
	ddmEXCSAT   = 0x1041
	ddmEXCSATRD = 0x1443
	ddmEXTNAM   = 0x115e
	ddmSRVNAM   = 0x116d
	ddmSRVRLSLV = 0x115a
	ddmSRVCLSNM = 0x1147
	ddmMGRLVLLS = 0x1404
)

// excsat is an EXCSAT request in one request DSS (correlation id 1):
// our external name, manager levels (AGENT, SQLAM, RDB, SECMGR,
// CMNTCPIP), server class and name.
func excsat() []byte {
	param := func(cp uint16, v []byte) []byte {
		b := binary.BigEndian.AppendUint16(nil, uint16(4+len(v)))
		return append(binary.BigEndian.AppendUint16(b, cp), v...)
	}
	var obj []byte
	obj = append(obj, param(ddmEXTNAM, toEBCDIC("signet"))...)
	obj = append(obj, param(ddmMGRLVLLS, []byte{0x14, 0x03, 0x00, 0x07, 0x24, 0x07, 0x00, 0x07, 0x24, 0x0f, 0x00, 0x07, 0x14, 0x40, 0x00, 0x07, 0x14, 0x74, 0x00, 0x05})...)
	obj = append(obj, param(ddmSRVCLSNM, toEBCDIC("signet"))...)
	obj = append(obj, param(ddmSRVNAM, toEBCDIC("signet"))...)
	ddm := param(ddmEXCSAT, obj)
	dss := []byte{0, 0, 0xd0, 0x01, 0x00, 0x01}
	binary.BigEndian.PutUint16(dss, uint16(6+len(ddm)))
	return append(dss, ddm...)
}

func (DRDAInfo) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	s, err := dial(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if err := s.write(excsat()); err != nil {
		return nil, err
	}
	hdr, err := s.readFull(6)
	if err != nil {
		return nil, err
	}
	n := int(be16(hdr, 0))
	if hdr[2] != 0xd0 || n < 10 {
		return nil, errors.New("drda-info: not a DSS reply")
	}
	body, err := s.readFull(n - 6)
	if err != nil {
		return nil, err
	}
	attrs, err := ParseEXCSATRD(body)
	if err != nil {
		return nil, err
	}
	release, class := attrs[ddmSRVRLSLV], attrs[ddmSRVCLSNM]
	env.Trace("Service scan detector drda-info: %s:%d release %q class %q name %q", p.Addr, p.Number, release, class, attrs[ddmSRVNAM])
	u := &Update{Name: "drda", Info: class, Product: "IBM DB2 Database Server", Match: Hard}
	if strings.Contains(class, "Derby") {
		u.Product = "Apache Derby Server"
	}
	return u, nil
}

// ParseEXCSATRD reads the DDM object of a reply DSS: an EXCSATRD whose
// character parameters are decoded from EBCDIC.
func ParseEXCSATRD(b []byte) (map[uint16]string, error) {
	bad := errors.New("drda-info: not an EXCSATRD")
	if len(b) < 4 || be16(b, 2) != ddmEXCSATRD {
		return nil, bad
	}
	n := int(be16(b, 0))
	if n < 4 || n > len(b) {
		return nil, bad
	}
	out := map[uint16]string{}
	for rest := b[4:n]; len(rest) > 0; {
		l := int(be16(rest, 0))
		if l < 4 || l > len(rest) {
			return nil, bad
		}
		switch cp := be16(rest, 2); cp {
		case ddmEXTNAM, ddmSRVNAM, ddmSRVRLSLV, ddmSRVCLSNM:
			out[cp] = fromEBCDIC(rest[4:l])
		}
		rest = rest[l:]
	}
	return out, nil
}

// ebcdic maps the printable characters of CCSID 500 (and 037, which
// agrees on them) to ASCII; other bytes read as '?'.
var ebcdic = func() (t [256]byte) {
	for i := range t {
		t[i] = '?'
	}
	runs := []struct {
		from byte
		to   string
	}{
		{0x81, "abcdefghi"}, {0x91, "jklmnopqr"}, {0xa2, "stuvwxyz"},
		{0xc1, "ABCDEFGHI"}, {0xd1, "JKLMNOPQR"}, {0xe2, "STUVWXYZ"},
		{0xf0, "0123456789"}, {0x40, " "}, {0x4b, "."}, {0x61, "/"}, {0x6d, "_"}, {0x60, "-"}, {0x7a, ":"}, {0x00, "\x00"},
	}
	for _, r := range runs {
		for i := 0; i < len(r.to); i++ {
			t[r.from+byte(i)] = r.to[i]
		}
	}
	return t
}()

func fromEBCDIC(b []byte) string {
	out := make([]byte, len(b))
	for i, c := range b {
		out[i] = ebcdic[c]
	}
	return strings.TrimRight(string(out), " \x00")
}

func toEBCDIC(s string) []byte {
	out := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		out[i] = 0x6f
		for e, a := range ebcdic {
			if a == s[i] && a != '?' {
				out[i] = byte(e)
				break
			}
		}
	}
	return out
}
