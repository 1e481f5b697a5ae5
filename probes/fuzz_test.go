package probes

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/signetscan/signet/diag"
)

// FuzzParse checks that Parse, Merge and Resolve never panic and that every
// error and warning is well positioned. The seed corpus in
// testdata/fuzz/FuzzParse holds the testdata/errors cases.
func FuzzParse(f *testing.F) {
	useRegex(f)
	f.Add([]byte(mainFile))
	f.Add([]byte(null + "match x m/a/ p/b/v/c/ cpe:/a:b/a\nExclude T:1-2,U:3\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		db, err := Parse("f.probes", src)
		if db == nil {
			t.Fatal("nil DB")
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		check := func(kind string, l diag.ErrorList) {
			for _, e := range l {
				if e.Pos.File != "f.probes" || e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
					t.Fatalf("%s at bad position: %v", kind, e)
				}
				if !strings.HasPrefix(e.Error(), fmt.Sprintf("f.probes:%d:%d: ", e.Pos.Line, e.Pos.Col)) || e.Msg == "" {
					t.Fatalf("bad %s text %q", kind, e.Error())
				}
			}
		}
		if err != nil {
			var l diag.ErrorList
			if !errors.As(err, &l) || len(l) == 0 {
				t.Fatalf("error is not a non-empty diag.ErrorList: %v", err)
			}
			check("error", l)
		}
		check("warning", db.Warnings)
		for _, p := range db.Probes {
			if p.IsNull() {
				t.Fatalf("NULL probe among Probes")
			}
			for _, m := range p.Matches {
				if m.Probe != p {
					t.Fatalf("match of the wrong probe")
				}
			}
		}
		if rerr := db.Resolve(); rerr != nil {
			check("resolve error", rerr.(diag.ErrorList))
		}
		// Merging a file into its own parse must not panic either.
		other, _ := Parse("g.probes", src)
		_ = db.Merge(other)
		_ = db.Resolve()
	})
}
