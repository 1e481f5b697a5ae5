package output

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/signetscan/signet/result"
)

// What the XML writer writes, ReadXML reads back.
func TestReadXMLRoundTrip(t *testing.T) {
	h := &result.Host{Addr: "127.0.0.1", AddrType: result.IPv4, Status: result.HostUp, Reason: "user-set",
		Ports: []*result.Port{
			{Number: 22, Proto: "tcp", State: "open", Reason: "syn-ack", Service: &result.Service{
				Name: "ssh", Product: "OpenSSH", Version: "9.2p1", Info: "protocol 2.0", OS: "Linux",
				CPE: []string{"cpe:/a:openbsd:openssh:9.2p1", "cpe:/o:linux:linux_kernel"}, Method: "probed", Conf: 10}},
			{Number: 443, Proto: "tcp", State: "open", Reason: "syn-ack", Service: &result.Service{
				Name: "http", Tunnel: "ssl", Product: "x & <y>", Method: "probed", Conf: 10}},
			{Number: 53, Proto: "udp", State: "open|filtered", Reason: "no-response"},
		}}
	var b bytes.Buffer
	x := NewXML(&b)
	x.Begin(&result.Run{Version: "test"})
	x.Host(h)
	x.End(&result.RunEnd{})
	_, hosts, _, err := ReadXML(&b)
	if err != nil {
		t.Fatal(err)
	}
	if len(hosts) != 1 || hosts[0].Addr != "127.0.0.1" || len(hosts[0].Ports) != 3 {
		t.Fatalf("hosts %+v", hosts)
	}
	for i, p := range hosts[0].Ports {
		want := h.Ports[i]
		if p.Number != want.Number || p.State != want.State || !reflect.DeepEqual(p.Service, want.Service) {
			t.Errorf("port %d: got %+v %+v, want %+v %+v", i, p, p.Service, want, want.Service)
		}
	}
}

// nmap's XML of a host on the local segment (testdata/nmap-mac.xml: nmap 7.93, -sS -sU from
// one network namespace to another over a veth pair) gives its IP address first and its MAC
// address after it; the host is its IP address, and the MAC address is kept on the side.
func TestReadXMLMACAddress(t *testing.T) {
	for _, order := range []string{"nmap", "MAC first"} {
		x, err := os.ReadFile("testdata/nmap-mac.xml")
		if err != nil {
			t.Fatal(err)
		}
		if order == "MAC first" {
			ip, mac := `<address addr="10.88.0.2" addrtype="ipv4"/>`+"\n", `<address addr="1E:21:4D:F8:1F:6E" addrtype="mac"/>`+"\n"
			x = bytes.ReplaceAll(x, []byte(ip+mac), []byte(mac+ip))
		}
		_, hosts, _, err := ReadXML(bytes.NewReader(x))
		if err != nil {
			t.Fatal(err)
		}
		if len(hosts) != 1 {
			t.Fatalf("%s: %d hosts", order, len(hosts))
		}
		h := hosts[0]
		if h.Addr != "10.88.0.2" || h.AddrType != result.IPv4 || h.MAC != "1E:21:4D:F8:1F:6E" || h.Reason != "arp-response" || len(h.Ports) != 2 || len(h.Extra) != 1 {
			t.Errorf("%s: host %s (%s) MAC %s reason %s, %d ports, %d extra", order, h.Addr, h.AddrType, h.MAC, h.Reason, len(h.Ports), len(h.Extra))
		}
	}
}
