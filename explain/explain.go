// Package explain tells why a match line does or does not fire on a recorded
// fingerprint: how far its regex gets on each reply, and what answers first.
package explain

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/pcre"
	"github.com/signetscan/signet/probes"
)

// Reply is one reply the line is tried on, and how far its regex gets.
type Reply struct {
	Probe    string
	Data     []byte
	Matched  bool
	Progress *pcre.Progress // nil when the pattern cannot be explained (Err)
	Err      error          // a match limit, or an engine error
}

// Report is what happened to one line on one fingerprint.
type Report struct {
	Line    *probes.Match
	Replies []Reply // the replies a scan tries the line on (its probe, probes falling back to it)
	// Outcome says whether the line gives the answer in a replay, and if
	// not what does (an earlier line of the same probe, an earlier probe)
	// or why its probe is not sent.
	Outcome string
	Fires   bool // the line gives the answer
}

// Line explains line, which must be one of db's lines (merged from an
// overlay, say), on fp.
func Line(db *probes.DB, line *probes.Match, fp *fingerprint.Fingerprint) *Report {
	r := &Report{Line: line}
	proto := probes.TCP
	if strings.EqualFold(fp.Proto, "UDP") {
		proto = probes.UDP
	}
	for _, resp := range fp.Responses {
		q := db.Probe(proto, resp.Probe)
		if q == nil || !inChain(q, line.Probe) {
			continue
		}
		rep := Reply{Probe: resp.Probe, Data: resp.Data}
		loc, err := line.Regex.Exec(resp.Data)
		rep.Matched = err == nil && loc != nil
		if err != nil {
			rep.Err = err
		}
		if !rep.Matched {
			p, err := pcre.Explain(line.Pattern, line.Flags, resp.Data)
			if err != nil {
				rep.Err = err
			} else {
				rep.Progress = p
			}
		}
		r.Replies = append(r.Replies, rep)
	}
	r.Outcome, r.Fires = outcome(db, line, fp, r.Replies)
	return r
}

func inChain(q, p *probes.Probe) bool {
	for _, m := range q.Chain {
		if m == p {
			return true
		}
	}
	return q == p
}

// outcome replays fp and says what answers.
func outcome(db *probes.DB, line *probes.Match, fp *fingerprint.Fingerprint, replies []Reply) (string, bool) {
	port, steps := matcher.New(db).Replay(fp, matcher.ReplayOptions{Intensity: -1})
	matched := map[string]bool{}
	for _, r := range replies {
		if r.Matched {
			matched[r.Probe] = true
		}
	}
	var hard *matcher.Step
	for i := range steps {
		s := &steps[i]
		if s.Hit != nil && s.Hit.Line == line {
			svc := port.Service
			return fmt.Sprintf("the line fires on the reply to %s: %s %s", s.Probe, svc.Name, describe(port.Service.Product, port.Service.Version, port.Service.Info)), true
		}
		switch {
		case s.Skipped != "" && matched[s.Probe]:
			return fmt.Sprintf("the line matches the reply to %s, but a scan would not send that probe (%s)", s.Probe, s.Skipped), false
		case s.Hit != nil && matched[s.Probe]:
			kind := "match"
			if s.Hit.Line.Soft {
				kind = "softmatch"
			}
			return fmt.Sprintf("the line matches the reply to %s, but %s %s at %s:%d comes first in probe %s and wins (first matching line wins)",
				s.Probe, kind, s.Hit.Line.Service, s.Hit.Line.Pos.File, s.Hit.Line.Pos.Line, s.Hit.Line.Probe.Name), false
		case s.Hit != nil && !s.Hit.Line.Soft:
			hard = s
		}
	}
	if hard != nil {
		for _, r := range replies {
			if r.Matched {
				return fmt.Sprintf("the line matches the reply to %s, but the walk ends earlier: %s", r.Probe, hard), false
			}
		}
		return fmt.Sprintf("the line does not match; the answer comes from %s", hard), false
	}
	if len(replies) == 0 {
		return fmt.Sprintf("the fingerprint holds no reply the line is tried on (probe %s, or a probe falling back to it)", line.Probe.Name), false
	}
	return "the line matches no reply; nothing else gives a hard match", false
}

func describe(fields ...string) string {
	var out []string
	for _, f := range fields {
		if f != "" {
			out = append(out, f)
		}
	}
	return strings.Join(out, " ")
}

