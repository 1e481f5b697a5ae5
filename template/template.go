package template

import (
	"fmt"

	"github.com/signetscan/signet/probes"
)

// Field buffer sizes of nmap 7.93 (service_scan.cc: testMatch). A field holds
// at most size−1 bytes (M4).
const (
	ProductSize  = 80
	VersionSize  = 80
	InfoSize     = 256
	HostnameSize = 80
	OSSize       = 32
	DeviceSize   = 32
	CPESize      = 80
)

// CPE slots, in the order nmap reports them (M5, O6).
const (
	PartA = iota // applications
	PartH        // hardware
	PartO        // operating systems
)

// Fields are the expanded version fields of one match. An empty string is a
// field that was not provided (M6.7).
type Fields struct {
	Product, Version, Info, Hostname, OS, Device string
	CPE                                          [3]string // slots PartA, PartH, PartO
}

// CPEs returns the non-empty CPE slots in slot order a, h, o.
func (f Fields) CPEs() []string {
	var out []string
	for _, c := range f.CPE {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}

// Expand fills the fields of a matched line (M6). subject is the buffer the
// pattern matched and loc its capture offsets, as returned by pcre.Regex.Exec:
// 2*(groups+1) ints, -1 for groups that did not participate.
//
// Fields are expanded in nmap's order (product, version, info, hostname, OS,
// device, then the CPE templates in line order). A field whose template fails
// — a bad substitution or an expansion that does not fit its buffer — is left
// empty, and a warning in nmap 7.93's words is returned for it, in that order.
//
// Where 7.93 misbehaves, Expand fails the substitution instead:
//   - a reference to a group that did not participate but lies below the
//     highest group that did trips an assertion that aborts nmap 7.93
//     (E4, tp8); HEAD and signet fail the substitution;
//   - $SUBST with an empty find string makes 7.93 loop until it dies
//     ("Tried to realloc negative amount of memory!!!"); signet fails it;
//   - a quoted argument missing its closing quote, or ending in a lone
//     backslash, makes 7.93 read past the template; signet fails it.
//
// An unknown CPE part is skipped with 7.93's actual warning, "Warning:
// ignoring cpe:// template with unknown part '.' (0xFFFFFFFF)": cpe_get_part
// returns -1 for every part but a/h/o, so the letter is never printed
// (verified with the installed nmap; the part letter, 'z' (0x7A) say, is
// not what 7.93 prints).
//
// $SUBST compares the find string with subject bytes past the end of the
// capture, as 7.93 does (verified: capture "1." with find ".x" and subject
// "1.x" gives "1_" for repl "_"); it never looks past the end of subject.
func Expand(t *probes.Templates, subject []byte, loc []int) (Fields, []string) {
	var f Fields
	if t == nil {
		return f, nil
	}
	var warns []string
	m := newMatch(subject, loc)
	line := lineOf(t)
	text := func(t *probes.Template) string {
		if t == nil {
			return ""
		}
		return t.Text
	}
	pvi := fmt.Sprintf("%s/%s/%s", text(t.Product), text(t.Version), text(t.Info))
	fill := func(dst *string, tmpl *probes.Template, size int, name, tail string) {
		if tmpl == nil {
			return
		}
		s, ok := m.subst(tmpl.Text, size, false)
		if !ok {
			warns = append(warns, fmt.Sprintf("Warning: Servicescan failed to fill %s_template (subjectlen: %d, %slen: %d). %s",
				name, len(subject), name, size, fmt.Sprintf(tail, line)))
			return
		}
		*dst = s
	}
	fill(&f.Product, t.Product, ProductSize, "product", "Capture exceeds length? Match string was line %d: p/"+pvi)
	fill(&f.Version, t.Version, VersionSize, "version", "Capture exceeds length? Match string was line %d: v/"+pvi)
	fill(&f.Info, t.Info, InfoSize, "info", "Capture exceeds length? Match string was line %d: i/"+pvi)
	fill(&f.Hostname, t.Hostname, HostnameSize, "hostname", "Capture exceeds length? Match string was line %d: h/"+text(t.Hostname)+"/")
	fill(&f.OS, t.OS, OSSize, "ostype", "Capture exceeds length? Match string was line %d: o/"+text(t.OS)+"/")
	fill(&f.Device, t.Device, DeviceSize, "devicetype", "Too long? Match string was line %d: d/"+text(t.Device)+"/")

	for _, c := range t.CPE {
		if c == nil {
			continue
		}
		part, slot := cpePart(c.Text)
		if slot < 0 {
			// 7.93 passes cpe_get_part's -1 to "'%c' (0x%02X)", so every
			// unknown part prints as '.' (0xFFFFFFFF) (verified with the
			// installed nmap and cpe:/z:foo/).
			warns = append(warns, "Warning: ignoring cpe:// template with unknown part '.' (0xFFFFFFFF)")
			continue
		}
		s, ok := m.subst(c.Text, CPESize, true)
		if !ok {
			warns = append(warns, fmt.Sprintf("Warning: Servicescan failed to fill cpe_%c (subjectlen: %d, cpelen: %d). Too long? Match string was line %d: %s",
				part, len(subject), CPESize, lineOfTemplate(c, line), cString(c.Text)))
			f.CPE[slot] = ""
			continue
		}
		f.CPE[slot] = s // a later template of the same part overwrites (M5)
	}
	return f, warns
}

// lineOf returns the line number nmap prints in warnings: that of the match
// line, which is where every template of the line sits.
func lineOf(t *probes.Templates) int {
	for _, p := range []*probes.Template{t.Product, t.Version, t.Info, t.Hostname, t.OS, t.Device} {
		if p != nil {
			return p.Pos.Line
		}
	}
	for _, c := range t.CPE {
		if c != nil {
			return c.Pos.Line
		}
	}
	return 0
}

func lineOfTemplate(t *probes.Template, def int) int {
	if t.Pos.Line != 0 {
		return t.Pos.Line
	}
	return def
}

// cpePart routes a CPE template by the byte after "cpe:/" (utils.cc:
// cpe_get_part). It returns the part letter and slot, or slot -1.
func cpePart(text string) (byte, int) {
	const prefix = "cpe:/"
	text = cString(text)
	if len(text) <= len(prefix) || text[:len(prefix)] != prefix {
		return 0, -1
	}
	switch p := text[len(prefix)]; p {
	case 'a':
		return p, PartA
	case 'h':
		return p, PartH
	case 'o':
		return p, PartO
	}
	return 0, -1
}

// Sanitize applies nmap's result-time clean-up (M7, portlist.cc:
// cstringSanityCheck): product, version, hostname and each CPE are cut to 80
// bytes, info to 256, OS and device to 32, and every byte outside 0x20..0x7E
// becomes '.'.
func Sanitize(f Fields) Fields {
	f.Product = sanitize(f.Product, ProductSize)
	f.Version = sanitize(f.Version, VersionSize)
	f.Info = sanitize(f.Info, InfoSize)
	f.Hostname = sanitize(f.Hostname, HostnameSize)
	f.OS = sanitize(f.OS, OSSize)
	f.Device = sanitize(f.Device, DeviceSize)
	for i := range f.CPE {
		f.CPE[i] = sanitize(f.CPE[i], CPESize)
	}
	return f
}

func sanitize(s string, max int) string {
	s = cString(s) // the fields are C strings
	if len(s) > max {
		s = s[:max]
	}
	b := []byte(s)
	for i, c := range b {
		if c < 0x20 || c > 0x7e {
			b[i] = '.'
		}
	}
	return string(b)
}
