package matcher

import (
	"fmt"
	"strings"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/result"
)

// ReplayOptions tune Replay.
type ReplayOptions struct {
	// Intensity overrides the fingerprint's %I when >= 0.
	Intensity int
	// Table names a port from the services table for unmatched services.
	Table func(port int, proto probes.Protocol) string
}

// Step is one probe of a replay, for --trace.
type Step struct {
	Probe   string
	Skipped string        // why a scan would not have sent this probe; "" if it was used
	Unknown bool          // the signature file has no probe of this name
	Hit     *Hit          // the line that matched, nil if none
	Reply   []byte        // the recorded reply
	Via     *probes.Probe // the chain member whose line matched, when not the probe itself
}

// String describes the step in one line, naming FILE:LINE of the winning line.
func (s Step) String() string {
	switch {
	case s.Unknown:
		return fmt.Sprintf("probe %s: not in the signature file, reply ignored", s.Probe)
	case s.Skipped != "":
		return fmt.Sprintf("probe %s: skipped, a scan would not send it (%s)", s.Probe, s.Skipped)
	case s.Hit == nil:
		return fmt.Sprintf("probe %s: no match (%d bytes)", s.Probe, len(s.Reply))
	}
	kind := "match"
	if s.Hit.Line.Soft {
		kind = "softmatch"
	}
	via := ""
	if s.Via != nil {
		via = " via fallback " + s.Via.Name
	}
	return fmt.Sprintf("probe %s: %s %s%s at %s:%d", s.Probe, kind, s.Hit.Line.Service, via,
		s.Hit.Line.Pos.File, s.Hit.Line.Pos.Line)
}

// Replay runs the replies recorded in fp through the engine as a scan would:
// in the recorded order, each probe only if nmap's walk (S4) would have sent
// it given the softmatch so far, matching through the fallback chain (X2),
// until a hard match (X3). It returns the port as a scan would report it.
func (m *Matcher) Replay(fp *fingerprint.Fingerprint, opt ReplayOptions) (*result.Port, []Step) {
	proto := probes.TCP
	if strings.EqualFold(fp.Proto, "UDP") {
		proto = probes.UDP
	}
	intensity := fp.Intensity
	if opt.Intensity >= 0 {
		intensity = opt.Intensity
	}
	s := m.NewSession(fp.Port, proto, fp.SSL, intensity)
	var steps []Step
	done := false
	for _, r := range fp.Responses {
		if done {
			break
		}
		st := Step{Probe: r.Probe, Reply: r.Data}
		p := m.probe(proto, r.Probe)
		switch {
		case p == nil:
			st.Unknown = true
		default:
			if why := s.Why(p); why != "" {
				st.Skipped = why
				break
			}
			st.Hit, done = s.Feed(p, r.Data)
			if st.Hit != nil && st.Hit.Line.Probe != p {
				st.Via = st.Hit.Line.Probe
			}
		}
		steps = append(steps, st)
	}
	s.Finish(Running)
	svc := s.Service(opt.Table)
	if s.outcome == NoMatch || (s.outcome == SoftMatched && intensity >= 7) {
		svc.Fingerprint = fp.String() // R1: kept for unmatched services
	}
	port := &result.Port{
		Number:  fp.Port,
		Proto:   strings.ToLower(fp.Proto),
		State:   "open",
		Service: svc,
	}
	return port, steps
}

// probe finds a probe by protocol and name, the NULL probe included.
func (m *Matcher) probe(proto probes.Protocol, name string) *probes.Probe {
	if n := m.db.Null; n != nil && n.Name == name && proto == probes.TCP {
		return n
	}
	for _, p := range m.db.Probes {
		if p.Protocol == proto && p.Name == name {
			return p
		}
	}
	return nil
}
