package probes

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/signetscan/signet/diag"
)

// maxLine793 is the longest line nmap 7.93 reads in one piece: it reads with
// fgets into a 2048-byte buffer and parses the rest of a longer line as a new
// line (rule P1).
const maxLine793 = 2047

// Parse parses one signature file exactly as nmap 7.93 reads it (rules
// P1–P14 and M1–M5 of docs/nmap-behaviour.md). It returns the DB, as complete as
// possible even when there are errors, and a diag.ErrorList holding every error
// (nil if there is none), each FILE:LINE:COL. Findings that do not stop the
// file from loading, including inputs nmap 7.93 refuses only by accident (a
// blank line holding spaces or a CR, an indented comment, a line longer than
// 2047 bytes, CRLF line endings), go to DB.Warnings.
//
// Parse does not resolve fallbacks: call Resolve (or use Load), after Merge
// if there are overlays. Parse never panics.
func Parse(filename string, src []byte) (*DB, error) {
	p := &parser{file: filename, db: &DB{Files: []string{filename}}}
	p.parse(src)
	return p.db, p.errs.Err()
}

// ParseFile reads and parses the file at path; see Parse.
func ParseFile(path string) (*DB, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, src)
}

type parser struct {
	file string
	db   *DB
	errs diag.ErrorList

	line       int    // current line number
	cur        *Probe // directives apply to it; a detached probe after a bad Probe line
	excludeAt  int    // line of the Exclude directive, 0 if none yet
	crlfWarned bool

	// lines of the current probe's directives, to warn when one is repeated
	rarityAt, waitAt, wrappedAt, fallbackAt int
}

func (p *parser) pos(col int) diag.Pos { return diag.Pos{File: p.file, Line: p.line, Col: col} }

// errorf records an error at column col of the current line; nmap is nmap
// 7.93's message for it, empty if nmap accepts the input.
func (p *parser) errorf(col int, nmap, format string, args ...any) {
	p.errs = append(p.errs, &diag.Error{Pos: p.pos(col), Msg: fmt.Sprintf(format, args...), Nmap: nmap})
}

func (p *parser) warnf(col int, nmap, format string, args ...any) {
	p.db.Warnings = append(p.db.Warnings, &diag.Error{Pos: p.pos(col), Msg: fmt.Sprintf(format, args...), Nmap: nmap})
}

// nmapf formats one of nmap's messages that carry the line number.
func (p *parser) nmapf(format string) string { return fmt.Sprintf(format, p.line) }

func (p *parser) unknownDirectiveNmap() string {
	if p.cur == nil {
		return fmt.Sprintf(`Parse error on line %d of nmap-service-probes file: %s -- line was expected to begin with "Probe " or "Exclude "`, p.line, p.file)
	}
	return fmt.Sprintf("Parse error on line %d of nmap-service-probes file: %s -- unknown directive", p.line, p.file)
}

var directives = []string{"Exclude", "Probe", "ports", "sslports", "rarity", "fallback", "totalwaitms", "tcpwrappedms", "match", "softmatch"}

func (p *parser) parse(src []byte) {
	for len(src) > 0 {
		p.line++
		var raw []byte
		nl := false
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			raw, src, nl = src[:i], src[i+1:], true
		} else {
			raw, src = src, nil
		}
		if len(raw) > maxLine793 {
			p.warnf(maxLine793+1, "", "line is %d bytes long: nmap 7.93 reads at most %d bytes of a line and parses the rest as a new line", len(raw), maxLine793)
		}
		if len(raw) == 0 || raw[0] == '#' {
			continue // P2
		}
		crlf := raw[len(raw)-1] == '\r'
		if crlf {
			raw = raw[:len(raw)-1]
		}
		text := string(raw)
		if i := strings.IndexByte(text, 0); i >= 0 {
			p.errorf(i+1, "", "NUL byte in line: nmap 7.93 would ignore the rest of the line")
			continue
		}
		if blank := strings.TrimLeft(text, " \t\v\f\r"); blank == "" || blank[0] == '#' {
			what := "blank line containing whitespace"
			switch {
			case blank != "":
				what = "indented comment"
			case text == "":
				what = "blank line ending in CRLF"
			}
			p.warnf(1, p.unknownDirectiveNmap(), "%s: nmap 7.93 refuses it (only a line starting with '#' or an empty line is skipped)", what)
			continue
		}
		if crlf && !p.crlfWarned {
			p.crlfWarned = true
			p.warnf(len(raw)+1, "", "CRLF line ending: nmap 7.93 keeps the CR as part of the line (harmless except on blank lines, which it refuses)")
		}
		if p.line == 1 && strings.HasPrefix(text, "\xEF\xBB\xBF") {
			p.errorf(1, p.unknownDirectiveNmap(), "file starts with a UTF-8 byte order mark: remove it")
			text = text[3:] // read the rest of the line, for the errors that follow
			if text == "" {
				continue
			}
		}
		p.directive(text, nl)
	}
}

