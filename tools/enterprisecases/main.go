// Command enterprisecases writes the hand-made evidence for
// versiondb/signatures/50-enterprise.probes: commercial and non-Debian
// server software (mail, FTP, web and application servers, gateways,
// databases, management and monitoring consoles) that cannot run on this
// machine.
//
// Each case is built here from its protocol's framing, so HTTP
// Content-Length, MySQL packet lengths and RESP bulk lengths are computed,
// never typed, around the product's identifying bytes, which come from the
// document its "# source:" line names. Run it from the repository root:
//
//	go run ./tools/enterprisecases          # rewrite testdata/evidence/enterprise
//	go run ./tools/enterprisecases -check   # fail if a file differs (the test does this too)
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

// An entCase is one evidence file: testdata/evidence/enterprise/<dir>/<name>.fp.
type entCase struct {
	dir, name string
	source    string // where the identifying bytes come from
	expect    string // service | product | version | info
	port      int
	ssl       bool // the replies came through TLS (%T=SSL)
	replies   []reply
}

// all collects the cases of every family file (their init functions).
var all []entCase

func add(cs ...entCase) { all = append(all, cs...) }

// one is a case with a single reply.
func one(dir, name string, port int, probe string, data []byte, source, expect string) entCase {
	return entCase{dir: dir, name: name, port: port, source: source, expect: expect, replies: []reply{{probe, data}}}
}

// corpusTime is when the corpus says its replies were recorded; the HTTP
// Date headers (httpDate) name the same day.
var corpusTime = time.Date(2026, time.December, 7, 10, 0, 0, 0, time.UTC)

// evidence is the case as internal/handmade writes it.
func (c entCase) evidence() handmade.Case {
	e := handmade.Case{Dir: c.dir, Name: c.name, Source: c.source, Expect: c.expect, Port: c.port, SSL: c.ssl}
	for _, rp := range c.replies {
		e.Replies = append(e.Replies, handmade.Reply{Probe: rp.probe, Data: rp.data})
	}
	return e
}

// set is every case, with the corpus's date the fingerprints' headers carry.
func set() handmade.Set {
	s := handmade.Set{Tool: "enterprisecases", At: corpusTime}
	for _, c := range all {
		s.Cases = append(s.Cases, c.evidence())
	}
	return s
}

func main() { set().Main("testdata/evidence/enterprise") }
