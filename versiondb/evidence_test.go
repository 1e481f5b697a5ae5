package versiondb

import (
	"strings"
	"testing"

	"github.com/signetscan/signet/evidence"
	"github.com/signetscan/signet/lint"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/probes"
)

const evidenceDir = "../testdata/evidence"

func loadEmbeddedResolved(t *testing.T) *Loaded {
	t.Helper()
	l, err := Load(Options{DB: "embedded", NoDefaultOverlays: true, Getenv: env(nil)})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// Every evidence case gives its expected answer with the embedded file
// (issue "signet's own signature database", evidence for every line).
func TestEmbeddedEvidence(t *testing.T) {
	l := loadEmbeddedResolved(t)
	cases, err := evidence.Load(evidenceDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no evidence cases")
	}
	m := matcher.New(l.DB)
	for _, c := range cases {
		port, steps := c.Run(m)
		if err := c.Check(port); err != nil {
			t.Error(err)
			for _, s := range steps {
				t.Log("  ", s)
			}
		}
	}
}

// Every evidence case could have come from a real server: lengths match
// their payloads, dates their weekdays, defaults are real (evidence.Problems).
func TestEvidenceConsistent(t *testing.T) {
	cases, err := evidence.Load(evidenceDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		for _, p := range c.Problems() {
			t.Error(p)
		}
	}
}

// signet lint is clean on the embedded file, and every line has evidence.
func TestEmbeddedLintClean(t *testing.T) {
	l := loadEmbeddedResolved(t)
	for _, w := range l.DB.Warnings {
		t.Errorf("warning: %s", w)
	}
	for _, f := range lint.Check(l.DB) {
		t.Errorf("%s", f)
	}
	findings, err := lint.Evidence(l.DB, evidenceDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		t.Errorf("%s", f)
	}
}

// The embedded file names at least 500 distinct products (literal p/
// templates; templated ones like p/$1/ are not counted).
func TestEmbeddedProducts(t *testing.T) {
	l := loadEmbeddedResolved(t)
	products := map[string]bool{}
	count := func(p *probes.Probe) {
		for _, m := range p.Matches {
			if pt := m.Templates.Product; pt != nil && !strings.Contains(pt.Text, "$") {
				products[pt.Text] = true
			}
		}
	}
	count(l.DB.Null)
	for _, p := range l.DB.Probes {
		count(p)
	}
	t.Logf("%d distinct products", len(products))
	if len(products) < 500 {
		t.Errorf("%d distinct products, want at least 500", len(products))
	}
}

// The cross-check over the embedded file and the whole evidence corpus
// finds nothing, and it is not vacuous: an overlay line that matches our
// own bytes, or another service's recorded reply, is reported.
func TestEmbeddedCrossCheck(t *testing.T) {
	cases, err := evidence.Load(evidenceDir)
	if err != nil {
		t.Fatal(err)
	}
	l := loadEmbeddedResolved(t)
	for _, f := range lint.CrossCheck(l.DB, cases) {
		t.Errorf("%s", f)
	}
	for _, c := range lint.Check(l.DB) {
		if c.Error {
			t.Errorf("%s", c)
		}
	}

	dir := t.TempDir()
	overlay := dir + "/planted.probes"
	write(t, overlay, `Probe TCP HTTPOptions q|OPTIONS / HTTP/1.0\r\n\r\n|
match planted-request m|^GET |
Probe TCP RTSPRequest q|OPTIONS / RTSP/1.0\r\n\r\n|
match planted-reply m|^HTTP/1\.[01] 200 OK\r\n(?:[^\r\n]+\r\n)*?Server: Check Point SVN|s
`)
	pl, err := Load(Options{DB: "embedded", Overlays: []string{overlay}, NoDefaultOverlays: true, Getenv: env(nil)})
	if err != nil {
		t.Fatal(err)
	}
	var echo, reply bool
	for _, f := range lint.CrossCheck(pl.DB, cases) {
		if f.Pos.File != overlay {
			t.Errorf("finding outside the planted lines: %s", f)
			continue
		}
		echo = echo || (f.Pos.Line == 2 && strings.Contains(f.Msg, "GetRequest's payload echoed back"))
		reply = reply || (f.Pos.Line == 4 && strings.Contains(f.Msg, "checkpoint-svn.fp"))
	}
	if !echo || !reply {
		t.Errorf("planted lines not reported (echo %v, reply %v)", echo, reply)
	}
}
