//go:build linux

package portscan

import (
	"context"
	"net/netip"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"github.com/signetscan/signet/portspec"
	"golang.org/x/sys/unix"
)

// The connect-scan engine. A host's ports are handed out in chunks to a few lanes; each lane is
// one goroutine that drives non-blocking sockets itself:
//
//   - connect() on a non-blocking socket, then connect() again: on loopback and wherever the
//     kernel already has the answer (RST, SYN-ACK, ICMP error), the second call returns it, so
//     the port is done without any waiting, goroutine, channel or allocation;
//   - a socket whose connect was refused is used again for the next port: Linux resets a
//     refused socket (the second connect() disconnects it), so a closed port costs two
//     syscalls rather than socket, setsockopt, connect, connect, close;
//   - connects still in progress go into the lane's own epoll set, which the lane waits on
//     through Go's netpoller (the epoll descriptor is itself pollable), with the earliest
//     per-try deadline as read deadline.
//
// Results go back to the host goroutine in batches, which does the bookkeeping (RTT estimate,
// retries, scan delay, counts) and emits them. Every socket holds a slot of the scanner's fd gate.
const fastConnectSupported = true

const (
	laneChunk = 64  // ports a lane takes at once
	laneBatch = 256 // results per batch sent to the host goroutine
	// lanePorts is how many ports each lane beyond the first needs: small scans use one lane.
	lanePorts = 2048
)

// maxLanes caps the lanes of one host (further limited by GOMAXPROCS).
var maxLanes = 4

// connectRound runs one try over ports and calls handle (in the calling goroutine) for every
// port that was probed; ports left when the host's context ends get no call.
func (h *hostScan) connectRound(ports []uint16, try, par int, handle func(attemptResult)) {
	lanes := 1
	if h.delay == 0 && h.s.rate == nil {
		lanes = max(1, min(runtime.GOMAXPROCS(0), maxLanes, len(ports)/lanePorts, par))
	}
	h.curTimeout.Store(int64(h.rtt.Timeout()))
	h.curDelay.Store(int64(h.delay))
	r := &round{h: h, ports: ports, try: try,
		results: make(chan []attemptResult, 2*lanes),
		free:    make(chan []attemptResult, 2*lanes+2)}
	var wg sync.WaitGroup
	for i := range lanes {
		capacity := par / lanes
		if i < par%lanes {
			capacity++
		}
		wg.Go(func() { newLane(r, capacity).run() })
	}
	go func() {
		wg.Wait()
		close(r.results)
	}()
	for b := range r.results {
		for _, x := range b {
			handle(x)
		}
		h.curTimeout.Store(int64(h.rtt.Timeout()))
		h.curDelay.Store(int64(h.delay))
		clear(b)
		select {
		case r.free <- b[:0]:
		default:
		}
	}
}

// round is one try over a host's ports, shared by its lanes.
type round struct {
	h       *hostScan
	ports   []uint16
	try     int
	next    atomic.Int64 // index of the next chunk's first port
	results chan []attemptResult
	free    chan []attemptResult
}

type lane struct {
	r   *round
	h   *hostScan
	s   *Scanner
	ctx context.Context
	cap int // connects in flight at most

	family int
	raw4   unix.RawSockaddrInet4
	raw6   unix.RawSockaddrInet6
	rawPtr unsafe.Pointer // &raw4 or &raw6
	rawLen uintptr
	port   *[2]byte // the port field of the raw address (network byte order)

	chunk    []uint16 // ports taken, not yet started
	pressure int      // retries of chunk[0] after back-pressure or self-connect
	paced    bool     // chunk[0] has had its scan delay / rate-limit slot
	noReuse  bool
	spare    int // a refused socket, ready for the next connect; -1 if none

	// Connects in progress (lazily set up).
	ep     *os.File
	epFD   int
	rc     syscall.RawConn
	stopAF func() bool
	pend   map[int32]pendConn
	dl     deadlineHeap
	seq    uint32
	evs    []unix.EpollEvent

	out []attemptResult
}

type pendConn struct {
	port  uint16
	start time.Time
	seq   uint32
}

