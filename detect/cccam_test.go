package detect

import (
	"context"
	"encoding/hex"
	"math"
	"net"
	"net/netip"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/signetscan/signet/result"
)

// cccamSeeds are 16-byte seeds we chose, with nmap 7.93's verdict on each:
// a loopback server sent the seed to nmap -sV on 10000, 10001, 12000,
// 12001, 16000 or 16001, and a seed that passes every test to the other
// silent connection, so cccam-version's two trials saw one of each; the
// port was named cccam exactly when nmap is true. x2, x4 and x8 are the
// three statistics (2-bit groups, 4-bit groups, bytes) as a separate
// program, written for this test, computed them. edge names the detail of
// RandomLooking the seed turns on: "last2"/"last4", the verdict would
// differ with the last bit group counted; "empty2"/"empty4"/"empty8", it
// would differ with absent categories counted, as in a textbook test.
var cccamSeeds = []struct {
	hex        string
	x2, x4, x8 float64
	nmap       bool
	edge, why  string
}{
	{"52f2d265a60c12d289185d950ee88136", 3.9841, 12.2198, 256.9375, true, "", "passes all three (one byte value twice)"},
	{"8f12a033fe017c55d209bb4061c82e97", 2.3333, 5.6452, 225.0000, true, "", "passes all three (16 byte values)"},
	{"4a6b248a1e924e8fd0ae2e1a9492a330", 9.0635, 14.2843, 256.9375, false, "", "fails the 2-bit test only"},
	{"5bc539888ac780c9a2399ccfc9fcc2da", 1.9524, 27.8306, 288.8750, false, "", "fails the 4-bit test only"},
	{"8d6c0fd36c1ff239a1a095f20f939565", 0.3016, 9.2500, 352.7500, false, "", "fails the byte test only (three values twice)"},
	{"9bc4a80fc980e88b9c609d25a0acb2b0", 7.4127, 14.2843, 225.0000, true, "last2", "64 two-bit groups would give 7.875"},
	{"3424a464a800a84b056171b85385983b", 8.9365, 13.3790, 256.9375, false, "last2", "64 two-bit groups would give 7.625"},
	{"76f393e73efe8e82dd1e14af5ee6e16e", 4.8730, 23.5746, 225.0000, true, "last4", "32 four-bit groups would give 29"},
	{"52e2fdc87bcf5ee43ecf3cff22262234", 7.4127, 25.7661, 288.8750, false, "last4", "32 four-bit groups would give 24"},
	{"caa0abcbf382b0cb0e3c3f8280cf2a8d", 5.6310, 15.8246, 288.8750, true, "empty2", "no 01 group among the 63 counted"},
	{"bef215b9282bfe20072697e777cea725", 1.9524, 22.5423, 225.0000, true, "empty4", "absent nibbles counted would give 28.35"},
	{"4c3fcb2eb2c73e14934c867ee02eba72", 4.3651, 13.1250, 288.8750, true, "empty8", "two values twice: 304 with absent values counted"},
	{hex.EncodeToString([]byte("0123456789abcdef")), 3.9841, 67.3105, 225.0000, false, "", "text fails the 4-bit test"},
	{"00000000000000000000000000000000", 141.75, 435.9375, 4064.0625, false, "", "zeros: (63-15.75)²/15.75, (31-1.9375)²/1.9375, (16-1/16)²·16"},
	// The seeds that went with them (all pass).
	{"8916f09f7d336bb89c9637cae6c95fd2", 1.5714, 11.0605, 225.0000, true, "", "companion seed"},
	{"c6167850670a448e016c345cfdee8814", 2.8413, 9.1230, 225.0000, true, "", "companion seed"},
	{"33e6c9f90ea33671418b67d3c3205af0", 1.3175, 11.8387, 225.0000, true, "", "companion seed"},
	{"b179ec0e21bdddb799c7bf269bf0681f", 2.0794, 9.2500, 225.0000, true, "", "companion seed"},
	{"181e244b2cfd2d6825ec35e18f51c57f", 1.3175, 10.1552, 225.0000, true, "", "companion seed"},
	{"cc3bd8411edbd25c2fad1280490295d5", 1.4444, 10.0282, 225.0000, true, "", "companion seed"},
}

