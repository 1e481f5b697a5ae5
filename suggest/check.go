package suggest

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/signetscan/signet/evidence"
	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/lint"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/pcre"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/template"
)

// Sample is a fingerprint a suggested line must not take for its own: an
// evidence case (with the answer it must give) or a fingerprint given with
// --against (Expect nil: any match is a collision).
type Sample struct {
	Name   string
	FP     *fingerprint.Fingerprint
	Expect *evidence.Expect
}

// SamplesFromEvidence turns evidence cases into samples.
func SamplesFromEvidence(cases []*evidence.Case) []Sample {
	out := make([]Sample, 0, len(cases))
	for _, c := range cases {
		e := c.Expect
		out = append(out, Sample{Name: c.Path, FP: c.FP, Expect: &e})
	}
	return out
}

// corpusReply is one reply of a sample.
type corpusReply struct {
	sample *Sample
	probe  string
	data   []byte
}

// corpus indexes the samples' replies by protocol and probe name.
type corpus struct {
	samples []Sample
	byProbe map[probes.Protocol]map[string][]corpusReply
	n       int
}

func newCorpus(samples []Sample, skip []*fingerprint.Fingerprint) *corpus {
	c := &corpus{samples: samples, byProbe: map[probes.Protocol]map[string][]corpusReply{probes.TCP: {}, probes.UDP: {}}}
	for i := range c.samples {
		s := &c.samples[i]
		if s.FP == nil || sameReplies(s.FP, skip) {
			continue
		}
		proto := protoOf(s.FP)
		for _, r := range s.FP.Responses {
			if len(r.Data) == 0 {
				continue
			}
			c.byProbe[proto][r.Probe] = append(c.byProbe[proto][r.Probe], corpusReply{s, r.Probe, r.Data})
			c.n++
		}
	}
	return c
}

