package detect

import (
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// httpRule is when nmap's HTTP version scripts run (seen on nmap 7.93:
// http-server-header fires on 8080 whatever answered there, not on 8081
// unless its service is named like a web one): the ports and service
// names where HTTP is common, at intensity 7 and more.
var httpRule = Rule{
	Ports:        []int{80, 443, 631, 3872, 5800, 7080, 8000, 8080, 8088, 8180, 8443},
	Services:     []string{"http", "https", "ipp", "http-alt", "https-alt", "vnc-http", "oem-agent", "soap", "http-proxy", "caldav", "carddav", "webdav"},
	MinIntensity: 7,
}

// likelySSL: the HTTP ports and names where a table guess is tried over
// TLS first.
func likelySSL(p *Port) bool {
	return slices.Contains([]int{443, 8443}, p.Number) || p.Service.Name == "https" || p.Service.Name == "https-alt"
}

// exchange sends req and returns the service's first piece of reply, over
// TLS first when the port is known (or likely) to be TLS, else in clear
// first; the other way is tried when the first gives nothing. ssl reports
// which way answered.
func exchange(ctx context.Context, env *Env, p *Port, req []byte) (reply []byte, ssl bool, err error) {
	order := []bool{false, true}
	switch {
	case p.Service.Tunnel == "ssl":
		order = []bool{true, false}
	case p.Service.Conf > 6:
	case likelySSL(p):
		order = []bool{true, false}
	}
	for _, ssl := range order {
		reply, err = once(ctx, env, ssl, req)
		if err == nil {
			return reply, ssl, nil
		}
	}
	return nil, false, err
}

// once is one connection: req written, the first read returned (as nmap's
// scripts receive: whatever arrived first, at least a byte).
func once(ctx context.Context, env *Env, ssl bool, req []byte) ([]byte, error) {
	conn, err := env.Dial(ctx, ssl)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	conn.SetDeadline(time.Now().Add(env.Wait))
	if _, err := conn.Write(req); err != nil {
		return nil, err
	}
	buf := make([]byte, 4096)
	n, err := conn.Read(buf)
	if n > 0 {
		return buf[:n], nil
	}
	if err == nil {
		err = errors.New("empty read")
	}
	return nil, err
}

// isHTTPStatus reports whether b starts like an HTTP/1 status line with
// its three digits ("HTTP/1" then any byte, 0 or 1, a space, three
// digits), optionally requiring the first digit.
func isHTTPStatus(b []byte, first byte) bool {
	if len(b) < 12 || !bytes.HasPrefix(b, []byte("HTTP/1")) || (b[7] != '0' && b[7] != '1') || b[8] != ' ' {
		return false
	}
	for _, c := range b[9:12] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return first == 0 || b[9] == first
}

// header returns the value of the first line of b that starts (after a
// line feed) with name and a colon, case-insensitively: leading spaces
// and tabs skipped, the line's CR dropped. ok is false when no such line
// ends with a line feed.
func header(b []byte, name string) (value string, ok bool) {
	for i := 0; i < len(b); i++ {
		if b[i] != '\n' {
			continue
		}
		rest := b[i+1:]
		if len(rest) <= len(name) || !bytes.EqualFold(rest[:len(name)], []byte(name)) || rest[len(name)] != ':' {
			continue
		}
		v := rest[len(name)+1:]
		for len(v) > 0 && (v[0] == ' ' || v[0] == '\t') {
			v = v[1:]
		}
		end := bytes.IndexByte(v, '\n')
		if end < 0 {
			continue
		}
		v = v[:end]
		v = bytes.TrimSuffix(v, []byte("\r"))
		return string(v), true
	}
	return "", false
}

// httpResponse is one HTTP/1 response read whole: the head, and the body
// as Content-Length says, or to the end of the stream (at most limit).
type httpResponse struct {
	Status int
	Head   string
	Body   []byte
}

// httpRoundTrip sends req over a new connection (inside TLS when ssl is
// set) and reads one response.
func httpRoundTrip(ctx context.Context, env *Env, ssl bool, req []byte) (*httpResponse, error) {
	s, err := dial(ctx, env, ssl)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if err := s.write(req); err != nil {
		return nil, err
	}
	const limit = 256 << 10
	var head []byte
	var bodyLen int = -1
	got, err := s.readUntil(limit, func(b []byte) bool {
		i := bytes.Index(b, []byte("\r\n\r\n"))
		if i < 0 {
			return false
		}
		if head == nil {
			head = b[:i+4]
			if v, ok := header(head, "Content-Length"); ok {
				if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n >= 0 {
					bodyLen = n
				}
			}
		}
		return bodyLen >= 0 && len(b) >= len(head)+bodyLen
	})
	if head == nil || !isHTTPStatus(head, 0) {
		if err == nil {
			err = errors.New("not an HTTP response")
		}
		return nil, err
	}
	if bodyLen < 0 && err != nil && !errors.Is(err, io.EOF) {
		// no length: the body runs to the end of the stream
		if len(got) == len(head) {
			return nil, err
		}
	}
	status, _ := strconv.Atoi(string(head[9:12]))
	body := got[len(head):]
	if bodyLen >= 0 && len(body) > bodyLen {
		body = body[:bodyLen]
	}
	return &httpResponse{Status: status, Head: string(head), Body: body}, nil
}
