//go:build !linux

package portscan

// fastConnectSupported is false: connect scans use the general path.
const fastConnectSupported = false

func (h *hostScan) connectRound([]uint16, int, int, func(attemptResult)) {
	panic("portscan: no connect engine on this system")
}