func TestRandomLooking(t *testing.T) {
	for _, c := range cccamSeeds {
		b, err := hex.DecodeString(c.hex)
		if err != nil || len(b) != 16 {
			t.Fatalf("%s: %v", c.hex, err)
		}
		x2, x4, x8 := chiSquare(bitGroups(b, 2), 4), chiSquare(bitGroups(b, 4), 16), chiSquare(byteValues(b), 256)
		for _, s := range [][2]float64{{x2, c.x2}, {x4, c.x4}, {x8, c.x8}} {
			if math.Abs(s[0]-s[1]) > 1e-4 {
				t.Errorf("%s (%s): statistics %.4f %.4f %.4f, want %.4f %.4f %.4f", c.hex, c.why, x2, x4, x8, c.x2, c.x4, c.x8)
				break
			}
		}
		if got := RandomLooking(b); got != c.nmap {
			t.Errorf("%s (%s): RandomLooking %v, nmap 7.93 %v", c.hex, c.why, got, c.nmap)
		}
		// The edge cases do turn on their detail: the other reading of
		// it gives the other verdict.
		var other bool
		switch c.edge {
		case "":
			continue
		case "last2":
			other = chiSquare(allBitGroups(b, 2), 4) <= chiSquare95[3]
		case "last4":
			other = chiSquare(allBitGroups(b, 4), 16) <= chiSquare95[15]
		case "empty2":
			other = textbookChiSquare(bitGroups(b, 2), 4) <= chiSquare95[3]
		case "empty4":
			other = textbookChiSquare(bitGroups(b, 4), 16) <= chiSquare95[15]
		case "empty8":
			other = textbookChiSquare(byteValues(b), 256) <= chiSquare95[255]
		}
		if other == c.nmap {
			t.Errorf("%s: the other reading of %s gives the same verdict", c.hex, c.edge)
		}
	}
	for _, b := range [][]byte{nil, {}, []byte("0123456789abcdef0123456789abcdef")} {
		if RandomLooking(b) {
			t.Errorf("%q looks random", b)
		}
	}
	// Groups are read from the high bit on; 16 bytes give 63 and 31.
	b := []byte{0b00011011, 0b10010011}
	if got := bitGroups(b, 2); !slices.Equal(got, []int{0, 1, 2, 3, 2, 1, 0}) {
		t.Errorf("2-bit groups %v", got)
	}
	if got := bitGroups(b, 4); !slices.Equal(got, []int{1, 0xb, 9}) {
		t.Errorf("4-bit groups %v", got)
	}
	if n2, n4 := len(bitGroups(make([]byte, 16), 2)), len(bitGroups(make([]byte, 16), 4)); n2 != 63 || n4 != 31 {
		t.Errorf("16 bytes: %d and %d groups", n2, n4)
	}
}

// allBitGroups counts the last group too.
func allBitGroups(b []byte, n int) []int {
	return bitGroups(append(slices.Clone(b), 0), n)[:8*len(b)/n]
}

// textbookChiSquare counts absent categories too.
func textbookChiSquare(sample []int, k int) float64 {
	present := map[int]bool{}
	for _, v := range sample {
		present[v] = true
	}
	e := float64(len(sample)) / float64(k)
	return chiSquare(sample, k) + float64(k-len(present))*e
}

// TestChiSquare95: each critical value is the 95th percentile of its
// chi-square distribution, whose CDF at x is P(dof/2, x/2), the
// regularized lower incomplete gamma function.
func TestChiSquare95(t *testing.T) {
	for dof, x := range chiSquare95 {
		if p := lowerGammaP(float64(dof)/2, x/2); math.Abs(p-0.95) > 1e-12 {
			t.Errorf("chi-square CDF with %d degrees of freedom at %v is %.15f, not 0.95", dof, x, p)
		}
	}
}

// lowerGammaP is P(a, x) by its power series, e^-x x^a / Γ(a+1) times
// the sum over n of x^n / ((a+1)…(a+n)).
func lowerGammaP(a, x float64) float64 {
	lg, _ := math.Lgamma(a + 1)
	term, sum := 1.0, 1.0
	for n := 1; n < 10000 && term > sum*1e-17; n++ {
		term *= x / (a + float64(n))
		sum += term
	}
	return math.Exp(a*math.Log(x)-x-lg) * sum
}

