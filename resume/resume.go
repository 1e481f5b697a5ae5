// Package resume continues an interrupted scan (signet --resume FILE): it reads the scan's
// outputs back (command line, finished hosts) and cuts each to its last finished host.
//
// The unit of completion is the host: a host is done when every output file of the scan has
// its whole record (normal, grepable, XML) or its host line (JSON lines, whose port lines
// stream earlier). The writers write each record in one write(2) and do not buffer, so a
// SIGKILL leaves every file readable up to its last complete record; a record cut short (a
// full disk) is recognised and dropped.
package resume

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/result"
)

// Format is the kind of an output file.
type Format int

// Formats.
const (
	Normal    Format = iota + 1 // -oN
	Grepable                    // -oG
	XML                         // -oX
	JSONLines                   // -oJ
)

func (f Format) String() string {
	switch f {
	case Normal:
		return "normal"
	case Grepable:
		return "grepable"
	case XML:
		return "XML"
	case JSONLines:
		return "JSON lines"
	}
	return "?"
}

// Log is one output file of a scan, as an interrupted run left it.
type Log struct {
	Name   string
	Format Format
	// Args is the scan's command line, argv[0] first; Start is when the scan started (to
	// the second in the normal and grepable forms).
	Args  []string
	Start time.Time
	// Complete is set when the file ends with the record of a run that ended well: there is
	// nothing to resume.
	Complete bool
	// Hosts are the complete host records, in file order.
	Hosts []Host

	size int64
	segs []segment
}

// Host is one complete host record of a Log.
type Host struct {
	Addr netip.Addr
	Up   bool
}

// segment is a run of bytes of the file: a part of the header (kept), a host's record or
// line (kept when the host is done), or something to drop (a trailer, a record cut short).
type segment struct {
	off, end int64
	kind     segKind
	addr     netip.Addr
}

type segKind uint8

const (
	segHeader segKind = iota
	segHost
	segDrop
)

// maxLine bounds one line of an output file (a JSON line with large raw replies).
const maxLine = output.MaxJSONLine

// Read reads an output file of a signet scan; the format is told from its first line.
// Errors are "FILE:LINE: what is wrong".
func Read(name string) (*Log, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	l := &Log{Name: name, size: st.Size()}
	r := &lineReader{br: bufio.NewReaderSize(f, 64<<10), name: name}
	first, err := r.peek()
	switch {
	case err == io.EOF:
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	case err != nil:
		return nil, err
	case bytes.HasPrefix(first, []byte("<")):
		l.Format = XML
		err = l.readXML(r)
	case bytes.HasPrefix(first, []byte("{")):
		l.Format = JSONLines
		err = l.readJSON(r)
	case bytes.HasPrefix(first, []byte("# ")):
		err = l.readText(r)
	default:
		err = fmt.Errorf("%s:1: not a signet output file (normal, grepable, XML or JSON lines)", name)
	}
	if err != nil {
		return nil, err
	}
	return l, nil
}

// lineReader yields a file's lines with their offsets.
type lineReader struct {
	br   *bufio.Reader
	name string
	off  int64 // offset of the next line
	n    int   // number of the next line, from 1
	buf  []byte
	peeked,
	eof bool
}

func (r *lineReader) peek() ([]byte, error) {
	if !r.peeked {
		if err := r.read(); err != nil {
			return nil, err
		}
		r.peeked = true
	}
	return r.buf, nil
}

// next returns the next line with its "\n" (the last one may lack it), its offset and number.
func (r *lineReader) next() (line []byte, off int64, n int, err error) {
	if !r.peeked {
		if err := r.read(); err != nil {
			return nil, 0, 0, err
		}
	}
	r.peeked = false
	off, n = r.off, r.n+1
	r.off += int64(len(r.buf))
	r.n++
	return r.buf, off, n, nil
}

func (r *lineReader) read() error {
	if r.eof {
		return io.EOF
	}
	r.buf = r.buf[:0]
	for {
		chunk, err := r.br.ReadSlice('\n')
		if len(r.buf)+len(chunk) > maxLine {
			return fmt.Errorf("%s:%d: line longer than %d bytes", r.name, r.n+1, maxLine)
		}
		r.buf = append(r.buf, chunk...)
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			return nil
		case io.EOF:
			if len(r.buf) == 0 {
				r.eof = true
				return io.EOF
			}
			r.eof = true // the last line, without "\n"
			return nil
		default:
			return err
		}
	}
}

