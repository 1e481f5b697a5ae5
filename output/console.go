package output

import (
	"io"
	"maps"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/signetscan/signet/result"
)

// Console is the normal output on the terminal with nmap's verbose lines: a Writer (the
// header, the host reports, the closing lines, as Normal's Interactive style) that also
// takes the scan's events (Event) and, with -v or -d, prints them as nmap 7.93 does:
// "Initiating Connect Scan at 12:28", "Discovered open port 22/tcp on 127.0.0.1",
// "Completed Service scan at 12:28, 6.02s elapsed (3 services on 1 host)".
//
// It also puts them in nmap's order, which a pipelined engine does not keep by itself:
//   - host groups come one after the other: what a group reports while an earlier group is
//     not done (GroupDone) waits until it is (groups are numbered from 1 without gaps);
//   - a phase's lines stay together: a phase that starts while another of its group prints
//     has its lines held, and printed once the earlier phase has ended;
//   - a host's report is placed by its HostDone event: a down host's at once (after the
//     group's discovery), an up host's at the end of its group, after the group's last
//     Completed line, as nmap reports a group's hosts after its last phase.
//
// Without -v and -d, or before any event, it prints what Normal prints, as the hosts come.
// Console is safe for concurrent use.
type Console struct {
	mu  sync.Mutex
	n   *Normal
	loc *time.Location

	verbose, debugging int
	events             bool // an event has come: reports wait for their HostDone

	queue    []*block             // by group, then as they came; the head prints as it comes
	phases   map[phaseKey]*block  // phases not ended
	done     map[int]bool         // groups done, above doneUpTo
	doneUpTo int                  // groups 1 to doneUpTo are all done
	pending  []report             // reports until HostDone names their group
	held     map[int][]heldReport // a group's up-host reports, until GroupDone

	prog  progress // for the status lines, with or without -v
	begun bool     // Begin has come: the run's start is known
}

// block is a phase's lines, or one finished piece of text (a report).
type block struct {
	group int
	text  strings.Builder // not yet printed
	open  bool            // a phase that has not ended
	key   phaseKey
	start Event // the phase's PhaseStart
}

type report struct {
	h    *result.Host
	text string
}

type heldReport struct {
	index int // the host's place in the target order
	text  string
}

// phaseKey identifies a phase: by group, phase and technique, and a service scan also by
// its host when it has one (an engine may probe each host's services on its own).
type phaseKey struct {
	group     int
	phase     Phase
	technique string
	addr      netip.Addr
}

// NewConsole returns a console writing to w; loc is the time zone of the clock times in
// the phase lines (nil: the local one).
func NewConsole(w io.Writer, loc *time.Location) *Console {
	if loc == nil {
		loc = time.Local
	}
	return &Console{n: NewNormal(w, Interactive), loc: loc, phases: map[phaseKey]*block{},
		done: map[int]bool{}, held: map[int][]heldReport{}}
}

// Begin writes the header (and -d's lines about ports and timing).
func (c *Console) Begin(run *result.Run) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	err := c.n.Begin(run)
	c.verbose, c.debugging = verbosity(c.n.run), c.n.run.Debugging
	c.begun = true
	return err
}

// Host prints a host's report, or keeps it until its HostDone event places it.
func (c *Console) Host(h *result.Host) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !shown(c.n.run, h) {
		return nil
	}
	r := c.n.report(h)
	if c.verbose == 0 || !c.events {
		return c.write(r)
	}
	c.pending = append(c.pending, report{h, r})
	return nil
}

// End prints what is still held, phases that never completed included (a run cut short),
// then the closing lines.
func (c *Console) End(end *result.RunEnd) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.release()
	return c.n.End(end)
}

// maxGroup sorts after every group.
const maxGroup = int(^uint(0) >> 1)

