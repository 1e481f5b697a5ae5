// Package suggest writes a match line for the service a fingerprint records,
// generalised over what varies and checked before it is offered, or refuses.
package suggest

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/pcre"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/template"
)

// Options describe the service and what to check the line against.
type Options struct {
	Service, Product, Info, OS, Device string
	// VersionFrom is "auto" (the default: a version number next to the
	// product name or the word "version" becomes v/$1/) or "none".
	VersionFrom string
	// Also are more fingerprints of the same service (another day, another
	// instance): the line must match each, and what differs between them
	// is generalised.
	Also []*fingerprint.Fingerprint
	// Corpus holds the fingerprints of other services the line must not
	// take: the evidence corpus and --against fingerprints.
	Corpus []Sample
	// Table names a port from the services table ("" if unknown), for
	// proposing a service name when Service is empty.
	Table func(port int, proto probes.Protocol) string
}

// Result is a suggested line and why it was chosen.
type Result struct {
	Probe   *probes.Probe
	Line    string // the match line
	Overlay string // the Probe line as in the main file, then the match line: a file for --overlay
	Fields  Fields
	Notes   []string // how the probe, the service and the classes were chosen, and what was checked
}

// Refusal is returned when no probe's reply gives a safe line; it lists
// why each probe's reply was turned down.
type Refusal struct {
	Reasons []string
}

func (r *Refusal) Error() string {
	return "no reply distinguishes the service:\n  " + strings.Join(r.Reasons, "\n  ")
}

// Suggest returns a line for the service fp records. db is the resolved
// database the line goes on top of (as an overlay). It picks the earliest
// probe whose reply identifies the service, turns dates, times, counters,
// nonces, host names and lengths into classes and the version into $1, and
// refuses unless the line matches the fingerprint, lints clean, takes no
// other service's reply in the corpus and wins in a replay (no earlier line
// or probe answers first). The error is a *Refusal when no reply gives a
// safe line.
func Suggest(db *probes.DB, fp *fingerprint.Fingerprint, opt Options) (*Result, error) {
	if len(fp.Responses) == 0 {
		return nil, errors.New("the fingerprint holds no reply")
	}
	proto := protoOf(fp)
	for _, o := range opt.Also {
		if protoOf(o) != proto {
			return nil, fmt.Errorf("--also fingerprint of port %d/%s is not %s like the first", o.Port, o.Proto, proto)
		}
	}
	switch opt.VersionFrom {
	case "", "auto", "none":
	default:
		return nil, fmt.Errorf("--version-from %q: want auto or none", opt.VersionFrom)
	}
	for name, v := range map[string]string{"product": opt.Product, "info": opt.Info, "os": opt.OS, "device": opt.Device} {
		if strings.ContainsAny(v, "\r\n\x00") {
			return nil, fmt.Errorf("--%s holds a line break or NUL", name)
		}
	}
	var notes []string
	base := matcher.New(db)
	_, steps := base.Replay(fp, matcher.ReplayOptions{Intensity: -1})
	service := opt.Service
	if service == "" {
		var why string
		service, why = proposeService(fp, steps, opt.Table)
		if service == "" {
			return nil, errors.New("no service name: give --service (no softmatch fired, the port is not in the services table and no reply says which protocol it speaks)")
		}
		notes = append(notes, fmt.Sprintf("service %s: %s (give --service to choose another)", service, why))
	}
	if strings.ContainsAny(service, " \t") || service == "" {
		return nil, fmt.Errorf("service name %q: want one word", service)
	}
	for _, s := range steps {
		if s.Hit != nil && !s.Hit.Line.Soft {
			notes = append(notes, fmt.Sprintf("the signatures already answer %s (%s); the line goes before it", s.Hit.Line.Service, s))
		}
	}
	s := &suggester{
		db: db, fp: fp, opt: opt, proto: proto,
		claim:  Fields{Service: service, Product: opt.Product, Info: opt.Info, OS: opt.OS, Device: opt.Device},
		corpus: newCorpus(opt.Corpus, append([]*fingerprint.Fingerprint{fp}, opt.Also...)),
	}
	// Probes a scan sends, in walk order (the fingerprint's order).
	var cands []fingerprint.Response
	var reasons []string
	for _, st := range steps {
		if st.Unknown || st.Skipped != "" {
			why := st.String()
			reasons = append(reasons, why)
			continue
		}
		if len(st.Reply) == 0 {
			continue
		}
		cands = append(cands, fingerprint.Response{Probe: st.Probe, Data: st.Reply})
	}
	// Unlike Replay, every recorded reply is a candidate: a hard match
	// in the base database ends the replay early, but a line of ours in a
	// probe before it wins.
	for _, r := range fp.Responses[len(steps):] {
		if p := db.Probe(proto, r.Probe); p != nil && len(r.Data) > 0 {
			cands = append(cands, r)
		}
	}
	// First the earliest reply that names the product or its version;
	// then the earliest whose text is unique to this service.
	for _, strong := range []bool{true, false} {
		for _, r := range cands {
			res, why := s.try(r, strong)
			if res != nil {
				for _, w := range group(reasons) {
					notes = append(notes, "not used: "+w)
				}
				res.Notes = append(notes, res.Notes...)
				return res, nil
			}
			if why != "" {
				reasons = append(reasons, fmt.Sprintf("probe %s: %s", r.Probe, why))
			}
		}
	}
	return nil, &Refusal{Reasons: group(reasons)}
}

