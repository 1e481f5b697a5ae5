// Package shard orders and splits the (address, port) pairs of a scan: a
// keyed permutation of 0..n-1 that holds no list, cut into N fair shards.
//
// Perm is a small-domain block cipher: an alternating (unbalanced) Feistel
// network over a×b ≥ n values (a a power of two near sqrt(n), b = ceil(n/a)),
// keyed by a seed, with cycle walking to stay below n. It maps a position to a pair index
// and back (At, Position) in a few nanoseconds with no memory but its keys.
// Shard I of N takes the positions I, I+N, I+2N, ... of that order, so the
// shards are disjoint, cover everything, and differ in size by at most one.
// Pairs lays hosts × ports on those indexes, host fastest, so that one
// host's ports are spread over the whole run instead of sent in a row.
package shard
