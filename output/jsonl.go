package output

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/signetscan/signet/result"
)

// JSONLines writes signet's own JSON lines output (-oJ): one object per
// port, written and flushed as each port finishes (Port), with every field
// the XML has, plus the raw replies of unrecognised services. The schema is
// in docs/json-output.md; the Go types below are its definition.
//
// Host writes the host's shown ports that were not streamed through Port,
// so a scanner that never calls Port still gets every port; Begin and End
// write nothing.
type JSONLines struct {
	sink
	written map[string]map[portKey]bool // host address → ports already written
}

type portKey struct {
	proto  string
	number int
}

// NewJSONLines returns a JSON lines writer to w.
func NewJSONLines(w io.Writer) *JSONLines {
	return &JSONLines{sink: sink{w: w}, written: map[string]map[portKey]bool{}}
}

// JSONPort is one line of the JSON lines output.
type JSONPort struct {
	Addr      string       `json:"addr"`
	AddrType  string       `json:"addrtype"`
	Target    string       `json:"target,omitempty"`   // the name the user gave
	Hostname  string       `json:"hostname,omitempty"` // reverse DNS
	Port      int          `json:"port"`
	Proto     string       `json:"proto"`
	State     string       `json:"state"`
	Reason    string       `json:"reason"`
	ReasonTTL int          `json:"reason_ttl"`
	Outcome   string       `json:"outcome,omitempty"` // why service detection ended; absent when not probed
	Service   *JSONService `json:"service,omitempty"` // when XML has <service>
}

// JSONService mirrors XML's <service> element; Replies are extra.
type JSONService struct {
	Name       string      `json:"name"`
	Product    string      `json:"product,omitempty"`
	Version    string      `json:"version,omitempty"`
	ExtraInfo  string      `json:"extrainfo,omitempty"`
	Hostname   string      `json:"hostname,omitempty"`
	OSType     string      `json:"ostype,omitempty"`
	DeviceType string      `json:"devicetype,omitempty"`
	ServiceFP  string      `json:"servicefp,omitempty"`
	Tunnel     string      `json:"tunnel,omitempty"`
	Method     string      `json:"method"`
	Conf       int         `json:"conf"`
	CPE        []string    `json:"cpe,omitempty"`
	Replies    []JSONReply `json:"replies,omitempty"`
	// Sources names, per field above, what set it: a signature line
	// "FILE:LINE", a detector's name, "table" or "walk"
	// (result.Service.Sources).
	Sources map[string]string `json:"sources,omitempty"`
}

// JSONReply is one probe's raw reply; Data is base64 (standard, padded)
// in the JSON text.
type JSONReply struct {
	Probe string `json:"probe"`
	Data  []byte `json:"data"`
}

// Begin writes nothing.
func (j *JSONLines) Begin(*result.Run) error { return nil }

// Port writes one port's line and flushes it.
func (j *JSONLines) Port(h *result.Host, p *result.Port) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	m := j.written[h.Addr]
	if m == nil {
		m = map[portKey]bool{}
		j.written[h.Addr] = m
	}
	m[portKey{p.Proto, p.Number}] = true
	return j.write(h, []*result.Port{p})
}

// Host writes the shown ports of h that Port has not written, and forgets
// the ports of h. Only h's own ports are forgotten: a scan of host:port
// lines can have several records of one address in flight at once, and
// each keeps the ports it streamed.
func (j *JSONLines) Host(h *result.Host) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	done := j.written[h.Addr]
	var rest []*result.Port
	for _, p := range h.Ports {
		k := portKey{p.Proto, p.Number}
		if done[k] {
			delete(done, k)
		} else {
			rest = append(rest, p)
		}
	}
	for _, e := range h.Extra { // streamed, then left out of the table
		for _, r := range e.Reasons {
			for _, n := range r.Ports {
				delete(done, portKey{r.Proto, n})
			}
		}
	}
	if done != nil && len(done) == 0 {
		delete(j.written, h.Addr)
	}
	return j.write(h, rest)
}

// End writes nothing.
func (j *JSONLines) End(*result.RunEnd) error { return nil }

func (j *JSONLines) write(h *result.Host, ports []*result.Port) error {
	if len(ports) == 0 {
		return nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, p := range ports {
		if err := enc.Encode(PortJSON(h, p)); err != nil {
			return err
		}
	}
	return j.emit(buf.Bytes())
}

// PortJSON builds the JSON line of a port. Replies are included when the
// service is unrecognised: it has a fingerprint, or only a table guess.
func PortJSON(h *result.Host, p *result.Port) *JSONPort {
	out := &JSONPort{
		Addr: h.Addr, AddrType: h.Family(), Target: h.TargetName, Hostname: h.Hostname,
		Port: p.Number, Proto: p.Proto, State: p.State, Reason: reasonOr(p.Reason), ReasonTTL: p.ReasonTTL,
		Outcome: p.Outcome,
	}
	if !hasService(p) {
		return out
	}
	s := p.Service
	js := &JSONService{
		Name: serviceNameOr(s.Name), Product: s.Product, Version: s.Version, ExtraInfo: s.Info,
		Hostname: s.Hostname, OSType: s.OS, DeviceType: s.Device, ServiceFP: ServiceFP(s.Fingerprint),
		Method: methodOr(s.Method), Conf: s.Conf, CPE: sortedCPE(s.CPE), Sources: jsonSources(s),
	}
	if s.Tunnel == "ssl" {
		js.Tunnel = "ssl"
	}
	if s.Fingerprint != "" || js.Method == result.MethodTable {
		for _, r := range s.Replies {
			js.Replies = append(js.Replies, JSONReply{Probe: r.Probe, Data: r.Data})
		}
	}
	out.Service = js
	return out
}

// jsonSources is the service's Sources limited to the fields the line
// carries (a name written as "unknown" has no source).
func jsonSources(s *result.Service) map[string]string {
	if len(s.Sources) == 0 {
		return nil
	}
	has := map[string]bool{"name": s.Name != "", "product": s.Product != "", "version": s.Version != "",
		"extrainfo": s.Info != "", "hostname": s.Hostname != "", "ostype": s.OS != "", "devicetype": s.Device != "",
		"cpe": len(s.CPE) > 0, "tunnel": s.Tunnel == "ssl"}
	out := map[string]string{}
	for k, v := range s.Sources {
		if has[k] {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
