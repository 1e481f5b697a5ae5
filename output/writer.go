package output

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/signetscan/signet/result"
)

// Writer is one output format. The scanner calls Begin once, Host once per
// finished host, and End once — also when the run is cut short (End with
// Exit "error"), so that every file is complete. Each call writes whole
// lines or elements in one Write and flushes the destination when it has a
// Flush method (a bufio.Writer, say), so a file is readable up
// to the last finished host even if the process dies later.
//
// The writers in this package are safe for concurrent use.
type Writer interface {
	Begin(run *result.Run) error
	Host(h *result.Host) error
	End(end *result.RunEnd) error
}

// PortWriter is implemented by writers that stream each port as soon as
// its service detection finishes, before the host is done (JSON lines).
// The host carries what is known so far (address, names); its Ports need
// not hold p yet.
type PortWriter interface {
	Port(h *result.Host, p *result.Port) error
}

// PortFunc adapts a function to PortWriter, like http.HandlerFunc. It is a
// Writer too, whose Begin, Host and End do nothing, so that it can join a
// Multi (say, to print progress as ports finish).
type PortFunc func(h *result.Host, p *result.Port) error

// Port calls f(h, p).
func (f PortFunc) Port(h *result.Host, p *result.Port) error { return f(h, p) }

// Begin does nothing.
func (f PortFunc) Begin(*result.Run) error { return nil }

// Host does nothing.
func (f PortFunc) Host(*result.Host) error { return nil }

// End does nothing.
func (f PortFunc) End(*result.RunEnd) error { return nil }

// Multi fans every call out to all writers, in order, the way io.MultiWriter
// does for bytes. Unlike io.MultiWriter it does not stop at the first error:
// every writer gets every call (so each one can close its file properly),
// and the errors are joined. Port goes to the writers that implement
// PortWriter.
func Multi(ws ...Writer) *MultiWriter {
	m := &MultiWriter{writers: ws}
	for _, w := range ws {
		if x, ok := w.(PortWriter); ok {
			m.ports = append(m.ports, x)
		}
	}
	return m
}

// MultiWriter is the Writer and PortWriter that Multi returns.
type MultiWriter struct {
	writers []Writer
	ports   []PortWriter
}

// Begin calls Begin on every writer.
func (m *MultiWriter) Begin(run *result.Run) error {
	var errs []error
	for _, w := range m.writers {
		errs = append(errs, w.Begin(run))
	}
	return errors.Join(errs...)
}

// Host calls Host on every writer.
func (m *MultiWriter) Host(h *result.Host) error {
	var errs []error
	for _, w := range m.writers {
		errs = append(errs, w.Host(h))
	}
	return errors.Join(errs...)
}

// End calls End on every writer.
func (m *MultiWriter) End(end *result.RunEnd) error {
	var errs []error
	for _, w := range m.writers {
		errs = append(errs, w.End(end))
	}
	return errors.Join(errs...)
}

// Port calls Port on every writer that streams ports.
func (m *MultiWriter) Port(h *result.Host, p *result.Port) error {
	var errs []error
	for _, w := range m.ports {
		errs = append(errs, w.Port(h, p))
	}
	return errors.Join(errs...)
}

// sink is the part every writer shares: a destination, a lock, and the
// write-then-flush step.
type sink struct {
	mu sync.Mutex
	w  io.Writer
}

// emit writes b in one Write call and flushes the destination when it can
// be flushed (bufio.Writer and the like). It does not fsync files.
func (s *sink) emit(b []byte) error {
	if len(b) > 0 {
		if _, err := s.w.Write(b); err != nil {
			return err
		}
	}
	if f, ok := s.w.(interface{ Flush() error }); ok {
		return f.Flush()
	}
	return nil
}

// ProjectURL is where signet lives; the normal output's header and closing
// remark point there instead of nmap.org.
const ProjectURL = "https://github.com/signetscan/signet"

// IssuesURL is where users report wrong results (signet's counterpart of
// nmap's https://nmap.org/submit/).
const IssuesURL = ProjectURL + "/issues"

