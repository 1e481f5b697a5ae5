package detect

import (
	"context"
	"errors"
	"regexp"
)

// UbiquitiDiscovery stands for nmap's ubiquiti-discovery: on UDP port
// 10001 (or a UDP port named ubiquiti-discovery), at any intensity, it
// sends a discovery request of version 1 (01 00 00 00) and, if nothing
// answers, of version 2 (02 08 00 00). A reply of the same version (its
// type-length-value fields as Ubiquiti devices send them) makes the
// answer ubiquiti-discovery, product "Ubiquiti Discovery Service", OS
// Linux, probed with confidence 10 and its fingerprint dropped, with
// extrainfo "vN protocol", then ", MODEL" (the short model field 0x0c,
// else the model 0x15, else the full model 0x14) and " software ver.
// vX.Y.Z" (the version inside the firmware field 0x03), as nmap 7.93
// prints them.
type UbiquitiDiscovery struct{}

func (UbiquitiDiscovery) Name() string { return "ubiquiti-discovery" }
func (UbiquitiDiscovery) Rule() Rule {
	return Rule{Ports: []int{10001}, Services: []string{"ubiquiti-discovery"}, Protos: []string{"udp"}}
}
func (UbiquitiDiscovery) Sets() []Field {
	return []Field{FName, FProduct, FInfo, FOS}
}

// firmwareVersion is the version inside a firmware string such as
// "XM.ar7240.v6.1.7.32555.180523.1754".
var firmwareVersion = regexp.MustCompile(`v\d+\.\d+\.\d+`)

func (UbiquitiDiscovery) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	var fields map[byte][]byte
	var version byte
	var err error
	for _, v := range []byte{1, 2} {
		req := []byte{1, 0, 0, 0}
		if v == 2 {
			req = []byte{2, 8, 0, 0}
		}
		var reply []byte
		reply, err = datagram(ctx, env, req, func(b []byte) bool { return len(b) >= 4 && b[0] == v })
		if err != nil {
			continue
		}
		if fields, err = ParseUbiquiti(reply); err == nil {
			version = v
			break
		}
	}
	if err != nil {
		return nil, err
	}
	info := "v1 protocol"
	if version == 2 {
		info = "v2 protocol"
	}
	for _, t := range []byte{0x0c, 0x15, 0x14} {
		if m := fields[t]; len(m) > 0 {
			info += ", " + string(m)
			break
		}
	}
	if fw := firmwareVersion.Find(fields[0x03]); fw != nil {
		info += " software ver. " + string(fw)
	}
	env.Trace("Service scan detector ubiquiti-discovery: %s:%d: %s", p.Addr, p.Number, info)
	return &Update{Name: "ubiquiti-discovery", Product: "Ubiquiti Discovery Service", Info: info, OS: "Linux", Match: Hard}, nil
}

// ParseUbiquiti reads a discovery reply: version, command, payload
// length (big-endian, equal to the rest), then fields of a type byte, a
// two-byte length and the value. The first field of each type is kept.
func ParseUbiquiti(b []byte) (map[byte][]byte, error) {
	if len(b) < 4 || (b[0] != 1 && b[0] != 2) || int(be16(b, 2)) != len(b)-4 || len(b) == 4 {
		return nil, errors.New("ubiquiti-discovery: not a discovery reply")
	}
	out := map[byte][]byte{}
	for rest := b[4:]; len(rest) > 0; {
		if len(rest) < 3 || len(rest) < 3+int(be16(rest, 1)) {
			return nil, errors.New("ubiquiti-discovery: a field runs past the reply")
		}
		n := int(be16(rest, 1))
		if _, seen := out[rest[0]]; !seen {
			out[rest[0]] = rest[3 : 3+n]
		}
		rest = rest[3+n:]
	}
	return out, nil
}
