package output

import (
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/signetscan/signet/result"
)

// XMLOutputVersion is the xmloutputversion nmap 7.93 writes.
const XMLOutputVersion = "1.05"

// XML writes nmap's XML output (-oX) with nmap 7.93's element order, line
// breaks and escaping, so that nmap's DTD, nmap.xsl and tools such as ndiff
// read it. The one deliberate difference is scanner="signet" (Run.Scanner),
// which nmap.dtd's enumeration (nmap) does not list; set Run.Scanner to
// "nmap" where a validating consumer insists.
//
// The document is complete after End, whether the run succeeded or not;
// each host is written and flushed as one piece.
type XML struct {
	sink
	// Stylesheet, when set, is written as an xml-stylesheet processing
	// instruction (nmap points at its nmap.xsl).
	Stylesheet string

	run          *result.Run
	begun, ended bool

	// Continue, set before Begin, continues a document an interrupted run of the same scan
	// left (signet --resume), cut after its last complete host: Begin writes nothing, and
	// the hosts and End complete the one <nmaprun> element.
	Continue bool
}

// NewXML returns an XML writer to w.
func NewXML(w io.Writer) *XML { return &XML{sink: sink{w: w}} }

// ErrEnded is returned by a writer called after End.
var ErrEnded = errors.New("output: writer already ended")

// Begin writes the prologue, the <nmaprun> start tag, <scaninfo>,
// <verbose> and <debugging>.
func (x *XML) Begin(run *result.Run) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.begin(run)
}

func (x *XML) begin(run *result.Run) error {
	if x.begun {
		return errors.New("output: XML Begin called twice")
	}
	x.begun = true
	run = withStart(run)
	x.run = run
	if x.Continue {
		return nil
	}
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n")
	if x.Stylesheet != "" {
		b.WriteString("<?xml-stylesheet")
		attr(&b, "href", x.Stylesheet)
		attr(&b, "type", "text/xsl")
		b.WriteString("?>\n")
	}
	name := scannerName(run)
	args := joinArgs(run.Args)
	b.WriteString("<!--" + xmlEscape(" "+name+" "+run.Version+" scan initiated "+ctime(run.Start)+" as: "+args+" ") + "-->\n")
	b.WriteString("<nmaprun")
	if run != nil && run.XMLScanner != "" {
		attr(&b, "scanner", run.XMLScanner)
	} else {
		attr(&b, "scanner", name)
	}
	if len(run.Args) > 0 {
		attr(&b, "args", args)
	}
	if !run.Start.IsZero() {
		attr(&b, "start", strconv.FormatInt(run.Start.Unix(), 10))
		attr(&b, "startstr", ctime(run.Start))
	}
	attr(&b, "version", run.Version)
	attr(&b, "xmloutputversion", XMLOutputVersion)
	b.WriteString(">\n")
	for _, s := range run.Scans {
		b.WriteString("<scaninfo")
		attr(&b, "type", s.Type)
		attr(&b, "protocol", s.Proto)
		attr(&b, "numservices", strconv.Itoa(len(s.Ports)))
		attr(&b, "services", rangeList(s.Ports))
		b.WriteString("/>\n")
	}
	b.WriteString("<verbose level=\"" + strconv.Itoa(run.Verbose) + "\"/>\n")
	b.WriteString("<debugging level=\"" + strconv.Itoa(run.Debugging) + "\"/>\n")
	return x.emit([]byte(b.String()))
}

// Host writes one <host> element.
func (x *XML) Host(h *result.Host) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.ended {
		return ErrEnded
	}
	if !x.begun {
		return errors.New("output: XML Host called before Begin")
	}
	if !shown(x.run, h) || h.Incomplete {
		return nil // a file holds finished hosts only (result.Host.Incomplete)
	}
	return x.emit([]byte(HostXML(h)))
}

