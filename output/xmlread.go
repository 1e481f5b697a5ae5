package output

import (
	"encoding/xml"
	"fmt"
	"io"

	"github.com/signetscan/signet/result"
)

// xmlRun is the part of an nmap XML file ReadXML keeps.
type xmlRun struct {
	Hosts []struct {
		Status struct {
			State  string `xml:"state,attr"`
			Reason string `xml:"reason,attr"`
		} `xml:"status"`
		Addrs []struct {
			Addr string `xml:"addr,attr"`
			Type string `xml:"addrtype,attr"`
		} `xml:"address"`
		Ports []struct {
			Proto string `xml:"protocol,attr"`
			ID    int    `xml:"portid,attr"`
			State struct {
				State  string `xml:"state,attr"`
				Reason string `xml:"reason,attr"`
				TTL    int    `xml:"reason_ttl,attr"`
			} `xml:"state"`
			Service *struct {
				Name       string   `xml:"name,attr"`
				Product    string   `xml:"product,attr"`
				Version    string   `xml:"version,attr"`
				ExtraInfo  string   `xml:"extrainfo,attr"`
				Hostname   string   `xml:"hostname,attr"`
				OSType     string   `xml:"ostype,attr"`
				DeviceType string   `xml:"devicetype,attr"`
				ServiceFP  string   `xml:"servicefp,attr"`
				Tunnel     string   `xml:"tunnel,attr"`
				Method     string   `xml:"method,attr"`
				Conf       int      `xml:"conf,attr"`
				CPE        []string `xml:"cpe"`
			} `xml:"service"`
		} `xml:"ports>port"`
	} `xml:"host"`
}

// ReadXML reads the hosts and ports of an nmap XML file — nmap's or
// signet's — back into results: address, status, and per port its state,
// reason and service fields (servicefp in its one-line form). Tools that
// compare scans use it.
func ReadXML(r io.Reader) ([]*result.Host, error) {
	var run xmlRun
	if err := xml.NewDecoder(r).Decode(&run); err != nil {
		return nil, fmt.Errorf("nmap XML: %w", err)
	}
	var hosts []*result.Host
	for _, xh := range run.Hosts {
		h := &result.Host{Status: xh.Status.State, Reason: xh.Status.Reason}
		for _, a := range xh.Addrs {
			if a.Type == result.IPv4 || a.Type == result.IPv6 {
				h.Addr, h.AddrType = a.Addr, a.Type
				break
			}
		}
		for _, xp := range xh.Ports {
			p := &result.Port{Number: xp.ID, Proto: xp.Proto, State: xp.State.State, Reason: xp.State.Reason, ReasonTTL: xp.State.TTL}
			if s := xp.Service; s != nil {
				p.Service = &result.Service{
					Name: s.Name, Product: s.Product, Version: s.Version, Info: s.ExtraInfo,
					Hostname: s.Hostname, OS: s.OSType, Device: s.DeviceType, CPE: s.CPE,
					Tunnel: s.Tunnel, Method: s.Method, Conf: s.Conf, Fingerprint: s.ServiceFP,
				}
			}
			h.Ports = append(h.Ports, p)
		}
		hosts = append(hosts, h)
	}
	return hosts, nil
}
