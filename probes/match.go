package probes

import (
	"errors"
	"fmt"
	"strings"

	"github.com/signetscan/signet/pcre"
)

// token is one mode<d>value<d>flags item of a match line, as read by nmap
// 7.93's next_template (rule M2). Offsets are byte offsets in the line.
type token struct {
	mode, value, flags        string
	delim                     byte
	modeOff, delimOff, valOff int
	flagsOff                  int
}

// tokenError is a next_template parse error at byte offset off.
type tokenError struct {
	off int
	msg string
}

// nextToken reads the token at s[*i:] the way next_template does: skip
// whitespace; the mode is a run of ASCII letters and ':'; the next byte,
// which must not be whitespace, is the delimiter; the value runs to the next
// occurrence of the delimiter (no escapes); then a run of letters is the
// flags. ok is false at the end of the line.
func nextToken(s string, i *int) (t token, ok bool, err *tokenError) {
	j := *i
	for j < len(s) && isSpace(s[j]) {
		j++
	}
	if j >= len(s) {
		*i = j
		return t, false, nil
	}
	t.modeOff = j
	for j < len(s) && (isAlpha(s[j]) || s[j] == ':') {
		j++
	}
	t.mode = s[t.modeOff:j]
	what := func() string {
		if t.mode == "" {
			return "template"
		}
		return fmt.Sprintf("%q", t.mode)
	}
	switch {
	case j >= len(s):
		return t, false, &tokenError{j, fmt.Sprintf("expected a delimiter after %s, found the end of the line", what())}
	case isSpace(s[j]):
		return t, false, &tokenError{j, fmt.Sprintf("expected a delimiter after %s, found whitespace", what())}
	}
	t.delim, t.delimOff = s[j], j
	t.valOff = j + 1
	end := strings.IndexByte(s[t.valOff:], t.delim)
	if end < 0 {
		if t.mode == "" {
			return t, false, &tokenError{j, fmt.Sprintf("expected a template such as p/…/, found %s", quoteWord(s[j:]))}
		}
		return t, false, &tokenError{len(s), fmt.Sprintf("no closing %q for the %s value opened at column %d", t.delim, what(), j+1)}
	}
	t.value = s[t.valOff : t.valOff+end]
	j = t.valOff + end + 1
	t.flagsOff = j
	for j < len(s) && isAlpha(s[j]) {
		j++
	}
	t.flags = s[t.flagsOff:j]
	*i = j
	return t, true, nil
}

// match parses a match or softmatch line (M1–M5). kw is the length of the
// keyword and its space.
func (p *parser) match(text string, kw int, soft bool) {
	pr := p.cur
	rest := text[kw:]
	sp := strings.IndexByte(rest, ' ')
	nmapNoService := p.nmapf("InitMatch: parse error on line %d of nmap-service-probes: could not find service name")
	if sp < 0 {
		if strings.TrimSpace(rest) == "" {
			p.errorf(kw+1, nmapNoService, "missing service name and pattern: want %s <service> m/<regex>/[flags]", text[:kw-1])
		} else {
			p.errorf(len(text)+1, nmapNoService, "missing pattern: want a space and m/<regex>/[flags] after the service name")
		}
		return
	}
	m := &Match{Pos: p.pos(1), Probe: pr, Soft: soft, Service: rest[:sp]}
	if m.Service == "" {
		p.warnf(kw+1, "", "empty service name (two spaces after %q)", text[:kw-1])
	}
	nmapTok := p.nmapf("next_template: parse error on line %d of nmap-service-probes")
	i := kw + sp
	t, ok, terr := nextToken(text, &i)
	switch {
	case terr != nil:
		p.errorf(terr.off+1, nmapTok, "%s", terr.msg)
		return
	case !ok:
		p.errorf(len(text)+1, p.nmapf("InitMatch: parse error on line %d of nmap-service-probes"),
			"missing pattern: want m/<regex>/[flags] after the service name")
		return
	}
	good := true
	if t.mode != "m" {
		p.errorf(t.modeOff+1, p.nmapf("InitMatch: parse error on line %d of nmap-service-probes: matchtext must begin with 'm'"),
			"pattern must be written m<d>regex<d>, found %s", quoteWord(t.mode+string(t.delim)))
		good = false
	}
	m.Pattern, m.PatternPos = t.value, p.pos(t.valOff+1)
	for k := 0; k < len(t.flags); k++ {
		switch t.flags[k] {
		case 'i':
			m.Flags |= pcre.Caseless
		case 's':
			m.Flags |= pcre.DotAll
		default:
			p.errorf(t.flagsOff+k+1, p.nmapf("InitMatch: illegal regexp option on line %d of nmap-service-probes"),
				"unknown regex flag %q: only i and s are allowed", t.flags[k])
		}
	}
	if good {
		p.compile(m)
	}
	p.templates(text, i, m, t)
	if good {
		pr.Matches = append(pr.Matches, m)
	}
}

