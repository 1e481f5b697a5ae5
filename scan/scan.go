// Package scan runs a whole scan — targets → host discovery → port scan → version detection →
// output writers — and holds the policy behind nmap's options (-T, ports, scan types).
package scan

import (
	"context"
	"net"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/signetscan/signet/detect"
	"github.com/signetscan/signet/discovery"
	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/rawnet"
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
	// Resolver does reverse DNS; net.DefaultResolver when nil. Names in the hosts file
	// (HostsFile, "" for /etc/hosts) need no query.
	Resolver  *net.Resolver
	HostsFile string
}

// Run scans every target and writes each host as soon as it is finished: a down host after
// its group's discovery, an up host once it and the up hosts before it in its group are
// (nmap's order within a group). It returns the end-of-run record; when ctx is cancelled the
// hosts already written stand, and the hosts it cut short go to the writers marked
// Incomplete (the output files leave them out) and are not counted.
//
// Run completes run.DataFiles with the files it read while scanning (nmap-mac-prefixes, when
// it named a MAC address's maker), before the writers' End.
func Run(ctx context.Context, o Options, run *result.Run) *result.RunEnd {
	r := newRunner(&o)
	r.run = ctx
	defer r.close()
	raw0 := rawnet.Totals()
	o.Writer.Begin(run)
	stop := make(chan struct{})
	ticks := make(chan struct{})
	go func() {
		defer close(ticks)
		r.progress(stop)
	}()
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
	close(stop)
	<-ticks
	if r.macNamed.Load() && o.MACVendors != nil && o.MACVendors.File != "" {
		run.DataFiles = append(run.DataFiles, o.MACVendors.File)
	}
	if o.rawScan() {
		c := rawnet.Totals().Sub(raw0)
		r.end.Raw = &result.PacketStats{Sent: c.Sent, SentBytes: c.SentBytes, Rcvd: c.Rcvd, RcvdBytes: c.RcvdBytes}
	}
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

	run   context.Context       // Run's: done when the run is stopped (an interrupt)
	hosts map[netip.Addr]string // the hosts file's names
	// scanCounts are the numbers of the scan's TCP and UDP ports (see counts).
	countsOnce sync.Once
	scanCounts [2]int
	seen       int // hosts read so far (discover's)

	obsMu    sync.Mutex
	mu       sync.Mutex
	end      result.RunEnd
	up       int             // hosts found up so far
	phases   map[*phase]bool // phases under way, for Progress
	warns    map[string]bool
	macNamed atomic.Bool // a MAC address's maker was looked up
}

