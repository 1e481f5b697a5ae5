package scan

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/netnstest"
	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/result"
	"github.com/signetscan/signet/targets"
)

// TestPortOrder: unsharded, each host gets every port once, in a keyed order of its own: not
// ascending, not the same for two hosts, the same again for the same seed.
func TestPortOrder(t *testing.T) {
	ports, _ := portspec.Parse("T:1-1000,U:53,161", nil)
	o := &Options{Ports: ports, TCP: portscan.Connect, UDP: true, Seed: 7}
	a := o.ports(unit{addr: netip.MustParseAddr("10.0.0.1")})
	b := o.ports(unit{addr: netip.MustParseAddr("10.0.0.2")})
	again := o.ports(unit{addr: netip.MustParseAddr("10.0.0.1")})
	for i, l := range a {
		sorted := slices.Sorted(slices.Values(l))
		if want := slices.Collect(ports.Get([]portspec.Protocol{portspec.TCP, portspec.UDP}[i]).All()); !slices.Equal(sorted, want) {
			t.Fatalf("list %d: %d ports, want %d, each once", i, len(sorted), len(want))
		}
		if !slices.Equal(l, again[i]) {
			t.Error("the same seed and host gave another order")
		}
	}
	if slices.IsSorted(a[0]) || slices.Equal(a[0], b[0]) {
		t.Error("TCP ports in ascending order, or two hosts in the same order")
	}
	// In a row of 50 probes of the permuted order, ports are far apart: no run of neighbours.
	near := 0
	for i := 1; i < 50; i++ {
		if d := int(a[0][i]) - int(a[0][i-1]); d == 1 || d == -1 {
			near++
		}
	}
	if near > 3 {
		t.Errorf("%d consecutive probes to neighbouring ports in 50", near)
	}
}

// recorder is a Writer that counts host records per address and keeps the ports.
type recorder struct {
	mu      sync.Mutex
	records map[string]int
	open    map[string]int // "addr:port/proto" → times written open
	ports   map[string]int // every port written or counted in "Not shown", per address
}

func newRecorder() *recorder {
	return &recorder{records: map[string]int{}, open: map[string]int{}, ports: map[string]int{}}
}

func (r *recorder) Begin(*result.Run) error  { return nil }
func (r *recorder) End(*result.RunEnd) error { return nil }
func (r *recorder) Host(h *result.Host) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.records[h.Addr]++
	for _, p := range h.Ports {
		r.ports[h.Addr]++
		if p.State == "open" {
			r.open[fmt.Sprintf("%s:%d/%s", h.Addr, p.Number, p.Proto)]++
		}
	}
	for _, x := range h.Extra {
		r.ports[h.Addr] += x.Count
	}
	return nil
}

// TestShards: 8 hosts × 32 ports (12 listening) in a fresh namespace, scanned whole and in
// four shards, by host targets and by host:port targets: the shards together find exactly
// the open ports of the whole scan, none twice, each host written once per scan, and each
// shard of a single host gets its share of the host's ports.
func TestShards(t *testing.T) {
	if !netnstest.Fresh(t) {
		return
	}
	const hosts = 8
	var open []uint16
	for i := range 12 {
		open = append(open, uint16(4001+i))
	}
	for h := 1; h <= hosts; h++ {
		for _, p := range open {
			listen(t, fmt.Sprintf("127.0.0.%d:%d", h, p))
		}
	}
	ports, _ := portspec.Parse("4001-4032", nil)
	run := func(t *testing.T, o Options, spec ...string) *recorder {
		t.Helper()
		var tl targets.List
		if err := tl.Add(spec...); err != nil {
			t.Fatal(err)
		}
		rec := newRecorder()
		o.Targets, o.Writer, o.NoPing, o.NoResolve, o.TCP, o.Ports = &tl, rec, true, true, portscan.Connect, ports
		o.Warn = func(s string) { t.Errorf("warning: %s", s) }
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		Run(ctx, o, &result.Run{Start: time.Now()})
		for a, n := range rec.records {
			if n != 1 {
				t.Errorf("%s written %d times", a, n)
			}
		}
		return rec
	}
	whole := run(t, Options{}, "127.0.0.1-8")
	if len(whole.open) != hosts*len(open) {
		t.Fatalf("unsharded: %d open ports, want %d", len(whole.open), hosts*len(open))
	}
	var pairs []string
	for h := 1; h <= hosts; h++ {
		for p := 4001; p <= 4032; p++ {
			pairs = append(pairs, fmt.Sprintf("127.0.0.%d:%d", h, p))
		}
	}
	for _, c := range []struct {
		name string
		spec []string
	}{{"hosts", []string{"127.0.0.1-8"}}, {"host:port", pairs}} {
		t.Run(c.name, func(t *testing.T) {
			seen := map[string]int{}
			scanned := map[string]int{}
			for i := range uint64(4) {
				rec := run(t, Options{Shards: 4, Shard: i, Seed: 2026}, c.spec...)
				if len(rec.open) == 0 {
					t.Errorf("shard %d found no open port", i)
				}
				for k, n := range rec.open {
					seen[k] += n
				}
				for a, n := range rec.ports {
					scanned[a] += n
				}
			}
			for k := range whole.open {
				if seen[k] != 1 {
					t.Errorf("%s found by %d shards", k, seen[k])
				}
			}
			if len(seen) != len(whole.open) {
				t.Errorf("the shards found %d open ports, the whole scan %d", len(seen), len(whole.open))
			}
			for h := 1; h <= hosts; h++ {
				if a := fmt.Sprintf("127.0.0.%d", h); scanned[a] != 32 {
					t.Errorf("%s: the shards scanned %d ports, want 32", a, scanned[a])
				}
			}
		})
	}
	t.Run("single-host", func(t *testing.T) {
		for _, spec := range []string{"4001-4012", "4001-4032"} {
			ports, _ := portspec.Parse(spec, nil)
			var got []string
			total := 0
			for i := range uint64(4) {
				rec := newRecorder()
				var tl targets.List
				tl.Add("127.0.0.3")
				o := Options{Targets: &tl, Ports: ports, TCP: portscan.Connect, NoPing: true, NoResolve: true,
					Writer: rec, Shards: 4, Shard: i, Seed: 11}
				Run(context.Background(), o, &result.Run{Start: time.Now()})
				if len(rec.open) == 0 {
					t.Errorf("-p %s: shard %d of one host found no open port", spec, i)
				}
				if spec == "4001-4012" && rec.ports["127.0.0.3"] != 3 {
					t.Errorf("-p %s: shard %d scanned %d ports, want 3 (a fair share)", spec, i, rec.ports["127.0.0.3"])
				}
				total += len(rec.open)
				got = append(got, fmt.Sprint(len(rec.open)))
			}
			if total != 12 {
				t.Errorf("-p %s: the shards of one host found %d open ports, want 12", spec, total)
			}
			t.Logf("-p %s: open ports per shard of one host: %s", spec, strings.Join(got, " "))
		}
	})
	t.Run("done", func(t *testing.T) {
		done := map[netip.Addr]bool{netip.MustParseAddr("127.0.0.2"): true, netip.MustParseAddr("127.0.0.5"): true}
		rec := run(t, Options{Done: func(a netip.Addr) bool { return done[a] }}, "127.0.0.1-8")
		if len(rec.records) != hosts-2 || rec.records["127.0.0.2"]+rec.records["127.0.0.5"] != 0 {
			t.Errorf("with two hosts done, records %v", rec.records)
		}
	})
}
