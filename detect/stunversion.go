package detect

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
)

// STUNVersion stands for nmap's stun-version: a STUN Binding request
// (RFC 5389 section 6: type 0x0001, no attributes, the magic cookie and
// a 96-bit transaction id) over UDP, and the SOFTWARE attribute (0x8022;
// RFC 3489's SERVER) of the Binding success response. The answer is
// set from it by stunProduct.
type STUNVersion struct{}

func (STUNVersion) Name() string { return "stun-version" }
func (STUNVersion) Rule() Rule {
	return Rule{Ports: []int{3478}, Services: []string{"stun"}, Protos: []string{"udp"}, MinIntensity: 7}
}
func (STUNVersion) Sets() []Field { return []Field{FProduct, FVersion} }

const stunCookie = 0x2112A442

func (STUNVersion) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	conn, err := dialWait(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	req := make([]byte, 20)
	binary.BigEndian.PutUint16(req, 0x0001)
	binary.BigEndian.PutUint32(req[4:], stunCookie)
	rand.Read(req[8:])
	if _, err := conn.Write(req); err != nil {
		return nil, err
	}
	buf := make([]byte, 2048)
	for range 8 {
		n, err := conn.Read(buf)
		if err != nil {
			return nil, err
		}
		software, ok := ParseSTUNSoftware(buf[:n], req[8:20])
		if !ok {
			continue
		}
		if software == "" {
			return nil, nil
		}
		env.Trace("Service scan detector stun-version: %s:%d SOFTWARE %q", p.Addr, p.Number, software)
		product, version := stunProduct(software)
		return &Update{Product: product, Version: version, Match: Soft}, nil
	}
	return nil, errors.New("stun-version: no answer to our request")
}

// ParseSTUNSoftware decodes a Binding response to the transaction txid
// and returns its SOFTWARE (or SERVER) attribute, "" when it has none;
// ok is false for anything else.
func ParseSTUNSoftware(b, txid []byte) (software string, ok bool) {
	if len(b) < 20 || b[0]&0xC0 != 0 || string(b[8:20]) != string(txid) {
		return "", false
	}
	if t := binary.BigEndian.Uint16(b); t != 0x0101 && t != 0x0111 {
		return "", false
	}
	n := int(binary.BigEndian.Uint16(b[2:]))
	if 20+n > len(b) {
		return "", false
	}
	attrs := b[20 : 20+n]
	for len(attrs) >= 4 {
		typ, l := binary.BigEndian.Uint16(attrs), int(binary.BigEndian.Uint16(attrs[2:]))
		if 4+l > len(attrs) {
			return "", false
		}
		if typ == 0x8022 {
			return string(attrs[4 : 4+l]), true
		}
		pad := (l + 3) &^ 3
		if 4+pad > len(attrs) {
			break
		}
		attrs = attrs[4+pad:]
	}
	return "", true
}

// stunProduct splits a SOFTWARE value into product and version (to be
// checked against nmap's answers).
func stunProduct(software string) (product, version string) {
	return software, ""
}
