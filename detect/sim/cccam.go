package sim

import (
	"math/rand/v2"
	"net"
	"sync"

	"github.com/signetscan/signet/detect"
)

// CCcam is a CCcam card-sharing server (12000/tcp): on connection it
// sends 16 random bytes, the seed of its session cipher, and waits for
// the client's answer (as the public descriptions of the CCcam protocol
// say).
//
// A real server's seeds fail nmap's randomness test now and then (about
// one in sixteen; cccam-version reads two), so nmap would miss it by
// chance. This one draws its seeds from a fixed sequence instead: a
// pseudo-random generator with a fixed seed, whose outputs that fail the
// test (detect.RandomLooking, nmap 7.93's rule) are skipped. Every
// connection still gets a seed of its own, and nmap's cccam-version and
// ours accept the device every time.
var CCcam = Device{Doc: "CCcam server: 16 random-looking bytes on connection (12000/tcp)", TCP: cccamServe}

func init() { Devices["cccam"] = CCcam }

var cccamSeeds = struct {
	sync.Mutex
	r *rand.Rand
}{r: newCCcamRand()}

func newCCcamRand() *rand.Rand { return rand.New(rand.NewPCG(12000, 0xcca)) }

// cccamSeed returns the next seed of the sequence that passes the test.
func cccamSeed() []byte {
	cccamSeeds.Lock()
	defer cccamSeeds.Unlock()
	seed := make([]byte, 16)
	for { // about one draw in sixteen is skipped
		for i := range seed {
			seed[i] = byte(cccamSeeds.r.Uint32())
		}
		if detect.RandomLooking(seed) {
			return seed
		}
	}
}

func cccamServe(c net.Conn) {
	c.Write(cccamSeed())
	buf := make([]byte, 4096)
	c.Read(buf)
}
