//go:build linux

package portscan

import (
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/signetscan/signet/portspec"
	"golang.org/x/sys/unix"
)

// A connect whose try timed out is not closed at once. Like nmap, which keeps a timed-out probe
// outstanding until it expires and still takes its answer, the socket moves to the host's late
// pool: the port is retried as usual, but if the kernel still gets the answer (a SYN-ACK or RST
// that came in after the timeout, or the answer to the kernel's own SYN retransmission one second
// later), the port reads open or closed from it instead of filtered. The pool is bounded in
// sockets (lateMax) and in time (lateWindow after the try started).
const (
	lateMax = 256
	// kernelSynRTO is Linux's first SYN retransmission timeout: a lost SYN or SYN-ACK is
	// recovered by the kernel after it, so a late window reaching past it sees that answer.
	kernelSynRTO = time.Second
)

// lateWindow is how long after its start a timed-out connect is kept: ten timeouts (nmap's
// probe expiry), and at least long enough for the kernel's SYN retransmission to be answered,
// at most ten seconds.
func lateWindow(timeout time.Duration) time.Duration {
	return min(max(10*timeout, kernelSynRTO+2*timeout), 10*time.Second)
}

type lateConn struct {
	port   uint16
	try    int
	start  time.Time
	expiry time.Time
}

// latePool holds a host's timed-out connects until they answer or expire. Lanes add to it; its
// own goroutine watches the sockets; the host goroutine takes the answers (take).
type latePool struct {
	s *Scanner

	mu      sync.Mutex
	socks   map[int32]lateConn
	got     []attemptResult
	stopped bool
	idle    chan struct{} // closed and replaced when the pool becomes empty

	answered [1024]atomic.Uint64 // ports that answered late: lanes skip them

	ep   *os.File
	epFD int
	rc   syscall.RawConn
	// evFD is an eventfd in the epoll set: keep and stop write to it to wake run (a new
	// socket may expire first; stop ends it). Being level-triggered, no wake-up is lost.
	evFD int
	done chan struct{}
}

func newLatePool(s *Scanner) *latePool {
	return &latePool{s: s, socks: map[int32]lateConn{}, idle: make(chan struct{}), evFD: -1}
}

func (p *latePool) isAnswered(port uint16) bool {
	return p.answered[port>>6].Load()&(1<<(port&63)) != 0
}

func (p *latePool) markAnswered(port uint16) {
	p.answered[port>>6].Or(1 << (port & 63))
}

// keep takes over fd (a connect in progress whose try timed out, already out of the lane's
// epoll set, holding a gate slot). It returns false if the pool is full or cannot watch it:
// the caller closes the socket then.
func (p *latePool) keep(fd int, port uint16, try int, start time.Time, timeout time.Duration) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped || len(p.socks) >= min(lateMax, max(1, p.s.gate.max/4)) {
		return false
	}
	if p.ep == nil {
		if err := p.open(); err != nil {
			return false
		}
	}
	ev := unix.EpollEvent{Events: unix.EPOLLOUT, Fd: int32(fd)}
	if unix.EpollCtl(p.epFD, unix.EPOLL_CTL_ADD, fd, &ev) != nil {
		return false
	}
	p.socks[int32(fd)] = lateConn{port: port, try: try, start: start, expiry: start.Add(lateWindow(timeout))}
	p.kick()
	return true
}

func (p *latePool) open() error {
	epfd, err := newEpoll()
	if err != nil {
		return err
	}
	evfd, err := unix.Eventfd(0, unix.EFD_NONBLOCK|unix.EFD_CLOEXEC)
	if err != nil {
		unix.Close(epfd)
		return err
	}
	ev := unix.EpollEvent{Events: unix.EPOLLIN, Fd: int32(evfd)}
	if err := unix.EpollCtl(epfd, unix.EPOLL_CTL_ADD, evfd, &ev); err != nil {
		unix.Close(evfd)
		unix.Close(epfd)
		return err
	}
	f := os.NewFile(uintptr(epfd), "epoll")
	rc, err := f.SyscallConn()
	if err != nil {
		unix.Close(evfd)
		f.Close()
		return err
	}
	p.ep, p.rc, p.epFD, p.evFD = f, rc, epfd, evfd
	p.done = make(chan struct{})
	go p.run()
	return nil
}

