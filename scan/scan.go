// Package scan runs a whole scan — targets → host discovery → port scan → version detection →
// output writers — and holds the policy behind nmap's options (-T, ports, scan types).
package scan

import (
	"context"
	"net"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/signetscan/signet/detect"
	"github.com/signetscan/signet/discovery"
	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/result"
	"github.com/signetscan/signet/services"
	"github.com/signetscan/signet/targets"
	"github.com/signetscan/signet/vscan"
)

// Options describe one scan, as nmap's options do. The zero value of each field is nmap's
// default where nmap has one.
type Options struct {
	Targets *targets.List
	Ports   portspec.List // ports for targets given without a port (see SelectPorts)
	// TCP is the TCP scan: portscan.SYN (-sS), portscan.Connect (-sT), or 0 for none.
	TCP portscan.Technique
	UDP bool // -sU

	// Host discovery.
	NoPing   bool              // -Pn: every host is up
	PingOnly bool              // -sn: discovery only, no port scan
	Ping     []discovery.Probe // -PE, -PP, -PS, -PA, -PU, -PR; nil for nmap's defaults
	// Privileged allows raw sockets (root): discovery with ARP, ICMP and raw TCP probes. A SYN
	// scan needs it too.
	Privileged bool
	NoResolve  bool // -n: no reverse DNS

	// Timing.
	Level          Level         // -T
	Tries          int           // probes per port at most: --max-retries N is N+1; 0 for the template's
	HostTimeout    time.Duration // --host-timeout: ports found before it are kept; 0 for the template's
	MaxParallelism int           // --max-parallelism
	MinRate        float64       // --min-rate, probes per second
	MaxRate        float64       // --max-rate, probes per second
	// HostGroup is how many hosts go through the port and version scans at once (default 16);
	// discovery takes up to DiscoveryGroup hosts at once (default 256; 1,024 with PingOnly).
	HostGroup, DiscoveryGroup int
	// Scanner is the port scanner; nil builds one from the options above.
	Scanner *portscan.Scanner

	// Version is the version-detection configuration; nil without -sV.
	Version *vscan.Config
	// VersionParallelism is how many services are probed at once (S2); 0 for the -T policy.
	VersionParallelism int
	// Exclude is the signature file's Exclude directive (P5): those ports are not
	// version-probed.
	Exclude *probes.PortSpec

	// Shards and Shard (--shards N --shard I) make the scan shard I of N of the (address, port)
	// pairs of targets × ports; 0 shards is an unsharded scan. Seed (--seed) keys the order of
	// the pairs, so it decides which pairs each shard gets: every shard of a scan needs the
	// same. Unsharded, it keys the order of each host's ports. See plan.go.
	Shards, Shard uint64
	Seed          uint64
	// Done, when set, names hosts an interrupted run already wrote (--resume): they are
	// not scanned again.
	Done func(netip.Addr) bool

	OpenOnly bool // --open
	Verbose  int
	Debug    int

	Table *services.Table // port names for ports no probe identified
	// MACVendors names the makers of the MAC addresses discovery learns (nil: none named).
	MACVendors *services.MACVendors
	Writer     output.Writer // all outputs (output.Multi)
	// Observer, when set, receives the scan's progress events.
	Observer Observer
	// Warn receives one-line warnings (a bad target, a failed look-up).
	Warn func(string)
	// Resolver does reverse DNS; net.DefaultResolver when nil.
	Resolver *net.Resolver
}

// Run scans every target and writes each host as soon as it is finished. It returns the
// end-of-run record; when ctx is cancelled the hosts already written stand, and the hosts it
// cut short go to the writers marked Incomplete (the output files leave them out) and are
// not counted.
func Run(ctx context.Context, o Options, run *result.Run) *result.RunEnd {
	r := newRunner(&o)
	defer r.close()
	o.Writer.Begin(run)
	units := make(chan unit)
	go func() {
		defer close(units)
		o.units(ctx, units)
	}()
	portq := make(chan *hostJob, r.hostGroup)
	var workers sync.WaitGroup
	for range r.hostGroup {
		workers.Go(func() {
			for j := range portq {
				r.scanHost(j)
				r.finish(j)
			}
		})
	}
	r.discover(ctx, units, portq)
	close(portq)
	workers.Wait()
	r.end.Time = time.Now()
	r.end.Elapsed = r.end.Time.Sub(run.Start)
	r.end.Exit = result.ExitSuccess
	return &r.end
}

