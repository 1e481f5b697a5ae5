package result

import (
	"reflect"
	"testing"
	"time"
)

func ports(proto, state, reason string, from, n int) []*Port {
	var ps []*Port
	for i := 0; i < n; i++ {
		ps = append(ps, &Port{Number: from + i, Proto: proto, State: state, Reason: reason})
	}
	return ps
}

func cat(lists ...[]*Port) []*Port {
	var out []*Port
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// PortList::isIgnoredState: more than 25 ports (25 × (v+1+20d) with -v/-d).
func TestConsolidateThreshold(t *testing.T) {
	cases := []struct {
		n, verbose, debugging int
		ignored               bool
	}{
		{25, 0, 0, false}, {26, 0, 0, true},
		{50, 1, 0, false}, {51, 1, 0, true},
		{525, 0, 1, false}, {526, 0, 1, true},
		{10000, 0, 3, false},
	}
	for _, c := range cases {
		h := &Host{Ports: ports("tcp", "closed", "conn-refused", 1, c.n)}
		h.Consolidate(c.verbose, c.debugging)
		if got := len(h.Extra) == 1; got != c.ignored {
			t.Errorf("%d closed, -v%d -d%d: ignored %v, want %v", c.n, c.verbose, c.debugging, got, c.ignored)
		}
		if c.ignored && (len(h.Ports) != 0 || h.Extra[0].Count != c.n) {
			t.Errorf("%d closed: %d left, extra %+v", c.n, len(h.Ports), h.Extra)
		}
	}
}

func TestConsolidateNeverIgnored(t *testing.T) {
	h := &Host{Ports: cat(ports("tcp", "open", "syn-ack", 1, 100), ports("udp", "open|filtered", "no-response", 1, 100))}
	h.Consolidate(3, 0)
	if len(h.Extra) != 0 || len(h.Ports) != 200 {
		t.Fatalf("open (always) and open|filtered (-vvv) must stay: %d shown, %+v", len(h.Ports), h.Extra)
	}
	h.Extra = nil
	h.Consolidate(2, 0)
	if len(h.Extra) != 1 || h.Extra[0].State != "open|filtered" {
		t.Fatalf("open|filtered is ignorable up to -vv: %+v", h.Extra)
	}
}

// --open: closed and filtered ports are counted however few; open|filtered
// stays shown; -d3 shows everything.
func TestConsolidateOpenOnly(t *testing.T) {
	h := &Host{Ports: cat(ports("tcp", "open", "syn-ack", 22, 1), ports("tcp", "closed", "conn-refused", 100, 1),
		ports("tcp", "filtered", "no-response", 200, 2), ports("udp", "open|filtered", "no-response", 53, 1))}
	h.ConsolidateOpenOnly(0, 0)
	if len(h.Ports) != 2 || h.Ports[0].Number != 22 || h.Ports[1].State != "open|filtered" {
		t.Errorf("shown: %+v", h.Ports)
	}
	if len(h.Extra) != 2 || h.Extra[0].State != "filtered" || h.Extra[0].Count != 2 || h.Extra[1].State != "closed" || h.Extra[1].Count != 1 {
		t.Errorf("extra: %+v", h.Extra)
	}
	h = &Host{Ports: cat(ports("tcp", "open", "syn-ack", 22, 1), ports("tcp", "closed", "conn-refused", 100, 1))}
	h.ConsolidateOpenOnly(0, 3)
	if len(h.Ports) != 2 || len(h.Extra) != 0 {
		t.Errorf("-d3: %+v %+v", h.Ports, h.Extra)
	}
}

// States: most ports first, ties in nmap's state order (closed before
// filtered). Reasons: most ports first, ties with the later group first.
func TestConsolidateOrder(t *testing.T) {
	h := &Host{Ports: cat(
		ports("udp", "closed", "port-unreach", 500, 30),
		ports("tcp", "filtered", "no-response", 100, 30),
		ports("tcp", "open", "syn-ack", 22, 1),
		ports("tcp", "closed", "conn-refused", 200, 30),
		ports("tcp", "closed", "reset", 300, 40),
	)}
	h.Consolidate(0, 0)
	want := []ExtraPorts{
		{State: "closed", Count: 100, Reasons: []ExtraReason{
			{Reason: "reset", Proto: "tcp", Count: 40, Ports: seq(300, 40)},
			{Reason: "port-unreach", Proto: "udp", Count: 30, Ports: seq(500, 30)},
			{Reason: "conn-refused", Proto: "tcp", Count: 30, Ports: seq(200, 30)},
		}},
		{State: "filtered", Count: 30, Reasons: []ExtraReason{{Reason: "no-response", Proto: "tcp", Count: 30, Ports: seq(100, 30)}}},
	}
	if !reflect.DeepEqual(h.Extra, want) {
		t.Fatalf("got  %+v\nwant %+v", h.Extra, want)
	}
	if len(h.Ports) != 1 || h.Ports[0].Number != 22 {
		t.Fatalf("shown: %+v", h.Ports)
	}
	// Idempotent.
	h.Consolidate(0, 0)
	if len(h.Extra) != 2 {
		t.Fatalf("second call changed Extra: %+v", h.Extra)
	}
}

func TestSortPorts(t *testing.T) {
	ps := []*Port{{Number: 53, Proto: "udp"}, {Number: 80, Proto: "tcp"}, {Number: 22, Proto: "tcp"}, {Number: 1, Proto: "sctp"}}
	SortPorts(ps)
	var got []string
	for _, p := range ps {
		got = append(got, p.Proto)
	}
	if !reflect.DeepEqual(got, []string{"tcp", "tcp", "udp", "sctp"}) || ps[0].Number != 22 {
		t.Fatalf("%v", got)
	}
}

func TestSummaryAndFamily(t *testing.T) {
	e := &RunEnd{HostsUp: 1, HostsTotal: 1, Elapsed: 520 * time.Millisecond}
	if got := e.Summary(); got != "1 IP address (1 host up) scanned in 0.52 seconds" {
		t.Fatal(got)
	}
	e = &RunEnd{HostsUp: 0, HostsTotal: 256, Elapsed: 3 * time.Second}
	if got := e.Summary(); got != "256 IP addresses (0 hosts up) scanned in 3.00 seconds" {
		t.Fatal(got)
	}
	for addr, want := range map[string]string{"127.0.0.1": IPv4, "::1": IPv6, "::ffff:10.0.0.1": IPv4} {
		if got := (&Host{Addr: addr}).Family(); got != want {
			t.Errorf("%s: %s, want %s", addr, got, want)
		}
	}
}

func seq(from, n int) []int {
	var out []int
	for i := 0; i < n; i++ {
		out = append(out, from+i)
	}
	return out
}