func (l *Log) add(off, end int64, kind segKind, addr netip.Addr) {
	l.segs = append(l.segs, segment{off: off, end: end, kind: kind, addr: addr})
}

// startRE is the first line of the normal and grepable files.
var startRE = regexp.MustCompile(`^# (\S+) (\S+) scan initiated (.{24}) as: (.*)\n$`)

// header reads the first line of a normal or grepable file.
func (l *Log) header(line []byte) error {
	m := startRE.FindSubmatch(line)
	if m == nil {
		return fmt.Errorf("%s:1: no \"# signet … scan initiated … as: …\" line: not the output of a signet scan", l.Name)
	}
	if string(m[1]) != "signet" {
		return fmt.Errorf("%s:1: the output of %s, not of signet: signet resumes its own scans", l.Name, m[1])
	}
	t, err := time.ParseInLocation("Mon Jan _2 15:04:05 2006", string(m[3]), time.Local)
	if err != nil {
		return fmt.Errorf("%s:1: start time %q: %v", l.Name, m[3], err)
	}
	args, err := output.SplitArgs(string(m[4]))
	if err != nil || len(args) == 0 {
		return fmt.Errorf("%s:1: command line: %v", l.Name, err)
	}
	l.Start, l.Args = t, args
	return nil
}

var (
	endRE    = regexp.MustCompile(`^# \S+ done at `)
	reportRE = regexp.MustCompile(`^Nmap scan report for (.*?)( \[host down.*\])?\n$`)
	hostRE   = regexp.MustCompile(`^Host: (\S+) \(.*?\)\t(Status|Ports|Protocols): `)
)

// readText reads a normal (-oN) or grepable (-oG) file; which is told by the first host line.
func (l *Log) readText(r *lineReader) error {
	line, _, _, _ := r.next()
	if err := l.header(line); err != nil {
		return err
	}
	l.add(0, int64(len(line)), segHeader, netip.Addr{})
	type record struct {
		off, end int64
		addr     netip.Addr
		up       bool
		lines    [][]byte
	}
	var rec *record
	close := func() {
		if rec == nil {
			return
		}
		c := rec
		rec = nil
		// A run that failed ends its normal output with "MESSAGE\nQUITTING!\n".
		end, n := c.end, len(c.lines)
		if l.Format == Normal && n >= 3 && string(c.lines[n-1]) == "QUITTING!\n" {
			end -= int64(len(c.lines[n-1]) + len(c.lines[n-2]))
			c.lines = c.lines[:n-2]
		}
		kind := segDrop
		if l.complete(c.lines, c.up) {
			kind = segHost
			l.Hosts = append(l.Hosts, Host{Addr: c.addr, Up: c.up})
		}
		l.add(c.off, end, kind, c.addr)
		if end < c.end {
			l.add(end, c.end, segDrop, netip.Addr{})
		}
	}
	for {
		line, off, n, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		end := off + int64(len(line))
		switch {
		case !bytes.HasSuffix(line, []byte("\n")): // the last line, cut short
			if rec != nil && l.complete(rec.lines, rec.up) {
				close() // the line starts what comes next
			}
			if rec != nil {
				rec.end = end
				rec.lines = append(rec.lines, clone(line)) // the record is not whole
			} else {
				l.add(off, end, segDrop, netip.Addr{})
			}
		case bytes.HasPrefix(line, []byte("# ")):
			close()
			switch {
			case endRE.Match(line):
				l.Complete = true
				l.add(off, end, segDrop, netip.Addr{})
			case bytes.Contains(line, []byte(" stopped at ")):
				l.add(off, end, segDrop, netip.Addr{}) // a failed run's closing line (grepable)
			default:
				l.add(off, end, segHeader, netip.Addr{}) // a resumed run's header, "# Ports scanned:"
			}
		case bytes.HasPrefix(line, []byte("Nmap scan report for ")) && l.Format != Grepable:
			close()
			l.Format = Normal
			m := reportRE.FindSubmatch(line)
			addr, ok := reportAddr(m)
			if !ok {
				return fmt.Errorf("%s:%d: no address in %q", l.Name, n, bytes.TrimSpace(line))
			}
			rec = &record{off: off, end: end, addr: addr, up: m[2] == nil, lines: [][]byte{clone(line)}}
		case hostRE.Match(line) && l.Format != Normal:
			l.Format = Grepable
			m := hostRE.FindSubmatch(line)
			addr, err := netip.ParseAddr(string(m[1]))
			if err != nil {
				return fmt.Errorf("%s:%d: address %q: %v", l.Name, n, m[1], err)
			}
			if rec == nil || rec.addr != addr || string(m[2]) == "Status" {
				close()
				rec = &record{off: off, addr: addr}
			}
			if string(m[2]) == "Status" {
				rec.up = bytes.Contains(line, []byte("\tStatus: Up"))
			}
			rec.end = end
			rec.lines = append(rec.lines, clone(line))
		case rec != nil && l.Format == Grepable:
			// A grepable record is its "Host:" lines: another line ends it and is kept
			// as it is (a blank line after a failed run's closing line, once that line
			// is cut, would otherwise join the record and leave it incomplete).
			close()
			l.add(off, end, segHeader, netip.Addr{})
		case rec != nil:
			rec.end = end
			rec.lines = append(rec.lines, clone(line))
		case string(line) == "QUITTING!\n" && len(l.segs) > 1:
			// A run that failed before its first host: drop the message line too.
			l.segs[len(l.segs)-1].kind = segDrop
			l.add(off, end, segDrop, netip.Addr{})
		default:
			l.add(off, end, segHeader, netip.Addr{}) // before the first host: -d's timing report
		}
	}
	close()
	if l.Format == 0 {
		l.Format = Normal // a header alone: the two forms are alike
	}
	return nil
}

