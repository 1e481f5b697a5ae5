package detect

import (
	"testing"

	"github.com/signetscan/signet/result"
)

// ruleCase is a port and whether nmap 7.93 starts the version script a
// detector stands for on it (read from the script's portrule).
type ruleCase struct {
	detector string
	number   int
	proto    string
	name     string // the walk's service name
	product  string // the walk's product
	want     bool
}

func (c ruleCase) port() *Port {
	return &Port{Number: c.number, Proto: c.proto, Intensity: 7,
		Service: &result.Service{Name: c.name, Product: c.product, Method: result.MethodProbed, Conf: 10}}
}

// TestRulesAsNmap: each detector's rule starts it where nmap 7.93's
// script starts, and only there.
func TestRulesAsNmap(t *testing.T) {
	for _, c := range []ruleCase{
		// mqtt-subscribe: the plain and the TLS port of MQTT, and both names.
		{"mqtt-subscribe", 1883, "tcp", "unknown", "", true},
		{"mqtt-subscribe", 8883, "tcp", "unknown", "", true},
		{"mqtt-subscribe", 9999, "tcp", "mqtt", "", true},
		{"mqtt-subscribe", 9999, "tcp", "secure-mqtt", "", true},
		{"mqtt-subscribe", 8883, "udp", "secure-mqtt", "", false},
		// pptp-version: port 1723 alone; a port named pptp elsewhere is not asked.
		{"pptp-version", 1723, "tcp", "unknown", "", true},
		{"pptp-version", 5000, "tcp", "pptp", "", false},
		// docker-version: 2375, 2376, docker and docker-s.
		{"docker-version", 2376, "tcp", "unknown", "", true},
		{"docker-version", 4243, "tcp", "docker", "", true},
		{"docker-version", 4243, "tcp", "docker-s", "", true},
		// drda-info: five ports and two names.
		{"drda-info", 50000, "tcp", "unknown", "", true},
		{"drda-info", 60000, "tcp", "unknown", "", true},
		{"drda-info", 9090, "tcp", "unknown", "", true},
		{"drda-info", 1526, "tcp", "unknown", "", true},
		{"drda-info", 1527, "tcp", "unknown", "", true},
		{"drda-info", 5000, "tcp", "ibm-db2", "", true},
		{"drda-info", 50001, "tcp", "unknown", "", false},
		// enip-info: both spellings of the name, TCP and UDP.
		{"enip-info", 2222, "udp", "EtherNet-IP-2", "", true},
		{"enip-info", 2222, "tcp", "EtherNet/IP-2", "", true},
		{"enip-info", 44818, "udp", "unknown", "", true},
		// jdwp-version: tcpwrapped TCP ports only; a port a line named
		// jdwp is not asked again.
		{"jdwp-version", 8000, "tcp", "tcpwrapped", "", true},
		{"jdwp-version", 8000, "tcp", "jdwp", "", false},
		{"jdwp-version", 8000, "udp", "tcpwrapped", "", false},
	} {
		d := Named(c.detector)
		if d == nil {
			t.Fatalf("no detector %s", c.detector)
		}
		if got := d.Rule().Wants(c.port()); got != c.want {
			t.Errorf("%s on %d/%s named %q product %q: wants %v, nmap's script %v", c.detector, c.number, c.proto, c.name, c.product, got, c.want)
		}
	}
}
