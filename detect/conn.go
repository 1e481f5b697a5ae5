package detect

import (
	"context"
	"net"
	"time"
)

// waitConn is a connection whose every read and write waits at most
// Env.Wait, and none past the detector's context.
type waitConn struct {
	net.Conn
	ctx  context.Context
	wait time.Duration
	stop func() bool
}

// dialWait dials the port (env.Dial) and bounds each exchange on the
// connection by env.Wait and by ctx.
func dialWait(ctx context.Context, env *Env, ssl bool) (*waitConn, error) {
	c, err := env.Dial(ctx, ssl)
	if err != nil {
		return nil, err
	}
	w := &waitConn{Conn: c, ctx: ctx, wait: env.Wait}
	if w.wait <= 0 {
		w.wait = 5 * time.Second
	}
	w.stop = context.AfterFunc(ctx, func() { c.SetDeadline(time.Unix(1, 0)) })
	return w, nil
}

func (w *waitConn) arm() error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	return w.Conn.SetDeadline(time.Now().Add(w.wait))
}

func (w *waitConn) Read(b []byte) (int, error) {
	if err := w.arm(); err != nil {
		return 0, err
	}
	return w.Conn.Read(b)
}

func (w *waitConn) Write(b []byte) (int, error) {
	if err := w.arm(); err != nil {
		return 0, err
	}
	return w.Conn.Write(b)
}

func (w *waitConn) Close() error {
	w.stop()
	return w.Conn.Close()
}
