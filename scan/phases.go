package scan

import (
	"net/netip"
	"sync"
	"sync/atomic"
	"time"
)

// phase is one phase of one host group, as its events report it: it starts when its first
// host enters (or, for a service scan, when the group's last host has finished its port
// scans, so that the number of services is known) and ends when its last host leaves.
type phase struct {
	r         *runner
	group     int
	kind      Phase
	technique string
	hosts     int // hosts that go through it
	ports     int // per host; services of the group for a service scan
	addr      netip.Addr
	name      string
	// deferred: the start waits until ready() (a service scan); the time is the first
	// host's entry.
	deferred bool

	once    sync.Once // the start
	mu      sync.Mutex
	entered int       // hosts that entered
	left    int       // hosts that left
	first   time.Time // the first host's entry
	started bool      // PhaseStart sent
	ended   bool      // PhaseEnd sent
	up      int       // discovery: hosts found up

	// Work units for Progress (ports, hosts or services), and what the phase sent.
	total, done     atomic.Int64
	sent, sentBytes atomic.Int64
}

func (r *runner) newPhase(g *group, kind Phase, technique string, hosts, ports int) *phase {
	return &phase{r: r, group: g.id, kind: kind, technique: technique, hosts: hosts, ports: ports}
}

// one names the phase's host when it has only one.
func (p *phase) one(a netip.Addr, name string) *phase {
	if p.hosts == 1 {
		p.addr, p.name = a, name
	}
	return p
}

// enter records a host's entry; the first one starts the phase, and the others wait until
// it has been reported (so that nothing of theirs is reported before it).
func (p *phase) enter() {
	p.mu.Lock()
	p.entered++
	if p.entered == 1 {
		p.first = time.Now()
	}
	p.mu.Unlock()
	if !p.deferred {
		p.once.Do(p.start)
	}
}

// start reports the phase's start (once).
func (p *phase) start() {
	p.mu.Lock()
	if p.first.IsZero() {
		p.first = time.Now()
	}
	p.mu.Unlock()
	p.r.startPhase(p)
	p.mu.Lock()
	p.started = true
	p.mu.Unlock()
}

// ready starts a deferred phase once its counts are known; it ends at once when every host
// has left already.
func (p *phase) ready() {
	p.once.Do(p.start)
	p.mu.Lock()
	end := p.left == p.hosts && !p.ended
	p.ended = p.ended || end
	p.mu.Unlock()
	if end {
		p.r.endPhase(p)
	}
}

// leave records a host's exit; the last one ends the phase.
func (p *phase) leave() {
	p.mu.Lock()
	p.left++
	end := p.left == p.hosts && p.started && !p.ended
	p.ended = p.ended || end
	p.mu.Unlock()
	if end {
		p.r.endPhase(p)
	}
}

func (p *phase) event(kind EventKind) Event {
	return Event{Kind: kind, Phase: p.kind, Group: p.group, Technique: p.technique, Hosts: p.hosts, Ports: p.ports,
		Addr: p.addr, Name: p.name}
}

func (r *runner) startPhase(p *phase) {
	e := p.event(PhaseStart)
	e.Time = p.first
	r.mu.Lock()
	r.phases[p] = true
	r.mu.Unlock()
	r.emit(e)
}

func (r *runner) endPhase(p *phase) {
	r.mu.Lock()
	delete(r.phases, p)
	r.mu.Unlock()
	e := p.event(PhaseEnd)
	e.Time = time.Now()
	e.Elapsed = e.Time.Sub(p.first)
	e.Up = p.up
	e.Sent, e.SentBytes = p.sent.Load(), p.sentBytes.Load()
	e.Cut = r.stopped()
	r.emit(e)
}

// progress reports every phase under way, until stop is closed.
func (r *runner) progress(stop <-chan struct{}) {
	if r.o.Observer == nil {
		return
	}
	t := time.NewTicker(ProgressEvery)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		r.mu.Lock()
		var under []*phase
		for p := range r.phases {
			under = append(under, p)
		}
		completed, up := r.end.HostsTotal, r.up
		r.mu.Unlock()
		for _, p := range under {
			e := p.event(Progress)
			if total := p.total.Load(); total > 0 {
				e.Done = min(1, float64(p.done.Load())/float64(total))
			}
			e.Completed, e.Up = completed, up
			r.emit(e)
		}
	}
}