// compile compiles m's pattern through compileRegex (M3).
func (p *parser) compile(m *Match) {
	re, err := safeCompile(m.Pattern, m.Flags)
	if err != nil {
		off, msg := 0, err.Error()
		var se *pcre.SyntaxError
		if errors.As(err, &se) {
			off, msg = se.Offset, se.Msg
		}
		col := m.PatternPos.Col + min(max(off, 0), len(m.Pattern))
		p.errorf(col, fmt.Sprintf("InitMatch: illegal regexp on line %d of nmap-service-probes (at regexp offset %d): %s", p.line, off, msg),
			"illegal regexp (at regexp offset %d): %s", off, msg)
		return
	}
	m.Regex = re
	if matchesEmpty(re) {
		p.warnf(m.PatternPos.Col, "", "pattern can match the empty string: nmap 7.94+ rejects it (pattern matches zero-length string)")
	}
}

// safeCompile calls compileRegex, turning a panic of the engine into an
// error so that Parse never panics.
func safeCompile(pat string, f pcre.Flags) (re pcre.Regex, err error) {
	defer func() {
		if r := recover(); r != nil {
			re, err = nil, fmt.Errorf("regex engine failed: %v", r)
		}
	}()
	re, err = compileRegex(pat, f)
	if err == nil && re == nil {
		err = errors.New("regex engine returned no regex")
	}
	return re, err
}

// matchesEmpty reports whether re can match the empty string: by the
// engine's own analysis when it offers one (PCRE2_INFO_MATCHEMPTY is what
// nmap 7.94+ asks), else by running it on an empty subject.
func matchesEmpty(re pcre.Regex) (empty bool) {
	defer func() {
		if recover() != nil {
			empty = false
		}
	}()
	if me, ok := re.(interface{ MatchesEmpty() bool }); ok {
		return me.MatchesEmpty()
	}
	loc, err := re.Exec([]byte{})
	return err == nil && loc != nil
}

// templates reads the version templates after the pattern (M2, M4, M5).
func (p *parser) templates(text string, i int, m *Match, prev token) {
	tm := &m.Templates
	for {
		t, ok, terr := nextToken(text, &i)
		if terr != nil {
			p.errorf(terr.off+1, p.nmapf("next_template: parse error on line %d of nmap-service-probes"), "%s", terr.msg)
			return
		}
		if !ok {
			return
		}
		tp := &Template{Text: t.value, Pos: p.pos(t.modeOff + 1), Flags: t.flags}
		var field **Template
		switch t.mode {
		case "p":
			field = &tm.Product
		case "v":
			field = &tm.Version
		case "i":
			field = &tm.Info
		case "h":
			field = &tm.Hostname
		case "o":
			field = &tm.OS
		case "d":
			field = &tm.Device
		case "cpe:":
			tp.Text = "cpe:/" + t.value
			tm.CPE = append(tm.CPE, tp)
			if t.value == "" || !strings.ContainsRune("aho", rune(t.value[0])) {
				part := "empty"
				if t.value != "" {
					part = fmt.Sprintf("%q", t.value[0])
				}
				p.warnf(t.valOff+1, "", "unknown CPE part %s: want a, h or o (nmap ignores this template when it matches)", part)
			}
			if t.delim != '/' {
				p.warnf(t.delimOff+1, "", "cpe: template delimited by %q: nmap 7.94+ requires '/'", t.delim)
			}
			if t.flags != "" && t.flags != "a" {
				p.warnf(t.flagsOff+1, "", "flags %q after the cpe: template are ignored", t.flags)
			}
		case "":
			msg := fmt.Sprintf("missing template letter before %s", quoteWord(text[t.delimOff:t.valOff+len(t.value)+1]))
			if prev.flags != "" && prev.flagsOff+len(prev.flags) == t.modeOff {
				msg += fmt.Sprintf(": %q was read as the flags of the %s template before it; separate templates with a space", prev.flags, prev.mode)
			}
			p.errorf(t.delimOff+1, p.nmapf("InitMatch: Unknown template specifier '' on line %d of nmap-service-probes"), "%s", msg)
		default:
			p.errorf(t.modeOff+1, fmt.Sprintf("InitMatch: Unknown template specifier '%s' on line %d of nmap-service-probes", t.mode, p.line),
				"unknown template %q: want p, v, i, h, o, d or cpe:", t.mode)
		}
		if field != nil {
			if *field != nil {
				p.warnf(t.modeOff+1, "", "second %s template replaces the one at column %d", t.mode, (*field).Pos.Col)
			}
			*field = tp
			if t.flags != "" {
				p.warnf(t.flagsOff+1, "", "flags %q after the %s template are ignored", t.flags, t.mode)
			}
		}
		prev = t
	}
}
