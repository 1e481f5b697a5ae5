package suggest

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
)

// This file reads one reply: it finds the bytes that vary from one
// connection or one day to the next (dates, times, counters, nonces, host
// names, lengths), the version numbers, and splits the reply into units
// (lines of a text reply; printable runs and binary runs of a binary one).

// kind is what a piece of a reply becomes in the regex.
type kind uint8

const (
	kLit     kind = iota // literal bytes
	kVar                 // varies: a character class
	kVersion             // the version number: a capture group used as v/$1/
)

// piece is a run of reply bytes and how the regex renders it.
type piece struct {
	kind       kind
	start, end int
	re         string // kVar: the class; kVersion: the group's inner class
	what       string // kVar, kVersion: what it is ("date", "hex nonce", …)
}

// span is a detector's finding before overlaps are resolved.
type span struct {
	start, end int
	re, what   string
	prio       int
	version    bool // a version-looking token
}

// Detector priorities: a higher one wins where spans overlap.
const (
	prioAlso     = 100 // differs from a reply to the same probe in another recording
	prioDate     = 90
	prioAddress  = 80
	prioHex      = 75
	prioRandom   = 70
	prioVersion  = 60
	prioRevision = 72 // above random tokens: "2+deb12u10" is a package revision
	prioHost     = 55
	prioLength   = 50
	prioNumber   = 40
	prioPeer     = 30 // differs from a similar reply to another probe of the same fingerprint
)

// reply is one analysed reply.
type reply struct {
	probe  string
	data   []byte
	text   bool
	pieces []piece
	units  []unit
	// version is the index in pieces of the captured version, -1 if none;
	// versionHow says why that token is the version.
	version    int
	versionHow string
}

// unit is a line (text) or a run (binary): pieces[first:last] cover it.
type unit struct {
	start, end  int
	first, last int
	binary      bool // a run of non-printable bytes in a binary reply
}

func printable(c byte) bool { return c >= 0x20 && c < 0x7f || c == '\t' || c == '\r' || c == '\n' }

// isText reports whether a reply is a text protocol's: it starts with
// printable bytes and nearly all its bytes are printable.
func isText(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for i := 0; i < len(b) && i < 4; i++ {
		if !printable(b[i]) {
			return false
		}
	}
	bad := 0
	for _, c := range b {
		if !printable(c) {
			bad++
		}
	}
	return bad*20 <= len(b)
}

// analysis holds what the detectors need beyond the reply itself.
type analysis struct {
	product     []string // words of --product, lower case
	names       []string // words that name the product: product, and its initials
	noVersion   bool     // --version-from none
	port        int      // the fingerprint's port: the same number in a reply is deployment-specific
	payload     []byte   // the probe's payload: echoed bytes identify nothing
	peers       [][]byte // similar replies from other probes of the fingerprint
	also        [][]byte // replies to the same probe in --also fingerprints
	productNone bool     // no --product given
}

