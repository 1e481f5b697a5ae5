package detect

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signetscan/signet/serve"
)

// TestEvidence replays every recorded case: a loopback server answers
// each request the detector sends with the recorded reply (a request that
// was not recorded fails the test), and the answer after the detector
// must be the recorded one — nmap's, on the real server.
func TestEvidence(t *testing.T) {
	files, err := filepath.Glob("testdata/evidence/*/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no evidence: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(filepath.Dir(f))+"/"+filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			e := loadEvidence(t, f)
			d := Named(filepath.Base(filepath.Dir(f)))
			if d == nil {
				t.Fatalf("%s: no detector named like its folder", f)
			}
			res, others, rewalk := replay(t, d, e)
			got := Describe(res)
			if rewalk {
				got["rewalk"] = "yes"
			}
			if got.String() != e.Expect.String() {
				t.Errorf("answer\n got  %s\n want %s", got, e.Expect)
			}
			var gotOthers []string
			for _, o := range others {
				gotOthers = append(gotOthers, otherFields(o).String())
			}
			var wantOthers []string
			for _, o := range e.Others {
				wantOthers = append(wantOthers, o.String())
			}
			if strings.Join(gotOthers, "\n") != strings.Join(wantOthers, "\n") {
				t.Errorf("other ports\n got\n  %s\n want\n  %s", strings.Join(gotOthers, "\n  "), strings.Join(wantOthers, "\n  "))
			}
		})
	}
}

func otherFields(o PortName) Fields {
	f := Fields{"port": strconv.Itoa(o.Number) + "/" + o.Proto, "name": o.Name, "version": o.Version, "extrainfo": o.Info}
	if o.Force {
		f["force"] = "yes"
	}
	return f
}

// TestEveryDetectorHasEvidence: adding a detector to Table needs its
// evidence folder with at least one recorded case.
func TestEveryDetectorHasEvidence(t *testing.T) {
	names := map[string]bool{}
	for _, d := range Table {
		if names[d.Name()] {
			t.Errorf("two detectors named %s", d.Name())
		}
		names[d.Name()] = true
		files, _ := filepath.Glob(filepath.Join("testdata/evidence", d.Name(), "*.txt"))
		if len(files) == 0 {
			t.Errorf("detector %s has no evidence in testdata/evidence/%s/", d.Name(), d.Name())
		}
		if len(d.Sets()) == 0 {
			t.Errorf("detector %s sets nothing", d.Name())
		}
	}
	dirs, _ := filepath.Glob("testdata/evidence/*")
	for _, dir := range dirs {
		if !names[filepath.Base(dir)] {
			t.Errorf("evidence folder %s names no detector of Table", dir)
		}
	}
}

