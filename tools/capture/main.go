// Command capture records raw service replies from servers listening on
// loopback, for signet's regex regression corpus (pcre/testdata/corpus).
//
// It connects to 127.0.0.1:PORT (or [::1]:PORT; nothing else is allowed),
// optionally wraps the connection in TLS, sends one probe payload and saves
// what comes back (at most -max bytes, at most -wait per probe). Payloads
// are either built in (lower-case names, written from protocol knowledge)
// or nmap's TCP probe strings read at run time from -probes-file.
//
// Modes:
//
//	capture -addr 127.0.0.1:2222 -probe NULL -o out.bin
//	capture -plan plan.txt -outdir ../../pcre/testdata/corpus
//	capture -handmade -outdir ../../pcre/testdata/corpus
//	capture -readme -outdir ../../pcre/testdata/corpus
//
// See README.md for the full re-run procedure (servers.sh).
package main

import (
	"bufio"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

const manifestName = "captures.tsv"

func main() {
	var (
		addr       = flag.String("addr", "", "loopback host:port to probe (single mode)")
		probe      = flag.String("probe", "null", "probe name: builtin (lower case) or nmap TCP probe name")
		useTLS     = flag.Bool("tls", false, "wrap the connection in TLS (no certificate check) before sending")
		out        = flag.String("o", "", "output file (single mode; default stdout)")
		plan       = flag.String("plan", "", "plan file: `source package host:port probe[,probe...] [tls]` per line")
		outdir     = flag.String("outdir", "", "corpus directory for -plan, -handmade and -readme")
		handmade   = flag.Bool("handmade", false, "write the hand-made replies into -outdir")
		readme     = flag.Bool("readme", false, "regenerate -outdir/README.md from captures.tsv and the hand-made list")
		probesFile = flag.String("probes-file", "/usr/share/nmap/nmap-service-probes", "nmap-service-probes to read payloads from (read-only)")
		wait       = flag.Duration("wait", 3*time.Second, "total time to wait for a reply")
		idle       = flag.Duration("idle", 700*time.Millisecond, "stop when no more bytes arrive for this long after the first byte")
		maxBytes   = flag.Int("max", 64<<10, "keep at most this many reply bytes")
	)
	flag.Parse()
	cfg := captureConfig{wait: *wait, idle: *idle, max: *maxBytes}
	var err error
	switch {
	case *handmade:
		err = writeHandmade(*outdir)
	case *readme:
		err = writeReadme(*outdir)
	case *plan != "":
		err = runPlan(*plan, *outdir, *probesFile, cfg)
	case *addr != "":
		var nm map[string][]byte
		nm, _ = loadNmapProbes(*probesFile) // builtins still work without the file
		var p, reply []byte
		if p, err = payload(*probe, nm); err == nil {
			reply, err = capture(*addr, p, *useTLS, cfg)
			if err == nil || len(reply) > 0 {
				if *out == "" {
					_, err = os.Stdout.Write(reply)
				} else {
					err = os.WriteFile(*out, reply, 0o644)
				}
			}
		}
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "capture:", err)
		os.Exit(1)
	}
}

type captureConfig struct {
	wait, idle time.Duration
	max        int
}

// checkLoopback refuses anything but a loopback IP literal.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("refusing %s: only loopback IP literals (127.0.0.1, ::1) are allowed", addr)
	}
	return nil
}

// capture dials addr, sends p and reads the reply until EOF, the size cap,
// the total wait, or an idle gap after data.
func capture(addr string, p []byte, useTLS bool, cfg captureConfig) ([]byte, error) {
	if err := checkLoopback(addr); err != nil {
		return nil, err
	}
	start := time.Now()
	raw, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		return nil, err
	}
	defer raw.Close()
	var conn net.Conn = raw
	if useTLS {
		tc := tls.Client(raw, &tls.Config{ServerName: "localhost", InsecureSkipVerify: true})
		_ = tc.SetDeadline(start.Add(cfg.wait))
		if err := tc.Handshake(); err != nil {
			return nil, fmt.Errorf("tls handshake: %w", err)
		}
		conn = tc
	}
	if len(p) > 0 {
		_ = conn.SetWriteDeadline(time.Now().Add(2 * time.Second))
		if _, err := conn.Write(p); err != nil {
			return nil, fmt.Errorf("write: %w", err)
		}
	}
	deadline := start.Add(cfg.wait)
	var reply []byte
	buf := make([]byte, 16<<10)
	for i := 0; i < 100000 && len(reply) < cfg.max; i++ {
		d := deadline
		if len(reply) > 0 {
			if id := time.Now().Add(cfg.idle); id.Before(d) {
				d = id
			}
		}
		if !time.Now().Before(d) {
			break
		}
		_ = conn.SetReadDeadline(d)
		n, err := conn.Read(buf)
		reply = append(reply, buf[:n]...)
		if err != nil {
			var ne net.Error
			if errors.Is(err, io.EOF) || errors.As(err, &ne) && ne.Timeout() {
				break
			}
			if len(reply) > 0 {
				break // e.g. connection reset after a reply
			}
			return nil, err
		}
	}
	if len(reply) > cfg.max {
		reply = reply[:cfg.max]
	}
	return reply, nil
}

