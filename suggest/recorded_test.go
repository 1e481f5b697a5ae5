package suggest

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/signetscan/signet/evidence"
	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/versiondb"
)

const (
	evidenceDir = "../testdata/evidence"
	// The testbed recorded a second time, on another day than the first
	// recordings in the evidence corpus (scripts/record-testbed.sh).
	secondDir = "../testdata/recordings/2026-12-06"
)

func embedded(t testing.TB) *probes.DB {
	t.Helper()
	l, err := versiondb.Load(versiondb.Options{DB: "embedded", NoDefaultOverlays: true, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	return l.DB
}

func corpusSamples(t testing.TB) []Sample {
	t.Helper()
	cases, err := evidence.Load(evidenceDir)
	if err != nil {
		t.Fatal(err)
	}
	return SamplesFromEvidence(cases)
}

type pair struct {
	id          string
	first       *evidence.Case
	second      *evidence.Case
	packageVers string // the package version the second recording's source names
}

func loadPairs(t testing.TB) []pair {
	t.Helper()
	f, err := os.Open(filepath.Join(secondDir, "pairs.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	srcVer := regexp.MustCompile(`^Debian 12 \S+ (\S+) on the loopback testbed`)
	var out []pair
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, first, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("pairs.tsv: bad line %q", line)
		}
		c1, err := evidence.LoadFile(filepath.Join(evidenceDir, first))
		if err != nil {
			t.Fatal(err)
		}
		c2, err := evidence.LoadFile(filepath.Join(secondDir, id+".fp"))
		if err != nil {
			t.Fatal(err)
		}
		m := srcVer.FindStringSubmatch(c2.Source)
		if m == nil {
			t.Fatalf("%s: source %q names no package version", c2.Path, c2.Source)
		}
		out = append(out, pair{id, c1, c2, m[1]})
	}
	if len(out) < 40 {
		t.Fatalf("%d pairs, want the testbed's", len(out))
	}
	return out
}

// forget returns a copy of db that does not recognise fp: the lines that
// give a hard match in a replay of fp are removed, one at a time, until
// none does. Softmatches stay (a scan still knows the protocol).
func forget(t testing.TB, db *probes.DB, fp *fingerprint.Fingerprint) *probes.DB {
	t.Helper()
	c := db.Clone()
	if err := c.Resolve(); err != nil {
		t.Fatal(err)
	}
	for range 100 {
		_, steps := matcher.New(c).Replay(fp, matcher.ReplayOptions{Intensity: -1})
		var hard *probes.Match
		for _, s := range steps {
			if s.Hit != nil && !s.Hit.Line.Soft {
				hard = s.Hit.Line
			}
		}
		if hard == nil {
			return c
		}
		hard.Probe.Remove(hard)
		if err := c.Resolve(); err != nil {
			t.Fatal(err)
		}
	}
	t.Fatalf("cannot make the database forget %d/%s", fp.Port, fp.Proto)
	return nil
}

// A line suggested from the first recording of a testbed server must match
// the second recording of the same server (made on another day) and no
// other server's; every suggestion must be right, and the others refused
// with a reason. At least 80% of the servers get a line. The database is
// signet's embedded one without the lines that recognise the server: the
// situation of a user with an unrecognised service.
func TestRecordedTwice(t *testing.T) {
	full := embedded(t)
	samples := corpusSamples(t)
	pairs := loadPairs(t)
	correct, wrong, refused := 0, 0, 0
	for _, p := range pairs {
		db := forget(t, full, p.first.FP)
		e := p.first.Expect
		opt := Options{Corpus: samples}
		if e.Check[0] {
			opt.Service = strings.TrimPrefix(e.Fields[0], "ssl/")
		}
		if e.Check[1] {
			opt.Product = e.Fields[1]
		}
		res, err := Suggest(db, p.first.FP, opt)
		if err != nil {
			if _, ok := err.(*Refusal); !ok {
				t.Errorf("%s: %v", p.id, err)
				wrong++
				continue
			}
			refused++
			t.Logf("REFUSED %-16s %s", p.id, strings.ReplaceAll(err.Error(), "\n", "\n\t\t"))
			continue
		}
		if why := checkSecond(t, db, res, p, pairs); why != "" {
			wrong++
			t.Errorf("WRONG   %-16s %s\n\t%s", p.id, why, res.Line)
			continue
		}
		correct++
		t.Logf("correct %-16s %s", p.id, res.Line)
	}
	n := len(pairs)
	t.Logf("%d servers recorded twice: %d suggested and correct on the second recording (%.0f%%), %d wrong, %d refused with a reason",
		n, correct, 100*float64(correct)/float64(n), wrong, refused)
	if wrong > 0 {
		t.Errorf("%d suggestions are wrong", wrong)
	}
	if correct*5 < n*4 {
		t.Errorf("%d of %d servers get a correct line, want at least 80%%", correct, n)
	}
}

// checkSecond returns "" when the suggested line identifies the second
// recording of its server (in a replay, with the version the package has)
// and takes no reply of another server's second recording.
func checkSecond(t *testing.T, db *probes.DB, res *Result, p pair, pairs []pair) string {
	cdb, line, err := withLine(db, res.Overlay)
	if err != nil {
		return err.Error()
	}
	if w := wins(cdb, line, p.second.FP, res.Fields); w != "" {
		return "on the second recording: " + w
	}
	port, _ := matcher.New(cdb).Replay(p.second.FP, matcher.ReplayOptions{Intensity: -1})
	if v := port.Service.Version; v != "" && !strings.Contains(p.packageVers, v) {
		return "version " + v + " is not the package's " + p.packageVers
	}
	// No other server's second recording: a reply the line matches must be
	// of the same service and product (the TLS port of the same daemon).
	for _, o := range pairs {
		if o.id == p.id {
			continue
		}
		for _, r := range o.second.FP.Responses {
			q := cdb.Probe(line.Probe.Protocol, r.Probe)
			if q == nil || protoOf(o.second.FP) != line.Probe.Protocol {
				continue
			}
			for _, m := range q.Chain {
				if m != line.Probe {
					continue
				}
				if loc, _ := line.Regex.Exec(r.Data); loc != nil {
					if why := disagree(&o.first.Expect, res.Fields, false, r.Data, loc); why != "" {
						return "takes " + o.id + "'s reply to " + r.Probe + ": " + why
					}
				}
			}
		}
	}
	return ""
}
