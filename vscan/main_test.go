package vscan

import (
	"flag"
	"os"
	"testing"
)

// testParallel is how many of this package's parallel tests run at once
// when go test is not given -parallel. They spend their time waiting on
// test servers' timers (a 6 s NULL wait, a serial walk at 250 ms a
// probe), not on the CPU: at the default, GOMAXPROCS (2 on the CI
// machine), the package took 245 s; at 8, 94 s.
const testParallel = "8"

func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
	if !set {
		if err := flag.Set("test.parallel", testParallel); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}