// runner is one Run's state.
type runner struct {
	o         *Options
	scanner   *portscan.Scanner
	ownScan   bool
	pinger    *discovery.Pinger
	sem       chan struct{} // services probed at once, over all hosts
	hostGroup int

	obsMu sync.Mutex
	mu    sync.Mutex
	end   result.RunEnd
	warns map[string]bool
}

func newRunner(o *Options) *runner {
	r := &runner{o: o, scanner: o.Scanner, hostGroup: o.HostGroup, warns: map[string]bool{}}
	if r.hostGroup <= 0 {
		r.hostGroup = 16
	}
	if r.scanner == nil {
		r.scanner = portscan.New(portscan.Options{Timing: o.portTiming(), MaxParallelism: o.MaxParallelism,
			MaxRate: o.MaxRate, MinRate: o.MinRate})
		r.ownScan = true
	}
	if !o.NoPing {
		var warns []string
		r.pinger, warns = discovery.New(discovery.Config{Probes: o.Ping, Privileged: o.Privileged, Scanner: r.scanner})
		for _, w := range warns {
			r.warnOnce(w)
		}
	}
	adaptive := o.Version != nil && o.Version.Timing != vscan.TimingNmap
	r.sem = make(chan struct{}, max(1, o.versionParallelism(adaptive)))
	return r
}

func (r *runner) close() {
	if r.pinger != nil {
		r.pinger.Close()
	}
	if r.ownScan {
		r.scanner.Close()
	}
}

func (r *runner) warnOnce(s string) {
	r.mu.Lock()
	seen := r.warns[s]
	r.warns[s] = true
	r.mu.Unlock()
	if !seen {
		r.o.warn(s)
	}
}

func (o *Options) warn(s string) {
	if o.Warn != nil {
		o.Warn(s)
	}
}

func (r *runner) emit(e Event) {
	if r.o.Observer == nil {
		return
	}
	if e.Time.IsZero() {
		e.Time = time.Now()
	}
	r.obsMu.Lock()
	defer r.obsMu.Unlock()
	r.o.Observer.Event(e)
}

// hostJob is one host on its way through the pipeline.
type hostJob struct {
	u      unit
	h      *result.Host
	rtt    *portscan.RTT
	ctx    context.Context
	cancel context.CancelFunc
	run    context.Context // the run's: done when the run is stopped (an interrupt)
	// scanned is set when the host's port scan starts: a host the run's end overtakes
	// before that has nothing to show.
	scanned bool
	g       *group
	ports   []*result.Port
}

// group is a batch of hosts that went through discovery together.
type group struct {
	id  int
	rtt *portscan.RTT // the group's round-trip estimate; each host's borrows from it

	mu        sync.Mutex
	portHosts int // up hosts handed to the port scan
	portLeft  int
	portStart time.Time
	started   bool
	left      int // hosts not finished
}

// discover reads the targets in groups, runs discovery and reverse DNS for each group's hosts
// at once, and hands the up hosts to the port scan (or finishes them with -sn).
func (r *runner) discover(ctx context.Context, units <-chan unit, portq chan<- *hostJob) {
	o := r.o
	size := o.DiscoveryGroup
	if size <= 0 {
		size = 256
		if o.PingOnly {
			size = 1024 // nothing follows discovery: larger groups finish a big range sooner
		}
	}
	if o.NoPing && !o.PingOnly {
		size = r.hostGroup // nothing to wait for: keep groups small so hosts flow
	}
	for gid := 1; ; gid++ {
		batch := readBatch(ctx, units, size)
		if len(batch) == 0 {
			return
		}
		g := &group{id: gid, rtt: portscan.NewRTT(r.scanner.Timing())}
		jobs := make([]*hostJob, len(batch))
		pinged := 0
		for i, u := range batch {
			jobs[i] = r.newJob(ctx, u, g)
			if r.pinger != nil && u.pairs == nil {
				pinged++
			}
		}
		start := time.Now()
		technique, probes := "", 0
		if pinged > 0 {
			for _, j := range jobs {
				if j.u.pairs == nil {
					technique, probes = r.pinger.Plan(j.u.addr)
					break
				}
			}
			e := Event{Kind: PhaseStart, Phase: Discovery, Group: gid, Technique: technique, Hosts: pinged, Ports: probes}
			if pinged == 1 {
				e.Addr, e.Name = jobs[0].u.addr, jobs[0].u.name
			}
			r.emit(e)
		}
		var wg sync.WaitGroup
		for _, j := range jobs {
			wg.Go(func() { r.ping(j) })
		}
		wg.Wait()
		up := 0
		for _, j := range jobs {
			if j.h.Status == result.HostUp {
				up++
			}
		}
		if pinged > 0 {
			r.emit(Event{Kind: PhaseEnd, Phase: Discovery, Group: gid, Technique: technique, Hosts: pinged, Ports: probes, Up: up, Elapsed: time.Since(start)})
		}
		var next []*hostJob
		for _, j := range jobs {
			if j.h.Status == result.HostUp && !o.PingOnly {
				next = append(next, j)
			}
		}
		g.mu.Lock()
		g.portHosts, g.portLeft, g.left = len(next), len(next), len(jobs)
		g.mu.Unlock()
		for _, j := range jobs {
			if j.h.Status != result.HostUp || o.PingOnly {
				r.finish(j)
			}
		}
		for _, j := range next {
			select {
			case portq <- j:
			case <-ctx.Done():
				r.finish(j)
			}
		}
	}
}