// group joins the reasons of probes that were turned down for the same
// reason: "probes A, B: why".
func group(reasons []string) []string {
	var order []string
	probesOf := map[string][]string{}
	for _, r := range reasons {
		name, why, ok := strings.Cut(strings.TrimPrefix(r, "probe "), ": ")
		if !ok || !strings.HasPrefix(r, "probe ") {
			name, why = "", r
		}
		if _, seen := probesOf[why]; !seen {
			order = append(order, why)
		}
		if name != "" && !contains2(probesOf[why], name) {
			probesOf[why] = append(probesOf[why], name)
		} else if probesOf[why] == nil {
			probesOf[why] = []string{}
		}
	}
	var out []string
	for _, why := range order {
		switch ps := probesOf[why]; len(ps) {
		case 0:
			out = append(out, why)
		case 1:
			out = append(out, "probe "+ps[0]+": "+why)
		default:
			out = append(out, "probes "+strings.Join(ps, ", ")+": "+why)
		}
	}
	return out
}

func contains2(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// proposeService names the service: the softmatch that fired, else the
// port's entry in the services table, else what the first reply says.
func proposeService(fp *fingerprint.Fingerprint, steps []matcher.Step, table func(int, probes.Protocol) string) (string, string) {
	for _, s := range steps {
		if s.Hit != nil && s.Hit.Line.Soft {
			return s.Hit.Line.Service, fmt.Sprintf("the softmatch that fired on the reply to %s (%s:%d)", s.Probe, s.Hit.Line.Pos.File, s.Hit.Line.Pos.Line)
		}
	}
	if table != nil {
		if n := table(fp.Port, protoOf(fp)); n != "" {
			return n, fmt.Sprintf("port %d/%s in the services table", fp.Port, strings.ToLower(fp.Proto))
		}
	}
	for _, r := range fp.Responses {
		for _, k := range []struct{ prefix, svc string }{
			{"HTTP/1.", "http"}, {"SSH-", "ssh"}, {"RTSP/1.", "rtsp"}, {"SIP/2.0", "sip"}, {"+OK", "pop3"},
			{"* OK", "imap"}, {"RFB ", "vnc"}, {"@RSYNCD:", "rsync"}, {"AMQP", "amqp"},
		} {
			if bytes.HasPrefix(r.Data, []byte(k.prefix)) {
				return k.svc, fmt.Sprintf("the reply to %s starts with %q", r.Probe, k.prefix)
			}
		}
	}
	return "", ""
}

type suggester struct {
	db     *probes.DB
	fp     *fingerprint.Fingerprint
	opt    Options
	proto  probes.Protocol
	claim  Fields
	corpus *corpus
}

// informative is how many literal bytes (not echoed from the probe) an
// identifying part must hold; weakInformative the same for a part that
// identifies the service only by being unique: a word or two is protocol
// vocabulary, a phrase is the product's own.
const (
	informative     = 6
	weakInformative = 10
)

// try builds and checks a line from the reply r. strong asks for a reply
// that names the product or holds its version. It returns the result, or
// why the reply gives none ("" when it is not worth saying: a weak reply
// in the strong pass).
func (s *suggester) try(r fingerprint.Response, strong bool) (*Result, string) {
	p := s.db.Probe(s.proto, r.Probe)
	a := &analysis{
		product:     productWords(s.opt.Product),
		names:       productWords(s.opt.Product),
		productNone: s.opt.Product == "",
		noVersion:   s.opt.VersionFrom == "none",
		port:        s.fp.Port,
		payload:     p.Payload,
	}
	if ini := productInitials(s.opt.Product); ini != "" {
		a.names = append(a.names, ini)
	}
	for _, o := range s.fp.Responses {
		if o.Probe != r.Probe && len(o.Data) > 0 {
			a.peers = append(a.peers, o.Data)
		}
	}
	for _, fp := range s.opt.Also {
		for _, o := range fp.Responses {
			if o.Probe == r.Probe && len(o.Data) > 0 {
				a.also = append(a.also, o.Data)
			}
		}
	}
	rep := a.analyze(r.Probe, r.Data)
	relevant := s.corpus.relevant(s.db, p)
	b := &builder{s: s, a: a, rep: rep, relevant: relevant, probe: p}
	parts, notes, why := b.build(strong)
	if parts == nil {
		return nil, why
	}
	fields := s.claim
	fields.Version = rep.version >= 0 && partsHaveGroup(parts)
	pat, delim, dot := render(parts)
	if delim == 0 {
		return nil, "the reply holds every delimiter byte nmap could use"
	}
	line, err := matchLine(fields, pat, delim, dot)
	if err != nil {
		return nil, err.Error()
	}
	if p.Text == "" {
		return nil, fmt.Sprintf("probe %s has no Probe line to copy", p.Name)
	}
	text := strings.TrimRight(p.Text, "\r") + "\n" + line + "\n"
	cdb, ml, err := withLine(s.db, text)
	if err != nil {
		return nil, fmt.Sprintf("the line does not load: %v", err)
	}
	// It matches the reply it was made from, with the fields asked for.
	loc, err := ml.Regex.Exec(r.Data)
	if err != nil || loc == nil {
		return nil, "internal: the line does not match its own reply"
	}
	got, _ := template.Expand(&ml.Templates, r.Data, loc)
	got, want := template.Sanitize(got), template.Sanitize(template.Fields{Product: fields.Product, Info: fields.Info, OS: fields.OS, Device: fields.Device})
	if got.Product != want.Product || got.Info != want.Info || got.OS != want.OS || got.Device != want.Device {
		return nil, fmt.Sprintf("the version fields do not read back as given (nmap reads '$' as a substitution): got p/%s/ i/%s/ o/%s/ d/%s/", got.Product, got.Info, got.OS, got.Device)
	}
	if w := wins(cdb, ml, s.fp, fields); w != "" {
		return nil, "shadowed: " + w
	}
	for _, o := range s.opt.Also {
		if w := wins(cdb, ml, o, fields); w != "" {
			return nil, fmt.Sprintf("does not identify the --also fingerprint of port %d: %s", o.Port, w)
		}
	}
	if cs := collisions(ml.Regex, relevant, fields, fields.Version); len(cs) > 0 {
		return nil, "collides with " + cs[0].String()
	}
	if cs := s.corpus.crossCollisions(cdb, ml, fields); len(cs) > 0 {
		return nil, "collides with " + cs[0].String()
	}
	if l := lintClean(cdb); len(l) > 0 {
		return nil, "lint: " + strings.Join(l, "; ")
	}
	if fields.Version {
		v := string(r.Data[loc[2]:loc[3]])
		notes = append(notes, fmt.Sprintf("version: %q (%s) becomes v/$1/", v, rep.versionHow))
	}
	notes = append(notes, fmt.Sprintf("checked: matches the fingerprint%s; lint clean; takes no other service's reply among %d replies of %d fingerprints (%d tried by a line of probe %s); wins in a replay",
		alsoNote(len(s.opt.Also)), s.corpus.n, len(s.corpus.samples), len(relevant), p.Name))
	return &Result{Probe: p, Line: line, Overlay: text, Fields: fields, Notes: notes}, ""
}

func alsoNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" and the %d --also fingerprint(s)", n)
}

