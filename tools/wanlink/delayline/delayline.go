// Package delayline forwards frames between two ports with a fixed one-way
// delay and random loss: the engine of the wanlink command, kept apart from
// its packet sockets so that it can be tested over in-memory ports.
package delayline

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// Port reads and writes whole frames. ReadFrame blocks until a frame arrives
// or the port is closed; it returns the frame's length.
type Port interface {
	ReadFrame(buf []byte) (int, error)
	WriteFrame(frame []byte) error
	Close() error
}

// Config is the link's character, the same in both directions.
type Config struct {
	Delay time.Duration // one way
	Loss  float64       // probability that a frame is dropped
	Seed  int64         // seed of the loss draws (each direction its own stream)
	// Queue bounds the frames in flight per direction; a frame arriving at a
	// full queue is dropped, as a router's full buffer drops it. 0 means 65536.
	Queue int
}

// Stats counts one direction's frames.
type Stats struct {
	Read, Sent, Lost, Overflow, Errors uint64
}

func (s Stats) String() string {
	return fmt.Sprintf("read %d sent %d lost %d overflow %d errors %d", s.Read, s.Sent, s.Lost, s.Overflow, s.Errors)
}

type counters struct{ read, sent, lost, overflow, errors atomic.Uint64 }

func (c *counters) snapshot() Stats {
	return Stats{c.read.Load(), c.sent.Load(), c.lost.Load(), c.overflow.Load(), c.errors.Load()}
}

type frame struct {
	due  time.Time
	data []byte
}

// Join forwards a→b and b→a until ctx is done, then closes both ports and
// returns the counters of each direction (a→b first).
func Join(ctx context.Context, a, b Port, cfg Config) [2]Stats {
	var c [2]counters
	var wg sync.WaitGroup
	wg.Go(func() { forward(ctx, a, b, cfg, uint64(cfg.Seed)*2, &c[0]) })
	wg.Go(func() { forward(ctx, b, a, cfg, uint64(cfg.Seed)*2+1, &c[1]) })
	<-ctx.Done()
	a.Close()
	b.Close()
	wg.Wait()
	for _, p := range []Port{a, b} {
		if r, ok := p.(interface{ Release() }); ok {
			r.Release()
		}
	}
	return [2]Stats{c[0].snapshot(), c[1].snapshot()}
}

// forward reads frames from src and sends each one on dst at its due time.
func forward(ctx context.Context, src, dst Port, cfg Config, seed uint64, c *counters) {
	size := cfg.Queue
	if size <= 0 {
		size = 65536
	}
	q := make(chan frame, size)
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTimer(time.Hour)
		defer t.Stop()
		for f := range q {
			if d := time.Until(f.due); d > 0 {
				t.Reset(d)
				select {
				case <-t.C:
				case <-ctx.Done():
					return
				}
			}
			if err := dst.WriteFrame(f.data); err != nil {
				c.errors.Add(1)
				continue
			}
			c.sent.Add(1)
		}
	})
	rng := rand.New(rand.NewPCG(seed, 0x5167_6e65_745f_7761))
	buf := make([]byte, 65536)
	for {
		n, err := src.ReadFrame(buf)
		if err != nil {
			break // closed
		}
		now := time.Now()
		c.read.Add(1)
		if cfg.Loss > 0 && rng.Float64() < cfg.Loss {
			c.lost.Add(1)
			continue
		}
		f := frame{due: now.Add(cfg.Delay), data: append([]byte(nil), buf[:n]...)}
		select {
		case q <- f:
		default:
			c.overflow.Add(1)
		}
	}
	close(q)
	wg.Wait()
}
