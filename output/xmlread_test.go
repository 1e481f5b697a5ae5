package output

import (
	"bytes"
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
