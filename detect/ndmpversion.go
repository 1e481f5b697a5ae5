package detect

import (
	"context"
	"encoding/binary"
	"errors"
)

// NDMPVersion stands for nmap's ndmp-version: on port 10000 (or a port
// named ndmp) it asks the NDMP server (NDMP v4: XDR messages in ONC RPC
// record marking) for NDMP_CONFIG_GET_HOST_INFO and
// NDMP_CONFIG_GET_SERVER_INFO. The answer becomes name ndmp, product the
// vendor name, OS type the host's os_type and extrainfo "Name: HOST; "
// (as nmap 7.93 prints it), probed with confidence 10 and its
// fingerprint dropped; the product name and revision are not used.
type NDMPVersion struct{}

func (NDMPVersion) Name() string { return "ndmp-version" }
func (NDMPVersion) Rule() Rule {
	return Rule{Ports: []int{10000}, Services: []string{"ndmp"}, MinIntensity: 7}
}
func (NDMPVersion) Sets() []Field { return []Field{FName, FProduct, FInfo, FOS} }

// NDMP message codes.
const (
	ndmpGetHostInfo   = 0x100
	ndmpGetServerInfo = 0x108
)

func (NDMPVersion) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	s, err := dial(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	call := func(seq, code uint32) ([]string, error) {
		msg := make([]byte, 0, 24)
		for _, v := range []uint32{seq, 0, 0 /* request */, code, 0, 0} {
			msg = binary.BigEndian.AppendUint32(msg, v)
		}
		if err := s.write(recordMark(msg)); err != nil {
			return nil, err
		}
		// The server may send its connection notice (or other requests)
		// first: skip messages that are not the reply to this one.
		for range 4 {
			r, err := readRecord(s, 64<<10)
			if err != nil {
				return nil, err
			}
			if len(r) < 24 || be32(r, 8) != 1 || be32(r, 12) != code || be32(r, 16) != seq {
				continue
			}
			return NDMPStrings(r[24:])
		}
		return nil, errors.New("ndmp-version: no reply")
	}
	host, herr := call(1, ndmpGetHostInfo)
	server, serr := call(2, ndmpGetServerInfo)
	if herr != nil && serr != nil {
		return nil, herr
	}
	u := &Update{Name: "ndmp", Match: Hard}
	if len(host) >= 2 {
		u.Info, u.OS = "Name: "+host[0]+"; ", host[1]
	}
	if len(server) >= 1 {
		u.Product = server[0]
	}
	env.Trace("Service scan detector ndmp-version: %s:%d host %q server %q", p.Addr, p.Number, host, server)
	return u, nil
}

// NDMPStrings reads a reply body that starts with an NDMP error (which
// must be NDMP_NO_ERR) and continues with XDR strings; it returns the
// strings up to the first that does not fit (at most 8).
func NDMPStrings(b []byte) ([]string, error) {
	d := xdr{b: b}
	if e := d.u32(); d.err != nil || e != 0 {
		return nil, errors.New("ndmp-version: the server answered with an error")
	}
	var out []string
	for range 8 {
		n := d.u32()
		if d.err != nil || n > uint32(len(d.b)) {
			break
		}
		out = append(out, string(d.b[:n]))
		d.skip(int(n))
	}
	return out, nil
}
