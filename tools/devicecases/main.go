// Command devicecases writes the hand-made evidence for the devices of
// versiondb/signatures/40-devices.probes: printers, cameras, NAS, routers,
// PLCs, phones, power devices, BMCs and media players, none of which can
// run on this machine.
//
// Each case is built here from its protocol's framing (so HTTP
// Content-Length, BER, MBAP, CIP and BACnet lengths are computed, never
// typed) around the device's identifying bytes, which come from the
// document its "# source:" line names. Run it from the repository root:
//
//	go run ./tools/devicecases            # rewrite testdata/evidence/devices
//	go run ./tools/devicecases -check     # fail if a file differs (the test does this too)
package main

import (
	"time"

	"github.com/signetscan/signet/internal/handmade"
)

// A reply is one probe's recorded answer.
type reply struct {
	probe string
	data  []byte
}

// A devCase is one evidence file: testdata/evidence/devices/<dir>/<name>.fp.
type devCase struct {
	dir, name string
	source    string // the document the identifying bytes come from
	expect    string // service | product | version | info
	port      int
	udp       bool
	replies   []reply
}

// all collects the cases of every family file (their init functions).
var all []devCase

func add(cs ...devCase) { all = append(all, cs...) }

// r is a reply.
func r(probe string, data []byte) reply { return reply{probe, data} }

// evidence is the case as internal/handmade writes it.
func (c devCase) evidence() handmade.Case {
	e := handmade.Case{Dir: c.dir, Name: c.name, Source: c.source, Expect: c.expect, Port: c.port, UDP: c.udp}
	for _, rp := range c.replies {
		e.Replies = append(e.Replies, handmade.Reply{Probe: rp.probe, Data: rp.data})
	}
	return e
}

// set is every case, with the corpus's date the fingerprints' headers carry.
func set() handmade.Set {
	s := handmade.Set{Tool: "devicecases", At: time.Unix(0x6B154E00, 0)}
	for _, c := range all {
		s.Cases = append(s.Cases, c.evidence())
	}
	return s
}

func main() { set().Main("testdata/evidence/devices") }
