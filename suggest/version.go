package suggest

import (
	"bytes"
	"strings"
)

// genericWords are words of a product name that do not name it (kinds of
// programs, protocols, operating systems): finding "httpd" in a reply does
// not identify "Apache httpd".
var genericWords = map[string]bool{
	"http": true, "httpd": true, "https": true, "server": true, "daemon": true, "service": true, "proxy": true,
	"smtpd": true, "imapd": true, "pop3d": true, "ftpd": true, "sshd": true, "telnetd": true, "store": true,
	"media": true, "streaming": true, "accelerator": true, "bouncer": true, "key-value": true, "mail": true,
	"web": true, "the": true, "and": true, "for": true, "irc": true, "dns": true, "queue": true, "job": true,
	"system": true, "player": true, "linux": true, "unix": true, "windows": true, "debian": true, "ubuntu": true,
	"gateway": true, "appliance": true, "agent": true, "node": true, "smtp": true, "ftp": true, "ssh": true,
	"imap": true, "pop3": true, "ldap": true, "sql": true, "database": true, "db": true, "version": true,
}

// productWords returns the words of a product name that identify it, in
// lower case: words of three or more characters that are not generic and
// do not name a protocol ("XMPP" in "Prosody XMPP server").
func productWords(product string) []string {
	var out []string
	words := strings.FieldsFunc(product, func(r rune) bool { return r == ' ' || r == '/' || r == ',' || r == '(' || r == ')' })
	for _, w := range words {
		lw := strings.ToLower(w)
		if len(lw) >= 3 && !genericWords[lw] && !protocolWords[lw] {
			out = append(out, lw)
		}
	}
	return out
}

// productInitials returns the initials of a product name of three or more
// words ("Music Player Daemon": mpd), which name it as well; "" if none.
// A number after the initials is not taken for the product's version (MPD
// prints its protocol's).
func productInitials(product string) string {
	words := strings.Fields(product)
	if len(words) < 3 {
		return ""
	}
	var ini []byte
	for _, w := range words {
		ini = append(ini, w[0])
	}
	lw := strings.ToLower(string(ini))
	if genericWords[lw] || protocolWords[lw] {
		return ""
	}
	return lw
}

