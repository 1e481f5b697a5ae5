package evidence

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Problems checks that a case's replies could have come from a real server:
// the fingerprint header's date is its time's date; an HTTP, RTSP or SIP
// message's Content-Length (or chunk sizes) matches its body and its Date
// header's weekday matches the date; the length fields of the binary
// protocols below match their payloads; and a few defaults are the real
// ones (MySQL 8's default authentication plugin). It returns one line per
// problem, nil when the case is consistent.
//
// A reply may end early where the fingerprint was cut (its declared length
// is longer than its data) or, for a real capture, where a read stopped: the
// last record may then be shorter than its length field says, but never
// longer, and a hand-made reply must be complete.
func (c *Case) Problems() []string {
	var out []string
	add := func(format string, args ...any) {
		out = append(out, c.Path+": "+fmt.Sprintf(format, args...))
	}
	fp := c.FP
	if fp.Time != 0 && fp.Month != 0 {
		t := time.Unix(int64(fp.Time), 0).UTC()
		ok := false
		for _, d := range []int{-1, 0, 1} { // D= is local time, Time= UTC
			u := t.AddDate(0, 0, d)
			if int(u.Month()) == fp.Month && u.Day() == fp.Day {
				ok = true
			}
		}
		if !ok {
			add("header D=%d/%d is not the date of Time=%X (%s)", fp.Month, fp.Day, fp.Time, t.Format("2006-01-02"))
		}
	}
	handMade := strings.Contains(strings.ToLower(c.Source), "hand-made")
	service := strings.TrimPrefix(c.Expect.Fields[0], "ssl/")
	for _, r := range fp.Responses {
		cut := r.Length > len(r.Data) || !handMade
		for _, p := range checkReply(service, r.Probe, fp.Proto, r.Data, cut) {
			add("%s reply: %s", r.Probe, p)
		}
	}
	return out
}

// checkReply runs the checks that apply to one reply.
func checkReply(service, probe, proto string, d []byte, cut bool) []string {
	var out []string
	for _, m := range textMessages(d) {
		out = append(out, m.check(cut)...)
	}
	tcp := proto != "UDP"
	switch {
	case len(d) >= 3 && d[0] >= 0x14 && d[0] <= 0x17 && d[1] == 3 && d[2] <= 4:
		out = append(out, tlsRecords(d, cut)...)
	case dnsProbe(probe) && tcp:
		out = append(out, prefixed(d, 2, 0, cut, "DNS length prefix", func(m []byte) []string { return dnsMessage(m) })...)
	case dnsProbe(probe):
		out = append(out, dnsMessage(d)...)
	case service == "ms-wbt-server" || service == "iso-tsap":
		out = append(out, tpkt(d, cut)...)
	case (service == "netbios-ssn" || service == "microsoft-ds") && len(d) > 0 && d[0] == 0:
		out = append(out, prefixed(d[1:], 3, 0, cut, "NetBIOS session length", nil)...)
	case service == "mysql":
		out = append(out, mysqlPackets(d, cut)...)
	case service == "postgresql":
		out = append(out, postgresMessages(d, cut)...)
	case service == "mongodb":
		out = append(out, le32Prefixed(d, cut, "MongoDB messageLength")...)
	case service == "kafka", service == "kerberos-sec" && tcp:
		out = append(out, prefixed(d, 4, 0, cut, "length prefix", nil)...)
	case service == "modbus":
		out = append(out, mbap(d, cut)...)
	case service == "amqp" && len(d) > 0 && d[0] == 1:
		out = append(out, amqpFrame(d, cut)...)
	case service == "zabbix-agent" && bytes.HasPrefix(d, []byte("ZBXD\x01")):
		if len(d) >= 13 {
			n := binary.LittleEndian.Uint64(d[5:13])
			out = append(out, lengthIs("ZBXD data length", int(n), len(d)-13, cut)...)
		}
	case service == "oracle-tns" && len(d) >= 2:
		out = append(out, lengthIs("TNS packet length", int(binary.BigEndian.Uint16(d)), len(d), cut)...)
	case service == "enip" && len(d) >= 24:
		out = append(out, lengthIs("encapsulation length", int(binary.LittleEndian.Uint16(d[2:])), len(d)-24, cut)...)
	case service == "stun" && len(d) >= 20:
		out = append(out, lengthIs("STUN message length", int(binary.BigEndian.Uint16(d[2:])), len(d)-20, cut)...)
	case service == "opcua-tcp" && len(d) >= 8:
		out = append(out, lengthIs("OPC UA message size", int(binary.LittleEndian.Uint32(d[4:])), len(d), cut)...)
	case service == "ms-sql-s" && len(d) >= 8 && d[0] == 4:
		out = append(out, lengthIs("TDS packet length", int(binary.BigEndian.Uint16(d[2:])), len(d), cut)...)
	case service == "rpcbind" && tcp && len(d) >= 4:
		out = append(out, lengthIs("RPC record mark", int(binary.BigEndian.Uint32(d)&0x7fffffff), len(d)-4, cut)...)
	case service == "openvpn" && tcp:
		out = append(out, prefixed(d, 2, 0, cut, "OpenVPN packet length", nil)...)
	case service == "bacnet" && len(d) >= 4 && d[0] == 0x81:
		out = append(out, lengthIs("BVLC length", int(binary.BigEndian.Uint16(d[2:])), len(d), cut)...)
	case service == "mqtt":
		out = append(out, mqttPackets(d, cut)...)
	case service == "ldap" || service == "snmp":
		out = append(out, berSequence(d, cut)...)
	case service == "memcached" && !tcp && len(d) >= 8:
		seq, total := binary.BigEndian.Uint16(d[2:]), binary.BigEndian.Uint16(d[4:])
		if total == 0 || seq >= total || d[6] != 0 || d[7] != 0 {
			out = append(out, fmt.Sprintf("memcached UDP frame header: datagram %d of %d, reserved %x", seq, total, d[6:8]))
		}
	}
	return out
}

