package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
)

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
func s(x string) []byte          { return []byte(x) }
func be16(v int) []byte          { return binary.BigEndian.AppendUint16(nil, uint16(v)) }
func le16(v int) []byte          { return binary.LittleEndian.AppendUint16(nil, uint16(v)) }
func be32(v int) []byte          { return binary.BigEndian.AppendUint32(nil, uint32(v)) }
func le32(v int) []byte          { return binary.LittleEndian.AppendUint32(nil, uint32(v)) }

// The corpus date, used in Date headers (RFC 9110 5.6.7 IMF-fixdate).
const httpDate = "Sun, 06 Dec 2026 12:00:00 GMT"

// hdr is one header line, in the order the device sends it.
type hdr struct{ k, v string }

// httpReply builds an HTTP/1.x response (RFC 9112): status line, the
// headers as given, Content-Length computed from body (unless noLength),
// a blank line and the body.
func httpReply(version, status string, hs []hdr, body string) []byte {
	return httpReplyCL(version, status, hs, body, true)
}

func httpReplyCL(version, status string, hs []hdr, body string, withLength bool) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\r\n", version, status)
	for _, h := range hs {
		fmt.Fprintf(&b, "%s: %s\r\n", h.k, h.v)
	}
	if withLength {
		fmt.Fprintf(&b, "Content-Length: %d\r\n", len(body))
	}
	b.WriteString("\r\n")
	b.WriteString(body)
	return []byte(b.String())
}

// page is a small HTML document with a title.
func page(title, bodyText string) string {
	return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + title + "</title>\n</head>\n<body>\n" + bodyText + "\n</body>\n</html>\n"
}

// httpServer is the usual answer of an embedded web server that names
// itself in Server (RFC 9110 10.2.4): 200 with a short page.
func httpServer(server, title string) []byte {
	return httpReply("HTTP/1.1", "200 OK", []hdr{
		{"Date", httpDate},
		{"Server", server},
		{"Content-Type", "text/html"},
		{"Connection", "close"},
	}, page(title, "<p>"+title+"</p>"))
}

// httpAuth is a 401 with the device's realm (RFC 9110 11.6.1, RFC 7617).
func httpAuth(server, scheme, realm string) []byte {
	hs := []hdr{{"Date", httpDate}}
	if server != "" {
		hs = append(hs, hdr{"Server", server})
	}
	challenge := scheme + ` realm="` + realm + `"`
	if scheme == "Digest" { // RFC 7616 3.3: a nonce is required
		challenge += `, qop="auth", nonce="0d7a3e5c9b1f42a6"`
	}
	hs = append(hs, hdr{"WWW-Authenticate", challenge},
		hdr{"Content-Type", "text/html"}, hdr{"Connection", "close"})
	return httpReply("HTTP/1.1", "401 Unauthorized", hs, page("401 Unauthorized", "<h1>401 Unauthorized</h1>"))
}

// rtspReply answers our OPTIONS without a CSeq (RFC 2326 10.1, 12.43).
func rtspReply(server string, public string) []byte {
	return []byte("RTSP/1.0 200 OK\r\nServer: " + server + "\r\nPublic: " + public + "\r\n\r\n")
}

const rtspPublic = "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER"

// sipReply answers our SIPOptions request (RFC 3261 8.2.6: Via, From,
// Call-ID and CSeq copied, a To tag added) with the device's header.
func sipReply(header, value string) []byte {
	return []byte("SIP/2.0 200 OK\r\n" +
		"Via: SIP/2.0/UDP nm;branch=foo;rport=5060;received=192.0.2.1\r\n" +
		"From: <sip:nm@nm>;tag=root\r\n" +
		"To: <sip:nm2@nm2>;tag=a73kszlfl\r\n" +
		"Call-ID: 50000\r\n" +
		"CSeq: 42 OPTIONS\r\n" +
		header + ": " + value + "\r\n" +
		"Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, NOTIFY, REFER\r\n" +
		"Accept: application/sdp\r\n" +
		"Content-Length: 0\r\n\r\n")
}

// ssdpReply is a unicast M-SEARCH answer (UPnP Device Architecture 1.1,
// 1.3.3) for ssdp:all.
func ssdpReply(server, location, uuid string) []byte {
	return []byte("HTTP/1.1 200 OK\r\n" +
		"CACHE-CONTROL: max-age=1800\r\n" +
		"EXT:\r\n" +
		"LOCATION: " + location + "\r\n" +
		"SERVER: " + server + "\r\n" +
		"ST: upnp:rootdevice\r\n" +
		"USN: uuid:" + uuid + "::upnp:rootdevice\r\n\r\n")
}

// pjlID is a printer's answer to @PJL INFO ID (HP PJL Technical Reference
// Manual, INFO ID: the echoed command, the quoted model, a form feed).
func pjlID(model string) []byte {
	return []byte("@PJL INFO ID\r\n\"" + model + "\"\r\n\f")
}

func ftp220(text string) []byte    { return []byte("220 " + text + "\r\n") }
func sshIdent(soft string) []byte  { return []byte("SSH-2.0-" + soft + "\r\n") }
func sshIdent1(soft string) []byte { return []byte("SSH-1.99-" + soft + "\r\n") }

// ber is a BER TLV with a definite length (X.690 8.1.3).
func ber(tag byte, content ...[]byte) []byte {
	body := cat(content...)
	n := len(body)
	var l []byte
	switch {
	case n < 0x80:
		l = []byte{byte(n)}
	case n < 0x100:
		l = []byte{0x81, byte(n)}
	default:
		l = []byte{0x82, byte(n >> 8), byte(n)}
	}
	return cat([]byte{tag}, l, body)
}

func berInt(v int) []byte {
	var b []byte
	for {
		b = append([]byte{byte(v)}, b...)
		v >>= 8
		if v == 0 && b[0] < 0x80 {
			break
		}
		if v == -1 && b[0] >= 0x80 {
			break
		}
	}
	return ber(0x02, b)
}