func newLane(r *round, capacity int) *lane {
	l := &lane{r: r, h: r.h, s: r.h.s, ctx: r.h.ctx, cap: max(1, capacity), spare: -1}
	family, sa := sockaddrOf(netip.AddrPortFrom(r.h.addr, 0))
	l.family = family
	switch sa := sa.(type) {
	case *unix.SockaddrInet4:
		l.raw4 = unix.RawSockaddrInet4{Family: unix.AF_INET, Addr: sa.Addr}
		l.rawPtr, l.rawLen = unsafe.Pointer(&l.raw4), unix.SizeofSockaddrInet4
		l.port = (*[2]byte)(unsafe.Pointer(&l.raw4.Port))
	case *unix.SockaddrInet6:
		l.raw6 = unix.RawSockaddrInet6{Family: unix.AF_INET6, Addr: sa.Addr, Scope_id: sa.ZoneId}
		l.rawPtr, l.rawLen = unsafe.Pointer(&l.raw6), unix.SizeofSockaddrInet6
		l.port = (*[2]byte)(unsafe.Pointer(&l.raw6.Port))
	}
	return l
}

// connect is connect(2) on the lane's non-blocking socket to port. It is a raw system call:
// a non-blocking connect never sleeps, so the goroutine keeps its P instead of going through
// the scheduler's syscall hand-off (which, at a few microseconds per call, keeps sysmon
// waking every 20 µs to look for Ps to retake).
func (l *lane) connect(fd int, port uint16) error {
	l.port[0], l.port[1] = byte(port>>8), byte(port)
	_, _, e := unix.RawSyscall(unix.SYS_CONNECT, uintptr(fd), uintptr(l.rawPtr), l.rawLen)
	if e != 0 {
		return e
	}
	return nil
}

// take refills chunk from the round; false when the round has no ports left.
func (l *lane) take() bool {
	i := int(l.r.next.Add(laneChunk)) - laneChunk
	if i >= len(l.r.ports) {
		return false
	}
	l.chunk = l.r.ports[i:min(i+laneChunk, len(l.r.ports))]
	return true
}

func (l *lane) run() {
	defer l.shutdown()
	exhausted := false
	for l.ctx.Err() == nil {
		for (len(l.pend) < l.cap || l.s.floor.behind()) && l.ctx.Err() == nil {
			if len(l.chunk) == 0 {
				if exhausted || !l.take() {
					exhausted = true
					break
				}
			}
			if l.h.late != nil && l.h.late.isAnswered(l.chunk[0]) {
				l.chunk, l.pressure, l.paced = l.chunk[1:], 0, false // a late answer read it
				continue
			}
			if !l.paced {
				if !l.pace() {
					return
				}
				l.paced = true // once per port, not again for its retries after back-pressure
			}
			port := l.chunk[0]
			st, out := l.start(port)
			if st == startDone || st == startPending {
				l.s.floor.add(1)
			}
			switch st {
			case startDone:
				l.result(port, out)
				fallthrough
			case startPending:
				l.chunk = l.chunk[1:]
				l.pressure, l.paced = 0, false
			case startRetry: // self-connect: try again at once with another source port
				if l.pressure++; l.pressure > maxPressureRetries {
					l.result(port, outcome{state: Filtered, reason: ReasonLocalError, err: errSelfConnect, final: true})
					l.chunk, l.pressure, l.paced = l.chunk[1:], 0, false
				}
			case startPressure: // no descriptor or local port: let sockets finish, then retry
				if l.pressure++; l.pressure > maxPressureRetries {
					l.result(port, outcome{state: Filtered, reason: ReasonLocalError, err: out.err, final: true})
					l.chunk, l.pressure, l.paced = l.chunk[1:], 0, false
					continue
				}
				l.wait(time.Now().Add(backoffDelay(l.pressure)))
			case startBusy: // every socket slot taken: wait for one of ours to finish
				l.wait(time.Time{})
			case startCancelled:
				return
			}
		}
		if len(l.pend) == 0 {
			if exhausted && len(l.chunk) == 0 {
				return
			}
			continue
		}
		var until time.Time
		if l.s.floor != nil && len(l.chunk) > 0 {
			until = time.Now().Add(time.Millisecond) // look again whether --min-rate wants a probe
		}
		l.wait(until)
	}
}

