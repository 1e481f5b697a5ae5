package shard

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"testing"
)

// sizes covers the edge cases of the domain: empty, one element, exact
// powers of two, one past them (b = 1 more than a power of two), odd bit
// counts (halves of unequal width), primes.
var sizes = []uint64{0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 100, 255, 256, 257, 1000, 1023, 1024, 1025, 65535, 65536, 65537, 100003}

// TestPermutation: every size, several seeds: At is a bijection of 0..n-1
// and Position is its inverse.
func TestPermutation(t *testing.T) {
	for _, n := range sizes {
		for _, seed := range []uint64{0, 1, 42, 1 << 63, ^uint64(0)} {
			p := New(n, seed)
			seen := make([]bool, n)
			for i := uint64(0); i < n; i++ {
				v := p.At(i)
				if v >= n {
					t.Fatalf("n=%d seed=%d: At(%d) = %d, out of range", n, seed, i, v)
				}
				if seen[v] {
					t.Fatalf("n=%d seed=%d: At(%d) = %d twice", n, seed, i, v)
				}
				seen[v] = true
				if j := p.Position(v); j != i {
					t.Fatalf("n=%d seed=%d: Position(At(%d)) = %d", n, seed, i, j)
				}
			}
		}
	}
}

// TestShardsCoverExactlyOnce: for many shard counts, the shards are
// disjoint, cover everything, differ in size by at most one, and Owner
// names the shard and rank each element was yielded with.
func TestShardsCoverExactlyOnce(t *testing.T) {
	for _, n := range []uint64{0, 1, 5, 12, 96, 1000, 65537, 200000} {
		for _, shards := range []uint64{1, 2, 3, 4, 7, 8, 64, 1000} {
			p := New(n, 7)
			count := make([]uint8, n)
			var lens []uint64
			for i := uint64(0); i < shards; i++ {
				s, err := p.Split(shards, i)
				if err != nil {
					t.Fatal(err)
				}
				var k uint64
				for v := range s.All() {
					count[v]++
					if sh, rank := s.Owner(v); sh != i || rank != k {
						t.Fatalf("n=%d shards=%d: Owner(%d) = (%d, %d), yielded by shard %d as #%d", n, shards, v, sh, rank, i, k)
					}
					k++
				}
				if k != s.Len() {
					t.Fatalf("n=%d shards=%d shard=%d: yielded %d, Len %d", n, shards, i, k, s.Len())
				}
				lens = append(lens, k)
			}
			for v, c := range count {
				if c != 1 {
					t.Fatalf("n=%d shards=%d: element %d in %d shards", n, shards, v, c)
				}
			}
			if lo, hi := slices.Min(lens), slices.Max(lens); hi-lo > 1 || lo != n/shards {
				t.Fatalf("n=%d shards=%d: shard sizes %d..%d, want %d or %d", n, shards, lo, hi, n/shards, (n+shards-1)/shards)
			}
		}
	}
}

func TestSplitErrors(t *testing.T) {
	p := New(10, 1)
	for _, c := range [][2]uint64{{0, 0}, {4, 4}, {4, 9}} {
		if _, err := p.Split(c[0], c[1]); !errors.Is(err, ErrShard) {
			t.Errorf("Split(%d, %d) = %v, want ErrShard", c[0], c[1], err)
		}
	}
	if _, err := Indexes(10, 2, 2, 0); !errors.Is(err, ErrShard) {
		t.Errorf("Indexes with shard 2 of 2: %v", err)
	}
	p = New(0, 1)
	if got := slices.Collect(p.All()); len(got) != 0 {
		t.Errorf("empty permutation yields %v", got)
	}
}

// TestDeterministic: the same seed gives the same order, another seed
// another one; the order is not the identity.
func TestDeterministic(t *testing.T) {
	a := slices.Collect(func(y func(uint64) bool) { s, _ := Indexes(5000, 3, 1, 99); s(y) })
	b := slices.Collect(func(y func(uint64) bool) { s, _ := Indexes(5000, 3, 1, 99); s(y) })
	c := slices.Collect(func(y func(uint64) bool) { s, _ := Indexes(5000, 3, 1, 100); s(y) })
	if !slices.Equal(a, b) {
		t.Fatal("same seed, different orders")
	}
	same := 0
	for i := range a {
		if a[i] == c[i] {
			same++
		}
	}
	if same > len(a)/50 {
		t.Fatalf("seeds 99 and 100 agree on %d of %d positions", same, len(a))
	}
	fixed := 0
	p := New(5000, 99)
	for i := uint64(0); i < 5000; i++ {
		if p.At(i) == i {
			fixed++
		}
	}
	if fixed > 20 {
		t.Fatalf("%d fixed points of 5000 (a random permutation has about 1)", fixed)
	}
}

