package probes

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/testenv"
)

const referenceFile = "/usr/share/nmap/nmap-service-probes"

func readReference(tb testing.TB) []byte {
	tb.Helper()
	src, err := os.ReadFile(referenceFile)
	if err != nil {
		testenv.Missing(tb, "reference file not available: %v", err)
	}
	return src
}

// TestReferenceFile parses nmap 7.93's own nmap-service-probes.
func TestReferenceFile(t *testing.T) {
	real := useRegex(t)
	src := readReference(t)
	db, err := Load(NamedSource{referenceFile, src})
	if err != nil {
		t.Fatalf("errors:\n%v", err)
	}
	for _, w := range db.Warnings {
		t.Logf("warning: %v", w)
	}
	if db.Null == nil || db.Null.Name != "NULL" {
		t.Fatalf("NULL probe = %+v", db.Null)
	}
	if got := len(db.Probes) + 1; got != 148 {
		t.Errorf("probes = %d (NULL included), want 148", got)
	}
	var match, soft int
	for _, p := range append(db.Probes, db.Null) {
		for _, m := range p.Matches {
			if m.Soft {
				soft++
			} else {
				match++
			}
			if m.Regex == nil {
				t.Errorf("%v: no regex", m.Pos)
			}
		}
		if len(p.Chain) == 0 || p.Chain[0] != p {
			t.Errorf("probe %s: chain not resolved", p.Name)
		}
	}
	if match != 11721 || soft != 196 {
		t.Errorf("match = %d, softmatch = %d; want 11721, 196", match, soft)
	}
	if db.Exclude == nil || db.Exclude.Text != "T:9100-9107" || db.Exclude.TCP.String() != "9100-9107" || len(db.Exclude.UDP) != 0 {
		t.Errorf("Exclude = %+v", db.Exclude)
	}
	if d := db.Null; d.TotalWait != 6*time.Second || d.TCPWrapped != 3*time.Second || len(d.Chain) != 1 {
		t.Errorf("NULL: totalwait %v tcpwrapped %v chain %d", d.TotalWait, d.TCPWrapped, len(d.Chain))
	}
	// Spot checks.
	gr := db.Probe(TCP, "GetRequest")
	if gr == nil || string(gr.Payload) != "GET / HTTP/1.0\r\n\r\n" || gr.Rarity != 1 || !gr.Ports.Contains(80) || !gr.SSLPorts.Contains(443) {
		t.Fatalf("GetRequest = %+v", gr)
	}
	if gr.TotalWait != DefaultTotalWait || gr.Chain[len(gr.Chain)-1] != db.Null || !gr.Detectable["http"] {
		t.Errorf("GetRequest: totalwait %v chain %v", gr.TotalWait, gr.Chain)
	}
	if db.Probe(UDP, "GetRequest") != nil {
		t.Errorf("UDP GetRequest exists")
	}
	hello := db.Probe(TCP, "Hello")
	if hello == nil || hello.TotalWait != 7500*time.Millisecond || hello.Rarity != 8 {
		t.Errorf("Hello = %+v", hello)
	}
	ver := db.Probe(TCP, "Verifier")
	if ver == nil || ver.TotalWait != 11000*time.Millisecond {
		t.Errorf("Verifier = %+v", ver)
	}
	// The first probe after NULL is GenericLines; an ssh line of the NULL
	// probe carries the two o-part CPEs (M5).
	if db.Probes[0].Name != "GenericLines" || !bytes.Equal(db.Probes[0].Payload, []byte("\r\n\r\n")) {
		t.Errorf("first probe = %s %q", db.Probes[0].Name, db.Probes[0].Payload)
	}
	var ssh *Match
	for _, m := range db.Null.Matches {
		if m.Service == "ssh" && m.Templates.Product != nil && m.Templates.Product.Text == "OpenSSH" && len(m.Templates.CPE) == 3 {
			ssh = m
			break
		}
	}
	if ssh == nil {
		t.Fatal("no OpenSSH line with 3 CPEs in the NULL probe")
	}
	if c := ssh.Templates.CPE; c[0].Text != "cpe:/a:openbsd:openssh:$2" || c[2].Text != "cpe:/o:linux:linux_kernel" || c[2].Flags != "a" || c[1].Flags != "" {
		t.Errorf("%v: ssh CPEs = %q %q %q, flags %q", ssh.Pos, c[0].Text, c[1].Text, c[2].Text, c[2].Flags)
	}
	// Fallbacks: a UDP probe with an explicit fallback has no NULL in its chain.
	for _, p := range db.Probes {
		if p.Protocol == UDP && len(p.Chain) > 0 && p.Chain[len(p.Chain)-1] == db.Null {
			t.Errorf("UDP probe %s falls back to NULL", p.Name)
		}
	}
	t.Logf("real engine: %v; %d warnings", real, len(db.Warnings))
}

// BenchmarkParseReference parses the reference file with the regex engine
// (whichever compileRegex is) and, as ParseOnly, with a no-op compiler.
func BenchmarkParseReference(b *testing.B) {
	src := readReference(b)
	b.Run("Engine", func(b *testing.B) {
		if !engineReady() {
			b.Fatal("the regex engine does not compile a trivial pattern")
		}
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, err := Parse(referenceFile, src); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ParseOnly", func(b *testing.B) {
		old := compileRegex
		compileRegex = nopCompile
		defer func() { compileRegex = old }()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, err := Parse(referenceFile, src); err != nil {
				b.Fatal(err)
			}
		}
	})
}
