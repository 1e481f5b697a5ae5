// Package signet carries data of the repository that the signet binary needs
// at run time: the evidence corpus that new signatures are checked against.
package signet

import "embed"

// Evidence is the evidence corpus (testdata/evidence/**.fp, package
// evidence): real and hand-made replies with the answer each must give.
// signet suggest checks a new line against every reply in it.
//
//go:embed testdata/evidence
var Evidence embed.FS

// EvidenceRoot is the corpus's folder inside Evidence.
const EvidenceRoot = "testdata/evidence"