// Event takes one event of the scan.
func (c *Console) Event(e Event) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e.Time.IsZero() {
		e.Time = time.Now()
	}
	c.prog.event(e)
	if c.verbose == 0 {
		return
	}
	c.events = true
	switch e.Kind {
	case PhaseStart:
		c.phaseStart(e)
	case PhaseEnd:
		c.phaseEnd(e)
	case OpenPort:
		if e.State != "" && e.State != "open" && c.debugging < 2 {
			return
		}
		if b := c.portPhase(e); b != nil {
			b.text.WriteString(portLine(e))
		} else {
			c.enqueue(e.Group, portLine(e))
		}
	case Progress:
		pp := c.prog.phases[keyOf(e)]
		if b := c.phases[keyOf(e)]; b != nil && pp != nil && c.live(b) {
			b.text.WriteString(pp.meter.line(taskName(b.start), e.Done, e.Time, c.debugging > 0, c.loc))
		}
	case HostDone:
		for i, r := range c.pending {
			if r.h != e.Host {
				continue
			}
			c.pending = slices.Delete(c.pending, i, i+1)
			// -sn reports each host as it is done, up or down, as nmap does (in target order).
			if e.Host.Status == result.HostUp && !c.n.run.PingOnly {
				c.held[e.Group] = append(c.held[e.Group], heldReport{e.Index, r.text})
			} else {
				c.enqueue(e.Group, r.text)
			}
			break
		}
	case GroupDone:
		c.releaseHeld(e.Group)
		delete(c.held, e.Group)
		c.done[e.Group] = true
		for c.done[c.doneUpTo+1] {
			delete(c.done, c.doneUpTo+1)
			c.doneUpTo++
		}
	}
	c.flush()
}

func keyOf(e Event) phaseKey {
	k := phaseKey{group: e.Group, phase: e.Phase, technique: e.Technique}
	if e.Phase == ServiceScan {
		k.addr = e.Addr
	}
	return k
}

func (c *Console) phaseStart(e Event) {
	k := keyOf(e)
	if old := c.phases[k]; old != nil { // started twice: the first one is over
		old.open = false
	}
	b := &block{group: e.Group, open: true, key: k, start: e}
	b.text.WriteString(startLines(e, c.loc))
	c.phases[k] = b
	c.insert(b)
}

func (c *Console) phaseEnd(e Event) {
	b := c.phases[keyOf(e)]
	if b == nil {
		return // an end without a start prints nothing
	}
	s := b.start
	if e.Elapsed == 0 {
		e.Elapsed = e.Time.Sub(s.Time)
	}
	if e.Hosts == 0 {
		e.Hosts = s.Hosts
	}
	if e.Ports == 0 {
		e.Ports = s.Ports
	}
	e.Technique, e.Phase = s.Technique, s.Phase
	if !e.Cut {
		b.text.WriteString(endLine(e, c.loc))
		if c.debugging > 0 && (e.Phase == Discovery || e.Phase == PortScan) {
			b.text.WriteString(sendingRates(e))
		}
	}
	b.open = false
	delete(c.phases, b.key)
}

// portPhase is the port scan phase a discovered port belongs to: the group's open one of
// the port's protocol (a UDP scan for udp, a TCP scan for tcp).
func (c *Console) portPhase(e Event) *block {
	for _, b := range c.queue {
		if b.open && b.key.phase == PortScan && b.group == e.Group && (b.key.technique == "UDP Scan") == (e.Proto == "udp") {
			return b
		}
	}
	return nil
}

// enqueue queues finished text of a group.
func (c *Console) enqueue(group int, s string) {
	if s == "" {
		return
	}
	b := &block{group: group}
	b.text.WriteString(s)
	c.insert(b)
}

// insert puts a block after the last one of its group or of an earlier group.
func (c *Console) insert(b *block) {
	i := len(c.queue)
	for i > 0 && c.queue[i-1].group > b.group {
		i--
	}
	c.queue = slices.Insert(c.queue, i, b)
}

// printable reports whether a block's group may print: every earlier group is done. The
// scan numbers its groups from 1 without gaps.
func (c *Console) printable(b *block) bool { return b.group <= c.doneUpTo+1 }

// live reports whether a block is the one printing as it comes.
func (c *Console) live(b *block) bool {
	return len(c.queue) > 0 && c.queue[0] == b && c.printable(b)
}

