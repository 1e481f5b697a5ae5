package portscan

import (
	"encoding/binary"
	"strings"
)

// Payloads chooses what a UDP scan sends to a port. Try n sends payloads[n%len(payloads)]; an
// empty list sends one empty datagram. Callers can plug in the UDP probes of a
// nmap-service-probes file (nmap 7.94+ uses those as its port-scan payloads).
type Payloads interface {
	UDPPayloads(port uint16) [][]byte
}

// PayloadFunc adapts a function to Payloads.
type PayloadFunc func(port uint16) [][]byte

// UDPPayloads calls f.
func (f PayloadFunc) UDPPayloads(port uint16) [][]byte { return f(port) }

// PayloadTable is a fixed port → payloads map.
type PayloadTable map[uint16][][]byte

// UDPPayloads looks the port up.
func (t PayloadTable) UDPPayloads(port uint16) [][]byte { return t[port] }

// BuiltinPayloads is signet's own small table of requests that make common UDP services answer,
// each written from its protocol's specification (nothing is taken from nmap's nmap-payloads).
var BuiltinPayloads = PayloadTable{
	53:    {dnsQuery(0x5347, "version.bind", 16, 3)},                  // RFC 1035: TXT "version.bind" class CHAOS
	111:   {rpcNullCall(0x53470001, 100000, 2)},                       // RFC 5531/1833: portmapper v2 NULL call
	123:   {ntpClientRequest()},                                       // RFC 5905: NTPv4 client-mode packet
	137:   {netbiosNodeStatus()},                                      // RFC 1002 4.2.17: NBSTAT query for "*"
	161:   {snmpGetRequest("public", 1, 3, 6, 1, 2, 1, 1, 1, 0)},      // RFC 1157: v1 GetRequest sysDescr.0
	623:   {rmcpPresencePing()},                                       // DMTF ASF 2.0: RMCP presence ping
	1434:  {{0x02}},                                                   // MC-SQLR: CLNT_UCAST_EX
	1900:  {[]byte(ssdpSearch)},                                       // UPnP 1.1: SSDP M-SEARCH
	2049:  {rpcNullCall(0x53470002, 100003, 3)},                       // RFC 1813: NFSv3 NULL call
	3478:  {stunBindingRequest()},                                     // RFC 8489: STUN Binding request
	5353:  {dnsQuery(0x0000, "_services._dns-sd._udp.local", 12, 1)},  // RFC 6763: service enumeration
	11211: {append([]byte{0, 1, 0, 0, 0, 1, 0, 0}, "version\r\n"...)}, // memcached UDP frame + "version"
}

const ssdpSearch = "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: ssdp:all\r\n\r\n"

func (s *Scanner) payloadFor(port uint16, try int) []byte {
	ps := s.opts.Payloads.UDPPayloads(port)
	if len(ps) == 0 {
		return nil
	}
	return ps[try%len(ps)]
}

// dnsQuery builds a one-question DNS query without recursion.
func dnsQuery(id uint16, name string, qtype, qclass uint16) []byte {
	b := binary.BigEndian.AppendUint16(nil, id)
	b = append(b, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0) // flags, QD=1, AN=NS=AR=0
	for _, l := range strings.Split(name, ".") {
		b = append(b, byte(len(l)))
		b = append(b, l...)
	}
	b = append(b, 0)
	b = binary.BigEndian.AppendUint16(b, qtype)
	return binary.BigEndian.AppendUint16(b, qclass)
}

// rpcNullCall builds an ONC RPC call of procedure 0 with AUTH_NONE credentials.
func rpcNullCall(xid, prog, vers uint32) []byte {
	var b []byte
	for _, w := range []uint32{xid, 0 /* CALL */, 2 /* RPC v2 */, prog, vers, 0 /* NULL */, 0, 0, 0, 0} {
		b = binary.BigEndian.AppendUint32(b, w)
	}
	return b
}

// ntpClientRequest is a 48-byte NTPv4 client request (LI 0, VN 4, mode 3) with a non-zero
// transmit timestamp, which servers echo as the origin timestamp.
func ntpClientRequest() []byte {
	b := make([]byte, 48)
	b[0] = 0<<6 | 4<<3 | 3
	copy(b[40:], "signetv1")
	return b
}

// netbiosNodeStatus is an NBSTAT request for the wildcard name "*" (first-level encoded).
func netbiosNodeStatus() []byte {
	b := []byte{0x53, 0x47, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 32}
	name := make([]byte, 16)
	name[0] = '*'
	for _, c := range name {
		b = append(b, 'A'+c>>4, 'A'+c&0x0f)
	}
	return append(b, 0, 0, 0x21, 0, 1) // end of name, type NBSTAT, class IN
}

// snmpGetRequest is an SNMPv1 GetRequest for one OID (BER encoded).
func snmpGetRequest(community string, oid ...uint32) []byte {
	enc := []byte{byte(40*oid[0] + oid[1])}
	for _, arc := range oid[2:] {
		var tmp []byte
		tmp = append(tmp, byte(arc&0x7f))
		for arc >>= 7; arc > 0; arc >>= 7 {
			tmp = append([]byte{byte(arc&0x7f) | 0x80}, tmp...)
		}
		enc = append(enc, tmp...)
	}
	varbind := tlv(0x30, tlv(0x06, enc), tlv(0x05, nil))
	pdu := tlv(0xa0, tlv(0x02, []byte{0x53, 0x47}), tlv(0x02, []byte{0}), tlv(0x02, []byte{0}), tlv(0x30, varbind))
	return tlv(0x30, tlv(0x02, []byte{0}), tlv(0x04, []byte(community)), pdu)
}

// tlv encodes one BER element with a short- or long-form length.
func tlv(tag byte, parts ...[]byte) []byte {
	var body []byte
	for _, p := range parts {
		body = append(body, p...)
	}
	b := []byte{tag}
	switch n := len(body); {
	case n < 0x80:
		b = append(b, byte(n))
	case n < 0x100:
		b = append(b, 0x81, byte(n))
	default:
		b = append(b, 0x82, byte(n>>8), byte(n))
	}
	return append(b, body...)
}

// stunBindingRequest is a STUN Binding request without attributes: message
// type 0x0001, length 0, the magic cookie, a 96-bit transaction id.
func stunBindingRequest() []byte {
	return append([]byte{0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42}, "signetSTUN01"...)
}

// rmcpPresencePing is an ASF presence ping over RMCP (IPMI's port 623).
func rmcpPresencePing() []byte {
	return []byte{
		0x06, 0x00, 0xff, 0x06, // RMCP v1.0, reserved, sequence 255 (no ACK), class ASF
		0x00, 0x00, 0x11, 0xbe, // IANA enterprise number 4542 (ASF)
		0x80, 0x00, 0x00, 0x00, // message type presence ping, tag, reserved, data length 0
	}
}
