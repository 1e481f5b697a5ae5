//go:build !race

package portscan

const raceMaxSockets = maxSockets
