package lint

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/signetscan/signet/evidence"
	"github.com/signetscan/signet/probes"
)

// EchoService is the service name of the lines that identify an echo
// service (RFC 862): the only lines allowed to match a probe's own payload.
const EchoService = "echo"

// EchoReplies returns the replies an echo service can send back for a probe
// payload: the payload itself, then each shorter start of it that ends a
// line, shortest first (a service that echoes one line at a time, or only
// the first). The empty payload (the NULL probe) has none.
func EchoReplies(payload []byte) [][]byte {
	if len(payload) == 0 {
		return nil
	}
	out := [][]byte{payload}
	for i := 0; i < len(payload)-1; i++ {
		if payload[i] == '\n' {
			out = append(out, payload[:i+1])
		}
	}
	return out
}

// matches reports whether line m matches reply (a pattern that exhausts its
// budget counts as no match, as in a scan).
func matches(m *probes.Match, reply []byte) bool {
	if m.Regex == nil {
		return false
	}
	loc, err := m.Regex.Exec(reply)
	return err == nil && loc != nil
}

// checkOwnPayload reports, as errors, the lines that match their own probe's
// payload as an echo service sends it back: an echo service would then be
// named after the protocol whose probe it echoed. Lines naming the echo
// service are the exception: they exist to match exactly that.
func checkOwnPayload(p *probes.Probe) []Finding {
	var out []Finding
	for _, m := range p.Matches {
		if m.Service == EchoService {
			continue
		}
		for _, r := range EchoReplies(p.Payload) {
			if matches(m, r) {
				out = append(out, Finding{Pos: m.Pos, Error: true, Msg: fmt.Sprintf("matches its own probe's payload echoed back (%s): an echo service would be named %s", describeCut(r, p.Payload), m.Service)})
				break
			}
		}
	}
	return out
}

func describeCut(r, payload []byte) string {
	if len(r) == len(payload) {
		return fmt.Sprintf("all %d bytes", len(r))
	}
	return fmt.Sprintf("its first %d of %d bytes, up to a line end", len(r), len(payload))
}

// service is a line's or a case's service name without the ssl/ tunnel
// prefix: a line inside a tunnel names the same service as outside.
func service(s string) string { return strings.TrimPrefix(s, "ssl/") }

// CrossCheck looks for the false positives that order alone hides. It runs
// every line against
//
//   - the payload of every other probe of its protocol as an echo service
//     returns it (EchoReplies): our own bytes coming back must never name a
//     service. Such a match is justified only when a case of the line's own
//     service recorded one of those replies: a real server of that service
//     does send the probe back.
//   - the replies in the evidence of every other service, to probes outside
//     the line's fallback chain (inside the chain, the order of the lines
//     decides, and the case's own replay already proves it). A service that
//     sends the same bytes to every request (a banner, a fixed error) would
//     be misnamed if it answered the line's probe that way. Such a match is
//     justified when the case also recorded the service's reply to the
//     line's probe: then the evidence shows what it really answers there.
func CrossCheck(db *probes.DB, cases []*evidence.Case) []Finding {
	// Replies of each service, for justifying payload matches.
	type key struct {
		proto probes.Protocol
		svc   string
	}
	seen := map[key][][]byte{}
	for _, c := range cases {
		if !c.Expect.Check[0] {
			continue
		}
		k := key{protoOf(c), service(c.Expect.Fields[0])}
		for _, r := range c.FP.Responses {
			seen[k] = append(seen[k], r.Data)
		}
	}
	// echoes reports whether a real server of the service was recorded
	// sending one of these echo replies back: then the service does echo
	// that probe, and matching the echo names it rightly.
	echoes := func(proto probes.Protocol, svc string, cuts [][]byte) bool {
		for _, d := range seen[key{proto, service(svc)}] {
			for _, r := range cuts {
				if bytes.Equal(d, r) {
					return true
				}
			}
		}
		return false
	}

	var out []Finding
	all := allProbes(db)
	// 1. Other probes' payloads.
	for _, p := range all {
		for _, m := range p.Matches {
			if m.Service == EchoService {
				continue
			}
			for _, q := range all {
				if q == p || q.Protocol != p.Protocol {
					continue
				}
				cuts := EchoReplies(q.Payload)
				for _, r := range cuts {
					if matches(m, r) && !echoes(p.Protocol, m.Service, cuts) {
						out = append(out, Finding{Pos: m.Pos, Msg: fmt.Sprintf("matches probe %s %s's payload echoed back (%s): an echo service would be named %s", q.Protocol.Upper(), q.Name, describeCut(r, q.Payload), m.Service)})
						break
					}
				}
			}
		}
	}
	// 2. Other services' evidence.
	type hit struct {
		line *probes.Match
		path string
	}
	reported := map[hit]bool{}
	for _, c := range cases {
		if !c.Expect.Check[0] {
			continue
		}
		want := service(c.Expect.Fields[0])
		proto := protoOf(c)
		answered := map[string]bool{}
		for _, r := range c.FP.Responses {
			answered[r.Probe] = true
		}
		for _, r := range c.FP.Responses {
			p := findProbe(db, proto, r.Probe)
			if p == nil {
				continue
			}
			chain := map[*probes.Probe]bool{p: true}
			for _, x := range p.Chain {
				chain[x] = true
			}
			for _, q := range all {
				if q.Protocol != proto || chain[q] || answered[q.Name] {
					continue
				}
				for _, m := range q.Matches {
					if service(m.Service) == want || reported[hit{m, c.Path}] || !matches(m, r.Data) {
						continue
					}
					reported[hit{m, c.Path}] = true
					out = append(out, Finding{Pos: m.Pos, Msg: fmt.Sprintf("matches the %s reply of %s (a %s service): a %s server that answered probe %s the same way would be named %s", r.Probe, c.Path, want, want, q.Name, m.Service)})
				}
			}
		}
	}
	sortFindings(out)
	return out
}

func protoOf(c *evidence.Case) probes.Protocol {
	if strings.EqualFold(c.FP.Proto, "UDP") {
		return probes.UDP
	}
	return probes.TCP
}

func allProbes(db *probes.DB) []*probes.Probe {
	var out []*probes.Probe
	each(db, func(p *probes.Probe) { out = append(out, p) })
	return out
}

func findProbe(db *probes.DB, proto probes.Protocol, name string) *probes.Probe {
	var found *probes.Probe
	each(db, func(p *probes.Probe) {
		if found == nil && p.Protocol == proto && p.Name == name {
			found = p
		}
	})
	return found
}

func sortFindings(out []Finding) {
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
