package detect

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// PPTPVersion stands for nmap's pptp-version: it opens a PPTP control
// connection (RFC 2637 section 2.1: Start-Control-Connection-Request)
// and reads the Start-Control-Connection-Reply, which carries the
// server's firmware revision, host name and vendor string. nmap 7.93
// sets the product to the vendor string, the version to "(Firmware: N)"
// and the hostname to the host name (pptpd 1.4.0: linux (Firmware: 1),
// Host: local). Its rule is the port number alone: TCP 1723 (a port
// named pptp elsewhere is not asked).
type PPTPVersion struct{}

func (PPTPVersion) Name() string { return "pptp-version" }
func (PPTPVersion) Rule() Rule {
	return Rule{Ports: []int{1723}, MinIntensity: 7}
}
func (PPTPVersion) Sets() []Field { return []Field{FProduct, FVersion, FHostname} }

const (
	pptpMagic   = 0x1A2B3C4D
	pptpSCCRLen = 156
)

// pptpStartRequest is a Start-Control-Connection-Request: protocol
// version 1.0, synchronous and asynchronous framing and analog and
// digital bearers offered, no channels, firmware 0, no host or vendor.
func pptpStartRequest() []byte {
	b := make([]byte, pptpSCCRLen)
	binary.BigEndian.PutUint16(b[0:], pptpSCCRLen)
	binary.BigEndian.PutUint16(b[2:], 1) // control message
	binary.BigEndian.PutUint32(b[4:], pptpMagic)
	binary.BigEndian.PutUint16(b[8:], 1)       // Start-Control-Connection-Request
	binary.BigEndian.PutUint16(b[12:], 0x0100) // protocol version 1.0
	binary.BigEndian.PutUint32(b[16:], 3)      // framing capabilities
	binary.BigEndian.PutUint32(b[20:], 3)      // bearer capabilities
	return b
}

func (PPTPVersion) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	conn, err := dialWait(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.Write(pptpStartRequest()); err != nil {
		return nil, err
	}
	reply := make([]byte, pptpSCCRLen)
	if _, err := io.ReadFull(conn, reply); err != nil {
		return nil, err
	}
	r, err := ParsePPTPStartReply(reply)
	if err != nil {
		return nil, err
	}
	env.Trace("Service scan detector pptp-version: %s:%d vendor %q firmware %d host %q", p.Addr, p.Number, r.Vendor, r.Firmware, r.Hostname)
	return &Update{Product: r.Vendor, Version: fmt.Sprintf("(Firmware: %d)", r.Firmware), Hostname: r.Hostname, Match: Hard}, nil
}

// PPTPStart is what a Start-Control-Connection-Reply says of its server.
type PPTPStart struct {
	Result           byte
	Firmware         uint16
	Hostname, Vendor string
	ProtocolVersion  uint16
	MaxChannels      uint16
	Framing, Bearer  uint32
}

// ParsePPTPStartReply decodes a Start-Control-Connection-Reply (RFC 2637
// section 2.2); the host name and vendor are NUL-padded 64-byte fields.
func ParsePPTPStartReply(b []byte) (PPTPStart, error) {
	if len(b) < pptpSCCRLen || binary.BigEndian.Uint16(b) != pptpSCCRLen || binary.BigEndian.Uint16(b[2:]) != 1 ||
		binary.BigEndian.Uint32(b[4:]) != pptpMagic || binary.BigEndian.Uint16(b[8:]) != 2 {
		return PPTPStart{}, errors.New("pptp-version: not a Start-Control-Connection-Reply")
	}
	cstr := func(f []byte) string {
		if i := bytes.IndexByte(f, 0); i >= 0 {
			f = f[:i]
		}
		return string(f)
	}
	return PPTPStart{
		ProtocolVersion: binary.BigEndian.Uint16(b[12:]),
		Result:          b[14],
		Framing:         binary.BigEndian.Uint32(b[16:]),
		Bearer:          binary.BigEndian.Uint32(b[20:]),
		MaxChannels:     binary.BigEndian.Uint16(b[24:]),
		Firmware:        binary.BigEndian.Uint16(b[26:]),
		Hostname:        cstr(b[28:92]),
		Vendor:          cstr(b[92:156]),
	}, nil
}
