//go:build pcre2 && cgo

package libpcre2

// Side-by-side benchmarks of libpcre2 and the pure-Go engine:
//
//	go test -tags pcre2 ./pcre/libpcre2/ -run '^$' -bench . -benchtime 5x
//
// BenchmarkLoad compiles all match/softmatch patterns of nmap-service-probes
// (ms/load, plus heap and RSS growth while the compiled set is alive).
// BenchmarkNmapOrder matches one reply the way nmap does: every pattern of
// the probe in file order until the first match.

import (
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/pcre"
)

type engine struct {
	name    string
	compile func(string, pcre.Flags) (pcre.Regex, error)
}

var engines = []engine{
	{"libpcre2", func(p string, f pcre.Flags) (pcre.Regex, error) {
		re, err := Compile(p, f)
		if err != nil {
			return nil, err
		}
		return re, nil
	}},
	{"purego", func(p string, f pcre.Flags) (pcre.Regex, error) {
		re, err := pcre.Compile(p, f)
		if err != nil {
			return nil, err
		}
		return re, nil
	}},
}

// rssBytes reads the resident set size from /proc/self/statm (0 if unavailable).
func rssBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	n, _ := strconv.ParseInt(f[1], 10, 64)
	return n * int64(os.Getpagesize())
}

func heapBytes() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

func compileAll(sigs []sig, e engine) ([]pcre.Regex, int, error) {
	out := make([]pcre.Regex, 0, len(sigs))
	fails := 0
	var first error
	for i := range sigs {
		re, err := e.compile(sigs[i].pattern, sigs[i].flags)
		if err != nil {
			fails++
			if first == nil {
				first = err
			}
			continue
		}
		out = append(out, re)
	}
	return out, fails, first
}

func freeAll(res []pcre.Regex) {
	for _, re := range res {
		if l, ok := re.(*Regexp); ok {
			l.Free()
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	sigs := parseSigs(b, probesFile(b))
	for _, e := range engines {
		b.Run(e.name, func(b *testing.B) {
			// Memory: one compiled set kept alive.
			h0, r0 := heapBytes(), rssBytes()
			res, fails, first := compileAll(sigs, e)
			h1, r1 := heapBytes(), rssBytes()
			if fails == len(sigs) {
				// skip-ok: a benchmark; CI runs no benchmarks
				b.Skipf("%s compiled 0 of %d patterns (first error: %v): engine not ready", e.name, len(sigs), first)
			}
			if fails > 0 {
				b.Logf("%s: %d of %d patterns failed to compile (first: %v)", e.name, fails, len(sigs), first)
			}
			runtime.KeepAlive(res)
			freeAll(res)
			res = nil
			b.ResetTimer()
			t0 := time.Now()
			for range b.N {
				res, _, _ := compileAll(sigs, e)
				b.StopTimer()
				freeAll(res)
				b.StartTimer()
			}
			b.ReportMetric(float64(time.Since(t0).Milliseconds())/float64(b.N), "ms/load")
			b.ReportMetric(float64(h1-h0)/(1<<20), "heapMB")
			b.ReportMetric(float64(r1-r0)/(1<<20), "rssMB")
			b.ReportMetric(float64(len(sigs)-fails), "patterns")
		})
	}
}

// probeSigs returns the patterns of one Probe section in file order.
func probeSigs(all []sig, probe string) []sig {
	var out []sig
	for _, s := range all {
		if s.probe == probe {
			out = append(out, s)
		}
	}
	return out
}

func BenchmarkNmapOrder(b *testing.B) {
	all := parseSigs(b, probesFile(b))
	nginx, err := os.ReadFile(filepath.Join(corpusDir, "nginx--GetRequest.bin"))
	if err != nil {
		b.Fatalf("real nginx reply missing from the corpus: %v", err)
	}
	random := make([]byte, 4096)
	rand.New(rand.NewSource(4)).Read(random)
	cases := []struct {
		name, probe string
		reply       []byte
	}{
		{"ssh-banner/NULL", "NULL", []byte("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")},
		{"postfix-banner/NULL", "NULL", []byte("220 host.example ESMTP Postfix (Debian/GNU)\r\n")},
		{"nginx-200/GetRequest", "GetRequest", nginx},
		{"random-4KB/NULL", "NULL", random},
	}
	for _, c := range cases {
		sigs := probeSigs(all, c.probe)
		for _, e := range engines {
			b.Run(c.name+"/"+e.name, func(b *testing.B) {
				res := make([]pcre.Regex, len(sigs))
				for i := range sigs {
					re, err := e.compile(sigs[i].pattern, sigs[i].flags)
					if err != nil {
						// skip-ok: a benchmark; CI runs no benchmarks
						b.Skipf("%s cannot compile line %d (%v): engine not ready", e.name, sigs[i].line, err)
					}
					res[i] = re
				}
				defer freeAll(res)
				hit, tried := -1, 0
				for i, re := range res {
					tried++
					if loc, _ := re.Exec(c.reply); loc != nil {
						hit = i
						break
					}
				}
				b.ResetTimer()
				for range b.N {
					for _, re := range res {
						if loc, _ := re.Exec(c.reply); loc != nil {
							break
						}
					}
				}
				b.StopTimer()
				b.ReportMetric(float64(tried), "patterns_tried")
				if hit >= 0 {
					b.ReportMetric(float64(sigs[hit].line), "matched_line")
				}
			})
		}
	}
}