// cccamServer serves each connection (numbered from 0) the writes
// conn(k) gives, 50 ms apart, and counts the connections.
func cccamServer(t *testing.T, conn func(k int) [][]byte) (*Env, *atomic.Int32) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var n atomic.Int32
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Go(func() {
		for range 20 {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			k := int(n.Add(1)) - 1
			wg.Go(func() {
				defer c.Close()
				c.SetDeadline(time.Now().Add(5 * time.Second))
				for i, w := range conn(k) {
					if i > 0 {
						time.Sleep(50 * time.Millisecond)
					}
					c.Write(w)
				}
				c.Read(make([]byte, 64))
			})
		}
	})
	env := &Env{
		Wait:  2 * time.Second,
		Trace: t.Logf,
		Dial: func(ctx context.Context, ssl bool) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "tcp", ln.Addr().String())
		},
	}
	return env, &n
}

func TestCCcamVersion(t *testing.T) {
	seed := func(i int) []byte {
		b, _ := hex.DecodeString(cccamSeeds[i].hex)
		return b
	}
	// Seeds 0, 1, 5 pass; 2 fails.
	pass := [][]byte{seed(0), seed(1), seed(5)}
	for _, c := range []struct {
		name  string
		conn  func(k int) [][]byte
		want  bool
		conns int32
	}{
		{"fresh seeds", func(k int) [][]byte { return [][]byte{pass[k%3]} }, true, 2},
		{"the same seed twice", func(k int) [][]byte { return [][]byte{pass[0]} }, false, 2},
		{"second seed not random", func(k int) [][]byte { return [][]byte{[][]byte{pass[0], seed(2)}[k%2]} }, false, 2},
		{"first seed not random", func(k int) [][]byte { return [][]byte{[][]byte{seed(2), pass[0]}[k%2]} }, false, 1},
		{"15 bytes", func(k int) [][]byte { return [][]byte{pass[k%3][:15]} }, false, 1},
		{"17 bytes", func(k int) [][]byte { return [][]byte{append(slices.Clone(pass[k%3]), 0xa5)} }, false, 1},
		{"a seed in two writes", func(k int) [][]byte { return [][]byte{pass[k%3][:8], pass[k%3][8:]} }, false, 1},
		{"32 bytes in one write", func(k int) [][]byte { return [][]byte{append(slices.Clone(pass[0]), pass[1]...)} }, false, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			env, n := cccamServer(t, c.conn)
			p := &Port{Addr: netip.MustParseAddr("127.0.0.1"), Number: 12000, Proto: "tcp", Intensity: 7, Service: &result.Service{Name: "cce4x"}}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			u, err := CCcamVersion{}.Detect(ctx, env, p)
			if err != nil {
				t.Fatal(err)
			}
			if got := u != nil; got != c.want {
				t.Fatalf("update %+v, want one: %v", u, c.want)
			}
			if u != nil && (u.Name != "cccam" || u.Version != "CCcam DVR card sharing system" || u.Match != Hard) {
				t.Errorf("update %+v", u)
			}
			if got := n.Load(); got != c.conns {
				t.Errorf("%d connections, want %d", got, c.conns)
			}
		})
	}
	// A server that sends nothing: no change, within the wait.
	env, _ := cccamServer(t, func(int) [][]byte { return nil })
	env.Wait = 200 * time.Millisecond
	p := &Port{Addr: netip.MustParseAddr("127.0.0.1"), Number: 10000, Proto: "tcp", Intensity: 7, Service: &result.Service{Name: "http"}}
	if u, err := (CCcamVersion{}).Detect(context.Background(), env, p); u != nil || err != nil {
		t.Errorf("silent server: %+v %v", u, err)
	}
}

func TestCCcamRule(t *testing.T) {
	r := CCcamVersion{}.Rule()
	for _, c := range []struct {
		port      int
		name      string
		intensity int
		want      bool
	}{
		{12000, "cce4x", 7, true},
		{16000, "", 7, true},
		{16001, "unknown", 9, true},
		{10001, "scp-config", 7, true},
		{4000, "cccam", 7, true},
		{4000, "http", 7, false},
		{12000, "cce4x", 6, false},
	} {
		p := &Port{Number: c.port, Proto: "tcp", Intensity: c.intensity, Service: &result.Service{Name: c.name}}
		if got := r.Wants(p); got != c.want {
			t.Errorf("port %d %q intensity %d: %v", c.port, c.name, c.intensity, got)
		}
	}
	if r.Wants(&Port{Number: 12000, Proto: "udp", Intensity: 7, Service: &result.Service{}}) {
		t.Error("cccam-version is TCP only")
	}
}
