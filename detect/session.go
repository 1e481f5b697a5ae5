package detect

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// session is one connection of a detector's exchange (a waitConn: every
// write and read gets env.Wait, and ctx's end unblocks them), with helpers
// for reading framed replies.
type session struct {
	*waitConn
}

// dial opens a session to the port (inside TLS when ssl is set).
func dial(ctx context.Context, env *Env, ssl bool) (*session, error) {
	w, err := dialWait(ctx, env, ssl)
	if err != nil {
		return nil, err
	}
	return &session{w}, nil
}

func (s *session) write(b []byte) error {
	_, err := s.Write(b)
	return err
}

// readFull reads exactly n bytes, all within one wait.
func (s *session) readFull(n int) ([]byte, error) {
	if err := s.arm(); err != nil {
		return nil, err
	}
	b := make([]byte, n)
	_, err := io.ReadFull(s.Conn, b)
	return b, err
}

// read returns what the next read brings (at least a byte, at most max).
func (s *session) read(max int) ([]byte, error) {
	b := make([]byte, max)
	n, err := s.Read(b)
	if n > 0 {
		return b[:n], nil
	}
	if err == nil {
		err = errors.New("empty read")
	}
	return nil, err
}

// readUntil reads until done reports the bytes so far complete (or max
// bytes, or one wait, or the end of the stream): what arrived is returned
// with the error that stopped it.
func (s *session) readUntil(max int, done func([]byte) bool) ([]byte, error) {
	if err := s.arm(); err != nil {
		return nil, err
	}
	var got []byte
	buf := make([]byte, 4096)
	for len(got) < max {
		n, err := s.Conn.Read(buf[:min(len(buf), max-len(got))])
		got = append(got, buf[:n]...)
		if done(got) {
			return got, nil
		}
		if err != nil {
			return got, err
		}
	}
	return got, fmt.Errorf("reply over %d bytes", max)
}

// datagram sends req over a connected UDP socket and returns the first
// reply accept takes (up to 8 datagrams read, each within env.Wait).
func datagram(ctx context.Context, env *Env, req []byte, accept func([]byte) bool) ([]byte, error) {
	s, err := dial(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if err := s.write(req); err != nil {
		return nil, err
	}
	for range 8 {
		b, err := s.read(65536)
		if err != nil {
			return nil, err
		}
		if accept(b) {
			return b, nil
		}
	}
	return nil, errors.New("no reply to our request")
}

// be16 and be32 read big-endian numbers, 0 when b is short.
func be16(b []byte, off int) uint16 {
	if off < 0 || len(b) < off+2 {
		return 0
	}
	return binary.BigEndian.Uint16(b[off:])
}

func be32(b []byte, off int) uint32 {
	if off < 0 || len(b) < off+4 {
		return 0
	}
	return binary.BigEndian.Uint32(b[off:])
}

func le16(b []byte, off int) uint16 {
	if off < 0 || len(b) < off+2 {
		return 0
	}
	return binary.LittleEndian.Uint16(b[off:])
}

func le32(b []byte, off int) uint32 {
	if off < 0 || len(b) < off+4 {
		return 0
	}
	return binary.LittleEndian.Uint32(b[off:])
}
