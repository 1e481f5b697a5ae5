// Package portspec parses nmap's -p port grammar into per-protocol sorted range
// sets, and picks default, -F and --top-ports lists from a services.Table.
package portspec
