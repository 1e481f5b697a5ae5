package detect

import (
	"bytes"
	"context"
	"slices"
)

// CCcamVersion stands for nmap's cccam-version. A CCcam card-sharing
// server sends, in one write as soon as a client connects, the 16 random
// bytes that seed its session cipher. On ports 10000, 10001, 12000,
// 12001, 16000 and 16001 (or a port named cccam) the detector makes two
// trials, each on a connection of its own: connect, keep what the first
// read brings, close. The port is named cccam with version "CCcam DVR card
// sharing system" (nmap 7.93 puts it in the version field), probed with
// confidence 10 and its fingerprint dropped, only when both trials brought
// exactly 16 bytes, the two differ (a constant banner is no seed), and
// each passes RandomLooking. A failed connect or read ends the detector
// with no change.
//
// This is nmap 7.93's rule as observed on loopback servers sending chosen
// bytes: a seed split over two writes (the first read brings 8 bytes), one
// of 15 or 17 bytes, or the same seed twice is not cccam. Like nmap's,
// the test misses a real server now and then: a random seed fails
// RandomLooking about one time in sixteen, so two trials miss about one
// server in eight.
type CCcamVersion struct{}

func (CCcamVersion) Name() string { return "cccam-version" }
func (CCcamVersion) Rule() Rule {
	return Rule{Ports: []int{10000, 10001, 12000, 12001, 16000, 16001}, Services: []string{"cccam"}, MinIntensity: 7}
}
func (CCcamVersion) Sets() []Field { return []Field{FName, FVersion} }

// cccamTrials is how many seeds the detector reads, each on its own
// connection.
const cccamTrials = 2

func (CCcamVersion) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	var seeds [][]byte
	for trial := 1; trial <= cccamTrials; trial++ {
		s, err := dial(ctx, env, false)
		if err != nil {
			return nil, err
		}
		// Any size over 16 will do: more than 16 bytes is not a seed.
		seed, err := s.read(4096)
		s.Close()
		if err != nil {
			// A silent server (webmin's HTTP on 10000) is no CCcam: no
			// second try with a longer wait.
			env.Trace("Service scan detector cccam-version: %s:%d trial %d: %v", p.Addr, p.Number, trial, err)
			return nil, nil
		}
		why := ""
		switch {
		case len(seed) != 16:
			why = "not 16 bytes"
		case slices.ContainsFunc(seeds, func(x []byte) bool { return bytes.Equal(x, seed) }):
			why = "the same as an earlier trial's"
		case !RandomLooking(seed):
			why = "not random-looking"
		}
		if why != "" {
			env.Trace("Service scan detector cccam-version: %s:%d trial %d: first read of %d bytes %s", p.Addr, p.Number, trial, len(seed), why)
			return nil, nil
		}
		seeds = append(seeds, seed)
	}
	env.Trace("Service scan detector cccam-version: %s:%d sent %d different random-looking 16-byte seeds", p.Addr, p.Number, cccamTrials)
	return &Update{Name: "cccam", Version: "CCcam DVR card sharing system", Match: Hard}, nil
}

// chiSquare95 is the 95th percentile of the chi-square distribution with
// 3, 15 and 255 degrees of freedom (the critical values of a test at 95%
// confidence, as in standard tables; TestChiSquare95 checks them against
// the distribution's CDF computed from the regularized incomplete gamma
// function).
var chiSquare95 = map[int]float64{3: 7.814727903251178, 15: 24.995790139728613, 255: 293.2478350807001}

// RandomLooking reports whether b looks like uniformly random bytes, by
// nmap 7.93's rule for cccam-version's seeds: a chi-square goodness-of-fit
// test against the uniform distribution at 95% confidence, made three
// times, and b is refused when any statistic is over its critical value:
//   - on the bits of b in groups of 2 (4 categories, 3 degrees of freedom),
//   - in groups of 4 (16 categories, 15 degrees of freedom),
//   - on the bytes (256 categories, 255 degrees of freedom).
//
// The bit groups are read from the first byte's high bit on, and the last
// group is left out even when it is complete: 16 bytes give 63 groups of
// two bits and 31 of four (not 64 and 32), so the last byte's low two
// bits never count in the first test, nor its low nibble in the second.
// The statistic is the sum of (observed-expected)² over expected, with
// expected the number of groups over the number of categories, and the
// sum runs only over the categories that occur in b: an absent category
// adds nothing, where a textbook test would add its expected count. Both
// details are nmap's, checked on its verdicts (TestRandomLooking); with 16
// bytes the second one means any two byte values may repeat once and b
// still passes the byte test, but not three.
//
// An empty b does not look random.
func RandomLooking(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	return chiSquare(bitGroups(b, 2), 4) <= chiSquare95[3] &&
		chiSquare(bitGroups(b, 4), 16) <= chiSquare95[15] &&
		chiSquare(byteValues(b), 256) <= chiSquare95[255]
}

// bitGroups splits b's bits, most significant first, into groups of n
// bits (n divides 8), leaving the last group out (see RandomLooking).
func bitGroups(b []byte, n int) []int {
	count := (8*len(b) - 1) / n
	groups := make([]int, 0, count)
	for i := range count {
		bit := i * n
		groups = append(groups, int(b[bit/8]>>(8-n-bit%8))&(1<<n-1))
	}
	return groups
}

func byteValues(b []byte) []int {
	v := make([]int, len(b))
	for i, c := range b {
		v[i] = int(c)
	}
	return v
}

// chiSquare is the statistic of sample against a uniform distribution
// over categories 0..k-1, summed over the categories present only (see
// RandomLooking).
func chiSquare(sample []int, k int) float64 {
	counts := make([]int, k)
	for _, v := range sample {
		counts[v]++
	}
	expected := float64(len(sample)) / float64(k)
	sum := 0.0
	for _, n := range counts {
		if n > 0 {
			d := float64(n) - expected
			sum += d * d
		}
	}
	return sum / expected
}
