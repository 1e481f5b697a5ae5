package output

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/signetscan/signet/result"
)

// ReadXML reads an nmap XML file — nmap's or signet's — back into results:
// the run (args, scan types, verbosity), every host with its status, names,
// ports and service fields (fingerprints in their wrapped normal form),
// ports not shown, times, and the end-of-run record. Tools that compare
// scans use it, and the round-trip test proves that writing what it reads
// from nmap gives nmap's bytes.
func ReadXML(r io.Reader) (*result.Run, []*result.Host, *result.RunEnd, error) {
	var x xmlRun
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, nil, nil, fmt.Errorf("nmap XML: %w", err)
	}
	args := " " + x.Args + " "
	run := &result.Run{Scanner: x.Scanner, Version: x.Version, Args: strings.Fields(x.Args), Start: time.Unix(x.Start, 0),
		Verbose: x.Verbose.Level, Debugging: x.Debugging.Level,
		VersionScan: strings.Contains(args, " -sV ") || strings.Contains(args, " -A "),
		Reason:      strings.Contains(args, " --reason "),
		PingOnly:    strings.Contains(args, " -sn ") || strings.Contains(args, " -sP ")}
	for _, s := range x.ScanInfo {
		ports, err := parseRanges(s.Services)
		if err != nil {
			return nil, nil, nil, err
		}
		run.Scans = append(run.Scans, result.ScanInfo{Type: s.Type, Proto: s.Protocol, Ports: ports})
	}
	var hosts []*result.Host
	for _, xh := range x.Hosts {
		h := &result.Host{Status: xh.Status.State, Reason: xh.Status.Reason, ReasonTTL: xh.Status.ReasonTTL,
			Start: time.Unix(xh.StartTime, 0), End: time.Unix(xh.EndTime, 0)}
		for _, a := range xh.Addresses {
			if a.AddrType == "mac" {
				h.MAC, h.MACVendor = a.Addr, a.Vendor
			} else if h.Addr == "" {
				h.Addr, h.AddrType = a.Addr, a.AddrType
			}
		}
		for _, n := range xh.Hostnames {
			if n.Type == "user" {
				h.TargetName = n.Name
			} else {
				h.Hostname = n.Name
			}
		}
		for _, e := range xh.Extra {
			ep := result.ExtraPorts{State: e.State, Count: e.Count}
			for _, r := range e.Reasons {
				ports, err := parseRanges(r.Ports)
				if err != nil {
					return nil, nil, nil, err
				}
				ep.Reasons = append(ep.Reasons, result.ExtraReason{Reason: r.Reason, Proto: r.Proto, Count: r.Count, Ports: ports})
			}
			h.Extra = append(h.Extra, ep)
		}
		for _, xp := range xh.Ports {
			p := &result.Port{Number: xp.PortID, Proto: xp.Protocol, State: xp.State.State, Reason: xp.State.Reason, ReasonTTL: xp.State.ReasonTTL}
			if s := xp.Service; s != nil {
				p.Service = &result.Service{Name: s.Name, Product: s.Product, Version: s.Version, Info: s.ExtraInfo,
					Hostname: s.Hostname, OS: s.OSType, Device: s.DeviceType, CPE: s.CPE, Tunnel: s.Tunnel,
					Method: s.Method, Conf: s.Conf, Fingerprint: wrapFP(s.ServiceFP)}
			}
			h.Ports = append(h.Ports, p)
		}
		if xh.Times != nil {
			h.Times = &result.Times{SRTT: time.Duration(xh.Times.SRTT) * time.Microsecond,
				RTTVar: time.Duration(xh.Times.RTTVar) * time.Microsecond, Timeout: time.Duration(xh.Times.To) * time.Microsecond}
		}
		hosts = append(hosts, h)
	}
	end := &result.RunEnd{Time: time.Unix(x.Finished.Time, 0), Elapsed: time.Duration(x.Finished.Elapsed * float64(time.Second)),
		Exit: x.Finished.Exit, ErrorMsg: x.Finished.ErrorMsg,
		HostsUp: x.HostCount.Up, HostsDown: x.HostCount.Down, HostsTotal: x.HostCount.Total}
	return run, hosts, end, nil
}