type startState int

const (
	startDone      startState = iota // the answer is in out
	startPending                     // the connect is in progress in the epoll set
	startRetry                       // probe the port again now
	startPressure                    // back-pressure: probe the port again later
	startBusy                        // no socket slot while connects are in progress
	startCancelled                   // the host's context ended
)

// start probes one port: connect() twice and return the answer if the kernel has it already,
// or add the connect to the epoll set.
func (l *lane) start(port uint16) (startState, outcome) {
	fd, reused := l.spare, l.spare >= 0
	l.spare = -1
	if fd < 0 {
		if !l.s.gate.tryAcquire() {
			if len(l.pend) > 0 {
				return startBusy, outcome{}
			}
			l.flush()
			if l.s.gate.acquire(l.ctx) != nil {
				return startCancelled, outcome{}
			}
		}
		var err error
		fd, err = unix.Socket(l.family, unix.SOCK_STREAM|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
		if err == nil {
			err = unix.SetsockoptLinger(fd, unix.SOL_SOCKET, unix.SO_LINGER, &unix.Linger{Onoff: 1, Linger: 0})
			if err != nil {
				unix.Close(fd)
			}
		}
		if err != nil {
			return l.failed(err, 0)
		}
	}
	t0 := time.Now()
	err := l.connect(fd, port)
	if reused && (err == nil || err == unix.EISCONN || err == unix.EALREADY) {
		// The refused socket was not reset as expected: never trust reuse again here.
		l.noReuse = true
		l.closeSocket(fd, false)
		return startRetry, outcome{}
	}
	if inProgress(err) {
		err = l.connect(fd, port) // the answer is often there already (always on loopback)
	}
	switch {
	case err == nil || err == unix.EISCONN || establishedThenReset(err):
		rtt := time.Since(t0)
		self := selfConnected(fd)
		l.closeSocket(fd, false)
		if self {
			return startRetry, outcome{}
		}
		return startDone, outcome{state: Open, reason: ReasonSynAck, rtt: rtt, final: true}
	case err == unix.ECONNREFUSED:
		rtt := time.Since(t0)
		if l.noReuse {
			l.closeSocket(fd, false)
		} else {
			l.spare = fd // keeps its gate slot
		}
		return startDone, outcome{state: Closed, reason: ReasonConnRefused, rtt: rtt, err: err, final: true}
	case inProgress(err):
		if err := l.watch(fd, port, t0); err != nil {
			unix.Close(fd) // abandons the connect; the port is probed again (pressure) or failed
			return l.failed(err, 0)
		}
		return startPending, outcome{}
	}
	unix.Close(fd)
	return l.failed(err, time.Since(t0))
}

// failed handles a socket call that failed at once; fd is closed, its gate slot still held.
func (l *lane) failed(err error, rtt time.Duration) (startState, outcome) {
	pressure := isBackPressure(err)
	l.s.gate.release(pressure)
	if pressure {
		l.s.backPressure.Add(1)
		return startPressure, outcome{err: err}
	}
	out := classify(portspec.TCP, err)
	out.rtt = rtt
	return startDone, out
}

func (l *lane) closeSocket(fd int, pressure bool) {
	unix.Close(fd)
	l.s.gate.release(pressure)
}

// watch adds a connect in progress to the epoll set, creating it on first use.
func (l *lane) watch(fd int, port uint16, t0 time.Time) error {
	if l.ep == nil {
		if err := l.openPoller(); err != nil {
			return err
		}
	}
	ev := unix.EpollEvent{Events: unix.EPOLLOUT, Fd: int32(fd)}
	if err := unix.EpollCtl(l.epFD, unix.EPOLL_CTL_ADD, fd, &ev); err != nil {
		return err
	}
	l.seq++
	l.pend[int32(fd)] = pendConn{port: port, start: t0, seq: l.seq}
	l.dl.push(dlEntry{at: t0.Add(time.Duration(l.h.curTimeout.Load())), fd: int32(fd), seq: l.seq})
	return nil
}

// newEpoll creates a close-on-exec epoll set in non-blocking mode, ready to be handed to Go's
// netpoller through os.NewFile.
func newEpoll() (int, error) {
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return -1, err
	}
	if err := unix.SetNonblock(epfd, true); err != nil {
		unix.Close(epfd)
		return -1, err
	}
	return epfd, nil
}

