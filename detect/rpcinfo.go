package detect

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"
)

// RPCInfo stands for nmap's rpcinfo: it asks the portmapper on port 111
// (TCP or UDP) for every registered program (PMAPPROC_DUMP, RFC 1833) and
// names each open port a program is registered on — the portmapper's own
// port included — "NAME" with version "LOW-HIGH" (or the one version) and
// extrainfo "RPC #NUMBER", probed with confidence 10. A port a probe
// identified keeps its answer, unless the portmapper port itself is named
// rpcbind (then every registered port is renamed, as nmap does). A
// program without a known name leaves the port without a name.
type RPCInfo struct{}

func (RPCInfo) Name() string { return "rpcinfo" }
func (RPCInfo) Rule() Rule {
	return Rule{Ports: []int{111}, Protos: []string{"tcp", "udp"}, MinIntensity: 7, Others: true}
}
func (RPCInfo) Sets() []Field { return []Field{FName, FVersion, FInfo, FOthers} }

func (RPCInfo) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	if p.Number != 111 {
		return nil, nil
	}
	conn, err := env.Dial(ctx, false)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	conn.SetDeadline(time.Now().Add(env.Wait))
	var xid [4]byte
	rand.Read(xid[:])
	call := dumpCall(binary.BigEndian.Uint32(xid[:]))
	var reply []byte
	if p.Proto == "udp" {
		if _, err := conn.Write(call); err != nil {
			return nil, err
		}
		// Datagrams of other calls (or stray ones) are skipped.
		buf := make([]byte, 65536)
		for range 8 {
			n, err := conn.Read(buf)
			if err != nil {
				return nil, err
			}
			if n >= 4 && [4]byte(buf[:4]) == xid {
				reply = buf[:n]
				break
			}
		}
		if reply == nil {
			return nil, errors.New("rpcinfo: no reply to our call")
		}
	} else {
		if _, err := conn.Write(recordMark(call)); err != nil {
			return nil, err
		}
		if reply, err = readRecord(conn, maxRecord); err != nil {
			return nil, err
		}
	}
	maps, err := ParseDump(reply, binary.BigEndian.Uint32(xid[:]))
	if err != nil {
		return nil, err
	}
	portmapper := p.Service.Name == "rpcbind"
	u := &Update{Match: Soft}
	for _, g := range groupMappings(maps) {
		u.Others = append(u.Others, PortName{
			Number: int(g.port), Proto: g.proto, Name: RPCName(g.prog),
			Version: g.versions(), Info: "RPC #" + strconv.FormatUint(uint64(g.prog), 10), Force: portmapper,
		})
	}
	env.Trace("Service scan detector rpcinfo: %d programs registered with %s:%d/%s", len(u.Others), p.Addr, p.Number, p.Proto)
	return u, nil
}

// Portmapper (RFC 1833) constants.
const (
	pmapProg   = 100000
	pmapVers   = 2
	pmapDump   = 4
	ipprotoTCP = 6
	ipprotoUDP = 17
	// maxRecord bounds a TCP reply: thousands of mappings.
	maxRecord = 1 << 20
)

// dumpCall is an RPC call message (RFC 5531) for PMAPPROC_DUMP, version
// 2, with AUTH_NONE credentials and verifier.
func dumpCall(xid uint32) []byte {
	b := make([]byte, 0, 40)
	for _, v := range []uint32{xid, 0 /* CALL */, 2 /* RPC version */, pmapProg, pmapVers, pmapDump, 0, 0, 0, 0} {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	return b
}

// recordMark frames msg as the one, last fragment of a record (RFC 5531
// section 11, record marking over TCP).
func recordMark(msg []byte) []byte {
	return append(binary.BigEndian.AppendUint32(nil, 0x80000000|uint32(len(msg))), msg...)
}

// readRecord reads one record-marked record of at most limit bytes.
func readRecord(r io.Reader, limit int) ([]byte, error) {
	var out []byte
	for {
		var hdr [4]byte
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			return nil, err
		}
		h := binary.BigEndian.Uint32(hdr[:])
		n := int(h & 0x7fffffff)
		if len(out)+n > limit {
			return nil, fmt.Errorf("rpcinfo: record over %d bytes", limit)
		}
		frag := make([]byte, n)
		if _, err := io.ReadFull(r, frag); err != nil {
			return nil, err
		}
		out = append(out, frag...)
		if h&0x80000000 != 0 {
			return out, nil
		}
	}
}