func newRunner(o *Options) *runner {
	r := &runner{o: o, scanner: o.Scanner, hostGroup: o.HostGroup, warns: map[string]bool{}, phases: map[*phase]bool{}}
	if !o.NoResolve {
		r.hosts = o.loadHosts()
	}
	if r.hostGroup <= 0 {
		r.hostGroup = 16
	}
	if r.scanner == nil {
		r.scanner = portscan.New(portscan.Options{Timing: o.portTiming(), MaxParallelism: o.MaxParallelism,
			MaxRate: o.MaxRate, MinRate: o.MinRate})
		r.ownScan = true
	}
	// -Pn as root still resolves hosts on the local Ethernet segment by ARP, as nmap does: a
	// host there that does not answer is down, even with -Pn.
	if !o.NoPing || o.Privileged && !o.PingOnly {
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

// stopped reports whether the run was stopped (an interrupt).
func (r *runner) stopped() bool { return r.run != nil && r.run.Err() != nil }

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
	g      *group
	// counts are the host's numbers of TCP and UDP ports (set by plan); the lists themselves
	// are made when its port scan starts, so that a group waiting for its port scans holds
	// no copy of a -p- list each.
	counts [2]int
	index  int // place in the target order
	// upPos is the host's place among its group's up hosts that are port-scanned, -1 for the
	// others (written as soon as they are finished); finished is set under the group's wmu.
	upPos    int
	finished bool
	// scanned is set when the host's port scan starts: a host the run's end overtakes
	// before that has nothing to show.
	scanned bool
	ports   []*result.Port
}

// group is a batch of hosts that went through discovery together.
type group struct {
	id  int
	rtt *portscan.RTT // the group's round-trip estimate; each host's borrows from it

	// The phases of the group's up hosts: a port scan per technique, in nmap's order (SYN,
	// UDP, connect), and the service scan (nil without -sV), which starts when the last
	// host has finished its port scans.
	scans    []*phase
	service  *phase
	services atomic.Int64 // services found so far
	scanning atomic.Int64 // up hosts still in their port scans

	// order are the up hosts handed to the port scans, in target order; written counts those
	// written (under wmu).
	order   []*hostJob
	written int
	wmu     sync.Mutex

	mu   sync.Mutex
	left int // hosts not finished
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
		g.left = len(batch)
		jobs := make([]*hostJob, len(batch))
		var pinged []*hostJob
		technique, probes := "", 0
		for i, u := range batch {
			jobs[i] = r.newJob(ctx, u, g)
			jobs[i].index = r.seen
			r.seen++
			if r.pinger == nil || u.pairs != nil {
				continue
			}
			switch {
			case o.Privileged && r.pinger.Local(u.addr):
				if !o.NoPing {
					jobs[i].h.Reason = discovery.ReasonLocalhost // up without a probe, as nmap as root
				}
			case o.NoPing && !r.pinger.OnLink(u.addr):
			default:
				pinged = append(pinged, jobs[i])
			}
		}
		if len(pinged) > 0 {
			// One name and count for the group, its first host's (nmap's host groups
			// never mix hosts that are pinged differently; signet's may, rarely).
			technique, probes = r.pinger.Plan(pinged[0].u.addr)
			p := r.newPhase(g, Discovery, technique, len(pinged), probes).one(pinged[0].u.addr, pinged[0].u.name)
			p.total.Store(int64(len(pinged)))
			var wg sync.WaitGroup
			for _, j := range pinged {
				p.enter()
				wg.Go(func() {
					r.ping(j, p)
					p.done.Add(1)
					p.leave()
				})
			}
			wg.Wait()
		}
		var up, down []*hostJob
		for _, j := range jobs {
			if j.h.Status == result.HostUp {
				up = append(up, j)
			} else {
				down = append(down, j)
			}
		}
		r.mu.Lock()
		r.up += len(up)
		r.mu.Unlock()
		if !o.NoResolve && len(up) > 0 {
			r.resolve(g, up)
		}
		if o.PingOnly {
			for _, j := range jobs {
				r.finish(j)
			}
			continue
		}
		for _, j := range down {
			r.finish(j)
		}
		if len(up) == 0 {
			continue
		}
		r.plan(g, up)
		for _, j := range up {
			select {
			case portq <- j:
			case <-ctx.Done():
				r.leaveAll(j)
				r.finish(j)
			}
		}
	}
}

// plan sets up the port scan phases of a group's up hosts and the service scan.
func (r *runner) plan(g *group, up []*hostJob) {
	o := r.o
	for _, j := range up {
		j.counts = r.counts(j.u)
	}
	for _, tech := range r.techniques() {
		var hosts, ports int
		var total int64
		var one *hostJob
		for _, j := range up {
			if n := r.count(j, tech); n > 0 {
				if hosts == 0 {
					ports, one = n, j
				}
				hosts++
				total += int64(n)
			}
		}
		if hosts == 0 {
			continue
		}
		p := r.newPhase(g, PortScan, techniqueName(tech), hosts, ports).one(one.u.addr, hostName(one.h))
		p.total.Store(total)
		g.scans = append(g.scans, p)
	}
	if o.Version != nil {
		g.service = r.newPhase(g, ServiceScan, "Service scan", len(up), 0).one(up[0].u.addr, hostName(up[0].h))
		g.service.deferred = true
	}
	g.scanning.Store(int64(len(up)))
	g.order = up
	for i, j := range up {
		j.upPos = i
	}
}

