//go:build race

package portscan

// The race detector allows at most 8128 live goroutines; keep the worker pool well below.
const raceMaxSockets = 2048
