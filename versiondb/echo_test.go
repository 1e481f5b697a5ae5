package versiondb

import (
	"context"
	"io"
	"net"
	"net/netip"
	"sync"
	"testing"
	"time"

	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/vscan"
)

// echoDial connects every probe to an in-memory echo service (RFC 862):
// whatever is written comes back unchanged, and nothing else.
func echoDial(ctx context.Context, network, addr string) (net.Conn, error) {
	client, server := net.Pipe()
	go func() {
		defer server.Close()
		io.Copy(server, server)
	}()
	return client, nil
}

// The echo rule: a service that sends our own bytes back is named echo, as
// nmap 7.93 names it, and never after the protocol whose probe it echoed,
// whichever probes its port gets first. Both timing modes walk the
// embedded file over TCP and UDP, on port 7, on a port no probe lists, and
// on the ports the embedded probes list (so each registered probe's own
// echo comes first there).
func TestEmbeddedEchoService(t *testing.T) {
	l := loadEmbeddedResolved(t)
	ports := map[probes.Protocol]map[int]bool{probes.TCP: {7: true, 7007: true}, probes.UDP: {7: true, 17007: true}}
	for _, p := range l.DB.Probes {
		for _, set := range []probes.PortSet{p.Ports, p.SSLPorts} {
			for _, r := range set {
				ports[p.Protocol][int(r.Lo)] = true
			}
		}
	}
	var wg sync.WaitGroup
	slots := make(chan struct{}, 8)
	for _, timing := range []vscan.Timing{vscan.TimingNmap, vscan.TimingFast} {
		cfg := &vscan.Config{
			Matcher:   matcher.New(l.DB),
			Intensity: 7,
			Dial:      echoDial,
			Timing:    timing,
			// An echo answers at once; the waits only bound a reply that
			// did not come.
			FirstByteWait: 200 * time.Millisecond,
			IdleWait:      50 * time.Millisecond,
		}
		for proto, set := range ports {
			for port := range set {
				if timing == vscan.TimingNmap && port != 7 {
					// nmap's timing waits out each unmatched reply (totalwaitms);
					// the recorded evidence (tcp/echo, binary/echo) replays
					// those walks, and the fast mode covers every port here.
					continue
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					slots <- struct{}{}
					defer func() { <-slots }()
					ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
					defer cancel()
					r := cfg.Scan(ctx, vscan.Target{IP: netip.MustParseAddr("127.0.0.1"), Port: port, Proto: proto, State: "open"})
					svc := r.Service
					if svc == nil || svc.Name != "echo" || svc.Product != "" || svc.Version != "" || r.Outcome != vscan.Matched {
						t.Errorf("timing %v, %d/%s: got %+v (outcome %v), want echo with no product", timing, port, proto, svc, r.Outcome)
					}
				}()
			}
		}
	}
	wg.Wait()
}
