package detect

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
)

// SNMPInfo stands for nmap's snmp-info: it sends an SNMPv3 discovery
// request (RFC 3414 section 4: a GetRequest with no user and no engine
// ID, reportable) and reads the authoritative engine ID of the report
// that comes back. The engine ID's first four octets are the agent's
// enterprise number (RFC 3411, SnmpEngineID, either format); the product
// becomes "ENTERPRISE SNMPv3 server", ENTERPRISE as IANA's registry of
// private enterprise numbers names the organisation ("nil" for a number
// it cannot name, as nmap 7.93 prints). After the walk's product it
// comes after "; " (nmap 7.93 answers "SNMPv1 server; net-snmp SNMPv3
// server" for snmpd), unless that product is exactly "SNMPv3 server"
// (nmap's softmatch for any SNMPv3 agent), which is replaced; hard or
// soft, any other product stays in front. The
// answer becomes a hard one (the fingerprint goes); an engine ID shorter
// than four octets changes nothing. Other fields stay.
type SNMPInfo struct{}

func (SNMPInfo) Name() string { return "snmp-info" }
func (SNMPInfo) Rule() Rule {
	return Rule{Ports: []int{161}, Services: []string{"snmp"}, Protos: []string{"udp"}, MinIntensity: 7}
}
func (SNMPInfo) Sets() []Field { return []Field{FProduct} }

// snmpMsgIDAt is where the message id sits in snmpDiscovery's request:
// four bytes, always (the id is drawn with its top byte nonzero and its
// top bit clear).
const snmpMsgIDAt = 9

// snmpDiscovery is the SNMPv3 discovery request (RFC 3412 section 6,
// RFC 3414 section 4) with message id id.
func snmpDiscovery(id uint32) []byte {
	usm := berTLV(0x30, concat(berTLV(0x04, nil), berInt(0), berInt(0), berTLV(0x04, nil), berTLV(0x04, nil), berTLV(0x04, nil)))
	header := berTLV(0x30, concat(berInt(id), berInt(65507), berTLV(0x04, []byte{0x04}), berInt(3)))
	pdu := berTLV(0xa0, concat(berInt(1), berInt(0), berInt(0), berTLV(0x30, nil)))
	scoped := berTLV(0x30, concat(berTLV(0x04, nil), berTLV(0x04, nil), pdu))
	return berTLV(0x30, concat(berInt(3), header, berTLV(0x04, usm), scoped))
}

func concat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// snmpProduct is the product snmp-info gives a port whose answer had
// product walk: "ENTERPRISE SNMPv3 server", after the walk's product and
// "; " unless that was empty or nmap's own softmatch's "SNMPv3 server".
func snmpProduct(walk, enterprise string) string {
	product := enterprise + " SNMPv3 server"
	if walk != "" && walk != "SNMPv3 server" {
		product = walk + "; " + product
	}
	return product
}

func (SNMPInfo) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	conn, err := dialWait(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	var idb [4]byte
	rand.Read(idb[:])
	id := binary.BigEndian.Uint32(idb[:])&0x7fffffff | 0x01000000
	if _, err := conn.Write(snmpDiscovery(id)); err != nil {
		return nil, err
	}
	buf := make([]byte, 65536)
	for range 8 { // stray datagrams are skipped
		n, err := conn.Read(buf)
		if err != nil {
			return nil, err
		}
		eid, msgID, err := ParseSNMPv3EngineID(buf[:n])
		if err == errShortEngineID && msgID == int64(id) {
			return nil, nil
		}
		if err != nil || msgID != int64(id) {
			continue
		}
		product := snmpProduct(p.Service.Product, EngineEnterprise(eid))
		env.Trace("Service scan detector snmp-info: %s:%d engine ID %x", p.Addr, p.Number, eid)
		return &Update{Product: product, Match: Hard}, nil
	}
	return nil, errors.New("snmp-info: no reply to our request")
}

// ParseSNMPv3EngineID decodes an SNMPv3 message (RFC 3412 section 6)
// with the User-based Security Model's parameters (RFC 3414 section 2.4)
// and returns the authoritative engine ID and the message id.
func ParseSNMPv3EngineID(b []byte) (engineID []byte, msgID int64, err error) {
	top := berReader{b: b}
	msg := berReader{b: top.want(0x30)}
	if msg.int() != 3 {
		return nil, 0, errors.New("snmp-info: not SNMPv3")
	}
	hdr := berReader{b: msg.want(0x30)}
	msgID = hdr.int()
	hdr.want(0x02) // msgMaxSize
	hdr.want(0x04) // msgFlags
	if model := hdr.int(); hdr.err == nil && model != 3 {
		return nil, 0, errors.New("snmp-info: not the user-based security model")
	}
	params := msg.want(0x04)
	usm := berReader{b: params}
	sp := berReader{b: usm.want(0x30)}
	engineID = sp.want(0x04)
	for _, r := range []*berReader{&top, &msg, &hdr, &usm, &sp} {
		if r.err != nil {
			return nil, 0, r.err
		}
	}
	if len(engineID) < 4 {
		return nil, msgID, errShortEngineID
	}
	return engineID, msgID, nil
}

var errShortEngineID = errors.New("snmp-info: engine ID shorter than four octets")

// EngineEnterprise names the enterprise of an engine ID of four octets
// or more: its first four octets, the top bit aside, are the SMI network
// management private enterprise number in either format of RFC 3411.
// A number the table does not name is "nil", as nmap 7.93 prints it.
func EngineEnterprise(eid []byte) string {
	if name, ok := enterprises[binary.BigEndian.Uint32(eid)&0x7fffffff]; ok {
		return name
	}
	return "nil"
}

// enterprises are IANA's private enterprise numbers of common SNMP
// agents, named as IANA's registry names the organisation (each name
// checked against nmap 7.93's answer for an agent with that number).
var enterprises = map[uint32]string{
	2:     "IBM (https://w3.ibm.com/standards )",
	9:     "ciscoSystems",
	11:    "Hewlett-Packard",
	311:   "Microsoft",
	674:   "Dell Inc.",
	1588:  "Brocade Communications Systems, Inc.",
	1916:  "Extreme Networks",
	2011:  "HUAWEI Technology Co.,Ltd",
	2021:  "U.C. Davis, ECE Dept. Tom",
	2620:  "Check Point Software Technologies Ltd",
	2636:  "Juniper Networks, Inc.",
	3375:  "F5 Labs, Inc.",
	4413:  "Broadcom Limited",
	4526:  "Netgear",
	5624:  "Enterasys Networks",
	6876:  "VMware Inc.",
	8072:  "net-snmp",
	8741:  "SonicWALL, Inc.",
	11129: "Google, Inc.",
	12356: "Fortinet, Inc.",
	14988: "MikroTik",
	25461: "PALO ALTO NETWORKS",
	30065: "Arista Networks, Inc. (formerly 'Arastra, Inc.')",
	41112: "Ubiquiti Networks, Inc.",
}
