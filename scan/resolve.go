package scan

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/netip"
	"os"
	"strings"
	"sync"
	"time"
)

// Reverse DNS, as nmap does it: the names of the hosts file need no query (127.0.0.1 is
// "localhost" at once); the other up hosts are asked of the resolver together, as the group's
// "Parallel DNS resolution of N hosts." phase.

// maxHostsFile bounds how much of the hosts file is read.
const maxHostsFile = 4 << 20

// parseHosts reads a hosts file (/etc/hosts): each line an address and its names, "#"
// starting a comment. An address gets the first name of its first line, as the system's
// resolver answers a reverse look-up. Lines it cannot read are skipped.
func parseHosts(b []byte) map[netip.Addr]string {
	names := map[netip.Addr]string{}
	for line := range bytes.Lines(b) {
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(string(line))
		if len(f) < 2 {
			continue
		}
		a, err := netip.ParseAddr(f[0])
		if err != nil {
			continue
		}
		a = a.Unmap().WithZone("")
		name := strings.TrimSuffix(f[1], ".")
		if _, ok := names[a]; !ok && name != "" {
			names[a] = name
		}
	}
	return names
}

// loadHosts reads the hosts file of o (/etc/hosts unless HostsFile says), or none.
func (o *Options) loadHosts() map[netip.Addr]string {
	path := o.HostsFile
	if path == "" {
		path = "/etc/hosts"
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	b, _ := io.ReadAll(io.LimitReader(f, maxHostsFile))
	return parseHosts(b)
}

// dnsAtOnce bounds the reverse look-ups of a group in flight.
const dnsAtOnce = 32

// resolve names the group's up hosts: from the hosts file, else by a DNS query, the queries
// reported as the group's Resolve phase.
func (r *runner) resolve(g *group, jobs []*hostJob) {
	var ask []*hostJob
	for _, j := range jobs {
		if name, ok := r.hosts[j.u.addr.Unmap().WithZone("")]; ok {
			j.h.Hostname = name
			continue
		}
		ask = append(ask, j)
	}
	if len(ask) == 0 {
		return
	}
	p := r.newPhase(g, Resolve, "", len(ask), 0)
	p.total.Store(int64(len(ask)))
	sem := make(chan struct{}, dnsAtOnce)
	var wg sync.WaitGroup
	for _, j := range ask {
		p.enter()
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			j.h.Hostname = r.reverse(j.ctx, j.u.addr)
			p.done.Add(1)
			p.leave()
		})
	}
	wg.Wait()
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
