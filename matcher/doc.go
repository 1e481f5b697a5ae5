// Package matcher runs service replies through a signature database exactly
// as nmap does: first line wins in a probe, then the fallback chain (X1–X3, S4).
//
// Matcher.Match tries one reply; Session keeps one service's state across
// probes (softmatch narrowing, field merging); Replay feeds a recorded
// fingerprint through a Session, the offline form of a scan.
package matcher