// findWords returns where the words occur in data (ASCII case folded), not
// inside a longer word: the byte before is not a letter, nor (for words
// shorter than five letters) the byte after.
func findWords(data []byte, words []string) [][2]int {
	var out [][2]int
	low := make([]byte, len(data)) // ASCII only: bytes.ToLower would rewrite invalid UTF-8
	for i, c := range data {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	for _, w := range words {
		for off := 0; ; {
			k := bytes.Index(low[off:], []byte(w))
			if k < 0 {
				break
			}
			s, e := off+k, off+k+len(w)
			off = s + 1
			// A long name may run into the next word ("OpenLDAProotDSE");
			// a short one must stand alone ("ISC", not "DISCONNECT").
			if s > 0 && isLetter(data[s-1]) || len(w) < 5 && e < len(data) && isLetter(data[e]) {
				continue
			}
			out = append(out, [2]int{s, e})
		}
	}
	return out
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// protocolWords name protocols, not programs: "HTTP/1.1" and "SSH-2.0"
// carry protocol versions.
var protocolWords = map[string]bool{"http": true, "https": true, "rtsp": true, "sip": true, "ssh": true, "ipp": true,
	"ice": true, "tls": true, "ssl": true, "rfb": true, "smtp": true, "esmtp": true, "imap": true, "imap4rev": true,
	"pop": true, "ftp": true, "amqp": true, "mqtt": true, "xmpp": true, "dav": true, "icy": true, "rsyncd": true}

// pickVersion chooses the version number among the version-looking pieces
// (indices in versions): first one next to a word of the product name
// ("nginx/1.22.1", "OpenSSH_9.2p1", "10.11.19-MariaDB"), then one after the
// word "version" ("VERSION 1.6.18", `"version":"2.9.10"`), then, in a
// binary reply, a string field that starts with one (a DNS TXT record),
// then, with no product given, one right after a program name. It returns
// -1 when none is in such a place: a version-looking token elsewhere (a
// protocol version, a kernel release) is not the product's version.
func (a *analysis) pickVersion(r *reply, versions map[int]bool) (int, string) {
	if len(versions) == 0 {
		return -1, ""
	}
	data := r.data
	hits := findWords(data, a.product)
	verWords := findWords(data, []string{"version", "ver"})
	best, bestRank, how := -1, 99, ""
	for i := range r.pieces {
		if !versions[i] {
			continue
		}
		p := r.pieces[i]
		if protocolVersion(data, p.start) {
			continue
		}
		rank, why := 99, ""
		for _, h := range hits {
			name := strings.TrimSpace(string(data[h[0]:h[1]]))
			switch {
			case h[1] <= p.start && p.start-h[1] <= 2 && strings.Trim(string(data[h[1]:p.start]), " /_-:v") == "" && rank > 1:
				rank, why = 1, "after the product name "+name
			case p.end <= h[0] && h[0]-p.end == 1 && data[p.end] == '-' && rank > 2:
				rank, why = 2, "before the product name "+name
			}
		}
		for _, h := range verWords {
			if h[1] > p.start || p.start-h[1] > 4 {
				continue
			}
			sep := string(data[h[1]:p.start])
			// version='1.0' is an XML or HTML attribute: a protocol's version.
			if strings.Trim(sep, " :=\"'_/v") == "" && !strings.HasPrefix(sep, "='") && !strings.HasPrefix(sep, "=\"") && rank > 3 {
				rank, why = 3, "after the word "+string(data[h[0]:h[1]])
			}
		}
		if !r.text && rank > 4 && (p.start == 0 || !printable(data[p.start-1]) || lengthByteBefore(data, p.start)) {
			rank, why = 4, "at the start of a string field"
		}
		if a.productNone && rank > 5 {
			// "Name/1.2", "Name_1.2", "Name 1.2", "Name-1.2"
			j := p.start - 1
			if j >= 0 && strings.IndexByte("/_ -", data[j]) >= 0 {
				k := j
				for k > 0 && isLetter(data[k-1]) {
					k--
				}
				if w := strings.ToLower(string(data[k:j])); len(w) >= 3 && !protocolWords[w] && (k == 0 || !isLetter(data[k-1])) {
					rank, why = 5, "after the name "+string(data[k:j])
				}
			}
		}
		if rank < bestRank {
			best, bestRank, how = i, rank, why
		}
	}
	if bestRank == 99 {
		return -1, ""
	}
	return best, how
}

// lengthByteBefore reports whether the byte before off is a length (not a
// printable byte) that counts the printable run starting at off (a DNS
// character-string).
func lengthByteBefore(data []byte, off int) bool {
	if off == 0 || printable(data[off-1]) {
		return false
	}
	n := int(data[off-1])
	return n > 0 && off+n <= len(data) && printableRun(data[off:off+n])
}

// protocolVersion reports whether the version-looking token at off is a
// protocol's version rather than a program's: right after a protocol name
// ("HTTP/1.1", "SSH-2.0", "RTSP/1.0"), after the word "protocol", or in an
// XML declaration.
func protocolVersion(data []byte, off int) bool {
	j := off - 1
	if j < 0 {
		return false
	}
	if data[j] == '/' || data[j] == '-' {
		k := j
		for k > 0 && (isLetter(data[k-1]) || data[k-1] >= '0' && data[k-1] <= '9') {
			k--
		}
		if protocolWords[strings.ToLower(string(data[k:j]))] {
			return true
		}
	}
	before := strings.ToLower(string(data[max(0, off-16):off]))
	before = strings.TrimRight(before, " :='\"")
	return strings.HasSuffix(before, "protocol") || strings.HasSuffix(before, "<?xml version")
}
