package sim

import (
	"encoding/binary"
)

// IAX2 is an Asterisk server's IAX2 port (RFC 5456) on 4569/udp: a full
// frame POKE (frame type 6, IAX control; subclass 0x1e) is answered with
// a full frame PONG (subclass 0x03) to the caller's call number, with
// the sequence numbers RFC 5456 section 6.7.2 asks for. Other frames get
// nothing.
var IAX2 = Device{Doc: "Asterisk IAX2 port answering POKE with PONG (4569/udp)", UDP: iax2Datagram}

func init() { Devices["iax2"] = IAX2 }

func iax2Datagram(req []byte) [][]byte {
	// Full frame: F bit and source call number, R bit and destination call
	// number, timestamp, OSeqno, ISeqno, frame type, C bit and subclass.
	if len(req) < 12 || req[0]&0x80 == 0 || req[10] != 6 || req[11] != 0x1e {
		return nil
	}
	scall := binary.BigEndian.Uint16(req) & 0x7fff
	out := make([]byte, 12)
	binary.BigEndian.PutUint16(out, 0x8000|1)  // our call number
	binary.BigEndian.PutUint16(out[2:], scall) // to the caller
	copy(out[4:8], req[4:8])                   // timestamp echoed
	out[8], out[9] = 0, req[8]+1               // OSeqno, ISeqno
	out[10], out[11] = 6, 0x03                 // IAX control, PONG
	return [][]byte{out}
}
