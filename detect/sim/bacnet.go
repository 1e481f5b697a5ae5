package sim

import (
	"encoding/binary"
)

// BACnet is a BACnet/IP device (ANSI/ASHRAE 135, Annex J: BVLC
// Original-Unicast-NPDU over UDP 47808) answering confirmed ReadProperty
// requests for its Device object (any instance, the wildcard 4194303
// included) with a ComplexACK, and with an Error (property,
// unknown-property) for properties it does not have. Vendor identifier
// 260 is "BACnet Stack at SourceForge" in ASHRAE's vendor ID list.
var BACnet = BACnetDevice{
	Instance: 260001,
	Strings: map[byte]string{
		121: "BACnet Stack at SourceForge", // vendor-name
		44:  "1.0.0",                       // firmware-revision
		12:  "1.0",                         // application-software-version
		77:  "SimpleServer",                // object-name
		70:  "GNU",                         // model-name
		28:  "server",                      // description
		58:  "USA",                         // location
	},
	Vendor: 260,
}

func init() {
	Devices["bacnet"] = Device{Doc: "BACnet/IP device (the bacnet-stack demo server's identity) answering ReadProperty (47808/udp)", UDP: BACnet.Datagram}
	old := BACnet
	old.RejectAll = true
	Devices["bacnet-error"] = Device{Doc: "BACnet/IP device that answers every ReadProperty with an Error (as older devices do)", UDP: old.Datagram}
}

// BACnetDevice is a Device object's properties.
type BACnetDevice struct {
	Instance uint32
	Vendor   uint16
	Strings  map[byte]string // property identifier: CharacterString value
	// RejectAll answers every request with an Error PDU.
	RejectAll bool
}

// Datagram answers one BVLC message.
func (d BACnetDevice) Datagram(req []byte) [][]byte {
	// BVLC: 0x81, function, length; NPDU: version 1, control (no
	// addresses expected here); APDU: confirmed request.
	if len(req) < 4 || req[0] != 0x81 || int(binary.BigEndian.Uint16(req[2:])) != len(req) {
		return nil
	}
	npdu := req[4:]
	if len(npdu) < 2 || npdu[0] != 1 || npdu[1]&0xb8 != 0 { // no network layer message, no DNET/SNET
		return nil
	}
	apdu := npdu[2:]
	if len(apdu) < 4 || apdu[0]>>4 != 0 || apdu[3] != 0x0c { // confirmed ReadProperty
		return nil
	}
	invoke := apdu[2]
	args := apdu[4:]
	// Object identifier, context tag 0, 4 bytes; property id, context tag 1.
	if len(args) < 7 || args[0] != 0x0c || args[5] != 0x19 {
		return nil
	}
	oid := binary.BigEndian.Uint32(args[1:])
	prop := args[6]
	if oid>>22 != 8 { // not a device object
		return [][]byte{bvlc(bacnetError(invoke, 1, 31))} // object, unknown-object
	}
	if d.RejectAll {
		return [][]byte{bvlc(bacnetError(invoke, 2, 32))}
	}
	var value []byte
	switch prop {
	case 120: // vendor-identifier: Unsigned
		value = []byte{0x22, byte(d.Vendor >> 8), byte(d.Vendor)}
	case 75: // object-identifier
		value = binary.BigEndian.AppendUint32([]byte{0xc4}, 8<<22|d.Instance)
	default:
		s, ok := d.Strings[prop]
		if !ok {
			return [][]byte{bvlc(bacnetError(invoke, 2, 32))} // property, unknown-property
		}
		value = charString(s)
	}
	ack := []byte{0x30, invoke, 0x0c, 0x0c}
	ack = binary.BigEndian.AppendUint32(ack, 8<<22|d.Instance)
	ack = append(ack, 0x19, prop, 0x3e)
	ack = append(append(ack, value...), 0x3f)
	return [][]byte{bvlc(ack)}
}

// charString is an application-tagged CharacterString (tag 7) in
// character set 0 (UTF-8).
func charString(s string) []byte {
	n := len(s) + 1
	var b []byte
	if n <= 4 {
		b = []byte{0x70 | byte(n)}
	} else {
		b = []byte{0x75, byte(n)}
	}
	return append(append(b, 0), s...)
}

func bacnetError(invoke, class, code byte) []byte {
	return []byte{0x50, invoke, 0x0c, 0x91, class, 0x91, code}
}

// bvlc wraps an APDU in an NPDU (version 1, no control flags) and a BVLC
// Original-Unicast-NPDU.
func bvlc(apdu []byte) []byte {
	b := []byte{0x81, 0x0a, 0, 0, 0x01, 0x00}
	b = append(b, apdu...)
	binary.BigEndian.PutUint16(b[2:], uint16(len(b)))
	return b
}
