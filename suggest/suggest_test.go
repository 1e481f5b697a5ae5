package suggest

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signetscan/signet/evidence"
	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/pcre"
	"github.com/signetscan/signet/probes"
)

func TestEscape(t *testing.T) {
	cases := []struct {
		in   []byte
		want string
	}{
		{[]byte("220 ok\r\n"), `220 ok\r\n`},
		{[]byte("a.b|c(d)[e]{f}*+?^$\\"), `a\.b\|c\(d\)\[e\]\{f\}\*\+\?\^\$\\`},
		{[]byte{0, 'x', 0, '1', 0xff, 0x7f, '\t'}, `\0x\x001\xff\x7f\t`},
		{[]byte("/ # - = %"), `/ # - = %`},
	}
	for _, c := range cases {
		if got := escapeLit(c.in, 0, -1); got != c.want {
			t.Errorf("escapeLit(%q) = %s, want %s", c.in, got, c.want)
		}
	}
	// \0 before a digit in the next part is written \x00.
	if got, _ := pattern([]part{{lit: []byte{0}}, {lit: []byte("7")}}, 0); got != `^\x007` {
		t.Errorf("got %s", got)
	}
	// Every usual delimiter in the reply: '|' becomes \x7c.
	pat, d, _ := render([]part{{lit: []byte(delimiters)}})
	if d != '|' || strings.IndexByte(pat, '|') >= 0 {
		t.Errorf("delimiter %q in %s", d, pat)
	}
	// Each escaped literal compiles and matches exactly its bytes.
	for c := 0; c < 256; c++ {
		b := []byte{'a', byte(c), '9'}
		pat, _ := pattern([]part{{lit: b}}, 0)
		re, err := pcre.Compile(pat+"$", 0)
		if err != nil {
			t.Fatalf("byte %#x: %s: %v", c, pat, err)
		}
		if loc, _ := re.Exec(b); loc == nil {
			t.Errorf("byte %#x: %s does not match", c, pat)
		}
	}
}

func TestVersionTemplateDelimiter(t *testing.T) {
	if got, _ := versionTemplate("p", "a/b"); got != "p|a/b|" {
		t.Errorf("got %s", got)
	}
	line, err := matchLine(Fields{Service: "http", Product: "X", Version: true, OS: "Linux"}, `^a`, '|', true)
	if err != nil || line != `match http m|^a|s p/X/ v/$1/ o/Linux/` {
		t.Errorf("%s %v", line, err)
	}
}

// analyze finds what varies and the version, and the regex built from
// every piece matches the reply it came from.
func TestAnalyze(t *testing.T) {
	cases := []struct {
		reply   string
		product string
		whats   []string // the classes and the version group, in order
		version string   // the captured version, "" if none
	}{
		{"HTTP/1.1 200 OK\r\nDate: Wed, 25 Nov 2026 19:47:57 GMT\r\nServer: nginx/1.22.1\r\n\r\n", "nginx", []string{"version", "date or time", "version"}, "1.22.1"},
		{"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\r\n", "OpenSSH", []string{"version", "version", "package revision"}, "9.2p1"},
		{"220 mail.example.org ESMTP Postfix (Debian/GNU)\r\n", "Postfix smtpd", []string{"host name"}, ""},
		{"INFO {\"server_id\":\"NCJGRU22VOXK4GFRPPRLRYIEOEPNYG3XYZ42QZ\",\"version\":\"2.9.10\",\"port\":4222}\r\n", "NATS server", []string{"random token", "version", "counter"}, "2.9.10"},
		{"STAT pid 20511\r\nSTAT uptime 85\r\nSTAT version 1.6.18\r\n", "Memcached", []string{"counter", "counter", "version"}, "1.6.18"},
		{"ETag: \"6b073234-267\"\r\nX-Id: 0f836b0065da91c42459e359c477794ad09ec9a0\r\n", "", []string{"hex nonce", "hex nonce"}, ""},
		{"* OK IMAP4rev1 ready at 2026-11-25T19:47:57Z from 10.1.2.3\r\n", "", []string{"date or time", "address"}, ""},
		{"<?xml version='1.0'?><stream:stream id='c2b1f8f0-1d2e-4c3b-9a8f-0e1d2c3b4a59'>", "Prosody", []string{"version", "id"}, ""},
	}
	for _, c := range cases {
		a := &analysis{product: productWords(c.product), productNone: c.product == "", port: 4222}
		r := a.analyze("x", []byte(c.reply))
		var whats []string
		for _, p := range r.pieces {
			if p.kind != kLit {
				whats = append(whats, p.what)
			}
		}
		if strings.Join(whats, ",") != strings.Join(c.whats, ",") {
			t.Errorf("%q: classes %v, want %v", c.reply, whats, c.whats)
		}
		v := ""
		if r.version >= 0 {
			p := r.pieces[r.version]
			v = c.reply[p.start:p.end]
		}
		if v != c.version {
			t.Errorf("%q: version %q, want %q", c.reply, v, c.version)
		}
		checkAllParts(t, r)
	}
}

