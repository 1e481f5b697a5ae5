//go:build integration

package conformance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/internal/netnstest"
	"github.com/signetscan/signet/testbed"
)

// groupDebian: real Debian servers on which nmap's version scripts change
// the answer, started by testbed/testbed.sh (the testbed's own units, and a
// few listed only in servers.tsv) inside a network namespace of this test,
// on their usual ports, where the scripts' portrules look: rpcbind with
// rpc.statd and rpc.mountd registered on other ports (rpcinfo), snmpd
// (snmp-info), rabbitmq-server (amqp-info), mosquitto (mqtt-subscribe),
// mumble-server (murmur-version), prosody (xmpp-info), coturn
// (stun-version), lighttpd with a Server header no signature line names
// (http-server-header) and nginx redirecting to https on its own port
// (https-redirect). Both tools run inside the namespace too. nmap's name
// for each port (servers.tsv's service column) is checked, so that a
// server that stops reproducing its case is noticed.
//
// The runs are serial (TCP, then UDP; nmap, then signet in each mode):
// murmur's answer counts the clients connected at that moment. rabbitmq's
// Erlang distribution port (servers.tsv lists it because the rabbitmq unit
// needs a port for it) is not compared: it is silent to every probe, so
// both tools walk all of them, ~170 s that would test nothing here.
func groupDebian(t *testing.T) {
	needNmap(t, true)
	manifest, err := filepath.Abs("servers.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want, err := testbed.ParseManifest(manifest)
	if err != nil {
		t.Fatal(err)
	}
	ns := netnstest.Named(t, "conf")
	bed := testbed.StartWith(t, testbed.Options{Manifest: manifest, Netns: ns, Wait: 90 * time.Second})
	t.Logf("debian servers: started in %.1f s", bed.StartTime.Seconds())
	var tcp, udp []int
	expTCP, expUDP := map[int]map[string]string{}, map[int]map[string]string{}
	for _, e := range want {
		if e.ID == "erlang-dist-rabbitmq" {
			continue
		}
		if _, ok := bed.Lookup(e.ID); !ok {
			missing(t, "debian server %s (%s, %d/%s) did not start; testbed log:\n%s", e.ID, e.Package, e.Port, e.Proto, bed.Log)
			continue
		}
		exp := map[string]string{"name": strings.TrimPrefix(e.Service, "-"), "product": e.Product}
		if e.Service == "*" {
			exp["name"] = "*"
		}
		if e.Proto == "udp" {
			udp = append(udp, e.Port)
			expUDP[e.Port] = exp
		} else {
			tcp = append(tcp, e.Port)
			expTCP[e.Port] = exp
		}
	}
	if len(tcp) == 0 && len(udp) == 0 {
		t.Fatalf("no debian server started:\n%s", bed.Log)
	}
	t.Run("tcp", func(t *testing.T) {
		(&run{name: "debian_servers_tcp", db: nmapProbes, ports: tcp, expect: expTCP, netns: ns, serial: true}).compare(t)
	})
	if len(udp) > 0 && os.Geteuid() == 0 {
		t.Run("udp", func(t *testing.T) {
			(&run{name: "debian_servers_udp", udp: true, db: nmapProbes, ports: udp, expect: expUDP, netns: ns, serial: true}).compare(t)
		})
	}
}
