//go:build !linux

package portscan

import "time"

const kernelSynRTO = time.Second

// fastConnectSupported is false: connect scans use the general path.
const fastConnectSupported = false

func (h *hostScan) connectRound([]uint16, int, int, func(attemptResult)) {
	panic("portscan: no connect engine on this system")
}

// latePool keeps timed-out connects open on Linux only.
type latePool struct{}

func newLatePool(*Scanner) *latePool               { return nil }
func (*latePool) isAnswered(uint16) bool           { return false }
func (*latePool) take() []attemptResult            { return nil }
func (*latePool) settle([]uint16, <-chan struct{}) {}
func (*latePool) stop()                            {}