func partsHaveGroup(parts []part) bool {
	for _, p := range parts {
		if p.group {
			return true
		}
	}
	return false
}

// builder chooses the parts of one reply a line keeps.
type builder struct {
	s        *suggester
	a        *analysis
	rep      *reply
	relevant []corpusReply
	probe    *probes.Probe
	pick     int         // the unit that identifies the service
	cutAt    map[int]int // unit -> byte where the line stops keeping it
	exclude  []string    // negative lookaheads: lines other services' replies have and this one lacks
}

// unitInfo is what the builder knows about a unit.
type unitInfo struct {
	strong  string // why it identifies the product ("" if it does not)
	varOnly bool   // nothing literal worth matching
	echo    bool   // mostly the probe's own bytes
	lits    int    // informative literal bytes
}

func (b *builder) info(u unit) unitInfo {
	var in unitInfo
	rep := b.rep
	for _, h := range findWords(rep.data[u.start:u.end], b.a.names) {
		// The product name must be literal in the line, not inside a
		// class, and not an echo of the probe ("bind" in version.bind).
		s, e := u.start+h[0], u.start+h[1]
		if inPayload(rep.data, s, b.a.payload) {
			continue
		}
		for i := u.first; i < u.last; i++ {
			if p := rep.pieces[i]; p.kind == kLit && p.start <= s && e <= p.end {
				in.strong = "names the product (" + string(rep.data[s:e]) + ")"
			}
		}
	}
	if rep.version >= u.first && rep.version < u.last && in.strong == "" {
		in.strong = "holds the version (" + rep.versionHow + ")"
	}
	echoed := 0
	for i := u.first; i < u.last; i++ {
		p := rep.pieces[i]
		if p.kind != kLit {
			continue
		}
		for k := p.start; k < p.end; k++ {
			if c := rep.data[k]; c == 0 || c == '\r' || c == '\n' {
				continue
			}
			in.lits++
			if inPayload(rep.data, k, b.a.payload) {
				echoed++
			}
		}
	}
	in.varOnly = in.lits == 0
	in.echo = in.lits > 0 && echoed*2 >= in.lits
	in.lits -= echoed
	return in
}