// counts are the numbers of TCP and UDP ports of a host: the scan's for a host target of an
// unsharded scan (counted once), else those of its own lists (host:port targets, a shard's
// share of a host).
func (r *runner) counts(u unit) [2]int {
	if u.pairs != nil || u.plan != nil {
		l := r.o.ports(u)
		return [2]int{len(l[0]), len(l[1])}
	}
	r.countsOnce.Do(func() {
		tcp, udp := r.o.portLists()
		r.scanCounts = [2]int{len(tcp), len(udp)}
	})
	return r.scanCounts
}

// slot is the place of a port scan's list in the host's [TCP, UDP] lists, -1 for a scan the
// host does not get: its TCP scan is the scan's (-sS or -sT), or a connect scan for the
// ports of host:port targets when the scan has none.
func (j *hostJob) slot(tech portscan.Technique, scanTCP portscan.Technique) int {
	if tech == portscan.UDP {
		return 1
	}
	if scanTCP == 0 && j.u.pairs != nil {
		scanTCP = portscan.Connect
	}
	if tech == scanTCP {
		return 0
	}
	return -1
}

// count is the number of the host's ports that a port scan probes.
func (r *runner) count(j *hostJob, tech portscan.Technique) int {
	if i := j.slot(tech, r.o.TCP); i >= 0 {
		return j.counts[i]
	}
	return 0
}

// techniques are the port scans of a scan, in nmap's order: SYN, UDP, connect.
func (r *runner) techniques() []portscan.Technique {
	return []portscan.Technique{portscan.SYN, portscan.UDP, portscan.Connect}
}

// leaveAll takes a host that will not be scanned out of its group's phases.
func (r *runner) leaveAll(j *hostJob) {
	for _, p := range j.g.scans {
		if r.count(j, techniqueOf(p.technique)) > 0 {
			p.leave()
		}
	}
	r.servicesKnown(j, 0)
	if s := j.g.service; s != nil {
		s.leave()
	}
}