// End writes <runstats> and closes <nmaprun>. With Exit "error" it adds
// errormsg, as nmap does when it quits on an error. A second End does
// nothing, so End may be deferred as well as called. End before Begin
// writes a complete (empty) document.
func (x *XML) End(end *result.RunEnd) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.ended {
		return nil
	}
	if !x.begun {
		if err := x.begin(&result.Run{}); err != nil {
			return err
		}
	}
	x.ended = true
	e := endWithElapsed(x.run, end)
	name := scannerName(x.run)
	var b strings.Builder
	b.WriteString("<runstats><finished")
	attr(&b, "time", strconv.FormatInt(e.Time.Unix(), 10))
	attr(&b, "timestr", ctime(e.Time))
	attr(&b, "summary", name+" done at "+ctime(e.Time)+"; "+e.Summary())
	attr(&b, "elapsed", seconds(e.Elapsed))
	if e.Failed() {
		attr(&b, "exit", result.ExitError)
		attr(&b, "errormsg", e.ErrorMsg)
	} else {
		attr(&b, "exit", result.ExitSuccess)
	}
	b.WriteString("/><hosts")
	down := e.HostsDown
	if down == 0 && e.HostsTotal > e.HostsUp {
		down = e.HostsTotal - e.HostsUp
	}
	attr(&b, "up", strconv.Itoa(e.HostsUp))
	attr(&b, "down", strconv.Itoa(down))
	attr(&b, "total", strconv.Itoa(e.HostsTotal))
	b.WriteString("/>\n</runstats>\n</nmaprun>\n")
	return x.emit([]byte(b.String()))
}

// HostXML is one <host> element with its trailing newline, laid out as
// nmap 7.93 writes it.
func HostXML(h *result.Host) string {
	var b strings.Builder
	up := h.Status != result.HostDown
	b.WriteString("<host")
	if up && !h.Start.IsZero() {
		attr(&b, "starttime", strconv.FormatInt(h.Start.Unix(), 10))
		attr(&b, "endtime", strconv.FormatInt(h.End.Unix(), 10))
	}
	b.WriteString("><status")
	status := h.Status
	if status == "" {
		status = result.HostUp
	}
	attr(&b, "state", status)
	attr(&b, "reason", reasonOr(h.Reason))
	attr(&b, "reason_ttl", strconv.Itoa(h.ReasonTTL))
	b.WriteString("/>\n<address")
	attr(&b, "addr", h.Addr)
	attr(&b, "addrtype", h.Family())
	b.WriteString("/>\n")
	if h.MAC != "" {
		b.WriteString("<address")
		attr(&b, "addr", h.MAC)
		attr(&b, "addrtype", "mac")
		optAttr(&b, "vendor", h.MACVendor)
		b.WriteString("/>\n")
	}
	if h.TargetName != "" || h.Hostname != "" || up {
		b.WriteString("<hostnames>\n")
		if h.TargetName != "" {
			b.WriteString("<hostname")
			attr(&b, "name", h.TargetName)
			attr(&b, "type", "user")
			b.WriteString("/>\n")
		}
		if h.Hostname != "" {
			b.WriteString("<hostname")
			attr(&b, "name", h.Hostname)
			attr(&b, "type", "PTR")
			b.WriteString("/>\n")
		}
		b.WriteString("</hostnames>\n")
	}
	if up && (len(h.Ports) > 0 || len(h.Extra) > 0) {
		b.WriteString("<ports>")
		for _, e := range h.Extra {
			b.WriteString("<extraports")
			attr(&b, "state", e.State)
			attr(&b, "count", strconv.Itoa(e.Count))
			b.WriteString(">\n")
			for _, r := range e.Reasons {
				if r.Count == 0 {
					continue
				}
				b.WriteString("<extrareasons")
				attr(&b, "reason", reasonOr(r.Reason))
				attr(&b, "count", strconv.Itoa(r.Count))
				attr(&b, "proto", r.Proto)
				optAttr(&b, "ports", rangeList(r.Ports))
				b.WriteString("/>\n")
			}
			b.WriteString("</extraports>\n")
		}
		for _, p := range h.Ports {
			b.WriteString(PortXML(p))
			b.WriteString("\n")
		}
		b.WriteString("</ports>\n")
	}
	if t := h.Times; t != nil && up {
		b.WriteString("<times")
		attr(&b, "srtt", strconv.FormatInt(t.SRTT.Microseconds(), 10))
		attr(&b, "rttvar", strconv.FormatInt(t.RTTVar.Microseconds(), 10))
		attr(&b, "to", strconv.FormatInt(t.Timeout.Microseconds(), 10))
		b.WriteString("/>\n")
	}
	b.WriteString("</host>\n")
	return b.String()
}

