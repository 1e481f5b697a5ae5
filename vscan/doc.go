// Package vscan is the probe scheduler: for each open port it sends the
// signature file's probes in nmap's order over TCP, TLS or UDP and matches replies as they arrive (S1–S11).
//
// One walk (walk.go) takes every decision for a service: NULL probe first
// on TCP, matching after every read on the accumulated buffer, softmatch
// narrowing, how each reply's end counts, tcpwrapped, the restart inside
// TLS when a probe reveals ssl, then the detectors (package detect). A
// source feeds it the replies: sequential.go sends one probe at a time
// with nmap's waits (--version-timing nmap), speculative.go sends ahead
// over parallel connections (adaptive timing).
package vscan
