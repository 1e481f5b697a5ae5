// Package scan runs a whole scan: targets → host discovery → port scan →
// version detection → output writers, one host at a time through each stage.
package scan

import (
	"context"
	"net"
	"net/netip"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/result"
	"github.com/signetscan/signet/services"
	"github.com/signetscan/signet/targets"
	"github.com/signetscan/signet/vscan"
)

// Options describe one scan.
type Options struct {
	Targets *targets.List
	Ports   portspec.List // ports for targets given without a port
	TCP     bool          // connect scan
	UDP     bool          // UDP scan

	NoPing    bool // -Pn: every host is up
	NoResolve bool // -n: no reverse DNS

	Scanner *portscan.Scanner

	// Version is the version-detection configuration; nil without -sV.
	Version *vscan.Config
	// VersionParallelism is how many services are probed at once (S2).
	VersionParallelism int
	// Exclude is the signature file's Exclude directive (P5): those ports
	// are not version-probed.
	Exclude *probes.PortSpec

	HostTimeout time.Duration // --host-timeout: ports found before it are kept
	HostGroup   int           // hosts in flight at once
	OpenOnly    bool          // --open
	Verbose     int
	Debug       int

	Table  *services.Table // port names for ports no probe identified
	Writer output.Writer   // all outputs (output.Multi)
	// Warn receives one-line warnings (a bad target, a failed look-up).
	Warn func(string)
	// Resolver does reverse DNS; net.DefaultResolver when nil.
	Resolver *net.Resolver
}

// Run scans every target and writes each host as soon as it is finished.
// It returns the end-of-run record; when ctx is cancelled the hosts already
// written stand and End reports the interruption.
func Run(ctx context.Context, o Options, run *result.Run) *result.RunEnd {
	end := &result.RunEnd{}
	o.Writer.Begin(run)
	sem := make(chan struct{}, max(1, o.VersionParallelism))
	hostGroup := o.HostGroup
	if hostGroup <= 0 {
		hostGroup = 16
	}
	hosts := make(chan unit)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range hostGroup {
		wg.Go(func() {
			for u := range hosts {
				h := o.scanHost(ctx, u, sem)
				mu.Lock()
				end.HostsTotal++
				if h.Status == result.HostUp {
					end.HostsUp++
				} else {
					end.HostsDown++
				}
				mu.Unlock()
				// --open leaves out up hosts with nothing open, as nmap does.
				if (h.Status == result.HostUp || o.Verbose > 0) && !(o.OpenOnly && h.Status == result.HostUp && !hasOpen(h)) {
					o.Writer.Host(h)
				}
			}
		})
	}
	o.units(ctx, hosts)
	close(hosts)
	wg.Wait()
	end.Time = time.Now()
	end.Elapsed = end.Time.Sub(run.Start)
	end.Exit = result.ExitSuccess
	return end
}

// unit is one host and, for host:port inputs, the exact ports to probe.
type unit struct {
	addr  netip.Addr
	name  string
	pairs map[string][]uint16 // proto → ports, nil to use Options.Ports
}

// units streams the targets as hosts; consecutive host:port items of the
// same address are grouped into one host.
func (o *Options) units(ctx context.Context, out chan<- unit) {
	var cur *unit
	flush := func() bool {
		if cur == nil {
			return true
		}
		select {
		case out <- *cur:
			cur = nil
			return true
		case <-ctx.Done():
			return false
		}
	}
	for t, err := range o.Targets.All(ctx) {
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			o.warn(err.Error())
			continue
		}
		if !t.HasPort() {
			if !flush() {
				return
			}
			cur = &unit{addr: t.Addr, name: t.Name}
			if !flush() {
				return
			}
			continue
		}
		if cur == nil || cur.pairs == nil || cur.addr != t.Addr {
			if !flush() {
				return
			}
			cur = &unit{addr: t.Addr, name: t.Name, pairs: map[string][]uint16{}}
		}
		proto := strings.ToLower(t.Proto)
		cur.pairs[proto] = append(cur.pairs[proto], t.Port)
	}
	flush()
}

func (o *Options) warn(s string) {
	if o.Warn != nil {
		o.Warn(s)
	}
}

// scanHost takes one host through discovery, port scan and version detection.
func (o *Options) scanHost(ctx context.Context, u unit, sem chan struct{}) *result.Host {
	h := &result.Host{Addr: u.addr.String(), TargetName: u.name, Start: time.Now(), Status: result.HostUp, Reason: "user-set"}
	if u.addr.Is6() && !u.addr.Is4In6() {
		h.AddrType = result.IPv6
	} else {
		h.AddrType = result.IPv4
	}
	hctx := ctx
	if o.HostTimeout > 0 {
		var cancel context.CancelFunc
		hctx, cancel = context.WithTimeout(ctx, o.HostTimeout)
		defer cancel()
	}
	if !o.NoPing && u.pairs == nil {
		st := o.Scanner.Ping(hctx, u.addr)
		if !st.Up {
			h.Status, h.Reason = result.HostDown, string(st.Reason)
			h.End = time.Now()
			return h
		}
		h.Reason = string(st.Reason)
	}
	if !o.NoResolve {
		h.Hostname = o.reverse(hctx, u.addr)
	}
	lists := [2][]uint16{o.portsFor(u, portscan.TCP), o.portsFor(u, portscan.UDP)}
	// One array holds every port of the host (a -p- scan has 65,535): the host's memory is two
	// allocations, freed as soon as the host is written.
	vals := make([]result.Port, 0, len(lists[0])+len(lists[1]))
	ports := make([]*result.Port, 0, cap(vals))
	for i, proto := range []portscan.Protocol{portscan.TCP, portscan.UDP} {
		if len(lists[i]) == 0 {
			continue
		}
		o.Scanner.Run(hctx, proto, []portscan.Target{{Addr: u.addr, Ports: lists[i]}}, func(e portscan.Event) {
			if e.Port == nil {
				return
			}
			r := e.Port
			p := result.Port{Number: int(r.Port), Proto: r.Proto.String(), State: r.State.String(), Reason: string(r.Reason)}
			if len(vals) < cap(vals) { // always: one outcome per port
				vals = append(vals, p)
				ports = append(ports, &vals[len(vals)-1])
			} else {
				ports = append(ports, &p)
			}
		})
	}
	if o.Version != nil {
		o.versionScan(hctx, h, u.addr, ports, sem)
	}
	h.Ports = append(h.Ports, ports...)
	if o.OpenOnly {
		// --open: closed and filtered ports are counted in "Not shown", however few.
		h.ConsolidateOpenOnly(o.Verbose, o.Debug)
	} else {
		h.Consolidate(o.Verbose, o.Debug)
	}
	// Service names from the port table, for the ports shown only (not the thousands counted
	// in "Not shown").
	for _, p := range h.Ports {
		if p.Service == nil && o.Table != nil {
			if name := o.Table.Lookup(p.Number, p.Proto); name != "" {
				p.Service = &result.Service{Name: name, Method: result.MethodTable, Conf: 3}
			}
		}
	}
	h.End = time.Now()
	return h
}

