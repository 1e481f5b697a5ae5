package scan

import (
	"context"
	"encoding/binary"
	"net/netip"
	"slices"

	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/shard"
)

// This file is the one place that decides which (address, port) pairs a scan probes and in
// which order: units turns the targets into hosts, ports lists a host's ports in the order
// they are probed. The rest of the pipeline (discovery, the scanners, version detection, the
// writers) takes each host as it comes.
//
// Unsharded, the targets stream (an -iL list or standard input is read as the scan goes) and
// every host gets every port, in an order of its own: a keyed permutation (package shard) of
// the scan's ports, keyed by the seed and the address. Hosts go through the port scan a host
// group at a time, so the probes of a moment are spread over the group's hosts and over each
// host's ports instead of walking one host's ports in a row.
//
// Sharded (Options.Shards), the target list is read whole into a random-access index
// (targets.Index: a CIDR block costs nothing per address) and the pairs hosts × ports are
// laid on one keyed permutation (shard.Plan, with hosts in blocks of planBlockHosts); shard
// I of N takes the pairs at positions I, I+N, I+2N, ... of it. A host is scanned, in target
// order, on the ports of its pairs that fall in the shard (in the permutation's order), and
// left out when it has none. So the shards are disjoint, cover every pair, and split even
// one host's ports fairly; nothing is held per pair. host:port targets (ZMap, masscan and
// naabu lines) are pairs already: they get a permutation of their own, split the same way,
// and the shard's pairs of one address are scanned as one host.
//
// Options.Done (--resume) removes the hosts an interrupted run already wrote: the unit of
// completion is the host, with the ports of its shard.

// planBlockHosts is shard.Plan's BlockHosts for host targets. It is part of the plan: every
// shard of a scan must use the same value (so the same signet release).
const planBlockHosts = 256

// unit is one host and what to scan on it.
type unit struct {
	addr netip.Addr
	name string
	// pairs are the exact ports of host:port targets, by protocol; nil for a host target.
	pairs map[portspec.Protocol][]uint16
	// plan and host place a host target of a sharded scan on the plan; plan is nil otherwise.
	plan *shard.Plan
	host uint64
}

// units sends the targets as hosts. Bad targets are reported through Warn and skipped.
func (o *Options) units(ctx context.Context, out chan<- unit) {
	if o.Shards > 0 {
		o.shardUnits(ctx, out)
		return
	}
	o.streamUnits(ctx, out)
}

// send sends u unless the scan stopped; hosts an interrupted run wrote are dropped here.
func (o *Options) send(ctx context.Context, out chan<- unit, u unit) bool {
	if o.Done != nil && o.Done(u.addr) {
		return ctx.Err() == nil
	}
	select {
	case out <- u:
		return true
	case <-ctx.Done():
		return false
	}
}

// streamUnits streams the targets; consecutive host:port items of the same address are
// grouped into one host.
func (o *Options) streamUnits(ctx context.Context, out chan<- unit) {
	var cur *unit
	flush := func() bool {
		if cur == nil {
			return true
		}
		u := *cur
		cur = nil
		return o.send(ctx, out, u)
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
			if !flush() || !o.send(ctx, out, unit{addr: t.Addr, name: t.Name}) {
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

// shardUnits sends the hosts of one shard: host targets that have pairs in it, in target
// order, then the shard's host:port targets grouped by address.
func (o *Options) shardUnits(ctx context.Context, out chan<- unit) {
	x, err := o.Targets.Index(ctx)
	if err != nil {
		if ctx.Err() == nil {
			o.warn(err.Error())
		}
		return
	}
	for _, err := range x.Errors {
		o.warn(err.Error())
	}
	pl := o.plan(x.Hosts())
	if err := pl.Check(); err != nil {
		o.warn(err.Error())
		return
	}
	for h := range x.Hosts() {
		t, ok := x.Host(h)
		if !ok || !pl.HasHost(h) {
			continue
		}
		if !o.send(ctx, out, unit{addr: t.Addr, name: t.Name, plan: pl, host: h}) {
			return
		}
	}
	n := x.Pairs()
	if n == 0 {
		return
	}
	s, err := shard.New(n, o.Seed^pairsKey).Split(o.Shards, o.Shard)
	if err != nil {
		o.warn(err.Error())
		return
	}
	// The shard's pairs of one address make one host, met in the shard's order: memory in
	// proportion to the shard's pairs, which the index already holds.
	var hosts []*unit
	byAddr := map[netip.Addr]*unit{}
	for i := range s.All() {
		t, ok := x.Pair(i)
		if !ok {
			continue
		}
		u := byAddr[t.Addr]
		if u == nil {
			u = &unit{addr: t.Addr, name: t.Name, pairs: map[portspec.Protocol][]uint16{}}
			byAddr[t.Addr] = u
			hosts = append(hosts, u)
		}
		u.pairs[t.Proto] = append(u.pairs[t.Proto], t.Port)
	}
	for _, u := range hosts {
		if !o.send(ctx, out, *u) {
			return
		}
	}
}

// pairsKey sets the permutation of host:port targets apart from the plan of host targets.
const pairsKey = 0x70616972732d6b65

// plan is the shard's plan over hosts × the scan's ports (TCP, then UDP). A ping scan (-sn)
// has one pair per host, so its shards split the hosts.
func (o *Options) plan(hosts uint64) *shard.Plan {
	tcp, udp := o.portLists()
	return &shard.Plan{Hosts: hosts, Ports: uint64(max(1, len(tcp)+len(udp))), BlockHosts: planBlockHosts,
		Seed: o.Seed, Shards: o.Shards, Shard: o.Shard}
}

// portLists is the scan's ports for targets given without a port: TCP when a TCP scan runs,
// UDP with -sU, each ascending.
func (o *Options) portLists() (tcp, udp []uint16) {
	if o.TCP != 0 {
		tcp = slices.Collect(o.Ports.Get(portspec.TCP).All())
	}
	if o.UDP {
		udp = slices.Collect(o.Ports.Get(portspec.UDP).All())
	}
	return tcp, udp
}

// ports lists the TCP and UDP ports to scan on a host, each in the order they are probed.
func (o *Options) ports(u unit) (lists [2][]uint16) {
	if u.pairs != nil {
		for i, proto := range []portspec.Protocol{portspec.TCP, portspec.UDP} {
			ps := slices.Clone(u.pairs[proto])
			slices.Sort(ps)
			lists[i] = slices.Compact(ps)
		}
		return lists
	}
	tcp, udp := o.portLists()
	at := func(v uint64) {
		if v < uint64(len(tcp)) {
			lists[0] = append(lists[0], tcp[v])
		} else if v -= uint64(len(tcp)); v < uint64(len(udp)) {
			lists[1] = append(lists[1], udp[v])
		}
	}
	if u.plan != nil {
		for _, v := range u.plan.HostPorts(u.host, nil) {
			at(v)
		}
		return lists
	}
	n := uint64(len(tcp) + len(udp))
	lists[0] = make([]uint16, 0, len(tcp))
	lists[1] = make([]uint16, 0, len(udp))
	perm := shard.New(n, o.Seed^addrKey(u.addr))
	for i := range n {
		at(perm.At(i))
	}
	return lists
}

// addrKey is a key of the address, so that each host of an unsharded scan gets its own order
// of the ports (and the same one for the same seed).
func addrKey(a netip.Addr) uint64 {
	b := a.As16()
	x := binary.BigEndian.Uint64(b[:8])*0x9e3779b97f4a7c15 ^ binary.BigEndian.Uint64(b[8:])
	return x ^ x>>29
}