// dnsProbe reports whether a probe is a DNS query (DNS, mDNS, NetBIOS name
// service), whose reply is a DNS message. A DNS server's answers to other
// probes are whatever it made of them.
func dnsProbe(name string) bool {
	return strings.Contains(name, "DNS") || name == "NBTStat"
}

// lengthIs compares a length field with the bytes present.
func lengthIs(what string, declared, present int, cut bool) []string {
	if declared == present || cut && declared > present {
		return nil
	}
	return []string{fmt.Sprintf("%s says %d bytes, %d follow", what, declared, present)}
}

// prefixed walks records that start with an n-byte big-endian length (plus
// extra header bytes not counted by it), calling each on the payloads.
func prefixed(d []byte, n, extra int, cut bool, what string, each func([]byte) []string) []string {
	var out []string
	for len(d) > 0 {
		if len(d) < n+extra {
			if !cut {
				out = append(out, fmt.Sprintf("%s: %d bytes left, too few for a header", what, len(d)))
			}
			return out
		}
		var l int
		for _, b := range d[:n] {
			l = l<<8 | int(b)
		}
		d = d[n+extra:]
		if l > len(d) {
			return append(out, lengthIs(what, l, len(d), cut)...)
		}
		if each != nil {
			out = append(out, each(d[:l])...)
		}
		d = d[l:]
	}
	return out
}

// tlsRecords walks TLS (or SSL 3) records and the handshake messages in
// handshake records.
func tlsRecords(d []byte, cut bool) []string {
	var out []string
	for len(d) > 0 {
		if len(d) < 5 || d[0] < 0x14 || d[0] > 0x17 || d[1] != 3 {
			if len(d) < 5 && cut {
				return out
			}
			return append(out, fmt.Sprintf("TLS: %d bytes after the last record are not a record", len(d)))
		}
		l := int(binary.BigEndian.Uint16(d[3:]))
		body := d[5:]
		if l > len(body) {
			return append(out, lengthIs("TLS record length", l, len(body), cut)...)
		}
		if d[0] == 0x16 {
			hs := body[:l]
			for len(hs) >= 4 {
				m := int(hs[1])<<16 | int(hs[2])<<8 | int(hs[3])
				if m > len(hs)-4 {
					// A handshake message may continue in the next record.
					break
				}
				hs = hs[4+m:]
			}
		}
		d = body[l:]
	}
	return out
}

