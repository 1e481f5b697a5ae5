package fingerprint

import (
	"bytes"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/signetscan/signet/diag"
)

const okFP = `SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(NULL,2,"ab");`

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"junk\n\nSF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=x86_64-pc-linux-gnu%r(N\nSF:ULL,2,\"a\\qb\");\n",
			`fp.txt:4:12: bad escape \q in %r(NULL,…)`},
		{`SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(NULL,1,"ab");`, `fp.txt:1:49: declared length 0x1 is less than the 2 bytes of data in %r(NULL,…)`},
		{`SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(NULL,0,"");`, `fp.txt:1:49: zero length in %r(NULL,…)`},
		{`SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(NULL,2,"a\x4");`, `fp.txt:1:53: bad escape \x4" in %r(NULL,…)`},
		{`SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(NULL,2,"a b");`, `fp.txt:1:53: unescaped byte 0x20 in %r(NULL,…)`},
		{`SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(NULL,2,"ab"`, `fp.txt:1:55: expected ')' after the data in %r(NULL,…)`},
		{`SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(NULL,2,"ab)`, `fp.txt:1:55: unterminated data in %r(NULL,…)`},
		{`SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(NULL,2,"ab")`, `fp.txt:1:56: expected "%r("`},
		{`SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(NULL,2,"ab"); x`, `fp.txt:1:58: unexpected text after the final ';'`},
		{`SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(NULL"ab");`, `fp.txt:1:44: malformed %r entry: expected probe,LENGTH,"data"`},
		{`SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p;`, `fp.txt:1:40: expected "%r("`},
		{`SF-Port70000-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(N,1,"a");`, `fp.txt:1:12: bad port number`},
		{`SF-Port1-SCTP:V=7.93%I=7%D=1/2%Time=A%P=p%r(N,1,"a");`, `fp.txt:1:9: expected -TCP: or -UDP:`},
		{`SF-Port1-TCP:V=7.93%I=x%D=1/2%Time=A%P=p%r(N,1,"a");`, `fp.txt:1:23: bad intensity`},
		{`SF-Port1-TCP:V=7.93%I=7%D=1-2%Time=A%P=p%r(N,1,"a");`, `fp.txt:1:28: expected "/"`},
		{`SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=123456789%P=p%r(N,1,"a");`, `fp.txt:1:36: bad time`},
		{`SF-Port1-TCP:V=%I=7%D=1/2%Time=A%P=p%r(N,1,"a");`, `fp.txt:1:16: empty V=`},
		{`SF-Port1-TCP:V=7 93%I=7%D=1/2%Time=A%P=p%r(N,1,"a");`, `fp.txt:1:17: bad character in V=`},
		{`<service servicefp="SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(N,1,&quot;\q&quot;);"/>`, `fp.txt:1:74: bad escape \q in %r(N,…)`},
		{`<service servicefp="SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(N,1,&bogus;a&quot;);"/>`, `fp.txt:1:68: bad XML entity &bogus;`},
		{`<service servicefp="SF-Port1`, `fp.txt:1:21: unterminated servicefp attribute`},
	}
	for _, tc := range tests {
		fps, err := Decode("fp.txt", []byte(tc.in))
		if err == nil || err.Error() != tc.want || len(fps) != 0 {
			t.Errorf("%q:\n got %v (%d fingerprints)\nwant %s", tc.in, err, len(fps), tc.want)
		}
	}
}

func TestDecodeMixed(t *testing.T) {
	// Several forms in one input, with errors in between; good ones survive.
	in := strings.Join([]string{
		"Starting Nmap",
		"==============NEXT SERVICE FINGERPRINT (SUBMIT INDIVIDUALLY)==============",
		"  " + okFP + "\r",
		`SF-Port2-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(NULL,2,"a\q");`,
		`<port><service name="x" servicefp="SF-Port3-UDP:V=7.93%I=7%D=1/2%Time=A%P=p%r(U,3,&quot;&lt;\&quot;&gt;&quot;);" method="table"/></port>`,
		"SF-Port4-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(a,b,1,4,\"\\x00\\0\\\\\\\"\")",
		"SF:;",
		"trailing text",
	}, "\n")
	fps, err := Decode("m", []byte(in))
	el, ok := err.(diag.ErrorList)
	if !ok || len(el) != 1 || el[0].Pos.Line != 4 || el[0].Pos.Col != 53 {
		t.Fatalf("errors: %v", err)
	}
	if len(fps) != 3 || fps[0].Port != 1 || fps[1].Port != 3 || fps[2].Port != 4 {
		t.Fatalf("got %d fingerprints", len(fps))
	}
	if string(fps[1].Responses[0].Data) != `<">` || fps[1].Proto != "UDP" {
		t.Errorf("XML entity decoding: %q", fps[1].Responses[0].Data)
	}
	if r := fps[2].Responses[0]; r.Probe != "a,b,1" || string(r.Data) != "\x00\x00\\\"" || r.Length != 4 {
		t.Errorf("entry %+v", r)
	}
	// DecodeReader is the same.
	fps2, _ := DecodeReader("m", strings.NewReader(in))
	if !reflect.DeepEqual(fps, fps2) {
		t.Error("DecodeReader differs")
	}
}

