package discovery

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// describe writes a Pinger's choice as "raw probes | connect ports | arp".
func describe(p *Pinger) string {
	var raw []string
	for _, pr := range p.probes {
		s := pr.Kind.String()
		for i, port := range pr.Ports {
			if i > 0 {
				s += ","
			}
			s += fmt.Sprint(port)
		}
		raw = append(raw, s)
	}
	return fmt.Sprintf("%s | %v | arp=%v", strings.Join(raw, " "), p.connect, p.arp)
}

// TestNew: which probes a Pinger sends, with and without privileges, and what it warns about.
func TestNew(t *testing.T) {
	for _, tc := range []struct {
		probes     []Probe
		privileged bool
		want, warn string
	}{
		{nil, true, "-PE -PS443 -PA80 -PP | [] | arp=true", ""},
		{nil, false, " | [80 443 22 445 3389] | arp=false", ""},
		{[]Probe{{Kind: TCPSyn, Ports: []uint16{22, 2222}}}, false, " | [22 2222] | arp=false", ""},
		{[]Probe{{Kind: TCPSyn}, {Kind: Echo}}, false, " | [80] | arp=false", "-PE needs root"},
		{[]Probe{{Kind: ARP}}, false, " | [80 443 22 445 3389] | arp=false", "-PR (ARP ping) needs root"},
		{[]Probe{{Kind: ARP}}, true, "-PE -PS443 -PA80 -PP | [] | arp=true", ""},
		{[]Probe{{Kind: TCPAck}, {Kind: UDPPing}, {Kind: Timestamp}}, true, "-PA80 -PU40125 -PP | [] | arp=true", ""},
	} {
		p, warns := New(Config{Probes: tc.probes, Privileged: tc.privileged})
		if got := describe(p); got != tc.want {
			t.Errorf("%v privileged=%v: %q, want %q", tc.probes, tc.privileged, got, tc.want)
		}
		if (tc.warn == "") != (len(warns) == 0) || tc.warn != "" && !slices.ContainsFunc(warns, func(w string) bool { return strings.Contains(w, tc.warn) }) {
			t.Errorf("%v privileged=%v: warnings %q, want %q", tc.probes, tc.privileged, warns, tc.warn)
		}
	}
}