// openPoller creates the lane's epoll set and registers it with Go's netpoller. Its descriptor
// is not counted in the socket budget (a lane has one at most, and the budget's reserve covers
// them); running out of descriptors here is back-pressure like anywhere else.
func (l *lane) openPoller() error {
	epfd, err := newEpoll()
	if err != nil {
		return err
	}
	f := os.NewFile(uintptr(epfd), "epoll")
	rc, err := f.SyscallConn()
	if err != nil {
		f.Close()
		return err
	}
	// (f.Fd() would switch the descriptor to blocking mode: keep the number.)
	l.ep, l.rc, l.epFD = f, rc, epfd
	l.pend = map[int32]pendConn{}
	l.evs = make([]unix.EpollEvent, 128)
	l.stopAF = context.AfterFunc(l.ctx, func() { _ = f.SetReadDeadline(time.Unix(1, 0)) })
	return nil
}

// wait processes connects that finished or timed out, waiting until at least one did, until
// the earliest deadline, or until until (if not zero), whichever comes first.
func (l *lane) wait(until time.Time) {
	l.flush()
	if d, ok := l.dl.earliest(l.pend); ok && (until.IsZero() || d.Before(until)) {
		until = d
	}
	if len(l.pend) == 0 {
		if !until.IsZero() {
			_ = sleepUntil(l.ctx, until)
		}
		return
	}
	_ = l.ep.SetReadDeadline(until)
	if l.ctx.Err() != nil {
		return
	}
	n := 0
	_ = l.rc.Read(func(fd uintptr) bool {
		var err error
		n, err = unix.EpollWait(int(fd), l.evs, 0)
		if err != nil {
			n = 0
			return err != unix.EINTR
		}
		return n > 0
	})
	now := time.Now()
	for _, ev := range l.evs[:n] {
		p, ok := l.pend[ev.Fd]
		if !ok {
			continue
		}
		delete(l.pend, ev.Fd)
		fd := int(ev.Fd)
		rtt := now.Sub(p.start)
		soerr, err := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ERROR)
		if err == nil && soerr != 0 {
			err = syscall.Errno(soerr)
		}
		switch {
		case err == nil && selfConnected(fd):
			l.closeSocket(fd, false)
			l.requeue(p.port)
		case err == nil || establishedThenReset(err):
			l.closeSocket(fd, false)
			l.result(p.port, outcome{state: Open, reason: ReasonSynAck, rtt: rtt, final: true})
		case isBackPressure(err):
			l.closeSocket(fd, true)
			l.s.backPressure.Add(1)
			l.requeue(p.port)
		default:
			l.closeSocket(fd, false)
			out := classify(portspec.TCP, err)
			if out.final {
				out.rtt = rtt
			}
			l.result(p.port, out)
		}
	}
	// Tries without an answer in time.
	for {
		e, ok := l.dl.peek()
		if !ok || e.at.After(now) {
			break
		}
		l.dl.pop()
		p, ok := l.pend[e.fd]
		if !ok || p.seq != e.seq {
			continue
		}
		delete(l.pend, e.fd)
		if !l.keepLate(int(e.fd), p) {
			l.closeSocket(int(e.fd), false)
		}
		l.result(p.port, outcome{})
	}
}

// keepLate hands a timed-out connect to the host's late pool (it keeps its gate slot there).
func (l *lane) keepLate(fd int, p pendConn) bool {
	if l.h.late == nil {
		return false
	}
	if unix.EpollCtl(l.epFD, unix.EPOLL_CTL_DEL, fd, nil) != nil {
		return false
	}
	return l.h.late.keep(fd, p.port, l.r.try, p.start, time.Duration(l.h.curTimeout.Load()))
}

// requeue probes port again (not as a new try): after a self-connect or back-pressure.
func (l *lane) requeue(port uint16) {
	l.chunk = append([]uint16{port}, l.chunk...)
}