func clone(b []byte) []byte { return append([]byte(nil), b...) }

// pingOnly reports whether a command line asks for host discovery only (-sn, -sP, or
// those letters among other scan types, "-snV" being refused by the scan anyway).
func pingOnly(args []string) bool {
	for _, a := range args {
		if strings.HasPrefix(a, "-s") && strings.ContainsAny(a[2:], "nP") {
			return true
		}
	}
	return false
}

// reportAddr is the address of "Nmap scan report for NAME (ADDR)" or "… for ADDR".
func reportAddr(m [][]byte) (netip.Addr, bool) {
	if m == nil {
		return netip.Addr{}, false
	}
	s := string(m[1])
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, " ("); i >= 0 {
			s = s[i+2 : len(s)-1]
		}
	}
	a, err := netip.ParseAddr(s)
	return a, err == nil
}

// complete reports whether a normal or grepable host record was written whole. Each record
// is written in one piece, so a record is cut short only by a full disk (or a kill during
// that one write(2)); this check keeps such a record from counting as done. A record that
// cannot be told from a cut one counts as not done: its host is scanned again, and nothing
// is written twice.
func (l *Log) complete(lines [][]byte, up bool) bool {
	if len(lines) == 0 || !bytes.HasSuffix(lines[len(lines)-1], []byte("\n")) {
		return false
	}
	if !up {
		return true
	}
	if l.Format == Grepable {
		// An up host of a port scan has a Ports line (a host with no port at all, which
		// has none, is scanned again: nothing is written twice).
		return pingOnly(l.Args) || bytes.Contains(lines[len(lines)-1], []byte("\tPorts: "))
	}
	if !pingOnly(l.Args) {
		// The blank line that ends the report, after a port table or a "Not shown" line (a
		// host with no port at all has neither, and is scanned again).
		if string(lines[len(lines)-1]) != "\n" {
			return false
		}
		for _, ln := range lines {
			if bytes.HasPrefix(ln, []byte("PORT ")) || bytes.HasPrefix(ln, []byte("Not shown: ")) {
				return true
			}
		}
		return false
	}
	for _, ln := range lines[1:] {
		if !bytes.HasPrefix(ln, []byte("Host is up")) && !bytes.HasPrefix(ln, []byte("rDNS record for ")) &&
			!bytes.HasPrefix(ln, []byte("MAC Address: ")) {
			return false
		}
	}
	return len(lines) >= 2
}

var (
	xmlAddrRE   = regexp.MustCompile(`<address addr="([^"]+)" addrtype="ipv[46]"`)
	xmlStatusRE = regexp.MustCompile(`<status state="(up|down)"`)
)