// inPayload reports whether the byte at k belongs to a run of 4 or more
// bytes that also occurs in the probe's payload.
func inPayload(data []byte, k int, payload []byte) bool {
	if len(payload) < 4 {
		return false
	}
	for s := max(0, k-3); s <= k; s++ {
		if s+4 <= len(data) && bytes.Contains(payload, data[s:s+4]) {
			return true
		}
	}
	return false
}

// bytesParts renders the reply bytes [from, to) as parts: literal pieces
// clipped to the range, classes whole, the version piece as the group.
// Classes before the group are lazy, so that one which could also take
// digits (a word that varies between recordings, say) leaves the version
// to the group. Where even so the group would not capture exactly the
// version piece, stricter forms are tried in turn, each checked against
// the reply: the classes before the group written as the reply's bytes;
// then the group as dot-separated runs (so it leaves a trailing dot to
// the class after it); then the classes after it as bytes too.
func (b *builder) bytesParts(from, to int) []part {
	var out []part
	group, vstart, vend := -1, 0, 0
	for _, p := range b.rep.pieces {
		if p.end <= from || p.start >= to {
			continue
		}
		switch p.kind {
		case kLit:
			out = append(out, part{lit: b.rep.data[max(p.start, from):min(p.end, to)]})
		case kVersion:
			group, vstart, vend = len(out), p.start, p.end
			out = append(out, part{re: p.re, group: true})
		default:
			out = append(out, part{re: p.re})
		}
	}
	if group < 0 || vstart < from || vend > to {
		return out
	}
	for i := range out[:group] {
		out[i].re = lazy(out[i].re)
	}
	captures := func(parts []part) bool {
		re := b.mustCompile(parts)
		if re == nil {
			return false
		}
		loc, err := re.Exec(b.rep.data[from:to])
		return err == nil && len(loc) >= 4 && loc[2] == vstart-from && loc[3] == vend-from
	}
	if captures(out) {
		return out
	}
	// The classes before the group are written as the bytes they stand for.
	var fixed []part
	for _, p := range b.rep.pieces {
		if p.end <= from || p.start >= vstart {
			continue
		}
		if p.kind != kVersion {
			fixed = append(fixed, part{lit: b.rep.data[max(p.start, from):p.end]})
		}
	}
	g := len(fixed)
	out = append(fixed, out[group:]...)
	if captures(out) {
		return out
	}
	if strict, ok := dotRuns(out[g].re); ok {
		out[g].re = strict
		if captures(out) {
			return out
		}
	}
	// The classes after the group too.
	after := out[:g+1]
	for _, p := range b.rep.pieces {
		if p.end <= vend || p.start >= to {
			continue
		}
		after = append(after, part{lit: b.rep.data[max(p.start, vend):min(p.end, to)]})
	}
	return after
}

// dotRuns gives a version class's stricter form, which cannot end on a dot:
// [\d.]+ becomes \d+(?:\.\d+)*.
func dotRuns(re string) (string, bool) {
	switch re {
	case `[\d.]+`:
		return `\d+(?:\.\d+)*`, true
	case `[\w.]+`:
		return `\w+(?:\.\w+)*`, true
	}
	return "", false
}

// lazy makes a class's last quantifier lazy: [^\r\n]* becomes [^\r\n]*?.
// A class without one, or already lazy, is returned as it is.
func lazy(re string) string {
	if re == "" || strings.HasSuffix(re, "?") && !strings.HasSuffix(re, `\?`) {
		return re
	}
	switch re[len(re)-1] {
	case '+', '*', '}':
		if len(re) >= 2 && re[len(re)-2] == '\\' {
			return re
		}
		return re + "?"
	}
	return re
}

// compile compiles parts as the final line would be.
func compile(parts []part) (pcre.Regex, error) {
	pat, _, dot := render(parts)
	var f pcre.Flags
	if dot {
		f |= pcre.DotAll
	}
	return pcre.Compile(pat, f)
}

func (b *builder) mustCompile(parts []part) pcre.Regex {
	re, err := compile(parts)
	if err != nil {
		return nil
	}
	return re
}

