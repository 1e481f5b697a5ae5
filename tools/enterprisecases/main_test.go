package main

import "testing"

// The committed evidence is exactly what the tables here write, so a case
// cannot be edited by hand away from its framing.
func TestCommittedCasesMatch(t *testing.T) {
	if len(all) == 0 {
		t.Fatal("no cases")
	}
	for _, p := range set().Write("../../testdata/evidence/enterprise", true) {
		t.Error(p)
	}
}
