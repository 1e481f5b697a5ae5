//go:build integration

package conformance

import (
	"bufio"
	"crypto/tls"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/signetscan/signet/serve"
)

// connLife bounds every fixture connection.
const connLife = 40 * time.Second

// tcpFixture is one loopback TCP behaviour of spec section 9.
type tcpFixture struct {
	banner    []byte
	tls       *tls.Config   // serve inside TLS (E5)
	closeNow  bool          // accept and close at once (E2 31997)
	reset     bool          // accept and reset at once
	lateClose time.Duration // never send, close after this long (E2 31995)
	// reply answers the first chunk of client data; nil keeps silent.
	reply func(got []byte) []byte
	// keepOpen leaves the connection open after a reply (else the fixture
	// half-closes, drains what the client still sends, and closes: a clean
	// EOF, never a reset that would make the fingerprint race-dependent, S8).
	keepOpen bool
}

// listenTCP listens on 127.0.0.1:preferred, or on a port the kernel picks
// when that one is taken.
func listenTCP(t *testing.T, preferred int) net.Listener {
	t.Helper()
	if preferred > 0 {
		if ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", preferred)); err == nil {
			return ln
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// startTCP serves f on a loopback port until the test ends and returns the port.
func startTCP(t *testing.T, preferred int, f tcpFixture) int {
	t.Helper()
	ln := listenTCP(t, preferred)
	var wg sync.WaitGroup
	var mu sync.Mutex
	conns := map[net.Conn]bool{}
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns[c] = true
			mu.Unlock()
			wg.Go(func() {
				f.handle(c)
				mu.Lock()
				delete(conns, c)
				mu.Unlock()
			})
		}
	})
	return ln.Addr().(*net.TCPAddr).Port
}

func (f *tcpFixture) handle(raw net.Conn) {
	defer raw.Close()
	raw.SetDeadline(time.Now().Add(connLife))
	if f.reset {
		raw.(*net.TCPConn).SetLinger(0)
		return
	}
	if f.closeNow {
		return
	}
	c := raw
	if f.tls != nil {
		tc := tls.Server(raw, f.tls)
		if err := tc.Handshake(); err != nil {
			return
		}
		c = tc
		defer tc.Close()
	}
	if len(f.banner) > 0 {
		if _, err := c.Write(f.banner); err != nil {
			return
		}
	}
	buf := make([]byte, 65536)
	if f.lateClose > 0 {
		c.SetReadDeadline(time.Now().Add(f.lateClose))
		for {
			if _, err := c.Read(buf); err != nil {
				return
			}
		}
	}
	for {
		n, err := c.Read(buf)
		if n > 0 && f.reply != nil {
			if _, werr := c.Write(f.reply(buf[:n])); werr != nil {
				return
			}
			if !f.keepOpen {
				closeClean(c)
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// closeClean ends a connection with FIN (close_notify inside TLS) after
// reading what the client still sends, so that it never turns into a reset.
func closeClean(c net.Conn) {
	if tc, ok := c.(*tls.Conn); ok {
		tc.Close()
		return
	}
	tcp := c.(*net.TCPConn)
	tcp.CloseWrite()
	tcp.SetReadDeadline(time.Now().Add(3 * time.Second))
	buf := make([]byte, 4096)
	for {
		if _, err := tcp.Read(buf); err != nil {
			return
		}
	}
}

// startUDP serves reply on a loopback UDP port (nil: read and never answer).
func startUDP(t *testing.T, preferred int, reply func([]byte) []byte) int {
	t.Helper()
	pc, err := net.ListenPacket("udp", fmt.Sprintf("127.0.0.1:%d", preferred))
	if err != nil {
		if pc, err = net.ListenPacket("udp", "127.0.0.1:0"); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { pc.Close(); wg.Wait() })
	wg.Go(func() {
		buf := make([]byte, 65536)
		for {
			n, addr, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			if reply != nil {
				pc.WriteTo(reply(buf[:n]), addr)
			}
		}
	})
	return pc.LocalAddr().(*net.UDPAddr).Port
}

// startServe runs `signet serve FP` on a loopback port until the test ends.
func startServe(t *testing.T, preferred int, fp, db string) int {
	t.Helper()
	port := preferred
	if ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
		ln.Close()
	} else {
		ln := listenTCP(t, 0)
		port = ln.Addr().(*net.TCPAddr).Port
		ln.Close()
	}
	cmd := exec.Command(signetBin, "serve", "--quiet", "--versiondb", db, "--listen", fmt.Sprintf("127.0.0.1:%d", port), fp)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	ready := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(out).ReadString('\n')
		ready <- line
	}()
	select {
	case line := <-ready:
		if !strings.HasPrefix(line, "serving ") {
			t.Fatalf("signet serve: %q", line)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("signet serve did not start")
	}
	return port
}

// selfSigned is the certificate of the TLS fixtures.
func selfSigned(t *testing.T) *tls.Config {
	t.Helper()
	cert, err := serve.SelfSigned()
	if err != nil {
		t.Fatal(err)
	}
	return &tls.Config{Certificates: []tls.Certificate{*cert}}
}

// writeProbes writes a signature file of the test's own.
func writeProbes(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// errReply answers "ERR <bytes received>\r\n" (E2 31999).
func errReply(got []byte) []byte { return []byte("ERR " + strconv.Itoa(len(got)) + "\r\n") }

// fixed returns a reply func that always sends s.
func fixed(s string) func([]byte) []byte { return func([]byte) []byte { return []byte(s) } }

// chargen is 2000 bytes of RFC 864 character generator output (E2 31998),
// from the third line on: the first two would match other chargen lines of
// nmap's file (line 321 "Linux chargen", 325 without product) before 327.
func chargen() []byte {
	var b []byte
	for line := 2; len(b) < 2000; line++ {
		for i := 0; i < 72; i++ {
			b = append(b, byte(' '+(line+i)%95))
		}
		b = append(b, '\r', '\n')
	}
	return b[:2000]
}

// binaryBanner is the 76 test bytes of E2 31999 / F4.
func binaryBanner() []byte {
	var b []byte
	for i := 0; i < 0x20; i++ {
		b = append(b, byte(i))
	}
	b = append(b, " !\"#$%&'ABC \"q\" (x) [y] $^|*+.?\\ end\x7f\x80\xff\x0012\x00Z"...)
	return b
}