// recurs reports whether the unit's text (as a whole line of the regex)
// also occurs in another reply of the fingerprint or an --also one.
func (b *builder) recurs(u unit) bool {
	pat, _, dot := render(b.bytesParts(u.start, u.end))
	pat = strings.TrimPrefix(pat, "^")
	if !u.binary && b.rep.text {
		pat = `(?:^|\n)` + pat // a whole line
	}
	var f pcre.Flags
	if dot {
		f |= pcre.DotAll
	}
	re, err := pcre.Compile(pat, f)
	if err != nil {
		return false
	}
	var others [][]byte
	for _, o := range b.s.fp.Responses {
		if o.Probe != b.rep.probe {
			others = append(others, o.Data)
		}
	}
	others = append(others, b.a.also...)
	for _, o := range others {
		if loc, err := re.Exec(o); err == nil && loc != nil {
			return true
		}
	}
	return false
}

// maxUnit is the longest line kept whole when it names the product; a
// longer one is cut after the part that does. maxWeak is the same for a
// line that identifies the service only by being unique: a longer one is
// cut to its shortest unique start (minWeak bytes at least).
const (
	maxUnit = 160
	maxWeak = 80
	minWeak = 32
)

// build chooses the parts of the line. It returns nil and why when the reply
// gives no safe line.
func (b *builder) build(strong bool) ([]part, []string, string) {
	b.cutAt = map[int]int{}
	if b.rep.text {
		return b.buildText(strong)
	}
	return b.buildBinary(strong)
}

// weakPick finds the first unit that identifies the service by being
// unique: enough of its own words, seen in another reply of the service,
// taking no other service's reply, and not a near copy of another
// service's line. first and last bound the units tried.
func (b *builder) weakPick(infos []unitInfo, prefix func(i int) []part) (int, string) {
	why := "no line of its reply is unique to this service, seen in another reply of the service, and more than the probe's own words"
	// The first line last: when it only frames the reply (a status line),
	// a later line is the service's own wording.
	order := make([]int, 0, len(b.rep.units))
	for i := 1; i < len(b.rep.units); i++ {
		order = append(order, i)
	}
	order = append(order, 0)
	for _, i := range order {
		u, in := b.rep.units[i], infos[i]
		if u.binary || in.varOnly || in.echo || in.lits < weakInformative {
			continue
		}
		if !b.recurs(u) {
			why = fmt.Sprintf("line %d of its reply is seen only once: it may be this connection's, not the service's (give --also with another recording)", i+1)
			continue
		}
		if cs := collisions(b.mustCompile(prefix(i)), b.relevant, b.s.claim, false); len(cs) > 0 {
			why = fmt.Sprintf("line %d of its reply is not unique: %s", i+1, cs[0])
			continue
		}
		if what := b.connectionData(u); what != "" {
			why = fmt.Sprintf("line %d of its reply holds %s: it describes this connection, not the service", i+1, what)
			continue
		}
		if near, d := b.nearest(u); near != "" {
			why = fmt.Sprintf("line %d of its reply differs in only %d bytes (ignoring case and varying data) from a line of %s: protocol wording, not the product's", i+1, d, near)
			continue
		}
		return i, ""
	}
	return -1, why
}

// connectionData names the data about the connection a unit holds (an
// address, the port), "" if none.
func (b *builder) connectionData(u unit) string {
	for i := u.first; i < u.last; i++ {
		switch p := b.rep.pieces[i]; p.what {
		case "address", "port number":
			return "an " + p.what
		}
	}
	return ""
}

// nearest returns another service's reply line that the unit is a near
// copy of (after both are generalised the same way), and the edit
// distance; "" when none is within a quarter of the unit's length.
func (b *builder) nearest(u unit) (string, int) {
	mine := lower(normalized(b.rep.data[u.start:u.end]))
	if len(mine) > 200 {
		mine = mine[:200]
	}
	limit := len(mine) / 4
	for _, name := range sortedKeys(b.s.corpus.byProbe[b.probe.Protocol]) {
		for _, r := range b.s.corpus.byProbe[b.probe.Protocol][name] {
			if r.sample.Expect != nil && disagree(r.sample.Expect, b.s.claim, false, nil, nil) == "" {
				continue // the same service
			}
			for _, l := range bytes.SplitAfter(r.data, []byte("\n")) {
				if len(l) < len(mine)-limit || len(l) > len(mine)+limit+200 {
					continue
				}
				other := lower(normalized(l))
				if len(other) > 200 {
					other = other[:200]
				}
				if d := editDistance(mine, other, limit); d <= limit {
					return r.sample.Name, d
				}
			}
		}
	}
	return "", 0
}

// lower folds ASCII letters: the words of text protocols and markup are
// compared without case.
func lower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// normalized replaces the varying spans of a line by one byte each.
func normalized(line []byte) []byte {
	spans := textSpans(line, 0, len(line), 0)
	out := make([]byte, 0, len(line))
	for i := 0; i < len(line); {
		j := -1
		for _, s := range spans {
			if s.start == i && s.end > j {
				j = s.end
			}
		}
		if j > i {
			out = append(out, 0x01)
			i = j
			continue
		}
		out = append(out, line[i])
		i++
	}
	return out
}

