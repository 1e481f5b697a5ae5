//go:build !linux

package portscan

import (
	"context"
	"errors"
)

type synEngine struct{}

func (*synEngine) close() {}

// scanSYN fails: raw SYN scans are implemented for Linux only.
func (s *Scanner) scanSYN(_ context.Context, j Job, _ func(PortResult)) Stats {
	return Stats{Unscanned: len(j.Ports), Err: errors.New("portscan: SYN scans need Linux")}
}
