package output

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/signetscan/signet/result"
)

// MaxJSONLine bounds one line of JSON lines input (a port with large raw
// replies is a few hundred kilobytes; a hostile file gets no further).
const MaxJSONLine = 64 << 20

// ReadJSONLines reads signet's JSON lines output (docs/json-output.md)
// back into results: one host per address, in the order first met, with
// the ports in the order read (result.SortPorts gives nmap's) and the raw
// replies of unrecognised services. A host line gives the host's status
// (a host with port lines and no host line, as earlier signet wrote, was
// up); the run and end lines, and lines of a record kind this reader does
// not know, are skipped. Blank lines are skipped and unknown fields
// ignored, as the schema asks; anything else wrong is an error
// "name:line:col: what is wrong", and nothing is returned.
func ReadJSONLines(name string, r io.Reader) ([]*result.Host, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var hosts []*result.Host
	byAddr := map[string]*result.Host{}
	for line := 1; ; line++ {
		b, err := readLine(br)
		if err != nil && err != io.EOF {
			if errors.Is(err, errLongLine) {
				return nil, fmt.Errorf("%s:%d:%d: line longer than %d bytes", name, line, MaxJSONLine+1, MaxJSONLine)
			}
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if len(trimSpace(b)) > 0 {
			h, p, col, perr := decodeLine(b)
			if perr != nil {
				return nil, fmt.Errorf("%s:%d:%d: %v", name, line, col, perr)
			}
			if h == nil {
				continue // a run or end line
			}
			if old := byAddr[h.Addr]; old != nil {
				if old.TargetName == "" {
					old.TargetName = h.TargetName
				}
				if old.Hostname == "" {
					old.Hostname = h.Hostname
				}
				if p == nil { // the host line
					old.Status, old.Reason, old.ReasonTTL = h.Status, h.Reason, h.ReasonTTL
				}
				h = old
			} else {
				byAddr[h.Addr] = h
				hosts = append(hosts, h)
			}
			if p != nil {
				h.Ports = append(h.Ports, p)
			}
		}
		if err == io.EOF {
			return hosts, nil
		}
	}
}

var errLongLine = errors.New("line too long")

// readLine returns the next line without its "\n" (io.EOF with the last,
// possibly empty, line).
func readLine(br *bufio.Reader) ([]byte, error) {
	var out []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(out)+len(chunk) > MaxJSONLine+1 {
			return nil, errLongLine
		}
		out = append(out, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == nil {
			out = out[:len(out)-1]
		}
		return out, err
	}
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

// decodeLine reads one line: a port line gives its host and port, a host
// line its host and no port, other records nothing. col is the 1-based
// byte column of an error (1 for a missing or wrong field).
func decodeLine(b []byte) (*result.Host, *result.Port, int, error) {
	var kind struct {
		Record *string `json:"record"`
	}
	switch {
	case json.Unmarshal(b, &kind) != nil || kind.Record == nil:
		return decodePortLine(b)
	case *kind.Record == RecordHost:
		var jh JSONHost
		if col, err := unmarshal(b, &jh); err != nil {
			return nil, nil, col, err
		}
		switch {
		case jh.Addr == "":
			return nil, nil, 1, errors.New(`host line without "addr"`)
		case jh.Status != result.HostUp && jh.Status != result.HostDown:
			return nil, nil, 1, fmt.Errorf(`host line: "status" %q is neither up nor down`, jh.Status)
		}
		return &result.Host{Addr: jh.Addr, AddrType: jh.AddrType, TargetName: jh.Target, Hostname: jh.Hostname,
			Status: jh.Status, Reason: jh.Reason, ReasonTTL: jh.ReasonTTL}, nil, 0, nil
	}
	return nil, nil, 0, nil
}

// unmarshal decodes b into v; the int is the column of an error.
func unmarshal(b []byte, v any) (int, error) {
	if err := json.Unmarshal(b, v); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return int(se.Offset), fmt.Errorf("not JSON: %v", se)
		case errors.As(err, &te):
			return int(te.Offset), fmt.Errorf("field %q: %s where %s belongs", te.Field, te.Value, te.Type)
		}
		return 1, err
	}
	return 0, nil
}

// decodePortLine reads one port line.
func decodePortLine(b []byte) (*result.Host, *result.Port, int, error) {
	var jp JSONPort
	if col, err := unmarshal(b, &jp); err != nil {
		return nil, nil, col, err
	}
	switch {
	case jp.Addr == "":
		return nil, nil, 1, errors.New(`no "addr"`)
	case jp.Proto == "":
		return nil, nil, 1, errors.New(`no "proto"`)
	case jp.State == "":
		return nil, nil, 1, errors.New(`no "state"`)
	case jp.Port < 0 || jp.Port > 65535:
		return nil, nil, 1, fmt.Errorf(`"port" %d out of range 0-65535`, jp.Port)
	}
	h := &result.Host{Addr: jp.Addr, AddrType: jp.AddrType, TargetName: jp.Target, Hostname: jp.Hostname, Status: result.HostUp}
	p := &result.Port{Number: jp.Port, Proto: jp.Proto, State: jp.State, Reason: jp.Reason, ReasonTTL: jp.ReasonTTL, Outcome: jp.Outcome}
	if s := jp.Service; s != nil {
		p.Service = &result.Service{Name: s.Name, Product: s.Product, Version: s.Version, Info: s.ExtraInfo,
			Hostname: s.Hostname, OS: s.OSType, Device: s.DeviceType, CPE: s.CPE, Tunnel: s.Tunnel,
			Method: s.Method, Conf: s.Conf, Fingerprint: wrapFP(s.ServiceFP)}
		for f, src := range s.Sources {
			p.Service.SetSource(f, src)
		}
		for _, r := range s.Replies {
			p.Service.Replies = append(p.Service.Replies, result.Reply{Probe: r.Probe, Data: r.Data})
		}
	}
	return h, p, 0, nil
}
