// Command detectrecord records a detector's evidence from a real server
// on loopback: the signature walk's answer, what the detector exchanged, and the answer after it.
//
//	detectrecord -detector rpcinfo -target 127.0.0.1:111/udp -o detect/testdata/evidence/rpcinfo/rpcbind-udp.txt \
//	    -comment "rpcbind 1.2.6 (Debian 12) with rpc.mountd and rpc.statd"
//
// It scans the port with nmap's signature file and nmap's timing, runs
// only that detector, and writes the evidence file (detect.Evidence). The
// "expect" line is signet's answer: compare it with nmap's on the same
// server before committing, and say so in a comment.
package main

import (
	"context"
	"crypto/tls"
	"flag"
	"fmt"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/signetscan/signet/detect"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/versiondb"
	"github.com/signetscan/signet/vscan"
)

type comments []string

func (c *comments) String() string     { return strings.Join(*c, "; ") }
func (c *comments) Set(s string) error { *c = append(*c, s); return nil }

func main() {
	name := flag.String("detector", "", "detector name (see detect.Table)")
	target := flag.String("target", "", "loopback ADDR:PORT/tcp or /udp")
	out := flag.String("o", "", "evidence file to write (default stdout)")
	db := flag.String("versiondb", "nmap", "signature file: nmap, embedded or a path")
	xid := flag.Int("xid", -1, "offset of a transaction id in requests and replies (rpcinfo: 4 over TCP, 0 over UDP)")
	service := flag.String("service", "", "use these fields (name=... product=... [hard]) as the signature walk's answer when\nnmap's own walk answers otherwise than ours on this server (a race); say why in a comment")
	xidLen := flag.Int("xidlen", 4, "length of the transaction id (stun-version: 12, murmur-version: 8)")
	var cs comments
	flag.Var(&cs, "comment", "a comment line (repeatable)")
	flag.Parse()
	if err := run(*name, *target, *out, *db, *xid, *xidLen, *service, cs); err != nil {
		fmt.Fprintln(os.Stderr, "detectrecord:", err)
		os.Exit(1)
	}
}

func run(name, target, out, db string, xid, xidLen int, service string, cs comments) error {
	d := detect.Named(name)
	if d == nil {
		return fmt.Errorf("no detector %q", name)
	}
	addr, proto, ok := strings.Cut(target, "/")
	if !ok || (proto != "tcp" && proto != "udp") {
		return fmt.Errorf("target %q: want ADDR:PORT/tcp or /udp", target)
	}
	ap, err := netip.ParseAddrPort(addr)
	if err != nil || !ap.Addr().IsLoopback() {
		return fmt.Errorf("target %q: only loopback addresses are recorded", target)
	}
	opt := versiondb.Options{DB: db, NoDefaultOverlays: true}
	l, err := versiondb.Load(opt)
	if err != nil {
		return err
	}
	table, _, err := portspec.LoadTable(versiondb.NmapDirs(&opt))
	if err != nil {
		return err
	}
	rec := &recorder{Detector: d}
	if service != "" {
		e, err := detect.ParseEvidence("-service", strings.NewReader("port 1/tcp\nexpect\nservice "+service+"\n"))
		if err != nil {
			return err
		}
		rec.service, rec.hard = e.Before.Service(), e.Hard
	}
	t := vscan.Target{IP: ap.Addr(), Port: int(ap.Port()), Proto: probes.TCP, State: "open"}
	if proto == "udp" {
		t.Proto, t.State = probes.UDP, "open|filtered"
	}
	cfg := &vscan.Config{Matcher: matcher.New(l.DB), Intensity: 7, Timing: vscan.TimingNmap,
		Detectors: []detect.Detector{rec}, FPVersion: "signet", FPPlatform: "x86_64-pc-linux-gnu",
		Table: func(port int, p probes.Protocol) string {
			if p == probes.UDP {
				return table.Lookup(port, "udp")
			}
			return table.Lookup(port, "tcp")
		}}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	res := cfg.Scan(ctx, t)
	if rec.port == nil {
		return fmt.Errorf("the detector did not run on %s (its rule does not want the port)", target)
	}
	expect := detect.Describe(res.Service)
	if rec.service != nil {
		expect = rec.expect
	}
	e := &detect.Evidence{Port: t.Port, Proto: proto, Addr: ap.Addr().String(), Before: rec.before, Hard: rec.port.Hard,
		Replies: rec.port.Replies, Expect: expect, XID: xid, XIDLen: xidLen, Exchanges: rec.exchanges, Via: rec.via, TLS: rec.tls}
	for _, o := range res.Others {
		f := detect.Fields{"port": strconv.Itoa(o.Number) + "/" + o.Proto, "name": o.Name, "version": o.Version, "extrainfo": o.Info}
		if o.Force {
			f["force"] = "yes"
		}
		e.Others = append(e.Others, f)
	}
	cs = append(cs, fmt.Sprintf("recorded %s by tools/detectrecord -detector %s -target %s", time.Now().UTC().Format("2006-01-02"), name, target))
	text := e.Format(cs)
	if out == "" {
		_, err = os.Stdout.Write(text)
		return err
	}
	return os.WriteFile(out, text, 0o644)
}

