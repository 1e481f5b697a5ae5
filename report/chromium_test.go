package report

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/testenv"
)

// The page in a real browser: Debian's chromium, headless. It is in
// .ci/run's package list; without it these tests skip, and under CI=true
// they fail.

func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	testenv.Missing(t, "chromium not installed (Debian package chromium)")
	return ""
}

// headless runs chromium on url with the flags that work on a machine
// without network (no background connections, a new empty profile) and
// returns what it prints on stdout.
func headless(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %q: %v\n%s", args, err, errb.String())
	}
	return out.Bytes()
}

// writePage writes the page of s in a temporary folder and returns its
// file: URL.
func writePage(t *testing.T, s Scan) (string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.html")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(f, s, Options{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path, "file://" + path
}

var (
	domRow   = regexp.MustCompile(`<tr class="s-[^"]*"( hidden="")?><td data-k="[^"]*">`)
	domPort  = regexp.MustCompile(`<tr class="s-[^"]*"><td data-k="[^"]*">[^<]*(?:<span[^>]*>[^<]*</span>)?</td><td>(\d+)</td>`)
	domReady = regexp.MustCompile(`data-ready-ms="(\d+)"`)
)

// rows counts the port table's rows in a dumped DOM, and those visible.
func rows(dom []byte) (all, visible int) {
	for _, m := range domRow.FindAllSubmatch(dom, -1) {
		all++
		if len(m[1]) == 0 {
			visible++
		}
	}
	return
}

// TestChromiumEveryPort: a merged 8-host scan's page, rendered by
// Chromium with its script run, has every port in its table; the
// fragment's search and sort work; the screenshot is a real picture.
func TestChromiumEveryPort(t *testing.T) {
	bin := chromium(t)
	s := network(8, 20)
	want := 0
	for _, h := range s.Hosts {
		want += len(h.Ports)
	}
	path, url := writePage(t, s)
	dom := headless(t, bin, "--dump-dom", url)
	if !domReady.Match(dom) {
		t.Fatalf("the page's script did not run: no data-ready-ms in\n%.2000s", dom)
	}
	if all, visible := rows(dom); all != want || visible != want {
		t.Fatalf("table has %d rows, %d visible; the scan has %d ports", all, visible, want)
	}

	// #q=: a search kept in the URL's fragment.
	for _, c := range []struct {
		frag string
		want int
	}{
		{"q=service:ssh", 8},
		{"q=state:open%20service:http", 24}, // http, ssl/http, http-proxy?
		{"q=product:%22redis%20key-value%20store%22", 8},
		{"q=10.0.0.3%20udp", 2},
		{"q=nothing-matches-this", 0},
	} {
		dom := headless(t, bin, "--dump-dom", url+"#"+c.frag)
		if all, visible := rows(dom); all != want || visible != c.want {
			t.Errorf("#%s: %d of %d rows visible, want %d", c.frag, visible, all, c.want)
		}
	}
	// #sort=: descending by port, the order the rows are in the DOM.
	dom = headless(t, bin, "--dump-dom", url+"#sort=port&desc=1")
	var ports []int
	for _, m := range domPort.FindAllSubmatch(dom, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		ports = append(ports, n)
	}
	if len(ports) != want || ports[0] != 20019 || ports[len(ports)-1] != 22 {
		t.Errorf("sorted by port, descending: %d rows, first %v", len(ports), ports[:min(len(ports), 5)])
	}
	for i := 1; i < len(ports); i++ {
		if ports[i] > ports[i-1] {
			t.Fatalf("not descending at row %d: %d after %d", i, ports[i], ports[i-1])
		}
	}

	// A screenshot: a picture with text in it, not a blank page. Set
	// REPORT_SCREENSHOT to keep it.
	shot := filepath.Join(filepath.Dir(path), "shot.png")
	if p := os.Getenv("REPORT_SCREENSHOT"); p != "" {
		shot = p
	}
	headless(t, bin, "--hide-scrollbars", "--window-size=1400,1100", "--screenshot="+shot, url)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1400 || b.Dy() != 1100 {
		t.Errorf("screenshot %v", b)
	}
	if n := colours(img); n < 20 {
		t.Errorf("screenshot has %d colours: blank?", n)
	}
}

func colours(img image.Image) int {
	seen := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[r>>8<<16|g>>8<<8|bl>>8] = true
		}
	}
	return len(seen)
}

// TestChromiumTenThousandPorts: 400 hosts × 25 ports. Every row is in
// the DOM after the script ran, and the page is ready in seconds: the
// rows are plain HTML, the table lays out with fixed columns, and the
// script only reads the DOM until someone searches or sorts.
func TestChromiumTenThousandPorts(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a 10,000-port page") // skip-ok: CI does not run -short
	}
	bin := chromium(t)
	s := network(400, 13)
	path, url := writePage(t, s)
	st, _ := os.Stat(path)
	start := time.Now()
	dom := headless(t, bin, "--dump-dom", url)
	wall := time.Since(start)
	all, visible := rows(dom)
	if all != 10000 || visible != 10000 {
		t.Fatalf("%d rows, %d visible; want 10,000", all, visible)
	}
	m := domReady.FindSubmatch(dom)
	if m == nil {
		t.Fatal("the page's script did not run")
	}
	ready, _ := strconv.Atoi(string(m[1]))
	t.Logf("10,000 ports: page %d KB; script done %d ms after navigation; chromium --dump-dom %v in all", st.Size()>>10, ready, wall.Round(time.Millisecond))
	if ready > 15000 {
		t.Errorf("page ready after %d ms", ready)
	}
	// Sorting and searching 10,000 rows from the fragment.
	dom = headless(t, bin, "--dump-dom", url+"#q=state:open&sort=host&desc=1")
	if all, visible := rows(dom); all != 10000 || visible != 400*12 {
		t.Errorf("#q=state:open: %d of %d rows visible, want %d", visible, all, 400*12)
	}
	if !strings.Contains(string(dom), `aria-sort="descending"`) {
		t.Error("no column marked as sorted")
	}
}
