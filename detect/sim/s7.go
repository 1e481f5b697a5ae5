package sim

import (
	"encoding/binary"
	"net"
)

// S7 is a Siemens S7-300 CPU (CPU 315-2 PN/DP) on ISO-on-TCP, port 102:
// RFC 1006 TPKT framing, ISO 8073 COTP connection (CR/CC) and data (DT)
// TPDUs, and S7 communication inside — setup communication, and "read
// SZL" userdata requests answered from the module identification list
// (SZL-ID 0x0011) and the component identification list (SZL-ID 0x001C),
// laid out as Siemens' "System Software for S7-300/400 System and
// Standard Functions" reference manual describes them (28- and 34-byte
// records). The CPU accepts any TSAP, as a CPU configured for PG and OP
// connections does.
var S7 = S7Device{
	OrderNumber: "6ES7 315-2EH14-0AB0",
	Hardware:    [2]byte{0x00, 0x01},
	Firmware:    [3]byte{3, 2, 6},
	System:      "SIMATIC 300(1)",
	Module:      "PLC_1",
	Plant:       "Pump station 4",
	Copyright:   "Original Siemens Equipment",
	Serial:      "S C-E4N012342011",
	ModuleType:  "CPU 315-2 PN/DP",
}

func init() {
	Devices["s7"] = Device{Doc: "Siemens S7-300 CPU 315-2 PN/DP on ISO-on-TCP (102/tcp)", TCP: S7.Serve}
	v := S7
	v.OrderNumber, v.Firmware, v.ModuleType, v.RejectTSAP = "6ES7 214-1AG40-0XB0", [3]byte{4, 4, 0}, "CPU 1214C DC/DC/DC", true
	Devices["s7-1200"] = Device{Doc: "Siemens S7-1200 CPU 1214C: refuses connections to slot 2, accepts rack 0 slot 0 and 1", TCP: v.Serve}
}

// S7Device is what an S7 CPU tells of itself.
type S7Device struct {
	OrderNumber        string  // MLFB of the CPU (SZL 0x0011 index 1 and 6)
	Hardware           [2]byte // hardware release (Ausbe of index 1)
	Firmware           [3]byte // V major.minor.patch (index 7)
	System, Module     string  // SZL 0x001C index 1 and 2
	Plant, Copyright   string  // index 3 and 4
	Serial, ModuleType string  // index 5 and 7
	// RejectTSAP: connection requests to a destination TSAP of a slot
	// other than 0 and 1 get a COTP disconnect request.
	RejectTSAP bool
}

// Serve answers one ISO-on-TCP connection.
func (d S7Device) Serve(c net.Conn) {
	for range 32 {
		hdr, err := readFull(c, 4, 4)
		if err != nil || hdr[0] != 3 {
			return
		}
		body, err := readFull(c, int(binary.BigEndian.Uint16(hdr[2:]))-4, 4096)
		if err != nil || len(body) < 2 || int(body[0])+1 > len(body) {
			return
		}
		cotp, payload := body[:body[0]+1], body[body[0]+1:]
		switch cotp[1] & 0xf0 {
		case 0xe0: // CR: answer CC with the same parameters
			if len(cotp) < 7 {
				return
			}
			params := tsaps(cotp[7:])
			if d.RejectTSAP && !tsapSlot01(params) {
				// DR: dst-ref, src-ref, reason 0x80 (normal, by the remote user)
				dr := []byte{6, 0x80, cotp[4], cotp[5], 0x00, 0x01, 0x80}
				c.Write(tpkt(dr))
				return
			}
			cc := append([]byte{byte(6 + len(params)), 0xd0, cotp[4], cotp[5], 0x00, 0x01, 0x00}, params...)
			c.Write(tpkt(cc))
		case 0xf0: // DT
			reply := d.s7(payload)
			if reply == nil {
				return
			}
			c.Write(tpkt(append([]byte{2, 0xf0, 0x80}, reply...)))
		default:
			return
		}
	}
}

// tsaps keeps the TPDU size and TSAP parameters of a CR (0xc0, 0xc1,
// 0xc2), the ones a CC echoes.
func tsaps(params []byte) []byte {
	var out []byte
	for len(params) >= 2 {
		code, n := params[0], int(params[1])
		if len(params) < 2+n {
			break
		}
		if code >= 0xc0 && code <= 0xc2 {
			out = append(out, params[:2+n]...)
		}
		params = params[2+n:]
	}
	return out
}

// tsapSlot01 reports whether the destination TSAP parameter (0xc2) names
// rack 0, slot 0 or 1 (its second byte is rack*32+slot).
func tsapSlot01(params []byte) bool {
	for len(params) >= 2 {
		code, n := params[0], int(params[1])
		if len(params) < 2+n {
			return false
		}
		if code == 0xc2 && n == 2 {
			return params[3] <= 1
		}
		params = params[2+n:]
	}
	return false
}

