package evidence

import (
	"strings"
	"testing"

	"github.com/signetscan/signet/fingerprint"
)

func reply(probe, data string, declared int) fingerprint.Response {
	if declared == 0 {
		declared = len(data)
	}
	return fingerprint.Response{Probe: probe, Length: declared, Data: []byte(data)}
}

func mysqlPacket(payload string) string {
	n := len(payload)
	return string([]byte{byte(n), byte(n >> 8), byte(n >> 16), 0}) + payload
}

func TestProblems(t *testing.T) {
	const nov25 = 0x6B073AE0 // 2026-11-25 17:45:04 UTC
	for _, tc := range []struct {
		name, service, source, proto string
		r                            fingerprint.Response
		month, day                   int
		want                         string // "" for no problem
	}{
		{"http ok", "http", "hand-made", "TCP", reply("GetRequest", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 0), 11, 25, ""},
		{"http long", "http", "hand-made", "TCP", reply("GetRequest", "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nhello", 0), 11, 25, "Content-Length is 50, the body has 5 bytes"},
		{"http short", "http", "hand-made", "TCP", reply("GetRequest", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhello", 0), 11, 25, "Content-Length is 2"},
		{"http cut fingerprint", "http", "hand-made", "TCP", reply("GetRequest", "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nhello", 900), 11, 25, ""},
		{"http real read cut", "http", "Debian 12 apache2, captured", "TCP", reply("GetRequest", "HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nhello", 0), 11, 25, ""},
		{"http real too long body", "http", "Debian 12 apache2, captured", "TCP", reply("GetRequest", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhello", 0), 11, 25, "Content-Length is 2"},
		{"two messages", "http", "hand-made", "TCP", reply("GetRequest", "HTTP/1.1 400 Bad\r\nContent-Length: 1\r\n\r\nxyHTTP/1.1 200 OK\r\n\r\n", 0), 11, 25, "Content-Length is 1"},
		{"pipelined", "http", "hand-made", "TCP", reply("GenericLines", "HTTP/1.1 400 Bad\r\nContent-Length: 2\r\n\r\nxyHTTP/1.1 400 Bad\r\nContent-Length: 1\r\n\r\nz", 0), 11, 25, ""},
		{"status line quoted in the body", "http", "hand-made", "TCP", reply("GetRequest", "HTTP/1.1 404 Not Found\r\nContent-Length: 24\r\n\r\n<p>From HTTP/1.1 404</p>", 0), 11, 25, ""},
		{"chunked ok", "http", "hand-made", "TCP", reply("GetRequest", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 0), 11, 25, ""},
		{"chunked bad", "http", "hand-made", "TCP", reply("GetRequest", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello\r\n0\r\n\r\n", 0), 11, 25, "not followed by CRLF"},
		{"weekday", "http", "hand-made", "TCP", reply("GetRequest", "HTTP/1.1 200 OK\r\nDate: Tue, 25 Nov 2026 19:31:07 GMT\r\n\r\n", 0), 11, 25, "that day is a Wednesday"},
		{"sip", "sip", "hand-made", "UDP", reply("SIPOptions", "SIP/2.0 200 OK\r\nContent-Length: 3\r\n\r\nab", 0), 11, 25, "SIP Content-Length is 3"},
		{"header date", "http", "hand-made", "TCP", reply("GetRequest", "HTTP/1.1 200 OK\r\n\r\n", 0), 6, 7, "D=6/7 is not the date of Time=6B073AE0"},
		{"tls ok", "ssl", "hand-made", "TCP", reply("SSLSessionReq", "\x15\x03\x01\x00\x02\x02\x28", 0), 11, 25, ""},
		{"tls bad", "ssl", "hand-made", "TCP", reply("SSLSessionReq", "\x15\x03\x01\x00\x03\x02\x28", 0), 11, 25, "TLS record length says 3 bytes, 2 follow"},
		{"dns tcp", "domain", "hand-made", "TCP", reply("DNSVersionBindReqTCP", "\x00\x20\x00\x06\x81\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 0), 11, 25, "DNS length prefix says 32 bytes, 13 follow"},
		{"dns rdlength", "domain", "hand-made", "UDP", reply("DNSVersionBindReq", "\x00\x06\x85\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x10\x00\x03\x00\x00\x00\x00\x00\x05\x04abcd", 0), 11, 25, ""},
		{"dns rdlength bad", "domain", "hand-made", "UDP", reply("DNSVersionBindReq", "\x00\x06\x85\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x10\x00\x03\x00\x00\x00\x00\x00\x06\x04abcd", 0), 11, 25, "RDLENGTH 6 runs past"},
		{"mysql length", "mysql", "hand-made", "TCP", reply("NULL", "\x09\x00\x00\x00\x0a5.7\x00", 0), 11, 25, "MySQL packet length says 9 bytes, 5 follow"},
		{"mysql 8 default plugin", "mysql", "hand-made", "TCP", reply("NULL", mysqlPacket("\x0a8.0.35\x00mysql_native_password\x00"), 0), 11, 25, "caching_sha2_password"},
		{"mariadb plugin", "mysql", "hand-made", "TCP", reply("NULL", mysqlPacket("\x0a8.0.0-MariaDB\x00mysql_native_password\x00"), 0), 11, 25, ""},
		{"memcached udp", "memcached", "hand-made", "UDP", reply("memcached", "\x00\x01\x00\x02\x00\x02\x00\x00STAT", 0), 11, 25, "datagram 2 of 2"},
		{"tpkt", "ms-wbt-server", "hand-made", "TCP", reply("TerminalServerCookie", "\x03\x00\x00\x0c\x02\xf0\x80", 0), 11, 25, "TPKT length says 12 bytes, 7 follow"},
	} {
		c := &Case{Path: tc.name, Source: tc.source, Expect: ParseExpect(tc.service),
			FP: &fingerprint.Fingerprint{Proto: tc.proto, Month: tc.month, Day: tc.day, Time: nov25, Responses: []fingerprint.Response{tc.r}}}
		got := strings.Join(c.Problems(), "\n")
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%s: problems %q, want %q", tc.name, got, tc.want)
		}
	}
}
