//go:build integration

package conformance

import (
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
// murmur's answer counts the clients connected at the moment its version
// is asked for (murmur-version's "users: N"), so nmap's and signet's
// connections must not meet on one murmurd: a second murmurd runs in a
// second namespace, nmap asks the first and signet the second, and the
// murmur runs (UDP, then TCP) never overlap each other. The other servers
// are compared in a TCP and a UDP run, at the same time. rabbitmq's Erlang
// distribution port (servers.tsv lists it because the rabbitmq unit needs
// a port for it) is not compared: it is silent to every probe, so both
// tools walk all of them, ~170 s that would test nothing here.
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
	nsMurmur := netnstest.Named(t, "conf-murmur")
	bed := testbed.StartWith(t, testbed.Options{Manifest: manifest, Netns: ns, Wait: 90 * time.Second})
	bedMurmur := testbed.StartWith(t, testbed.Options{Manifest: manifest, Netns: nsMurmur, Units: []string{"murmurd"}, Wait: 60 * time.Second})
	t.Logf("debian servers: started in %.1f s (murmurd's twin %.1f s)", bed.StartTime.Seconds(), bedMurmur.StartTime.Seconds())
	type group struct {
		ports  []int
		expect map[int]map[string]string
	}
	var tcp, udp, mTCP, mUDP group
	for _, e := range want {
		if e.ID == "erlang-dist-rabbitmq" {
			continue
		}
		if _, ok := bed.Lookup(e.ID); !ok {
			missing(t, "debian server %s (%s, %d/%s) did not start; testbed log:\n%s", e.ID, e.Package, e.Port, e.Proto, bed.Log)
			continue
		}
		g := &tcp
		switch {
		case e.Unit == "murmurd" && e.Proto == "udp":
			g = &mUDP
		case e.Unit == "murmurd":
			g = &mTCP
		case e.Proto == "udp":
			g = &udp
		}
		if e.Unit == "murmurd" {
			if _, ok := bedMurmur.Lookup(e.ID); !ok {
				missing(t, "debian server %s (%s, %d/%s), murmurd's twin, did not start; testbed log:\n%s", e.ID, e.Package, e.Port, e.Proto, bedMurmur.Log)
				continue
			}
		}
		exp := map[string]string{"name": strings.TrimPrefix(e.Service, "-"), "product": e.Product}
		if e.Service == "*" {
			exp["name"] = "*"
		}
		g.ports = append(g.ports, e.Port)
		if g.expect == nil {
			g.expect = map[int]map[string]string{}
		}
		g.expect[e.Port] = exp
	}
	if len(tcp.ports)+len(udp.ports)+len(mTCP.ports)+len(mUDP.ports) == 0 {
		t.Fatalf("no debian server started:\n%s", bed.Log)
	}
	t.Run("tcp", func(t *testing.T) {
		t.Parallel()
		(&run{name: "debian_servers_tcp", db: nmapProbes, ports: tcp.ports, expect: tcp.expect, netns: ns}).compare(t)
	})
	t.Run("udp", func(t *testing.T) {
		t.Parallel()
		(&run{name: "debian_servers_udp", udp: true, db: nmapProbes, ports: udp.ports, expect: udp.expect, netns: ns}).compare(t)
	})
	t.Run("murmur", func(t *testing.T) {
		t.Parallel()
		if len(mUDP.ports) > 0 {
			(&run{name: "debian_murmur_udp", udp: true, db: nmapProbes, ports: mUDP.ports, expect: mUDP.expect, netns: ns, signetNetns: nsMurmur}).compare(t)
		}
		if len(mTCP.ports) > 0 {
			(&run{name: "debian_murmur_tcp", db: nmapProbes, ports: mTCP.ports, expect: mTCP.expect, netns: ns, signetNetns: nsMurmur}).compare(t)
		}
	})
}
