package output

import (
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/signetscan/signet/result"
)

// NormalStyle chooses between the two shapes of nmap's normal output.
type NormalStyle int

const (
	// Interactive is what nmap prints on the terminal: "Starting signet …"
	// first and "signet done: …" last.
	Interactive NormalStyle = iota
	// LogFile is the -oN file: "# signet … scan initiated … as: …" first
	// and "# signet done at … -- …" last.
	LogFile
)

// Normal writes nmap 7.93's normal output. Lines that tools parse keep
// nmap's words ("Nmap scan report for", "Host is up", "Not shown:", the
// port table, the unrecognised-services block, "Service Info:"); the lines
// that name the program (header, closing remark, done line) name signet and
// point to signet's pages.
type Normal struct {
	sink
	style NormalStyle
	run   *result.Run

	// Continue, set before Begin, continues a file that an interrupted run of the same scan
	// left (signet --resume): Begin writes nmap 7.93's line for a resumed scan, a second
	// "# … scan initiated … as: signet --resume FILE" header with Run.Resumed's time and
	// command line, and the hosts follow the ones already there.
	Continue bool
}

// NewNormal returns a normal-output writer to w.
func NewNormal(w io.Writer, style NormalStyle) *Normal {
	return &Normal{sink: sink{w: w}, style: style, run: &result.Run{}}
}

// Begin writes the header line.
func (n *Normal) Begin(run *result.Run) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	run = withStart(run)
	n.run = run
	var b strings.Builder
	name := scannerName(run)
	start, args := run.Start, run.Args
	if r := run.Resumed; r != nil && (n.Continue || n.style == Interactive) {
		start, args = r.Start, r.Args
	}
	if n.style == LogFile {
		b.WriteString(startLine(run, start, args))
	} else {
		b.WriteString("Starting " + name + " " + run.Version + " ( " + ProjectURL + " ) at " +
			start.Format("2006-01-02 15:04 MST") + "\n")
	}
	if run.Debugging > 0 && run.TopPorts > 0 && n.style == Interactive {
		b.WriteString(topPortsLine(run))
	}
	if run.Debugging > 0 && run.Timing != nil {
		b.WriteString(TimingReport(run.Timing))
	}
	return n.emit([]byte(b.String()))
}

// startLine is the first line of the normal and grepable files:
// "# signet 0.1.0 scan initiated Sun Dec  6 14:05:10 2026 as: signet -sV …".
func startLine(run *result.Run, start time.Time, args []string) string {
	return "# " + scannerName(run) + " " + run.Version + " scan initiated " + ctime(start) + " as: " + joinArgs(args) + "\n"
}

// Host writes one host's report, followed by a blank line.
func (n *Normal) Host(h *result.Host) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if !shown(n.run, h) || h.Incomplete && n.style == LogFile {
		return nil // a file holds finished hosts only (result.Host.Incomplete)
	}
	return n.emit([]byte(n.report(h)))
}

// report is a host's section as this writer prints it: the terminal's adds -d's "Final
// times for host" line before the blank line that ends an up host.
func (n *Normal) report(h *result.Host) string {
	r := HostReport(n.run, h)
	if n.style == Interactive && n.run.Debugging > 0 && h.Status == result.HostUp && h.Times != nil && strings.HasSuffix(r, "\n\n") {
		r = r[:len(r)-1] + FinalTimes(h.Times) + "\n"
	}
	return r
}

// End writes the closing remark and the done line, or, for a run that
// failed, the error and nmap's "QUITTING!".
func (n *Normal) End(end *result.RunEnd) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	var b strings.Builder
	if end.Failed() {
		b.WriteString(end.ErrorMsg + "\nQUITTING!\n")
		return n.emit([]byte(b.String()))
	}
	e := endWithElapsed(n.run, end)
	b.WriteString(DataFilesRead(n.run))
	if n.style == Interactive && e.HostsTotal == 1 && e.HostsUp == 0 && !n.run.NoPing {
		b.WriteString("Note: Host seems down. If it is really up, but blocking our ping probes, try -Pn\n")
	}
	if e.HostsUp > 0 && n.run.VersionScan {
		b.WriteString("Service detection performed. Please report any incorrect results at " + IssuesURL + " .\n")
	}
	name := scannerName(n.run)
	if n.style == LogFile {
		b.WriteString("# " + name + " done at " + ctime(e.Time) + " -- " + e.Summary() + "\n")
	} else {
		b.WriteString(name + " done: " + e.Summary() + "\n")
		if verbosity(n.run) > 0 && e.Raw != nil {
			b.WriteString("           " + RawPackets(e.Raw) + "\n")
		}
	}
	return n.emit([]byte(b.String()))
}

// HostReport is one host's section of the normal output (O5), ending with
// a blank line for an up host: "Nmap scan report for …", "Host is up …",
// "Not shown: …", the port table (O1–O3), the unrecognised-services block
// (O4) and the Service Info line (R6).
func HostReport(run *result.Run, h *result.Host) string {
	var b strings.Builder
	if h.Status == result.HostDown {
		b.WriteString("Nmap scan report for " + hostNameIP(h) + " [host down")
		if showReason(run) {
			b.WriteString(", received " + reasonOr(h.Reason))
		}
		b.WriteString("]\n")
		return b.String()
	}
	b.WriteString("Nmap scan report for " + hostNameIP(h) + "\n")
	b.WriteString("Host is up")
	if showReason(run) {
		b.WriteString(", received " + reasonOr(h.Reason))
		if h.ReasonTTL != 0 {
			b.WriteString(" ttl " + strconv.Itoa(h.ReasonTTL))
		}
	}
	if h.Times != nil {
		b.WriteString(" (" + sigDigits(h.Times.SRTT.Seconds(), 2) + "s latency)")
	}
	b.WriteString(".\n")
	if h.TargetName != "" && h.Hostname != "" && h.TargetName != h.Hostname {
		b.WriteString("rDNS record for " + h.Addr + ": " + h.Hostname + "\n")
	}
	b.WriteString(portSection(run, h))
	if h.MAC != "" {
		vendor := h.MACVendor
		if vendor == "" {
			vendor = "Unknown"
		}
		b.WriteString("MAC Address: " + h.MAC + " (" + vendor + ")\n")
	}
	if si := ServiceInfo(h.Ports, h.Hostname); si != "" {
		b.WriteString(si + "\n")
	}
	if !run.PingOnly {
		// A ping scan's reports follow each other without blank lines.
		b.WriteString("\n")
	}
	return b.String()
}

