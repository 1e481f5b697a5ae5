package sim

import (
	"encoding/binary"
	"net"
)

// NDMP is an NDMP version 4 data server (the NDMP v4 specification,
// ndmp.org) on 10000/tcp: XDR messages in ONC RPC record marking, each
// a header (sequence, time stamp, message type 0 request / 1 reply,
// message code, reply sequence, error) and a body. On connection the
// server sends NDMP_NOTIFY_CONNECTION_STATUS (0x502: connected, version
// 4); it answers NDMP_CONNECT_OPEN (0x900), NDMP_CONFIG_GET_HOST_INFO
// (0x100: host name, OS type, OS version, host id) and
// NDMP_CONFIG_GET_SERVER_INFO (0x108: vendor, product, revision, auth
// types); other requests get NDMP_NOT_SUPPORTED_ERR.
var NDMP = NDMPServer{Host: "filer01", OSType: "NetApp", OSVersion: "NetApp Release 9.8P4", HostID: "0151754321",
	Vendor: "NetApp", Product: "NDMP", Revision: "9.8P4"}

func init() {
	Devices["ndmp"] = Device{Doc: "NDMP v4 data server (a NetApp filer's identity) (10000/tcp)", TCP: NDMP.Serve}
	Devices["ndmp-other"] = Device{Doc: "NDMP v4 server whose vendor, product, OS type and revision all differ", TCP: NDMPServer{Host: "media01", OSType: "Linux", OSVersion: "5.10.0-23-amd64", HostID: "7f0001",
		Vendor: "Veritas", Product: "NetBackup", Revision: "8.3"}.Serve}
}

// NDMPServer is what a server says of itself.
type NDMPServer struct {
	Host, OSType, OSVersion, HostID string
	Vendor, Product, Revision       string
}

func xdrString(b []byte, s string) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(s)))
	b = append(b, s...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// Serve runs one NDMP connection.
func (d NDMPServer) Serve(c net.Conn) {
	seq := uint32(1)
	send := func(typ, code, replySeq, errCode uint32, body []byte) {
		m := []byte{}
		for _, v := range []uint32{seq, 1796000000, typ, code, replySeq, errCode} {
			m = binary.BigEndian.AppendUint32(m, v)
		}
		m = append(m, body...)
		seq++
		c.Write(append(binary.BigEndian.AppendUint32(nil, 0x80000000|uint32(len(m))), m...))
	}
	notify := binary.BigEndian.AppendUint32(nil, 0) // NDMP_CONNECTED
	notify = binary.BigEndian.AppendUint32(notify, 4)
	notify = xdrString(notify, "")
	send(0, 0x502, 0, 0, notify)
	for range 16 {
		mark, err := readFull(c, 4, 4)
		if err != nil {
			return
		}
		msg, err := readFull(c, int(binary.BigEndian.Uint32(mark)&0x7fffffff), 65536)
		if err != nil || len(msg) < 24 || binary.BigEndian.Uint32(msg[8:]) != 0 {
			return
		}
		rseq, code := binary.BigEndian.Uint32(msg), binary.BigEndian.Uint32(msg[12:])
		body := binary.BigEndian.AppendUint32(nil, 0) // NDMP_NO_ERR
		switch code {
		case 0x900: // CONNECT_OPEN
		case 0x100: // CONFIG_GET_HOST_INFO
			for _, s := range []string{d.Host, d.OSType, d.OSVersion, d.HostID} {
				body = xdrString(body, s)
			}
		case 0x108: // CONFIG_GET_SERVER_INFO
			for _, s := range []string{d.Vendor, d.Product, d.Revision} {
				body = xdrString(body, s)
			}
			body = binary.BigEndian.AppendUint32(body, 2) // auth types: text, md5
			body = binary.BigEndian.AppendUint32(body, 1)
			body = binary.BigEndian.AppendUint32(body, 2)
		default:
			body = binary.BigEndian.AppendUint32(nil, 1) // NDMP_NOT_SUPPORTED_ERR
		}
		send(1, code, rseq, 0, body)
	}
}