// flush prints the head of the queue while it may: finished blocks whole, and the text so
// far of the first phase still open, which stays at the head.
func (c *Console) flush() {
	for len(c.queue) > 0 && c.printable(c.queue[0]) {
		head := c.queue[0]
		c.write(head.text.String())
		head.text.Reset()
		if head.open {
			return
		}
		c.queue = c.queue[1:]
	}
}

func (c *Console) write(s string) error {
	if s == "" {
		return nil
	}
	c.n.mu.Lock()
	defer c.n.mu.Unlock()
	return c.n.emit([]byte(s))
}

// Stats prints nmap's status lines at now, as --stats-every and a key pressed do:
// "Stats: 0:01:02 elapsed; 3 hosts completed (5 up), 5 undergoing Service Scan" and the
// current phase's "Service scan Timing: About 45.00% done; ETC: 12:31 (0:01:15 remaining)".
// They go to the terminal at once, with or without -v; the -oN file never has them.
func (c *Console) Stats(now time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.begun {
		return nil
	}
	return c.write(c.prog.statsLines(c.started(), now, c.loc))
}

// Status is a one-line summary of the scan's progress at now, for a terminal's status line:
// "Service Scan: About 45.00% done; ETC: 12:31 (0:01:15 remaining); 0:01:02 elapsed; 3
// hosts completed (5 up), 5 undergoing".
func (c *Console) Status(now time.Time) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.begun {
		return ""
	}
	return c.prog.statusLine(c.started(), now, c.loc)
}

// Key takes a key pressed during the scan, as nmap's runtime interaction does: v and V raise
// and lower the verbose level of the lines the console prints, d and D the debugging level,
// ? prints the keys, and any other key prints the status lines (Stats).
func (c *Console) Key(k byte, now time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch k {
	case 'v':
		c.verbose++
		return c.write("Verbosity Increased to " + strconv.Itoa(c.verbose) + ".\n")
	case 'V':
		if c.verbose > 0 {
			c.verbose--
		}
		if c.verbose == 0 {
			c.release()
		}
		return c.write("Verbosity Decreased to " + strconv.Itoa(c.verbose) + ".\n")
	case 'd':
		c.debugging++
		return c.write("Debugging Increased to " + strconv.Itoa(c.debugging) + ".\n")
	case 'D':
		if c.debugging > 0 {
			c.debugging--
		}
		return c.write("Debugging Decreased to " + strconv.Itoa(c.debugging) + ".\n")
	case '?':
		return c.write("Interactive keyboard commands:\n" +
			"?               Display this information\n" +
			"v/V             Increase/decrease verbosity\n" +
			"d/D             Increase/decrease debugging\n" +
			"anything else   Print status\n")
	}
	if !c.begun {
		return nil
	}
	return c.write(c.prog.statsLines(c.started(), now, c.loc))
}

// release prints everything held, as End does, when the console stops holding lines (the
// verbose level went down to 0).
func (c *Console) release() {
	for _, g := range slices.Sorted(maps.Keys(c.held)) {
		c.releaseHeld(g)
	}
	for _, r := range c.pending {
		c.enqueue(maxGroup, r.text)
	}
	c.pending = nil
	for _, b := range c.queue {
		c.write(b.text.String())
	}
	c.queue = nil
	clear(c.phases)
	c.events = false
}

// releaseHeld queues a group's up-host reports, in target order.
func (c *Console) releaseHeld(g int) {
	rs := c.held[g]
	slices.SortStableFunc(rs, func(a, b heldReport) int { return a.index - b.index })
	for _, r := range rs {
		c.enqueue(g, r.text)
	}
	delete(c.held, g)
}

// started is when this process's scan started: the status lines' elapsed time counts from
// there, as nmap's does, also when it continues an interrupted run (signet --resume), whose
// Start is the first run's.
func (c *Console) started() time.Time {
	if r := c.n.run.Resumed; r != nil {
		return r.Start
	}
	return c.n.run.Start
}
