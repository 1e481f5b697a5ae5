// Package portscan finds open ports the way nmap's -sT, -sU and connect-based host discovery do,
// streaming one outcome per port (state and reason) and a per-host summary as they become known.
package portscan
