// Package serve replays a recorded fingerprint as a live service: the NULL
// reply as a banner, and for each probe payload received the reply recorded for it.
package serve

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/probes"
)

// Limits that keep a replayed service well-behaved.
const (
	maxPayload  = 64 << 10         // bytes read from a client before giving up
	idleTimeout = 30 * time.Second // silence after which a connection is closed
)

// Service is a fingerprint made ready to serve.
type Service struct {
	Proto   probes.Protocol
	SSL     bool   // the fingerprint was taken inside TLS (%T=SSL)
	Banner  []byte // the NULL probe's reply, sent on connect (TCP)
	replies []reply
}

type reply struct {
	probe   string
	payload []byte
	data    []byte
}

// New prepares fp for serving. Each recorded reply is keyed by the payload
// of the probe of that name in db (the signature file in use).
func New(db *probes.DB, fp *fingerprint.Fingerprint) (*Service, error) {
	s := &Service{Proto: probes.TCP, SSL: fp.SSL}
	if strings.EqualFold(fp.Proto, "UDP") {
		s.Proto = probes.UDP
	}
	var unknown []string
	for _, r := range fp.Responses {
		p := db.Probe(s.Proto, r.Probe)
		if p == nil && s.Proto == probes.TCP && db.Null != nil && db.Null.Name == r.Probe {
			p = db.Null
		}
		switch {
		case p == nil:
			unknown = append(unknown, r.Probe)
		case p.IsNull():
			if s.Banner == nil {
				s.Banner = r.Data
			}
		default:
			s.replies = append(s.replies, reply{probe: r.Probe, payload: p.Payload, data: r.Data})
		}
	}
	if len(unknown) > 0 && len(s.replies) == 0 && s.Banner == nil {
		return nil, fmt.Errorf("no probe of the signature file sends %s", strings.Join(unknown, ", "))
	}
	return s, nil
}

// lookup returns the recorded reply for a payload received so far, whether
// more bytes could still complete some payload, and the probe name.
func (s *Service) lookup(got []byte) (data []byte, probe string, ok, more bool) {
	for _, r := range s.replies {
		if bytes.Equal(got, r.payload) {
			return r.data, r.probe, true, false
		}
		if bytes.HasPrefix(r.payload, got) {
			more = true
		}
	}
	return nil, "", false, more
}

// Log receives one line per client event; nil discards.
type Log func(string)

// ServeTCP accepts connections on ln until ctx is done. With SSL set, cert
// must hold the certificate the tunnel presents.
func (s *Service) ServeTCP(ctx context.Context, ln net.Listener, cert *tls.Certificate, log Log) error {
	if s.SSL {
		if cert == nil {
			return errors.New("serve: a TLS certificate is needed for an SSL fingerprint")
		}
		ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{*cert}, MinVersion: tls.VersionTLS10})
	}
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		c, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.handle(ctx, c, log)
		}()
	}
}

func (s *Service) handle(ctx context.Context, c net.Conn, log Log) {
	defer c.Close()
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	say := func(f string, a ...any) {
		if log != nil {
			log(c.RemoteAddr().String() + " " + fmt.Sprintf(f, a...))
		}
	}
	sent := 0
	if len(s.Banner) > 0 {
		if _, err := c.Write(s.Banner); err != nil {
			return
		}
		sent = len(s.Banner)
		say("NULL: sent %d-byte banner", sent)
	}
	var got []byte
	buf := make([]byte, 4096)
	for len(got) < maxPayload {
		c.SetReadDeadline(time.Now().Add(idleTimeout))
		n, err := c.Read(buf)
		got = append(got, buf[:n]...)
		if n > 0 {
			data, probe, ok, more := s.lookup(got)
			if ok {
				// A recorded reply that starts with the banner was taken on a
				// connection where the banner had already arrived (S6).
				if sent > 0 && bytes.HasPrefix(data, s.Banner) {
					data = data[sent:]
				}
				c.Write(data)
				say("%s: sent %d bytes, closing", probe, len(data))
				return
			}
			if !more {
				say("unknown payload (%d bytes), closing", len(got))
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// ServeUDP answers datagrams on pc until ctx is done.
func (s *Service) ServeUDP(ctx context.Context, pc net.PacketConn, log Log) error {
	stop := context.AfterFunc(ctx, func() { pc.Close() })
	defer stop()
	buf := make([]byte, 65536)
	for {
		n, addr, err := pc.ReadFrom(buf)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		data, probe, ok, _ := s.lookup(buf[:n])
		if !ok {
			if log != nil {
				log(fmt.Sprintf("%s unknown %d-byte datagram", addr, n))
			}
			continue
		}
		pc.WriteTo(data, addr)
		if log != nil {
			log(fmt.Sprintf("%s %s: sent %d bytes", addr, probe, len(data)))
		}
	}
}