// readXML reads an XML (-oX) file: the header up to the first host, <host> elements, and
// the <runstats> trailer.
func (l *Log) readXML(r *lineReader) error {
	var head bytes.Buffer
	for {
		line, off, _, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if !bytes.HasSuffix(line, []byte("\n")) {
			l.add(off, off+int64(len(line)), segDrop, netip.Addr{}) // cut short
			break
		}
		if bytes.HasPrefix(line, []byte("<host")) || bytes.HasPrefix(line, []byte("<runstats>")) {
			r.peeked, r.off, r.n = true, off, r.n-1 // give the line back
			r.buf = line
			break
		}
		head.Write(line)
		l.add(off, off+int64(len(line)), segHeader, netip.Addr{})
	}
	if err := l.xmlHeader(head.Bytes()); err != nil {
		return err
	}
	var cur *segment
	var addr netip.Addr
	up := false
	for {
		line, off, n, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		end := off + int64(len(line))
		switch {
		case cur == nil && bytes.HasPrefix(line, []byte("<host")):
			l.add(off, end, segDrop, netip.Addr{})
			cur, addr, up = &l.segs[len(l.segs)-1], netip.Addr{}, false
		case cur == nil && bytes.HasPrefix(line, []byte("<runstats>")):
			rest := clone(line)
			for {
				more, _, _, err := r.next()
				if err != nil {
					break
				}
				rest = append(rest, more...)
				end += int64(len(more))
			}
			l.Complete = bytes.Contains(rest, []byte(`exit="success"`)) && bytes.Contains(rest, []byte("</nmaprun>"))
			l.add(off, end, segDrop, netip.Addr{})
			return nil
		case cur == nil:
			l.add(off, end, segDrop, netip.Addr{}) // a stray line: drop
			continue
		}
		cur.end = end
		if m := xmlAddrRE.FindSubmatch(line); m != nil && !addr.IsValid() {
			a, err := netip.ParseAddr(string(m[1]))
			if err != nil {
				return fmt.Errorf("%s:%d: address %q: %v", l.Name, n, m[1], err)
			}
			addr = a
		}
		if m := xmlStatusRE.FindSubmatch(line); m != nil {
			up = string(m[1]) == "up"
		}
		if bytes.HasSuffix(line, []byte("</host>\n")) {
			if addr.IsValid() {
				cur.kind, cur.addr = segHost, addr
				l.Hosts = append(l.Hosts, Host{Addr: addr, Up: up})
			}
			cur = nil
		}
	}
	return nil
}

// xmlHeader reads the command line and start time from the <nmaprun> start tag, and checks
// the leading comment that says signet wrote the file (its scanner attribute is nmap's name
// by default, for the DTD).
func (l *Log) xmlHeader(head []byte) error {
	if !bytes.Contains(head, []byte("<!-- signet ")) {
		return fmt.Errorf("%s:1: no \"<!-- signet … scan initiated\" comment: not the XML output of a signet scan", l.Name)
	}
	d := xml.NewDecoder(bytes.NewReader(head))
	for {
		tok, err := d.Token()
		if err != nil {
			return fmt.Errorf("%s: no <nmaprun> start tag in the header: %v", l.Name, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "nmaprun" {
			continue
		}
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "args":
				args, err := output.SplitArgs(a.Value)
				if err != nil {
					return fmt.Errorf("%s: nmaprun args: %v", l.Name, err)
				}
				l.Args = args
			case "start":
				sec, err := strconv.ParseInt(a.Value, 10, 64)
				if err != nil {
					return fmt.Errorf("%s: nmaprun start %q: %v", l.Name, a.Value, err)
				}
				l.Start = time.Unix(sec, 0)
			}
		}
		if len(l.Args) == 0 {
			return fmt.Errorf("%s: <nmaprun> has no args", l.Name)
		}
		return nil
	}
}