// Write prints the report.
func (r *Report) Write(w io.Writer) {
	l := r.Line
	fmt.Fprintf(w, "line %s:%d (probe %s): %s m|%s|\n", l.Pos.File, l.Pos.Line, l.Probe.Name, l.Service, l.Pattern)
	for _, rep := range r.Replies {
		switch {
		case rep.Matched:
			fmt.Fprintf(w, "  reply to %s (%d bytes): matches\n", rep.Probe, len(rep.Data))
		case rep.Progress == nil:
			fmt.Fprintf(w, "  reply to %s (%d bytes): no match (%v)\n", rep.Probe, len(rep.Data), rep.Err)
		default:
			p := rep.Progress
			fmt.Fprintf(w, "  reply to %s (%d bytes): no match\n", rep.Probe, len(rep.Data))
			if p.Prefix == "" {
				fmt.Fprintf(w, "    the regex fails at once: %s does not match at any byte\n", p.Next)
				break
			}
			if p.End > p.Start {
				fmt.Fprintf(w, "    the regex gets as far as %s (reply bytes %d-%d)\n", p.Prefix, p.Start, p.End-1)
			} else {
				fmt.Fprintf(w, "    the regex gets as far as %s (an empty match at byte %d)\n", p.Prefix, p.Start)
			}
			at := "the end of the reply"
			if p.End < len(rep.Data) {
				at = fmt.Sprintf("byte %d, %s", p.End, byteName(rep.Data[p.End]))
			}
			fmt.Fprintf(w, "    then %s (pattern offset %d) fails at %s\n", p.Next, p.NextOffset, at)
			fmt.Fprintf(w, "    %s\n", context(rep.Data, p.End))
		}
	}
	fmt.Fprintf(w, "  %s\n", r.Outcome)
}

// byteName writes a byte for people: 'P' (0x50), or 0x0d for unprintable ones.
func byteName(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return fmt.Sprintf("'%c' (0x%02x)", c, c)
	}
	return fmt.Sprintf("0x%02x", c)
}

// context shows the reply around byte i, escaped, with the failing byte
// between » and «.
func context(b []byte, i int) string {
	from := max(0, i-40)
	to := min(len(b), i+20)
	s := escape(b[from:min(i, len(b))])
	if from > 0 {
		s = "…" + s
	}
	if i < len(b) {
		s += "»" + escape(b[i:i+1]) + "«" + escape(b[i+1:to])
	} else {
		s += "»« (end of reply)"
	}
	if to < len(b) {
		s += "…"
	}
	return s
}

func escape(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		switch {
		case c == '\r':
			s.WriteString(`\r`)
		case c == '\n':
			s.WriteString(`\n`)
		case c == '\t':
			s.WriteString(`\t`)
		case c == 0:
			s.WriteString(`\0`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&s, `\x%02x`, c)
		default:
			s.WriteByte(c)
		}
	}
	return s.String()
}

// Overlay turns the text given to match --explain into a signature file:
// a file's contents as they are, or one bare match line placed under the
// probe whose reply it matches first (in the fingerprint's order), else the
// probe whose reply it gets furthest on. bare reports the second case.
func Overlay(db *probes.DB, text []byte, fp *fingerprint.Fingerprint) (src []byte, bare bool, err error) {
	t := strings.TrimSpace(string(text))
	if strings.Contains(t, "\n") || !(strings.HasPrefix(t, "match ") || strings.HasPrefix(t, "softmatch ")) {
		return text, false, nil
	}
	tmp, err := probes.Parse("<line>", []byte("Probe TCP explain q|x|\n"+t+"\n"))
	if err != nil {
		return nil, false, err
	}
	if len(tmp.Probes) == 0 || len(tmp.Probes[0].Matches) == 0 {
		return nil, false, errors.New("not a match line")
	}
	m := tmp.Probes[0].Matches[0]
	proto := probes.TCP
	if strings.EqualFold(fp.Proto, "UDP") {
		proto = probes.UDP
	}
	var best *probes.Probe
	bestEnd := -1
	for _, r := range fp.Responses {
		p := db.Probe(proto, r.Probe)
		if p == nil {
			continue
		}
		if loc, err := m.Regex.Exec(r.Data); err == nil && loc != nil {
			best = p
			break
		}
		if pr, err := pcre.Explain(m.Pattern, m.Flags, r.Data); err == nil && pr.End > bestEnd {
			best, bestEnd = p, pr.End
		}
	}
	if best == nil {
		return nil, false, errors.New("the fingerprint holds no reply to a probe of the signature file")
	}
	return []byte(best.Text + "\n" + t + "\n"), true, nil
}
