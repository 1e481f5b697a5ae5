//go:build pcre2 && cgo

package libpcre2

import (
	"bufio"
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/signetscan/signet/internal/testenv"
	"github.com/signetscan/signet/pcre"
)

// defaultProbesFile is nmap's signature file (Debian package nmap-common);
// override with SIGNET_NMAP_PROBES. It is read at test time, never copied.
const defaultProbesFile = "/usr/share/nmap/nmap-service-probes"

const corpusDir = "../testdata/corpus"

// sig is one match/softmatch line of nmap-service-probes.
type sig struct {
	line    int    // 1-based line number in the file
	probe   string // name of the Probe section it belongs to
	soft    bool
	service string
	pattern string
	flags   pcre.Flags
	fstr    string // flag letters as written
}

func (s *sig) where(file string) string {
	kind := "match"
	if s.soft {
		kind = "softmatch"
	}
	return filepath.Base(file) + ":" + strconv.Itoa(s.line) + " (probe " + s.probe + ", " + kind + " " + s.service + ")"
}

// probesFile returns the signature file path or skips/fails the test when it
// is missing: with CI set a missing file is a failure, not a skip.
func probesFile(tb testing.TB) string {
	tb.Helper()
	path := os.Getenv("SIGNET_NMAP_PROBES")
	if path == "" {
		path = defaultProbesFile
	}
	if _, err := os.Stat(path); err != nil {
		testenv.Missing(tb, "%s is missing (install Debian's nmap-common or set SIGNET_NMAP_PROBES): %v", path, err)
	}
	return path
}

// parseSigs extracts every match/softmatch pattern: `match|softmatch <svc>
// m<d><pattern><d><flags> ...`; the pattern ends at the next delimiter byte,
// the flags are the i/s letters right after it.
func parseSigs(tb testing.TB, path string) []sig {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []sig
	probe := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "Probe ") {
			if fs := strings.Fields(line); len(fs) >= 3 {
				probe = fs[2]
			}
			continue
		}
		var soft bool
		var rest string
		switch {
		case strings.HasPrefix(line, "match "):
			rest = line[len("match "):]
		case strings.HasPrefix(line, "softmatch "):
			rest, soft = line[len("softmatch "):], true
		default:
			continue
		}
		sp := strings.IndexByte(rest, ' ')
		if sp < 0 || sp+3 >= len(rest) || rest[sp+1] != 'm' {
			tb.Fatalf("%s:%d: cannot parse match line: %q", path, n, line)
		}
		svc := rest[:sp]
		d := rest[sp+2]
		body := rest[sp+3:]
		end := strings.IndexByte(body, d)
		if end < 0 {
			tb.Fatalf("%s:%d: no closing delimiter %q", path, n, d)
		}
		s := sig{line: n, probe: probe, soft: soft, service: svc, pattern: body[:end]}
		for _, c := range []byte(body[end+1:]) {
			if c == 'i' {
				s.flags |= pcre.Caseless
			} else if c == 's' {
				s.flags |= pcre.DotAll
			} else {
				break
			}
			s.fstr += string(c)
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// subject is one input for the differential test.
type subject struct {
	name string
	data []byte
}

// corpusFiles reads pcre/testdata/corpus/*.bin in name order.
func corpusFiles(tb testing.TB) []subject {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.bin"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		tb.Fatalf("no *.bin files in %s", corpusDir)
	}
	sort.Strings(files)
	out := make([]subject, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, subject{filepath.Base(f), b})
	}
	return out
}

