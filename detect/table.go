package detect

// Table is every detector, in the order they run on a port: each sees the
// answer the ones before it left. Adding a detector is one file, one line
// here and its evidence (testdata/evidence/NAME/, checked by
// TestEveryDetectorHasEvidence).
var Table = []Detector{
	TLSFallback{},      // beyond nmap: modern TLS, then the probes again inside
	HTTPSRedirect{},    // before http-server-header, as nmap orders them
	HTTPServerHeader{}, //
	RPCInfo{},          //
}

// Named returns the detector of Table called name, nil if none.
func Named(name string) Detector {
	for _, d := range Table {
		if d.Name() == name {
			return d
		}
	}
	return nil
}