// Mapping is one entry of the portmapper's list (struct mapping, RFC 1833).
type Mapping struct {
	Prog, Vers, Prot, Port uint32
}

// ParseDump decodes the reply to a PMAPPROC_DUMP call with this xid: an
// accepted, successful RPC reply whose result is the list of mappings.
func ParseDump(b []byte, xid uint32) ([]Mapping, error) {
	d := xdr{b: b}
	if d.u32() != xid {
		return nil, errors.New("rpcinfo: reply to another call")
	}
	if d.u32() != 1 { // REPLY
		return nil, errors.New("rpcinfo: not a reply")
	}
	if st := d.u32(); st != 0 { // MSG_ACCEPTED
		return nil, fmt.Errorf("rpcinfo: call denied (%d)", st)
	}
	d.u32()                     // verifier flavor
	d.skip(int(d.u32()))        // verifier body
	if st := d.u32(); st != 0 { // SUCCESS
		return nil, fmt.Errorf("rpcinfo: call not accepted (accept_stat %d)", st)
	}
	var maps []Mapping
	for d.err == nil {
		if d.u32() == 0 { // no value follows: end of list
			break
		}
		m := Mapping{Prog: d.u32(), Vers: d.u32(), Prot: d.u32(), Port: d.u32()}
		if d.err == nil {
			maps = append(maps, m)
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	return maps, nil
}

// xdr reads big-endian words, remembering the first short read.
type xdr struct {
	b   []byte
	err error
}

func (d *xdr) u32() uint32 {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 4 {
		d.err = errors.New("rpcinfo: reply cut short")
		return 0
	}
	v := binary.BigEndian.Uint32(d.b)
	d.b = d.b[4:]
	return v
}

func (d *xdr) skip(n int) {
	n = (n + 3) &^ 3 // opaque data is padded to four bytes
	if d.err == nil && (n < 0 || n > len(d.b)) {
		d.err = errors.New("rpcinfo: reply cut short")
		return
	}
	if d.err == nil {
		d.b = d.b[n:]
	}
}

// registration is one program on one port of one protocol, with its versions.
type registration struct {
	prog  uint32
	proto string
	port  uint32
	vers  []uint32
}

func (g registration) versions() string {
	if len(g.vers) == 1 {
		return strconv.FormatUint(uint64(g.vers[0]), 10)
	}
	return fmt.Sprintf("%d-%d", g.vers[0], g.vers[len(g.vers)-1])
}

// groupMappings gathers the TCP and UDP mappings by program, protocol and
// port, in the order first seen, each with its versions sorted.
func groupMappings(maps []Mapping) []registration {
	var out []registration
	type key struct {
		prog, port uint32
		proto      string
	}
	index := map[key]int{}
	for _, m := range maps {
		proto := ""
		switch m.Prot {
		case ipprotoTCP:
			proto = "tcp"
		case ipprotoUDP:
			proto = "udp"
		default:
			continue
		}
		if m.Port == 0 || m.Port > 65535 {
			continue
		}
		k := key{m.Prog, m.Port, proto}
		i, ok := index[k]
		if !ok {
			out = append(out, registration{prog: m.Prog, proto: proto, port: m.Port})
			i = len(out) - 1
			index[k] = i
		}
		if len(out[i].vers) < 64 && !slices.Contains(out[i].vers, m.Vers) {
			out[i].vers = append(out[i].vers, m.Vers)
		}
	}
	for i := range out {
		slices.Sort(out[i].vers)
	}
	return out
}

// RPCName is the name nmap prints for an RPC program number, "" when it
// has none. The table holds the programs seen on Unix systems, named as
// ONC RPC's own /etc/rpc lists them, except the portmapper, which nmap
// calls rpcbind (RFC 1833's name for its later versions).
func RPCName(prog uint32) string { return rpcNames[prog] }

var rpcNames = map[uint32]string{
	100000: "rpcbind",
	100001: "rstatd",
	100002: "rusersd",
	100003: "nfs",
	100004: "ypserv",
	100005: "mountd",
	100007: "ypbind",
	100008: "walld",
	100009: "yppasswdd",
	100010: "etherstatd",
	100011: "rquotad",
	100012: "sprayd",
	100017: "rexd",
	100020: "llockmgr",
	100021: "nlockmgr",
	100024: "status",
	100026: "bootparam",
	100028: "ypupdated",
	100029: "keyserv",
	100069: "ypxfrd",
	100227: "nfs_acl",
	150001: "pcnfsd",
	300019: "amd",
	391002: "sgi_fam",
}