// batchLinger is how long a group waits for more targets after its first: enough for a
// network range to expand, short enough not to hold up a slow stream (stdin).
const batchLinger = 20 * time.Millisecond

// readBatch waits for one unit, then takes those that come within batchLinger, up to n.
func readBatch(ctx context.Context, units <-chan unit, n int) []unit {
	var out []unit
	select {
	case u, ok := <-units:
		if !ok {
			return nil
		}
		out = append(out, u)
	case <-ctx.Done():
		return nil
	}
	linger := time.NewTimer(batchLinger)
	defer linger.Stop()
	for len(out) < n {
		select {
		case u, ok := <-units:
			if !ok {
				return out
			}
			out = append(out, u)
		case <-linger.C:
			return out
		case <-ctx.Done():
			return out
		}
	}
	return out
}

func (r *runner) newJob(ctx context.Context, u unit, g *group) *hostJob {
	h := &result.Host{Addr: u.addr.String(), TargetName: u.name, Status: result.HostUp, Reason: discovery.ReasonUserSet}
	if !r.o.PingOnly {
		h.Start = time.Now()
	}
	if u.addr.Is6() && !u.addr.Is4In6() {
		h.AddrType = result.IPv6
	} else {
		h.AddrType = result.IPv4
	}
	j := &hostJob{u: u, h: h, g: g, rtt: g.rtt.Child()}
	j.ctx, j.cancel, j.run = ctx, func() {}, ctx
	if d := r.o.hostTimeout(); d > 0 {
		j.ctx, j.cancel = context.WithTimeout(ctx, d)
	}
	return j
}

// ping runs discovery (unless -Pn or a host:port target) and reverse DNS for one host.
func (r *runner) ping(j *hostJob) {
	if r.pinger != nil && j.u.pairs == nil {
		st := r.pinger.Ping(j.ctx, j.u.addr, j.rtt)
		if st.Err != nil {
			r.warnOnce("host discovery: " + st.Err.Error())
		}
		j.h.Reason, j.h.ReasonTTL = st.Reason, st.TTL
		if st.MAC != nil {
			j.h.MAC = strings.ToUpper(st.MAC.String())
			j.h.MACVendor = r.o.MACVendors.Lookup(j.h.MAC)
		}
		if !st.Up {
			j.h.Status = result.HostDown
			return
		}
	}
	if !r.o.NoResolve {
		j.h.Hostname = r.reverse(j.ctx, j.u.addr)
	}
}

