package sim

import (
	"encoding/binary"
	"net"
)

// Omron is an Omron SYSMAC CJ2M PLC answering FINS (Omron's "FINS Commands
// Reference Manual", W227/W342) on 9600/udp and 9600/tcp: Controller Data
// Read (command 05 01) returns the controller model and version (20
// bytes each, space padded), 40 bytes for system use, and the area data
// (program area size, IOM size, DM words, timer/counter size, expansion
// DM banks, steps/transitions, memory card kind and size). Over TCP the
// frames ride FINS/TCP (a "FINS" header, length, command, error code):
// the node address exchange (command 0) first, then FINS frames
// (command 2).
var Omron = OmronDevice{Model: "CJ2M-CPU32", Version: "02.01", ProgramArea: 20, IOM: 23, DMWords: 32768, TimerCounter: 8, ExpansionDM: 1}

func init() {
	Devices["omron"] = Device{Doc: "Omron CJ2M-CPU32 PLC answering FINS Controller Data Read (9600/udp and tcp)", TCP: Omron.ServeTCP, UDP: Omron.Datagram}
}

// OmronDevice is what a CPU unit says in its controller data.
type OmronDevice struct {
	Model, Version string
	ProgramArea    uint16
	IOM            byte
	DMWords        uint16
	TimerCounter   byte
	ExpansionDM    byte
	Steps          uint16
	CardKind       byte
	CardSize       uint16
}

// frame answers one FINS command frame (nil: no answer).
func (d OmronDevice) frame(req []byte) []byte {
	if len(req) < 12 || req[0]&0x40 != 0 { // a response, or too short
		return nil
	}
	// Response header: ICF response, RSV, GCT, destination and source swapped, SID.
	out := []byte{0xc0, 0, 2, req[6], req[7], req[8], req[3], req[4], req[5], req[9], req[10], req[11]}
	if req[10] != 0x05 || req[11] != 0x01 {
		return append(out, 0x04, 0x01) // end code: not supported by model/version
	}
	out = append(out, 0, 0) // normal completion
	out = append(out, pad(d.Model, 20)...)
	out = append(out, pad(d.Version, 20)...)
	out = append(out, make([]byte, 40)...)
	out = binary.BigEndian.AppendUint16(out, d.ProgramArea)
	out = append(out, d.IOM)
	out = binary.BigEndian.AppendUint16(out, d.DMWords)
	out = append(out, d.TimerCounter, d.ExpansionDM)
	out = binary.BigEndian.AppendUint16(out, d.Steps)
	out = append(out, d.CardKind)
	return binary.BigEndian.AppendUint16(out, d.CardSize)
}

// Datagram answers one FINS/UDP frame.
func (d OmronDevice) Datagram(req []byte) [][]byte {
	if r := d.frame(req); r != nil {
		return [][]byte{r}
	}
	return nil
}

// ServeTCP answers FINS/TCP messages on one connection.
func (d OmronDevice) ServeTCP(c net.Conn) {
	const server, client = 0x0a, 0xef
	for range 16 {
		hdr, err := readFull(c, 16, 16)
		if err != nil || string(hdr[:4]) != "FINS" {
			return
		}
		n := int(binary.BigEndian.Uint32(hdr[4:])) - 8
		body, err := readFull(c, n, 4096)
		if err != nil {
			return
		}
		msg := func(cmd uint32, data []byte) []byte {
			m := []byte("FINS")
			m = binary.BigEndian.AppendUint32(m, uint32(8+len(data)))
			m = binary.BigEndian.AppendUint32(m, cmd)
			m = binary.BigEndian.AppendUint32(m, 0)
			return append(m, data...)
		}
		switch binary.BigEndian.Uint32(hdr[8:]) {
		case 0: // node address data send: client node (0: assign one)
			c.Write(msg(1, []byte{0, 0, 0, client, 0, 0, 0, server}))
		case 2: // FINS frame send
			if r := d.frame(body); r != nil {
				c.Write(msg(2, r))
			}
		default:
			c.Write(msg(3, nil))
			return
		}
	}
}
