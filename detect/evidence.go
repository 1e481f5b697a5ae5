package detect

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/result"
)

// Evidence is one recorded case of a detector: the port as the signature
// walk left it, what the detector exchanged with a real server, and the
// answer nmap 7.93 gave on that server. The text form, one item a line:
//
//	# comments: the server, how it was captured, nmap's output
//	port 80/tcp
//	addr 127.0.0.1
//	service name=http product=nginx method=probed conf=10 hard
//	reply GetRequest "HTTP/1.1 200 OK\r\n..."      (fingerprint entries)
//	expect name=http product=nginx tunnel=ssl method=probed conf=10
//	other port=2049/tcp name=nfs version=3-4 extrainfo="RPC #100003"
//	xid 4                                            (see Evidence.XID)
//	tls 1.2                                          (see Evidence.TLS)
//	via udp                                          (see Evidence.Via)
//	> "GET / HTTP/1.0\r\n\r\n"                        (a request)
//	< "HTTP/1.1 301 Moved Permanently\r\n"            (its reply, in pieces)
//	> ""                                             (no request: what the
//	< "\x8f\x12..."                                  server sends on connection)
//
// Strings are Go-quoted; values of key=value pairs may be. The replay
// sends each new connection the next banner (> "") of the file, in file
// order, and starts over at the first once every one was sent: a file
// with one banner sends it on every connection, and a detector that
// connects twice to read a fresh banner each time (cccam-version) needs
// two.
type Evidence struct {
	Name    string // file name, for messages
	Port    int
	Proto   string
	Addr    string
	Before  Fields // service: the signature walk's answer
	Hard    bool   // service ... hard: a match line won
	Replies []fingerprint.Response
	Expect  Fields   // the answer after the detector
	Others  []Fields // other ports the detector names (with "port" set)
	// XID is an offset in requests and replies: the XIDLen bytes there
	// (four unless the line says "xid OFFSET:LENGTH") are a transaction id
	// the client chooses, copied from request to reply when replaying
	// (-1: none).
	XID, XIDLen int
	Exchanges   []Exchange
	// Via, "udp", says the exchanges go over UDP to the port of the same
	// number, whatever Proto is (Env.DialUDP: murmur-version on a TCP port).
	Via string
	// TLS, "1.2" or "1.3", says the server speaks only TLS from that
	// version on, the exchanges inside the tunnel; the replay is Go's TLS
	// server with a throw-away certificate.
	TLS string
}

// Exchange is one request and the server's reply.
type Exchange struct {
	Request, Reply []byte
}

// Fields are key=value pairs: name, product, version, extrainfo,
// hostname, ostype, devicetype, tunnel, method, conf, port.
type Fields map[string]string

// Service builds the service the fields describe.
func (f Fields) Service() *result.Service {
	s := &result.Service{Name: f["name"], Product: f["product"], Version: f["version"], Info: f["extrainfo"],
		Hostname: f["hostname"], OS: f["ostype"], Device: f["devicetype"], Tunnel: f["tunnel"], Method: f["method"]}
	s.Conf, _ = strconv.Atoi(f["conf"])
	if c := f["cpe"]; c != "" {
		s.CPE = strings.Fields(c)
	}
	return s
}

// Describe is the fields of svc as Fields (empty values left out).
func Describe(svc *result.Service) Fields {
	f := Fields{}
	if svc == nil {
		return f
	}
	for k, v := range map[string]string{"name": svc.Name, "product": svc.Product, "version": svc.Version,
		"extrainfo": svc.Info, "hostname": svc.Hostname, "ostype": svc.OS, "devicetype": svc.Device,
		"tunnel": svc.Tunnel, "method": svc.Method, "cpe": strings.Join(svc.CPE, " ")} {
		if v != "" {
			f[k] = v
		}
	}
	if svc.Conf != 0 {
		f["conf"] = strconv.Itoa(svc.Conf)
	}
	return f
}

// String writes the fields sorted by key, values quoted when needed.
func (f Fields) String() string {
	var keys []string
	for k := range f {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(' ')
		}
		v := f[k]
		if v == "" || strings.ContainsAny(v, " \"=\\") || strconv.Quote(v) != `"`+v+`"` {
			v = strconv.Quote(v)
		}
		b.WriteString(k + "=" + v)
	}
	return b.String()
}

