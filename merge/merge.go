// Package merge joins the results of several scans of one run (the shards of
// a sharded scan, or parts scanned apart) into one: hosts, ports, run stats.
//
// Hosts are matched by address and their ports by protocol and number; the
// ports a shard left out of its table ("Not shown: 498 closed tcp ports")
// are expanded from their port lists and the table is consolidated again
// with nmap's rule, so a merged host shows what one unsharded scan would.
package merge

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"maps"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/result"
)

// Input is one file of results.
type Input struct {
	Name string
	// Run and End are the XML file's run record and statistics; nil for
	// JSON lines, which have neither.
	Run   *result.Run
	End   *result.RunEnd
	Hosts []*result.Host
	// JSON is true for JSON lines input: every port it has was streamed,
	// so the merged JSON lines keep it even when the table hides it.
	JSON bool
}

// Read reads nmap XML (nmap's or signet's -oX) or signet's JSON lines
// (-oJ), told apart by the first character that is not white space. An
// empty file is empty JSON lines (a scan that found nothing). Errors start
// with name.
func Read(name string, r io.Reader) (*Input, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4096)
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '<' {
		run, hosts, end, err := output.ReadXML(br)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		// signet says who it is in the leading comment, and by default
		// writes scanner="nmap" for the DTD's sake (docs/DESIGN.md): keep
		// both, so the merged file says the same.
		if bytes.Contains(trimmed, []byte("<!-- signet ")) {
			run.XMLScanner = run.Scanner
			run.Scanner = "signet"
		}
		return &Input{Name: name, Run: run, End: end, Hosts: hosts}, nil
	}
	hosts, err := output.ReadJSONLines(name, br)
	if err != nil {
		return nil, err
	}
	return &Input{Name: name, Hosts: hosts, JSON: true}, nil
}

// Result is the merged scan, ready for the output writers.
type Result struct {
	Run   *result.Run
	Hosts []*result.Host // by address: IPv4 first, each family in numeric order
	End   *result.RunEnd

	// Streamed are the ports the merged JSON lines carry: the shown ports
	// of every host, and the ports that JSON lines inputs streamed even if
	// the table now hides them; by host, in nmap's port order.
	Streamed map[*result.Host][]*result.Port

	// Warnings say what the merge had to decide: ports that two inputs
	// report differently.
	Warnings []string
}

type portKey struct {
	proto  string
	number int
}

// hostAcc gathers one address's records from every input.
type hostAcc struct {
	h         *result.Host
	ports     map[portKey]*result.Port
	from      map[portKey]int // input that gave the port, for warnings
	streamed  map[portKey]bool
	countOnly []countOnly
	inputs    int
}

// countOnly is a not-shown group without a port list (older nmap): only
// its count can be carried over.
type countOnly struct {
	state string
	r     result.ExtraReason
}