// PortXML is one <port> element (O6), without a newline.
func PortXML(p *result.Port) string {
	var b strings.Builder
	b.WriteString("<port")
	attr(&b, "protocol", p.Proto)
	attr(&b, "portid", strconv.Itoa(p.Number))
	b.WriteString("><state")
	attr(&b, "state", p.State)
	attr(&b, "reason", reasonOr(p.Reason))
	attr(&b, "reason_ttl", strconv.Itoa(p.ReasonTTL))
	b.WriteString("/>")
	if hasService(p) {
		s := p.Service
		b.WriteString("<service")
		attr(&b, "name", serviceNameOr(s.Name))
		optAttr(&b, "product", s.Product)
		optAttr(&b, "version", s.Version)
		optAttr(&b, "extrainfo", s.Info)
		optAttr(&b, "hostname", s.Hostname)
		optAttr(&b, "ostype", s.OS)
		optAttr(&b, "devicetype", s.Device)
		optAttr(&b, "servicefp", ServiceFP(s.Fingerprint))
		if s.Tunnel == "ssl" {
			attr(&b, "tunnel", "ssl")
		}
		attr(&b, "method", methodOr(s.Method))
		attr(&b, "conf", strconv.Itoa(s.Conf))
		cpes := sortedCPE(s.CPE)
		if len(cpes) == 0 {
			b.WriteString("/>")
		} else {
			b.WriteString(">")
			for _, c := range cpes {
				b.WriteString("<cpe>" + xmlEscape(c) + "</cpe>")
			}
			b.WriteString("</service>")
		}
	}
	b.WriteString("</port>")
	return b.String()
}

// ServiceFP is the fingerprint as XML and JSON carry it: one line, every
// "\nSF:" removed (O6, F7).
func ServiceFP(fp string) string { return strings.ReplaceAll(fp, "\nSF:", "") }

func serviceNameOr(n string) string {
	if n == "" {
		return "unknown"
	}
	return n
}

func methodOr(m string) string {
	if m == "" {
		return result.MethodTable
	}
	return m
}

// sortedCPE puts CPEs in nmap's slot order a, h, o (O6), keeping the order
// within a part.
func sortedCPE(cpes []string) []string {
	if len(cpes) < 2 {
		return cpes
	}
	out := append([]string(nil), cpes...)
	part := func(c string) int {
		switch {
		case strings.HasPrefix(c, "cpe:/a"):
			return 0
		case strings.HasPrefix(c, "cpe:/h"):
			return 1
		case strings.HasPrefix(c, "cpe:/o"):
			return 2
		}
		return 3
	}
	sort.SliceStable(out, func(i, j int) bool { return part(out[i]) < part(out[j]) })
	return out
}

func attr(b *strings.Builder, name, value string) {
	b.WriteString(" " + name + "=\"" + xmlEscape(value) + "\"")
}

func optAttr(b *strings.Builder, name, value string) {
	if value != "" {
		attr(b, name, value)
	}
}

// xmlEscape escapes s the way nmap's xml.cc does, byte by byte: the five
// predefined entities, "-&#45;" for the second of two dashes (so comments
// stay valid), and &#xNN; for tab, newline, carriage return and bytes
// above 0x7F. Other control bytes, which XML 1.0 cannot carry even as
// references (nmap writes them anyway, making the file unreadable), become
// '.', the character nmap puts for them in version fields.
func xmlEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '<':
			b.WriteString("&lt;")
		case c == '>':
			b.WriteString("&gt;")
		case c == '&':
			b.WriteString("&amp;")
		case c == '"':
			b.WriteString("&quot;")
		case c == '\'':
			b.WriteString("&apos;")
		case c == '-' && i > 0 && s[i-1] == '-':
			b.WriteString("&#45;")
		case c == '\t' || c == '\n' || c == '\r' || c > 0x7f:
			b.WriteString("&#x" + strconv.FormatUint(uint64(c), 16) + ";")
		case c < 0x20:
			b.WriteByte('.')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
