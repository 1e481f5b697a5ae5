package output

import (
	"bytes"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/result"
)

// The goldens of testdata/progress are nmap 7.93's status lines (--stats-every, a key
// pressed) for scans of fixture services (scripts/record-progress.sh). signet's console must
// print lines of the same shapes, with the same phase names, for the same scans: the numbers
// (times, counts, percentages) are the engine's and are masked here; package cmd/signet's
// end-to-end test checks them on a real scan.

var statsShapes = []rule{
	{regexp.MustCompile(`^Stats: \d+:\d\d:\d\d elapsed; \d+ hosts completed \(\d+ up\), \d+ undergoing (.+)$`), "Stats: H:MM:SS elapsed; N hosts completed (N up), N undergoing $1"},
	{regexp.MustCompile(`^(.+) Timing: About \d+\.\d\d% done; ETC: \d\d:\d\d \(\d+:\d\d:\d\d remaining\)$`), "$1 Timing: About P% done; ETC: HH:MM (H:MM:SS remaining)"},
	{regexp.MustCompile(`^(.+) Timing: About \d+\.\d\d% done$`), "$1 Timing: About P% done"},
}

type rule struct {
	re   *regexp.Regexp
	repl string
}

// shapes are the status lines of an output, masked, each once, sorted; lines of nmap's
// script engine (which signet does not have) left out.
func shapes(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		for _, r := range statsShapes {
			if r.re.MatchString(l) {
				l = r.re.ReplaceAllString(l, r.repl)
				if !strings.HasPrefix(l, "NSE ") && !strings.HasSuffix(l, "undergoing Script Scan") && !slices.Contains(out, l) {
					out = append(out, l)
				}
				break
			}
		}
	}
	slices.Sort(out)
	return out
}

// statsTape plays a scan's phases through a console, asking for the status lines every second
// while each long phase runs, as --stats-every 1s does.
type statsTape struct {
	c   *Console
	now time.Time
	up  int
}

func (s *statsTape) phase(e Event, d time.Duration) {
	e.Kind, e.Time = PhaseStart, s.now
	s.c.Event(e)
	for i := 1; i <= int(d/time.Second); i++ {
		s.now = s.now.Add(time.Second)
		done := float64(i) / (d.Seconds() + 1)
		s.c.Event(Event{Kind: Progress, Group: e.Group, Phase: e.Phase, Technique: e.Technique, Addr: e.Addr,
			Time: s.now, Done: done, Up: s.up})
		s.c.Stats(s.now)
	}
	s.c.Event(Event{Kind: PhaseEnd, Group: e.Group, Phase: e.Phase, Technique: e.Technique, Addr: e.Addr, Time: s.now})
}

func TestStatsGoldens(t *testing.T) {
	lo8 := 8
	for _, tc := range []struct {
		name string
		play func(s *statsTape)
	}{
		{"stats-sT", func(s *statsTape) {
			s.up = lo8
			s.phase(Event{Group: 1, Phase: PortScan, Technique: "Connect Scan", Hosts: 8, Ports: 1000}, 8*time.Second)
		}},
		{"stats-sV", func(s *statsTape) {
			s.up = lo8
			s.phase(Event{Group: 1, Phase: PortScan, Technique: "SYN Stealth Scan", Hosts: 8, Ports: 12}, 0)
			s.phase(Event{Group: 1, Phase: ServiceScan, Technique: "Service scan", Hosts: 8, Ports: 96}, 60*time.Second)
		}},
		{"stats-sn", func(s *statsTape) {
			s.phase(Event{Group: 1, Phase: Discovery, Technique: "ARP Ping Scan", Hosts: 255, Ports: 1}, 2*time.Second)
		}},
		{"key-sT", func(s *statsTape) {
			s.up = 1
			s.phase(Event{Group: 1, Phase: PortScan, Technique: "Connect Scan", Hosts: 1, Ports: 3000,
				Addr: netip.MustParseAddr("127.0.0.1"), Name: "localhost"}, 7*time.Second)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			c := NewConsole(&out, time.UTC)
			t0 := time.Date(2026, 12, 6, 14, 20, 0, 0, time.UTC)
			c.Begin(&result.Run{Version: "0.1.0", Start: t0})
			tc.play(&statsTape{c: c, now: t0})
			want, got := shapes(readProgress(t, tc.name)), shapes(out.String())
			if len(want) == 0 || !slices.Equal(want, got) {
				t.Errorf("status lines differ from nmap's:\n--- nmap:\n%s\n--- signet:\n%s\n--- signet's output:\n%s",
					strings.Join(want, "\n"), strings.Join(got, "\n"), out.String())
			}
		})
	}
}

func readProgress(t *testing.T, name string) string {
	t.Helper()
	return readTestdata(t, "progress", name+".out")
}