// checkAllParts compiles the regex of all of a reply's pieces and checks it
// matches the reply, with the version group on the version.
func checkAllParts(t *testing.T, r *reply) {
	t.Helper()
	b := &builder{rep: r}
	parts := b.bytesParts(0, len(r.data))
	pat, _, dot := render(parts)
	var f pcre.Flags
	if dot {
		f = pcre.DotAll
	}
	re, err := pcre.Compile(pat, f)
	if err != nil {
		t.Fatalf("%q: %s: %v", r.data, pat, err)
	}
	loc, err := re.Exec(r.data)
	if err != nil || loc == nil || loc[1] != len(r.data) {
		t.Fatalf("%q: %s does not match all of it (%v, %v)", r.data, pat, loc, err)
	}
	if r.version >= 0 {
		p := r.pieces[r.version]
		if loc[2] != p.start || loc[3] != p.end {
			t.Fatalf("%q: group %v, version at %d-%d", r.data, loc[2:4], p.start, p.end)
		}
	}
}

// FuzzAnalyze: whatever the reply, the generalised regex compiles and
// matches the reply it was made from (with or without a second recording).
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte("220 mx ESMTP Postfix 3.7.11 Wed, 25 Nov 2026 19:47:57 GMT\r\n"), []byte("220 mx ESMTP Postfix 3.7.11 Thu, 26 Nov 2026 01:02:03 GMT\r\n"), "Postfix")
	f.Add([]byte("d\x00\x00\x00\n5.5.5-10.11.19-MariaDB-0+deb12u1\x00\x04\x00\x00\x003R#S[NWJ\x00"), []byte("d\x00\x00\x00\n5.5.5-10.11.19-MariaDB-0+deb12u1\x00\x09\x00\x00\x00a{gs+zH6\x00"), "MariaDB")
	f.Add([]byte("\x00C\x00\x06\x85\x00\x00\x01\x00\x01\x07version\x04bind\x00\x18"+"9.18.49-1~deb12u3-Debian"), []byte{}, "ISC BIND")
	f.Fuzz(func(t *testing.T, reply, other []byte, product string) {
		if len(reply) == 0 || len(reply) > 2048 || len(other) > 2048 {
			return
		}
		a := &analysis{product: productWords(product), productNone: product == "", port: 25, payload: []byte("EHLO\r\n")}
		if len(other) > 0 {
			a.also = [][]byte{other}
			a.peers = [][]byte{other}
		}
		checkAllParts(t, a.analyze("x", reply))
	})
}

