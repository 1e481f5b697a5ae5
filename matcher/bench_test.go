package matcher

import (
	"math/rand"
	"os"
	"testing"

	"github.com/signetscan/signet/pcre"
	"github.com/signetscan/signet/probes"
)

// Benchmarks of the hot path: one reply against its probe's whole chain of
// lines, with nmap's own file. Run side by side with libpcre2 called once
// per line, as nmap does:
//
//	go test -tags pcre2 -run '^$' -bench . ./matcher
const nmapFile = "/usr/share/nmap/nmap-service-probes"

type benchCase struct {
	name  string
	probe string // probe whose reply it is
	reply []byte
}

func benchCases(b *testing.B) []benchCase {
	read := func(name string) []byte {
		data, err := os.ReadFile("../pcre/testdata/corpus/" + name)
		if err != nil {
			b.Fatal(err)
		}
		return data
	}
	random := make([]byte, 4096)
	rand.New(rand.NewSource(1)).Read(random)
	return []benchCase{
		{"ssh-banner", "NULL", read("openssh-server--NULL.bin")},
		{"postfix-banner", "NULL", read("postfix--NULL.bin")},
		{"nginx-200", "GetRequest", read("nginx--GetRequest.bin")},
		{"random-4k", "NULL", random},
	}
}

// loadNmap parses nmap's file; with goEngine it recompiles every pattern
// with signet's pure-Go engine, whatever engine the build tags chose.
func loadNmap(b *testing.B, goEngine bool) *probes.DB {
	if _, err := os.Stat(nmapFile); err != nil {
		if os.Getenv("CI") != "" {
			b.Fatal(err)
		}
		b.Skip("nmap not installed") // skip-ok: a benchmark; CI runs no benchmarks
	}
	db, err := probes.ParseFile(nmapFile)
	if err == nil {
		err = db.Resolve()
	}
	if err != nil {
		b.Fatal(err)
	}
	if goEngine {
		each := func(p *probes.Probe) {
			for _, m := range p.Matches {
				re, err := pcre.Compile(m.Pattern, m.Flags)
				if err != nil {
					b.Fatal(err)
				}
				m.Regex = re
			}
		}
		each(db.Null)
		for _, p := range db.Probes {
			each(p)
		}
	}
	return db
}

func probeNamed(db *probes.DB, name string) *probes.Probe {
	if name == "NULL" {
		return db.Null
	}
	return db.Probe(probes.TCP, name)
}

// BenchmarkMatchProbe is signet's path: the first-byte index, the literal
// prefix check, then the pure-Go engine.
func BenchmarkMatchProbe(b *testing.B) {
	db := loadNmap(b, true)
	m := New(db)
	for _, c := range benchCases(b) {
		p := probeNamed(db, c.probe)
		m.Match(p, c.reply) // build the index and compile lazily outside the timer
		b.Run("signet/"+c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.reply)))
			for b.Loop() {
				m.Match(p, c.reply)
			}
		})
	}
}

// BenchmarkLoadNmap is the time to read nmap's file ready to match.
func BenchmarkLoadNmap(b *testing.B) {
	if _, err := os.Stat(nmapFile); err != nil {
		b.Skip("nmap not installed") // skip-ok: a benchmark; CI runs no benchmarks
	}
	for b.Loop() {
		db, err := probes.ParseFile(nmapFile)
		if err != nil {
			b.Fatal(err)
		}
		if err := db.Resolve(); err != nil {
			b.Fatal(err)
		}
	}
}
