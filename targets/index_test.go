package targets

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// viaAll returns the hosts and pairs All yields, and its errors.
func viaAll(t *testing.T, l *List) (hosts, pairs, errs []string) {
	t.Helper()
	for tg, err := range l.All(context.Background()) {
		switch {
		case err != nil:
			errs = append(errs, err.Error())
		case tg.HasPort():
			pairs = append(pairs, tg.String())
		default:
			hosts = append(hosts, tg.String())
		}
	}
	return
}

// viaIndex returns what Host(0..) and Pair(0..) give, skipping excluded
// indexes, and the index's errors.
func viaIndex(t *testing.T, l *List) (hosts, pairs, errs []string, x *Index) {
	t.Helper()
	x, err := l.Index(context.Background())
	if err != nil {
		t.Fatalf("Index: %v", err)
	}
	for i := uint64(0); i < x.Hosts(); i++ {
		if tg, ok := x.Host(i); ok {
			hosts = append(hosts, tg.String())
		}
	}
	for i := uint64(0); i < x.Pairs(); i++ {
		if tg, ok := x.Pair(i); ok {
			pairs = append(pairs, tg.String())
		}
	}
	for _, e := range x.Errors {
		errs = append(errs, e.Error())
	}
	return
}

// TestIndexMatchesAll: for every kind of target and list line, with and
// without exclusions, the index gives exactly All's hosts and pairs in
// All's order, and the same errors.
func TestIndexMatchesAll(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "list.txt")
	os.WriteFile(list, []byte(strings.Join([]string{
		"10.1.0.1 10.1.0.2  # two addresses",
		"10.1.0.3",
		"192.168.7.0/29",
		"gw scanme.example.org",
		"open tcp 80 10.2.0.1 1690000000",
		"Discovered open port 53/udp on 10.2.0.2",
		`{"host":"www.example","ip":"10.2.0.3","port":443}`,
		"10.3.0.1:8080 [2001:db8::9]:22",
		"10.0.0.300 no.such.host",
		"10.4.0.1",
		"10.5.0.0/30:25",
	}, "\n")), 0o644)
	cases := []struct {
		name    string
		tokens  []string
		file    bool
		exclude string
		all     bool
	}{
		{name: "addresses", tokens: []string{"127.0.0.1", "::1", "fe80::1%eth0", "192.0.2.7"}},
		{name: "blocks", tokens: []string{"10.0.0.0/30", "0.0.0.0/30", "2001:db8::/126", "10.9.0.0/31", "255.255.255.252/30"}},
		{name: "ranges", tokens: []string{"10.0-1.3,5.1-3", "192.168.1.*", "10.0.0.1-5/30", "1-2.0.0.250-"}},
		{name: "names", tokens: []string{"scanme.example.org", "v6only.example", "gw/30", "no.such.host", "scanme.example.org"}},
		{name: "resolve all", tokens: []string{"scanme.example.org", "gw"}, all: true},
		{name: "pairs", tokens: []string{"10.0.0.1:80", "[2001:db8::1]:443", "gw:22", "10.0.0.0/30:25", "10.0.0.1"}},
		{name: "list", tokens: []string{"10.9.9.9"}, file: true},
		{name: "excluded", tokens: []string{"10.0.0.0/28", "10.0.0.5", "192.168.1.1-20", "gw", "10.0.0.1:80", "10.0.0.1:81"}, file: true,
			exclude: "10.0.0.4/30,192.168.1.3,gw,10.0.0.1:80,10.1.0.2,192.168.7.5,10.2.0.1:80"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			mk := func() *List {
				l := &List{Resolver: dns, ResolveAll: c.all}
				l.Add(c.tokens...)
				if c.file {
					if err := l.AddFile(list); err != nil {
						t.Fatal(err)
					}
				}
				if c.exclude != "" {
					if err := l.Exclude(c.exclude); err != nil {
						t.Fatal(err)
					}
				}
				return l
			}
			wantH, wantP, wantE := viaAll(t, mk())
			gotH, gotP, gotE, x := viaIndex(t, mk())
			if !slices.Equal(gotH, wantH) {
				t.Errorf("hosts:\n got %q\nwant %q", gotH, wantH)
			}
			if !slices.Equal(gotP, wantP) {
				t.Errorf("pairs:\n got %q\nwant %q", gotP, wantP)
			}
			if !slices.Equal(gotE, wantE) {
				t.Errorf("errors:\n got %q\nwant %q", gotE, wantE)
			}
			if len(wantH)+len(wantP) == 0 {
				t.Fatal("case yields nothing")
			}
			t.Logf("%d hosts (%d indexed), %d pairs (%d indexed), %d errors", len(wantH), x.Hosts(), len(wantP), x.Pairs(), len(wantE))
		})
	}
}

