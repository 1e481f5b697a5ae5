// Package targets reads nmap's target specifications (addresses, CIDR, octet
// ranges, host names, -iL lists, exclusions) and host:port lines, streaming.
package targets
