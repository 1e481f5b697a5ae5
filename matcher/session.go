package matcher

import (
	"slices"
	"strconv"
	"strings"

	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/result"
	"github.com/signetscan/signet/template"
)

// Outcome is how a service's probing ended (nmap's serviceprobestate).
type Outcome int

const (
	Running     Outcome = iota // probes remain
	HardMatched                // a match line won
	SoftMatched                // probes ran out after a softmatch
	NoMatch                    // probes ran out, nothing matched
	TCPWrapped                 // closed on us without a byte (S9)
	Incomplete                 // errors or time-outs ended it early
)

// String is the outcome's word in signet's outputs (JSON lines' outcome,
// --reason): matched, softmatched, nomatch, tcpwrapped; "timeout" for
// Incomplete, which today covers time-outs and failed connections alike;
// "" while running.
func (o Outcome) String() string {
	switch o {
	case HardMatched:
		return "matched"
	case SoftMatched:
		return "softmatched"
	case NoMatch:
		return "nomatch"
	case TCPWrapped:
		return "tcpwrapped"
	case Incomplete:
		return "timeout"
	}
	return ""
}

// Session is the state of one service across its probes: which probes may
// still be sent (S4), the first softmatch, and the fields recorded so far (X3).
type Session struct {
	m         *Matcher
	Port      int
	Protocol  probes.Protocol
	SSL       bool // inside an SSL tunnel: sslports apply, names get ssl/
	Intensity int  // 0..9 (S3)

	soft    *Hit // first softmatch (X3)
	hard    *Hit
	fields  template.Fields // merged as nmap records them (X3)
	from    fieldLines      // the line that set each field
	outcome Outcome

	Warnings []string
}

// NewSession starts the state of one service.
func (m *Matcher) NewSession(port int, proto probes.Protocol, ssl bool, intensity int) *Session {
	return &Session{m: m, Port: port, Protocol: proto, SSL: ssl, Intensity: intensity}
}

// SoftService is the softmatched service name, "" if none yet.
func (s *Session) SoftService() string {
	if s.soft == nil {
		return ""
	}
	return s.soft.Line.Service
}

// Registered reports whether p's ports (or sslports inside SSL) list the port.
func (s *Session) Registered(p *probes.Probe) bool {
	if s.SSL {
		return p.SSLPorts.Contains(s.Port)
	}
	return p.Ports.Contains(s.Port)
}

// Why returns "" when nmap's probe walk (S4) would send p next given what is
// known so far, or the reason it would not.
func (s *Session) Why(p *probes.Probe) string {
	if p.Protocol != s.Protocol {
		return "other protocol"
	}
	if p.IsNull() {
		if p.Protocol == probes.TCP {
			return ""
		}
		return "NULL probe is TCP only"
	}
	if soft := s.SoftService(); soft != "" {
		if s.Intensity >= 9 || p.Detectable[soft] {
			return ""
		}
		return "cannot detect softmatched service " + soft
	}
	if s.Registered(p) || p.Rarity <= s.Intensity {
		return ""
	}
	return "rarity " + strconv.Itoa(p.Rarity) + " > intensity " + strconv.Itoa(s.Intensity)
}

// Feed matches the reply of probe p and records the result (X3). It
// returns the hit (nil if none) and whether the service is finished (a hard
// match).
func (s *Session) Feed(p *probes.Probe, reply []byte) (*Hit, bool) {
	h := s.m.Match(p, reply)
	if h == nil {
		return nil, false
	}
	s.Warnings = append(s.Warnings, h.Warnings...)
	if h.Line.Soft {
		if s.soft == nil {
			s.soft = h
			s.merge(h)
		}
		return h, false
	}
	s.hard = h
	s.merge(h)
	s.outcome = HardMatched
	return h, true
}

// fieldLines records which match line set each version field.
type fieldLines struct {
	product, version, info, hostname, os, device *probes.Match
	cpe                                          [len(template.Fields{}.CPE)]*probes.Match
}

