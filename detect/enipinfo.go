package detect

import (
	"context"
	"encoding/binary"
	"errors"
)

// ENIPInfo stands for nmap's enip-info: on port 44818, TCP or UDP, it
// sends the EtherNet/IP encapsulation ListIdentity command (0x0063, The
// CIP Networks Library volume 2) and, when the reply is one to that
// command carrying a whole identity item (enipNamed), names the port EtherNet-IP-2, probed
// with confidence 10 and its fingerprint dropped (nmap 7.93 sets no
// product or version, whatever vendor and product name the identity
// gives). Its rule: port 44818 or a port named EtherNet-IP-2 (or
// EtherNet/IP-2), TCP or UDP.
type ENIPInfo struct{}

func (ENIPInfo) Name() string { return "enip-info" }
func (ENIPInfo) Rule() Rule {
	return Rule{Ports: []int{44818}, Services: []string{"EtherNet-IP-2", "EtherNet/IP-2"}, Protos: []string{"tcp", "udp"}, MinIntensity: 7}
}
func (ENIPInfo) Sets() []Field { return []Field{FName} }

func (ENIPInfo) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	// The sender context comes back in the reply (a fixed one: a
	// connected socket only receives the port's datagrams).
	sc := [8]byte{'s', 'i', 'g', 'n', 'e', 't', 0, 1}
	req := make([]byte, 24)
	binary.LittleEndian.PutUint16(req, 0x0063)
	copy(req[12:20], sc[:])
	var reply []byte
	var err error
	if p.Proto == "udp" {
		reply, err = datagram(ctx, env, req, func(b []byte) bool { return len(b) >= 24 && [8]byte(b[12:20]) == sc })
	} else {
		reply, err = enipTCP(ctx, env, req)
	}
	if err != nil {
		return nil, err
	}
	if !enipNamed(reply) {
		return nil, errNotENIP
	}
	if id, err := ParseListIdentity(reply); err == nil {
		env.Trace("Service scan detector enip-info: %s:%d/%s is EtherNet/IP: %+v", p.Addr, p.Number, p.Proto, *id)
	}
	return &Update{Name: "EtherNet-IP-2", Match: Hard}, nil
}

// enipTCP sends one encapsulation message and reads the reply: the
// 24-byte header, then as many bytes as its length says.
func enipTCP(ctx context.Context, env *Env, req []byte) ([]byte, error) {
	s, err := dial(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if err := s.write(req); err != nil {
		return nil, err
	}
	hdr, err := s.readFull(24)
	if err != nil {
		return nil, err
	}
	body, err := s.readFull(int(le16(hdr, 2)))
	if err != nil {
		return nil, err
	}
	return append(hdr, body...), nil
}

// enipNamed reports whether nmap's enip-info names the port for reply:
// its command byte is ListIdentity's (0x63), its first item is a CIP
// Identity (type 0x0c) and that item is there up to its state byte, the
// last field (nmap reads every field and gives up on one cut short).
func enipNamed(b []byte) bool {
	// header 24, item count 2, item type 2 and length 2, then the
	// identity: 32 bytes before the product name's length byte.
	const nameAt = 24 + 6 + 32
	return len(b) > nameAt && b[0] == 0x63 && b[26] == 0x0c && len(b) >= nameAt+1+int(b[nameAt])+1
}

// ENIPIdentity is a CIP Identity item of a ListIdentity reply.
type ENIPIdentity struct {
	Vendor, DeviceType, ProductCode uint16
	Revision                        [2]byte
	Status                          uint16
	Serial                          uint32
	ProductName                     string
	State                           byte
	Addr                            [4]byte
}

var errNotENIP = errors.New("enip-info: not a ListIdentity reply")

// ParseListIdentity reads a ListIdentity reply: the encapsulation header
// (command 0x0063, status 0), the item count, and the first item, which
// must be a CIP Identity (type 0x000C): encapsulation version, socket
// address (big-endian), then the identity attributes (little-endian) and
// the product name as a short string.
func ParseListIdentity(b []byte) (*ENIPIdentity, error) {
	if len(b) < 24 || le16(b, 0) != 0x0063 || le32(b, 8) != 0 || int(le16(b, 2)) != len(b)-24 {
		return nil, errNotENIP
	}
	d := b[24:]
	if le16(d, 0) < 1 || le16(d, 2) != 0x000c {
		return nil, errNotENIP
	}
	n := int(le16(d, 4))
	item := d[6:]
	if len(item) < n || n < 33 {
		return nil, errNotENIP
	}
	item = item[:n]
	id := &ENIPIdentity{
		Addr:        [4]byte(item[6:10]),
		Vendor:      le16(item, 18),
		DeviceType:  le16(item, 20),
		ProductCode: le16(item, 22),
		Revision:    [2]byte{item[24], item[25]},
		Status:      le16(item, 26),
		Serial:      le32(item, 28),
	}
	name := int(item[32])
	if len(item) < 33+name {
		return nil, errNotENIP
	}
	id.ProductName = string(item[33 : 33+name])
	if len(item) > 33+name {
		id.State = item[33+name]
	}
	return id, nil
}
