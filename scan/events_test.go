package scan

import (
	"bytes"
	"context"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/fixture"
	"github.com/signetscan/signet/internal/nmapnorm"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/result"
	"github.com/signetscan/signet/targets"
	"github.com/signetscan/signet/versiondb"
	"github.com/signetscan/signet/vscan"
)

// TestEventsAsNmapPrintsThem: a scan's events, played through output.Console, give nmap's -v
// lines for the same scan: reverse DNS only for the host the hosts file does not name, one
// connect scan of the group's two hosts, one service scan of the group that counts its
// services over both, then the reports in target order. (No discovery: -Pn, so that only
// the test's own port is touched on this machine's loopback.)
func TestEventsAsNmapPrintsThem(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()
	wg.Go(func() { fixture.ServeTCP(ctx, ln, fixture.Handler("ssh")) })
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	two := netip.MustParseAddr("127.0.0.2")
	wg.Go(func() { fixture.ServePTR(ctx, pc, map[netip.Addr]string{two: "two.example.test"}) })
	resolver := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", pc.LocalAddr().String())
	}}
	hostsFile := filepath.Join(t.TempDir(), "hosts")
	if err := os.WriteFile(hostsFile, []byte("# test\n127.0.0.1\tlocalhost localhost.localdomain\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	db, err := versiondb.Load(versiondb.Options{DB: "embedded", NoDefaultOverlays: true})
	if err != nil {
		t.Fatal(err)
	}
	var tl targets.List
	if err := tl.Add("127.0.0.2", "127.0.0.1"); err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	console := output.NewConsole(&stdout, time.UTC)
	var progress []Event
	var mu sync.Mutex
	opts := Options{Targets: &tl, Ports: portspec.MustParse(strconv.Itoa(port)), TCP: portscan.Connect, NoPing: true,
		Version:  &vscan.Config{Matcher: matcher.New(db.DB), Intensity: 7},
		Resolver: resolver, HostsFile: hostsFile, Verbose: 1, Writer: console,
		Observer: ObserverFunc(func(e Event) {
			if e.Kind == Progress {
				mu.Lock()
				progress = append(progress, e)
				mu.Unlock()
			}
			console.Event(e.Output())
		}),
		Warn: func(s string) { t.Errorf("warning: %s", s) }}
	run := &result.Run{Version: "0.1.0", Start: time.Now(), Verbose: 1, VersionScan: true}
	end := Run(ctx, opts, run)
	console.End(end)
	p := strconv.Itoa(port)
	want := `Starting SCANNER
Initiating Parallel DNS resolution of 1 host. at HH:MM
Completed Parallel DNS resolution of 1 host. at HH:MM, S.SSs elapsed
Initiating Connect Scan at HH:MM
Scanning 2 hosts [1 port/host]
Discovered open port ` + p + `/tcp on 127.0.0.1
Completed Connect Scan at HH:MM, S.SSs elapsed (2 total ports)
Initiating Service scan at HH:MM
Scanning 1 service on 2 hosts
Completed Service scan at HH:MM, S.SSs elapsed (1 service on 2 hosts)
Nmap scan report for two.example.test (127.0.0.2)
Nmap scan report for localhost (127.0.0.1)
Service detection performed. Please report any incorrect results at URL .
SCANNER done: 2 IP addresses (2 hosts up) scanned in S seconds
`
	if got := nmapnorm.Normalize(stdout.String(), nmapnorm.Options{Reports: true}); got != want {
		t.Errorf("console:\n%s\nwant (normalised):\n%s\ngot (normalised):\n%s", stdout.String(), want, got)
	}
	// The service scan takes the NULL probe's wait: long enough for progress reports, which
	// name started phases and count what is done.
	for _, e := range progress {
		if e.Done < 0 || e.Done > 1 || e.Group != 1 || e.Phase == 0 || e.Hosts == 0 {
			t.Errorf("progress event %+v", e)
		}
	}
	if len(progress) == 0 && strings.Contains(stdout.String(), "Service scan at") {
		t.Log("no progress event: the scan took less than", ProgressEvery)
	}
}

func TestParseHosts(t *testing.T) {
	got := parseHosts([]byte("# comment\n127.0.0.1 localhost loopback\n::1 ip6-localhost # v6\n127.0.0.1 other\nnot-an-address x\n10.0.0.1\n::ffff:10.0.0.2 mapped.\n"))
	want := map[netip.Addr]string{netip.MustParseAddr("127.0.0.1"): "localhost", netip.MustParseAddr("::1"): "ip6-localhost",
		netip.MustParseAddr("10.0.0.2"): "mapped"}
	if len(got) != len(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for a, n := range want {
		if got[a] != n {
			t.Errorf("%s: %q, want %q", a, got[a], n)
		}
	}
}

func FuzzParseHosts(f *testing.F) {
	f.Add([]byte("127.0.0.1 localhost\n::1 ip6-localhost ip6-loopback\n# x\n"))
	f.Add([]byte("fe80::1%eth0 router\n\x00\xff 1.2.3.4\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for a, n := range parseHosts(b) {
			if !a.IsValid() || n == "" || strings.ContainsAny(n, " \t\n#") {
				t.Fatalf("%v → %q", a, n)
			}
		}
	})
}

// The scan's event kinds and phases have output.Event's numbers, and Output carries every
// field over.
func TestEventOutput(t *testing.T) {
	pairs := [][2]int{{int(PhaseStart), int(output.PhaseStart)}, {int(PhaseEnd), int(output.PhaseEnd)},
		{int(OpenPort), int(output.OpenPort)}, {int(HostDone), int(output.HostDone)}, {int(Progress), int(output.Progress)},
		{int(GroupDone), int(output.GroupDone)}, {int(Discovery), int(output.Discovery)}, {int(PortScan), int(output.PortScan)},
		{int(ServiceScan), int(output.ServiceScan)}, {int(Resolve), int(output.Resolve)}}
	for _, p := range pairs {
		if p[0] != p[1] {
			t.Errorf("scan %d, output %d", p[0], p[1])
		}
	}
	h := &result.Host{Addr: "10.0.0.1"}
	now := time.Now()
	e := Event{Kind: OpenPort, Phase: PortScan, Time: now, Group: 2, Technique: "UDP Scan", Hosts: 3, Up: 4, Ports: 5,
		Elapsed: time.Second, Addr: netip.MustParseAddr("10.0.0.1"), Name: "a", Port: 53, Proto: portspec.UDP, State: "closed",
		Host: h, Index: 7, Done: 0.5, Completed: 6, Sent: 8, SentBytes: 9}
	want := output.Event{Kind: output.OpenPort, Phase: output.PortScan, Time: now, Group: 2, Technique: "UDP Scan", Hosts: 3,
		Up: 4, Ports: 5, Elapsed: time.Second, Addr: netip.MustParseAddr("10.0.0.1"), Name: "a", Port: 53, Proto: "udp",
		State: "closed", Host: h, Index: 7, Done: 0.5, Completed: 6, Sent: 8, SentBytes: 9}
	if got := e.Output(); got != want {
		t.Errorf("Output:\n got %+v\nwant %+v", got, want)
	}
}
