package shard

import (
	"errors"
	"fmt"
	"iter"
	"math/bits"
)

// rounds is the number of Feistel rounds. Four rounds of a good round
// function already make a pseudo-random permutation (Luby–Rackoff); six
// leave a margin on tiny domains, where the halves are only a few bits
// wide, for about 2 ns per round.
const rounds = 6

// Perm is a keyed permutation of 0..n-1. The zero value is the empty
// permutation; New makes others. A Perm is a value of a few words, safe for
// concurrent use.
type Perm struct {
	n     uint64
	aBits uint   // x, the low half, has aBits bits
	aMask uint64 // 1<<aBits - 1
	b     uint64 // y, the high half, is below b
	keys  [rounds]uint64
}

// New returns the permutation of 0..n-1 keyed by seed: the same (n, seed)
// always gives the same order, and different seeds give unrelated orders.
func New(n, seed uint64) Perm {
	p := Perm{n: n, b: 1}
	if n > 1 {
		k := uint(bits.Len64(n - 1)) // 2^k >= n > 2^(k-1)
		p.aBits = (k + 1) / 2
		p.aMask = 1<<p.aBits - 1
		p.b = (n-1)>>p.aBits + 1 // ceil(n / 2^aBits)
	}
	// Round keys from the seed with SplitMix64's sequence, so that nearby
	// seeds (0, 1, 2 ...) give unrelated keys.
	s := seed
	for i := range p.keys {
		s += 0x9e3779b97f4a7c15
		p.keys[i] = mix(s)
	}
	return p
}

// mix is SplitMix64's finaliser: a bijection of uint64 in which every
// input bit changes about half of the output bits.
func mix(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// Len is n, the number of elements permuted.
func (p *Perm) Len() uint64 { return p.n }

// encrypt is one pass of the Feistel network over 0..a×b-1, where
// a = 2^aBits is about sqrt(n) and b = ceil(n/a): the domain exceeds n by
// less than a. The value is split into x = v mod a and y = v div a; even
// rounds add a keyed hash of y to x modulo a, odd rounds a keyed hash of x
// to y modulo b (the hash brought below b by a multiply-shift, the sum by
// one subtraction). Every round is invertible whatever the hash, so the
// whole is a permutation of the domain.
func (p *Perm) encrypt(v uint64) uint64 {
	x, y := v&p.aMask, v>>p.aBits
	for r := 0; r < rounds; r += 2 {
		x = (x + mix(y^p.keys[r])) & p.aMask
		h, _ := bits.Mul64(mix(x^p.keys[r+1]), p.b)
		if y += h; y >= p.b {
			y -= p.b
		}
	}
	return y<<p.aBits | x
}

// decrypt undoes encrypt.
func (p *Perm) decrypt(v uint64) uint64 {
	x, y := v&p.aMask, v>>p.aBits
	for r := rounds - 2; r >= 0; r -= 2 {
		h, _ := bits.Mul64(mix(x^p.keys[r+1]), p.b)
		if y < h {
			y += p.b
		}
		y -= h
		x = (x - mix(y^p.keys[r])) & p.aMask
	}
	return y<<p.aBits | x
}

// At returns the element at position i of the order (i < Len). The network
// permutes a domain slightly larger than n (by less than 2·sqrt(n)); an
// output of n or more is encrypted again until it falls below n (cycle
// walking), which keeps a permutation of 0..n-1 and is rare: one pass in
// about sqrt(n)/2 needs a second.
// At panics when i >= Len, like an index out of range.
func (p *Perm) At(i uint64) uint64 {
	if i >= p.n {
		panic(fmt.Sprintf("shard: position %d out of range [0,%d)", i, p.n))
	}
	v := p.encrypt(i)
	for v >= p.n {
		v = p.encrypt(v)
	}
	return v
}

// Position is the inverse of At: the position of element v (v < Len).
// With it a scan can tell which shard owns a pair (Position(v) % shards)
// without walking the order.
func (p *Perm) Position(v uint64) uint64 {
	if v >= p.n {
		panic(fmt.Sprintf("shard: element %d out of range [0,%d)", v, p.n))
	}
	i := p.decrypt(v)
	for i >= p.n {
		i = p.decrypt(i)
	}
	return i
}

// All yields the whole order: At(0), At(1), ..., At(Len-1).
func (p *Perm) All() iter.Seq[uint64] {
	return func(yield func(uint64) bool) {
		for i := uint64(0); i < p.n; i++ {
			if !yield(p.At(i)) {
				return
			}
		}
	}
}

// ErrShard is returned for a shard count of 0 or a shard index out of
// range.
var ErrShard = errors.New("shard: want 0 <= shard < shards")

// Shard is one of N shards of a Perm: the elements at positions Index,
// Index+N, Index+2N, ... of the order.
type Shard struct {
	perm          Perm
	shards, index uint64
}

// Split returns shard index (0-based, as Kubernetes' JOB_COMPLETION_INDEX
// counts) of shards. Every element of p is in exactly one shard, and the
// shards' sizes differ by at most one.
func (p Perm) Split(shards, index uint64) (Shard, error) {
	if shards == 0 || index >= shards {
		return Shard{}, fmt.Errorf("%w (shard %d of %d)", ErrShard, index, shards)
	}
	return Shard{perm: p, shards: shards, index: index}, nil
}

// Indexes is the API in one call: the pair indexes of shard index of
// shards, for n pairs in the order keyed by seed.
func Indexes(n, shards, index, seed uint64) (iter.Seq[uint64], error) {
	s, err := New(n, seed).Split(shards, index)
	if err != nil {
		return nil, err
	}
	return s.All(), nil
}

// Len is the number of elements of the shard: ceil((n-index)/shards).
func (s *Shard) Len() uint64 {
	if s.index >= s.perm.n {
		return 0
	}
	return (s.perm.n-s.index-1)/s.shards + 1
}

// At returns the shard's k-th element (k < Len).
func (s *Shard) At(k uint64) uint64 { return s.perm.At(s.index + k*s.shards) }

// Owner returns the shard that holds element v of the whole permutation,
// and v's rank k in that shard (so that s.At(k) == v).
func (s *Shard) Owner(v uint64) (shard, k uint64) {
	pos := s.perm.Position(v)
	return pos % s.shards, pos / s.shards
}

// All yields the shard's elements in order.
func (s *Shard) All() iter.Seq[uint64] { return s.From(0) }

// From yields the shard's elements from its k-th on: a scan that wrote k
// results before it stopped resumes with From(k).
func (s *Shard) From(k uint64) iter.Seq[uint64] {
	return func(yield func(uint64) bool) {
		n := s.Len()
		for ; k < n; k++ {
			if !yield(s.perm.At(s.index + k*s.shards)) {
				return
			}
		}
	}
}