func loadEvidence(t *testing.T, path string) *evidence {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ParseEvidence(path, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	// The text form reads back to itself.
	var comments []string
	for _, line := range strings.Split(string(data), "\n") {
		if c, ok := strings.CutPrefix(line, "# "); ok {
			comments = append(comments, c)
		}
	}
	if again, err := ParseEvidence(path, bytes.NewReader(e.Format(comments))); err != nil || fmt.Sprint(again) != fmt.Sprint(e) {
		t.Errorf("evidence does not read back the same after Format: %v", err)
	}
	// The replay's clock is the day the case was recorded (noon UTC).
	for _, c := range comments {
		if _, rest, ok := strings.Cut(c, "recorded "); ok && len(rest) >= 10 {
			if d, err := time.Parse("2006-01-02", rest[:10]); err == nil {
				return &evidence{Evidence: e, recorded: d.Add(12 * time.Hour)}
			}
		}
	}
	return &evidence{Evidence: e, recorded: time.Now()}
}

// evidence is a recorded case and the day it was recorded.
type evidence struct {
	*Evidence
	recorded time.Time
}

// replay runs d against a loopback server that plays e's exchanges, on
// the port e describes, and returns the answer and the other ports named.
func replay(t *testing.T, d Detector, e *evidence) (*Service, []PortName, bool) {
	t.Helper()
	addr := serveEvidence(t, e.Evidence)
	svc := e.Before.Service()
	p := &Port{Addr: netip.MustParseAddr(e.Addr), Number: e.Port, Proto: e.Proto, Intensity: 7, Service: svc,
		Replies: e.Replies, Hard: e.Hard, Replied: len(e.Replies) > 0, Outcome: "nomatch"}
	if e.Hard {
		p.Outcome = "matched"
	}
	env := &Env{
		Now:   func() time.Time { return e.recorded },
		Wait:  2 * time.Second,
		Trace: func(format string, args ...any) { t.Logf(format, args...) },
		Dial: func(ctx context.Context, ssl bool) (net.Conn, error) {
			if ssl != (e.TLS != "") {
				return nil, fmt.Errorf("ssl %v: the evidence's server speaks TLS %q", ssl, e.TLS)
			}
			if e.Via != "" {
				return nil, fmt.Errorf("the evidence's exchanges are over %s", e.Via)
			}
			var dl net.Dialer
			c, err := dl.DialContext(ctx, e.Proto, addr)
			if err != nil || !ssl {
				return c, err
			}
			tc := tls.Client(c, &tls.Config{InsecureSkipVerify: true})
			if err := tc.HandshakeContext(ctx); err != nil {
				c.Close()
				return nil, err
			}
			return tc, nil
		},
		DialUDP: func(ctx context.Context) (net.Conn, error) {
			if e.Via != "udp" && e.Proto != "udp" {
				return nil, fmt.Errorf("the evidence has no UDP exchanges")
			}
			var dl net.Dialer
			return dl.DialContext(ctx, "udp", addr)
		},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if !d.Rule().Wants(p) {
		t.Fatalf("%s does not want port %d/%s with %s", d.Name(), e.Port, e.Proto, e.Before)
	}
	res, err := Run(ctx, d, env, p)
	if err != nil {
		t.Fatalf("%s: %v", d.Name(), err)
	}
	if res == nil {
		return svc, nil, false
	}
	return res.Service, res.Others, res.Rewalk
}

// serveEvidence starts a loopback server answering e's requests with
// their replies until the test ends.
func serveEvidence(t *testing.T, e *Evidence) string {
	t.Helper()
	// answer finds req's reply: the first exchange of that request not
	// yet used on this connection (a session may send one request twice
	// and get two replies), else the first of that request.
	answer := func(req []byte, used map[int]bool) ([]byte, bool) {
		i := -1
		for j, x := range e.Exchanges {
			if !sameRequest(x.Request, req, e.XID, e.xidLen()) {
				continue
			}
			if i < 0 {
				i = j
			}
			if !used[j] {
				i = j
				break
			}
		}
		if i < 0 {
			return nil, false
		}
		if used != nil {
			used[i] = true
		}
		reply := append([]byte(nil), e.Exchanges[i].Reply...)
		if n := e.xidLen(); e.XID >= 0 && len(reply) >= e.XID+n && len(req) >= e.XID+n {
			copy(reply[e.XID:e.XID+n], req[e.XID:e.XID+n])
		}
		return reply, true
	}
	if e.Proto == "udp" || e.Via == "udp" {
		pc, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { pc.Close() })
		go func() {
			buf := make([]byte, 65536)
			for range 100 {
				n, from, err := pc.ReadFrom(buf)
				if err != nil {
					return
				}
				if reply, ok := answer(buf[:n], nil); ok {
					pc.WriteTo(reply, from)
				} else {
					t.Errorf("request not in the evidence: %q", buf[:n])
				}
			}
		}()
		return pc.LocalAddr().String()
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if e.TLS != "" {
		cert, err := serve.SelfSigned()
		if err != nil {
			t.Fatal(err)
		}
		min := uint16(tls.VersionTLS12)
		if e.TLS == "1.3" {
			min = tls.VersionTLS13
		}
		ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{*cert}, MinVersion: min})
	}
	// The banners are handed out in file order, one a connection, and
	// again from the first once all were sent: a detector that connects
	// twice (cccam-version's two trials) gets two recorded banners.
	var banners []int
	for i, x := range e.Exchanges {
		if len(x.Request) == 0 {
			banners = append(banners, i)
		}
	}
	var bannerMu sync.Mutex
	sent := 0
	nextBanner := func() (int, bool) {
		if len(banners) == 0 {
			return 0, false
		}
		bannerMu.Lock()
		defer bannerMu.Unlock()
		sent++
		return banners[(sent-1)%len(banners)], true
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Go(func() {
		for range 100 {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Go(func() {
				defer c.Close()
				c.SetDeadline(time.Now().Add(10 * time.Second))
				if tc, ok := c.(*tls.Conn); ok && tc.Handshake() != nil {
					return
				}
				// An exchange with an empty request (> "") is what the
				// server sends on connection, a banner; each connection
				// gets the next one (see Evidence).
				used := map[int]bool{}
				if i, ok := nextBanner(); ok {
					used[i] = true
					c.Write(e.Exchanges[i].Reply)
				}
				// Requests are answered one after the other on the
				// connection until the detector closes it.
				var got []byte
				buf := make([]byte, 65536)
				for total := 0; total < 1<<20; {
					n, err := c.Read(buf)
					got = append(got, buf[:n]...)
					total += n
					if reply, ok := answer(got, used); ok && len(got) > 0 {
						c.Write(reply)
						got = nil
						continue
					}
					if err != nil {
						if len(got) > 0 {
							t.Errorf("request not in the evidence: %q", got)
						}
						return
					}
				}
			})
		}
	})
	return ln.Addr().String()
}

// sameRequest compares requests, the transaction id at xid aside.
func sameRequest(rec, got []byte, xid, n int) bool {
	if len(rec) != len(got) {
		return false
	}
	if xid < 0 || len(rec) < xid+n {
		return bytes.Equal(rec, got)
	}
	return bytes.Equal(rec[:xid], got[:xid]) && bytes.Equal(rec[xid+n:], got[xid+n:])
}

// xidLen is the length of the transaction id (four unless given).
func (e *Evidence) xidLen() int {
	if e.XIDLen > 0 {
		return e.XIDLen
	}
	return 4
}
