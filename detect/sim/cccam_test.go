package sim

import (
	"bytes"
	"context"
	"net"
	"net/netip"
	"testing"
	"time"

	"github.com/signetscan/signet/detect"
	"github.com/signetscan/signet/result"
)

// TestCCcamSeeds: the simulated server's seeds all pass the randomness
// test and differ, so cccam-version accepts it every time.
func TestCCcamSeeds(t *testing.T) {
	seen := map[string]bool{}
	for range 2000 {
		s := cccamSeed()
		if len(s) != 16 || !detect.RandomLooking(s) || seen[string(s)] {
			t.Fatalf("seed %x: %d bytes, random-looking %v, seen before %v", s, len(s), detect.RandomLooking(s), seen[string(s)])
		}
		seen[string(s)] = true
	}
	// The sequence is fixed: a generator with the same seed skips the
	// same draws (one in about sixteen fails the test).
	cccamSeeds.Lock()
	cccamSeeds.r = newCCcamRand()
	cccamSeeds.Unlock()
	first := cccamSeed()
	cccamSeeds.Lock()
	cccamSeeds.r = newCCcamRand()
	cccamSeeds.Unlock()
	if again := cccamSeed(); !bytes.Equal(first, again) {
		t.Errorf("the sequence starts with %x, then %x", first, again)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- ServeTCP(ln, CCcam) }()
	defer func() { ln.Close(); <-done }()
	env := &detect.Env{
		Wait:  2 * time.Second,
		Trace: func(string, ...any) {},
		Dial: func(ctx context.Context, ssl bool) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "tcp", ln.Addr().String())
		},
	}
	p := &detect.Port{Addr: netip.MustParseAddr("127.0.0.1"), Number: 12000, Proto: "tcp", Intensity: 7, Service: &result.Service{Name: "cce4x"}}
	for i := range 50 {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		u, err := detect.CCcamVersion{}.Detect(ctx, env, p)
		cancel()
		if err != nil || u == nil || u.Name != "cccam" {
			t.Fatalf("run %d: %+v %v", i, u, err)
		}
	}
}