// hasOpen reports whether h has a port that may be open (nmap's
// PortList::hasOpenPorts: open, open|filtered or unfiltered).
func hasOpen(h *result.Host) bool {
	isOpen := func(s string) bool { return s == "open" || s == "open|filtered" || s == "unfiltered" }
	for _, p := range h.Ports {
		if isOpen(p.State) {
			return true
		}
	}
	for _, x := range h.Extra {
		if isOpen(x.State) {
			return true
		}
	}
	return false
}

// portsFor is the list of ports of one protocol to scan on a host.
func (o *Options) portsFor(u unit, proto portscan.Protocol) []uint16 {
	if u.pairs != nil {
		ps := append([]uint16(nil), u.pairs[proto.String()]...)
		sort.Slice(ps, func(i, j int) bool { return ps[i] < ps[j] })
		return ps
	}
	var set portspec.Set
	switch {
	case proto == portscan.TCP && o.TCP:
		set = o.Ports.Get(portspec.TCP)
	case proto == portscan.UDP && o.UDP:
		set = o.Ports.Get(portspec.UDP)
	}
	var out []uint16
	for p := range set.All() {
		out = append(out, p)
	}
	return out
}

// versionScan probes the open ports of a host (S1: open first, then
// open|filtered), at most cap(sem) services at once over all hosts.
func (o *Options) versionScan(ctx context.Context, h *result.Host, addr netip.Addr, ports []*result.Port, sem chan struct{}) {
	var wg sync.WaitGroup
	var probed []*result.Port
	for _, pass := range []string{"open", "open|filtered"} {
		for _, p := range ports {
			if p.State != pass {
				continue
			}
			proto := probes.TCP
			if p.Proto == "udp" {
				proto = probes.UDP
			}
			if o.excluded(p.Number, proto) {
				continue
			}
			probed = append(probed, p)
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				wg.Wait()
				return
			}
			wg.Go(func() {
				defer func() { <-sem }()
				res := o.Version.Scan(ctx, vscan.Target{IP: addr, Port: p.Number, Proto: proto, State: p.State})
				svc := res.Service
				if svc.Fingerprint != "" {
					for _, r := range res.Replies {
						svc.Replies = append(svc.Replies, result.Reply{Probe: r.Probe, Data: r.Data})
					}
				}
				if svc.Name == "" && svc.Fingerprint == "" && svc.Tunnel == "" {
					svc = nil
				}
				p.Service = svc
				p.Outcome = res.Outcome.String()
				if p.Outcome == "timeout" && ctx.Err() != nil {
					p.Outcome = "time-limit" // --host-timeout (or an interrupt) cut the walk
				}
				if res.Replied && p.State == "open|filtered" {
					p.State, p.Reason = "open", "udp-response"
				}
				if pw, ok := o.Writer.(output.PortWriter); ok {
					pw.Port(h, p)
				}
			})
		}
	}
	wg.Wait()
	o.markExcluded(ports, probed)
}

func (o *Options) excluded(port int, proto probes.Protocol) bool {
	if o.Exclude == nil {
		return false
	}
	if proto == probes.UDP {
		return o.Exclude.UDP.Contains(port)
	}
	return o.Exclude.TCP.Contains(port)
}

// markExcluded applies R8: excluded open ports say so, unless another port
// of the host was probed (nmap's quirk overwrites the note then).
func (o *Options) markExcluded(ports, probed []*result.Port) {
	for _, p := range ports {
		if p.State != "open" && p.State != "open|filtered" {
			continue
		}
		proto := probes.TCP
		if p.Proto == "udp" {
			proto = probes.UDP
		}
		if !o.excluded(p.Number, proto) || p.Service != nil {
			continue
		}
		if len(probed) == 0 {
			// The name still comes from the port table (R2): nmap's XML then
			// has <service name=… product="Excluded from version scan">.
			p.Service = &result.Service{Name: o.Table.Lookup(p.Number, p.Proto), Product: "Excluded from version scan", Method: result.MethodTable, Conf: 3}
		}
	}
}

func (o *Options) reverse(ctx context.Context, a netip.Addr) string {
	r := o.Resolver
	if r == nil {
		r = net.DefaultResolver
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	names, err := r.LookupAddr(ctx, a.String())
	if err != nil || len(names) == 0 {
		return ""
	}
	return strings.TrimSuffix(names[0], ".")
}