// scanHost runs the port scans and version detection of one up host.
func (r *runner) scanHost(j *hostJob) {
	o := r.o
	j.scanned = true
	techs := []portscan.Technique{o.TCP, portscan.UDP}
	lists := o.ports(j.u)
	if j.u.pairs != nil && techs[0] == 0 {
		techs[0] = portscan.Connect
	}
	if techs[0] == 0 {
		lists[0] = nil
	}
	// One array holds every port of the host (a -p- scan has 65,535): the host's memory is
	// two allocations, freed as soon as the host is written.
	vals := make([]result.Port, 0, len(lists[0])+len(lists[1]))
	j.ports = make([]*result.Port, 0, cap(vals))
	g := j.g
	g.mu.Lock()
	if !g.started {
		g.started, g.portStart = true, time.Now()
		n := len(lists[0]) + len(lists[1])
		g.mu.Unlock()
		e := Event{Kind: PhaseStart, Phase: PortScan, Group: g.id, Technique: r.portScanName(lists), Hosts: g.portHosts, Ports: n}
		if g.portHosts == 1 {
			e.Addr, e.Name = j.u.addr, hostName(j.h)
		}
		r.emit(e)
	} else {
		g.mu.Unlock()
	}
	for i, tech := range techs {
		if len(lists[i]) == 0 {
			continue
		}
		st := r.scanner.Scan(j.ctx, portscan.Job{Addr: j.u.addr, Technique: tech, Ports: lists[i], RTT: j.rtt}, func(pr portscan.PortResult) {
			p := result.Port{Number: int(pr.Port), Proto: pr.Proto.String(), State: pr.State.String(), Reason: string(pr.Reason), ReasonTTL: pr.TTL}
			if pr.State == portscan.Open {
				r.emit(Event{Kind: OpenPort, Phase: PortScan, Group: g.id, Addr: j.u.addr, Port: pr.Port, Proto: pr.Proto})
			}
			if len(vals) < cap(vals) { // always: one outcome per port
				vals = append(vals, p)
				j.ports = append(j.ports, &vals[len(vals)-1])
			} else {
				j.ports = append(j.ports, &p)
			}
		})
		if st.Err != nil {
			r.warnOnce(tech.String() + " scan of " + j.u.addr.String() + ": " + st.Err.Error())
		}
	}
	g.mu.Lock()
	g.portLeft--
	last := g.portLeft == 0
	g.mu.Unlock()
	if last {
		r.emit(Event{Kind: PhaseEnd, Phase: PortScan, Group: g.id, Technique: r.portScanName(lists), Hosts: g.portHosts, Elapsed: time.Since(g.portStart)})
	}
	if o.Version != nil {
		r.versionScan(j)
	}
}

func (r *runner) portScanName(lists [2][]uint16) string {
	var names []string
	if len(lists[0]) > 0 && r.o.TCP != 0 {
		names = append(names, techniqueName(r.o.TCP))
	}
	if len(lists[1]) > 0 {
		names = append(names, techniqueName(portscan.UDP))
	}
	return strings.Join(names, ", ")
}

// finish completes a host's record and writes it.
func (r *runner) finish(j *hostJob) {
	defer j.cancel()
	o, h := r.o, j.h
	h.Ports = append(h.Ports, j.ports...)
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
				p.Service.SetSource("name", "table")
			}
		}
	}
	if srtt, rttvar, to, ok := j.rtt.Times(); ok && h.Status == result.HostUp {
		h.Times = &result.Times{SRTT: srtt, RTTVar: rttvar, Timeout: to}
	}
	if !h.Start.IsZero() {
		h.End = time.Now()
	}
	// A host the run's end (an interrupt) overtook is incomplete: the output files leave it
	// out, so that they hold finished hosts only and signet --resume scans it again, and it
	// is not counted; the terminal still shows what it holds. One whose port scan had not
	// started yet has nothing to show.
	cut := j.run.Err() != nil
	h.Incomplete = cut
	if !cut {
		r.mu.Lock()
		r.end.HostsTotal++
		if h.Status == result.HostUp {
			r.end.HostsUp++
		} else {
			r.end.HostsDown++
		}
		r.mu.Unlock()
	}
	// --open leaves out up hosts with nothing open, as nmap does.
	if (h.Status == result.HostUp || o.Verbose > 0) && !(o.OpenOnly && h.Status == result.HostUp && !hasOpen(h)) && (!cut || j.scanned) {
		o.Writer.Host(h)
	}
	r.emit(Event{Kind: HostDone, Group: j.g.id, Host: h, Addr: j.u.addr, Name: hostName(h)})
	g := j.g
	g.mu.Lock()
	g.left--
	last := g.left == 0
	g.mu.Unlock()
	if last {
		r.emit(Event{Kind: GroupDone, Group: g.id})
	}
}

