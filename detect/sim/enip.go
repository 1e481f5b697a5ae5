package sim

import (
	"encoding/binary"
	"net"
)

// ENIP is an EtherNet/IP device (The CIP Networks Library, Volume 2:
// EtherNet/IP Adaptation of CIP, ODVA) answering the encapsulation
// ListIdentity command (0x0063) over TCP and UDP 44818 with one CIP
// Identity item (type 0x000C): encapsulation version 1, its socket
// address (big-endian, as the specification says), vendor ID 1 (Rockwell
// Automation/Allen-Bradley in ODVA's vendor list), device type 12
// (communications adapter), product code, revision, status, serial
// number, product name and state. Other commands get the "invalid or
// unsupported command" status (0x0001).
var ENIP = ENIPDevice{
	Vendor: 1, DeviceType: 12, ProductCode: 166, Major: 11, Minor: 2,
	Status: 0x0030, Serial: 0x60a1b2c3, Name: "1756-EN2T/D", State: 3,
	Addr: [4]byte{192, 168, 1, 20},
}

func init() {
	Devices["enip"] = Device{Doc: "EtherNet/IP adapter (Allen-Bradley 1756-EN2T) answering ListIdentity (44818/tcp and udp)", TCP: ENIP.ServeTCP, UDP: ENIP.Datagram}
	v := ENIP
	v.Vendor, v.DeviceType, v.ProductCode, v.Name = 9999, 43, 7, "Widget 7"
	Devices["enip-unknown"] = Device{Doc: "EtherNet/IP device of a vendor and device type no list names", TCP: v.ServeTCP, UDP: v.Datagram}
}

// ENIPDevice is a CIP Identity object's attributes.
type ENIPDevice struct {
	Vendor, DeviceType, ProductCode uint16
	Major, Minor                    byte
	Status                          uint16
	Serial                          uint32
	Name                            string
	State                           byte
	Addr                            [4]byte
}

// ServeTCP answers encapsulation requests on one connection.
func (d ENIPDevice) ServeTCP(c net.Conn) {
	for range 16 {
		hdr, err := readFull(c, 24, 24)
		if err != nil {
			return
		}
		data, err := readFull(c, int(binary.LittleEndian.Uint16(hdr[2:])), 4096)
		if err != nil {
			return
		}
		c.Write(d.answer(append(hdr, data...)))
	}
}

// Datagram answers one UDP request.
func (d ENIPDevice) Datagram(req []byte) [][]byte {
	if len(req) < 24 {
		return nil
	}
	return [][]byte{d.answer(req)}
}

func (d ENIPDevice) answer(req []byte) []byte {
	out := append([]byte(nil), req[:24]...) // session handle and sender context echoed
	var data []byte
	if binary.LittleEndian.Uint16(req) == 0x0063 {
		item := binary.LittleEndian.AppendUint16(nil, 1) // encapsulation version
		item = binary.BigEndian.AppendUint16(item, 2)    // sin_family AF_INET
		item = binary.BigEndian.AppendUint16(item, 44818)
		item = append(item, d.Addr[:]...)
		item = append(item, make([]byte, 8)...)
		item = binary.LittleEndian.AppendUint16(item, d.Vendor)
		item = binary.LittleEndian.AppendUint16(item, d.DeviceType)
		item = binary.LittleEndian.AppendUint16(item, d.ProductCode)
		item = append(item, d.Major, d.Minor)
		item = binary.LittleEndian.AppendUint16(item, d.Status)
		item = binary.LittleEndian.AppendUint32(item, d.Serial)
		item = append(item, byte(len(d.Name)))
		item = append(item, d.Name...)
		item = append(item, d.State)
		data = binary.LittleEndian.AppendUint16(nil, 1) // item count
		data = binary.LittleEndian.AppendUint16(data, 0x000c)
		data = binary.LittleEndian.AppendUint16(data, uint16(len(item)))
		data = append(data, item...)
	} else {
		binary.LittleEndian.PutUint32(out[8:], 1) // unsupported command
	}
	binary.LittleEndian.PutUint16(out[2:], uint16(len(data)))
	return append(out, data...)
}
