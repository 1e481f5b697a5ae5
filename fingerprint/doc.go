// Package fingerprint builds and decodes nmap's service fingerprints (the
// "SF-Port…" text of unrecognised services) byte for byte, rules F1–F7, and repairs them as pasted.
package fingerprint