func (p *parser) directive(text string, nl bool) {
	switch {
	case strings.HasPrefix(text, "Exclude "):
		if p.cur != nil {
			p.errorf(1, "The Exclude directive must precede all Probes in nmap-service-probes", "Exclude must come before the first Probe")
			return
		}
		p.exclude(text[8:], nl)
		return
	case strings.HasPrefix(text, "Probe "):
		p.probe(text)
		return
	case p.cur == nil:
		word, _, _ := strings.Cut(text, " ")
		p.errorf(1, p.unknownDirectiveNmap(), "%s before the first Probe: only Exclude and Probe may come first", quoteWord(word))
		return
	}
	pr := p.cur
	switch {
	case strings.HasPrefix(text, "ports "):
		pr.Ports = union(pr.Ports, p.ports(text, 6, nl))
	case strings.HasPrefix(text, "sslports "):
		pr.SSLPorts = union(pr.SSLPorts, p.ports(text, 9, nl))
	case strings.HasPrefix(text, "rarity "):
		v, _ := p.number(text, 7, "rarity", true)
		if v < 1 || v > 9 {
			p.errorf(8, p.nmapf("setRarity: Rarity directive on line %d of nmap-service-probes must be between 1 and 9"),
				"rarity %s out of range: must be 1 to 9", valueText(text[7:]))
			return
		}
		p.repeated(&p.rarityAt, "rarity")
		pr.Rarity, pr.raritySet = int(v), true
	case strings.HasPrefix(text, "totalwaitms "):
		if v, ok := p.waitms(text, 12, "totalwaitms"); ok {
			p.repeated(&p.waitAt, "totalwaitms")
			pr.TotalWait, pr.waitSet = time.Duration(v)*time.Millisecond, true
		}
	case strings.HasPrefix(text, "tcpwrappedms "):
		if v, ok := p.waitms(text, 13, "tcpwrappedms"); ok {
			p.repeated(&p.wrappedAt, "tcpwrappedms")
			pr.TCPWrapped, pr.wrappedSet = time.Duration(v)*time.Millisecond, true
		}
	case strings.HasPrefix(text, "fallback "):
		p.repeated(&p.fallbackAt, "fallback")
		pr.FallbackNames, pr.fallbackCols = nil, nil
		pr.FallbackPos = p.pos(1)
		splitFallback(text, 9, func(name string, col int) {
			pr.FallbackNames = append(pr.FallbackNames, name)
			pr.fallbackCols = append(pr.fallbackCols, col)
		})
	case strings.HasPrefix(text, "match "):
		p.match(text, 6, false)
	case strings.HasPrefix(text, "softmatch "):
		p.match(text, 10, true)
	case strings.HasPrefix(text, "Exclude "):
		p.errorf(1, "The Exclude directive must precede all Probes in nmap-service-probes", "Exclude must come before the first Probe")
	default:
		word, _, _ := strings.Cut(text, " ")
		p.errorf(1, p.unknownDirectiveNmap(), "%s", unknownDirective(text, word))
	}
}

func quoteWord(w string) string {
	if len(w) > 40 {
		w = w[:40] + "…"
	}
	return fmt.Sprintf("%q", w)
}

