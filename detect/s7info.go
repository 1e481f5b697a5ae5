package detect

import (
	"context"
	"errors"
	"strconv"
	"strings"
)

// S7Info stands for nmap's s7-info: on port 102 (or a port named
// iso-tsap) it opens an ISO-on-TCP connection (RFC 1006 TPKT, ISO 8073
// COTP connection request to TSAP 0x0102 — a PG connection to rack 0
// slot 2, where S7-300 and S7-400 CPUs sit — then, if refused, to TSAP
// 0x0200, which S7-1200, S7-1500 and LOGO! CPUs accept), sets up S7 communication and reads the
// CPU's module identification (SZL-ID 0x0011) and component
// identification (SZL-ID 0x001C). A CPU that acknowledges the setup is
// named iso-tsap, product "Siemens S7 PLC", device type specialized,
// probed with confidence 10 and its fingerprint dropped
// (nmap 7.93 prints no version, whatever firmware the list gives). A
// product a match line already gave stays (beyond nmap: it only happens
// with signet's own signatures, which tell the S7 family and firmware).
type S7Info struct{}

func (S7Info) Name() string { return "s7-info" }
func (S7Info) Rule() Rule {
	return Rule{Ports: []int{102}, Services: []string{"iso-tsap"}, MinIntensity: 7}
}
func (S7Info) Sets() []Field { return []Field{FName, FProduct, FDevice} }