// merge copies the non-empty fields of h over the recorded ones (X3).
func (s *Session) merge(h *Hit) {
	f := h.Fields
	set := func(dst *string, from **probes.Match, v string) {
		if v != "" {
			*dst = v
			*from = h.Line
		}
	}
	set(&s.fields.Product, &s.from.product, f.Product)
	set(&s.fields.Version, &s.from.version, f.Version)
	set(&s.fields.Info, &s.from.info, f.Info)
	set(&s.fields.Hostname, &s.from.hostname, f.Hostname)
	set(&s.fields.OS, &s.from.os, f.OS)
	set(&s.fields.Device, &s.from.device, f.Device)
	for i := range f.CPE {
		set(&s.fields.CPE[i], &s.from.cpe[i], f.CPE[i])
	}
}

// Where is a match line's place, "FILE:LINE", as result.Service.Sources
// names signature lines.
func Where(m *probes.Match) string {
	return m.Pos.File + ":" + strconv.Itoa(m.Pos.Line)
}

// Finish ends the walk: with no hard match, the outcome becomes
// SoftMatched or NoMatch, unless o (TCPWrapped or Incomplete) is given.
func (s *Session) Finish(o Outcome) Outcome {
	if s.outcome == HardMatched {
		return s.outcome
	}
	switch {
	case o != Running:
		s.outcome = o
	case s.soft != nil:
		s.outcome = SoftMatched
	default:
		s.outcome = NoMatch
	}
	return s.outcome
}

// Hard is the winning hard match, nil if none.
func (s *Session) Hard() *Hit { return s.hard }

// Soft is the first softmatch, nil if none.
func (s *Session) Soft() *Hit { return s.soft }

// Service builds the reported service for a finished session (R1, M7).
// table looks a port up in the services table ("" if absent).
func (s *Session) Service(table func(port int, proto probes.Protocol) string) *result.Service {
	svc := &result.Service{}
	if s.SSL {
		svc.Tunnel = "ssl"
	}
	name := ""
	nameFrom := "table"
	switch s.outcome {
	case HardMatched:
		name, nameFrom = s.hard.Line.Service, Where(s.hard.Line)
		svc.Method, svc.Conf = result.MethodProbed, 10
	case SoftMatched:
		name, nameFrom = s.soft.Line.Service, Where(s.soft.Line)
		svc.Method, svc.Conf = result.MethodProbed, 10
	case TCPWrapped:
		svc.Name = "tcpwrapped"
		svc.Method, svc.Conf = result.MethodProbed, 8
		svc.SetSource("name", "walk")
		return svc
	default: // NoMatch, Incomplete
		if s.soft != nil {
			name, nameFrom = s.soft.Line.Service, Where(s.soft.Line)
		} else if table != nil {
			name = table(s.Port, s.Protocol)
		}
		svc.Method, svc.Conf = result.MethodTable, 3
	}
	if rest, ok := strings.CutPrefix(name, "ssl/"); ok && s.outcome == HardMatched {
		name, svc.Tunnel = rest, "ssl" // S10
		svc.SetSource("tunnel", nameFrom)
	}
	svc.Name = name
	if name != "" {
		svc.SetSource("name", nameFrom)
	}
	if s.outcome == HardMatched || s.outcome == SoftMatched {
		f := template.Sanitize(s.fields)
		svc.Product, svc.Version, svc.Info = f.Product, f.Version, f.Info
		svc.Hostname, svc.OS, svc.Device = f.Hostname, f.OS, f.Device
		svc.CPE = f.CPEs()
		s.sources(svc, f)
	}
	return svc
}

// sources records in svc.Sources the line behind each version field that
// survived sanitising (M7); a CPE is credited to the line of its part.
func (s *Session) sources(svc *result.Service, f template.Fields) {
	for _, x := range []struct {
		field string
		v     string
		from  *probes.Match
	}{{"product", f.Product, s.from.product}, {"version", f.Version, s.from.version}, {"extrainfo", f.Info, s.from.info},
		{"hostname", f.Hostname, s.from.hostname}, {"ostype", f.OS, s.from.os}, {"devicetype", f.Device, s.from.device}} {
		if x.v != "" && x.from != nil {
			svc.SetSource(x.field, Where(x.from))
		}
	}
	var cpe []string
	for i, c := range f.CPE {
		if c != "" && s.from.cpe[i] != nil && !slices.Contains(cpe, Where(s.from.cpe[i])) {
			cpe = append(cpe, Where(s.from.cpe[i]))
		}
	}
	if len(cpe) > 0 && len(svc.CPE) > 0 {
		svc.SetSource("cpe", strings.Join(cpe, " "))
	}
}
