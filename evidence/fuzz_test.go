package evidence

import (
	"testing"

	"github.com/signetscan/signet/fingerprint"
)

// Problems reads replies byte by byte for every protocol it knows: hostile
// or broken replies must give problems, never a panic.
func FuzzProblems(f *testing.F) {
	f.Add("http", "GetRequest", []byte("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nffff\r\n"), false)
	f.Add("domain", "DNSVersionBindReqTCP", []byte("\x00\x0c\x00\x06\x85\x00\x00\x01\x00\x01\x00\x00\x00\x00\xc0"), false)
	f.Add("domain", "DNSVersionBindReq", []byte("\x00\x06\x85\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x10\x00\x03\x00\x00\x00\x00\x00\x05\x09ab"), true)
	f.Add("ssl", "SSLSessionReq", []byte("\x16\x03\x01\x00\x08\x02\x00\xff\xff"), false)
	f.Add("mysql", "NULL", []byte("\x05\x00\x00\x00\x0a8.0\x00"), false)
	f.Add("amqp", "NULL", []byte("\x01\x00\x00\xff\xff\xff\xff"), false)
	f.Add("ldap", "LDAPSearchReq", []byte("\x30\x84\xff\xff\xff\xff"), false)
	f.Add("mqtt", "NULL", []byte("\x20\xff\xff\xff\xff"), false)
	services := []string{"http", "sip", "ssl", "domain", "mdns", "ms-wbt-server", "iso-tsap", "netbios-ssn", "mysql",
		"postgresql", "mongodb", "kafka", "kerberos-sec", "modbus", "amqp", "zabbix-agent", "oracle-tns", "enip", "stun",
		"opcua-tcp", "ms-sql-s", "rpcbind", "openvpn", "bacnet", "mqtt", "ldap", "snmp", "memcached"}
	f.Fuzz(func(t *testing.T, service, probe string, data []byte, udp bool) {
		proto := "TCP"
		if udp {
			proto = "UDP"
		}
		for _, s := range append(services, service) {
			for _, handMade := range []string{"hand-made", "captured"} {
				c := &Case{Path: "fuzz", Source: handMade, Expect: ParseExpect(s),
					FP: &fingerprint.Fingerprint{Proto: proto, Month: 11, Day: 25, Time: 0x6B073AE0,
						Responses: []fingerprint.Response{{Probe: probe, Length: len(data), Data: data}}}}
				c.Problems()
			}
		}
	})
}
