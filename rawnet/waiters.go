package rawnet

import (
	"net/netip"
	"slices"
	"sync"
)

// Waiters holds who waits for answers from each address: the hosts a SYN scan or host
// discovery has in flight. Addresses are kept without zone and with IPv4-mapped IPv6 unmapped,
// the form a packet's source address is read in. It is safe for concurrent use.
type Waiters[T comparable] struct {
	mu sync.RWMutex
	m  map[netip.Addr][]T
}

func key(a netip.Addr) netip.Addr { return a.WithZone("").Unmap() }

// Add registers w as waiting for answers from addr.
func (ws *Waiters[T]) Add(addr netip.Addr, w T) {
	ws.mu.Lock()
	if ws.m == nil {
		ws.m = map[netip.Addr][]T{}
	}
	k := key(addr)
	ws.m[k] = append(ws.m[k], w)
	ws.mu.Unlock()
}

// Remove takes w off addr's waiters.
func (ws *Waiters[T]) Remove(addr netip.Addr, w T) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	k := key(addr)
	l := ws.m[k]
	if i := slices.Index(l, w); i >= 0 {
		l = slices.Delete(l, i, i+1)
	}
	if len(l) == 0 {
		delete(ws.m, k)
	} else {
		ws.m[k] = l
	}
}

// Each calls fn for every waiter of addr, under the read lock: fn must not block nor call
// Add or Remove.
func (ws *Waiters[T]) Each(addr netip.Addr, fn func(T)) {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	for _, w := range ws.m[key(addr)] {
		fn(w)
	}
}

// Len is how many addresses have waiters.
func (ws *Waiters[T]) Len() int {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	return len(ws.m)
}
