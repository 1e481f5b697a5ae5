package main

import (
	"bytes"
	"strings"
	"testing"
)

// A small archive: two daemons, a library, a client, a dummy package and a
// package whose tags say network::server but role::dummy.
const archive = `Package: food
Source: foo
Section: net
Priority: optional
Pre-Depends: init-system-helpers (>= 1.54~)
Depends: libfoo1 (>= 1.0), adduser
Description: foo protocol server
 long text

Package: libfoo1
Source: foo
Section: libs
Description: foo library

Package: foo-client
Source: foo
Section: net
Depends: libfoo1
Description: foo client

Package: barmail
Section: mail
Provides: mail-transport-agent, default-mta
Description: bar mail transport agent

Package: quxd
Section: misc
Tag: interface::daemon, network::server,
 role::program
Description: qux daemon

Package: idlish
Section: python
Tag: network::server, role::dummy
Description: a dummy

Package: app1
Depends: libfoo1, foo-client
Description: uses foo's client and library

Package: app2
Depends: barmail | quxd, foo-client
Recommends: food
Description: uses three

Package: app3
Source: app2
Depends: barmail
Description: same source as app2

Package: food-dev
Source: foo
Section: net
Pre-Depends: init-system-helpers
Description: foo server development files
`

func TestRank(t *testing.T) {
	recs, err := ReadRecords(strings.NewReader(archive))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 10 {
		t.Fatalf("%d records, want 10", len(recs))
	}
	got := Rank(recs)
	var b bytes.Buffer
	if err := Write(&b, got); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	// foo: app1 and app2 use foo-client/food (the library does not count): 2.
	// barmail: app2 (app3 is the same source): 1. quxd: app2: 1, tie broken by name.
	want := []string{
		"1\tfoo\t2\toptional\tnet\tservice\tfood\tfoo protocol server",
		"2\tbarmail\t1\t\tmail\tprovides\tbarmail\tbar mail transport agent",
		"3\tquxd\t1\t\tmisc\ttag\tquxd\tqux daemon",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("ranking:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestNames(t *testing.T) {
	got := Names("a (>= 1), b:any | c [amd64], d")
	if strings.Join(got, ",") != "a,b,c,d" {
		t.Errorf("Names: %v", got)
	}
}

// Any input parses and ranks without panicking.
func FuzzRank(f *testing.F) {
	f.Add(archive)
	f.Add("Package: x\n Tag: y\n\n\n:\n")
	f.Fuzz(func(t *testing.T, s string) {
		recs, err := ReadRecords(strings.NewReader(s))
		if err != nil {
			return
		}
		var b bytes.Buffer
		_ = Write(&b, Rank(recs))
	})
}
