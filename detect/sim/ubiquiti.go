package sim

import (
	"bytes"
	"encoding/binary"
)

// Ubiquiti is a Ubiquiti airMAX radio answering the discovery protocol
// on 10001/udp: a version 1 request (01 00 00 00) gets a version 1
// reply (01 00, the payload length, then type-length-value fields, each
// a type byte and a two-byte length): MAC and IPv4 address (0x02), MAC
// (0x01), firmware (0x03), uptime (0x0a), host name (0x0b), short model
// (0x0c), ESSID (0x0d), wireless mode (0x0e), system id (0x10), full
// model (0x14), as Ubiquiti's devices send them (field types as the
// Wireshark "ubdp" dissector documents them).
var Ubiquiti = UbiquitiDevice{Fields: []UbiquitiField{
	{0x02, []byte{0x24, 0xa4, 0x3c, 0x11, 0x22, 0x33, 192, 168, 1, 20}},
	{0x01, []byte{0x24, 0xa4, 0x3c, 0x11, 0x22, 0x33}},
	{0x0a, []byte{0x00, 0x01, 0x51, 0x80}},
	{0x0b, []byte("tower-north")},
	{0x0c, []byte("NSM5")},
	{0x0d, []byte("backhaul-5g")},
	{0x0e, []byte{0x02}},
	{0x03, []byte("XM.ar7240.v6.1.7.32555.180523.1754")},
	{0x10, []byte{0xe0, 0x05}},
	{0x14, []byte("NanoStation M5")},
}}

func init() {
	Devices["ubiquiti"] = Device{Doc: "Ubiquiti NanoStation M5 (airOS 6.1.7) answering discovery v1 (10001/udp)", UDP: Ubiquiti.Datagram}
	var nomodel UbiquitiDevice
	for _, f := range Ubiquiti.Fields {
		if f.Type == 0x03 {
			f.Value = []byte("XW.ar934x.v6.3.6.33330.210818.1900")
		}
		if f.Type != 0x0c {
			nomodel.Fields = append(nomodel.Fields, f)
		}
	}
	Devices["ubiquiti-nomodel"] = Device{Doc: "Ubiquiti airMAX radio whose v1 reply has no short model field", UDP: nomodel.Datagram}
	only := func(drop ...byte) UbiquitiDevice {
		var d UbiquitiDevice
		for _, f := range Ubiquiti.Fields {
			if !bytes.Contains(drop, []byte{f.Type}) {
				d.Fields = append(d.Fields, f)
			}
		}
		return d
	}
	Devices["ubiquiti-nofw"] = Device{Doc: "Ubiquiti v1 reply without a firmware field", UDP: only(0x03).Datagram}
	Devices["ubiquiti-nomodels"] = Device{Doc: "Ubiquiti v1 reply with neither model field", UDP: only(0x0c, 0x14).Datagram}
	Devices["ubiquiti-v2b"] = Device{Doc: "Ubiquiti v2 reply whose version field (0x16) and firmware (0x03) disagree", UDP: UbiquitiDevice{V2: true, Fields: []UbiquitiField{
		{0x02, []byte{0x24, 0xa4, 0x3c, 0x44, 0x55, 0x66, 192, 168, 1, 21}},
		{0x15, []byte("UAP-AC-Pro")},
		{0x16, []byte("9.9.9")},
		{0x03, []byte("BZ.qca956x.v6.5.28.14491.230523.0917")},
	}}.Datagram}
	Devices["ubiquiti-v2"] = Device{Doc: "Ubiquiti device answering only discovery v2 (10001/udp)", UDP: UbiquitiDevice{V2: true, Fields: []UbiquitiField{
		{0x02, []byte{0x24, 0xa4, 0x3c, 0x44, 0x55, 0x66, 192, 168, 1, 21}},
		{0x0b, []byte("edge-1")},
		{0x15, []byte("ER-X")},
		{0x16, []byte("2.0.9")},
		{0x03, []byte("e50.mtk.v2.0.9-hotfix.7.5622731.230615.0857")},
	}}.Datagram}
}

// UbiquitiField is one type-length-value field.
type UbiquitiField struct {
	Type  byte
	Value []byte
}

// UbiquitiDevice is the fields a device sends.
type UbiquitiDevice struct {
	Fields []UbiquitiField
	// V2: answer version 2 requests (02 08 00 00) with a version 2
	// reply (02 06 ...) instead of version 1 ones.
	V2 bool
}

// Datagram answers a version 1 discovery request.
func (d UbiquitiDevice) Datagram(req []byte) [][]byte {
	want, reply := []byte{1, 0, 0, 0}, []byte{1, 0}
	if d.V2 {
		want, reply = []byte{2, 8, 0, 0}, []byte{2, 6}
	}
	if string(req) != string(want) {
		return nil
	}
	var body []byte
	for _, f := range d.Fields {
		body = append(body, f.Type)
		body = binary.BigEndian.AppendUint16(body, uint16(len(f.Value)))
		body = append(body, f.Value...)
	}
	out := append(reply, 0, 0)
	binary.BigEndian.PutUint16(out[2:], uint16(len(body)))
	return [][]byte{append(out, body...)}
}
