// Package result holds what a scan or a replay finds for each port: state,
// service name, version fields, CPE and fingerprint, ready for the output writers.
package result

// Detection methods, as in nmap's XML `method` attribute.
const (
	MethodProbed = "probed" // a probe's reply matched (or tcpwrapped)
	MethodTable  = "table"  // guessed from the services table
)

// Service is the service detected on a port (nmap's serviceDeductions).
type Service struct {
	Name     string // "" when unknown
	Product  string
	Version  string
	Info     string // extrainfo
	Hostname string
	OS       string // ostype
	Device   string // devicetype
	CPE      []string
	Tunnel   string // "ssl" or ""
	Method   string // MethodProbed or MethodTable
	Conf     int    // 10 matched/softmatched, 8 tcpwrapped, 3 table

	// Fingerprint is the SF-Port fingerprint in nmap's wrapped normal form
	// (lines joined by "\nSF:"), empty when none is to be shown.
	Fingerprint string

	// Replies are the raw bytes each probe received, in the order the
	// probes ran, kept when the service was not recognised (the JSON lines
	// output carries them base64-encoded); nil otherwise.
	Replies []Reply

	// Sources says which source set each field, keyed by the JSON field
	// name ("name", "product", "version", "extrainfo", "hostname",
	// "ostype", "devicetype", "cpe", "tunnel"): a signature line as
	// "FILE:LINE", a detector's name (e.g. "http-server-header"),
	// "table" (the port-number table) or "walk" (tcpwrapped). Nil when
	// nothing recorded it.
	Sources map[string]string
}

// SetSource records that src set field (see Sources).
func (s *Service) SetSource(field, src string) {
	if s.Sources == nil {
		s.Sources = map[string]string{}
	}
	s.Sources[field] = src
}

// Reply is what one probe received: the probe's name (as in its Probe line)
// and the whole response buffer, untruncated.
type Reply struct {
	Probe string
	Data  []byte
}

// Port is one scanned port and what was found on it.
type Port struct {
	Number    int
	Proto     string // "tcp" or "udp"
	State     string // "open", "closed", "filtered", "open|filtered", ...
	Reason    string // "syn-ack", "conn-refused", "udp-response", ...
	ReasonTTL int
	Service   *Service // nil when nothing is known

	// Outcome is why service detection ended on the port (vscan.Outcome's
	// words): "matched", "softmatched", "tcpwrapped", "nomatch",
	// "timeout", "refused", "reset", "size-limit", "time-limit",
	// "unreachable" or "failed"; "" when the port was not probed. JSON
	// lines carry it; --reason prints it in the normal output.
	Outcome string
}