func TestDecodeCommaInProbeName(t *testing.T) {
	fp := &Fingerprint{Port: 9, Proto: "TCP", Version: "7.93", Intensity: 7, Month: 1, Day: 1, Time: 1, Platform: "p",
		Responses: []Response{{Probe: "a,1,b", Length: 3, Data: []byte("x,1")}}}
	got := decodeOne(t, fp.String())
	if !reflect.DeepEqual(got, fp) {
		t.Errorf("got %+v", got)
	}
}

// TestRoundTrip: random responses → Builder → Decode gives back the
// header and, for every entry written, the probe, declared length and kept bytes.
func TestRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	special := []byte("\x00\x00\x0012345\\\"?()[].*+$^| \r\n\t\x7f\x80\xff%;,")
	for iter := 0; iter < 2000; iter++ {
		h := Fingerprint{
			Port: rng.Intn(65536), Proto: []string{"TCP", "UDP"}[rng.Intn(2)], Version: []string{"7.93", "7.94SVN", "5.21"}[rng.Intn(3)],
			SSL: rng.Intn(4) == 0, Intensity: rng.Intn(10), Month: 1 + rng.Intn(12), Day: 1 + rng.Intn(31),
			Time: rng.Uint32(), Platform: []string{"x86_64-pc-linux-gnu", "i686-pc-windows-windows", "p"}[rng.Intn(3)],
		}
		opts := Options{Debug: rng.Intn(3) == 0}
		b := NewBuilder(h, opts)
		n := 1 + rng.Intn(12)
		for i := 0; i < n; i++ {
			size := 1 + rng.Intn([]int{10, 100, 1500, 3000}[rng.Intn(4)])
			data := make([]byte, size)
			for j := range data {
				switch rng.Intn(4) {
				case 0:
					data[j] = byte(rng.Intn(256))
				case 1:
					data[j] = special[rng.Intn(len(special))]
				default:
					data[j] = "abcXYZ0189"[rng.Intn(10)]
				}
			}
			name := []string{"NULL", "GetRequest", "a-b_c", "X", "ms-sql-s", "p,1"}[rng.Intn(6)]
			b.Add(name, data)
		}
		text := b.String()
		want := b.Fingerprint()
		for _, form := range []string{text, strings.ReplaceAll(text, "\nSF:", ""), "prefix\n" + text + "\nsuffix"} {
			got := decodeOne(t, form)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("iteration %d: decoded\n%+v\nwant\n%+v\n%s", iter, got, want, text)
			}
			if s := got.String(); s != text {
				t.Fatalf("iteration %d: re-encoded\n%s\nwant\n%s", iter, s, text)
			}
		}
		for _, r := range want.Responses {
			limit := RespLimit
			if opts.Debug {
				limit = DebugRespLimit
			}
			if len(r.Data) != min(r.Length, limit) {
				t.Fatalf("kept %d of %d bytes", len(r.Data), r.Length)
			}
		}
		// XML attribute form, escaped as nmap writes it.
		x := `<service servicefp="` + xmlEscape(want.XML()) + `"/>`
		if got := decodeOne(t, x); !reflect.DeepEqual(got, want) {
			t.Fatalf("XML form differs")
		}
	}
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func TestFormatBufferLimit(t *testing.T) {
	// nmap formats the header in 128 bytes: 127 characters fit, 128 do not.
	base := `SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=`
	for _, n := range []int{127, 128} {
		in := base + strings.Repeat("p", n-len(base)) + `%r(N,1,"a");`
		fps, err := Decode("t", []byte(in))
		if (n == 127) != (err == nil && len(fps) == 1) {
			t.Errorf("%d-byte header: %v", n, err)
		}
		if n == 127 && fps[0].XML() != in {
			t.Errorf("127-byte header re-encoded as %s", fps[0].XML())
		}
	}
}