// analyze splits data into pieces and units.
func (a *analysis) analyze(probe string, data []byte) *reply {
	r := &reply{probe: probe, data: data, text: isText(data), version: -1}
	var spans []span
	for _, o := range a.also {
		spans = append(spans, diffSpans(data, o, r.text, true)...)
	}
	for _, o := range a.peers {
		spans = append(spans, diffSpans(data, o, r.text, false)...)
	}
	if !r.text {
		spans = append(spans, lengthSpans(data)...)
	}
	for _, run := range textRuns(data, r.text) {
		spans = append(spans, textSpans(data, run[0], run[1], a.port)...)
	}
	// Resolve overlaps: higher priority first, then earlier, then longer.
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].prio != spans[j].prio {
			return spans[i].prio > spans[j].prio
		}
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	taken := make([]bool, len(data))
	var kept []span
	for _, s := range spans {
		if s.start >= s.end {
			continue
		}
		free := true
		for i := s.start; i < s.end; i++ {
			if taken[i] {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for i := s.start; i < s.end; i++ {
			taken[i] = true
		}
		kept = append(kept, s)
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	// Pieces: literal runs between the kept spans, split at line ends so
	// no piece crosses a unit boundary.
	pos := 0
	addLit := func(from, to int) {
		for from < to {
			nl := bytes.IndexByte(data[from:to], '\n')
			if nl < 0 {
				r.pieces = append(r.pieces, piece{kind: kLit, start: from, end: to})
				return
			}
			r.pieces = append(r.pieces, piece{kind: kLit, start: from, end: from + nl + 1})
			from += nl + 1
		}
	}
	versions := map[int]bool{}
	for _, s := range kept {
		addLit(pos, s.start)
		if s.version {
			versions[len(r.pieces)] = true
		}
		r.pieces = append(r.pieces, piece{kind: kVar, start: s.start, end: s.end, re: s.re, what: s.what})
		pos = s.end
	}
	addLit(pos, len(data))
	if !a.noVersion {
		r.version, r.versionHow = a.pickVersion(r, versions)
		if r.version >= 0 {
			p := &r.pieces[r.version]
			p.kind, p.what = kVersion, "version"
		}
	}
	if !r.text {
		splitBinaryLits(r)
	}
	r.units = makeUnits(r)
	return r
}

// textRuns returns the ranges of data the text detectors read: the whole
// reply for text, the printable runs of at least 4 bytes for binary.
func textRuns(data []byte, text bool) [][2]int {
	if text {
		return [][2]int{{0, len(data)}}
	}
	var out [][2]int
	for i := 0; i < len(data); {
		if !printable(data[i]) {
			i++
			continue
		}
		j := i
		for j < len(data) && printable(data[j]) {
			j++
		}
		if j-i >= 4 {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

// makeUnits splits a reply: lines for text; for binary, runs of
// non-printable bytes and printable runs (split at line ends).
func makeUnits(r *reply) []unit {
	var out []unit
	if r.text {
		start := 0
		for i, p := range r.pieces {
			if i == len(r.pieces)-1 || r.data[p.end-1] == '\n' {
				out = append(out, unit{start: r.pieces[start].start, end: p.end, first: start, last: i + 1})
				start = i + 1
			}
		}
		return out
	}
	// Binary: a unit boundary wherever printability changes or a line ends,
	// at piece granularity (splitBinaryLits made literal pieces uniform).
	start := 0
	cls := func(p piece) bool { return !printableRun(r.data[p.start:p.end]) }
	for i := 1; i <= len(r.pieces); i++ {
		if i == len(r.pieces) || cls(r.pieces[i]) != cls(r.pieces[start]) || r.data[r.pieces[i-1].end-1] == '\n' {
			out = append(out, unit{start: r.pieces[start].start, end: r.pieces[i-1].end, first: start, last: i, binary: cls(r.pieces[start])})
			start = i
		}
	}
	return out
}

func printableRun(b []byte) bool {
	for _, c := range b {
		if !printable(c) {
			return false
		}
	}
	return true
}

// splitBinaryLits splits the literal pieces of a binary reply where
// printability changes, so units can follow it.
func splitBinaryLits(r *reply) {
	var out []piece
	for _, p := range r.pieces {
		if p.kind != kLit {
			out = append(out, p)
			continue
		}
		s := p.start
		for i := p.start + 1; i <= p.end; i++ {
			if i == p.end || printable(r.data[i]) != printable(r.data[s]) {
				out = append(out, piece{kind: kLit, start: s, end: i})
				s = i
			}
		}
	}
	if r.version >= 0 {
		// re-find the version piece
		v := r.pieces[r.version]
		for i, p := range out {
			if p.start == v.start && p.kind == kVersion {
				r.version = i
			}
		}
	}
	r.pieces = out
}

var (
	months   = `(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*`
	weekdays = `(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*`
	tz       = `(?:GMT|UTC|Z|[A-Z]{3,4}|[+-]\d{4}|\(UTC\))`
	dateRes  = []*regexp.Regexp{
		// RFC 1123 / 850 / 822: Wed, 25 Nov 2026 19:47:57 GMT
		regexp.MustCompile(`(?:` + weekdays + `, ?)?\d{1,2}[ -]` + months + `[ -]\d{2,4}(?: \d{1,2}:\d{2}(?::\d{2})?)?(?: ?` + tz + `)?`),
		// asctime and friends: Wed Nov 25 19:47:57 2026, Wed Nov 25 2026 at 19:45:12 (UTC)
		regexp.MustCompile(`(?:` + weekdays + ` )?` + months + ` +\d{1,2}(?:,? \d{4})?(?: (?:at )?\d{1,2}:\d{2}(?::\d{2})?)?(?: ` + tz + `)?(?: \d{4})?`),
		// ISO 8601: 2026-11-25T19:47:57.123Z
		regexp.MustCompile(`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`),
		// numeric dates
		regexp.MustCompile(`\d{4}/\d{2}/\d{2}|\d{1,2}/\d{1,2}/\d{2,4}`),
		// ASN.1 GeneralizedTime and UTCTime: 20261125194738Z
		regexp.MustCompile(`\d{12}(?:\d{2})?(?:\.\d+)?Z`),
		// a time alone
		regexp.MustCompile(`\d{1,2}:\d{2}:\d{2}(?:\.\d+)?`),
	}
	// id='…', sid="…", nonce='…': an attribute naming a session or challenge.
	sessAttrRe = regexp.MustCompile(`(?i)\b(?:id|sid|session(?:[-_]?id)?|nonce|token|challenge|salt|cookie)=(['"])`)
	uuidRe     = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)
	ipv4Re     = regexp.MustCompile(`\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}`)
	versionRe  = regexp.MustCompile(`\d+(?:\.\d+)+(?:[a-z]+\d*)?`)
	// A package revision after a version: 2+deb12u10, 1~deb12u3, 13+b2, 0ubuntu1.
	revisionRe = regexp.MustCompile(`\d[\w~+]*?(?:deb\d|ubuntu|\+b\d|bpo|el\d|fc\d|dfsg)[\w.~+]*`)
	// The same right after a version: 1.8.2+deb5+b1.
	revisionSuffixRe = regexp.MustCompile(`[+~][\w.~+]*(?:deb\d|ubuntu\d|bpo\d|el\d|fc\d|dfsg|b\d)[\w.~+]*`)
	fqdnRe           = regexp.MustCompile(`[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+`)
	// The host name of a greeting: "220 mx.example.org ESMTP", "220-host FTP".
	greetHostRe = regexp.MustCompile(`(?m)^\d{3}[ -]([A-Za-z0-9][\w.-]*) (?:E?SMTP|FTP|ESMTP|NNTP|POP3|IMAP)`)
	yearRe      = regexp.MustCompile(`\d{4}`)
	hexRe       = regexp.MustCompile(`[0-9a-fA-F]{8,}`)
	tokenRe     = regexp.MustCompile(`[A-Za-z0-9+/_=-]{16,}`)
	numberRe    = regexp.MustCompile(`\d+`)
	// A number that is the value of a key: "pid 20511", "uptime: 85",
	// "tcp_port:47030", `"port":41422`, "Content-Length: 157".
	keyNumRe = regexp.MustCompile(`(?i)(?:[a-z_]*(?:length|pid|id|uptime|age|time|seconds|usec|clients|connections|conns?|port|count|total|size|bytes|threads|items|serial|epoch|since|started|requests|sessions|rusage\w*)"?[:= ]\s*"?)(\d+)`)
	// memcached and friends: "STAT name 123".
	statRe = regexp.MustCompile(`(?m)^STAT \S+ ([\d.:]+)`)
)

func isAlnumB(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// textSpans runs the text detectors over data[from:to].
func textSpans(data []byte, from, to, port int) []span {
	s := data[from:to]
	var out []span
	add := func(start, end int, re, what string, prio int) {
		out = append(out, span{start: from + start, end: from + end, re: re, what: what, prio: prio})
	}
	for _, re := range dateRes {
		for _, m := range re.FindAllIndex(s, -1) {
			d := s[m[0]:m[1]]
			// Boundaries: not inside a longer number or word.
			if m[0] > 0 && isAlnumB(s[m[0]-1]) || m[1] < len(s) && (s[m[1]] >= '0' && s[m[1]] <= '9') {
				continue
			}
			// A date needs a time or a year next to a month name.
			if !bytes.ContainsAny(d, ":") && !yearRe.Match(d) {
				continue
			}
			add(m[0], m[1], dateClass(d), "date or time", prioDate)
		}
	}
	// A quoted attribute that names a session (XMPP's stream id, a nonce,
	// a token) changes from one connection to the next, and may be empty
	// in one recording: the value and its closing quote become a class.
	for _, m := range sessAttrRe.FindAllSubmatchIndex(s, -1) {
		q := s[m[2]]
		end := bytes.IndexByte(s[m[3]:], q)
		if end < 0 || end > 128 {
			continue
		}
		add(m[3], m[3]+end+1, `[^`+string(q)+`]*`+string(q), "session id", prioHex-1) // a uuid inside says more
	}
	for _, m := range uuidRe.FindAllIndex(s, -1) {
		add(m[0], m[1], `[0-9a-fA-F-]+`, "id", prioHex)
	}
	for _, m := range ipv4Re.FindAllIndex(s, -1) {
		if m[0] > 0 && (isAlnumB(s[m[0]-1]) || s[m[0]-1] == '.') || m[1] < len(s) && (isAlnumB(s[m[1]]) || s[m[1]] == '.' && m[1]+1 < len(s) && isAlnumB(s[m[1]+1])) {
			continue
		}
		add(m[0], m[1], `[\d.]+`, "address", prioAddress)
	}
	for _, m := range hexRe.FindAllIndex(s, -1) {
		if m[0] > 0 && isAlnumB(s[m[0]-1]) || m[1] < len(s) && isAlnumB(s[m[1]]) {
			continue
		}
		h := s[m[0]:m[1]]
		hasDigit, hasLetter := bytes.ContainsAny(h, "0123456789"), bytes.ContainsAny(h, "abcdefABCDEF")
		if !hasDigit || (!hasLetter && len(h) < 16) {
			continue // a plain number: the number rules decide
		}
		add(m[0], m[1], hexClass(h), "hex nonce", prioHex)
	}
	for _, m := range tokenRe.FindAllIndex(s, -1) {
		if m[0] > 0 && (isAlnumB(s[m[0]-1]) || s[m[0]-1] == '.') {
			continue
		}
		t := s[m[0]:m[1]]
		if randomLooking(t) {
			add(m[0], m[1], `[\w+/=-]+`, "random token", prioRandom)
		}
	}
	for _, m := range versionRe.FindAllIndex(s, -1) {
		if m[0] > 0 && (s[m[0]-1] >= '0' && s[m[0]-1] <= '9' || s[m[0]-1] == '.' || isLetterAfterWord(s, m[0])) ||
			m[1] < len(s) && (isAlnumB(s[m[1]]) || s[m[1]] == '.' && m[1]+1 < len(s) && s[m[1]+1] >= '0' && s[m[1]+1] <= '9') {
			continue
		}
		// "500 5.5.2": an enhanced status code after a reply code, not a version.
		if m[0] >= 4 && s[m[0]-1] == ' ' && isCode(s[m[0]-4:m[0]-1]) && (m[0] == 4 || s[m[0]-5] == '\n') {
			continue
		}
		v := s[m[0]:m[1]]
		cls := `[\d.]+`
		if bytes.ContainsAny(v, "abcdefghijklmnopqrstuvwxyz") {
			cls = `[\w.]+`
		}
		out = append(out, span{start: from + m[0], end: from + m[1], re: cls, what: "version", prio: prioVersion, version: true})
	}
	for _, re := range []*regexp.Regexp{revisionRe, revisionSuffixRe} {
		for _, m := range re.FindAllIndex(s, -1) {
			if re == revisionRe && m[0] > 0 && (isAlnumB(s[m[0]-1]) || s[m[0]-1] == '.') || m[1] < len(s) && isAlnumB(s[m[1]]) {
				continue
			}
			add(m[0], m[1], `[\w.~+]+`, "package revision", prioRevision)
		}
	}
	for _, m := range greetHostRe.FindAllSubmatchIndex(s, -1) {
		add(m[2], m[3], `[\w.-]+`, "host name", prioHost)
	}
	for _, m := range fqdnRe.FindAllIndex(s, -1) {
		if m[0] > 0 && (isAlnumB(s[m[0]-1]) || s[m[0]-1] == '.' || s[m[0]-1] == '-') {
			continue
		}
		if hostLooking(s[m[0]:m[1]]) {
			add(m[0], m[1], `[\w.-]+`, "host name", prioHost)
		}
	}
	for _, m := range keyNumRe.FindAllSubmatchIndex(s, -1) {
		add(m[2], m[3], `\d+`, "counter", prioNumber)
	}
	for _, m := range statRe.FindAllSubmatchIndex(s, -1) {
		add(m[2], m[3], `[\d.:]+`, "counter", prioNumber)
	}
	for _, m := range numberRe.FindAllIndex(s, -1) {
		if m[0] > 0 && (isAlnumB(s[m[0]-1]) || s[m[0]-1] == '.') || m[1] < len(s) && (isAlnumB(s[m[1]]) || s[m[1]] == '.') {
			continue
		}
		n := s[m[0]:m[1]]
		switch {
		case port > 0 && string(n) == itoa(port):
			add(m[0], m[1], `\d+`, "port number", prioNumber)
		case len(n) >= 4 && !(m[0] == 0 || s[m[0]-1] == '\n'):
			add(m[0], m[1], `\d+`, "number", prioNumber)
		}
	}
	return out
}

// isLetterAfterWord reports whether s[i-1] is a letter that is part of a
// word ("deb3.1", "IMAP4"), not a lone v ("v1.2").
func isLetterAfterWord(s []byte, i int) bool {
	c := s[i-1]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return false
	}
	if (c == 'v' || c == 'V') && (i < 2 || !isAlnumB(s[i-2])) {
		return false
	}
	return true
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func isCode(b []byte) bool {
	return len(b) == 3 && b[0] >= '1' && b[0] <= '5' && b[1] >= '0' && b[1] <= '9' && b[2] >= '0' && b[2] <= '9'
}

// dateClass generalises a date: letters, digits and spaces become classes,
// punctuation stays.
func dateClass(d []byte) string {
	var b strings.Builder
	for i := 0; i < len(d); {
		c := d[i]
		j := i + 1
		switch {
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			for j < len(d) && (d[j] >= 'A' && d[j] <= 'Z' || d[j] >= 'a' && d[j] <= 'z') {
				j++
			}
			if w := string(d[i:j]); w == "GMT" || w == "UTC" || w == "at" || w == "T" || w == "Z" {
				b.WriteString(w)
			} else {
				b.WriteString(`[A-Za-z]+`)
			}
		case c >= '0' && c <= '9':
			for j < len(d) && d[j] >= '0' && d[j] <= '9' {
				j++
			}
			b.WriteString(`\d+`)
		case c == ' ':
			for j < len(d) && d[j] == ' ' {
				j++
			}
			b.WriteString(` +`)
		default:
			b.WriteString(escapeByte(c, 0, false))
		}
		i = j
	}
	return b.String()
}

func hexClass(h []byte) string {
	lower, upper := false, false
	for _, c := range h {
		switch {
		case c >= 'a' && c <= 'f':
			lower = true
		case c >= 'A' && c <= 'F':
			upper = true
		}
	}
	switch {
	case lower && !upper:
		return `[0-9a-f]+`
	case upper && !lower:
		return `[0-9A-F]+`
	}
	return `[0-9a-fA-F]+`
}

// randomLooking reports whether a long token mixes letters and digits the
// way generated ids and keys do (and words and names do not).
func randomLooking(t []byte) bool {
	digits, upper, lower, trans := 0, 0, 0, 0
	prev := 0
	for _, c := range t {
		cls := 0
		switch {
		case c >= '0' && c <= '9':
			digits++
			cls = 1
		case c >= 'A' && c <= 'Z':
			upper++
			cls = 2
		case c >= 'a' && c <= 'z':
			lower++
			cls = 3
		}
		if cls != prev && prev != 0 {
			trans++
		}
		prev = cls
	}
	if digits == 0 || upper+lower == 0 {
		return false
	}
	// Ids switch between digits and letters often; words with a number in
	// them (IMAP4rev1, x86_64) do not.
	return trans >= 4 && digits >= 2
}

var notHosts = map[string]bool{"html": true, "htm": true, "txt": true, "php": true, "js": true, "css": true, "xml": true, "json": true, "dtd": true, "png": true, "gif": true, "jpg": true, "ico": true, "bak": true, "cgi": true, "asp": true, "aspx": true, "jsp": true}

// hostLooking reports whether a dotted name looks like a host name: at
// least one label with letters, and a last label of two or more letters
// that is not a file extension.
func hostLooking(name []byte) bool {
	labels := strings.Split(string(name), ".")
	last := labels[len(labels)-1]
	if len(last) < 2 {
		return false
	}
	for _, c := range []byte(last) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return !notHosts[strings.ToLower(last)]
}

// lengthSpans finds length fields in a binary reply: a 1-, 2-, 3- or 4-byte
// integer (either byte order) equal to the number of bytes after it (or
// after it and one more header byte, at the start), or a byte equal to the
// length of the printable string that follows it. A length changes with
// the content it counts (a longer version string, a host name).
func lengthSpans(b []byte) []span {
	var out []span
	n := len(b)
	for i := 0; i < n; i++ {
		for _, w := range []int{4, 3, 2, 1} {
			if i+w > n {
				continue
			}
			be, le := 0, 0
			for k := 0; k < w; k++ {
				be = be<<8 | int(b[i+k])
				le |= int(b[i+k]) << (8 * k)
			}
			rest := n - i - w
			ok := false
			for _, v := range []int{be, le} {
				// The bytes after it, or those and the field itself, or
				// (at the start) those after one more header byte.
				if v >= 4 && (v == rest || v == rest+w || i == 0 && v == rest-1) {
					ok = true
				}
			}
			if w == 1 && !ok && int(b[i]) >= 3 && i+1+int(b[i]) <= n {
				// Pascal string: the next v bytes are printable and the run ends there.
				v := int(b[i])
				run := b[i+1 : i+1+v]
				if printableRun(run) && (i+1+v == n || !printable(b[i+1+v])) && bytes.IndexByte(run, '\n') < 0 {
					ok = true
				}
			}
			if ok {
				out = append(out, span{start: i, end: i + w, re: strings.Repeat(".", w), what: "length", prio: prioLength})
				break
			}
		}
	}
	return out
}
