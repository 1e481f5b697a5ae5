package portscan

import (
	"context"
	"net/netip"
	"testing"
	"time"

	"github.com/signetscan/signet/portspec"
)

// TestPing: host discovery by TCP connect, in a fresh namespace with routes for each case.
func TestPing(t *testing.T) {
	if !inFreshNetns(t) {
		return
	}
	sh(t, "ip", "link", "add", "sgpa", "type", "veth", "peer", "name", "sgpb")
	sh(t, "ip", "addr", "add", "10.66.0.1/24", "dev", "sgpa")
	sh(t, "ip", "link", "set", "sgpa", "up")
	sh(t, "ip", "link", "set", "sgpb", "up")
	sh(t, "ip", "neigh", "add", "10.66.0.9", "lladdr", "02:00:00:00:00:09", "dev", "sgpa", "nud", "permanent")
	sh(t, "ip", "route", "add", "unreachable", "10.55.0.0/24")

	tm := fastTiming()
	s := New(Options{Timing: tm})
	ctx := context.Background()
	lo := netip.MustParseAddr("127.0.0.1")
	if st := s.Ping(ctx, lo); !st.Up || st.Reason != ReasonConnRefused {
		t.Errorf("empty loopback: %+v, want up (conn-refused)", st)
	}
	listenTCP(t, "127.0.0.1:443")
	if st := s.Ping(ctx, lo); !st.Up || st.Reason != ReasonSynAck || st.Port != 443 {
		t.Logf("loopback with 443 open: %+v (a refusal on another port may win the race)", st)
		if !st.Up {
			t.Errorf("loopback with 443 open reported down")
		}
	}
	start := time.Now()
	if st := s.Ping(ctx, netip.MustParseAddr("10.66.0.9")); st.Up || st.Reason != ReasonNoResponse {
		t.Errorf("dropping host: %+v, want down (no-response)", st)
	}
	if d := time.Since(start); d > 2*tm.InitialRTT+time.Second {
		t.Errorf("ping of a silent host took %v", d)
	}
	if st := s.Ping(ctx, netip.MustParseAddr("10.55.0.1")); st.Up || st.Reason != ReasonHostUnreach {
		t.Errorf("unreachable host: %+v, want down (host-unreach)", st)
	}

	// Without -Pn a down host gets a summary and no port results.
	got, hosts := collect(t, s, portspec.TCP, Target{Addr: netip.MustParseAddr("10.66.0.9"), Ports: []uint16{1, 2}},
		Target{Addr: lo, Ports: []uint16{443, 444}})
	if len(got) != 2 || len(hosts) != 2 {
		t.Fatalf("results %v hosts %+v", got, hosts)
	}
	for _, h := range hosts {
		switch h.Addr {
		case lo:
			if !h.Up || h.Count(Open) != 1 || h.Count(Closed) != 1 {
				t.Errorf("loopback summary %+v", h)
			}
		default:
			if h.Up || h.Unscanned != 2 || h.Ping.Reason != ReasonNoResponse {
				t.Errorf("down host summary %+v", h)
			}
		}
	}
}