// pace waits for the host's scan delay (unless the scan is behind --min-rate) and the global
// rate limit, handling connects in progress meanwhile. It returns false when the host's context ended.
func (l *lane) pace() bool {
	var at time.Time
	if d := time.Duration(l.h.curDelay.Load()); d > 0 {
		l.h.paceMu.Lock()
		at = time.Now()
		if next := l.h.lastSend.Add(d); !l.h.lastSend.IsZero() && next.After(at) {
			at = next
		}
		l.h.lastSend = at
		l.h.paceMu.Unlock()
	}
	if l.s.rate != nil {
		if r := l.s.rate.reserve(); r.After(at) {
			at = r
		}
	}
	for !at.IsZero() && l.ctx.Err() == nil && time.Now().Before(at) {
		if l.s.floor.behind() {
			break // --min-rate wants the probe now
		}
		step := at
		if soon := time.Now().Add(time.Millisecond); l.s.floor != nil && soon.Before(at) {
			step = soon // --min-rate may want a probe sooner
		}
		l.wait(step)
	}
	return l.ctx.Err() == nil
}

func (l *lane) result(port uint16, out outcome) {
	if l.out == nil {
		select {
		case l.out = <-l.r.free:
		default:
			l.out = make([]attemptResult, 0, laneBatch)
		}
	}
	l.out = append(l.out, attemptResult{port: port, try: l.r.try, out: out})
	if len(l.out) == laneBatch {
		l.flush()
	}
}

func (l *lane) flush() {
	if len(l.out) > 0 {
		l.r.results <- l.out
		l.out = nil
	}
}

// shutdown closes every socket of the lane (connects still in progress are abandoned: the host
// context ended) and hands over the last results.
func (l *lane) shutdown() {
	for fd := range l.pend {
		l.closeSocket(int(fd), false)
	}
	clear(l.pend)
	if l.spare >= 0 {
		l.closeSocket(l.spare, false)
		l.spare = -1
	}
	if l.ep != nil {
		l.stopAF()
		l.ep.Close()
	}
	l.flush()
}

// deadlineHeap orders connects in progress by deadline. Entries of connects that finished stay
// until they come up (their seq no longer matches the pending connect on that descriptor).
type deadlineHeap []dlEntry

type dlEntry struct {
	at  time.Time
	fd  int32
	seq uint32
}

func (h *deadlineHeap) push(e dlEntry) {
	*h = append(*h, e)
	a := *h
	for i := len(a) - 1; i > 0; {
		p := (i - 1) / 2
		if !a[i].at.Before(a[p].at) {
			break
		}
		a[i], a[p] = a[p], a[i]
		i = p
	}
}

func (h *deadlineHeap) peek() (dlEntry, bool) {
	if len(*h) == 0 {
		return dlEntry{}, false
	}
	return (*h)[0], true
}

func (h *deadlineHeap) pop() {
	a := *h
	n := len(a) - 1
	a[0] = a[n]
	a = a[:n]
	for i := 0; ; {
		c := 2*i + 1
		if c >= n {
			break
		}
		if c+1 < n && a[c+1].at.Before(a[c].at) {
			c++
		}
		if !a[c].at.Before(a[i].at) {
			break
		}
		a[i], a[c] = a[c], a[i]
		i = c
	}
	*h = a
}

// earliest is the first deadline of a connect still pending; stale entries are dropped.
func (h *deadlineHeap) earliest(pend map[int32]pendConn) (time.Time, bool) {
	for {
		e, ok := h.peek()
		if !ok {
			return time.Time{}, false
		}
		if p, ok := pend[e.fd]; ok && p.seq == e.seq {
			return e.at, true
		}
		h.pop()
	}
}

// establishedThenReset reports an error a socket can only have after its
// connection was accepted: a server that accepts and resets at once (a
// tcpwrapper, run E2 in docs/nmap-behaviour.md) is open, as connect() succeeded for nmap -sT.
func establishedThenReset(err error) bool {
	return err == unix.ECONNRESET || err == unix.EPIPE || err == unix.ECONNABORTED
}