// TestIndexBigBlocks: a /8 and the whole of IPv4 are indexed in constant
// memory, and any index is computed directly.
func TestIndexBigBlocks(t *testing.T) {
	l := &List{}
	l.Add("10.0.0.0/8", "0.0.0.0/0", "2001:db8::/96", "1-3.*.*.0-1")
	x, err := l.Index(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := uint64(1<<24 + 1<<32 + 1<<32 + 3*256*256*2)
	if x.Hosts() != want {
		t.Fatalf("Hosts = %d, want %d", x.Hosts(), want)
	}
	for _, c := range []struct {
		i    uint64
		want string
	}{
		{0, "10.0.0.0"}, {1<<24 - 1, "10.255.255.255"}, {258, "10.0.1.2"},
		{1 << 24, "0.0.0.0"}, {1<<24 + 1<<32 - 1, "255.255.255.255"}, {1<<24 + 0x7f000001, "127.0.0.1"},
		{1<<24 + 1<<32, "2001:db8::"}, {1<<24 + 1<<33 - 1, "2001:db8::ffff:ffff"},
		{1<<24 + 1<<33, "1.0.0.0"}, {1<<24 + 1<<33 + 1, "1.0.0.1"}, {1<<24 + 1<<33 + 2, "1.0.1.0"}, {want - 1, "3.255.255.1"},
	} {
		if got, ok := x.Host(c.i); !ok || got.Addr.String() != c.want {
			t.Errorf("Host(%d) = %v %v, want %s", c.i, got, ok, c.want)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("Host(Hosts()) did not panic")
		}
	}()
	x.Host(want)
}

// TestIndexStops: a cancelled context and an unresolvable excluded name
// stop the index, as they stop All.
func TestIndexStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	l := &List{Resolver: dns}
	l.Add("10.0.0.1")
	if _, err := l.Index(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	l = &List{Resolver: dns}
	l.Add("10.0.0.1")
	l.Exclude("no.such.host")
	if _, err := l.Index(context.Background()); err == nil {
		t.Error("unresolvable exclusion accepted")
	}
}

// FuzzIndex: for any tokens and list lines, the index agrees with All.
func FuzzIndex(f *testing.F) {
	f.Add("10.0.0.1 10.0.0.0/30 gw", "10.0.0.2")
	f.Add("1-2.3.4,6.* scanme.example.org/31 10.0.0.1:80", "10.0.0.0/31")
	f.Add("open tcp 80 10.2.0.1 1690000000\n::1 fe80::/126", "")
	f.Fuzz(func(t *testing.T, text, exclude string) {
		mk := func() *List {
			l := &List{Resolver: dns}
			l.AddReader("fuzz", strings.NewReader(text))
			l.Exclude(exclude)
			return l
		}
		x, err := mk().Index(context.Background())
		if err != nil || x.Hosts()+x.Pairs() > 4096 {
			return
		}
		wantH, wantP, wantE := viaAll(t, mk())
		gotH, gotP, gotE, _ := viaIndex(t, mk())
		if !slices.Equal(gotH, wantH) || !slices.Equal(gotP, wantP) || !slices.Equal(gotE, wantE) {
			t.Fatalf("index differs from All:\nhosts %q\n  vs %q\npairs %q\n  vs %q\nerrors %q\n   vs %q", gotH, wantH, gotP, wantP, gotE, wantE)
		}
	})
}
