package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
)

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
func le16(v int) []byte          { return binary.LittleEndian.AppendUint16(nil, uint16(v)) }
func le32(v int) []byte          { return binary.LittleEndian.AppendUint32(nil, uint32(v)) }

// httpDate is corpusTime as an HTTP date (RFC 9110 5.6.7, IMF-fixdate).
var httpDate = corpusTime.Format("Mon, 02 Jan 2006 15:04:05 GMT")

// lenMark in a header value is replaced by the body's length, so
// Content-Length is always right; it also keeps the header where the
// server puts it.
const lenMark = "{len}"

// httpMsg builds an HTTP/1.x response (RFC 9112 section 2): the status
// line, the header lines as given ("Name: value"; "{date}" is the corpus
// date, "{len}" the body length), a blank line, and the body.
func httpMsg(status string, headers []string, body string) []byte {
	var b strings.Builder
	b.WriteString(status + "\r\n")
	for _, h := range headers {
		h = strings.ReplaceAll(h, "{date}", httpDate)
		h = strings.ReplaceAll(h, lenMark, fmt.Sprint(len(body)))
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.WriteString(body)
	return []byte(b.String())
}

// line is one text-protocol line ended by CRLF.
func line(s string) []byte { return []byte(s + "\r\n") }

// mysqlPacket frames payload with the 3-byte length and sequence id
// (MySQL client/server protocol, "MySQL Packets").
func mysqlPacket(seq byte, payload []byte) []byte {
	n := len(payload)
	return cat([]byte{byte(n), byte(n >> 8), byte(n >> 16), seq}, payload)
}

// mysqlHandshake is a Protocol::HandshakeV10 packet with the server
// version string and default authentication plugin given.
func mysqlHandshake(version, plugin string) []byte {
	return mysqlPacket(0, cat(
		[]byte{10}, []byte(version), []byte{0}, // protocol 10, server version
		le32(1843),                    // connection id
		[]byte("Kx3#p9Qa"), []byte{0}, // auth-plugin-data part 1, filler
		le16(0xffff),               // capability flags (lower)
		[]byte{0xff}, le16(0x0002), // charset utf8mb4_0900_ai_ci, status autocommit
		le16(0xdfff), []byte{21}, // capability flags (upper), auth data length
		make([]byte, 10),                  // reserved
		[]byte("7vL%2sQe0wZr"), []byte{0}, // auth-plugin-data part 2
		[]byte(plugin), []byte{0},
	))
}

// respBulk is a RESP bulk string ("$<length>\r\n<data>\r\n"), the form of a
// Redis INFO reply (Redis serialization protocol specification).
func respBulk(s string) []byte {
	return []byte(fmt.Sprintf("$%d\r\n%s\r\n", len(s), s))
}
