package output

import (
	"math"
	"strconv"
	"time"

	"github.com/signetscan/signet/result"
)

// progress is what the console knows of a scan's progress, from its events, for nmap's
// status lines (--stats-every, a key pressed) and the terminal's status line: the phases
// under way and how far each is, and the hosts finished and found up.
type progress struct {
	phases    map[phaseKey]*phaseProgress // under way
	last      *phaseProgress              // the phase that started last
	seq       int
	completed int // hosts finished
	up        int // hosts found up (as the scan's Progress events count them)
	upDone    int // finished hosts that were up
}

type phaseProgress struct {
	start Event // its PhaseStart
	seq   int
	done  float64
	meter meter
}

func (p *progress) event(e Event) {
	if p.phases == nil {
		p.phases = map[phaseKey]*phaseProgress{}
	}
	switch e.Kind {
	case PhaseStart:
		p.seq++
		pp := &phaseProgress{start: e, seq: p.seq}
		pp.meter.begin = e.Time.Unix()
		p.phases[keyOf(e)] = pp
		p.last = pp
	case PhaseEnd:
		delete(p.phases, keyOf(e))
	case Progress:
		if pp := p.phases[keyOf(e)]; pp != nil {
			pp.done = e.Done
		}
		p.completed, p.up = max(p.completed, e.Completed), max(p.up, e.Up)
	case HostDone:
		if e.Host != nil && e.Host.Incomplete {
			break // cut short by an interrupt: not completed (--resume scans it again)
		}
		p.completed++
		if e.Host != nil && e.Host.Status == result.HostUp {
			p.upDone++
		}
	}
}

// current is the phase nmap would be in: the earliest group's, the one that started last
// there; nil when none is under way.
func (p *progress) current() *phaseProgress {
	var cur *phaseProgress
	for _, pp := range p.phases {
		switch {
		case cur == nil, pp.start.Group < cur.start.Group, pp.start.Group == cur.start.Group && pp.seq > cur.seq:
			cur = pp
		}
	}
	return cur
}

// stageName is nmap's name of a phase in its "Stats:" line ("undergoing Service Scan"),
// which differs from the phase's task name in two places.
func stageName(e Event) string {
	switch e.Phase {
	case Resolve:
		return "Host Discovery"
	case ServiceScan:
		return "Service Scan"
	}
	return e.Technique
}

// clockDuration is nmap's "%d:%02d:%02d" of whole seconds.
func clockDuration(secs float64) string {
	s := int64(math.Max(0, math.Floor(secs)))
	return strconv.FormatInt(s/3600, 10) + ":" + two(float64(s/60%60)) + ":" + two(float64(s%60))
}

// statsLines are nmap's status lines: "Stats: 0:01:02 elapsed; 3 hosts completed (5 up), 5
// undergoing Service Scan" and the current phase's "Service scan Timing: About 45.00% done;
// ETC: 12:31 (0:01:15 remaining)" (no ETC under 1% done). start is the run's.
func (p *progress) statsLines(start, now time.Time, loc *time.Location) string {
	cur := p.current()
	s := "Stats: " + clockDuration(now.Sub(start).Seconds()) + " elapsed; " + strconv.Itoa(p.completed) +
		" hosts completed (" + strconv.Itoa(max(p.up, p.upDone)) + " up), "
	if cur == nil {
		return s + "0 undergoing Host Discovery\n"
	}
	s += strconv.Itoa(cur.start.Hosts) + " undergoing " + stageName(cur.start) + "\n"
	return s + cur.meter.now(taskName(cur.start), cur.done, cur.start.Time, now, loc)
}

// statusLine is the terminal's one-line status: the current phase, how far it is and when
// it should end, then the run's elapsed time and hosts.
func (p *progress) statusLine(start, now time.Time, loc *time.Location) string {
	cur := p.current()
	tail := clockDuration(now.Sub(start).Seconds()) + " elapsed; " + strconv.Itoa(p.completed) +
		" hosts completed (" + strconv.Itoa(max(p.up, p.upDone)) + " up)"
	if cur == nil {
		return tail
	}
	s := stageName(cur.start) + ": About " + strconv.FormatFloat(cur.done*100, 'f', 2, 64) + "% done"
	if left, ok := remaining(cur.done, cur.start.Time, now); ok {
		s += "; ETC: " + now.Add(time.Duration(left*float64(time.Second))).In(loc).Format("15:04") +
			" (" + clockDuration(left) + " remaining)"
	}
	return s + "; " + tail + ", " + strconv.Itoa(cur.start.Hosts) + " undergoing"
}

// remaining is nmap's estimate of a phase's seconds left, rounded: the time used so far
// scaled by what is left; none under 1% done.
func remaining(done float64, begin, now time.Time) (float64, bool) {
	if done < 0.01 || done > 1 || math.IsNaN(done) {
		return 0, false
	}
	used := float64(now.Sub(begin).Milliseconds()) / 1000
	return used/done - used + 0.5, true
}