// wrapFP puts back the "\nSF:" breaks XML removes (F6): one before the
// next character whenever the length so far is 74 modulo 75; the final
// ";" is never wrapped. It undoes ServiceFP.
func wrapFP(fp string) string {
	if fp == "" {
		return ""
	}
	body := strings.TrimSuffix(fp, ";")
	var b strings.Builder
	n := 0
	for i := 0; i < len(body); i++ {
		if n%75 == 74 {
			b.WriteString("\nSF:")
			n += 4
		}
		b.WriteByte(body[i])
		n++
	}
	return b.String() + ";"
}

// parseRanges reads nmap's port lists ("22,80-82").
func parseRanges(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		if part == "" {
			continue
		}
		lo, hi, ok := strings.Cut(part, "-")
		a, err := strconv.Atoi(lo)
		if err != nil {
			return nil, fmt.Errorf("nmap XML: bad port list %q", s)
		}
		b := a
		if ok {
			if b, err = strconv.Atoi(hi); err != nil {
				return nil, fmt.Errorf("nmap XML: bad port list %q", s)
			}
		}
		if b < a || b-a > 65535 {
			return nil, fmt.Errorf("nmap XML: bad port range %q", part)
		}
		for p := a; p <= b; p++ {
			out = append(out, p)
		}
	}
	return out, nil
}

// nmap's XML, as far as the writers need it.
type xmlRun struct {
	Scanner  string `xml:"scanner,attr"`
	Args     string `xml:"args,attr"`
	Start    int64  `xml:"start,attr"`
	Version  string `xml:"version,attr"`
	ScanInfo []struct {
		Type     string `xml:"type,attr"`
		Protocol string `xml:"protocol,attr"`
		Services string `xml:"services,attr"`
	} `xml:"scaninfo"`
	Verbose struct {
		Level int `xml:"level,attr"`
	} `xml:"verbose"`
	Debugging struct {
		Level int `xml:"level,attr"`
	} `xml:"debugging"`
	Hosts    []xmlHost `xml:"host"`
	Finished struct {
		Time     int64   `xml:"time,attr"`
		Elapsed  float64 `xml:"elapsed,attr"`
		Exit     string  `xml:"exit,attr"`
		ErrorMsg string  `xml:"errormsg,attr"`
	} `xml:"runstats>finished"`
	HostCount struct {
		Up    int `xml:"up,attr"`
		Down  int `xml:"down,attr"`
		Total int `xml:"total,attr"`
	} `xml:"runstats>hosts"`
}

type xmlHost struct {
	StartTime int64 `xml:"starttime,attr"`
	EndTime   int64 `xml:"endtime,attr"`
	Status    struct {
		State     string `xml:"state,attr"`
		Reason    string `xml:"reason,attr"`
		ReasonTTL int    `xml:"reason_ttl,attr"`
	} `xml:"status"`
	Addresses []struct {
		Addr     string `xml:"addr,attr"`
		AddrType string `xml:"addrtype,attr"`
		Vendor   string `xml:"vendor,attr"`
	} `xml:"address"`
	Hostnames []struct {
		Name string `xml:"name,attr"`
		Type string `xml:"type,attr"`
	} `xml:"hostnames>hostname"`
	Extra []struct {
		State   string `xml:"state,attr"`
		Count   int    `xml:"count,attr"`
		Reasons []struct {
			Reason string `xml:"reason,attr"`
			Count  int    `xml:"count,attr"`
			Proto  string `xml:"proto,attr"`
			Ports  string `xml:"ports,attr"`
		} `xml:"extrareasons"`
	} `xml:"ports>extraports"`
	Ports []struct {
		Protocol string `xml:"protocol,attr"`
		PortID   int    `xml:"portid,attr"`
		State    struct {
			State     string `xml:"state,attr"`
			Reason    string `xml:"reason,attr"`
			ReasonTTL int    `xml:"reason_ttl,attr"`
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
	Times *struct {
		SRTT   int64 `xml:"srtt,attr"`
		RTTVar int64 `xml:"rttvar,attr"`
		To     int64 `xml:"to,attr"`
	} `xml:"times"`
}
