package sim

import (
	"bytes"
	"fmt"
	"net"
	"strings"
)

// WebLogic is an Oracle WebLogic Server listen port (7001/tcp), which
// serves HTTP and the T3 protocol on the same port: a client that opens
// with the T3 handshake ("t3 VERSION\n" and header lines, then an empty
// line) gets "HELO:VERSION.false" with the server's abbreviation size and
// header length lines (as WebLogic answers it; documented in Oracle's
// WebLogic security advisories for T3 filtering); anything else is
// answered as HTTP with a 404 page, as an empty server does.
var WebLogic = WebLogicServer{Version: "12.2.1.4.0"}

func init() {
	Devices["weblogic"] = Device{Doc: "Oracle WebLogic 12.2.1.4 listen port: HTTP and T3 (7001/tcp)", TCP: WebLogic.Serve}
	Devices["weblogic-10.3.6"] = Device{Doc: "Oracle WebLogic 10.3.6 listen port: HTTP and T3 (7001/tcp)", TCP: WebLogicServer{Version: "10.3.6.0"}.Serve}
	Devices["http-on-7001"] = Device{Doc: "a plain HTTP server on 7001/tcp: the T3 handshake gets 400 Bad Request", TCP: WebLogicServer{HTTPOnly: true}.Serve}
	Devices["weblogic-t3-off"] = Device{Doc: "WebLogic listen port whose T3 is filtered: the handshake is refused with a LGIN line", TCP: WebLogicServer{Version: "12.2.1.4.0", RefuseT3: true}.Serve}
}

// WebLogicServer is a WebLogic listen port.
type WebLogicServer struct {
	Version  string
	RefuseT3 bool
	// HTTPOnly: not WebLogic; a T3 handshake is a bad HTTP request.
	HTTPOnly bool
}

// Serve answers one connection.
func (w WebLogicServer) Serve(c net.Conn) {
	var got []byte
	buf := make([]byte, 4096)
	for len(got) < 16384 {
		n, err := c.Read(buf)
		got = append(got, buf[:n]...)
		if bytes.Contains(got, []byte("\n\n")) || bytes.Contains(got, []byte("\r\n\r\n")) {
			break
		}
		if err != nil {
			return
		}
	}
	if w.HTTPOnly && !bytes.Contains(got, []byte("HTTP/1.")) {
		c.Write([]byte("HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nContent-Length: 11\r\nConnection: close\r\n\r\nBad Request"))
		return
	}
	if bytes.HasPrefix(got, []byte("t3 ")) {
		if w.RefuseT3 {
			c.Write([]byte("LGIN:Connection rejected, filter blocked Socket, weblogic.security.net.FilterException: [Security:090220]rule 1\n\n"))
			return
		}
		c.Write([]byte("HELO:" + w.Version + ".false\nAS:2048\nHL:19\nMS:10000000\n\n"))
		c.Read(buf)
		return
	}
	if !bytes.Contains(got, []byte("HTTP/1.")) {
		return
	}
	body := "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Draft//EN\">\n<HTML>\n<HEAD>\n<TITLE>Error 404--Not Found</TITLE>\n</HEAD>\n<BODY bgcolor=\"white\">\n<H2>Error 404--Not Found</H2>\n</BODY>\n</HTML>\n"
	method, _, _ := strings.Cut(string(got), " ")
	if method == "HEAD" {
		body = ""
	}
	fmt.Fprintf(c, "HTTP/1.1 404 Not Found\r\nDate: Sun, 06 Dec 2026 12:00:00 GMT\r\nContent-Length: %d\r\nContent-Type: text/html; charset=UTF-8\r\nX-ORACLE-DMS-ECID: 0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9-0000000a\r\nX-ORACLE-DMS-RID: 0\r\n\r\n%s", len(body), body)
}
