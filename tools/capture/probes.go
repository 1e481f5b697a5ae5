package main

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"time"
)

// builtin payloads written from protocol knowledge. Names are lower case so
// they never collide with nmap's probe names (which are read at run time).
var builtin = map[string]func() ([]byte, error){
	"null":         func() ([]byte, error) { return nil, nil },
	"http-get":     lit("GET / HTTP/1.0\r\n\r\n"),
	"http-options": lit("OPTIONS / HTTP/1.0\r\n\r\n"),
	"http-get11":   lit("GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: signet-capture\r\nConnection: close\r\n\r\n"),
	"http-404":     lit("GET /nice%20ports%2C/Tri%6Eity.txt%2ebak HTTP/1.0\r\n\r\n"),
	"crlf2":        lit("\r\n\r\n"),
	"help":         lit("HELP\r\n"),
	"ehlo":         lit("EHLO\r\n"),
	"ehlo-host":    lit("EHLO signet.example\r\n"),
	"quit":         lit("QUIT\r\n"),
	"capa":         lit("CAPA\r\n"),
	"imap-capa":    lit("a1 CAPABILITY\r\n"),
	"feat":         lit("FEAT\r\n"),
	"stats":        lit("stats\r\n"),
	"version":      lit("version\r\n"),
	"redis-info":   lit("INFO\r\n"),
	"binary-junk":  lit("\x00\x01\x02\x03\xff\xfe\xfd\r\n"),
	"tls-hello":    clientHello,
	"irc-nick":     lit("NICK signet\r\nUSER signet 0 * :signet capture\r\n"),
	"xmpp-stream": lit("<?xml version='1.0'?><stream:stream to='signet.test' xmlns='jabber:client' " +
		"xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>"),
}

func lit(s string) func() ([]byte, error) { return func() ([]byte, error) { return []byte(s), nil } }

// recConn records the first write of a TLS client (its ClientHello) and
// fails every read, so the handshake stops right after.
type recConn struct {
	net.Conn
	buf bytes.Buffer
}

func (c *recConn) Write(p []byte) (int, error)      { c.buf.Write(p); return len(p), nil }
func (c *recConn) Read(p []byte) (int, error)       { return 0, errors.New("recorder") }
func (c *recConn) Close() error                     { return nil }
func (c *recConn) SetDeadline(time.Time) error      { return nil }
func (c *recConn) SetReadDeadline(time.Time) error  { return nil }
func (c *recConn) SetWriteDeadline(time.Time) error { return nil }
func (c *recConn) LocalAddr() net.Addr              { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)} }
func (c *recConn) RemoteAddr() net.Addr             { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)} }

// clientHello returns the ClientHello Go's crypto/tls sends for
// ServerName "localhost" (TLS 1.2 and 1.3 offered).
func clientHello() ([]byte, error) {
	rc := &recConn{}
	c := tls.Client(rc, &tls.Config{ServerName: "localhost", InsecureSkipVerify: true})
	_ = c.Handshake()
	if rc.buf.Len() == 0 {
		return nil, errors.New("no ClientHello recorded")
	}
	return rc.buf.Bytes(), nil
}

// loadNmapProbes reads the TCP probe strings of an nmap-service-probes file:
// lines `Probe TCP NAME q|...|` with C escapes.
func loadNmapProbes(path string) (map[string][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]byte{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "Probe TCP ") {
			continue
		}
		rest := strings.TrimPrefix(line, "Probe TCP ")
		sp := strings.IndexByte(rest, ' ')
		if sp < 0 {
			continue
		}
		name, q := rest[:sp], strings.TrimLeft(rest[sp+1:], " ")
		if len(q) < 3 || q[0] != 'q' {
			continue
		}
		d := q[1]
		end := strings.IndexByte(q[2:], d)
		if end < 0 {
			return nil, fmt.Errorf("%s: unterminated probe string for %s", path, name)
		}
		out[name] = unescapeC(q[2 : 2+end])
	}
	return out, sc.Err()
}

// unescapeC applies the probe-string escapes: \\ \0 \a \b \f \n \r \t \v
// \xHH; any other escaped byte stands for itself.
func unescapeC(s string) []byte {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b = append(b, c)
			continue
		}
		i++
		switch s[i] {
		case '0':
			b = append(b, 0)
		case 'a':
			b = append(b, 7)
		case 'b':
			b = append(b, 8)
		case 'f':
			b = append(b, 12)
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'v':
			b = append(b, 11)
		case 'x':
			if i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				b = append(b, hexVal(s[i+1])<<4|hexVal(s[i+2]))
				i += 2
			} else {
				b = append(b, 'x')
			}
		default:
			b = append(b, s[i])
		}
	}
	return b
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hexVal(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// payload resolves a probe name: a builtin (lower case) or an nmap TCP probe.
func payload(name string, nmap map[string][]byte) ([]byte, error) {
	if f, ok := builtin[name]; ok {
		return f()
	}
	if nmap != nil {
		if p, ok := nmap[name]; ok {
			return p, nil
		}
	}
	return nil, fmt.Errorf("unknown probe %q (builtins: lower-case names; nmap probes need -probes-file)", name)
}
