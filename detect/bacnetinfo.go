package detect

import (
	"context"
	"errors"
)

// BACnetInfo stands for nmap's bacnet-info: on UDP port 47808 (or a UDP
// port named bacnet) it asks the device object, whatever its instance
// (the wildcard 4194303), for its vendor identifier with a confirmed
// ReadProperty request (ANSI/ASHRAE 135: BVLC Original-Unicast-NPDU,
// NPDU version 1). Any BACnet answer to it — the value, or an Error,
// Reject or Abort PDU, as older devices send — names the port bacnet,
// probed with confidence 10 and its fingerprint dropped (nmap 7.93 sets
// nothing else: vendor, model and firmware show only in its script
// output).
type BACnetInfo struct{}

func (BACnetInfo) Name() string { return "bacnet-info" }
func (BACnetInfo) Rule() Rule {
	return Rule{Ports: []int{47808}, Services: []string{"bacnet"}, Protos: []string{"udp"}, MinIntensity: 7}
}
func (BACnetInfo) Sets() []Field { return []Field{FName} }

// BACnet property identifiers of the device object.
const (
	bacnetVendorID = 120
)

func (BACnetInfo) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	// A fixed invoke id: a connected socket only receives the port's
	// datagrams.
	const invoke = 1
	req := BACnetReadProperty(invoke, bacnetVendorID)
	reply, err := datagram(ctx, env, req, func(b []byte) bool {
		apdu, err := BACnetAPDU(b)
		return err == nil && len(apdu) >= 2 && apdu[1] == invoke
	})
	if err != nil {
		return nil, err
	}
	apdu, _ := BACnetAPDU(reply)
	switch apdu[0] >> 4 {
	case 3, 5, 6, 7: // ComplexACK, Error, Reject, Abort
	default:
		return nil, errors.New("bacnet-info: not an answer to ReadProperty")
	}
	env.Trace("Service scan detector bacnet-info: %s:%d answers BACnet (PDU type %d)", p.Addr, p.Number, apdu[0]>>4)
	return &Update{Name: "bacnet", Match: Hard}, nil
}

// BACnetReadProperty is a confirmed ReadProperty request for a property
// of the device object with the wildcard instance, in a BVLC
// Original-Unicast-NPDU with an NPDU that expects a reply.
func BACnetReadProperty(invoke, prop byte) []byte {
	// BVLC: type 0x81, Original-Unicast-NPDU, length; NPDU: version 1,
	// control 0x04 (expecting reply); APDU: confirmed request, max 1476
	// octets, invoke id, ReadProperty (12); object identifier (context 0:
	// device, 4194303), property identifier (context 1).
	return []byte{0x81, 0x0a, 0x00, 0x11, 0x01, 0x04, 0x00, 0x05, invoke, 0x0c,
		0x0c, 0x02, 0x3f, 0xff, 0xff, 0x19, prop}
}

// BACnetAPDU returns the APDU of a BACnet/IP message: after the BVLC
// header (type 0x81, a length equal to the message's) and the NPDU
// (version 1; its source and destination fields skipped). A network
// layer message has no APDU.
func BACnetAPDU(b []byte) ([]byte, error) {
	bad := errors.New("bacnet-info: not a BACnet/IP message")
	if len(b) < 6 || b[0] != 0x81 || int(be16(b, 2)) != len(b) {
		return nil, bad
	}
	n := b[4:]
	if n[0] != 1 {
		return nil, bad
	}
	ctl := n[1]
	n = n[2:]
	if ctl&0x80 != 0 {
		return nil, bad // network layer message
	}
	if ctl&0x20 != 0 { // DNET, DLEN, DADR (hop count after SNET)
		if len(n) < 3 || len(n) < 3+int(n[2]) {
			return nil, bad
		}
		n = n[3+int(n[2]):]
	}
	if ctl&0x08 != 0 { // SNET, SLEN, SADR
		if len(n) < 3 || len(n) < 3+int(n[2]) {
			return nil, bad
		}
		n = n[3+int(n[2]):]
	}
	if ctl&0x20 != 0 { // hop count
		if len(n) < 1 {
			return nil, bad
		}
		n = n[1:]
	}
	if len(n) < 2 {
		return nil, bad
	}
	return n, nil
}