// servicesKnown adds a host's services to its group's count; after the group's last host,
// the service scan starts.
func (r *runner) servicesKnown(j *hostJob, n int) {
	g := j.g
	g.services.Add(int64(n))
	if g.scanning.Add(-1) == 0 && g.service != nil {
		g.service.ports = int(g.services.Load())
		g.service.total.Store(g.services.Load())
		g.service.ready()
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
	j := &hostJob{u: u, h: h, g: g, rtt: g.rtt.Child(), upPos: -1}
	j.ctx, j.cancel, j.run = ctx, func() {}, ctx
	if d := r.o.hostTimeout(); d > 0 {
		j.ctx, j.cancel = context.WithTimeout(ctx, d)
	}
	return j
}

// ping runs discovery for one host (not -Pn, not a host:port target).
func (r *runner) ping(j *hostJob, p *phase) {
	st := r.pinger.Ping(j.ctx, j.u.addr, j.rtt)
	p.sent.Add(int64(st.Sent))
	p.sentBytes.Add(int64(st.SentBytes))
	if st.Err != nil {
		r.warnOnce("host discovery: " + st.Err.Error())
	}
	j.h.Reason, j.h.ReasonTTL = st.Reason, st.TTL
	if st.MAC != nil {
		j.h.MAC = strings.ToUpper(st.MAC.String())
		if r.o.MACVendors != nil {
			j.h.MACVendor = r.o.MACVendors.Lookup(j.h.MAC)
			r.macNamed.Store(true)
		}
	}
	if !st.Up {
		j.h.Status = result.HostDown
		return
	}
	p.mu.Lock()
	p.up++
	p.mu.Unlock()
}

// scanHost runs the port scans and version detection of one up host.
func (r *runner) scanHost(j *hostJob) {
	o := r.o
	j.scanned = true
	lists := o.ports(j.u)
	total := len(lists[0]) + len(lists[1])
	// One array holds every port of the host (a -p- scan has 65,535): the host's memory is
	// two allocations, freed as soon as the host is written.
	vals := make([]result.Port, 0, total)
	j.ports = make([]*result.Port, 0, total)
	g := j.g
	for _, p := range g.scans {
		tech := techniqueOf(p.technique)
		i := j.slot(tech, o.TCP)
		if i < 0 || len(lists[i]) == 0 {
			continue
		}
		ports := lists[i]
		p.enter()
		st := r.scanner.Scan(j.ctx, portscan.Job{Addr: j.u.addr, Technique: tech, Ports: ports, RTT: j.rtt}, func(pr portscan.PortResult) {
			p.done.Add(1)
			p.sent.Add(int64(pr.Tries))
			if tech == portscan.SYN {
				p.sentBytes.Add(int64(pr.Tries * portscan.SYNBytes(j.u.addr)))
			}
			res := result.Port{Number: int(pr.Port), Proto: pr.Proto.String(), State: pr.State.String(), Reason: string(pr.Reason), ReasonTTL: pr.TTL}
			if pr.State == portscan.Open {
				r.emit(Event{Kind: OpenPort, Phase: PortScan, Group: g.id, Technique: p.technique, Addr: j.u.addr, Port: pr.Port, Proto: pr.Proto})
			} else if o.Debug >= 2 {
				r.emit(Event{Kind: OpenPort, Phase: PortScan, Group: g.id, Technique: p.technique, Addr: j.u.addr, Port: pr.Port, Proto: pr.Proto, State: res.State})
			}
			if len(vals) < cap(vals) { // always: one outcome per port
				vals = append(vals, res)
				j.ports = append(j.ports, &vals[len(vals)-1])
			} else {
				j.ports = append(j.ports, &res)
			}
		})
		if st.Err != nil {
			r.warnOnce(tech.String() + " scan of " + j.u.addr.String() + ": " + st.Err.Error())
		}
		p.leave()
	}
	if o.Version != nil {
		r.versionScan(j)
	} else {
		r.servicesKnown(j, 0)
	}
}

// techniqueOf is the port scan of a phase's name.
func techniqueOf(name string) portscan.Technique {
	for _, t := range []portscan.Technique{portscan.SYN, portscan.UDP, portscan.Connect} {
		if techniqueName(t) == name {
			return t
		}
	}
	return 0
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
	// The ports shown get allocations of their own, so that the host's array of every port
	// (65,535 for -p-) is freed now, not when the host is written (which may wait for the
	// hosts before it).
	if len(h.Ports) < len(j.ports) {
		shown := make([]result.Port, len(h.Ports))
		for i, p := range h.Ports {
			shown[i] = *p
			h.Ports[i] = &shown[i]
		}
		h.Ports = slices.Clip(h.Ports)
	}
	j.ports = nil
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
	g := j.g
	if j.upPos < 0 {
		r.write(j)
		return
	}
	// The group's up hosts are written in target order, as nmap writes them: each as soon as
	// it and the hosts before it are finished.
	g.wmu.Lock()
	defer g.wmu.Unlock()
	j.finished = true
	for g.written < len(g.order) && g.order[g.written].finished {
		r.write(g.order[g.written])
		g.order[g.written] = nil // written: nothing keeps it
		g.written++
	}
}

// write hands a finished host to the writers (but a down host without -v, the hosts --open
// leaves out and a host cut short before its port scan) and reports it done, and its group
// after its last host.
func (r *runner) write(j *hostJob) {
	o, h, g := r.o, j.h, j.g
	// --open leaves out down hosts and up hosts with nothing open, as nmap does.
	show := h.Status == result.HostUp && !(o.OpenOnly && !hasOpen(h)) || h.Status != result.HostUp && o.Verbose > 0 && !o.OpenOnly
	if show && (!h.Incomplete || j.scanned) {
		o.Writer.Host(h)
	}
	r.emit(Event{Kind: HostDone, Group: g.id, Host: h, Addr: j.u.addr, Name: hostName(h), Index: j.index})
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
	phase := j.g.service
	phase.enter()
	r.servicesKnown(j, services)
	defer phase.leave() // after the probes below are done (defers run last first)
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
				defer phase.done.Add(1)
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
