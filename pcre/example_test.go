package pcre_test

import (
	"fmt"

	"github.com/signetscan/signet/pcre"
)

// Patterns and subjects are bytes, as in PCRE without UTF mode.
func ExampleCompile() {
	re, err := pcre.Compile(`^\x16\x03([\x00-\x03])`, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	loc, err := re.Exec([]byte("\x16\x03\x01\x00\x2a\x02"))
	fmt.Println(loc, err)
	// Output: [0 3 2 3] <nil>
}

// Lookarounds and backreferences work; \w is ASCII only.
func ExampleRegexp_Exec() {
	re, _ := pcre.Compile(`^(\w+) (?=\d)(\d+) \1$`, pcre.Caseless)
	loc, _ := re.Exec([]byte("Abc 42 aBC"))
	fmt.Println(loc)
	loc, _ = re.Exec([]byte("\xe9t\xe9 42 \xe9t\xe9"))
	fmt.Println(loc)
	// Output:
	// [0 10 0 3 4 6]
	// []
}
