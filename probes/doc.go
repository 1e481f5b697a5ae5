// Package probes is the model and parser of nmap's signature format
// (nmap-service-probes): probes, match lines, templates, positions and errors.
//
// Parse reads one file exactly as nmap 7.93 does (rules P1–P14 of
// docs/nmap-behaviour.md) and returns every error with FILE:LINE:COL; Merge layers overlay files
// on a main file; Resolve links fallbacks (P11, P12).
package probes
