package vscan

// Outcome is why a service's detection ended: the walk's verdict, finer
// than nmap's serviceprobestate (matcher.Outcome). Its String form is a
// stable lowercase word for outputs (JSON, --reason).
type Outcome int

const (
	// Running: the walk has not ended (never in a Result).
	Running Outcome = iota
	// Matched: a match line won (a hard match).
	Matched
	// SoftMatched: the probes ran out after a softmatch.
	SoftMatched
	// TCPWrapped: the service closed on every probe without a byte, or
	// the NULL probe's connection closed within tcpwrappedms (S9).
	TCPWrapped
	// NoMatch: the service answered, no line matched.
	NoMatch
	// Timeout: the service never sent a byte; every wait ran out (or the
	// connect timed out).
	Timeout
	// Refused: a connect was refused, or (UDP) the port answered with
	// ICMP port unreachable and nothing else.
	Refused
	// Reset: the connections were reset (or closed) without a byte, and
	// the service was not tcpwrapped (a wait had run out before).
	Reset
	// SizeLimit: no line matched and replies were cut at the 4096-byte
	// read cap (a flood).
	SizeLimit
	// TimeLimit: the host timeout (or an interrupt) cut the walk.
	TimeLimit
	// Unreachable: the host or network became unreachable.
	Unreachable
	// Failed: a payload could not be written, or a TLS handshake failed
	// while restarting inside the tunnel.
	Failed
)

var outcomeWords = [...]string{
	Running:     "running",
	Matched:     "matched",
	SoftMatched: "softmatched",
	TCPWrapped:  "tcpwrapped",
	NoMatch:     "nomatch",
	Timeout:     "timeout",
	Refused:     "refused",
	Reset:       "reset",
	SizeLimit:   "size-limit",
	TimeLimit:   "time-limit",
	Unreachable: "unreachable",
	Failed:      "failed",
}

// String is the outcome's stable lowercase word: "matched", "softmatched",
// "tcpwrapped", "nomatch", "timeout", "refused", "reset", "size-limit",
// "time-limit", "unreachable", "failed".
func (o Outcome) String() string {
	if o >= 0 && int(o) < len(outcomeWords) {
		return outcomeWords[o]
	}
	return "unknown"
}
