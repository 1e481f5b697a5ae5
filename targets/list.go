package targets

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net"
	"net/netip"
	"os"
	"strings"

	"github.com/signetscan/signet/portspec"
)

// Resolver looks up host names. *net.Resolver satisfies it; tests inject
// their own so that no lookup leaves the machine.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// Target is one address to scan, or one (address, port) pair when the
// input said which port (host:port, masscan and naabu lines): those are
// probed directly, with no port scan.
type Target struct {
	Addr netip.Addr
	// Name is the host name Addr was resolved from, "" for addresses and
	// for the addresses of a block around a name (host/24).
	Name string
	// Port and Proto are set when the input named a port; Proto is 0 otherwise.
	Port  uint16
	Proto portspec.Protocol
}

// HasPort reports whether t is an (address, port) pair.
func (t Target) HasPort() bool { return t.Proto != 0 }

// String formats t as nmap names hosts ("name (addr)"), with ":port/proto"
// for pairs.
func (t Target) String() string {
	s := t.Addr.String()
	if t.Name != "" {
		s = t.Name + " (" + s + ")"
	}
	if t.HasPort() {
		s += fmt.Sprintf(" port %d/%s", t.Port, t.Proto)
	}
	return s
}

// Item is one element of Stream: a target or an error.
type Item struct {
	Target
	Err error
}

// List is the target specification of a run: command-line tokens, -iL
// lists and exclusions. Add sources, then iterate with All or Stream. The
// zero value is ready to use; set the fields before iterating.
type List struct {
	// Resolver looks up host names; net.DefaultResolver when nil.
	Resolver Resolver
	// Network is passed to the resolver: "ip4", "ip6", or "" for both, in
	// which case the first IPv4 address is used if there is one.
	Network string
	// ResolveAll scans every address of a host name, not only the first
	// (nmap's --resolve-all).
	ResolveAll bool

	sources []source
	ex      excluder
}

type source struct {
	spec *Spec
	name string // list name for positions ("-" is stdin)
	open func() (io.ReadCloser, error)
}

// Add parses command-line target tokens. Every bad token is reported, one
// line each (errors.Join); the good ones are kept.
func (l *List) Add(tokens ...string) error {
	var errs []error
	for _, t := range tokens {
		s, err := Parse(t)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		l.sources = append(l.sources, source{spec: s})
	}
	return errors.Join(errs...)
}

// AddFile adds an input list (-iL): "-" is standard input. The file is
// opened now, so a missing file is reported at once, and read while
// iterating, so it can be larger than memory. See AddReader for the format.
func (l *List) AddFile(path string) error {
	if path == "-" {
		l.AddReader("-", os.Stdin)
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	f.Close()
	l.sources = append(l.sources, source{name: path, open: func() (io.ReadCloser, error) { return os.Open(path) }})
	return nil
}

// AddReader adds an input list read from r while iterating (once: a second
// iteration finds r at its end). name is used in error positions. Lines
// hold whitespace-separated targets, "#" starting a comment, as nmap's -iL;
// and the lines port scanners print, each giving one (address, port) pair:
//
//	1.2.3.4:80  [2001:db8::1]:443            naabu, ZMap (host:port)
//	open tcp 80 1.2.3.4 1690000000           masscan -oL (banner and closed lines are skipped)
//	Discovered open port 80/tcp on 1.2.3.4   masscan's console
//	{"ip":"1.2.3.4","port":80,...}           naabu -json, masscan -oJ
func (l *List) AddReader(name string, r io.Reader) {
	l.sources = append(l.sources, source{name: name, open: func() (io.ReadCloser, error) { return io.NopCloser(r), nil }})
}

// Exclude adds targets never to scan, in --exclude's form: a comma-separated
// list of tokens in Parse's grammar (so octet lists like 10.0.0.1,2 cannot
// be used here, as in nmap). host:port tokens exclude one pair only.
func (l *List) Exclude(list string) error {
	var errs []error
	for _, t := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
		s, err := Parse(t)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		l.ex.add(s, 0)
	}
	return errors.Join(errs...)
}

// ExcludeFile adds the targets of an exclusion list (--excludefile, same
// format as AddReader), read now: every bad line is an error.
func (l *List) ExcludeFile(path string) error {
	var f io.ReadCloser = os.Stdin
	if path != "-" {
		var err error
		if f, err = os.Open(path); err != nil {
			return err
		}
		defer f.Close()
	}
	return l.ExcludeReader(path, f)
}