// Merge joins the inputs. The run record comes from the first XML input,
// with the earliest start, every scan type's ports united, the highest
// verbosity, and --shard's value taken out of the command line; the end
// record has the latest end time, elapsed time from the earliest start to
// the latest end, exit "error" if any input ended in error, and host
// counts recomputed (see hostTotals).
func Merge(ins []*Input) *Result {
	res := &Result{Streamed: map[*result.Host][]*result.Port{}}
	res.Run = mergeRun(ins)
	accs := map[string]*hostAcc{}
	var order []string
	dups := map[string]int{} // "a.xml and b.xml" → ports
	for i, in := range ins {
		for _, h := range in.Hosts {
			key := addrKey(h.Addr)
			acc := accs[key]
			if acc == nil {
				c := *h
				c.Ports, c.Extra = nil, nil
				acc = &hostAcc{h: &c, ports: map[portKey]*result.Port{}, from: map[portKey]int{}, streamed: map[portKey]bool{}}
				accs[key] = acc
				order = append(order, key)
			} else {
				mergeHost(acc.h, h)
			}
			acc.inputs++
			add := func(p *result.Port) {
				k := portKey{p.Proto, p.Number}
				if in.JSON {
					acc.streamed[k] = true
				}
				old, ok := acc.ports[k]
				if !ok {
					acc.ports[k] = p
					acc.from[k] = i
					return
				}
				if j := acc.from[k]; j != i && !sameAnswer(old, p) {
					dups[ins[j].Name+" and "+in.Name]++
				}
				if better(p, old) {
					acc.ports[k] = p
				} else if replies, sources := onlyJSON(old, p); sameAnswer(old, p) && (replies || sources || old.Outcome == "" && p.Outcome != "") {
					// The same answer from XML and JSON lines: keep what
					// only JSON lines carry, the raw replies, the fields'
					// sources and the outcome.
					q := *old
					if replies || sources {
						s := *old.Service
						if replies {
							s.Replies = p.Service.Replies
						}
						if sources {
							s.Sources = p.Service.Sources
						}
						q.Service = &s
					}
					if q.Outcome == "" {
						q.Outcome = p.Outcome
					}
					acc.ports[k] = &q
				}
			}
			for _, p := range h.Ports {
				add(p)
			}
			for _, e := range h.Extra {
				for _, r := range e.Reasons {
					if r.Ports == nil {
						acc.countOnly = append(acc.countOnly, countOnly{e.State, r})
						continue
					}
					for _, n := range r.Ports {
						add(&result.Port{Number: n, Proto: r.Proto, State: e.State, Reason: r.Reason})
					}
				}
			}
		}
	}
	for _, pair := range slices.Sorted(maps.Keys(dups)) {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d ports reported differently by %s; kept the more detailed answer of each", dups[pair], pair))
	}
	slices.SortFunc(order, compareAddr)
	openOnly := hasArg(res.Run.Args, "--open")
	for _, key := range order {
		acc := accs[key]
		h := acc.h
		all := make([]*result.Port, 0, len(acc.ports))
		for _, p := range acc.ports {
			all = append(all, p)
		}
		result.SortPorts(all)
		h.Ports = slices.Clone(all)
		if openOnly {
			h.ConsolidateOpenOnly(res.Run.Verbose, res.Run.Debugging)
		} else {
			h.Consolidate(res.Run.Verbose, res.Run.Debugging)
		}
		addCountOnly(h, acc.countOnly)
		shown := map[*result.Port]bool{}
		for _, p := range h.Ports {
			shown[p] = true
		}
		var streamed []*result.Port
		for _, p := range all {
			if shown[p] || acc.streamed[portKey{p.Proto, p.Number}] {
				streamed = append(streamed, p)
			}
		}
		res.Streamed[h] = streamed
		res.Hosts = append(res.Hosts, h)
	}
	res.End = mergeEnd(ins, res)
	return res
}

// onlyJSON reports whether p holds what only JSON lines carry and old lacks:
// raw replies, and the sources of the service's fields.
func onlyJSON(old, p *result.Port) (replies, sources bool) {
	if old.Service == nil || p.Service == nil {
		return false, false
	}
	return len(old.Service.Replies) == 0 && len(p.Service.Replies) > 0,
		len(old.Service.Sources) == 0 && len(p.Service.Sources) > 0
}

// sameAnswer reports whether two records of a port agree (the XML and the
// JSON lines of one shard do; only JSON lines have raw replies).
func sameAnswer(a, b *result.Port) bool {
	if a.State != b.State || a.Reason != b.Reason || (a.Service == nil) != (b.Service == nil) {
		return false
	}
	if a.Service == nil {
		return true
	}
	x, y := *a.Service, *b.Service
	x.Replies, y.Replies = nil, nil
	return x.Name == y.Name && x.Product == y.Product && x.Version == y.Version && x.Info == y.Info &&
		x.Hostname == y.Hostname && x.OS == y.OS && x.Device == y.Device && slices.Equal(x.CPE, y.CPE) &&
		x.Tunnel == y.Tunnel && x.Method == y.Method && x.Conf == y.Conf && x.Fingerprint == y.Fingerprint
}

// better reports whether port a says more than b about the same port: an
// open state over the others, then a service over none, a higher
// confidence, a version, raw replies.
func better(a, b *result.Port) bool {
	rank := func(p *result.Port) []int {
		r := []int{0, 0, 0, 0, 0}
		switch p.State {
		case "open":
			r[0] = 3
		case "open|filtered":
			r[0] = 2
		case "closed", "filtered", "unfiltered", "closed|filtered":
			r[0] = 1
		}
		if s := p.Service; s != nil {
			r[1] = 1
			r[2] = s.Conf
			if s.Product != "" || s.Version != "" {
				r[3] = 1
			}
			if len(s.Replies) > 0 {
				r[4] = 1
			}
		}
		return r
	}
	return slices.Compare(rank(a), rank(b)) > 0
}