// portSection is nmap's printportoutput for the normal output.
func portSection(run *result.Run, h *result.Host) string {
	ignored := 0
	for _, x := range h.Extra {
		ignored += x.Count
	}
	if ignored+len(h.Ports) == 0 {
		return ""
	}
	var b strings.Builder
	if (run.Verbose > 1 || run.Debugging > 0) && !h.Start.IsZero() {
		b.WriteString("Scanned at " + h.Start.Format("2006-01-02 15:04:05 MST") + " for " +
			strconv.FormatInt(int64(h.End.Sub(h.Start).Seconds()), 10) + "s\n")
	}
	if len(h.Extra) > 0 {
		if len(h.Ports) == 0 {
			b.WriteString("All " + strconv.Itoa(ignored) + " scanned ports on " + hostNameIP(h) +
				" are in ignored states.\n")
		}
		b.WriteString(NotShown(h.Extra))
	}
	// nmap ends the (possibly empty) "Not shown" line unconditionally, so
	// a host with nothing left out has a blank line before the table.
	b.WriteString("\n")
	if len(h.Ports) == 0 {
		return b.String()
	}
	ports := h.Ports
	if showReason(run) {
		// The REASON cell carries the TTL when there is one
		// ("syn-ack ttl 64"); PortTable prints Port.Reason as is.
		ports = make([]*result.Port, len(h.Ports))
		for i, p := range h.Ports {
			q := *p
			q.Reason = reasonCell(p)
			ports[i] = &q
		}
	}
	b.WriteString(PortTable(ports, run.VersionScan, showReason(run)))
	b.WriteString(Unrecognized(h.Ports))
	return b.String()
}

// NotShown is the summary of the ports left out of the table, without the
// newline: "Not shown: 997 closed tcp ports (reset), 2 filtered tcp ports
// (no-response)". Each state is broken down by protocol and reason; the
// plural follows the state's total, as in nmap.
func NotShown(extra []result.ExtraPorts) string {
	var parts []string
	for _, x := range extra {
		s := "s"
		if x.Count == 1 {
			s = ""
		}
		if len(x.Reasons) == 0 {
			parts = append(parts, strconv.Itoa(x.Count)+" "+x.State+" port"+s)
			continue
		}
		for _, r := range x.Reasons {
			if r.Count == 0 {
				continue
			}
			parts = append(parts, strconv.Itoa(r.Count)+" "+x.State+" "+r.Proto+" port"+s+" ("+reasonOr(r.Reason)+")")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Not shown: " + strings.Join(parts, ", ")
}

// maxFingerprints is how many fingerprints nmap lists (O4).
const maxFingerprints = 9

// Unrecognized is the block nmap prints after the port table (O4) for the
// ports that have a fingerprint, at most nine, in table order; "" when
// there are none. The text is nmap's, byte for byte (see
// FingerprintSubmitURL).
func Unrecognized(ports []*result.Port) string {
	var fps []string
	for _, p := range ports {
		if p.Service != nil && p.Service.Fingerprint != "" && len(fps) < maxFingerprints {
			fps = append(fps, p.Service.Fingerprint)
		}
	}
	if len(fps) == 0 {
		return ""
	}
	s := ""
	if len(fps) > 1 {
		s = "s"
	}
	var b strings.Builder
	b.WriteString(strconv.Itoa(len(fps)) + " service" + s +
		" unrecognized despite returning data. If you know the service/version, please submit the following fingerprint" +
		s + " at " + FingerprintSubmitURL + " :\n")
	for _, fp := range fps {
		if len(fps) > 1 {
			b.WriteString("==============NEXT SERVICE FINGERPRINT (SUBMIT INDIVIDUALLY)==============\n")
		}
		b.WriteString(fp + "\n")
	}
	return b.String()
}

// reasonCell is nmap's REASON cell: the reason and, when known, the TTL;
// then, in parentheses, why service detection ended when the port was
// probed (signet's addition: "syn-ack (nomatch)").
func reasonCell(p *result.Port) string {
	s := reasonOr(p.Reason)
	if p.ReasonTTL != 0 {
		s += " ttl " + strconv.Itoa(p.ReasonTTL)
	}
	if p.Outcome != "" {
		s += " (" + p.Outcome + ")"
	}
	return s
}

// reasonOr is the reason, or nmap's name for an unknown one.
func reasonOr(r string) string {
	if r == "" {
		return "unknown-response"
	}
	return r
}

// sigDigits formats d with the given number of significant digits, as
// nmap's num_to_string_sigdigits does for the latency: 0.000257 → "0.00026".
func sigDigits(d float64, digits int) string {
	shift := -digits
	if d != 0 {
		shift = int(math.Floor(math.Log10(math.Abs(d)))) - digits + 1
		d = math.Floor(d/math.Pow(10, float64(shift))+0.5) * math.Pow(10, float64(shift))
	}
	return strconv.FormatFloat(d, 'f', max(0, -shift), 64)
}