// TestKeys: the keys nmap's runtime interaction knows, with nmap's answers (key-sT's
// recording), and the status lines for any other key.
func TestKeys(t *testing.T) {
	var out bytes.Buffer
	c := NewConsole(&out, time.UTC)
	t0 := time.Date(2026, 12, 6, 14, 28, 0, 0, time.UTC)
	c.Begin(&result.Run{Version: "0.1.0", Start: t0})
	c.Event(Event{Kind: PhaseStart, Group: 1, Phase: PortScan, Technique: "Connect Scan", Hosts: 1, Ports: 3000, Time: t0,
		Addr: netip.MustParseAddr("127.0.0.1"), Name: "localhost"})
	c.Event(Event{Kind: Progress, Group: 1, Phase: PortScan, Technique: "Connect Scan", Done: 0.256, Up: 1, Time: t0.Add(time.Second)})
	for _, k := range "x?vV" {
		c.Key(byte(k), t0.Add(time.Second))
	}
	c.Event(Event{Kind: OpenPort, Group: 1, Port: 22, Proto: "tcp", Addr: netip.MustParseAddr("127.0.0.1"), Time: t0.Add(2 * time.Second)})
	nmap := readProgress(t, "key-sT")
	for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		if strings.HasPrefix(l, "Starting ") || len(shapes(l)) > 0 {
			continue // the status lines' shapes are TestStatsGoldens'
		}
		// nmap's help also lists p/P (packet tracing, which signet does not have) and a URL.
		if !strings.Contains(nmap, l+"\n") {
			t.Errorf("line %q is not nmap's", l)
		}
	}
	want := "Stats: 0:00:01 elapsed; 0 hosts completed (1 up), 1 undergoing Connect Scan\n" +
		"Connect Scan Timing: About 25.60% done; ETC: 14:28 (0:00:03 remaining)\n"
	if !strings.Contains(out.String(), want) {
		t.Errorf("key x: want\n%s\ngot\n%s", want, out.String())
	}
	// v raised the level: the open port found while the console was verbose is reported; V
	// lowered it again: nothing more.
	if strings.Contains(out.String(), "Discovered open port") {
		t.Errorf("a port found at level 0 was reported:\n%s", out.String())
	}
}

// TestStatusLine: the terminal's one line says the phase, how far, when it ends, and the
// run's hosts.
func TestStatusLine(t *testing.T) {
	c := NewConsole(&bytes.Buffer{}, time.UTC)
	t0 := time.Date(2026, 12, 6, 14, 28, 0, 0, time.UTC)
	if s := c.Status(t0); s != "" {
		t.Errorf("before Begin: %q", s)
	}
	c.Begin(&result.Run{Version: "0.1.0", Start: t0})
	c.Event(Event{Kind: PhaseStart, Group: 1, Phase: ServiceScan, Technique: "Service scan", Hosts: 8, Ports: 96, Time: t0})
	c.Event(Event{Kind: Progress, Group: 1, Phase: ServiceScan, Technique: "Service scan", Done: 0.25, Up: 8, Completed: 1, Time: t0.Add(20 * time.Second)})
	got := c.Status(t0.Add(20 * time.Second))
	want := "Service Scan: About 25.00% done; ETC: 14:29 (0:01:00 remaining); 0:00:20 elapsed; 1 hosts completed (8 up), 8 undergoing"
	if got != want {
		t.Errorf("status line\n got %q\nwant %q", got, want)
	}
	c.Event(Event{Kind: PhaseEnd, Group: 1, Phase: ServiceScan, Technique: "Service scan", Time: t0.Add(80 * time.Second)})
	if got := c.Status(t0.Add(81 * time.Second)); got != "0:01:21 elapsed; 1 hosts completed (8 up)" {
		t.Errorf("no phase under way: %q", got)
	}
}

func readTestdata(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestInterrupted: a run stopped by an interrupt. A host it cut short (Incomplete) is not
// counted as completed, and the phase it cut prints no "Completed" line; a run that continues
// an interrupted one (--resume) counts its elapsed time from its own start.
func TestInterrupted(t *testing.T) {
	var out bytes.Buffer
	c := NewConsole(&out, time.UTC)
	t0 := time.Date(2026, 12, 6, 14, 28, 0, 0, time.UTC)
	run := &result.Run{Version: "0.1.0", Start: t0.Add(-time.Hour), Verbose: 1, VersionScan: true,
		Resumed: &result.Resumed{Start: t0, Args: []string{"signet", "--resume", "part.nmap"}}}
	c.Begin(run)
	a, b := &result.Host{Addr: "10.0.0.1", Status: result.HostUp}, &result.Host{Addr: "10.0.0.2", Status: result.HostUp, Incomplete: true}
	c.Event(Event{Kind: PhaseStart, Group: 1, Phase: ServiceScan, Technique: "Service scan", Hosts: 2, Ports: 4, Time: t0})
	c.Event(Event{Kind: Progress, Group: 1, Phase: ServiceScan, Technique: "Service scan", Done: 0.5, Up: 2, Time: t0.Add(2 * time.Second)})
	for i, h := range []*result.Host{a, b} {
		c.Host(h)
		c.Event(Event{Kind: HostDone, Group: 1, Host: h, Index: i, Time: t0.Add(3 * time.Second)})
	}
	c.Event(Event{Kind: PhaseEnd, Group: 1, Phase: ServiceScan, Technique: "Service scan", Time: t0.Add(3 * time.Second), Cut: true})
	c.Event(Event{Kind: GroupDone, Group: 1, Time: t0.Add(3 * time.Second)})
	c.Stats(t0.Add(4 * time.Second))
	got := out.String()
	if want := "Stats: 0:00:04 elapsed; 1 hosts completed (2 up)"; !strings.Contains(got, want) {
		t.Errorf("want %q in:\n%s", want, got)
	}
	if strings.Contains(got, "Completed Service scan") {
		t.Errorf("a cut phase printed its Completed line:\n%s", got)
	}
	if strings.Count(got, "Nmap scan report for ") != 2 {
		t.Errorf("the terminal does not show both hosts:\n%s", got)
	}
}