// readJSON reads a JSON lines (-oJ) file: the run line, port lines, host lines and the end
// line. A line cut short can only be the last one.
func (l *Log) readJSON(r *lineReader) error {
	for {
		line, off, n, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		end := off + int64(len(line))
		var rec struct {
			Record *string `json:"record"`
			Addr   string  `json:"addr"`
			Status string  `json:"status"`
			Exit   string  `json:"exit"`
		}
		if !bytes.HasSuffix(line, []byte("\n")) || json.Unmarshal(line, &rec) != nil {
			if !bytes.HasSuffix(line, []byte("\n")) || len(bytes.TrimSpace(line)) == 0 {
				l.add(off, end, segDrop, netip.Addr{}) // cut short, or blank
				continue
			}
			return fmt.Errorf("%s:%d: not a JSON line", l.Name, n)
		}
		kind := ""
		if rec.Record != nil {
			kind = *rec.Record
		}
		if n == 1 {
			if kind != output.RecordRun {
				return fmt.Errorf("%s:1: no run line (the command line) first: not signet's JSON lines, or written by a signet too old to resume", l.Name)
			}
			var run output.JSONRun
			if err := json.Unmarshal(line, &run); err != nil || len(run.Args) == 0 || run.Scanner != "signet" {
				return fmt.Errorf("%s:1: the run line has no command line of signet's", l.Name)
			}
			l.Args, l.Start = run.Args, run.Start
			l.add(off, end, segHeader, netip.Addr{})
			continue
		}
		switch kind {
		case "", output.RecordHost:
			a, err := netip.ParseAddr(rec.Addr)
			if err != nil {
				return fmt.Errorf("%s:%d: address %q: %v", l.Name, n, rec.Addr, err)
			}
			l.add(off, end, segHost, a)
			if kind == output.RecordHost {
				l.Hosts = append(l.Hosts, Host{Addr: a, Up: rec.Status == result.HostUp})
			}
		case output.RecordEnd:
			l.Complete = rec.Exit == result.ExitSuccess
			l.add(off, end, segDrop, netip.Addr{})
		default:
			l.add(off, end, segHeader, netip.Addr{}) // a record kind of a later signet: keep
		}
	}
	if len(l.Args) == 0 { // the run line itself was cut short
		return fmt.Errorf("%s:1: the run line (the command line) is incomplete: nothing to resume", l.Name)
	}
	return nil
}

// Done returns the hosts that every log has complete: the work a resumed scan skips.
func Done(logs ...*Log) map[netip.Addr]bool {
	if len(logs) == 0 {
		return map[netip.Addr]bool{}
	}
	count := map[netip.Addr]int{}
	for i, l := range logs {
		for _, h := range l.Hosts {
			if count[h.Addr] == i {
				count[h.Addr] = i + 1
			}
		}
	}
	done := map[netip.Addr]bool{}
	for a, n := range count {
		if n == len(logs) {
			done[a] = true
		}
	}
	return done
}

// Count returns how many of l's hosts in done were up and down: the hosts a resumed scan
// adds to its totals.
func (l *Log) Count(done map[netip.Addr]bool) (up, down int) {
	for _, h := range l.Hosts {
		if !done[h.Addr] {
			continue
		}
		if h.Up {
			up++
		} else {
			down++
		}
	}
	return up, down
}

// Cut leaves in the file its header and the records of the hosts in done, in order, and
// drops the rest: records of other hosts (the resumed scan writes them again), records cut
// short, the closing lines of a run that was stopped. The file is truncated when what stays
// is its beginning (the usual case), else rewritten through a new file renamed over it.
func (l *Log) Cut(done map[netip.Addr]bool) error {
	keep := func(s segment) bool {
		return s.kind == segHeader || s.kind == segHost && done[s.addr]
	}
	prefix := int64(0)
	for _, s := range l.segs {
		if !keep(s) {
			break
		}
		prefix = s.end
	}
	rest := false
	for _, s := range l.segs {
		if s.off >= prefix && keep(s) {
			rest = true
		}
	}
	if !rest {
		if err := os.Truncate(l.Name, prefix); err != nil {
			return err
		}
		l.size = prefix
		return nil
	}
	src, err := os.Open(l.Name)
	if err != nil {
		return err
	}
	defer src.Close()
	st, err := src.Stat()
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(l.Name), "."+filepath.Base(l.Name)+".resume-*")
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriterSize(tmp, 64<<10)
	for _, s := range l.segs {
		if !keep(s) {
			continue
		}
		if _, err := io.Copy(w, io.NewSectionReader(src, s.off, s.end-s.off)); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), l.Name); err != nil {
		return err
	}
	ok = true
	return nil
}

// Errors callers tell apart: a scan whose outputs say it ended well, and an empty file (an
// output the interrupted run had not begun to write).
var (
	ErrComplete = errors.New("the scan it records is complete: nothing to resume")
	ErrEmpty    = errors.New("empty file: no scan to resume")
)