// FingerprintSubmitURL is nmap's page for new service fingerprints. The
// unrecognised-services block (O4) keeps nmap's text byte for byte, URL
// included: tools parse it, and the fingerprints are in nmap's format for
// nmap's database, which is the one signet reads by default.
const FingerprintSubmitURL = "https://nmap.org/cgi-bin/submit.cgi?new-service"

func scannerName(run *result.Run) string {
	if run == nil || run.Scanner == "" {
		return "signet"
	}
	return run.Scanner
}

// ctime formats t like C's ctime() without the newline, in t's location:
// "Wed Nov 25 19:14:11 2026".
func ctime(t time.Time) string { return t.Format("Mon Jan _2 15:04:05 2006") }

// seconds formats a duration like nmap's "%.2f".
func seconds(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', 2, 64) }

// elapsed is end.Elapsed, or the time from the run's start to end.Time.
func elapsed(run *result.Run, end *result.RunEnd) time.Duration {
	if end.Elapsed != 0 || run == nil || run.Start.IsZero() || end.Time.IsZero() {
		return end.Elapsed
	}
	return end.Time.Sub(run.Start)
}

// endWithElapsed returns end with Time (now when unset) and Elapsed
// filled in.
func endWithElapsed(run *result.Run, end *result.RunEnd) *result.RunEnd {
	e := *end
	if e.Time.IsZero() {
		e.Time = time.Now()
	}
	e.Elapsed = elapsed(run, &e)
	return &e
}

// withStart returns run, or a copy starting now when its Start is unset.
func withStart(run *result.Run) *result.Run {
	if run == nil {
		run = &result.Run{}
	}
	if run.Start.IsZero() {
		r := *run
		r.Start = time.Now()
		return &r
	}
	return run
}

// joinArgs joins argv the way nmap's join_quoted does: an argument with
// white space is put in double quotes, and `"` and `\` are backslashed.
func joinArgs(args []string) string {
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteByte(' ')
		}
		var q strings.Builder
		space := false
		for j := 0; j < len(a); j++ {
			c := a[j]
			if c == ' ' || (c >= '\t' && c <= '\r') {
				space = true
			}
			if c == '"' || c == '\\' {
				q.WriteByte('\\')
			}
			q.WriteByte(c)
		}
		if space {
			b.WriteByte('"')
			b.WriteString(q.String())
			b.WriteByte('"')
		} else {
			b.WriteString(q.String())
		}
	}
	return b.String()
}

// rangeList writes ascending ports as nmap does: "22,80-85,443".
func rangeList(ports []int) string {
	var b strings.Builder
	for i := 0; i < len(ports); {
		j := i
		for j+1 < len(ports) && ports[j+1] == ports[j]+1 {
			j++
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(ports[i]))
		if j > i {
			b.WriteByte('-')
			b.WriteString(strconv.Itoa(ports[j]))
		}
		i = j + 1
	}
	return b.String()
}

// hostNameIP is nmap's Target::NameIP: "name (ip)" with the user's name,
// else the reverse-DNS name, else the address alone.
func hostNameIP(h *result.Host) string {
	switch {
	case h.TargetName != "":
		return h.TargetName + " (" + h.Addr + ")"
	case h.Hostname != "":
		return h.Hostname + " (" + h.Addr + ")"
	}
	return h.Addr
}

// hasService reports whether a port gets a service: an XML <service>
// element, a grepable SERVICE field (O6, O7).
func hasService(p *result.Port) bool {
	s := p.Service
	return s != nil && (s.Name != "" || s.Fingerprint != "" || s.Tunnel != "")
}

// shown reports whether a host is written at all: up hosts always, down
// hosts only with -v (nmap.cc).
func shown(run *result.Run, h *result.Host) bool {
	return h.Status != result.HostDown || verbosity(run) > 0
}

// verbosity is nmap's verbose level: -d raises it as -v does.
func verbosity(run *result.Run) int {
	if run == nil {
		return 0
	}
	return max(run.Verbose, run.Debugging)
}

// showReason reports whether the normal output gives reasons: --reason, -vv or -d.
func showReason(run *result.Run) bool {
	return run.Reason || run.Verbose > 1 || run.Debugging > 0
}
