package shard

import "testing"

// The ns/op of these benchmarks is the cost of one index.

var sink uint64

// BenchmarkAt: one position of a permutation of 2^32 + 2^31 pairs (a /16
// × 65,536 ports has 2^32).
func BenchmarkAt(b *testing.B) {
	p := New(3<<31, 1)
	for i := 0; i < b.N; i++ {
		sink += p.At(uint64(i))
	}
}

// BenchmarkAtPowerOfTwo: a domain of exactly n, no cycle walking at all.
func BenchmarkAtPowerOfTwo(b *testing.B) {
	p := New(1<<32, 1)
	for i := 0; i < b.N; i++ {
		sink += p.At(uint64(i))
	}
}

// BenchmarkAtWorstSize: n one past a power of two, the size a power-of-two
// domain would handle worst (half its outputs walked again); the a×b
// domain exceeds n by under 2^17 here.
func BenchmarkAtWorstSize(b *testing.B) {
	p := New(1<<32+1, 1)
	for i := 0; i < b.N; i++ {
		sink += p.At(uint64(i))
	}
}

// BenchmarkPosition: the inverse.
func BenchmarkPosition(b *testing.B) {
	p := New(3<<31, 1)
	for i := 0; i < b.N; i++ {
		sink += p.Position(uint64(i))
	}
}

// BenchmarkShardAll: iterating shard 3 of 8 of 1,000 hosts × 1,000 ports.
func BenchmarkShardAll(b *testing.B) {
	s, _ := New(1000*1000, 1).Split(8, 3)
	n := 0
	for n < b.N {
		for v := range s.All() {
			sink += v
			if n++; n == b.N {
				break
			}
		}
	}
}

// BenchmarkPlanAll: (host, port) pairs of shard 1 of 4 over 65,536 hosts ×
// 1,000 ports in blocks of 256 hosts.
func BenchmarkPlanAll(b *testing.B) {
	pl := Plan{Hosts: 65536, Ports: 1000, BlockHosts: 256, Seed: 1, Shards: 4, Shard: 1}
	n := 0
	for n < b.N {
		for pr := range pl.All() {
			sink += pr.Host + pr.Port
			if n++; n == b.N {
				break
			}
		}
	}
}
