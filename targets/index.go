package targets

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/bits"
	"net/netip"
	"sort"

	"github.com/signetscan/signet/portspec"
)

// Index is a random-access view of a List: Host(i) is the i-th host All
// would yield, without expanding CIDR blocks and octet ranges, so that a
// scan can visit hosts × ports in any order (see package shard) with
// memory that does not grow with the number of pairs.
//
// Hosts and host:port pairs are indexed apart: Host counts the targets
// without a port (each is scanned on every port of the scan), Pair the
// targets with one (probed on that port only), each in All's order.
//
// Memory: a block or range costs the same whatever its size; addresses
// listed one by one (an -iL file of single addresses, resolved names,
// scanner lines) are kept, 24 bytes each. Exclusions of single addresses
// are applied when the index is built; addresses of a block are checked
// when looked up, so Host may report an index excluded.
type Index struct {
	hosts, pairs []segment
	hostEnds     []uint64 // hostEnds[i]: hosts in hosts[:i+1]
	pairEnds     []uint64
	ex           *excluder

	// Errors are the bad list lines and failed look-ups met while
	// building, in order, as All yields them (*Error values).
	Errors []error
}

// segment is a run of targets: one block or octet range (spec), or
// targets listed one by one (addrs, with names and ports on the side).
type segment struct {
	spec  *Spec // kindPrefix or kindRanges; nil for a run of single targets
	proto portspec.Protocol

	addrs  []netip.Addr
	names  map[int]string      // index in addrs → host name, when any
	ports  []uint16            // pair segments of single targets
	protos []portspec.Protocol // pair segments of single targets
}

func (s *segment) len() uint64 {
	if s.spec != nil {
		return s.spec.Count()
	}
	return uint64(len(s.addrs))
}

// Index reads every source of l (lists are read to the end, names are
// resolved) and returns the random-access view. A list given as a reader
// (standard input) can be read once only: after Index, All finds it
// empty. The error is ctx's, or a failed look-up of an excluded name
// (which stops All too); bad lines and failed look-ups of targets are
// collected in Index.Errors and the rest is indexed.
func (l *List) Index(ctx context.Context) (*Index, error) {
	if err := l.ex.resolve(ctx, l); err != nil {
		return nil, err
	}
	x := &Index{ex: &l.ex}
	add := func(e entry) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		switch {
		case e.err != nil:
			x.Errors = append(x.Errors, e.err)
		case e.spec != nil:
			x.addEntry(ctx, l, e)
		}
		return ctx.Err()
	}
	for _, src := range l.sources {
		if src.spec != nil {
			if err := add(entry{spec: src.spec}); err != nil {
				return nil, err
			}
			continue
		}
		rc, err := src.open()
		if err != nil {
			x.Errors = append(x.Errors, err)
			continue
		}
		var stop error
		serr := scanLines(src.name, rc, func(e entry) bool {
			stop = add(e)
			return stop == nil
		})
		rc.Close()
		if stop != nil {
			return nil, stop
		}
		if serr != nil {
			x.Errors = append(x.Errors, serr)
		}
	}
	x.hostEnds = ends(x.hosts)
	x.pairEnds = ends(x.pairs)
	return x, nil
}

func ends(segs []segment) []uint64 {
	out := make([]uint64, len(segs))
	var n uint64
	for i := range segs {
		n += segs[i].len()
		out[i] = n
	}
	return out
}

// addEntry indexes one parsed target, as List.expand yields it.
func (x *Index) addEntry(ctx context.Context, l *List, e entry) {
	s := e.spec
	proto := e.proto
	if s.port >= 0 && proto == 0 {
		proto = portspec.TCP
	}
	if err := l.notIPv6(s); err != nil {
		x.Errors = append(x.Errors, &Error{Pos: e.pos, Token: s.text, Err: err})
		return
	}
	switch s.kind {
	case kindPrefix, kindRanges:
		x.addBlock(s, proto)
		return
	case kindAddr:
		x.addSingle(Target{Addr: s.addr, Name: e.name}, s.port, proto)
		return
	}
	as, err := l.resolve(ctx, s.host)
	if err != nil {
		if ctx.Err() == nil {
			x.Errors = append(x.Errors, &Error{Pos: e.pos, Token: s.text, Err: err})
		}
		return
	}
	for _, a := range as {
		if s.bits < 0 {
			x.addSingle(Target{Addr: a, Name: s.host}, s.port, proto)
			continue
		}
		p, err := blockAround(a, s.bits)
		if err != nil {
			x.Errors = append(x.Errors, &Error{Pos: e.pos, Token: s.text, Msg: err.Error()})
			continue
		}
		x.addBlock(&Spec{text: s.text, kind: kindPrefix, prefix: p, port: s.port, bits: -1}, proto)
	}
}

