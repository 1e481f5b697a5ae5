// Package rawnet encodes and decodes the packets a SYN scan and host discovery send and read
// (TCP, ICMP, ICMPv6, ARP, NDP) and opens the raw sockets that carry them (Linux, as root).
package rawnet