// recorder runs a detector and keeps what it saw and exchanged.
type recorder struct {
	detect.Detector
	mu        sync.Mutex
	via       string          // "udp" once the detector used Env.DialUDP on a TCP port
	tls       string          // "1.2" once the detector spoke TLS 1.2 or later
	service   *detect.Service // -service: the walk's answer to use
	hard      bool
	expect    detect.Fields // the answer after the detector, with -service
	port      *detect.Port
	before    detect.Fields
	exchanges []detect.Exchange
}

// Rule is the detector's, or every port when the walk's answer is given.
func (r *recorder) Rule() detect.Rule {
	if r.service != nil {
		return detect.Rule{Any: true, Protos: r.Detector.Rule().Protos}
	}
	return r.Detector.Rule()
}

func (r *recorder) Detect(ctx context.Context, env *detect.Env, p *detect.Port) (*detect.Update, error) {
	if r.service != nil {
		q := *p
		q.Service, q.Hard, q.Replies = r.service, r.hard, nil
		p = &q
	}
	r.port, r.before = p, detect.Describe(p.Service)
	if r.service != nil {
		u, err := r.Detector.Detect(ctx, r.env(env, p), p)
		r.expect = detect.Describe(r.service)
		if u != nil {
			svc := *r.service
			r.expect = detect.Describe(detect.Apply(&svc, r.Detector.Name(), r.Detector.Sets(), u))
		}
		return u, err
	}
	return r.Detector.Detect(ctx, r.env(env, p), p)
}

// env wraps env's dialers to record the exchanges.
func (r *recorder) env(env *detect.Env, p *detect.Port) *detect.Env {
	e := *env
	e.Dial = func(ctx context.Context, ssl bool) (net.Conn, error) {
		c, err := env.Dial(ctx, ssl)
		if err != nil {
			return nil, err
		}
		if ssl {
			// The replay is Go's TLS server (evidence "tls 1.2"); an older
			// handshake cannot be replayed and is marked so.
			r.mu.Lock()
			if cs, ok := c.(interface{ ConnectionState() tls.ConnectionState }); ok && cs.ConnectionState().Version >= tls.VersionTLS12 {
				r.tls = "1.2"
			} else {
				r.exchanges = append(r.exchanges, detect.Exchange{Request: []byte("(TLS handshake before 1.2: not replayable)")})
			}
			r.mu.Unlock()
		}
		return &recConn{Conn: c, r: r}, nil
	}
	if env.DialUDP != nil {
		e.DialUDP = func(ctx context.Context) (net.Conn, error) {
			c, err := env.DialUDP(ctx)
			if err != nil {
				return nil, err
			}
			if p.Proto != "udp" {
				r.mu.Lock()
				r.via = "udp"
				r.mu.Unlock()
			}
			return &recConn{Conn: c, r: r}, nil
		}
	}
	return &e
}

type recConn struct {
	net.Conn
	r   *recorder
	cur int // index+1 of this connection's open exchange, 0 before any
}

// Write starts an exchange: its request, the replies read after it.
func (c *recConn) Write(b []byte) (int, error) {
	n, err := c.Conn.Write(b)
	c.r.mu.Lock()
	c.r.exchanges = append(c.r.exchanges, detect.Exchange{Request: append([]byte(nil), b[:n]...)})
	c.cur = len(c.r.exchanges)
	c.r.mu.Unlock()
	return n, err
}

// Read adds to the reply of the connection's open exchange; what the
// server sends before any request is an exchange with an empty request
// (> "" in the evidence: a banner, replayed on accept).
func (c *recConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	if n <= 0 {
		return n, err
	}
	c.r.mu.Lock()
	if c.cur == 0 {
		c.r.exchanges = append(c.r.exchanges, detect.Exchange{Request: []byte{}})
		c.cur = len(c.r.exchanges)
	}
	x := &c.r.exchanges[c.cur-1]
	x.Reply = append(x.Reply, b[:n]...)
	c.r.mu.Unlock()
	return n, err
}