type planLine struct {
	source, pkg, addr string
	probes            []string
	tls               bool
	lineno            int
}

func readPlan(path string) ([]planLine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []planLine
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		fs := strings.Fields(line)
		if len(fs) < 4 || len(fs) > 5 || len(fs) == 5 && fs[4] != "tls" {
			return nil, fmt.Errorf("%s:%d: want `source package host:port probe[,probe...] [tls]`", path, n)
		}
		out = append(out, planLine{source: fs[0], pkg: fs[1], addr: fs[2],
			probes: strings.Split(fs[3], ","), tls: len(fs) == 5, lineno: n})
	}
	return out, sc.Err()
}

func dpkgVersion(pkg string) string {
	b, err := exec.Command("dpkg-query", "-W", "-f", "${Version}", pkg).Output()
	if err != nil || len(b) == 0 {
		return "?"
	}
	return string(b)
}

// runPlan captures every (source, probe) of the plan into outdir as
// <source>--<probe>.bin and records provenance in outdir/captures.tsv.
// Empty replies are not saved (the corpus has one hand-made empty reply).
func runPlan(planPath, outdir, probesFile string, cfg captureConfig) error {
	if outdir == "" {
		return errors.New("-plan needs -outdir")
	}
	lines, err := readPlan(planPath)
	if err != nil {
		return err
	}
	nm, err := loadNmapProbes(probesFile)
	if err != nil {
		fmt.Fprintf(os.Stderr, "capture: %v; only builtin probes available\n", err)
	}
	man, err := readManifest(outdir)
	if err != nil {
		return err
	}
	versions := map[string]string{}
	for _, pl := range lines {
		if _, ok := versions[pl.pkg]; !ok {
			versions[pl.pkg] = dpkgVersion(pl.pkg)
		}
		for _, pr := range pl.probes {
			if _, err := payload(pr, nm); err != nil {
				return fmt.Errorf("%s:%d: %w", planPath, pl.lineno, err)
			}
		}
	}
	// One goroutine per plan line (each line is a different server or port),
	// at most 8 at a time; probes of one line run in order.
	var (
		mu    sync.Mutex
		wg    sync.WaitGroup
		saved int
		sem   = make(chan struct{}, 8)
	)
	for _, pl := range lines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			for _, pr := range pl.probes {
				p, _ := payload(pr, nm)
				reply, err := capture(pl.addr, p, pl.tls, cfg)
				name := pl.source + "--" + pr + ".bin"
				mu.Lock()
				if err != nil || len(reply) == 0 {
					fmt.Fprintf(os.Stderr, "%-50s %s: no reply (%v)\n", name, pl.addr, err)
				} else if werr := os.WriteFile(filepath.Join(outdir, name), reply, 0o644); werr != nil {
					fmt.Fprintf(os.Stderr, "%-50s %v\n", name, werr)
				} else {
					tl := ""
					if pl.tls {
						tl = "tls"
					}
					man[name] = []string{name, pl.pkg, versions[pl.pkg], pr, tl, fmt.Sprint(len(reply))}
					fmt.Fprintf(os.Stderr, "%-50s %6d bytes\n", name, len(reply))
					saved++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Fprintf(os.Stderr, "saved %d replies\n", saved)
	return writeManifest(outdir, man)
}

func readManifest(dir string) (map[string][]string, error) {
	m := map[string][]string{}
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, os.ErrNotExist) {
		return m, nil
	} else if err != nil {
		return nil, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) == 6 {
			m[f[0]] = f
		}
	}
	return m, nil
}

func writeManifest(dir string, m map[string][]string) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	sb.WriteString("# file\tdebian-package\tversion\tprobe\ttls\tbytes\n")
	for _, k := range keys {
		sb.WriteString(strings.Join(m[k], "\t") + "\n")
	}
	return os.WriteFile(filepath.Join(dir, manifestName), []byte(sb.String()), 0o644)
}
