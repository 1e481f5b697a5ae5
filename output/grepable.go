package output

import (
	"io"
	"strconv"
	"strings"

	"github.com/signetscan/signet/result"
)

// Grepable writes nmap's grepable output (-oG): a "# signet … scan
// initiated" comment, per host a "Status" line and a "Ports" line (O7), and
// a closing comment. A run that failed closes with "# signet stopped at …
// (message) -- …" instead of "done", so a reader can tell the two apart
// (nmap writes no closing line then).
type Grepable struct {
	sink
	run *result.Run

	// Continue, set before Begin, continues a file an interrupted run left (signet
	// --resume), as Normal's Continue does: Begin writes a second header with Run.Resumed's
	// time and command line.
	Continue bool
}

// NewGrepable returns a grepable-output writer to w.
func NewGrepable(w io.Writer) *Grepable {
	return &Grepable{sink: sink{w: w}, run: &result.Run{}}
}

// Begin writes the opening comment, and with -v the scanned ports.
func (g *Grepable) Begin(run *result.Run) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	run = withStart(run)
	g.run = run
	var b strings.Builder
	start, args := run.Start, run.Args
	if r := run.Resumed; r != nil && g.Continue {
		start, args = r.Start, r.Args
	}
	b.WriteString(startLine(run, start, args))
	if run.Verbose > 0 {
		lists := map[string][]int{}
		for _, s := range run.Scans {
			if _, ok := lists[s.Proto]; !ok {
				lists[s.Proto] = s.Ports
			}
		}
		b.WriteString("# Ports scanned: ")
		for i, p := range []struct{ label, proto string }{{"TCP", "tcp"}, {"UDP", "udp"}, {"SCTP", "sctp"}, {"PROTOCOLS", "ip"}} {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(p.label + "(" + strconv.Itoa(len(lists[p.proto])) + ";" + rangeList(lists[p.proto]) + ")")
		}
		b.WriteString("\n")
	}
	return g.emit([]byte(b.String()))
}

// Host writes the host's lines.
func (g *Grepable) Host(h *result.Host) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !shown(g.run, h) || h.Incomplete {
		return nil // a file holds finished hosts only (result.Host.Incomplete)
	}
	return g.emit([]byte(HostGrepable(g.run, h)))
}

// End writes the closing comment.
func (g *Grepable) End(end *result.RunEnd) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	e := endWithElapsed(g.run, end)
	name := scannerName(g.run)
	line := "# " + name + " done at " + ctime(e.Time) + " -- " + e.Summary() + "\n"
	if e.Failed() {
		line = "# " + name + " stopped at " + ctime(e.Time) + " (" + e.ErrorMsg + ") -- " + e.Summary() + "\n"
	}
	return g.emit([]byte(line))
}

// HostGrepable is one host's grepable lines:
//
//	Host: 127.0.0.1 ()	Status: Up
//	Host: 127.0.0.1 ()	Ports: 22/open/tcp//ssh//OpenSSH 8.9p1/	Ignored State: closed (999)
//
// The name in parentheses is the reverse-DNS name. "Ignored State" is
// written only when exactly one state was left out, as in nmap.
func HostGrepable(run *result.Run, h *result.Host) string {
	id := "Host: " + h.Addr + " (" + h.Hostname + ")"
	if h.Status == result.HostDown {
		return id + "\tStatus: Down\n"
	}
	var b strings.Builder
	b.WriteString(id + "\tStatus: Up\n")
	if len(h.Ports) == 0 && len(h.Extra) == 0 {
		return b.String()
	}
	b.WriteString(id + "\tPorts: ")
	for i, p := range h.Ports {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(GrepablePort(p, run.VersionScan))
	}
	if len(h.Extra) == 1 && h.Extra[0].Count > 0 {
		b.WriteString("\tIgnored State: " + h.Extra[0].State + " (" + strconv.Itoa(h.Extra[0].Count) + ")")
	}
	b.WriteString("\n")
	return b.String()
}

// GrepablePort is one port's entry (O7): PORT/STATE/PROTO//SERVICE//VERSION/
// with every "/" in SERVICE and VERSION turned into "|", and SERVICE empty
// when the port has no name, fingerprint or tunnel.
func GrepablePort(p *result.Port, versionScan bool) string {
	svc, vers := "", ""
	if hasService(p) {
		svc = strings.ReplaceAll(ServiceName(p, versionScan), "/", "|")
	}
	if s := p.Service; s != nil {
		vers = strings.ReplaceAll(VersionString(s.Product, s.Version, s.Info), "/", "|")
	}
	return strconv.Itoa(p.Number) + "/" + p.State + "/" + p.Proto + "//" + svc + "//" + vers + "/"
}
