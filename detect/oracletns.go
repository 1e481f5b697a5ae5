package detect

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
)

// OracleTNSVersion stands for nmap's oracle-tns-version: on ports 1521
// to 1523 (or a port named oracle-tns) whose answer has no version yet,
// it sends an Oracle Net CONNECT packet asking the listener for its
// version and reads the VSNNUM the listener puts in its description —
// even when it refuses the command (ERR=1189). VSNNUM is the version as
// one number: major (8 bits), maintenance (4), application server (4),
// component (8), platform (8). The answer becomes product "Oracle TNS
// listener", that version and CPE cpe:/a:oracle:database_server:VERSION,
// and extrainfo what the listener's ERR says, in nmap 7.93's words
// (learned from listeners refusing with each error: TNS-01189
// "unauthorized", TNS-01194 "insecure transport", TNS-12505 "unknown
// sid", TNS-12514 "unknown service name", any other "error: N"); probed
// with confidence 10 and its fingerprint dropped; the name stays.
type OracleTNSVersion struct{}

func (OracleTNSVersion) Name() string { return "oracle-tns-version" }
func (OracleTNSVersion) Rule() Rule {
	return Rule{Ports: []int{1521, 1522, 1523}, Services: []string{"oracle-tns"}, MinIntensity: 7}
}
func (OracleTNSVersion) Sets() []Field { return []Field{FProduct, FVersion, FInfo, FCPE} }

// tnsVersionConnect is a TNS CONNECT packet (type 1) of protocol version
// 314 (0x013a), SDU and TDU 8192, whose connect data asks the listener
// for its version.
func tnsVersionConnect() []byte {
	data := "(CONNECT_DATA=(COMMAND=version))"
	const hdr = 58 // packet header (8) and CONNECT fields (50) before the data
	b := []byte{0, 0, 0, 0, 1, 0, 0, 0,
		0x01, 0x3a, 0x01, 0x2c, // version 314, lowest compatible 300
		0x0c, 0x41, 0x20, 0x00, 0x20, 0x00, // service options, SDU, TDU
		0x4f, 0x98, 0x00, 0x00, 0x00, 0x01, // NT protocol characteristics, line turnaround, value of 1 in hardware
		0, 0, 0, hdr, // connect data length, offset
		0, 0, 0, 0, // maximum receivable connect data
		0x41, 0x41, // connect flags
	}
	b = append(b, make([]byte, hdr-len(b))...)
	b[24], b[25] = byte(len(data)>>8), byte(len(data))
	b = append(b, data...)
	b[0], b[1] = byte(len(b)>>8), byte(len(b))
	return b
}

var (
	vsnnum  = regexp.MustCompile(`\(VSNNUM=(\d+)\)`)
	tnsErr  = regexp.MustCompile(`\(ERR=(\d+)\)`)
	tnsErrs = map[string]string{"1189": "unauthorized", "1194": "insecure transport", "12505": "unknown sid", "12514": "unknown service name"}
)

// TNSError is the extrainfo for the listener's ERR in a packet, "" when
// it gives none.
func TNSError(b []byte) string {
	m := tnsErr.FindSubmatch(b)
	if m == nil {
		return ""
	}
	if s, ok := tnsErrs[string(m[1])]; ok {
		return s
	}
	return "error: " + string(m[1])
}

func (OracleTNSVersion) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	if p.Service.Version != "" {
		return nil, nil // nmap's script runs only on a listener of no known version
	}
	s, err := dial(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if err := s.write(tnsVersionConnect()); err != nil {
		return nil, err
	}
	hdr, err := s.readFull(8)
	if err != nil {
		return nil, err
	}
	n := int(be16(hdr, 0))
	if n < 8 || n > 8192 {
		return nil, errors.New("oracle-tns-version: not a TNS packet")
	}
	body, err := s.readFull(n - 8)
	if err != nil {
		return nil, err
	}
	v, ok := TNSVersion(body)
	if !ok {
		return nil, nil
	}
	env.Trace("Service scan detector oracle-tns-version: %s:%d listener version %s", p.Addr, p.Number, v)
	return &Update{Product: "Oracle TNS listener", Version: v, Info: TNSError(body), CPE: []string{"cpe:/a:oracle:database_server:" + v}, Match: Hard}, nil
}

// TNSVersion finds the listener's VSNNUM in a packet and decodes it.
func TNSVersion(b []byte) (string, bool) {
	m := vsnnum.FindSubmatch(b)
	if m == nil {
		return "", false
	}
	n, err := strconv.ParseUint(string(m[1]), 10, 32)
	if err != nil {
		return "", false
	}
	return fmt.Sprintf("%d.%d.%d.%d.%d", n>>24, n>>20&0xf, n>>12&0xff, n>>8&0xf, n&0xff), true
}
