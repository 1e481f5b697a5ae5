package template

import (
	"testing"

	"github.com/signetscan/signet/probes"
)

// FuzzExpand checks that Expand never panics, whatever the template, subject
// and capture offsets, and that its results respect the buffer sizes (M4).
func FuzzExpand(f *testing.F) {
	f.Add(`$SUBST(1,".","_")`, []byte("TST/1.2.3 x"), []byte{4, 9, 0, 0})
	f.Add(`wg: $P(3); be=$I(4,">"); le=$I(4,"<"); raw=$1 ,,  `, tstSubject, []byte{4, 9, 15, 22, 23, 31, 34, 36})
	f.Add(`$P(1,`, []byte("abc"), []byte{0, 3})
	f.Add(`$SUBST(1,"\\\"","`, []byte("abc"), []byte{0, 3, 255, 255})
	f.Add(`cpe:/a:$1:$2`, []byte("Ver:1/2 X"), []byte{0, 7, 8, 9})
	f.Fuzz(func(t *testing.T, tmpl string, subject []byte, offs []byte) {
		loc := []int{0, len(subject)}
		for i := 0; i+1 < len(offs) && len(loc) < 2*12; i += 2 {
			if offs[i] == 255 {
				loc = append(loc, -1, -1)
				continue
			}
			a, b := int(offs[i]), int(offs[i+1])
			if a > b {
				a, b = b, a
			}
			loc = append(loc, min(a, len(subject)), min(b, len(subject)))
		}
		tm := probes.Templates{
			Product: tp(1, tmpl), Info: tp(1, tmpl), OS: tp(1, tmpl),
			CPE: []*probes.Template{tp(1, tmpl), tp(1, "cpe:/a:"+tmpl)},
		}
		fl, _ := Expand(&tm, subject, loc)
		if len(fl.Product) > ProductSize-1 || len(fl.Info) > InfoSize-1 || len(fl.OS) > OSSize-1 || len(fl.CPE[PartA]) > CPESize-1 {
			t.Fatalf("field too long: %+v", fl)
		}
		s := Sanitize(fl)
		for _, v := range []string{s.Product, s.Info, s.OS, s.CPE[0], s.CPE[1], s.CPE[2]} {
			for i := 0; i < len(v); i++ {
				if v[i] < 0x20 || v[i] > 0x7e {
					t.Fatalf("non-printable after Sanitize: %q", v)
				}
			}
		}
	})
}
