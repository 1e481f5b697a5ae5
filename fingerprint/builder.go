package fingerprint

import (
	"fmt"
	"time"
)

// Size limits of service_scan.cc: addToServiceFingerprint (F5).
const (
	RespLimit      = 900   // bytes of one response that are escaped
	DebugRespLimit = 1300  // the same with debugging (-d, --version-trace)
	SizeLimit      = 2200  // no entry is added once the fingerprint is longer
	DebugSizeLimit = 10000 // the same with debugging
)

const (
	wrapAt  = 74      // characters per line (F6)
	wrapSeq = "\nSF:" // inserted whenever len % 75 == 74
	fmtMax  = 127     // nmap formats the header and each "%r(name,len,\"" into char buf[128]
)

// Options control a Builder.
type Options struct {
	// Debug selects the limits nmap uses when debugging is on, which
	// --version-trace and -d turn on: 1300 bytes per response and 10000
	// characters instead of 900 and 2200 (F5).
	Debug bool
	// Now, if set, stamps the header when the first entry is added, as nmap
	// does: %D is its local month/day and %Time its Unix time. Without it
	// the header's Month, Day and Time are used as given.
	Now func() time.Time
}

// Builder records responses the way nmap 7.93 does (ServiceNFO::
// addToServiceFingerprint): it escapes each response as it is added, wraps
// the text as it grows and stops adding entries once the text is long
// enough, so String is byte-identical to nmap's fingerprint for the same
// responses in the same order.
type Builder struct {
	opts Options
	fp   Fingerprint // header, and the responses kept
	buf  []byte
}

// NewBuilder returns a Builder for a fingerprint with the header of hdr
// (its Responses are ignored).
func NewBuilder(hdr Fingerprint, opts Options) *Builder {
	hdr.Responses = nil
	return &Builder{opts: opts, fp: hdr}
}

// Add records the response data of probe (F1: call it for every probe that
// ended without a hard match and received data, in execution order). An
// empty response is ignored. Following F5, the entry is skipped when the
// fingerprint is already longer than the size limit (counting the inserted
// "\nSF:"), and otherwise written whole, with at most the first 900 (1300)
// bytes of data but the full length declared. Add reports whether the entry
// was written.
func (b *Builder) Add(probe string, data []byte) bool {
	if len(data) == 0 {
		return false
	}
	keep := RespLimit
	if b.opts.Debug {
		keep = DebugRespLimit
	}
	return b.add(probe, len(data), data[:min(len(data), keep)], true)
}

// Len is the current length of the text, without the final ';'.
func (b *Builder) Len() int { return len(b.buf) }

// String returns the fingerprint text with its terminating ';' (never
// wrapped), or "" when no entry has been written.
func (b *Builder) String() string {
	if len(b.buf) == 0 {
		return ""
	}
	return string(b.buf) + ";"
}

// Fingerprint returns the fingerprint as recorded: the header and the
// entries written, each with its declared length and the bytes kept.
func (b *Builder) Fingerprint() *Fingerprint {
	fp := b.fp
	fp.Responses = append([]Response(nil), b.fp.Responses...)
	return &fp
}

func (b *Builder) add(probe string, length int, data []byte, limit bool) bool {
	if limit {
		max := SizeLimit
		if b.opts.Debug {
			max = DebugSizeLimit
		}
		if len(b.buf) > max {
			return false
		}
	}
	if len(b.buf) == 0 {
		if b.opts.Now != nil {
			now := b.opts.Now()
			b.fp.Month, b.fp.Day = int(now.Month()), now.Day()
			b.fp.Time = uint32(now.Unix())
		}
		b.putString(header(&b.fp))
	}
	b.putString(clip(fmt.Sprintf("%%r(%s,%X,\"", probe, length)))
	for i, c := range data {
		switch {
		case isAlnum(c):
			b.put(c)
		case c == 0:
			// \0 followed by a digit would read as an octal escape, so nmap
			// writes \x00 when the next byte kept is a digit.
			if i+1 < len(data) && isDigit(data[i+1]) {
				b.putString(`\x00`)
			} else {
				b.putString(`\0`)
			}
		case isMeta(c):
			b.put('\\')
			b.put(c)
		case isPunct(c):
			b.put(c)
		case c == '\r':
			b.putString(`\r`)
		case c == '\n':
			b.putString(`\n`)
		case c == '\t':
			b.putString(`\t`)
		default:
			b.put('\\')
			b.put('x')
			b.put(hexLower[c>>4])
			b.put(hexLower[c&15])
		}
	}
	b.put('"')
	b.put(')')
	b.fp.Responses = append(b.fp.Responses, Response{Probe: probe, Length: length, Data: append([]byte(nil), data...)})
	return true
}

// header formats the F2 header as nmap writes it.
func header(f *Fingerprint) string { return clip(fullHeader(f)) }

func fullHeader(f *Fingerprint) string {
	proto := f.Proto
	if proto == "" {
		proto = "TCP"
	}
	ssl := ""
	if f.SSL {
		ssl = "%T=SSL"
	}
	return fmt.Sprintf("SF-Port%d-%s:V=%s%s%%I=%d%%D=%d/%d%%Time=%X%%P=%s",
		uint16(f.Port), proto, f.Version, ssl, f.Intensity, f.Month, f.Day, f.Time, f.Platform)
}

// clip truncates s the way Snprintf into a 128-byte buffer does.
func clip(s string) string {
	if len(s) > fmtMax {
		return s[:fmtMax]
	}
	return s
}

// put appends one character, first inserting "\nSF:" when the text is at
// a line end (F6, addServiceChar).
func (b *Builder) put(c byte) {
	if len(b.buf)%(wrapAt+1) == wrapAt {
		b.buf = append(b.buf, wrapSeq...)
	}
	b.buf = append(b.buf, c)
}

func (b *Builder) putString(s string) {
	for i := 0; i < len(s); i++ {
		b.put(s[i])
	}
}

const hexLower = "0123456789abcdef"

// C-locale character classes (F4).
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlnum(c byte) bool { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'z') }
func isPunct(c byte) bool { return c > 0x20 && c < 0x7f && !isAlnum(c) }

// isMeta reports the 13 bytes nmap escapes with a backslash (F4.3).
func isMeta(c byte) bool {
	switch c {
	case '\\', '?', '"', '[', ']', '(', ')', '.', '*', '+', '$', '^', '|':
		return true
	}
	return false
}