// ExcludeReader is ExcludeFile reading r; name is used in error positions.
func (l *List) ExcludeReader(name string, r io.Reader) error {
	var errs []error
	err := scanLines(name, r, func(e entry) bool {
		if e.err != nil {
			errs = append(errs, e.err)
		} else if e.spec != nil {
			l.ex.add(e.spec, e.proto)
		}
		return true
	})
	if err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func (l *List) resolver() Resolver {
	if l.Resolver != nil {
		return l.Resolver
	}
	return net.DefaultResolver
}

// NotIPv6Error is the failed look-up of a target that -6 (Network "ip6") cannot scan: an
// IPv4 address, block or range, or a name with IPv4 addresses only. Its text is nmap's
// warning.
type NotIPv6Error struct {
	Host  string // the name, address or first address of the block; "" for octet ranges
	Range bool   // an IPv4 octet range
}

func (e *NotIPv6Error) Error() string {
	if e.Range {
		return "IPv4 octet ranges hold no IPv6 address. Try scanning without -6"
	}
	return "Hostname " + e.Host + " resolves, but not to any IPv6 address. Try scanning without -6"
}

// notIPv6 is the error for a parsed spec that names IPv4 addresses when the list takes IPv6
// ones only (-6), or nil.
func (l *List) notIPv6(s *Spec) error {
	if l.Network != "ip6" {
		return nil
	}
	switch {
	case s.kind == kindAddr && s.addr.Is4():
		return &NotIPv6Error{Host: s.addr.String()}
	case s.kind == kindPrefix && s.prefix.Addr().Is4():
		return &NotIPv6Error{Host: s.prefix.Addr().String()}
	case s.kind == kindRanges:
		return &NotIPv6Error{Range: true}
	}
	return nil
}

// resolve returns the addresses of a host name to scan.
func (l *List) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	network := l.Network
	if network == "" {
		network = "ip"
	}
	as, err := l.resolver().LookupNetIP(ctx, network, host)
	if err != nil && network == "ip6" && ctx.Err() == nil {
		// As nmap says it: the name is known, but has no address -6 could scan.
		if v4, err4 := l.resolver().LookupNetIP(ctx, "ip4", host); err4 == nil && len(v4) > 0 {
			return nil, &NotIPv6Error{Host: host}
		}
	}
	if err != nil {
		return nil, err
	}
	for i := range as {
		as[i] = as[i].Unmap()
	}
	if len(as) == 0 {
		return nil, errors.New("no addresses")
	}
	if l.ResolveAll {
		return as, nil
	}
	for _, a := range as {
		if a.Is4() {
			return []netip.Addr{a}, nil
		}
	}
	return as[:1], nil
}

// All yields the targets in the order given, skipping exclusions. Bad list
// lines and failed look-ups are yielded as errors (*Error) and iteration
// goes on; the caller may stop. A failed look-up of an excluded host name
// stops the iteration (scanning what the user excluded is worse than
// stopping), and so does ctx: its error is the last thing yielded.
func (l *List) All(ctx context.Context) iter.Seq2[Target, error] {
	return func(yield func(Target, error) bool) {
		if err := l.ex.resolve(ctx, l); err != nil {
			yield(Target{}, err)
			return
		}
		done := ctx.Done()
		stopped := false
		emit := func(t Target, err error) bool {
			select {
			case <-done:
				if !stopped {
					stopped = true
					yield(Target{}, ctx.Err())
				}
				return false
			default:
			}
			if err == nil && l.ex.excluded(t) {
				return true
			}
			if !yield(t, err) {
				stopped = true
				return false
			}
			return true
		}
		for _, src := range l.sources {
			if src.spec != nil {
				if !l.expand(ctx, entry{spec: src.spec}, emit) {
					return
				}
				continue
			}
			rc, err := src.open()
			if err != nil {
				if !emit(Target{}, err) {
					return
				}
				continue
			}
			ok := true
			serr := scanLines(src.name, rc, func(e entry) bool {
				switch {
				case e.err != nil:
					ok = emit(Target{}, e.err)
				case e.spec != nil:
					ok = l.expand(ctx, e, emit)
				}
				return ok
			})
			rc.Close()
			if !ok {
				return
			}
			if serr != nil && !emit(Target{}, serr) {
				return
			}
		}
		if !stopped {
			select {
			case <-done:
				yield(Target{}, ctx.Err())
			default:
			}
		}
	}
}

// expand yields the targets of one entry.
func (l *List) expand(ctx context.Context, e entry, emit func(Target, error) bool) bool {
	s, proto, pos := e.spec, e.proto, e.pos
	mk := func(a netip.Addr, name string) Target {
		if name == "" && s.kind == kindAddr {
			name = e.name
		}
		t := Target{Addr: a, Name: name}
		if s.port >= 0 {
			t.Port, t.Proto = uint16(s.port), proto
			if proto == 0 {
				t.Proto = portspec.TCP
			}
		}
		return t
	}
	if err := l.notIPv6(s); err != nil {
		return emit(Target{}, &Error{Pos: pos, Token: s.text, Err: err})
	}
	if s.kind != kindHost {
		return s.each(func(a netip.Addr) bool { return emit(mk(a, ""), nil) })
	}
	as, err := l.resolve(ctx, s.host)
	if err != nil {
		if ctx.Err() != nil {
			return emit(Target{}, ctx.Err())
		}
		return emit(Target{}, &Error{Pos: pos, Token: s.text, Err: err})
	}
	for _, a := range as {
		if s.bits < 0 {
			if !emit(mk(a, s.host), nil) {
				return false
			}
			continue
		}
		p, err := blockAround(a, s.bits)
		if err != nil {
			if !emit(Target{}, &Error{Pos: pos, Token: s.text, Msg: err.Error()}) {
				return false
			}
			continue
		}
		if !eachPrefix(p, func(a netip.Addr) bool { return emit(mk(a, ""), nil) }) {
			return false
		}
	}
	return true
}