// tpkt walks RFC 1006 TPKT packets (version 3, reserved, 16-bit length of
// the whole packet).
func tpkt(d []byte, cut bool) []string {
	for len(d) > 0 {
		if len(d) < 4 || d[0] != 3 {
			if cut && len(d) < 4 {
				return nil
			}
			return []string{fmt.Sprintf("TPKT: %d bytes that are not a TPKT header", len(d))}
		}
		l := int(binary.BigEndian.Uint16(d[2:]))
		if l < 4 || l > len(d) {
			return lengthIs("TPKT length", l, len(d), cut)
		}
		d = d[l:]
	}
	return nil
}

// mysqlPackets walks MySQL packets: 3-byte little-endian payload length and
// a sequence number. A version-8 handshake must name MySQL 8's default
// authentication plugin (MariaDB keeps mysql_native_password).
func mysqlPackets(d []byte, cut bool) []string {
	var out []string
	for len(d) > 0 {
		if len(d) < 4 {
			if cut {
				return out
			}
			return append(out, fmt.Sprintf("MySQL: %d bytes left, too few for a header", len(d)))
		}
		l := int(d[0]) | int(d[1])<<8 | int(d[2])<<16
		p := d[4:]
		if l > len(p) {
			return append(out, lengthIs("MySQL packet length", l, len(p), cut)...)
		}
		pl := p[:l]
		if len(pl) > 1 && pl[0] == 10 {
			ver, _, _ := bytes.Cut(pl[1:], []byte{0})
			v := string(ver)
			if strings.HasPrefix(v, "8.") && !strings.Contains(strings.ToLower(v), "mariadb") &&
				!bytes.Contains(pl, []byte("caching_sha2_password\x00")) {
				out = append(out, fmt.Sprintf("MySQL %s handshake: the default authentication plugin since 8.0 is caching_sha2_password", v))
			}
		}
		d = p[l:]
	}
	return out
}

// postgresMessages walks backend messages: a type byte and a 4-byte length
// that counts itself. A lone 'N' or 'S' answers an SSLRequest.
func postgresMessages(d []byte, cut bool) []string {
	if len(d) == 1 && (d[0] == 'N' || d[0] == 'S') {
		return nil
	}
	for len(d) > 0 {
		if len(d) < 5 {
			if cut {
				return nil
			}
			return []string{fmt.Sprintf("PostgreSQL: %d bytes left, too few for a message", len(d))}
		}
		l := int(binary.BigEndian.Uint32(d[1:]))
		if l < 4 || l-4 > len(d)-5 {
			return lengthIs("PostgreSQL message length", l-4, len(d)-5, cut)
		}
		d = d[1+l:]
	}
	return nil
}

// le32Prefixed checks a message whose first 4 bytes (little-endian) are its
// whole length.
func le32Prefixed(d []byte, cut bool, what string) []string {
	if len(d) < 4 {
		return nil
	}
	return lengthIs(what, int(binary.LittleEndian.Uint32(d)), len(d), cut)
}

// mbap walks Modbus/TCP frames: the length at bytes 4-5 counts the unit
// identifier and the PDU.
func mbap(d []byte, cut bool) []string {
	for len(d) > 0 {
		if len(d) < 7 {
			if cut {
				return nil
			}
			return []string{fmt.Sprintf("MBAP: %d bytes left, too few for a header", len(d))}
		}
		l := int(binary.BigEndian.Uint16(d[4:]))
		if l > len(d)-6 {
			return lengthIs("MBAP length", l, len(d)-6, cut)
		}
		d = d[6+l:]
	}
	return nil
}

// amqpFrame checks AMQP 0-9-1 frames: type, channel, 4-byte size, payload,
// frame-end 0xCE.
func amqpFrame(d []byte, cut bool) []string {
	for len(d) > 0 {
		if len(d) < 7 {
			if cut {
				return nil
			}
			return []string{fmt.Sprintf("AMQP: %d bytes left, too few for a frame header", len(d))}
		}
		l := int(binary.BigEndian.Uint32(d[3:]))
		if l+1 > len(d)-7 {
			return lengthIs("AMQP frame size", l, len(d)-8, cut)
		}
		if d[7+l] != 0xce {
			return []string{fmt.Sprintf("AMQP frame of %d bytes does not end with 0xCE", l)}
		}
		d = d[8+l:]
	}
	return nil
}