// ParseEvidence reads the text form; errors are "name:line:col: what".
func ParseEvidence(name string, r io.Reader) (*Evidence, error) {
	e := &Evidence{Name: name, XID: -1, Proto: "tcp", Addr: "127.0.0.1"}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	line := 0
	errAt := func(col int, format string, args ...any) error {
		return fmt.Errorf("%s:%d:%d: %s", name, line, col, fmt.Sprintf(format, args...))
	}
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		key, rest, _ := strings.Cut(text, " ")
		col := len(key) + 2
		switch key {
		case "port":
			num, proto, ok := strings.Cut(rest, "/")
			n, err := strconv.Atoi(num)
			if !ok || err != nil || n < 1 || n > 65535 || (proto != "tcp" && proto != "udp") {
				return nil, errAt(col, "want port NUMBER/tcp or NUMBER/udp, not %q", rest)
			}
			e.Port, e.Proto = n, proto
		case "addr":
			e.Addr = rest
		case "via":
			if rest != "udp" {
				return nil, errAt(col, "want via udp, not %q", rest)
			}
			e.Via = rest
		case "tls":
			if rest != "1.2" && rest != "1.3" {
				return nil, errAt(col, "want tls 1.2 or tls 1.3, not %q", rest)
			}
			e.TLS = rest
		case "xid":
			off, length, hasLen := strings.Cut(rest, ":")
			n, err := strconv.Atoi(off)
			l := 4
			if hasLen {
				l, err = strconv.Atoi(length)
				if l == 4 {
					err = fmt.Errorf("four is the default")
				}
			}
			if err != nil || n < 0 || l < 1 || l > 64 || strings.TrimLeft(off, "0123456789") != "" || off != strconv.Itoa(n) {
				return nil, errAt(col, "want an offset, or OFFSET:LENGTH (1 to 64 bytes, not 4), not %q", rest)
			}
			e.XID, e.XIDLen = n, l
		case "service", "expect", "other":
			f, hard, err := parseFields(rest)
			if err != nil {
				return nil, errAt(col, "%v", err)
			}
			switch key {
			case "service":
				e.Before, e.Hard = f, hard
			case "expect":
				e.Expect = f
			default:
				e.Others = append(e.Others, f)
			}
		case "reply":
			probe, q, _ := strings.Cut(rest, " ")
			data, err := strconv.Unquote(q)
			if err != nil || probe == "" {
				return nil, errAt(col, "want reply PROBE \"quoted data\"")
			}
			e.Replies = append(e.Replies, fingerprint.Response{Probe: probe, Length: len(data), Data: []byte(data)})
		case ">", "<":
			data, err := strconv.Unquote(rest)
			if err != nil {
				return nil, errAt(col, "want a Go-quoted string: %v", err)
			}
			if key == ">" {
				e.Exchanges = append(e.Exchanges, Exchange{Request: []byte(data)})
			} else if len(e.Exchanges) == 0 {
				return nil, errAt(1, "a reply before any request")
			} else {
				x := &e.Exchanges[len(e.Exchanges)-1]
				x.Reply = append(x.Reply, data...)
			}
		default:
			return nil, errAt(1, "unknown item %q", key)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d:1: %v", name, line+1, err)
	}
	if e.Port == 0 || e.Before == nil || e.Expect == nil {
		return nil, fmt.Errorf("%s:%d:1: evidence needs port, service and expect lines", name, line)
	}
	return e, nil
}

// parseFields reads key=value pairs (values may be Go-quoted) and a bare
// "hard" flag.
func parseFields(s string) (Fields, bool, error) {
	f := Fields{}
	hard := false
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if rest, ok := strings.CutPrefix(s, "hard"); ok && (rest == "" || rest[0] == ' ') {
			hard, s = true, rest
			continue
		}
		key, rest, ok := strings.Cut(s, "=")
		if !ok || key == "" || strings.ContainsAny(key, " \"") {
			return nil, false, fmt.Errorf("want key=value, not %q", s)
		}
		var v string
		if strings.HasPrefix(rest, `"`) {
			q, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return nil, false, fmt.Errorf("bad quoted value of %s", key)
			}
			v, _ = strconv.Unquote(q)
			rest = rest[len(q):]
		} else {
			v, rest, _ = strings.Cut(rest, " ")
		}
		f[key] = v
		s = rest
	}
	return f, hard, nil
}

// Format writes e in its text form, comments first.
func (e *Evidence) Format(comments []string) []byte {
	var b bytes.Buffer
	for _, c := range comments {
		fmt.Fprintf(&b, "# %s\n", c)
	}
	fmt.Fprintf(&b, "port %d/%s\naddr %s\n", e.Port, e.Proto, e.Addr)
	hard := ""
	if e.Hard {
		hard = " hard"
	}
	fmt.Fprintf(&b, "service %s%s\n", e.Before, hard)
	for _, r := range e.Replies {
		fmt.Fprintf(&b, "reply %s %s\n", r.Probe, strconv.Quote(string(r.Data)))
	}
	fmt.Fprintf(&b, "expect %s\n", e.Expect)
	for _, o := range e.Others {
		fmt.Fprintf(&b, "other %s\n", o)
	}
	if e.XID >= 0 {
		if e.XIDLen > 0 && e.XIDLen != 4 {
			fmt.Fprintf(&b, "xid %d:%d\n", e.XID, e.XIDLen)
		} else {
			fmt.Fprintf(&b, "xid %d\n", e.XID)
		}
	}
	if e.TLS != "" {
		fmt.Fprintf(&b, "tls %s\n", e.TLS)
	}
	if e.Via != "" {
		fmt.Fprintf(&b, "via %s\n", e.Via)
	}
	for _, x := range e.Exchanges {
		fmt.Fprintf(&b, "> %s\n", strconv.Quote(string(x.Request)))
		for r := x.Reply; ; {
			n := min(len(r), 64)
			fmt.Fprintf(&b, "< %s\n", strconv.Quote(string(r[:n])))
			r = r[n:]
			if len(r) == 0 {
				break
			}
		}
	}
	return b.Bytes()
}
