package output

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"time"

	"github.com/signetscan/signet/result"
)

// JSONLines writes signet's own JSON lines output (-oJ): one object per
// port, written and flushed as each port finishes (Port), with every field
// the XML has, plus the raw replies of unrecognised services. The schema is
// in docs/json-output.md; the Go types below are its definition.
//
// Begin writes the run line (the command line, which signet --resume reads
// back), Host the host's shown ports that were not streamed through Port
// (so a scanner that never calls Port still gets every port) and then the
// host line that says the host is complete (not for a host the end of the
// run cut short), End the end line.
type JSONLines struct {
	sink
	written map[string]map[portKey]bool // host address → ports already written
	run     *result.Run

	// Continue, set before Begin, continues a file an interrupted run of the
	// same scan left (signet --resume), whose run line is already there:
	// Begin writes nothing.
	Continue bool
}

// Kinds of the lines that are not ports (JSON's "record"; port lines have
// none).
const (
	RecordRun  = "run"
	RecordHost = "host"
	RecordEnd  = "end"
)

// JSONRun is the first line: which scan this is.
type JSONRun struct {
	Record  string    `json:"record"` // RecordRun
	Scanner string    `json:"scanner"`
	Version string    `json:"version"`
	Args    []string  `json:"args"` // the command line, argv[0] first
	Start   time.Time `json:"start"`
}

// JSONHost says that a host is complete: every line of its ports is above.
type JSONHost struct {
	Record    string `json:"record"` // RecordHost
	Addr      string `json:"addr"`
	AddrType  string `json:"addrtype"`
	Target    string `json:"target,omitempty"`
	Hostname  string `json:"hostname,omitempty"`
	Status    string `json:"status"` // up, down
	Reason    string `json:"reason"`
	ReasonTTL int    `json:"reason_ttl"`
	Ports     int    `json:"ports"` // the host's port lines above
}

// JSONEnd is the last line of a run that ended, well or not.
type JSONEnd struct {
	Record     string    `json:"record"` // RecordEnd
	Time       time.Time `json:"time"`
	Elapsed    float64   `json:"elapsed"` // seconds
	Exit       string    `json:"exit"`    // success, error
	ErrorMsg   string    `json:"errormsg,omitempty"`
	HostsUp    int       `json:"hosts_up"`
	HostsDown  int       `json:"hosts_down"`
	HostsTotal int       `json:"hosts_total"`
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

// Begin writes the run line.
func (j *JSONLines) Begin(run *result.Run) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.run = withStart(run)
	if j.Continue {
		return nil
	}
	return j.line(&JSONRun{Record: RecordRun, Scanner: scannerName(j.run), Version: j.run.Version, Args: j.run.Args, Start: j.run.Start})
}

// line writes one object as a line.
func (j *JSONLines) line(v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return j.emit(buf.Bytes())
}

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

// Host writes the shown ports of h that Port has not written, then the
// host line, and forgets the ports of h. Only h's own ports are forgotten:
// a scan of host:port lines can have several records of one address in
// flight at once, and each keeps the ports it streamed. A host that the
// other formats leave out (a down host without -v) gets no line.
func (j *JSONLines) Host(h *result.Host) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	done := j.written[h.Addr]
	var rest []*result.Port
	lines := 0
	for _, p := range h.Ports {
		k := portKey{p.Proto, p.Number}
		if done[k] {
			delete(done, k)
			lines++
		} else {
			rest = append(rest, p)
		}
	}
	for _, e := range h.Extra { // streamed, then left out of the table
		for _, r := range e.Reasons {
			for _, n := range r.Ports {
				if done[portKey{r.Proto, n}] {
					delete(done, portKey{r.Proto, n})
					lines++
				}
			}
		}
	}
	if done != nil && len(done) == 0 {
		delete(j.written, h.Addr)
	}
	if h.Incomplete {
		// Cut short by the end of the run: the ports that finished are above, the rest
		// and the host line are not written (signet --resume scans the host again).
		return nil
	}
	if err := j.write(h, rest); err != nil {
		return err
	}
	if !shown(j.run, h) {
		return nil
	}
	return j.line(&JSONHost{Record: RecordHost, Addr: h.Addr, AddrType: h.Family(), Target: h.TargetName,
		Hostname: h.Hostname, Status: h.Status, Reason: reasonOr(h.Reason), ReasonTTL: h.ReasonTTL, Ports: lines + len(rest)})
}

// End writes the end line.
func (j *JSONLines) End(end *result.RunEnd) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	e := endWithElapsed(j.run, end)
	exit := result.ExitSuccess
	if e.Failed() {
		exit = result.ExitError
	}
	down := e.HostsDown
	if down == 0 && e.HostsTotal > e.HostsUp {
		down = e.HostsTotal - e.HostsUp
	}
	return j.line(&JSONEnd{Record: RecordEnd, Time: e.Time, Elapsed: math.Round(e.Elapsed.Seconds()*1000) / 1000, Exit: exit, ErrorMsg: e.ErrorMsg,
		HostsUp: e.HostsUp, HostsDown: down, HostsTotal: e.HostsTotal})
}

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