// blockAround returns the block of a resolved host/bits token.
func blockAround(a netip.Addr, bits int) (netip.Prefix, error) {
	if a.Is4() && bits > 32 {
		return netip.Prefix{}, fmt.Errorf("netmask /%d out of range 0-32 for %s", bits, a)
	}
	if a.Is6() && bits < MinIPv6Prefix {
		return netip.Prefix{}, fmt.Errorf("IPv6 /%d is 2^%d addresses; the largest block allowed is /%d", bits, 128-bits, MinIPv6Prefix)
	}
	return netip.PrefixFrom(a.WithZone(""), bits).Masked(), nil
}

// Stream runs All in a goroutine and sends its items on a channel with
// buf slots, closed at the end. Cancel ctx to stop it early.
func (l *List) Stream(ctx context.Context, buf int) <-chan Item {
	ch := make(chan Item, buf)
	go func() {
		defer close(ch)
		for t, err := range l.All(ctx) {
			select {
			case ch <- Item{Target: t, Err: err}:
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch
}

// excluder answers "is this target excluded?" quickly for large lists:
// addresses and CIDR blocks by map look-ups, octet ranges by bitsets.
type excluder struct {
	addrs    map[netip.Addr]bool
	prefixes map[int]map[netip.Prefix]bool // by prefix length
	ranges   []*Spec
	hosts    []*Spec // resolved into addrs before iterating
	pairs    []pair  // host:port exclusions
	resolved bool
}

type pair struct {
	spec  *Spec
	proto portspec.Protocol
	addrs []netip.Addr // resolved, for host names
}

func (x *excluder) add(s *Spec, proto portspec.Protocol) {
	if s.port >= 0 {
		if proto == 0 {
			proto = portspec.TCP
		}
		x.pairs = append(x.pairs, pair{spec: s, proto: proto})
		return
	}
	switch s.kind {
	case kindAddr:
		if x.addrs == nil {
			x.addrs = map[netip.Addr]bool{}
		}
		x.addrs[s.addr.WithZone("")] = true
	case kindPrefix:
		if x.prefixes == nil {
			x.prefixes = map[int]map[netip.Prefix]bool{}
		}
		m := x.prefixes[s.prefix.Bits()]
		if m == nil {
			m = map[netip.Prefix]bool{}
			x.prefixes[s.prefix.Bits()] = m
		}
		m[s.prefix] = true
	case kindRanges:
		x.ranges = append(x.ranges, s)
	case kindHost:
		x.hosts = append(x.hosts, s)
	}
	x.resolved = false
}

// resolve looks up excluded host names (nmap resolves them at start-up).
func (x *excluder) resolve(ctx context.Context, l *List) error {
	if x.resolved {
		return nil
	}
	hosts := x.hosts
	x.hosts = nil
	for _, h := range hosts {
		as, err := l.resolve(ctx, h.host)
		if err != nil {
			x.hosts = append(x.hosts, hosts...) // try again next time
			return &Error{Token: h.text, Err: fmt.Errorf("%w (while reading exclusions)", err)}
		}
		for _, a := range as {
			if h.bits < 0 {
				x.add(&Spec{kind: kindAddr, addr: a, port: -1}, 0)
				continue
			}
			p, err := blockAround(a, h.bits)
			if err != nil {
				return &Error{Token: h.text, Msg: err.Error()}
			}
			x.add(&Spec{kind: kindPrefix, prefix: p, port: -1}, 0)
		}
	}
	for i := range x.pairs {
		if s := x.pairs[i].spec; s.kind == kindHost && x.pairs[i].addrs == nil {
			as, err := l.resolve(ctx, s.host)
			if err != nil {
				return &Error{Token: s.text, Err: fmt.Errorf("%w (while reading exclusions)", err)}
			}
			x.pairs[i].addrs = as
		}
	}
	x.resolved = true
	return nil
}

func (x *excluder) excluded(t Target) bool {
	a := t.Addr.WithZone("")
	if x.addrs[a] {
		return true
	}
	for b, m := range x.prefixes {
		if b > a.BitLen() {
			continue
		}
		if p, err := a.Prefix(b); err == nil && m[p] {
			return true
		}
	}
	for _, s := range x.ranges {
		if s.contains(a) {
			return true
		}
	}
	if t.HasPort() {
		for _, p := range x.pairs {
			if p.spec.port != int(t.Port) || p.proto != t.Proto {
				continue
			}
			if p.spec.kind == kindHost {
				for _, pa := range p.addrs {
					if pa.WithZone("") == a {
						return true
					}
				}
			} else if p.spec.contains(a) {
				return true
			}
		}
	}
	return false
}

// scanLines reads an input list, calling fn for each target or bad token
// until fn returns false. It returns read errors.
func scanLines(name string, r io.Reader, fn func(entry) bool) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		pos := fmt.Sprintf("%s:%d", name, n)
		for _, e := range parseLine(sc.Text(), pos) {
			if !fn(e) {
				return nil
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	return nil
}
