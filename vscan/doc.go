// Package vscan is the probe scheduler: for each open port it sends the
// signature file's probes in nmap's order over TCP, TLS or UDP and matches replies as they arrive (S1–S11).
//
// One service is walked by a run: NULL probe first on TCP, the NULL
// connection reused by the next probe, matching after every read on the
// accumulated buffer, softmatch narrowing, tcpwrapped detection, and a
// restart inside TLS when a probe reveals ssl.
package vscan