// sameReplies reports whether fp holds the same replies as one of fps (the
// fingerprint being described, found again in the corpus).
func sameReplies(fp *fingerprint.Fingerprint, fps []*fingerprint.Fingerprint) bool {
	for _, o := range fps {
		if o == nil || len(o.Responses) != len(fp.Responses) || o.Port != fp.Port {
			continue
		}
		same := true
		for i := range o.Responses {
			if o.Responses[i].Probe != fp.Responses[i].Probe || !bytes.Equal(o.Responses[i].Data, fp.Responses[i].Data) {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

func protoOf(fp *fingerprint.Fingerprint) probes.Protocol {
	if strings.EqualFold(fp.Proto, "UDP") {
		return probes.UDP
	}
	return probes.TCP
}

// relevant returns the corpus replies a line of probe p is tried on: the
// replies to every probe whose fallback chain holds p (for the NULL probe,
// every TCP reply).
func (c *corpus) relevant(db *probes.DB, p *probes.Probe) []corpusReply {
	var out []corpusReply
	names := make([]string, 0, len(c.byProbe[p.Protocol]))
	for name := range c.byProbe[p.Protocol] {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		rs := c.byProbe[p.Protocol][name]
		q := db.Probe(p.Protocol, name)
		if q == nil {
			continue // a scan with this database never sends it
		}
		for _, m := range q.Chain {
			if m.Name == p.Name && m.Protocol == p.Protocol {
				out = append(out, rs...)
				break
			}
		}
	}
	// In corpus order, so the collision named first is always the same.
	sort.SliceStable(out, func(i, j int) bool { return out[i].sample.Name < out[j].sample.Name })
	return out
}

// crossCollisions looks for the false positives that the order of probes
// alone hides (as signet lint does for the whole database): the line must
// not match another probe's payload sent back by an echo service, nor a
// reply another service gave to a probe outside the line's chain (a banner
// or fixed error it may send to the line's probe too), unless that
// service's evidence also holds its reply to the line's probe.
func (c *corpus) crossCollisions(db *probes.DB, line *probes.Match, claim Fields) []collision {
	var out []collision
	p := line.Probe
	all := append([]*probes.Probe{db.Null}, db.Probes...)
	for _, q := range all {
		if q == nil || q.Protocol != p.Protocol || claim.Service == lint.EchoService {
			continue
		}
		cuts := lint.EchoReplies(q.Payload)
		if c.echoes(p.Protocol, claim, cuts) {
			continue // the service itself was recorded sending this probe back
		}
		for _, r := range cuts {
			if loc, err := line.Regex.Exec(r); err == nil && loc != nil {
				out = append(out, collision{&Sample{Name: "probe " + q.Name + "'s payload"}, q.Name, "sent back by an echo service matches: an echo service would be named " + claim.Service})
				break
			}
		}
	}
	inChain := map[string]bool{}
	for name := range c.byProbe[p.Protocol] {
		if q := db.Probe(p.Protocol, name); q != nil {
			for _, m := range q.Chain {
				if m == p {
					inChain[name] = true
				}
			}
		}
	}
	seen := map[*Sample]bool{}
	for _, name := range sortedKeys(c.byProbe[p.Protocol]) {
		if inChain[name] {
			continue
		}
		for _, r := range c.byProbe[p.Protocol][name] {
			if seen[r.sample] || r.sample.Expect != nil && disagree(r.sample.Expect, claim, false, nil, nil) == "" {
				continue
			}
			loc, err := line.Regex.Exec(r.data)
			if err != nil || loc == nil {
				continue
			}
			answered := false
			for _, o := range r.sample.FP.Responses {
				if o.Probe == p.Name {
					answered = true
				}
			}
			if !answered {
				seen[r.sample] = true
				out = append(out, collision{r.sample, r.probe, "matches, and the service may send it to probe " + p.Name + " too"})
			}
		}
	}
	return out
}

// echoes reports whether a sample of the claimed service recorded one of
// the echo replies: then the service does send that probe back.
func (c *corpus) echoes(proto probes.Protocol, claim Fields, cuts [][]byte) bool {
	for _, rs := range c.byProbe[proto] {
		for _, r := range rs {
			if r.sample.Expect == nil || disagree(r.sample.Expect, claim, false, nil, nil) != "" {
				continue
			}
			for _, cut := range cuts {
				if bytes.Equal(r.data, cut) {
					return true
				}
			}
		}
	}
	return false
}

// collision is a corpus reply a line takes.
type collision struct {
	sample *Sample
	probe  string
	why    string
}

func (c collision) String() string {
	s := fmt.Sprintf("%s: its reply to %s", c.sample.Name, c.probe)
	if c.sample.Expect != nil {
		s += fmt.Sprintf(" (%s)", c.sample.Expect)
	}
	return s + " " + c.why
}

// collisions runs re over the replies and returns those it takes: every
// match for a sample without expectation; for an evidence case, a match
// whose answer would differ from the case's service or product (or
// version, when the line reports one).
func collisions(re pcre.Regex, replies []corpusReply, claim Fields, versionTmpl bool) []collision {
	var out []collision
	seen := map[*Sample]bool{}
	for _, r := range replies {
		if seen[r.sample] {
			continue
		}
		loc, err := re.Exec(r.data)
		if err != nil || loc == nil {
			continue
		}
		e := r.sample.Expect
		if e == nil {
			seen[r.sample] = true
			out = append(out, collision{r.sample, r.probe, "matches"})
			continue
		}
		if why := disagree(e, claim, versionTmpl, r.data, loc); why != "" {
			seen[r.sample] = true
			out = append(out, collision{r.sample, r.probe, why})
		}
	}
	return out
}

// disagree says how the line's answer on a case's reply would differ from
// the case's expectation, "" when it agrees.
func disagree(e *evidence.Expect, claim Fields, versionTmpl bool, reply []byte, loc []int) string {
	strip := func(s string) string { return strings.TrimPrefix(s, "ssl/") }
	if e.Check[0] && e.Fields[0] != "" && strip(e.Fields[0]) != strip(claim.Service) {
		return fmt.Sprintf("matches: it is %s, the line says %s", e.Fields[0], claim.Service)
	}
	if e.Check[1] {
		switch {
		case e.Fields[1] != claim.Product && claim.Product != "" && e.Fields[1] != "":
			return fmt.Sprintf("matches: it is %s, the line says %s", e.Fields[1], claim.Product)
		case e.Fields[1] != "" && claim.Product == "":
			return fmt.Sprintf("matches: it is %s, the line would hide the product", e.Fields[1])
		case e.Fields[1] == "" && claim.Product != "":
			return fmt.Sprintf("matches: its product is unknown, the line says %s", claim.Product)
		}
	}
	if versionTmpl && e.Check[2] && len(loc) >= 4 && loc[2] >= 0 {
		v := string(reply[loc[2]:loc[3]])
		if v != e.Fields[2] && !strings.HasPrefix(e.Fields[2], v+" ") {
			return fmt.Sprintf("matches: its version is %q, the line would say %q", e.Fields[2], v)
		}
	}
	return ""
}

// overlayName names the suggested line's file in positions.
const overlayName = "suggested.probes"

// withLine merges the overlay text into a copy of db.
func withLine(db *probes.DB, overlay string) (*probes.DB, *probes.Match, error) {
	c, o, err := db.WithOverlay(overlayName, []byte(overlay))
	if err != nil {
		return nil, nil, err
	}
	var line *probes.Match
	for _, p := range append([]*probes.Probe{o.Null}, o.Probes...) {
		if p != nil && len(p.Matches) > 0 {
			line = p.Matches[0]
		}
	}
	if line == nil {
		return nil, nil, errors.New("the overlay holds no match line")
	}
	return c, line, nil
}

// wins replays fp with the candidate database and returns "" when the
// suggested line gives the answer, else what happens instead.
func wins(db *probes.DB, line *probes.Match, fp *fingerprint.Fingerprint, claim Fields) string {
	var reply []byte
	found := false
	for _, r := range fp.Responses {
		if r.Probe == line.Probe.Name {
			reply, found = r.Data, true
			break
		}
	}
	if !found {
		return fmt.Sprintf("the fingerprint holds no reply to probe %s", line.Probe.Name)
	}
	if loc, err := line.Regex.Exec(reply); err != nil || loc == nil {
		why := "it does not match"
		if err != nil {
			why = err.Error()
		} else if pr, err := pcre.Explain(line.Pattern, line.Flags, reply); err == nil && !pr.Matched {
			why = fmt.Sprintf("it does not match: %q fails at byte %d after %q", pr.Next, pr.End, pr.Prefix)
		}
		return fmt.Sprintf("the reply to %s: %s", line.Probe.Name, why)
	}
	port, steps := matcher.New(db).Replay(fp, matcher.ReplayOptions{Intensity: -1})
	var hard *matcher.Step
	for i := range steps {
		if s := &steps[i]; s.Hit != nil && !s.Hit.Line.Soft {
			hard = s
		}
	}
	if hard != nil && hard.Hit.Line.Pos.File == overlayName {
		svc := port.Service
		if svc.Product != template.Sanitize(template.Fields{Product: claim.Product}).Product {
			return fmt.Sprintf("the line matches but reports product %q", svc.Product)
		}
		return ""
	}
	if hard != nil {
		return fmt.Sprintf("an earlier line wins first: %s", hard)
	}
	for _, s := range steps {
		if s.Probe == line.Probe.Name && s.Skipped != "" {
			return fmt.Sprintf("a scan would not send probe %s (%s)", s.Probe, s.Skipped)
		}
	}
	return "the line does not match in a replay of the fingerprint"
}

// lintClean returns the lint findings about the suggested line.
func lintClean(db *probes.DB) []string {
	var out []string
	for _, w := range db.Warnings {
		if w.Pos.File == overlayName {
			out = append(out, w.Error())
		}
	}
	for _, f := range lint.Check(db) {
		if f.Pos.File == overlayName {
			out = append(out, f.String())
		}
	}
	return out
}
