// Package repocheck holds repository-wide tests: the repository stands alone
// (no references outside it) and every nmap rule id it cites is described in docs/nmap-behaviour.md.
package repocheck
