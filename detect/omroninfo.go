package detect

import (
	"context"
	"encoding/binary"
	"errors"
)

// OmronInfo stands for nmap's omron-info: on port 9600 (or a port named
// fins), TCP or UDP, it sends an Omron FINS Controller Data Read command
// (05 01; over TCP inside FINS/TCP, after the node address exchange) and,
// when the reply is a FINS response to that command, names the port fins,
// probed with confidence 10 and its fingerprint dropped (nmap 7.93 sets
// no product or version: the controller model shows only in its script
// output).
type OmronInfo struct{}

func (OmronInfo) Name() string { return "omron-info" }
func (OmronInfo) Rule() Rule {
	return Rule{Ports: []int{9600}, Services: []string{"fins"}, Protos: []string{"tcp", "udp"}, MinIntensity: 7}
}
func (OmronInfo) Sets() []Field { return []Field{FName} }

var errNotFINS = errors.New("omron-info: not a FINS response")

// finsRead is a FINS command frame: ICF 0x80 (command, response wanted),
// gateway count 2, destination node dst, source node src, service id
// 0xef, Controller Data Read with parameter 0 (all data).
func finsRead(dst, src byte) []byte {
	return []byte{0x80, 0x00, 0x02, 0x00, dst, 0x00, 0x00, src, 0x00, 0xef, 0x05, 0x01, 0x00}
}

func (OmronInfo) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	var reply []byte
	var err error
	if p.Proto == "udp" {
		reply, err = datagram(ctx, env, finsRead(0, 0x63), func(b []byte) bool { return len(b) >= 12 && b[9] == 0xef })
	} else {
		reply, err = finsTCP(ctx, env)
	}
	if err != nil {
		return nil, err
	}
	if !IsFINSControllerData(reply) {
		return nil, errNotFINS
	}
	if len(reply) >= 34 {
		env.Trace("Service scan detector omron-info: %s:%d/%s is an Omron controller: %q", p.Addr, p.Number, p.Proto, reply[14:34])
	}
	return &Update{Name: "fins", Match: Hard}, nil
}

// IsFINSControllerData reports whether b is a FINS response frame (ICF
// with the response bit) to a Controller Data Read (command 05 01).
func IsFINSControllerData(b []byte) bool {
	return len(b) >= 14 && b[0]&0x40 != 0 && b[10] == 0x05 && b[11] == 0x01
}

// finsTCP runs FINS/TCP: the node address exchange (command 0, client
// node 0: the server assigns one), then the Controller Data Read in a
// FINS frame message (command 2) addressed with the nodes the server
// gave; it returns the FINS frame of the reply.
func finsTCP(ctx context.Context, env *Env) ([]byte, error) {
	s, err := dial(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	msg := func(cmd uint32, data []byte) []byte {
		m := []byte("FINS")
		m = binary.BigEndian.AppendUint32(m, uint32(8+len(data)))
		m = binary.BigEndian.AppendUint32(m, cmd)
		m = binary.BigEndian.AppendUint32(m, 0)
		return append(m, data...)
	}
	read := func() (uint32, []byte, error) {
		hdr, err := s.readFull(16)
		if err != nil {
			return 0, nil, err
		}
		n := int(be32(hdr, 4))
		if string(hdr[:4]) != "FINS" || n < 8 || n > 8+4096 || be32(hdr, 12) != 0 {
			return 0, nil, errNotFINS
		}
		body, err := s.readFull(n - 8)
		return be32(hdr, 8), body, err
	}
	if err := s.write(msg(0, []byte{0, 0, 0, 0})); err != nil {
		return nil, err
	}
	cmd, nodes, err := read()
	if err != nil {
		return nil, err
	}
	if cmd != 1 || len(nodes) < 8 {
		return nil, errNotFINS
	}
	if err := s.write(msg(2, finsRead(nodes[7], nodes[3]))); err != nil {
		return nil, err
	}
	cmd, frame, err := read()
	if err != nil {
		return nil, err
	}
	if cmd != 2 {
		return nil, errNotFINS
	}
	return frame, nil
}
