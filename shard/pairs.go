package shard

import (
	"cmp"
	"fmt"
	"iter"
	"math/bits"
	"slices"
)

// Pair is one (host, port) pair as indexes: Host into the target list's
// hosts, Port into the scan's port list.
type Pair struct {
	Host, Port uint64
}

// Plan is the pairs of hosts × ports that one shard probes, in the keyed
// order. Fill it in and call Check, then All or From.
//
// Hosts are taken in blocks of BlockHosts hosts (0: all in one block);
// each block's pairs are permuted on their own, with a key drawn from Seed
// and the block number, and a block's pairs all come before the next
// block's. Within a block the pair index v is host = v mod hosts-in-block,
// port = v div hosts-in-block, so even consecutive indexes would be on
// different hosts; the permutation then spreads each host's ports over the
// whole block. Blocks bound what a scan must remember: a host's results are
// complete when its block ends, and resuming needs only a count.
//
// The shards cut the concatenated order of all blocks: shard I gets global
// positions I, I+Shards, I+2×Shards, ..., so the shards differ in size by
// at most one over the whole scan, not one per block.
type Plan struct {
	Hosts, Ports uint64
	BlockHosts   uint64 // hosts per block; 0 means all hosts in one block
	Seed         uint64
	Shards       uint64 // 0 means 1
	Shard        uint64 // 0 .. Shards-1
}

// Check reports a plan that cannot be run: a shard out of range, or more
// pairs than a uint64 counts.
func (p *Plan) Check() error {
	shards := max(p.Shards, 1)
	if p.Shard >= shards {
		return fmt.Errorf("%w (shard %d of %d)", ErrShard, p.Shard, shards)
	}
	if hi, _ := bits.Mul64(p.Hosts, p.Ports); hi != 0 {
		return fmt.Errorf("shard: %d hosts × %d ports is more pairs than 2^64", p.Hosts, p.Ports)
	}
	return nil
}

// Total is the number of pairs of all shards: Hosts × Ports.
func (p *Plan) Total() uint64 { return p.Hosts * p.Ports }

// Len is the number of pairs of this shard.
func (p *Plan) Len() uint64 {
	shards := max(p.Shards, 1)
	n := p.Total()
	if p.Shard >= n {
		return 0
	}
	return (n-p.Shard-1)/shards + 1
}

func (p *Plan) blockHosts() uint64 {
	if p.BlockHosts == 0 || p.BlockHosts > p.Hosts {
		return p.Hosts
	}
	return p.BlockHosts
}

// block returns the permutation of block b and its number of hosts.
func (p *Plan) block(b uint64) (Perm, uint64) {
	bh := p.blockHosts()
	hosts := min(bh, p.Hosts-b*bh)
	// The block's key: the seed and the block number through mix, so that
	// blocks get unrelated orders and block 0 is not simply New(…, Seed).
	return New(hosts*p.Ports, mix(p.Seed^mix(b+0x5bd1e995))), hosts
}

// All yields the shard's pairs in order. It panics on a plan Check refuses.
func (p *Plan) All() iter.Seq[Pair] {
	return func(yield func(Pair) bool) {
		for _, pr := range p.From(0) {
			if !yield(pr) {
				return
			}
		}
	}
}

// From yields the shard's pairs from its k-th on, each with its rank k in
// the shard: a scan that stopped after k pairs resumes with From(k). It
// panics on a plan Check refuses.
func (p *Plan) From(k uint64) iter.Seq2[uint64, Pair] {
	if err := p.Check(); err != nil {
		panic(err)
	}
	return func(yield func(uint64, Pair) bool) {
		n := p.Len()
		if n == 0 {
			return
		}
		shards := max(p.Shards, 1)
		bh := p.blockHosts()
		blockPairs := bh * p.Ports // pairs in every block but maybe the last
		cur := ^uint64(0)
		var perm Perm
		var hosts, start uint64
		for ; k < n; k++ {
			g := p.Shard + k*shards // global position
			if b := g / blockPairs; b != cur {
				cur = b
				perm, hosts = p.block(b)
				start = b * blockPairs
			}
			v := perm.At(g - start)
			if !yield(k, Pair{Host: cur*bh + v%hosts, Port: v / hosts}) {
				return
			}
		}
	}
}

// Owner returns the shard that probes pair pr, and pr's rank in that
// shard's order. It panics when pr is outside the plan.
func (p *Plan) Owner(pr Pair) (shard, k uint64) {
	if pr.Host >= p.Hosts || pr.Port >= p.Ports {
		panic(fmt.Sprintf("shard: pair %v outside %d hosts × %d ports", pr, p.Hosts, p.Ports))
	}
	shards := max(p.Shards, 1)
	bh := p.blockHosts()
	b := pr.Host / bh
	perm, hosts := p.block(b)
	pos := perm.Position(pr.Port*hosts+pr.Host-b*bh) + b*bh*p.Ports
	return pos % shards, pos / shards
}

// HostPorts appends to dst the ports (indexes) of host h that this plan's
// shard probes, in the shard's order, and returns the extended slice. It
// costs one inverse permutation per port of the host (Ports of them) and
// needs no walk of the other hosts' pairs: a scan that runs host by host
// asks for one host's ports when it starts the host, and holds nothing
// else. It panics when h >= Hosts or on a plan Check refuses.
func (p *Plan) HostPorts(h uint64, dst []uint64) []uint64 {
	type ranked struct{ pos, port uint64 }
	var rs []ranked
	p.hostPorts(h, func(pos, port uint64) bool {
		rs = append(rs, ranked{pos, port})
		return true
	})
	slices.SortFunc(rs, func(a, b ranked) int { return cmp.Compare(a.pos, b.pos) })
	for _, r := range rs {
		dst = append(dst, r.port)
	}
	return dst
}

// HasHost reports whether this plan's shard probes any port of host h:
// a shard leaves out the hosts it has no pair of (with one port per host,
// most hosts). It stops at the first port found, about Shards tries on
// average. It panics as HostPorts does.
func (p *Plan) HasHost(h uint64) bool {
	found := false
	p.hostPorts(h, func(uint64, uint64) bool {
		found = true
		return false
	})
	return found
}

// hostPorts calls f with the global position and the port of each pair of
// host h that belongs to this shard, in port order, until f returns false.
func (p *Plan) hostPorts(h uint64, f func(pos, port uint64) bool) {
	if err := p.Check(); err != nil {
		panic(err)
	}
	if h >= p.Hosts {
		panic(fmt.Sprintf("shard: host %d outside %d hosts", h, p.Hosts))
	}
	shards := max(p.Shards, 1)
	bh := p.blockHosts()
	b := h / bh
	perm, hosts := p.block(b)
	base := b * bh * p.Ports
	for port := uint64(0); port < p.Ports; port++ {
		pos := base + perm.Position(port*hosts+h-b*bh)
		if pos%shards == p.Shard && !f(pos, port) {
			return
		}
	}
}
