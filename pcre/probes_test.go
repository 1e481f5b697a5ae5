package pcre

import (
	"bufio"
	"bytes"
	"os"
	"testing"

	"github.com/signetscan/signet/internal/testenv"
)

const probesFile = "/usr/share/nmap/nmap-service-probes"

type refPattern struct {
	line  int
	pat   string
	flags Flags
}

// extractPatterns reads the match/softmatch patterns of an
// nmap-service-probes file: `match|softmatch <svc> m<d><pattern><d><flags>`.
func extractPatterns(path string) ([]refPattern, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []refPattern
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Bytes()
		var rest []byte
		switch {
		case bytes.HasPrefix(line, []byte("match ")):
			rest = line[len("match "):]
		case bytes.HasPrefix(line, []byte("softmatch ")):
			rest = line[len("softmatch "):]
		default:
			continue
		}
		sp := bytes.IndexByte(rest, ' ')
		if sp < 0 {
			continue
		}
		rest = rest[sp+1:]
		if len(rest) < 2 || rest[0] != 'm' {
			continue
		}
		d := rest[1]
		end := bytes.IndexByte(rest[2:], d)
		if end < 0 {
			continue
		}
		pat := string(rest[2 : 2+end])
		var fl Flags
		for _, c := range rest[2+end+1:] {
			if c == 'i' {
				fl |= Caseless
			} else if c == 's' {
				fl |= DotAll
			} else {
				break
			}
		}
		out = append(out, refPattern{line: ln, pat: pat, flags: fl})
	}
	return out, sc.Err()
}

// loadReference returns the reference patterns, skipping the test when the
// file is absent unless CI is set.
func loadReference(tb testing.TB) []refPattern {
	tb.Helper()
	pats, err := extractPatterns(probesFile)
	if err != nil {
		if os.IsNotExist(err) {
			testenv.Missing(tb, "%s not present", probesFile)
		}
		tb.Fatalf("reading %s: %v", probesFile, err)
	}
	return pats
}

func TestCompileAllReference(t *testing.T) {
	pats := loadReference(t)
	if len(pats) != 11917 {
		t.Errorf("extracted %d patterns, want 11917", len(pats))
	}
	bad := 0
	for _, p := range pats {
		re, err := Compile(p.pat, p.flags)
		if err != nil {
			bad++
			if bad < 20 {
				t.Errorf("line %d: %q: %v (offset %d)", p.line, p.pat, err, err.(*SyntaxError).Offset)
			}
			continue
		}
		re.build()
	}
	if bad > 0 {
		t.Errorf("%d patterns failed to compile", bad)
	}
}