func tpkt(b []byte) []byte {
	out := []byte{3, 0, 0, 0}
	binary.BigEndian.PutUint16(out[2:], uint16(len(b)+4))
	return append(out, b...)
}

// s7 answers one S7 PDU (nil: no answer).
func (d S7Device) s7(p []byte) []byte {
	if len(p) < 10 || p[0] != 0x32 {
		return nil
	}
	rosctr, ref := p[1], p[4:6]
	plen, dlen := int(binary.BigEndian.Uint16(p[6:])), int(binary.BigEndian.Uint16(p[8:]))
	if len(p) < 10+plen+dlen {
		return nil
	}
	param, data := p[10:10+plen], p[10+plen:10+plen+dlen]
	switch {
	case rosctr == 1 && plen >= 8 && param[0] == 0xf0: // setup communication
		// Ack_Data, no error; the CPU offers a PDU of 240 bytes.
		out := []byte{0x32, 3, 0, 0, ref[0], ref[1], 0, 8, 0, 0, 0, 0}
		return append(out, 0xf0, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0xf0)
	case rosctr == 7 && plen >= 8 && param[4] == 0x11 && param[5] == 0x44 && param[6] == 0x01 && dlen >= 8:
		id, index := binary.BigEndian.Uint16(data[4:]), binary.BigEndian.Uint16(data[6:])
		return d.szl(ref, param[7], id, index)
	}
	return nil
}

// szl answers a "read SZL" request: a userdata response whose data is
// the partial list (SZL-ID, index, record length, record count, records),
// or return code 0x0a (object does not exist) for lists it does not have.
func (d S7Device) szl(ref []byte, seq byte, id, index uint16) []byte {
	var recLen int
	var recs [][]byte
	rec11 := func(i uint16, mlfb string, bgtyp uint16, ausbg, ausbe [2]byte) []byte {
		r := binary.BigEndian.AppendUint16(nil, i)
		r = append(r, pad(mlfb, 20)...)
		r = binary.BigEndian.AppendUint16(r, bgtyp)
		return append(append(r, ausbg[:]...), ausbe[:]...)
	}
	rec1c := func(i uint16, s string) []byte {
		return append(binary.BigEndian.AppendUint16(nil, i), zpad(s, 32)...)
	}
	switch id {
	case 0x0011, 0x0111:
		recLen = 28
		all := [][]byte{
			rec11(1, d.OrderNumber, 0, [2]byte{}, d.Hardware),
			rec11(6, d.OrderNumber, 0, [2]byte{}, d.Hardware),
			rec11(7, "", 0, [2]byte{'V', d.Firmware[0]}, [2]byte{d.Firmware[1], d.Firmware[2]}),
		}
		for _, r := range all {
			if id == 0x0011 || binary.BigEndian.Uint16(r) == index {
				recs = append(recs, r)
			}
		}
	case 0x001c, 0x011c:
		recLen = 34
		all := [][]byte{
			rec1c(1, d.System), rec1c(2, d.Module), rec1c(3, d.Plant),
			rec1c(4, d.Copyright), rec1c(5, d.Serial), rec1c(7, d.ModuleType),
			rec1c(8, ""), rec1c(11, ""),
		}
		for _, r := range all {
			if id == 0x001c || binary.BigEndian.Uint16(r) == index {
				recs = append(recs, r)
			}
		}
	}
	param := []byte{0x00, 0x01, 0x12, 0x08, 0x12, 0x84, 0x01, seq, 0x00, 0x00, 0x00, 0x00}
	var data []byte
	if len(recs) == 0 {
		param[10], param[11] = 0xd4, 0x01 // error: SZL-ID or index does not exist
		data = []byte{0x0a, 0x00, 0x00, 0x00}
	} else {
		list := binary.BigEndian.AppendUint16(nil, id)
		list = binary.BigEndian.AppendUint16(list, index)
		list = binary.BigEndian.AppendUint16(list, uint16(recLen))
		list = binary.BigEndian.AppendUint16(list, uint16(len(recs)))
		for _, r := range recs {
			list = append(list, r...)
		}
		data = append([]byte{0xff, 0x09, 0, 0}, list...)
		binary.BigEndian.PutUint16(data[2:], uint16(len(list)))
	}
	out := []byte{0x32, 7, 0, 0, ref[0], ref[1], 0, byte(len(param)), 0, 0}
	binary.BigEndian.PutUint16(out[8:], uint16(len(data)))
	return append(append(out, param...), data...)
}