// hostName is the name nmap shows for a host: the one given, else the reverse-DNS one.
func hostName(h *result.Host) string {
	if h.TargetName != "" {
		return h.TargetName
	}
	return h.Hostname
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

// versionScan probes the open ports of a host (S1: open first, then open|filtered), at most
// cap(r.sem) services at once over all hosts. Each port is handed to a streaming writer as it
// finishes, unless a detector may still name it from another port (rpcinfo on 111): then the
// host's ports are streamed once all of them are done.
func (r *runner) versionScan(j *hostJob) {
	o, h, ctx := r.o, j.h, j.ctx
	var wg sync.WaitGroup
	var probed []*result.Port
	services := 0
	pw, stream := o.Writer.(output.PortWriter)
	for _, p := range j.ports {
		if (p.State == "open" || p.State == "open|filtered") && !o.excluded(p.Number, protoOf(p)) {
			services++
		}
		if (p.State == "open" || p.State == "open|filtered") && o.Version.HoldsHost(p.Number, protoOf(p)) {
			stream = false
		}
	}
	if services > 0 {
		r.emit(Event{Kind: PhaseStart, Phase: ServiceScan, Group: j.g.id, Technique: "Service scan", Hosts: 1, Ports: services, Addr: j.u.addr, Name: hostName(h)})
		start := time.Now()
		defer func() {
			r.emit(Event{Kind: PhaseEnd, Phase: ServiceScan, Group: j.g.id, Technique: "Service scan", Hosts: 1, Ports: services, Addr: j.u.addr, Name: hostName(h), Elapsed: time.Since(start)})
		}()
	}
	var mu sync.Mutex
	var named []*vscan.Result
	defer func() {
		wg.Wait()
		o.markExcluded(j.ports, probed)
		applyNames(j.ports, named)
		if pw != nil && !stream {
			for _, p := range probed {
				pw.Port(h, p)
			}
		}
	}()
	for _, pass := range []string{"open", "open|filtered"} {
		for _, p := range j.ports {
			if p.State != pass {
				continue
			}
			proto := protoOf(p)
			if o.excluded(p.Number, proto) {
				continue
			}
			probed = append(probed, p)
			select {
			case r.sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			wg.Go(func() {
				defer func() { <-r.sem }()
				res := o.Version.Scan(ctx, vscan.Target{IP: j.u.addr, Port: p.Number, Proto: proto, State: p.State})
				svc := res.Service
				if svc.Fingerprint != "" {
					for _, rp := range res.Replies {
						svc.Replies = append(svc.Replies, result.Reply{Probe: rp.Probe, Data: rp.Data})
					}
				}
				if svc.Name == "" && svc.Fingerprint == "" && svc.Tunnel == "" {
					svc = nil
				}
				p.Service = svc
				p.Outcome = res.Outcome.String() // a cut walk says time-limit itself
				if res.Replied && p.State == "open|filtered" {
					p.State, p.Reason = "open", "udp-response"
				}
				if len(res.Others) > 0 {
					mu.Lock()
					named = append(named, res)
					mu.Unlock()
				}
				if stream {
					pw.Port(h, p)
				}
			})
		}
	}
}

func protoOf(p *result.Port) probes.Protocol {
	if p.Proto == "udp" {
		return probes.UDP
	}
	return probes.TCP
}

// applyNames gives ports the names a detector found for them on another
// port of the host (rpcinfo: the programs registered with the portmapper),
// to ports open or open|filtered, as nmap's scripts do.
func applyNames(ports []*result.Port, named []*vscan.Result) {
	for _, res := range named {
		for _, pn := range res.Others {
			for _, p := range ports {
				if p.Number == pn.Number && p.Proto == pn.Proto && (p.State == "open" || p.State == "open|filtered") {
					p.Service, _ = detect.ApplyName(p.Service, res.OthersBy, pn)
				}
			}
		}
	}
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
		if !o.excluded(p.Number, protoOf(p)) || p.Service != nil {
			continue
		}
		if len(probed) == 0 {
			// The name still comes from the port table (R2): nmap's XML then
			// has <service name=… product="Excluded from version scan">.
			p.Service = &result.Service{Name: o.Table.Lookup(p.Number, p.Proto), Product: "Excluded from version scan", Method: result.MethodTable, Conf: 3}
			p.Service.SetSource("name", "table")
			p.Service.SetSource("product", "exclude")
		}
	}
}

func (r *runner) reverse(ctx context.Context, a netip.Addr) string {
	res := r.o.Resolver
	if res == nil {
		res = net.DefaultResolver
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	names, err := res.LookupAddr(ctx, a.String())
	if err != nil || len(names) == 0 {
		return ""
	}
	return strings.TrimSuffix(names[0], ".")
}