// mergeHost folds another input's record of the same address into h.
func mergeHost(h, o *result.Host) {
	if h.Status != result.HostUp && o.Status == result.HostUp {
		h.Status, h.Reason, h.ReasonTTL = o.Status, o.Reason, o.ReasonTTL
	}
	if h.AddrType == "" {
		h.AddrType = o.AddrType
	}
	if h.TargetName == "" {
		h.TargetName = o.TargetName
	}
	if h.Hostname == "" {
		h.Hostname = o.Hostname
	}
	if known(o.Start) && (!known(h.Start) || o.Start.Before(h.Start)) {
		h.Start = o.Start
	}
	if known(o.End) && (!known(h.End) || o.End.After(h.End)) {
		h.End = o.End
	}
	if h.Times == nil {
		h.Times = o.Times
	}
}

// known reports whether t is a time a file gave: ReadXML gives the Unix
// epoch for a missing attribute.
func known(t time.Time) bool { return !t.IsZero() && t.Unix() != 0 }

// addCountOnly adds the not-shown groups that had no port list. Which
// ports they held is not known, so ports of the same state that the table
// shows stay shown.
func addCountOnly(h *result.Host, groups []countOnly) {
	if len(groups) == 0 {
		return
	}
	for _, g := range groups {
		i := slices.IndexFunc(h.Extra, func(e result.ExtraPorts) bool { return e.State == g.state })
		if i < 0 {
			h.Extra = append(h.Extra, result.ExtraPorts{State: g.state})
			i = len(h.Extra) - 1
		}
		e := &h.Extra[i]
		e.Count += g.r.Count
		j := slices.IndexFunc(e.Reasons, func(r result.ExtraReason) bool {
			return r.Reason == g.r.Reason && r.Proto == g.r.Proto && r.Ports == nil
		})
		if j < 0 {
			e.Reasons = append(e.Reasons, result.ExtraReason{Reason: g.r.Reason, Proto: g.r.Proto})
			j = len(e.Reasons) - 1
		}
		e.Reasons[j].Count += g.r.Count
	}
	slices.SortStableFunc(h.Extra, func(a, b result.ExtraPorts) int { return b.Count - a.Count })
	for i := range h.Extra {
		slices.SortStableFunc(h.Extra[i].Reasons, func(a, b result.ExtraReason) int { return b.Count - a.Count })
	}
}

// mergeRun builds the run record from the XML inputs.
func mergeRun(ins []*Input) *result.Run {
	var run *result.Run
	scans := map[[2]string]map[int]bool{}
	var scanOrder [][2]string
	for _, in := range ins {
		r := in.Run
		if r == nil {
			continue
		}
		if run == nil {
			c := *r
			c.Args = dropShard(r.Args)
			c.Scans = nil
			if !known(c.Start) {
				c.Start = time.Time{}
			}
			run = &c
		} else {
			if known(r.Start) && (run.Start.IsZero() || r.Start.Before(run.Start)) {
				run.Start = r.Start
			}
			run.Verbose = max(run.Verbose, r.Verbose)
			run.Debugging = max(run.Debugging, r.Debugging)
			run.VersionScan = run.VersionScan || r.VersionScan
			run.Reason = run.Reason || r.Reason
		}
		for _, s := range r.Scans {
			k := [2]string{s.Type, s.Proto}
			if scans[k] == nil {
				scans[k] = map[int]bool{}
				scanOrder = append(scanOrder, k)
			}
			for _, p := range s.Ports {
				scans[k][p] = true
			}
		}
	}
	if run == nil {
		// JSON lines only: no run record to keep.
		run = &result.Run{Scanner: "signet", XMLScanner: "nmap", Args: []string{"signet", "merge"}}
		for _, in := range ins {
			run.Args = append(run.Args, in.Name)
			for _, h := range in.Hosts {
				for _, p := range h.Ports {
					run.VersionScan = run.VersionScan || p.Service != nil && p.Service.Method == result.MethodProbed
				}
			}
		}
	}
	for _, k := range scanOrder {
		run.Scans = append(run.Scans, result.ScanInfo{Type: k[0], Proto: k[1], Ports: slices.Sorted(maps.Keys(scans[k]))})
	}
	return run
}