func (x *Index) addBlock(s *Spec, proto portspec.Protocol) {
	seg := segment{spec: s, proto: proto}
	if s.port >= 0 {
		x.pairs = append(x.pairs, seg)
	} else {
		x.hosts = append(x.hosts, seg)
	}
}

// addSingle appends one target to the run of single targets at the end,
// or starts one; excluded targets are dropped here.
func (x *Index) addSingle(t Target, port int, proto portspec.Protocol) {
	if port >= 0 {
		t.Port, t.Proto = uint16(port), proto
	}
	if x.ex.excluded(t) {
		return
	}
	segs := &x.hosts
	if port >= 0 {
		segs = &x.pairs
	}
	if n := len(*segs); n == 0 || (*segs)[n-1].spec != nil {
		*segs = append(*segs, segment{})
	}
	seg := &(*segs)[len(*segs)-1]
	if t.Name != "" {
		if seg.names == nil {
			seg.names = map[int]string{}
		}
		seg.names[len(seg.addrs)] = t.Name
	}
	seg.addrs = append(seg.addrs, t.Addr)
	if port >= 0 {
		seg.ports = append(seg.ports, t.Port)
		seg.protos = append(seg.protos, t.Proto)
	}
}

// Hosts is the number of targets without a port.
func (x *Index) Hosts() uint64 { return last(x.hostEnds) }

// Pairs is the number of host:port targets.
func (x *Index) Pairs() uint64 { return last(x.pairEnds) }

func last(e []uint64) uint64 {
	if len(e) == 0 {
		return 0
	}
	return e[len(e)-1]
}

// Host returns the i-th target without a port (i < Hosts). ok is false
// when an exclusion names it: the scan skips it.
func (x *Index) Host(i uint64) (t Target, ok bool) { return x.at(x.hosts, x.hostEnds, i) }

// Pair returns the i-th host:port target (i < Pairs); ok as for Host.
func (x *Index) Pair(i uint64) (t Target, ok bool) { return x.at(x.pairs, x.pairEnds, i) }

func (x *Index) at(segs []segment, ends []uint64, i uint64) (Target, bool) {
	j := sort.Search(len(ends), func(j int) bool { return ends[j] > i })
	if j == len(ends) {
		panic(fmt.Sprintf("targets: index %d out of range [0,%d)", i, last(ends)))
	}
	seg := &segs[j]
	if j > 0 {
		i -= ends[j-1]
	}
	if seg.spec == nil {
		t := Target{Addr: seg.addrs[i], Name: seg.names[int(i)]}
		if seg.ports != nil {
			t.Port, t.Proto = seg.ports[i], seg.protos[i]
		}
		return t, true
	}
	t := Target{Addr: seg.spec.nth(i)}
	if seg.spec.port >= 0 {
		t.Port, t.Proto = uint16(seg.spec.port), seg.proto
	}
	return t, !x.ex.excluded(t)
}

// nth returns the i-th address of a block or range spec, in each's order
// (i < Count).
func (s *Spec) nth(i uint64) netip.Addr {
	switch s.kind {
	case kindPrefix:
		a := s.prefix.Masked().Addr()
		if a.Is4() {
			b := a.As4()
			binary.BigEndian.PutUint32(b[:], binary.BigEndian.Uint32(b[:])+uint32(i))
			return netip.AddrFrom4(b)
		}
		// At most 2^32 addresses (MinIPv6Prefix), all in the low word:
		// the masked base has zeros there, so the sum cannot carry.
		b := a.As16()
		binary.BigEndian.PutUint64(b[8:], binary.BigEndian.Uint64(b[8:])+i)
		return netip.AddrFrom16(b)
	case kindRanges:
		var b [4]byte
		for o := 3; o >= 0; o-- {
			c := uint64(s.oct[o].count())
			b[o] = s.oct[o].nth(int(i % c))
			i /= c
		}
		return netip.AddrFrom4(b)
	}
	return s.addr
}

// nth returns the k-th value in the set, smallest first (k < count).
func (o *octets) nth(k int) byte {
	for w := 0; w < 4; w++ {
		c := bits.OnesCount64(o[w])
		if k >= c {
			k -= c
			continue
		}
		m := o[w]
		for ; k > 0; k-- {
			m &= m - 1
		}
		return byte(w*64 + bits.TrailingZeros64(m))
	}
	panic("targets: octet index out of range")
}
