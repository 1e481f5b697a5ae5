package matcher

import (
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
			s.merge(h.Fields)
		}
		return h, false
	}
	s.hard = h
	s.merge(h.Fields)
	s.outcome = HardMatched
	return h, true
}

// merge copies the non-empty fields of f over the recorded ones (X3).
func (s *Session) merge(f template.Fields) {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&s.fields.Product, f.Product)
	set(&s.fields.Version, f.Version)
	set(&s.fields.Info, f.Info)
	set(&s.fields.Hostname, f.Hostname)
	set(&s.fields.OS, f.OS)
	set(&s.fields.Device, f.Device)
	for i := range f.CPE {
		set(&s.fields.CPE[i], f.CPE[i])
	}
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
	switch s.outcome {
	case HardMatched:
		name = s.hard.Line.Service
		svc.Method, svc.Conf = result.MethodProbed, 10
	case SoftMatched:
		name = s.soft.Line.Service
		svc.Method, svc.Conf = result.MethodProbed, 10
	case TCPWrapped:
		name = "tcpwrapped"
		svc.Method, svc.Conf = result.MethodProbed, 8
		svc.Name = name
		return svc
	default: // NoMatch, Incomplete
		if s.soft != nil {
			name = s.soft.Line.Service
		} else if table != nil {
			name = table(s.Port, s.Protocol)
		}
		svc.Method, svc.Conf = result.MethodTable, 3
	}
	if rest, ok := strings.CutPrefix(name, "ssl/"); ok && s.outcome == HardMatched {
		name, svc.Tunnel = rest, "ssl" // S10
	}
	svc.Name = name
	if s.outcome == HardMatched || s.outcome == SoftMatched {
		f := template.Sanitize(s.fields)
		svc.Product, svc.Version, svc.Info = f.Product, f.Version, f.Info
		svc.Hostname, svc.OS, svc.Device = f.Hostname, f.OS, f.Device
		svc.CPE = f.CPEs()
	}
	return svc
}