// editDistance is the Levenshtein distance of a and b, or limit+1 once it
// is known to exceed limit.
func editDistance(a, b []byte, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			best = min(best, c)
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func (b *builder) buildText(strong bool) ([]part, []string, string) {
	rep := b.rep
	units := rep.units
	infos := make([]unitInfo, len(units))
	for i, u := range units {
		infos[i] = b.info(u)
	}
	pick := -1
	var notes []string
	if strong {
		for i := range units {
			if infos[i].strong != "" {
				pick = i
				notes = append(notes, fmt.Sprintf("probe %s: chosen: line %d of its reply %s", rep.probe, i+1, infos[i].strong))
				break
			}
		}
		if pick < 0 {
			return nil, nil, ""
		}
	} else {
		var why string
		pick, why = b.weakPick(infos, func(i int) []part { return b.textParts(insertSorted([]int{0}, i)) })
		if pick < 0 {
			return nil, nil, why
		}
		notes = append(notes, fmt.Sprintf("probe %s: chosen: line %d of its reply is unique to this service among %d replies and recurs in its other replies", rep.probe, pick+1, len(b.relevant)))
	}
	b.pick = pick
	// A line that names the product keeps the first line too, as the
	// frame of the protocol; a line that is only unique keeps no more
	// than it needs.
	kept := []int{0}
	if pick != 0 && !strong {
		kept = []int{pick}
	} else if pick != 0 {
		kept = append(kept, pick)
	}
	if v := rep.version; v >= 0 {
		for i, u := range units {
			if v >= u.first && v < u.last && i != pick && i != 0 {
				kept = insertSorted(kept, i)
			}
		}
	}
	if !strong {
		b.shortenWeak(kept)
	}
	for _, i := range kept {
		if !xmlOrderFree(b.rep.data[b.rep.units[i].start:b.end(i)]) {
			return nil, nil, "the identifying text is an XML tag with several attributes, whose order a server may change from one connection to the next (give --also with another recording)"
		}
	}
	// More lines while the line still takes other services' replies.
	for {
		re := b.mustCompile(b.textParts(kept))
		if re == nil {
			return nil, nil, "internal: the pattern does not compile"
		}
		cs := collisions(re, b.relevant, b.s.claim, b.rep.version >= 0)
		if len(cs) == 0 {
			break
		}
		added := false
		for i := range units {
			if contains(kept, i) || infos[i].varOnly || infos[i].echo {
				continue
			}
			try := insertSorted(append([]int(nil), kept...), i)
			re2 := b.mustCompile(b.textParts(try))
			if re2 == nil {
				continue
			}
			if len(collisions(re2, b.relevant, b.s.claim, b.rep.version >= 0)) < len(cs) {
				kept, added = try, true
				notes = append(notes, fmt.Sprintf("line %d of the reply added: without it the line also takes %s", i+1, cs[0]))
				break
			}
		}
		if !added {
			// Every line of this reply is also in the other one: say what
			// the other one has that this one lacks.
			if x := b.exclusion(cs[0]); x != "" {
				b.exclude = append(b.exclude, x)
				re2 := b.mustCompile(b.textParts(kept))
				if re2 != nil && len(collisions(re2, b.relevant, b.s.claim, b.rep.version >= 0)) < len(cs) {
					notes = append(notes, fmt.Sprintf("%s has every line of this reply; the line excludes it by a line it has and this reply lacks", cs[0].sample.Name))
					continue
				}
				b.exclude = b.exclude[:len(b.exclude)-1]
			}
			return nil, nil, "collides with " + cs[0].String()
		}
	}
	notes = append(notes, b.classNotes(b.textParts(kept))...)
	return b.textParts(kept), notes, ""
}

// shortenWeak cuts a long identifying line to its shortest start (at a
// word boundary, minWeak bytes at least) that still takes no other
// service's reply: the less of a long line a signature depends on, the
// less can change under it.
func (b *builder) shortenWeak(kept []int) {
	u := b.rep.units[b.pick]
	if u.end-u.start <= maxWeak && xmlOrderFree(b.rep.data[u.start:u.end]) {
		return
	}
	for end := u.start + minWeak; end < u.end; end++ {
		c := b.rep.data[end-1]
		if !(c == ' ' || c == '>' || c == ',' || c == ';' || c == ')' || c == '\'' || c == '"') || b.inVar(end) {
			continue
		}
		if !xmlOrderFree(b.rep.data[u.start:end]) {
			break // the order of XML attributes means nothing: a line must not rely on it
		}
		b.cutAt[b.pick] = end
		re := b.mustCompile(b.textParts(kept))
		if re != nil && len(collisions(re, b.relevant, b.s.claim, false)) == 0 {
			return
		}
	}
	delete(b.cutAt, b.pick)
}

// xmlOrderFree reports whether b relies on no order of XML attributes:
// it holds no tag with two or more attributes, and does not end inside a
// tag after its first attribute.
func xmlOrderFree(b []byte) bool {
	in, attrs := false, 0
	var quote byte
	for i, c := range b {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case !in && c == '<' && i+1 < len(b) && (isLetter(b[i+1]) || b[i+1] == '?'):
			in, attrs = true, 0
		case in && (c == '\'' || c == '"'):
			quote = c
		case in && c == '=':
			attrs++
		case in && c == '>':
			if attrs >= 2 {
				return false
			}
			in = false
		}
	}
	return !in || attrs == 0
}

