package fingerprint

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/signetscan/signet/diag"
)

// FuzzDecode checks that Decode never panics and that whatever it accepts
// re-encodes to text that decodes to the same fingerprint. The seed corpus
// is testdata/fuzz/FuzzDecode plus every capture in testdata.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(okFP))
	f.Fuzz(func(t *testing.T, data []byte) {
		fps, err := Decode("fuzz", data)
		if err != nil {
			if _, ok := err.(diag.ErrorList); !ok {
				t.Fatalf("error of type %T", err)
			}
		}
		for _, fp := range fps {
			for _, r := range fp.Responses {
				if r.Length < len(r.Data) || r.Length == 0 {
					t.Fatalf("bad entry %+v", r)
				}
			}
			for _, form := range []string{fp.String(), fp.XML()} {
				again, err := Decode("again", []byte(form))
				if err != nil || len(again) != 1 || !reflect.DeepEqual(again[0], fp) {
					t.Fatalf("re-encoding does not decode back: %v\n%+v\n%+v\n%s", err, fp, again, form)
				}
			}
		}
	})
}
