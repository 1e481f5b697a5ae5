package sim

import (
	"encoding/binary"
	"net"
)

// DB2 is an IBM DB2 server's DRDA port (50000/tcp): DRDA (The Open
// Group, DRDA volume 3, Distributed Data Management) messages are DSS
// frames (length, 0xD0, format, correlation id) holding DDM objects
// (length, code point, parameters). An EXCSAT request (0x1041) is
// answered with EXCSATRD (0x1443): the server's external name (EXTNAM
// 0x115E), server name (SRVNAM 0x116D), product release level (SRVRLSLV
// 0x115A, "SQLvvrrm" for DB2), server class (SRVCLSNM 0x1147) and
// manager levels (MGRLVLLS 0x1404), its strings in EBCDIC (CCSID 500).
var DB2 = DRDAServer{ExtName: "db2sysc 00000000000A5F21", SrvName: "db2inst1", Release: "SQL11058", Class: "QDB2/LINUXX8664"}

func init() {
	Devices["drda-db2"] = Device{Doc: "IBM DB2 11.5.8 DRDA port answering EXCSAT (50000/tcp)", TCP: DB2.Serve}
	Devices["drda-zos"] = Device{Doc: "DB2 for z/OS 12 DRDA port (DSN release level) (446/tcp)", TCP: DRDAServer{ExtName: "DB2A", SrvName: "DB2A", Release: "DSN12015", Class: "DB2"}.Serve}
	Devices["drda-mix1"] = Device{Doc: "DRDA server with a DB2 release level and the Derby class name (to learn which one names the product)", TCP: DRDAServer{ExtName: "x", SrvName: "x", Release: "SQL10140", Class: "Apache Derby"}.Serve}
	Devices["drda-mix2"] = Device{Doc: "DRDA server with a Derby release level and a DB2 class name", TCP: DRDAServer{ExtName: "x", SrvName: "x", Release: "CSS10140", Class: "QDB2/LINUXX8664"}.Serve}
	Devices["drda-derby"] = Device{Doc: "Apache Derby 10.14 network server answering EXCSAT (1527/tcp)", TCP: DRDAServer{ExtName: "Derby", SrvName: "localhost", Release: "CSS10140", Class: "Apache Derby"}.Serve}
}

// DRDAServer is what a server says in EXCSATRD.
type DRDAServer struct {
	ExtName, SrvName, Release, Class string
}

// Serve answers DSS requests on one connection.
func (d DRDAServer) Serve(c net.Conn) {
	for range 8 {
		hdr, err := readFull(c, 6, 6)
		if err != nil || hdr[2] != 0xd0 {
			return
		}
		n := int(binary.BigEndian.Uint16(hdr))
		body, err := readFull(c, n-6, 32768)
		if err != nil || len(body) < 4 {
			return
		}
		if binary.BigEndian.Uint16(body[2:]) != 0x1041 {
			return
		}
		param := func(cp uint16, v []byte) []byte {
			b := binary.BigEndian.AppendUint16(nil, uint16(4+len(v)))
			b = binary.BigEndian.AppendUint16(b, cp)
			return append(b, v...)
		}
		var obj []byte
		obj = append(obj, param(0x115e, EBCDIC(d.ExtName))...)
		// MGRLVLLS: pairs of manager code point and level.
		obj = append(obj, param(0x1404, []byte{0x14, 0x03, 0x00, 0x0a, 0x24, 0x07, 0x00, 0x0a, 0x14, 0x74, 0x00, 0x05, 0x24, 0x0f, 0x00, 0x0a, 0x14, 0x40, 0x00, 0x0a})...)
		obj = append(obj, param(0x1147, EBCDIC(d.Class))...)
		obj = append(obj, param(0x116d, EBCDIC(d.SrvName))...)
		obj = append(obj, param(0x115a, EBCDIC(d.Release))...)
		ddm := param(0x1443, obj)
		// Reply DSS: format 0x02 (reply), the request's correlation id.
		dss := []byte{0, 0, 0xd0, 0x02, hdr[4], hdr[5]}
		binary.BigEndian.PutUint16(dss, uint16(6+len(ddm)))
		c.Write(append(dss, ddm...))
	}
}

// EBCDIC encodes the printable ASCII of s in CCSID 500 (other bytes
// become 0x6F, "?").
func EBCDIC(s string) []byte {
	out := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		out[i] = 0x6f
		if s[i] < 0x80 {
			if e := asciiToEBCDIC[s[i]]; e != 0 || s[i] == 0 {
				out[i] = e
			}
		}
	}
	return out
}

var asciiToEBCDIC = func() [128]byte {
	var t [128]byte
	set := func(from byte, to ...byte) {
		for i, e := range to {
			t[from+byte(i)] = e
		}
	}
	set('a', 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89)
	set('j', 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99)
	set('s', 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9)
	set('A', 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9)
	set('J', 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9)
	set('S', 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9)
	set('0', 0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9)
	set(' ', 0x40)
	set('.', 0x4b)
	set('/', 0x61)
	set('_', 0x6d)
	set('-', 0x60)
	set(':', 0x7a)
	return t
}()