// inVar reports whether byte offset off falls inside a class piece (a cut
// there would split it).
func (b *builder) inVar(off int) bool {
	for _, p := range b.rep.pieces {
		if p.kind != kLit && p.start < off && off < p.end {
			return true
		}
	}
	return false
}

// headerRe is a "Name: value" line of a text protocol.
var headerRe = regexp.MustCompile(`^([A-Za-z][\w-]*:)`)

// exclusion returns a negative lookahead for a header line the colliding
// reply has and this reply lacks ("" if there is none).
func (b *builder) exclusion(c collision) string {
	var data []byte
	for _, r := range b.relevant {
		if r.sample == c.sample && r.probe == c.probe {
			data = r.data
			break
		}
	}
	for _, l := range bytes.Split(data, []byte("\n")) {
		m := headerRe.FindSubmatch(l)
		if m == nil {
			continue
		}
		key := m[1]
		if bytes.HasPrefix(b.rep.data, key) || bytes.Contains(b.rep.data, append([]byte("\n"), key...)) {
			continue
		}
		return `(?:[^\n]*\n)*?` + escapeLit(key, 0, -1)
	}
	return ""
}

// end returns where the line stops keeping unit i: the whole unit, a cut
// chosen for a weak line, or for a long unit the end of its last piece
// that names the product or holds the version (maxUnit bytes at least).
func (b *builder) end(i int) int {
	if e, ok := b.cutAt[i]; ok {
		return e
	}
	u := b.rep.units[i]
	if u.end-u.start <= maxUnit {
		return u.end
	}
	end := u.start + maxUnit
	for k := u.first; k < u.last; k++ {
		p := b.rep.pieces[k]
		if p.kind == kVersion || p.kind == kLit && len(findWords(b.rep.data[p.start:p.end], b.a.names)) > 0 {
			if p.kind == kVersion {
				end = max(end, p.end)
			} else {
				for _, h := range findWords(b.rep.data[p.start:p.end], b.a.names) {
					end = max(end, p.start+h[1])
				}
			}
		}
		if p.kind != kLit && p.start < end && end < p.end {
			end = p.end
		}
	}
	return min(end, u.end)
}

// textParts renders the kept units with a gap over each run of skipped
// lines.
func (b *builder) textParts(kept []int) []part {
	var out []part
	prev := -1
	for _, i := range kept {
		if prev >= 0 && i > prev+1 || prev < 0 && i > 0 {
			out = append(out, part{re: `(?:[^\n]*\n)*?`, gap: true})
		}
		u := b.rep.units[i]
		if i == 0 && b.pick != 0 {
			out = append(out, anchorParts(b.bytesParts(u.start, b.end(i)))...)
		} else {
			out = append(out, b.bytesParts(u.start, b.end(i))...)
		}
		prev = i
	}
	if len(b.exclude) > 0 {
		out = append([]part{{re: "(?!" + strings.Join(b.exclude, "|") + ")"}}, out...)
	}
	return out
}

// anchorParts rewrites the first line when another line identifies the
// service: it only anchors the protocol, so its numbers (a status code, a
// byte count) become \d+ unless they start the line.
func anchorParts(parts []part) []part {
	var out []part
	for pi, p := range parts {
		if p.lit == nil {
			out = append(out, p)
			continue
		}
		lit := p.lit
		from := 0
		for k := 0; k < len(lit); {
			c := lit[k]
			if c < '0' || c > '9' || pi == 0 && k == 0 || k > 0 && (isAlnumB(lit[k-1]) || lit[k-1] == '.') {
				k++
				continue
			}
			e := k
			for e < len(lit) && lit[e] >= '0' && lit[e] <= '9' {
				e++
			}
			if e < len(lit) && (isAlnumB(lit[e]) || lit[e] == '.') {
				k = e
				continue
			}
			if k > from {
				out = append(out, part{lit: lit[from:k]})
			}
			out = append(out, part{re: `\d+`})
			from, k = e, e
		}
		if from < len(lit) {
			out = append(out, part{lit: lit[from:]})
		}
	}
	return out
}