// unknownDirective explains why text is not a directive (P3).
func unknownDirective(text, word string) string {
	if text != "" && isSpace(text[0]) {
		return "directives must start in column 1"
	}
	for _, d := range directives {
		switch {
		case word == d:
			return fmt.Sprintf("%q must be followed by exactly one space", d)
		case strings.HasPrefix(word, d) && isSpace(word[len(d)]):
			return fmt.Sprintf("%q must be followed by a space, not %q", d, word[len(d)])
		case strings.EqualFold(word, d):
			return fmt.Sprintf("unknown directive %s: directives are case-sensitive (%q)", quoteWord(word), d)
		}
	}
	return fmt.Sprintf("unknown directive %s", quoteWord(word))
}

// repeated warns when a directive is given twice for the current probe.
func (p *parser) repeated(at *int, name string) {
	if *at != 0 {
		p.warnf(1, "", "second %s directive for this probe replaces the one on line %d", name, *at)
	}
	*at = p.line
}

// valueText returns the value of a directive for messages.
func valueText(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "(empty)"
	}
	return quoteWord(s)
}

// number reads a decimal value at text[off:] as C's atoi (asInt) or strtol
// would: leading whitespace, an optional sign, digits, the rest ignored
// (with a warning). Without digits the value is 0.
func (p *parser) number(text string, off int, name string, asInt bool) (int64, bool) {
	i := off
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	neg := false
	if i < len(text) && (text[i] == '+' || text[i] == '-') {
		neg = text[i] == '-'
		i++
	}
	if i >= len(text) || !isDigit(text[i]) {
		return 0, false
	}
	v, j := strtol(text, i)
	if neg {
		v = -v
	}
	if asInt {
		v = int64(int32(v)) // atoi is (int)strtol
	}
	rest := j
	for rest < len(text) && isSpace(text[rest]) {
		rest++
	}
	if rest < len(text) {
		p.warnf(rest+1, "", "text after the %s value is ignored", name)
	}
	return v, true
}

func (p *parser) waitms(text string, off int, name string) (int64, bool) {
	v, _ := p.number(text, off, name, false)
	if v < 100 || v > 300000 {
		p.errorf(off+1, fmt.Sprintf("Error on line %d of nmap-service-probes file (%s): bad %s value.  Must be between 100 and 300000 milliseconds", p.line, p.file, name),
			"%s %s out of range: must be 100 to 300000 milliseconds", name, valueText(text[off:]))
		return 0, false
	}
	return v, true
}

