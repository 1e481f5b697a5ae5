package probes_test

import (
	"fmt"

	"github.com/signetscan/signet/probes"
)

// Parse reports every problem with FILE:LINE:COL.
func ExampleParse() {
	_, err := probes.Parse("bad.probes", []byte("Probe TCP NULL q||\nrarity 0\nmatch x m/(abc/\n"))
	fmt.Println(err)
	db, _ := probes.Parse("good.probes", []byte("Probe TCP NULL q||\nmatch ssh m|^SSH-| p/generic/\n"))
	fmt.Println(len(db.Null.Matches), db.Null.Matches[0].Service)
	// Output:
	// bad.probes:2:8: rarity "0" out of range: must be 1 to 9
	// bad.probes:3:15: illegal regexp (at regexp offset 4): missing )
	// 1 ssh
}
