package probes

import (
	"time"

	"github.com/signetscan/signet/diag"
	"github.com/signetscan/signet/pcre"
	"github.com/signetscan/signet/portspec"
)

// Protocol is the transport a probe is sent over. It is portspec.Protocol (signet's one
// protocol type), named here so that the signature model reads on its own.
type Protocol = portspec.Protocol

// The protocols a Probe line names.
const (
	TCP = portspec.TCP
	UDP = portspec.UDP
)

// Defaults from nmap's service_scan.h.
const (
	DefaultRarity     = 5
	DefaultTotalWait  = 5000 * time.Millisecond
	DefaultTCPWrapped = 2000 * time.Millisecond
)

// DB is a parsed signature file, or several merged (a main file plus overlays).
type DB struct {
	Files   []string  // the files read, main file first
	Exclude *PortSpec // the Exclude directive, nil if absent
	Null    *Probe    // the NULL probe (empty payload), nil if absent
	Probes  []*Probe  // every non-NULL probe, in file order

	// Warnings are findings that do not stop nmap's format from loading:
	// lines signet accepts but nmap 7.93 would refuse (a CRLF blank line, an
	// indented comment), patterns nmap accepts that are suspicious, etc.
	Warnings diag.ErrorList
}

// Probe is one Probe directive and the lines that follow it.
type Probe struct {
	Pos       diag.Pos // the 'P' of "Probe"
	Protocol  Protocol
	Name      string
	Payload   []byte // decoded q|...| string (P7)
	RawString string // the q|...| text as written, without q and delimiters
	Text      string // the whole Probe directive line as written
	NoPayload bool   // trailing no-payload option (7.94+)

	Ports    PortSet // ports directive(s), plain connections
	SSLPorts PortSet // sslports directive(s), inside an SSL tunnel

	Rarity     int           // 1..9, DefaultRarity when absent
	TotalWait  time.Duration // totalwaitms, DefaultTotalWait when absent
	TCPWrapped time.Duration // tcpwrappedms, DefaultTCPWrapped when absent

	FallbackNames []string // fallback directive, as written (P11)
	FallbackPos   diag.Pos // position of the fallback directive
	fallbackCols  []int    // column of each of FallbackNames

	// Chain is the compiled fallback chain used for matching (P12):
	// itself, its fallbacks, and for TCP the NULL probe. Filled by Resolve.
	Chain []*Probe

	Matches []*Match // match and softmatch lines, in file order (overlay lines first)

	// Detectable is the set of service names of this probe's own lines (P13, S5).
	// Filled by Resolve.
	Detectable map[string]bool

	// Which directives this file gave explicitly (Merge lets an overlay's
	// replace the main file's), and how many overlay lines lead Matches.
	raritySet, waitSet, wrappedSet bool
	nOverlay                       int
}

// IsNull reports whether p is the NULL probe (empty payload, P6).
func (p *Probe) IsNull() bool { return len(p.Payload) == 0 }

// Match is one match or softmatch line.
type Match struct {
	Pos     diag.Pos // the first byte of the line
	Probe   *Probe
	Soft    bool
	Service string

	Pattern    string   // regex source between the delimiters
	PatternPos diag.Pos // position of the first byte of the pattern
	Flags      pcre.Flags
	Regex      pcre.Regex // compiled pattern; nil if it failed to compile (an error was reported)

	Templates Templates
}

// Templates are the version fields of a match line (M4).
type Templates struct {
	Product, Version, Info, Hostname, OS, Device *Template
	CPE                                          []*Template // in line order; routed by part a/h/o at match time (M5)
}

// Template is one version-field template as written, e.g. the "OpenSSH $1"
// of p/OpenSSH $1/. For CPE, Text is "cpe:/" followed by the value (M5).
type Template struct {
	Text  string
	Pos   diag.Pos // position of the mode letter(s)
	Flags string
}

// PortSpec is a port list in nmap's -p grammar, as in the Exclude directive (P5).
type PortSpec struct {
	Pos   diag.Pos
	Text  string
	TCP   PortSet // ports with T: or without a prefix
	UDP   PortSet // ports with U: or without a prefix
	SCTP  PortSet // ports with S:
	Proto PortSet // IP protocol numbers with P: (no effect on version detection)
}

// PortSet is a set of ports stored as sorted, non-overlapping ranges.
type PortSet []PortRange

// PortRange is an inclusive range of ports.
type PortRange struct{ Lo, Hi uint16 }

// Contains reports whether port is in the set.
func (s PortSet) Contains(port int) bool {
	for _, r := range s {
		if port >= int(r.Lo) && port <= int(r.Hi) {
			return true
		}
	}
	return false
}