func (b *builder) buildBinary(strong bool) ([]part, []string, string) {
	rep := b.rep
	var notes []string
	infos := make([]unitInfo, len(rep.units))
	for i, u := range rep.units {
		infos[i] = b.info(u)
	}
	pick := -1
	for i, u := range rep.units {
		if !u.binary && infos[i].strong != "" {
			pick = i
			notes = append(notes, fmt.Sprintf("probe %s: chosen: its binary reply %s", rep.probe, infos[i].strong))
			break
		}
	}
	if pick < 0 && strong {
		return nil, nil, ""
	}
	// The first bytes (a header), a gap, then the identifying string.
	withHead := func(i int) []part {
		u := rep.units[i]
		var parts []part
		if u.start <= 8 {
			parts = b.bytesParts(0, u.start)
		} else {
			parts = append(b.head(4), part{re: `.*?`, gap: true})
		}
		parts = append(parts, b.bytesParts(u.start, b.end(i))...)
		// A string field (not a line) ends with the NUL after it.
		if b.end(i) == u.end && u.end < len(rep.data) && rep.data[u.end] == 0 && rep.data[u.end-1] != '\n' {
			parts = append(parts, part{lit: []byte{0}})
		}
		return parts
	}
	why := ""
	if pick < 0 {
		// A string of the reply unique to the service and seen in its
		// other replies (an error message, say) identifies it as well.
		pick, why = b.weakPick(infos, withHead)
		if pick >= 0 {
			b.pick = pick
			notes = append(notes, fmt.Sprintf("probe %s: chosen: string %q of its binary reply is unique to this service and recurs in its other replies", rep.probe, rep.data[rep.units[pick].start:rep.units[pick].end]))
			b.shortenWeak(nil)
		}
	}
	if pick >= 0 {
		b.pick = pick
		parts := withHead(pick)
		re := b.mustCompile(parts)
		if re == nil {
			return nil, nil, "internal: the pattern does not compile"
		}
		if cs := collisions(re, b.relevant, b.s.claim, rep.version >= 0); len(cs) > 0 {
			return nil, nil, "collides with " + cs[0].String()
		}
		return parts, append(notes, b.classNotes(parts)...), ""
	}
	// Nothing names the service: only bytes known to be fixed may be used,
	// which takes a second recording to know.
	if len(b.a.also) == 0 {
		if why != "" && !strings.HasPrefix(why, "no line") {
			return nil, nil, "its binary reply names no product or version; " + why
		}
		return nil, nil, "its binary reply names no product or version, and with one recording suggest cannot tell its fixed bytes from those that change (give --also with another recording of the service)"
	}
	// The shortest prefix that is unique and informative.
	for end := 1; end <= len(rep.pieces); end++ {
		if rep.pieces[end-1].end > 64 {
			break
		}
		lits := 0
		for i := 0; i < end; i++ {
			if p := rep.pieces[i]; p.kind == kLit {
				for k := p.start; k < p.end; k++ {
					if rep.data[k] != 0 && !inPayload(rep.data, k, b.a.payload) {
						lits++
					}
				}
			}
		}
		if lits < 2*informative {
			continue
		}
		parts := b.bytesParts(0, rep.pieces[end-1].end)
		re := b.mustCompile(parts)
		if re == nil || len(collisions(re, b.relevant, b.s.claim, false)) > 0 {
			continue
		}
		notes = append(notes, fmt.Sprintf("probe %s: chosen: the first %d bytes of its binary reply are unique to this service and fixed across the recordings", rep.probe, rep.pieces[end-1].end))
		return parts, append(notes, b.classNotes(parts)...), ""
	}
	return nil, nil, "no prefix of its binary reply (up to 64 bytes) is both unique to this service and fixed across the recordings"
}

// head returns parts for the first n bytes (more if a class piece straddles n).
func (b *builder) head(n int) []part {
	end := n
	for _, p := range b.rep.pieces {
		if p.kind != kLit && p.start < n && p.end > end {
			end = p.end
		}
	}
	return b.bytesParts(0, min(end, len(b.rep.data)))
}

// classNotes says what the line generalised.
func (b *builder) classNotes(parts []part) []string {
	count := map[string]int{}
	var order []string
	for _, p := range b.rep.pieces {
		if p.kind != kVar {
			continue
		}
		used := false
		for _, q := range parts {
			if q.lit == nil && !q.gap && q.re == p.re {
				used = true
			}
		}
		if !used {
			continue
		}
		if count[p.what] == 0 {
			order = append(order, p.what)
		}
		count[p.what]++
	}
	if len(order) == 0 {
		return []string{"classes: nothing in the part of the reply the line keeps looks variable"}
	}
	var s []string
	for _, w := range order {
		s = append(s, fmt.Sprintf("%s (%d)", w, count[w]))
	}
	return []string{"classes for what varies: " + strings.Join(s, ", ")}
}

func contains(s []int, x int) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

func insertSorted(s []int, x int) []int {
	for i, v := range s {
		if v == x {
			return s
		}
		if v > x {
			return append(s[:i], append([]int{x}, s[i:]...)...)
		}
	}
	return append(s, x)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
