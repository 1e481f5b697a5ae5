package matcher

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/signetscan/signet/internal/testenv"
	"github.com/signetscan/signet/pcre"
	"github.com/signetscan/signet/probes"
)

func TestRequiredLiteral(t *testing.T) {
	cases := []struct {
		pat      string
		caseless bool
		want     string
		fold     bool
	}{
		{`^HTTP/1\.[01] \d\d\d .*\r\nServer: nginx/([\d.]+)\r\n`, false, "\r\nServer: nginx/", false},
		{`^SSH-([\d.]+)-OpenSSH_(\S+)`, false, "-OpenSSH_", false},
		{`^abc|^def`, false, "", false},
		{`^(?:abc|def)xyz`, false, "xyz", false},
		{`^Serverx?: nginx`, false, ": nginx", false},
		{`^Server{0,1}ABC`, false, "Serve", false},
		{`^Hello Wor+ld`, true, "hello wor", true},
		{`^x(?i)ABCD`, false, "abcd", true},
		{`^\x16\x03\x01`, false, "\x16\x03\x01", false},
		{`^a\Qxyz\E`, false, "", false},
		{`(?x) a b c d e`, false, "", false},
		{`^[abc]defg[h]`, false, "defg", false},
		{`^ab\dcd`, false, "", false},
		{`^x{abc}yz`, false, "", false},
		{`^\[]\\abc`, false, "[]\\abc", false},
	}
	for _, c := range cases {
		got, fold := requiredLiteral(c.pat, c.caseless)
		if got != c.want || fold != c.fold {
			t.Errorf("requiredLiteral(%q) = %q, %v; want %q, %v", c.pat, got, fold, c.want, c.fold)
		}
	}
}

// TestRequiredLiteralSound checks on nmap's whole file and the reply
// corpus that the prefilter never rejects a reply the regex matches.
func TestRequiredLiteralSound(t *testing.T) {
	if _, err := os.Stat(nmapFile); err != nil {
		testenv.Missing(t, "nmap not installed: %v", err)
	}
	db, err := probes.ParseFile(nmapFile)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../pcre/testdata/corpus/*.bin")
	var subjects [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		subjects = append(subjects, data)
	}
	if len(subjects) < 100 {
		t.Fatalf("corpus has %d replies", len(subjects))
	}
	checked, withLit := 0, 0
	each := func(p *probes.Probe) {
		for _, m := range p.Matches {
			lit, fold := requiredLiteral(m.Pattern, m.Flags&pcre.Caseless != 0)
			if lit == "" {
				continue
			}
			withLit++
			for _, s := range subjects {
				hay := s
				if fold {
					hay = asciiLower(s)
				}
				if bytes.Contains(hay, []byte(lit)) {
					continue
				}
				checked++
				if loc, _ := m.Regex.Exec(s); loc != nil {
					t.Errorf("%s: literal %q absent from a reply the pattern matches", m.Pos, lit)
				}
			}
		}
	}
	each(db.Null)
	for _, p := range db.Probes {
		each(p)
	}
	t.Logf("%d of 11917 patterns have a required literal; %d rejections checked", withLit, checked)
}
