//go:build pcre2 && cgo

package matcher

import (
	"testing"

	"github.com/signetscan/signet/pcre"
	"github.com/signetscan/signet/pcre/libpcre2"
	"github.com/signetscan/signet/probes"
)

// BenchmarkNaiveLibpcre2 is nmap's way: every line of the probe, then of
// each fallback and NULL, through libpcre2 until the first match.
func BenchmarkNaiveLibpcre2(b *testing.B) {
	db := loadNmap(b, false)
	compiled := map[*probes.Match]pcre.Regex{}
	each := func(p *probes.Probe) {
		for _, m := range p.Matches {
			re, err := libpcre2.Compile(m.Pattern, m.Flags)
			if err != nil {
				b.Fatal(err)
			}
			compiled[m] = re
		}
	}
	each(db.Null)
	for _, p := range db.Probes {
		each(p)
	}
	for _, c := range benchCases(b) {
		p := probeNamed(db, c.probe)
		b.Run("libpcre2/"+c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.reply)))
			for b.Loop() {
			chain:
				for _, member := range p.Chain {
					for _, m := range member.Matches {
						if loc, _ := compiled[m].Exec(c.reply); loc != nil {
							break chain
						}
					}
				}
			}
		})
	}
}