// dropShard removes "--shard I" (or --shard=I) from a command line: the
// merged file is no one shard's. "--shards N" stays, and tells the reader
// the scan was split.
func dropShard(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--shard" || a == "-shard" {
			i++
			continue
		}
		if strings.HasPrefix(a, "--shard=") || strings.HasPrefix(a, "-shard=") {
			continue
		}
		out = append(out, a)
	}
	return out
}

func hasArg(args []string, name string) bool { return slices.Contains(args, name) }

// mergeEnd builds the end record.
func mergeEnd(ins []*Input, res *Result) *result.RunEnd {
	end := &result.RunEnd{}
	var errs []string
	for _, in := range ins {
		e := in.End
		if e == nil {
			continue
		}
		if known(e.Time) && e.Time.After(end.Time) {
			end.Time = e.Time
		}
		if e.Failed() {
			end.Exit = result.ExitError
			if e.ErrorMsg != "" && !slices.Contains(errs, e.ErrorMsg) {
				errs = append(errs, e.ErrorMsg)
			}
		}
	}
	end.ErrorMsg = strings.Join(errs, "; ")
	if !end.Time.IsZero() && !res.Run.Start.IsZero() {
		end.Elapsed = end.Time.Sub(res.Run.Start)
	}
	if end.Elapsed <= 0 {
		// The writers fill in "now" and measure from the start; a merge
		// that knows no times says 0.00 seconds rather than invent them.
		end.Elapsed = time.Nanosecond
	}
	for _, h := range res.Hosts {
		if h.Status != result.HostDown {
			end.HostsUp++
		}
	}
	end.HostsTotal = hostTotals(ins, res)
	end.HostsDown = end.HostsTotal - end.HostsUp
	return end
}

// hostTotals is the number of hosts the merged run scanned. A file shows
// only the hosts that were up (down ones too with -v), so the inputs' own
// totals are needed; an input that lists one address in several records
// (host:port lines of one address far apart) counted each record, and
// counts one host here. When two inputs list the same address, the inputs
// split one target list by (address, port) pairs and each scanned every
// host: the total is the largest input's. Otherwise they scanned different
// hosts and their totals add up. Never fewer than the hosts listed.
func hostTotals(ins []*Input, res *Result) int {
	seen := map[string]int{}
	overlap := false
	sum, most := 0, 0
	for i, in := range ins {
		distinct := map[string]bool{}
		for _, h := range in.Hosts {
			k := addrKey(h.Addr)
			distinct[k] = true
			if j, ok := seen[k]; ok && j != i {
				overlap = true
			}
			seen[k] = i
		}
		t := len(distinct)
		if in.End != nil {
			t = max(t, in.End.HostsTotal-(len(in.Hosts)-len(distinct)))
		}
		sum += t
		most = max(most, t)
	}
	total := sum
	if overlap {
		total = most
	}
	return max(total, len(res.Hosts))
}

// addrKey is the address in canonical form, so "::1" and "0:0::1" match.
func addrKey(s string) string {
	if a, err := netip.ParseAddr(s); err == nil {
		return a.String()
	}
	return s
}

// compareAddr orders addresses IPv4 first, then numerically; names that
// are no address last, by text.
func compareAddr(a, b string) int {
	x, errA := netip.ParseAddr(a)
	y, errB := netip.ParseAddr(b)
	switch {
	case errA == nil && errB == nil:
		return x.Compare(y)
	case errA == nil:
		return -1
	case errB == nil:
		return 1
	}
	return strings.Compare(a, b)
}

// Write sends the merged result to writers: Begin, every host (its
// streamed ports first for JSON lines), End.
func (r *Result) Write(w output.Writer) error {
	if err := w.Begin(r.Run); err != nil {
		return err
	}
	pw, _ := w.(output.PortWriter)
	for _, h := range r.Hosts {
		if pw != nil {
			for _, p := range r.Streamed[h] {
				if err := pw.Port(h, p); err != nil {
					return err
				}
			}
		}
		if err := w.Host(h); err != nil {
			return err
		}
	}
	return w.End(r.End)
}