// splitFallback splits a fallback value as compileFallbacks' strtok does (P11).
func splitFallback(text string, off int, f func(name string, col int)) {
	sep := func(c byte) bool { return c == ',' || c == '\r' || c == '\n' || c == '\t' || c == ' ' }
	for i := off; i < len(text); {
		if sep(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && !sep(text[j]) {
			j++
		}
		f(text[i:j], i+1)
		i = j
	}
}

func (p *parser) ports(text string, off int, nl bool) PortSet {
	rs, err := parsePortList(text[off:], nl)
	if err != nil {
		p.errorf(off+err.off+1, fmt.Sprintf("Parse error on line %d of nmap-service-probes: %s", p.line, err.nmap), "%s", err.msg)
	}
	return normalize(rs)
}

func (p *parser) exclude(v string, nl bool) {
	if p.excludeAt != 0 {
		p.errorf(1, "Only 1 Exclude directive is allowed in the nmap-service-probes file", "second Exclude directive (the first is on line %d)", p.excludeAt)
		return
	}
	p.excludeAt = p.line
	spec, dup, err := parseExclude(v, nl)
	if err != nil {
		p.errorf(9+err.off, err.nmap, "%s", err.msg)
		return
	}
	if dup {
		p.warnf(9, "", "Exclude lists a port twice")
	}
	spec.Pos, spec.Text = p.pos(9), v
	p.db.Exclude = &spec
}

// probe parses a Probe line (P6, P7) and makes it the current probe.
func (p *parser) probe(text string) {
	p.rarityAt, p.waitAt, p.wrappedAt, p.fallbackAt = 0, 0, 0, 0
	pr := &Probe{Pos: p.pos(1), Rarity: DefaultRarity, TotalWait: DefaultTotalWait, TCPWrapped: DefaultTCPWrapped}
	p.cur = pr // detached until the line is known to be good
	switch {
	case strings.HasPrefix(text[6:], "TCP "):
		pr.Protocol = TCP
	case strings.HasPrefix(text[6:], "UDP "):
		pr.Protocol = UDP
	default:
		word, _, _ := strings.Cut(text[6:], " ")
		p.errorf(7, p.nmapf("Parse error on line %d of nmap-service-probes: invalid protocol"),
			"invalid protocol %s: want TCP or UDP (upper case) followed by one space", quoteWord(word))
		return
	}
	i := 10
	if i >= len(text) || !isAlnum(text[i]) {
		p.errorf(i+1, p.nmapf("Parse error on line %d of nmap-service-probes - bad probe name"),
			"bad probe name: it must start with an ASCII letter or digit")
		return
	}
	sp := strings.IndexByte(text[i:], ' ')
	if sp < 0 {
		p.errorf(len(text)+1, p.nmapf("Parse error on line %d of nmap-service-probes - nothing after probe name"),
			"missing probe string: want a space and q|…| after the probe name")
		return
	}
	pr.Name = text[i : i+sp]
	i += sp + 1
	if i >= len(text) || text[i] != 'q' {
		p.errorf(i+1, p.nmapf("Parse error on line %d of nmap-service-probes - probe string must begin with 'q'"),
			"probe string must begin with 'q' right after the single space that follows the name, as in q|…|")
		return
	}
	i++
	if i >= len(text) {
		p.errorf(i+1, p.nmapf("Parse error on line %d of nmap-service-probes -- no ending delimiter for probe string"),
			"missing delimiter after q")
		return
	}
	delim := text[i]
	end := strings.IndexByte(text[i+1:], delim)
	if end < 0 {
		p.errorf(len(text)+1, p.nmapf("Parse error on line %d of nmap-service-probes -- no ending delimiter for probe string"),
			"no closing %q for the probe string opened at column %d", delim, i+1)
		return
	}
	raw := text[i+1 : i+1+end]
	payload, err := Unescape(raw)
	if err != nil {
		e := err.(*EscapeError)
		msg, nmap := e.Msg, p.nmapf("Parse error on line %d of nmap-service-probes: bad probe string escaping")
		if e.Offset == len(raw)-1 && raw[e.Offset] == '\\' {
			// nmap decodes the terminating NUL and reads on past the delimiter.
			msg, nmap = fmt.Sprintf("probe string ends with a backslash: %q cannot be escaped (nmap 7.93 would read past it)", delim), ""
		}
		p.errorf(i+2+e.Offset, nmap, "%s", msg)
		return
	}
	pr.RawString, pr.Payload, pr.Text = raw, payload, text
	// Options after the string: 7.93 ignores them; 7.94+ knows no-payload (D1).
	rest := i + 1 + end + 1
	for _, f := range strings.FieldsFunc(text[rest:], func(r rune) bool { return r < 0x80 && isSpace(byte(r)) }) {
		if f == "no-payload" {
			pr.NoPayload = true
			continue
		}
		col := rest + strings.Index(text[rest:], f) + 1
		p.warnf(col, "", "unknown probe option %s is ignored (only no-payload is known)", quoteWord(f))
	}
	p.attach(pr)
}

// attach adds a good probe to the DB: the NULL probe (empty string) is kept
// apart, the others in file order (P6).
func (p *parser) attach(pr *Probe) {
	if first := p.db.Probe(pr.Protocol, pr.Name); first != nil {
		p.warnf(1, "", "probe %s %s is defined twice (first at %s): fallbacks and overlays refer to the first", pr.Protocol.Upper(), pr.Name, first.Pos)
	}
	if !pr.IsNull() {
		p.db.Probes = append(p.db.Probes, pr)
		return
	}
	if p.db.Null != nil {
		p.errorf(1, "Assertion `!AP->nullProbe' failed.",
			"second NULL probe (empty probe string); the NULL probe is %s %s at %s", p.db.Null.Protocol.Upper(), p.db.Null.Name, p.db.Null.Pos)
		return
	}
	if pr.Protocol == UDP {
		p.warnf(1, "", "UDP probe with an empty string is used as the NULL probe, which only TCP services get")
	}
	p.db.Null = pr
}
