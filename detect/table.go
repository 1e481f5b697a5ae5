package detect

// Table is every detector, in the order they run on a port: each sees the
// answer the ones before it left. Adding a detector is one file, one line
// here and its evidence (testdata/evidence/NAME/, checked by
// TestEveryDetectorHasEvidence).
var Table = []Detector{
	TLSFallback{},   // beyond nmap: modern TLS, then the probes again inside
	HTTPSRedirect{}, // before http-server-header, as nmap orders them
	// rules that go by the walk's product, before anything sets one
	WebLogicT3Info{},
	McAfeeEPOAgent{},
	HTTPServerHeader{}, //
	RPCInfo{},          //
	SNMPInfo{},         //
	AMQPInfo{},         //
	MurmurVersion{},    //
	STUNVersion{},      //
	JDWPVersion{},      //
	MQTTSubscribe{},    //
	PPTPVersion{},      //
	RFC868Time{},       //
	// industrial and proprietary protocols
	S7Info{},
	ENIPInfo{},
	BACnetInfo{},
	FoxInfo{},
	OmronInfo{},
	UbiquitiDiscovery{},
	OracleTNSVersion{},
	VMwareVersion{},
	IAX2Version{},
	HTTPTraneInfo{},
	DRDAInfo{},
	NDMPVersion{},
	CCcamVersion{},
	// the Docker Engine API
	DockerVersion{},
	// last, as nmap runs it after every other version script (runlevel 2)
	RPCGrind{},
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
