package portscan

import (
	"context"
	"errors"
	"os"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// DefaultFDReserve is how many file descriptors the scanner leaves free for version detection,
// output files and the runtime when it sizes its socket pool.
const DefaultFDReserve = 256

// maxSockets caps the socket pool even when the file limit is huge: the kernel's ephemeral port
// range (28k by default on Linux) bounds useful connects in flight to one address anyway.
const maxSockets = 16384

// RaiseFDLimit raises the soft RLIMIT_NOFILE to the hard limit where allowed and returns the
// resulting soft limit. (Go's os package does the same at start-up since Go 1.19; calling it
// again is harmless and covers limits lowered later.)
func RaiseFDLimit() (uint64, error) {
	var rl unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_NOFILE, &rl); err != nil {
		return 0, err
	}
	if rl.Cur < rl.Max {
		want := rl
		want.Cur = rl.Max
		if err := unix.Setrlimit(unix.RLIMIT_NOFILE, &want); err == nil {
			rl = want
		}
	}
	return rl.Cur, nil
}

// openFDs counts the process's open file descriptors (0 when /proc is unavailable).
func openFDs() int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return 0
	}
	return len(ents)
}

// socketBudget derives how many scan sockets may be open at once from the file limit:
// limit − already open − reserve, falling back to half of what is free when the reserve does not
// fit (a process limited to 256 files still scans, just with fewer sockets in flight).
func socketBudget(reserve int) int {
	soft, err := RaiseFDLimit()
	if err != nil || soft > 1<<30 {
		soft = 1 << 30
	}
	free := int(soft) - openFDs()
	budget := free - reserve
	if budget < free/2 {
		budget = free / 2
	}
	return min(max(budget, 1), maxSockets, raceMaxSockets)
}

// isBackPressure reports errors that mean "no socket/port available right now": file table
// full, ephemeral ports exhausted or kernel memory short. The attempt is repeated later and does
// not count as a try.
func isBackPressure(err error) bool {
	var en syscall.Errno
	if !errors.As(err, &en) {
		return false
	}
	switch en {
	case unix.EMFILE, unix.ENFILE, unix.ENOBUFS, unix.ENOMEM, unix.EADDRNOTAVAIL, unix.EAGAIN:
		return true
	}
	return false
}

// fdGate limits sockets open at once. Its limit shrinks to what was open when a socket call hit
// back-pressure and grows back by one after every `limit` clean attempts (AIMD). Waiters are
// served in FIFO order, one per freed slot.
type fdGate struct {
	mu        sync.Mutex
	max       int
	limit     int
	inUse     int
	successes int
	waiters   []chan struct{}
}

func newFDGate(n int) *fdGate {
	return &fdGate{max: n, limit: n}
}

func (g *fdGate) acquire(ctx context.Context) error {
	g.mu.Lock()
	if g.inUse < g.limit && len(g.waiters) == 0 {
		g.inUse++
		g.mu.Unlock()
		return nil
	}
	ch := make(chan struct{})
	g.waiters = append(g.waiters, ch)
	g.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		g.mu.Lock()
		select {
		case <-ch: // granted meanwhile: hand the slot back
			g.inUse--
			g.grantLocked()
		default:
			for i, w := range g.waiters {
				if w == ch {
					g.waiters = append(g.waiters[:i], g.waiters[i+1:]...)
					break
				}
			}
		}
		g.mu.Unlock()
		return ctx.Err()
	}
}

// tryAcquire takes a slot if one is free and nobody waits for one.
func (g *fdGate) tryAcquire() bool {
	g.mu.Lock()
	ok := g.inUse < g.limit && len(g.waiters) == 0
	if ok {
		g.inUse++
	}
	g.mu.Unlock()
	return ok
}

// held is the number of slots taken.
func (g *fdGate) held() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.inUse
}

// release returns a slot; pressure says the attempt failed for lack of a descriptor or port.
func (g *fdGate) release(pressure bool) {
	g.mu.Lock()
	g.inUse--
	if pressure {
		g.limit = max(1, min(g.limit, g.inUse))
		g.successes = 0
	} else if g.limit < g.max {
		g.successes++
		if g.successes >= g.limit {
			g.limit++
			g.successes = 0
		}
	}
	g.grantLocked()
	g.mu.Unlock()
}

func (g *fdGate) grantLocked() {
	for g.inUse < g.limit && len(g.waiters) > 0 {
		ch := g.waiters[0]
		g.waiters = g.waiters[1:]
		g.inUse++
		close(ch)
	}
}

// backoffDelay is the n-th wait after back-pressure: 1 ms doubling to 100 ms.
func backoffDelay(n int) time.Duration {
	return min(time.Millisecond<<min(n, 7), 100*time.Millisecond)
}

// maxPressureRetries bounds the retries of one probe after back-pressure or a self-connect:
// about 10 minutes of 100 ms waits.
const maxPressureRetries = 6000

// backoff sleeps after back-pressure: 1 ms doubling to 100 ms. It returns false when ctx ends.
func backoff(ctx context.Context, n int) bool {
	t := time.NewTimer(backoffDelay(n))
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