// TestUniform: over many seeds, where element 0 lands is spread evenly
// over the positions (a weak key schedule would favour some).
func TestUniform(t *testing.T) {
	const n, seeds, buckets = 1000, 20000, 10
	var hist [buckets]int
	for s := uint64(0); s < seeds; s++ {
		p := New(n, s)
		hist[p.Position(0)*buckets/n]++
	}
	for b, c := range hist {
		if c < seeds/buckets*8/10 || c > seeds/buckets*12/10 {
			t.Fatalf("bucket %d holds %d of %d (want about %d): %v", b, c, seeds, seeds/buckets, hist)
		}
	}
}

// TestSingleHostFairShare: one host with 12 ports (the case) split
// in four: every shard gets exactly three of its ports, all different.
func TestSingleHostFairShare(t *testing.T) {
	for seed := uint64(0); seed < 50; seed++ {
		seen := map[uint64]bool{}
		for i := uint64(0); i < 4; i++ {
			pl := Plan{Hosts: 1, Ports: 12, Seed: seed, Shards: 4, Shard: i}
			got := 0
			for pr := range pl.All() {
				if pr.Host != 0 || seen[pr.Port] {
					t.Fatalf("seed %d shard %d: pair %v", seed, i, pr)
				}
				seen[pr.Port] = true
				got++
			}
			if got != 3 {
				t.Fatalf("seed %d shard %d: %d ports, want 3", seed, i, got)
			}
		}
	}
}

// TestPlanCoverage: hosts × ports in blocks, several shard counts: every
// pair exactly once, shard sizes within one of each other, Owner agrees
// with the iteration, From(k) resumes exactly where k pairs were done.
func TestPlanCoverage(t *testing.T) {
	for _, c := range []struct{ hosts, ports, block uint64 }{
		{8, 12, 0}, {8, 12, 3}, {1, 1000, 0}, {257, 33, 16}, {1000, 1, 7}, {3, 0, 0}, {0, 5, 2}, {100, 100, 100}, {100, 100, 1},
	} {
		for _, shards := range []uint64{1, 2, 4, 5, 9} {
			total := c.hosts * c.ports
			count := make([]uint8, total)
			var lens []uint64
			for i := uint64(0); i < shards; i++ {
				pl := Plan{Hosts: c.hosts, Ports: c.ports, BlockHosts: c.block, Seed: 3, Shards: shards, Shard: i}
				if err := pl.Check(); err != nil {
					t.Fatal(err)
				}
				var all []Pair
				for k, pr := range pl.From(0) {
					if pr.Host >= c.hosts || pr.Port >= c.ports {
						t.Fatalf("%+v: pair %v out of range", pl, pr)
					}
					count[pr.Host*c.ports+pr.Port]++
					if sh, rank := pl.Owner(pr); sh != i || rank != k {
						t.Fatalf("%+v: Owner(%v) = (%d, %d), yielded as #%d", pl, pr, sh, rank, k)
					}
					all = append(all, pr)
				}
				if uint64(len(all)) != pl.Len() {
					t.Fatalf("%+v: %d pairs, Len %d", pl, len(all), pl.Len())
				}
				lens = append(lens, pl.Len())
				for _, k := range []int{0, 1, len(all) / 2, len(all), len(all) + 3} {
					var rest []Pair
					for _, pr := range pl.From(uint64(k)) {
						rest = append(rest, pr)
					}
					if !slices.Equal(rest, all[min(k, len(all)):]) {
						t.Fatalf("%+v: From(%d) does not resume the order", pl, k)
					}
				}
			}
			for j, n := range count {
				if n != 1 {
					t.Fatalf("%v shards=%d: pair %d seen %d times", c, shards, j, n)
				}
			}
			if len(lens) > 0 && slices.Max(lens)-slices.Min(lens) > 1 {
				t.Fatalf("%v shards=%d: sizes %v", c, shards, lens)
			}
		}
	}
	if err := (&Plan{Hosts: 1 << 40, Ports: 1 << 30}).Check(); err == nil {
		t.Error("2^70 pairs accepted")
	}
	if err := (&Plan{Hosts: 1, Ports: 1, Shards: 2, Shard: 2}).Check(); !errors.Is(err, ErrShard) {
		t.Errorf("shard 2 of 2: %v", err)
	}
}