// mqttPackets walks MQTT control packets (fixed header with a
// variable-length remaining length).
func mqttPackets(d []byte, cut bool) []string {
	for len(d) > 0 {
		l, n := 0, 0
		for i := 1; i < len(d) && i <= 4; i++ {
			l |= int(d[i]&0x7f) << (7 * (i - 1))
			if d[i]&0x80 == 0 {
				n = i + 1
				break
			}
		}
		if n == 0 {
			if cut {
				return nil
			}
			return []string{"MQTT: a fixed header without its remaining length"}
		}
		if l > len(d)-n {
			return lengthIs("MQTT remaining length", l, len(d)-n, cut)
		}
		d = d[n+l:]
	}
	return nil
}

// berSequence checks that a reply is whole BER SEQUENCEs (LDAP messages,
// SNMP messages), each of its declared length.
func berSequence(d []byte, cut bool) []string {
	for len(d) > 0 {
		if d[0] != 0x30 || len(d) < 2 {
			return []string{fmt.Sprintf("BER: %d bytes that do not start a SEQUENCE", len(d))}
		}
		l, n := int(d[1]), 2
		if d[1]&0x80 != 0 {
			k := int(d[1] & 0x7f)
			if k == 0 || k > 4 || len(d) < 2+k {
				return []string{"BER: a bad long-form length"}
			}
			l = 0
			for _, b := range d[2 : 2+k] {
				l = l<<8 | int(b)
			}
			n = 2 + k
		}
		if l > len(d)-n {
			return lengthIs("BER SEQUENCE length", l, len(d)-n, cut)
		}
		d = d[n+l:]
	}
	return nil
}

// dnsMessage walks a DNS message: the header's counts of questions and
// records, names (with compression pointers) and RDLENGTHs must use up the
// message exactly.
func dnsMessage(m []byte) []string {
	if len(m) < 12 {
		return []string{fmt.Sprintf("DNS: a %d-byte message is shorter than its header", len(m))}
	}
	counts := [4]int{}
	for i := range counts {
		counts[i] = int(binary.BigEndian.Uint16(m[4+2*i:]))
	}
	off := 12
	name := func() bool {
		for off < len(m) {
			l := int(m[off])
			switch {
			case l == 0:
				off++
				return true
			case l&0xc0 == 0xc0:
				off += 2
				return off <= len(m)
			case l&0xc0 != 0:
				return false
			}
			off += 1 + l
		}
		return false
	}
	for i := 0; i < counts[0]; i++ {
		if !name() || off+4 > len(m) {
			return []string{fmt.Sprintf("DNS: question %d runs past the message", i+1)}
		}
		off += 4
	}
	for i := 0; i < counts[1]+counts[2]+counts[3]; i++ {
		if !name() || off+10 > len(m) {
			return []string{fmt.Sprintf("DNS: record %d runs past the message", i+1)}
		}
		rdlen := int(binary.BigEndian.Uint16(m[off+8:]))
		off += 10
		if off+rdlen > len(m) {
			return []string{fmt.Sprintf("DNS: record %d's RDLENGTH %d runs past the message (%d bytes left)", i+1, rdlen, len(m)-off)}
		}
		if typ := binary.BigEndian.Uint16(m[off-10:]); typ == 16 { // TXT: strings fill RDATA
			rd := m[off : off+rdlen]
			for len(rd) > 0 {
				if 1+int(rd[0]) > len(rd) {
					return []string{fmt.Sprintf("DNS: TXT string length %d exceeds its RDATA", rd[0])}
				}
				rd = rd[1+int(rd[0]):]
			}
		}
		off += rdlen
	}
	if off != len(m) {
		return []string{fmt.Sprintf("DNS: %d bytes after the last record", len(m)-off)}
	}
	return nil
}

// textMessage is one HTTP, RTSP or SIP message found in a reply.
type textMessage struct {
	proto   string
	headers []string
	body    []byte
	last    bool // nothing follows: the body runs to the end of the reply
}

