// Package targets reads nmap's target specifications (addresses, CIDR, octet
// ranges, host names, -iL lists, exclusions) and host:port lines, streaming,
// or as an Index that finds the i-th host without expanding blocks.
package targets