// TestSpread: in one unsharded scan of 64 hosts × 1,000 ports, no host is
// hammered: within any 64 consecutive probes a host gets at most a few
// (in port order it would get all 64), and each host's ports are spread
// over the whole run (each quarter holds about a quarter of them).
func TestSpread(t *testing.T) {
	const hosts, ports = 64, 1000
	pl := Plan{Hosts: hosts, Ports: ports, Seed: 11}
	var order []Pair
	for pr := range pl.All() {
		order = append(order, pr)
	}
	window := make([]int, hosts)
	worst := 0
	for i, pr := range order {
		window[pr.Host]++
		if i >= hosts {
			window[order[i-hosts].Host]--
		}
		worst = max(worst, window[pr.Host])
	}
	// A uniform random order gives a maximum of about 6 here; 10 would be
	// a sign of structure.
	if worst > 10 {
		t.Errorf("a host got %d of 64 consecutive probes", worst)
	}
	var quarters [hosts][4]int
	for i, pr := range order {
		quarters[pr.Host][i*4/len(order)]++
	}
	for h, q := range quarters {
		for _, c := range q {
			if c < ports/4*8/10 || c > ports/4*12/10 {
				t.Fatalf("host %d: ports per quarter of the run %v, want about %d each", h, q, ports/4)
			}
		}
	}
}

// TestFlatMemory: walking ten million pairs allocates nothing per pair.
func TestFlatMemory(t *testing.T) {
	pl := Plan{Hosts: 10000, Ports: 1000, BlockHosts: 256, Seed: 5, Shards: 3, Shard: 1}
	var sum uint64
	walk := func() {
		for pr := range pl.All() {
			sum += pr.Host ^ pr.Port
		}
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	walk()
	runtime.ReadMemStats(&after)
	if d := after.TotalAlloc - before.TotalAlloc; d > 64<<10 {
		t.Fatalf("walking %d pairs allocated %d bytes", pl.Len(), d)
	}
	p := New(1<<40, 1)
	s, _ := p.Split(7, 3)
	if a := testing.AllocsPerRun(10, func() {
		n := 0
		for v := range s.From(1 << 30) {
			sum += v
			if n++; n == 1000 {
				break
			}
		}
	}); a > 2 {
		t.Fatalf("%v allocations per 1,000 elements of a 2^40 permutation", a)
	}
	_ = fmt.Sprint(sum)
}

// TestHostPorts: a host's ports asked for on their own are exactly the
// host's pairs in the shard's walk, in the same order; HasHost says
// whether there are any.
func TestHostPorts(t *testing.T) {
	for _, c := range []struct{ hosts, ports, block, shards uint64 }{
		{8, 12, 0, 4}, {1, 12, 0, 4}, {8, 32, 3, 4}, {257, 33, 16, 5}, {1000, 1, 256, 7}, {5, 0, 0, 2}, {3, 2, 0, 8},
	} {
		for i := uint64(0); i < c.shards; i++ {
			pl := Plan{Hosts: c.hosts, Ports: c.ports, BlockHosts: c.block, Seed: 9, Shards: c.shards, Shard: i}
			want := make([][]uint64, c.hosts)
			for pr := range pl.All() {
				want[pr.Host] = append(want[pr.Host], pr.Port)
			}
			for h := uint64(0); h < c.hosts; h++ {
				got := pl.HostPorts(h, nil)
				if !slices.Equal(got, want[h]) {
					t.Fatalf("%+v: HostPorts(%d) = %v, the walk gives %v", pl, h, got, want[h])
				}
				if pl.HasHost(h) != (len(want[h]) > 0) {
					t.Fatalf("%+v: HasHost(%d) = %v with %d ports", pl, h, pl.HasHost(h), len(want[h]))
				}
			}
		}
	}
}