// statusLine matches the start of an HTTP, RTSP or SIP response.
var statusLine = regexp.MustCompile(`^(HTTP/1\.[01]|RTSP/1\.0|SIP/2\.0) [0-9]{3}`)

// nextStatus finds a status line at the start of a line of b (so that
// "HTTP/1.1" quoted in a page does not count), -1 when there is none.
var nextStatus = regexp.MustCompile(`(?m)^(HTTP/1\.[01]|RTSP/1\.0|SIP/2\.0) [0-9]{3}`)

// textMessages splits a reply into the messages that start with an HTTP,
// RTSP or SIP status line. A message ends where its Content-Length says when
// another message (or nothing) follows there, else at the next status line
// that starts a line, else at the end of the reply.
func textMessages(d []byte) []textMessage {
	var out []textMessage
	for len(d) > 0 {
		if !statusLine.Match(d) {
			return out
		}
		proto, _, _ := strings.Cut(string(d[:8]), "/")
		end := bytes.Index(d, []byte("\r\n\r\n"))
		if end < 0 {
			return out // headers cut
		}
		m := textMessage{proto: proto, headers: strings.Split(string(d[:end]), "\r\n")[1:]}
		rest := d[end+4:]
		next := -1
		if cl, ok := m.header("Content-Length"); ok {
			if n, err := strconv.Atoi(cl); err == nil && n >= 0 && n < len(rest) && statusLine.Match(rest[n:]) {
				next = n
			}
		}
		if next < 0 {
			if loc := nextStatus.FindIndex(rest); loc != nil {
				next = loc[0]
			}
		}
		if next < 0 {
			m.body, m.last = rest, true
			d = nil
		} else {
			m.body = rest[:next]
			d = rest[next:]
		}
		out = append(out, m)
	}
	return out
}

func (m textMessage) header(name string) (string, bool) {
	for _, h := range m.headers {
		if k, v, ok := strings.Cut(h, ":"); ok && strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// check compares Content-Length (or the chunk sizes) with the body, and the
// Date header's weekday with its date.
func (m textMessage) check(cut bool) []string {
	var out []string
	cut = cut && m.last
	if te, ok := m.header("Transfer-Encoding"); ok && strings.EqualFold(te, "chunked") {
		out = append(out, chunks(m.body, cut)...)
	} else if cl, ok := m.header("Content-Length"); ok {
		n, err := strconv.Atoi(cl)
		switch {
		case err != nil || n < 0:
			out = append(out, fmt.Sprintf("%s Content-Length %q is not a length", m.proto, cl))
		case n != len(m.body) && !(cut && n > len(m.body)):
			out = append(out, fmt.Sprintf("%s Content-Length is %d, the body has %d bytes", m.proto, n, len(m.body)))
		}
	}
	if date, ok := m.header("Date"); ok {
		if t, err := time.Parse(time.RFC1123, date); err == nil && !strings.HasPrefix(date, t.Weekday().String()[:3]) {
			out = append(out, fmt.Sprintf("%s Date %q: that day is a %s", m.proto, date, t.Weekday()))
		}
	}
	return out
}

// chunks checks a chunked body: hex sizes, each chunk followed by CRLF, a
// last chunk of size 0.
func chunks(b []byte, cut bool) []string {
	for {
		line, rest, ok := bytes.Cut(b, []byte("\r\n"))
		if !ok {
			if cut {
				return nil
			}
			return []string{"HTTP chunked body: a chunk-size line without CRLF"}
		}
		sz, _, _ := bytes.Cut(line, []byte(";"))
		n, err := strconv.ParseInt(string(bytes.TrimSpace(sz)), 16, 32)
		if err != nil {
			return []string{fmt.Sprintf("HTTP chunked body: chunk size %q is not hex", line)}
		}
		if n == 0 {
			return nil
		}
		if int(n)+2 > len(rest) {
			if cut {
				return nil
			}
			return []string{fmt.Sprintf("HTTP chunked body: a chunk of %d bytes has %d", n, max(0, len(rest)-2))}
		}
		if !bytes.HasPrefix(rest[n:], []byte("\r\n")) {
			return []string{fmt.Sprintf("HTTP chunked body: the chunk of %d bytes is not followed by CRLF", n)}
		}
		b = rest[n+2:]
	}
}
