// Package nmapnorm makes nmap's and signet's normal output comparable line for line, for the
// golden tests of the verbose output (docs/verbose.md): it masks what differs from run to run.
package nmapnorm

import (
	"regexp"
	"slices"
	"strings"
)

// Options choose what Normalize does beyond masking.
type Options struct {
	// Reports keeps only the first line of each host report ("Nmap scan report for …"), for
	// tests of the verbose lines around the reports rather than of the reports themselves.
	Reports bool
}

// A rule rewrites one line: a match of re becomes repl (regexp.ReplaceAllString's syntax).
type rule struct {
	re   *regexp.Regexp
	repl string
}

func r(expr, repl string) rule { return rule{regexp.MustCompile(expr), repl} }

// masks are applied in order to every line: the scanner's name, version, address and command
// line; clock times, elapsed times, dates and latencies; data folders; packet counts and
// rates; MAC addresses.
var masks = []rule{
	r(`^Starting (Nmap|signet) \S+ \( \S+ \) at .*$`, "Starting SCANNER"),
	r(`^# (Nmap|signet) \S+ scan initiated .*$`, "# SCANNER scan initiated"),
	r(`^(Nmap|signet) done: (.*) scanned in [\d.]+ seconds$`, "SCANNER done: $2 scanned in S seconds"),
	r(`^# (Nmap|signet) done at .* -- (.*) scanned in [\d.]+ seconds$`, "# SCANNER done -- $2 scanned in S seconds"),
	r(`^Service detection performed\. Please report any incorrect results at \S+ \.$`, "Service detection performed. Please report any incorrect results at URL ."),
	r(`^(Initiating .*) at \d\d:\d\d$`, "$1 at HH:MM"),
	r(`^(Completed .*) at \d\d:\d\d, \d+\.\d\ds elapsed`, "$1 at HH:MM, S.SSs elapsed"),
	r(`^(.*) Timing: About \d+\.\d\d% done; ETC: \d\d:\d\d \(\d+:\d\d:\d\d remaining\)$`, "$1 Timing: About P% done; ETC: HH:MM (H:MM:SS remaining)"),
	r(`^(.*) Timing: About \d+\.\d\d% done$`, "$1 Timing: About P% done"),
	r(`\(\d+(\.\d+)?s latency\)`, "(Ss latency)"),
	r(`^Scanned at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+ for \d+s$`, "Scanned at DATE for Ns"),
	r(`^Read data files from: .*$`, "Read data files from: DIR"),
	r(`^Read from (.*): (.*)$`, "Read from DIR: $2"),
	r(`^ +Raw packets sent: .*$`, "           Raw packets sent: N | Rcvd: N"),
	r(`^MAC Address: ([0-9A-F]{2}:){5}[0-9A-F]{2} \(.*\)$`, "MAC Address: MAC (VENDOR)"),
	r(`^Final times for host: srtt: -?\d+ rttvar: -?\d+  to: \d+$`, "Final times for host: srtt: N rttvar: N  to: N"),
	r(`^Overall sending rates: [\d.]+ packets / s(, [\d.]+ bytes / s)?\.$`, "Overall sending rates: N packets / s."),
}

// Dropped lines are nmap's lines that signet does not print, each for a reason its engine
// gives (docs/verbose.md explains each): nmap's script engine (NSE) and its reverse-DNS and
// packet-capture internals. They are removed before comparing.
var Dropped = []*regexp.Regexp{
	regexp.MustCompile(`^NSE: `),                                      // script engine: signet's detectors run inside the service scan
	regexp.MustCompile(`^(Initiating|Completed) NSE at `),             // ditto
	regexp.MustCompile(`^mass_rdns: `),                                // nmap's own DNS client (-d)
	regexp.MustCompile(`^DNS resolution of \d+ IPs took `),            // ditto
	regexp.MustCompile(`^Packet capture filter \(device `),            // libpcap's filter (-d); signet reads raw sockets
	regexp.MustCompile(`^Warning: Hostname .* resolves to \d+ IPs\.`), // not in these scans
}

var (
	fingerprintStart = regexp.MustCompile(`^SF-Port\d+-(TCP|UDP):V=`)
	discovered       = regexp.MustCompile(`^Discovered \S+ port \d+/\w+ on `)
)

// Normalize returns text with every line masked, runs of "Discovered … port" lines sorted
// (their order depends on which reply came first), each service fingerprint replaced by the
// line "SF-Port…" alone, and the Dropped lines removed.
func Normalize(text string, o Options) string {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if text == "" {
		lines = nil
	}
	var out []string
	inReport, inFP := false, false
	for i, body := range lines {
		if inFP {
			if strings.HasPrefix(body, "SF:") {
				continue
			}
			inFP = false
		}
		if fingerprintStart.MatchString(body) {
			inFP = true
			body = "SF-Port…"
		}
		if o.Reports {
			if inReport {
				// A report ends with a blank line, but for the one between "Host is up"
				// and the port table.
				if body == "" && (i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "PORT ")) {
					inReport = false
				}
				continue
			}
			if strings.HasPrefix(body, "Nmap scan report for ") && !strings.HasSuffix(body, "]") {
				inReport = true
			}
		}
		drop := false
		for _, d := range Dropped {
			if d.MatchString(body) {
				drop = true
				break
			}
		}
		if drop {
			continue
		}
		for _, m := range masks {
			body = m.re.ReplaceAllString(body, m.repl)
		}
		out = append(out, body)
	}
	for i := 0; i < len(out); {
		j := i
		for j < len(out) && discovered.MatchString(out[j]) {
			j++
		}
		if j > i {
			slices.Sort(out[i:j])
			i = j
		} else {
			i++
		}
	}
	if len(out) == 0 {
		return ""
	}
	return strings.Join(out, "\n") + "\n"
}