// adversarial returns the generated 64 KB inputs (deterministic).
func adversarial() []subject {
	const n = 64 << 10
	fill := func(unit string) []byte { return bytes.Repeat([]byte(unit), n/len(unit)+1)[:n] }
	rnd := make([]byte, n)
	rand.New(rand.NewSource(1)).Read(rnd)
	printable := make([]byte, n)
	r2 := rand.New(rand.NewSource(2))
	for i := range printable {
		printable[i] = byte(' ' + r2.Intn(95))
		if r2.Intn(60) == 0 {
			printable[i] = '\n'
		}
	}
	header := append([]byte("HTTP/1.1 200 OK\r\n"), fill("X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n")...)[:n]
	// An IIS-like 404 page whose body never ends the way the patterns expect:
	// lots of tags, quotes and "Server:"-like text for .*? patterns to retry.
	var iis bytes.Buffer
	iis.WriteString("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nServer: Microsoft-IIS/10.0\r\nX-Powered-By: ASP.NET\r\nContent-Length: 65000\r\n\r\n")
	iis.WriteString("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\r\n<html><head><title>404 - File or directory not found.</title>\r\n")
	for i := 0; iis.Len() < n; i++ {
		iis.WriteString("<div class=\"content-container\"><fieldset><h2>404 - File or directory not found.</h2>" +
			"<h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable. Server: IIS " +
			strconv.Itoa(i) + "</h3></fieldset></div>\r\n")
	}
	return []subject{
		{"adv:64k-a", fill("a")},
		{"adv:64k-crlf", fill("\r\n")},
		{"adv:64k-random-seed1", rnd},
		{"adv:64k-printable-seed2", printable},
		{"adv:64k-header-lines", header},
		{"adv:64k-digits", fill("0123456789")},
		{"adv:64k-digits-dots", fill("1.2.3.4.5.6.7.8.9.")},
		{"adv:64k-spaces-after-220", append([]byte("220 "), fill(" ")...)[:n]},
		{"adv:64k-ssh-long-version", append([]byte("SSH-2.0-"), fill("x.")...)[:n]},
		{"adv:64k-iis404", iis.Bytes()[:n]},
		{"adv:64k-nul", make([]byte, n)},
		{"adv:64k-lt-gt", fill("<>")},
	}
}

// variants derives truncated and case-changed copies of each corpus file,
// to exercise partial replies (nmap matches after every read).
func variants(files []subject) []subject {
	var out []subject
	for _, f := range files {
		l := len(f.data)
		seen := map[int]bool{}
		for _, cut := range []int{1, 2, 4, 8, 16, 32, 64, 128, 256, 1024, 4096, l / 2, l - 1} {
			if cut <= 0 || cut >= l || seen[cut] {
				continue
			}
			seen[cut] = true
			out = append(out, subject{f.name + "#trunc" + strconv.Itoa(cut), f.data[:cut]})
		}
		if up := asciiCase(f.data, 'a', 'z', -32); !bytes.Equal(up, f.data) {
			out = append(out, subject{f.name + "#upper", up})
		}
		if lo := asciiCase(f.data, 'A', 'Z', 32); !bytes.Equal(lo, f.data) {
			out = append(out, subject{f.name + "#lower", lo})
		}
	}
	// NULL-banner carry-over: nmap matches a later probe's reply on the NULL
	// probe's connection as banner + reply (S6, E15 in docs/nmap-behaviour.md).
	banner := map[string][]byte{}
	for _, f := range files {
		if src, ok := strings.CutSuffix(f.name, "--NULL.bin"); ok {
			banner[src] = f.data
		}
	}
	for _, f := range files {
		src, probe, ok := strings.Cut(f.name, "--")
		if b := banner[src]; ok && probe != "NULL.bin" && len(b) > 0 {
			out = append(out, subject{src + "--NULL.bin+" + probe, append(append([]byte{}, b...), f.data...)})
		}
	}
	return out
}

// allSubjects is the corpus, then the adversarial inputs, then variants,
// with exact duplicates (same bytes) removed.
func allSubjects(tb testing.TB) []subject {
	files := corpusFiles(tb)
	all := append(append(append([]subject{}, files...), adversarial()...), variants(files)...)
	seen := map[string]bool{}
	out := all[:0]
	for _, s := range all {
		if seen[string(s.data)] {
			continue
		}
		seen[string(s.data)] = true
		out = append(out, s)
	}
	return out
}

// asciiCase shifts the bytes in [lo, hi] by delta (ASCII letters only; other
// bytes, including invalid UTF-8, are kept as they are).
func asciiCase(b []byte, lo, hi byte, delta int) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if lo <= c && c <= hi {
			c = byte(int(c) + delta)
		}
		out[i] = c
	}
	return out
}
