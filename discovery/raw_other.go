//go:build !linux

package discovery

import (
	"context"
	"errors"

	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/rawnet"
)

type rawEngine struct{}

func newRawEngine(func(context.Context) error) *rawEngine { return &rawEngine{} }

func (*rawEngine) close() {}

func (*rawEngine) ping(context.Context, rawnet.Route, []Probe, *portscan.RTT, int) Status {
	return Status{Reason: "local-error", Err: errors.New("discovery: raw probes need Linux")}
}