// With --also, bytes that differ between two recordings of a binary
// reply become classes, and the line matches both.
func TestAlsoLearnsBinary(t *testing.T) {
	db := embedded(t)
	first, err := evidence.LoadFile(filepath.Join(evidenceDir, "binary/mysql/mariadb-debian.fp"))
	if err != nil {
		t.Fatal(err)
	}
	second, err := evidence.LoadFile(filepath.Join(secondDir, "mysql-mariadb.fp"))
	if err != nil {
		t.Fatal(err)
	}
	db = forget(t, db, first.FP)
	res, err := Suggest(db, first.FP, Options{Service: "mysql", Product: "MariaDB", Corpus: corpusSamples(t), Also: []*fingerprint.Fingerprint{second.FP}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Line, `MariaDB`) || !strings.Contains(res.Line, "v/$1/") {
		t.Errorf("line %s", res.Line)
	}
	// Without the product name only the learnt fixed bytes can identify it.
	res, err = Suggest(db, first.FP, Options{Service: "mysql", Product: "Unnamed SQL", VersionFrom: "none", Corpus: corpusSamples(t), Also: []*fingerprint.Fingerprint{second.FP}})
	if err != nil {
		t.Fatal(err)
	}
	cdb, line, err := withLine(db, res.Overlay)
	if err != nil {
		t.Fatal(err)
	}
	for _, fp := range []*fingerprint.Fingerprint{first.FP, second.FP} {
		if w := wins(cdb, line, fp, res.Fields); w != "" {
			t.Errorf("%s: %s", res.Line, w)
		}
	}
	if strings.Contains(res.Line, "v/") {
		t.Errorf("--version-from none: %s", res.Line)
	}
	// One recording is not enough to tell the salt from the fixed bytes.
	_, err = Suggest(db, first.FP, Options{Service: "mysql", Product: "Unnamed SQL", Corpus: corpusSamples(t)})
	var ref *Refusal
	if !errors.As(err, &ref) || !strings.Contains(err.Error(), "give --also") {
		t.Errorf("err = %v", err)
	}
}

// A line the fingerprint's earlier replies would beat is not offered: the
// first probe's reply is taken, and a probe the walk would skip is never
// used.
func TestShadowAndProbeChoice(t *testing.T) {
	src := "Probe TCP NULL q||\nmatch smtp m|^220 Ready| p/Other/\nProbe TCP Hello q|EHLO\\r\\n|\nrarity 8\n"
	db, err := probes.Parse("t.probes", []byte(src))
	if err == nil {
		err = db.Resolve()
	}
	if err != nil {
		t.Fatal(err)
	}
	data := `SF-Port25-TCP:V=7.93%I=7%D=3/19%Time=4D14329D%P=x%r(NULL,F,"220\x20Ready\x20mx\r\n")%r(Hello,23,"220\x20Ready\x20mx\r\n250\x20Acme\x20mail\x20here\r\n");`
	fps, err := fingerprint.Decode("fp", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Suggest(db, fps[0], Options{Service: "smtp", Product: "Acme Mail"})
	if err != nil {
		t.Fatal(err)
	}
	// Hello's reply names the product, but a line there never wins: the
	// NULL line hard-matches first. The NULL reply is used instead.
	if res.Probe.Name != "NULL" {
		t.Errorf("probe %s: %s", res.Probe.Name, res.Line)
	}
}

// FuzzSuggest: Suggest never panics, and a line it offers always wins on
// the fingerprint it came from.
func FuzzSuggest(f *testing.F) {
	src := "Probe TCP NULL q||\nsoftmatch smtp m|^220 |\nProbe TCP GetRequest q|GET / HTTP/1.0\\r\\n\\r\\n|\nmatch http m|^HTTP/1\\.0 200 OK\\r\\nServer: known| p/Known/\n"
	db, err := probes.Parse("t.probes", []byte(src))
	if err == nil {
		err = db.Resolve()
	}
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("220 mx ESMTP Acme 1.2 ready\r\n"), []byte("HTTP/1.0 200 OK\r\nServer: Acme/1.2\r\n\r\n"), "Acme")
	f.Add([]byte("\x00\x01binary\xff"), []byte("HTTP/1.0 200 OK\r\nServer: known\r\n"), "")
	f.Fuzz(func(t *testing.T, banner, page []byte, product string) {
		if len(banner) > 1024 || len(page) > 1024 || strings.ContainsAny(product, "\r\n\x00$") {
			return
		}
		fp := &fingerprint.Fingerprint{Port: 2525, Proto: "TCP", Intensity: 7}
		if len(banner) > 0 {
			fp.Responses = append(fp.Responses, fingerprint.Response{Probe: "NULL", Length: len(banner), Data: banner})
		}
		if len(page) > 0 {
			fp.Responses = append(fp.Responses, fingerprint.Response{Probe: "GetRequest", Length: len(page), Data: page})
		}
		if len(fp.Responses) == 0 {
			return
		}
		res, err := Suggest(db, fp, Options{Service: "acme", Product: product})
		if err != nil {
			return
		}
		cdb, line, err := withLine(db, res.Overlay)
		if err != nil {
			t.Fatalf("%s: %v", res.Overlay, err)
		}
		if w := wins(cdb, line, fp, res.Fields); w != "" {
			t.Fatalf("%s: %s", res.Line, w)
		}
	})
}
