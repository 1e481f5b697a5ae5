// Package conformance holds the integration suite that runs nmap 7.93 and signet side by side
// on loopback fixtures and real Debian servers and fails on any difference (build tag integration).
package conformance
