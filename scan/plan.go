package scan

import (
	"context"
	"net/netip"
	"slices"

	"github.com/signetscan/signet/portspec"
)

// This file is the one place that decides which (address, port) pairs a scan probes and in
// which order: units turns the target stream into hosts, ports lists a host's ports of one
// protocol. A sharding permutation over targets × ports (--shards/--shard/--seed) belongs
// here: ports would keep the pairs of one shard (and order them by the permutation), and no
// other part of the pipeline would change.

// unit is one host and, for host:port inputs, the exact ports to probe.
type unit struct {
	addr  netip.Addr
	name  string
	pairs map[portspec.Protocol][]uint16 // ports by protocol; nil to use Options.Ports
}

// units streams the targets as hosts; consecutive host:port items of the same address are
// grouped into one host. Bad targets are reported through Warn and skipped.
func (o *Options) units(ctx context.Context, out chan<- unit) {
	var cur *unit
	flush := func() bool {
		if cur == nil {
			return true
		}
		select {
		case out <- *cur:
			cur = nil
			return true
		case <-ctx.Done():
			return false
		}
	}
	for t, err := range o.Targets.All(ctx) {
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			o.warn(err.Error())
			continue
		}
		if !t.HasPort() {
			if !flush() {
				return
			}
			cur = &unit{addr: t.Addr, name: t.Name}
			if !flush() {
				return
			}
			continue
		}
		if cur == nil || cur.pairs == nil || cur.addr != t.Addr {
			if !flush() {
				return
			}
			cur = &unit{addr: t.Addr, name: t.Name, pairs: map[portspec.Protocol][]uint16{}}
		}
		cur.pairs[t.Proto] = append(cur.pairs[t.Proto], t.Port)
	}
	flush()
}

// ports is the list of ports of one protocol to scan on a host, in the order they are probed
// (ascending).
func (o *Options) ports(u unit, proto portspec.Protocol) []uint16 {
	if u.pairs != nil {
		ps := slices.Clone(u.pairs[proto])
		slices.Sort(ps)
		return slices.Compact(ps)
	}
	switch {
	case proto == portspec.TCP && o.TCP != 0, proto == portspec.UDP && o.UDP:
		return slices.Collect(o.Ports.Get(proto).All())
	}
	return nil
}