// run watches the pool's sockets until stop.
func (p *latePool) run() {
	defer close(p.done)
	evs := make([]unix.EpollEvent, 64)
	for {
		p.mu.Lock()
		if p.stopped {
			p.mu.Unlock()
			return
		}
		var until time.Time
		for _, c := range p.socks {
			if until.IsZero() || c.expiry.Before(until) {
				until = c.expiry
			}
		}
		p.mu.Unlock()
		if until.IsZero() {
			until = time.Now().Add(time.Hour)
		}
		_ = p.ep.SetReadDeadline(until)
		n := 0
		_ = p.rc.Read(func(fd uintptr) bool {
			var err error
			n, err = unix.EpollWait(int(fd), evs, 0)
			if err != nil {
				n = 0
				return err != unix.EINTR
			}
			return n > 0
		})
		now := time.Now()
		p.mu.Lock()
		for _, ev := range evs[:n] {
			if int(ev.Fd) == p.evFD {
				var b [8]byte
				_, _ = unix.Read(p.evFD, b[:]) // reset the counter
				continue
			}
			c, ok := p.socks[ev.Fd]
			if !ok {
				continue
			}
			fd := int(ev.Fd)
			soerr, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ERROR)
			if err == nil && soerr != 0 {
				err = syscall.Errno(soerr)
			}
			var out outcome
			switch {
			case err == nil && selfConnected(fd):
			case err == nil || establishedThenReset(err):
				out = outcome{state: Open, reason: ReasonSynAck, final: true}
			case isBackPressure(err):
			default:
				out = classify(portspec.TCP, err)
			}
			if out.final {
				out.rtt = now.Sub(c.start)
				p.markAnswered(c.port)
				p.got = append(p.got, attemptResult{port: c.port, try: c.try, out: out, late: true})
			}
			p.dropLocked(fd)
		}
		for fd, c := range p.socks {
			if !c.expiry.After(now) {
				p.dropLocked(int(fd))
			}
		}
		p.mu.Unlock()
	}
}

func (p *latePool) dropLocked(fd int) {
	_ = unix.EpollCtl(p.epFD, unix.EPOLL_CTL_DEL, fd, nil)
	delete(p.socks, int32(fd))
	unix.Close(fd)
	p.s.gate.release(false)
	if len(p.socks) == 0 {
		close(p.idle)
		p.idle = make(chan struct{})
	}
}

// take returns the late answers so far.
func (p *latePool) take() []attemptResult {
	p.mu.Lock()
	defer p.mu.Unlock()
	got := p.got
	p.got = nil
	return got
}

// settle waits until the pool holds no socket for any of ports (each answered or expired),
// until deadline, or until done closes.
func (p *latePool) settle(ports []uint16, deadline time.Time, done <-chan struct{}) {
	want := map[uint16]bool{}
	for _, port := range ports {
		want[port] = true
	}
	for {
		p.mu.Lock()
		waiting := false
		for _, c := range p.socks {
			if want[c.port] {
				waiting = true
				break
			}
		}
		idle := p.idle
		p.mu.Unlock()
		if !waiting || !time.Now().Before(deadline) {
			return
		}
		// Poll: the pool changes when a socket answers or expires.
		t := time.NewTimer(5 * time.Millisecond)
		select {
		case <-idle:
		case <-t.C:
		case <-done:
			t.Stop()
			return
		}
		t.Stop()
	}
}

// stop closes every socket of the pool and ends its goroutine.
func (p *latePool) stop() {
	p.mu.Lock()
	p.stopped = true
	for fd := range p.socks {
		p.dropLocked(int(fd))
	}
	ep := p.ep
	if ep != nil {
		p.kick()
	}
	p.mu.Unlock()
	if ep != nil {
		<-p.done
		ep.Close()
		unix.Close(p.evFD)
	}
}

// kick wakes run: it adds to the eventfd's counter (any non-zero 8-byte value does).
func (p *latePool) kick() {
	one := [8]byte{1}
	_, _ = unix.Write(p.evFD, one[:])
}
