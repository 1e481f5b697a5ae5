package pcre

import (
	"bytes"
	"runtime"
	"testing"
	"time"
)

// The benchmarks read the reference file at run time (see probes_test.go for
// the extractor); nothing from it is stored in the repository.

func benchPatterns(b *testing.B) []refPattern {
	pats, err := extractPatterns(probesFile)
	if err != nil {
		b.Skip(err) // skip-ok: a benchmark; CI runs no benchmarks
	}
	return pats
}

func compileAll(tb testing.TB, pats []refPattern) []*Regexp {
	res := make([]*Regexp, 0, len(pats))
	for _, p := range pats {
		re, err := Compile(p.pat, p.flags)
		if err != nil {
			tb.Fatalf("line %d: %v", p.line, err)
		}
		res = append(res, re)
	}
	return res
}

// BenchmarkCompileAll compiles every reference pattern (one op = the whole file).
func BenchmarkCompileAll(b *testing.B) {
	pats := benchPatterns(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		compileAll(b, pats)
	}
}

// BenchmarkBuildAll compiles every pattern and builds its matcher (what the
// first Exec of each pattern costs on top of Compile).
func BenchmarkBuildAll(b *testing.B) {
	pats := benchPatterns(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, re := range compileAll(b, pats) {
			re.build()
		}
	}
}

// TestCompileBudget checks the compile-time and heap goals for the whole
// reference file: <= 0.1 s and <= 40 MB retained.
func TestCompileBudget(t *testing.T) {
	pats := loadReference(t)
	if testing.Short() || raceEnabled {
		t.Skip("timing test: skipped in -short and -race runs") // skip-ok: CI runs neither -short nor -race
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	best := time.Hour
	var keep []*Regexp
	for k := 0; k < 3; k++ {
		t0 := time.Now()
		keep = compileAll(t, pats)
		if d := time.Since(t0); d < best {
			best = d
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	runtime.KeepAlive(keep)
	t.Logf("compile %d patterns: %v, retained heap %.1f MB", len(pats), best, float64(heap)/1e6)
	if best > 300*time.Millisecond { // generous for shared/slow CI machines; goal 0.1 s
		t.Errorf("compiling the reference file took %v", best)
	}
	if heap > 40e6 {
		t.Errorf("compiled reference file retains %.1f MB", float64(heap)/1e6)
	}
	// Building every matcher (what the first Exec of each pattern does).
	t0 := time.Now()
	for _, re := range keep {
		re.build()
	}
	d := time.Since(t0)
	runtime.GC()
	var built runtime.MemStats
	runtime.ReadMemStats(&built)
	t.Logf("building all %d matchers: %v, retained heap with matchers %.1f MB", len(keep), d,
		float64(int64(built.HeapAlloc)-int64(before.HeapAlloc))/1e6)
	runtime.KeepAlive(keep)
}

var benchSubjects = map[string][]byte{
	"http": []byte("HTTP/1.1 200 OK\r\nDate: Tue, 01 Jan 2019 00:00:00 GMT\r\nServer: Apache/2.4.38 (Debian)\r\nContent-Type: text/html\r\n\r\n<html><title>Test</title></html>"),
	"ssh":  []byte("SSH-2.0-OpenSSH_8.4p1 Debian-5+deb11u1\r\n"),
	"smtp": []byte("220 mail.example.com ESMTP Postfix (Debian/GNU)\r\n"),
	"bin":  []byte("\x16\x03\x01\x00\x4a\x02\x00\x00\x46\x03\x01\x00\x00\x00\x00"),
}

// BenchmarkCorpus runs every reference pattern against a few typical
// replies; ns/op divided by the number of Exec calls is the mean cost.
func BenchmarkCorpus(b *testing.B) {
	res := compileAll(b, benchPatterns(b))
	for name, s := range benchSubjects {
		b.Run(name, func(b *testing.B) {
			for _, re := range res {
				re.Exec(s) // build matchers outside the timing
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, re := range res {
					re.Exec(s)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(res)), "ns/exec")
		})
	}
}

// BenchmarkReject measures rejection by the literal prefix.
func BenchmarkReject(b *testing.B) {
	re := MustCompile(`^SSH-([\d.]+)-OpenSSH_([\w._-]+)`, 0)
	s := benchSubjects["http"]
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		re.Exec(s)
	}
}

// BenchmarkMatch measures a typical successful match with captures.
func BenchmarkMatch(b *testing.B) {
	re := MustCompile(`^SSH-([\d.]+)-OpenSSH_([\w._-]+)(?: (.*))?\r?\n`, 0)
	s := benchSubjects["ssh"]
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if loc, _ := re.Exec(s); loc == nil {
			b.Fatal("no match")
		}
	}
}

// BenchmarkUnanchored measures a search through a 64 KB subject.
func BenchmarkUnanchored(b *testing.B) {
	re := MustCompile(`Server: Microsoft-IIS/([\d.]+)`, 0)
	s := bytes.Repeat([]byte("HTTP/1.1 200 OK\r\nX: y\r\n"), 3000)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		re.Exec(s)
	}
}

// BenchmarkAdversarial runs every reference pattern over 64 KB adversarial
// subjects (one op = all patterns over all subjects).
func BenchmarkAdversarial(b *testing.B) {
	res := compileAll(b, benchPatterns(b))
	big := func(unit string) []byte {
		var bb bytes.Buffer
		for bb.Len() < 65536 {
			bb.WriteString(unit)
		}
		return bb.Bytes()[:65536]
	}
	subjects := [][]byte{big("a"), big("\r\n"), big("A b "), big("HTTP/1.1 200 OK\r\n"), big("0"), big(" ")}
	for _, re := range res {
		re.build()
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range subjects {
			for _, re := range res {
				re.Exec(s)
			}
		}
	}
}
