package detect

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"net"
	"slices"
	"strconv"
)

// RPCGrind stands for nmap's rpc-grind: on a port that answers ONC RPC
// but is not registered with a portmapper, it finds the program by
// calling procedure 0 (NULL, RFC 5531 section 12.2) of each known
// program at a version no server supports: the port's own program
// answers PROG_MISMATCH with the versions it does support, every other
// PROG_UNAVAIL. The port is then named as rpcinfo names a registered
// one: "NAME", version "LOW-HIGH" (or the one version), extrainfo
// "RPC #NUMBER". The programs tried are those RPCName knows, so a
// program outside that table stays unnamed (nmap tries every program
// of its nmap-rpc file).
type RPCGrind struct{}

func (RPCGrind) Name() string { return "rpc-grind" }
func (RPCGrind) Rule() Rule {
	return Rule{Services: []string{"rpcbind"}, Protos: []string{"tcp", "udp"}, MinIntensity: 7}
}
func (RPCGrind) Sets() []Field { return []Field{FName, FVersion, FInfo} }

// rpcGrindVersion is the version asked for: high enough that no server
// has it.
const rpcGrindVersion = 0x7a3f91c5

// Detect runs on ports the signature walk named rpcbind other than the
// portmapper's own (rpcinfo names those): nmap's RPCCheck probe names any
// ONC RPC responder so. nmap 7.93 also starts rpc-grind on ports left to
// the port table (seen on xmpp-client and stun ports that answer no
// RPC); an RPC server there would have answered RPCCheck, so the answers
// are the same without a round trip on every unrecognised port.
func (RPCGrind) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	if p.Number == 111 || p.Service.Tunnel == "ssl" || p.Service.Version != "" {
		return nil, nil
	}
	conn, err := dialWait(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	progs := make([]uint32, 0, len(rpcNames))
	for prog := range rpcNames {
		progs = append(progs, prog)
	}
	slices.Sort(progs)
	for i, prog := range progs {
		low, high, err := rpcNullCall(conn, p.Proto == "udp", prog)
		if errors.Is(err, errNotRPC) && i == 0 {
			return nil, nil
		}
		if err != nil {
			if errors.Is(err, errProgUnavail) {
				continue
			}
			return nil, nil
		}
		version := strconv.FormatUint(uint64(low), 10)
		if high != low {
			version += "-" + strconv.FormatUint(uint64(high), 10)
		}
		env.Trace("Service scan detector rpc-grind: %s:%d is RPC program %d versions %s", p.Addr, p.Number, prog, version)
		return &Update{Name: RPCName(prog), Version: version, Info: "RPC #" + strconv.FormatUint(uint64(prog), 10), Match: Hard}, nil
	}
	return nil, nil
}

var (
	errNotRPC      = errors.New("rpc-grind: not an ONC RPC reply")
	errProgUnavail = errors.New("rpc-grind: program unavailable")
)

// rpcNullCall calls procedure 0 of prog at rpcGrindVersion and returns
// the supported versions from a PROG_MISMATCH reply.
func rpcNullCall(conn net.Conn, udp bool, prog uint32) (low, high uint32, err error) {
	var xb [4]byte
	rand.Read(xb[:])
	xid := binary.BigEndian.Uint32(xb[:])
	call := make([]byte, 0, 40)
	for _, v := range []uint32{xid, 0, 2, prog, rpcGrindVersion, 0, 0, 0, 0, 0} {
		call = binary.BigEndian.AppendUint32(call, v)
	}
	var reply []byte
	if udp {
		if _, err := conn.Write(call); err != nil {
			return 0, 0, err
		}
		buf := make([]byte, 8192)
		for range 4 {
			n, err := conn.Read(buf)
			if err != nil {
				return 0, 0, err
			}
			if n >= 4 && binary.BigEndian.Uint32(buf) == xid {
				reply = buf[:n]
				break
			}
		}
	} else {
		if _, err := conn.Write(recordMark(call)); err != nil {
			return 0, 0, err
		}
		if reply, err = readRecord(conn, 8192); err != nil {
			return 0, 0, err
		}
	}
	return ParseMismatch(reply, xid)
}

// ParseMismatch decodes an accepted RPC reply to the call xid: the
// versions of a PROG_MISMATCH, errProgUnavail for PROG_UNAVAIL, errNotRPC
// for anything that is not such a reply.
func ParseMismatch(b []byte, xid uint32) (low, high uint32, err error) {
	d := xdr{b: b}
	if d.u32() != xid || d.u32() != 1 || d.u32() != 0 { // xid, REPLY, MSG_ACCEPTED
		return 0, 0, errNotRPC
	}
	d.u32()              // verifier flavor
	d.skip(int(d.u32())) // verifier body
	st := d.u32()
	if d.err != nil {
		return 0, 0, errNotRPC
	}
	switch st {
	case 1:
		return 0, 0, errProgUnavail
	case 2:
		low, high = d.u32(), d.u32()
		if d.err != nil || low > high {
			return 0, 0, errNotRPC
		}
		return low, high, nil
	}
	return 0, 0, errNotRPC
}