func (S7Info) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	var id *S7Identity
	var err error
	for _, tsap := range [][2]byte{{1, 2}, {2, 0}} {
		if id, err = s7Identify(ctx, env, tsap); err == nil {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	env.Trace("Service scan detector s7-info: %s:%d is an S7 CPU: %+v", p.Addr, p.Number, *id)
	if p.Hard && p.Service.Product != "" {
		// A signature named the CPU already (signet's own file names the
		// S7 family, firmware and module): keep it. nmap's file has no
		// line for S7, so with it this never happens.
		return &Update{Name: "iso-tsap", Match: Hard}, nil
	}
	return &Update{Name: "iso-tsap", Product: "Siemens S7 PLC", Device: "specialized", Match: Hard}, nil
}

// S7Identity is what an S7 CPU says of itself; fields it did not give
// are empty.
type S7Identity struct {
	Module, BasicHardware, Version       string // SZL 0x0011
	System, ModuleName, Plant, Copyright string // SZL 0x001C
	Serial, ModuleType                   string
}

// errNotS7 is a reply that is not the S7 one expected.
var errNotS7 = errors.New("s7-info: not an S7 reply")

// s7Identify connects to the CPU at this destination TSAP (connection
// type, rack*32+slot) and reads its
// identification; the setup's acknowledgement is what identifies an S7
// CPU, the lists are read if the CPU gives them.
func s7Identify(ctx context.Context, env *Env, tsap [2]byte) (*S7Identity, error) {
	s, err := dial(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	// COTP CR: LI 17, CR, dst-ref 0, src-ref 0x0014, class 0; source TSAP
	// 0x0100, destination TSAP, TPDU size 1024.
	cr := []byte{0x11, 0xe0, 0, 0, 0, 0x14, 0, 0xc1, 2, 1, 0, 0xc2, 2, tsap[0], tsap[1], 0xc0, 1, 0x0a}
	cc, err := s7Exchange(s, cr)
	if err != nil {
		return nil, err
	}
	if len(cc) < 2 || cc[1]&0xf0 != 0xd0 {
		return nil, errNotS7 // a DR or something else: no connection
	}
	// Setup communication: one job each way, PDU size 480.
	setup := []byte{2, 0xf0, 0x80, 0x32, 1, 0, 0, 0, 0, 0, 8, 0, 0, 0xf0, 0, 0, 1, 0, 1, 1, 0xe0}
	ack, err := s7Exchange(s, setup)
	if err != nil {
		return nil, err
	}
	if pdu := s7PDU(ack); len(pdu) < 12 || pdu[1] != 3 {
		return nil, errNotS7
	}
	id := &S7Identity{}
	if recs, err := s7ReadSZL(s, 0x0011, 1); err == nil {
		id.fromModuleIdentification(recs)
	}
	if recs, err := s7ReadSZL(s, 0x001c, 1); err == nil {
		id.fromComponentIdentification(recs)
	}
	return id, nil
}

// s7Exchange sends a COTP TPDU in a TPKT and returns the COTP TPDU of the
// reply.
func s7Exchange(s *session, cotp []byte) ([]byte, error) {
	msg := append([]byte{3, 0, 0, 0}, cotp...)
	msg[2], msg[3] = byte(len(msg)>>8), byte(len(msg))
	if err := s.write(msg); err != nil {
		return nil, err
	}
	hdr, err := s.readFull(4)
	if err != nil {
		return nil, err
	}
	n := int(be16(hdr, 2))
	if hdr[0] != 3 || n < 7 {
		return nil, errNotS7
	}
	body, err := s.readFull(n - 4)
	if err != nil {
		return nil, err
	}
	if int(body[0])+1 > len(body) {
		return nil, errNotS7
	}
	return body, nil
}

// s7PDU is the S7 PDU inside a COTP DT TPDU (nil if it is none).
func s7PDU(cotp []byte) []byte {
	if len(cotp) < 3 || cotp[1]&0xf0 != 0xf0 {
		return nil
	}
	pdu := cotp[cotp[0]+1:]
	if len(pdu) < 10 || pdu[0] != 0x32 {
		return nil
	}
	return pdu
}

// s7ReadSZL reads one partial list of the system status list (a
// userdata request of the CPU functions group, subfunction "read SZL")
// and returns its records.
func s7ReadSZL(s *session, id, index uint16) ([][]byte, error) {
	req := []byte{2, 0xf0, 0x80, 0x32, 7, 0, 0, 0, 0, 0, 8, 0, 8,
		0x00, 0x01, 0x12, 0x04, 0x11, 0x44, 0x01, 0x00,
		0xff, 0x09, 0x00, 0x04, byte(id >> 8), byte(id), byte(index >> 8), byte(index)}
	reply, err := s7Exchange(s, req)
	if err != nil {
		return nil, err
	}
	pdu := s7PDU(reply)
	if pdu == nil || pdu[1] != 7 {
		return nil, errNotS7
	}
	plen, dlen := int(be16(pdu, 6)), int(be16(pdu, 8))
	if len(pdu) < 10+plen+dlen || plen < 12 {
		return nil, errNotS7
	}
	param, data := pdu[10:10+plen], pdu[10+plen:10+plen+dlen]
	if be16(param, 10) != 0 || len(data) < 12 || data[0] != 0xff {
		return nil, errors.New("s7-info: the CPU refused the SZL read")
	}
	recLen, count := int(be16(data, 8)), int(be16(data, 10))
	list := data[12:]
	var recs [][]byte
	for i := 0; i < count && recLen > 0 && len(list) >= recLen; i++ {
		recs = append(recs, list[:recLen])
		list = list[recLen:]
	}
	return recs, nil
}

// fromModuleIdentification reads SZL 0x0011 records: index (2 bytes),
// order number (20), module type id (2), then Ausbg and Ausbe (2 each):
// the firmware record (index 7) holds 'V' and the version's three numbers.
func (id *S7Identity) fromModuleIdentification(recs [][]byte) {
	for _, r := range recs {
		if len(r) < 28 {
			continue
		}
		mlfb := strings.TrimSpace(strings.TrimRight(string(r[2:22]), "\x00"))
		switch be16(r, 0) {
		case 1:
			id.Module = mlfb
		case 6:
			id.BasicHardware = mlfb
		case 7:
			if r[24] == 'V' {
				id.Version = strconv.Itoa(int(r[25])) + "." + strconv.Itoa(int(r[26])) + "." + strconv.Itoa(int(r[27]))
			}
		}
	}
}

// fromComponentIdentification reads SZL 0x001C records: index (2 bytes),
// then a NUL-padded name.
func (id *S7Identity) fromComponentIdentification(recs [][]byte) {
	for _, r := range recs {
		if len(r) < 3 {
			continue
		}
		name := strings.TrimSpace(strings.TrimRight(string(r[2:]), "\x00"))
		if i := strings.IndexByte(name, 0); i >= 0 {
			name = name[:i]
		}
		switch be16(r, 0) {
		case 1:
			id.System = name
		case 2:
			id.ModuleName = name
		case 3:
			id.Plant = name
		case 4:
			id.Copyright = name
		case 5:
			id.Serial = name
		case 7:
			id.ModuleType = name
		}
	}
}
