package fingerprint

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/signetscan/signet/diag"
)

// FuzzDecode checks that Decode never panics and that whatever it accepts
// re-encodes to text that decodes to the same fingerprint. The seed corpus
// is testdata/fuzz/FuzzDecode plus every capture in testdata.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(okFP))
	f.Fuzz(func(t *testing.T, data []byte) {
		fps, err := Decode("fuzz", data)
		if err != nil {
			if _, ok := err.(diag.ErrorList); !ok {
				t.Fatalf("error of type %T", err)
			}
		}
		for _, fp := range fps {
			for _, r := range fp.Responses {
				if r.Length < len(r.Data) || r.Length == 0 {
					t.Fatalf("bad entry %+v", r)
				}
			}
			for _, form := range []string{fp.String(), fp.XML()} {
				again, err := Decode("again", []byte(form))
				if err != nil || len(again) != 1 || !reflect.DeepEqual(again[0], fp) {
					t.Fatalf("re-encoding does not decode back: %v\n%+v\n%+v\n%s", err, fp, again, form)
				}
			}
		}
	})
}

// FuzzDecodeLenient checks that DecodeLenient never panics, that what it
// returns re-encodes to text the strict decoder reads back the same, that
// its warning is one line, and that where it repaired nothing and both
// readers accept the input, it reads what the strict decoder reads.
func FuzzDecodeLenient(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(okFP))
	f.Add([]byte("> 12 SF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(NULL,2,“a\r\n> 13 b”);"))
	f.Add([]byte("x\rSF-Port1-TCP:V=7.93%I=7%D=1/2%Time=A%P=p%r(NULL,2,«\u00a0ab\u00a0»)\u200b;\r\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fps, rep, err := DecodeLenient("fuzz", data)
		if err != nil {
			if _, ok := err.(diag.ErrorList); !ok {
				t.Fatalf("error of type %T", err)
			}
		}
		if rep != nil && (rep.Fingerprints == 0 || rep.Fingerprints > len(fps) || strings.Contains(rep.String(), "\n")) {
			t.Fatalf("warning %q for %d fingerprints", rep, len(fps))
		}
		for _, fp := range fps {
			again, err := Decode("again", []byte(fp.String()))
			if err != nil || len(again) != 1 || !reflect.DeepEqual(again[0], fp) {
				t.Fatalf("re-encoding does not decode back: %v\n%+v", err, fp)
			}
		}
		strict, serr := Decode("fuzz", data)
		if rep == nil && err == nil && serr == nil && !reflect.DeepEqual(fps, strict) {
			t.Fatalf("nothing repaired, yet lenient\n%+v\nstrict\n%+v", fps, strict)
		}
	})
}

// FuzzRepairWellFormed builds fingerprints the way nmap does from fuzzed
// replies and checks that DecodeLenient reads them exactly, with nothing to
// say, and that it reads them back exactly as well after the text was
// mangled the ways copying mangles it (how chooses the ways), and says so.
func FuzzRepairWellFormed(f *testing.F) {
	f.Add([]byte("220 Ready to receive mail -=- ESMTP\r\n"), uint64(0))
	f.Add([]byte("220 Ready to receive mail -=- ESMTP\r\n"), uint64(1234567))
	f.Add([]byte("\x00\x01\"quoted\" \\ SF:x 5:SF: >SF- don't\xff\r\n"), uint64(98765432123))
	f.Add(bytes.Repeat([]byte("HTTP/1.0 200 OK\r\n"), 80), uint64(555555555555))
	f.Fuzz(func(t *testing.T, replies []byte, how uint64) {
		pick := func(n int) int {
			if n <= 0 {
				return 0
			}
			v := int(how % uint64(n))
			how /= uint64(n)
			how ^= how << 13 // keep choosing once the bits run out
			return v
		}
		hdr := Fingerprint{Port: 25, Proto: "TCP", Version: "7.93", SSL: pick(2) == 1, Intensity: 7,
			Month: 3, Day: 19, Time: 0x4D14329D, Platform: "x86_64-pc-linux-gnu"}
		b := NewBuilder(hdr, Options{Debug: pick(2) == 1})
		names := []string{"NULL", "GetRequest", "p,1", "X"}
		for i, rest := 0, replies; len(rest) > 0 && i < 4; i++ {
			k := len(rest)
			if i < 3 {
				k = min(k, 1+pick(300))
			}
			b.Add(names[i], rest[:k])
			rest = rest[k:]
		}
		if b.Len() == 0 {
			return
		}
		want := b.Fingerprint()
		fps, rep, err := DecodeLenient("fp", []byte(b.String()+"\n"))
		if err != nil || len(fps) != 1 || !reflect.DeepEqual(fps[0], want) || rep != nil {
			t.Fatalf("nmap's own text: %v, warning %q\n%s", err, rep, b.String())
		}
		in, changed := mangle(want, pick)
		fps, rep, err = DecodeLenient("fp", []byte(in))
		if err != nil || len(fps) != 1 || !reflect.DeepEqual(fps[0], want) {
			t.Fatalf("%v (%d fingerprints)\n%s", err, len(fps), in)
		}
		if (rep != nil) != changed {
			t.Fatalf("changed %v, warning %q\n%s", changed, rep, in)
		}
	})
}

// mangle writes fp as copying text would leave it, with the choices of
// pick, and reports whether the text differs from nmap's.
func mangle(fp *Fingerprint, pick func(int) int) (string, bool) {
	quotes := [][2]string{{`"`, `"`}, {"”", "”"}, {"“", "”"}, {"„", "“"}, {"‘", "’"}, {"«", "»"}, {"″", "″"}}
	q := quotes[pick(len(quotes))]
	h := header(fp)
	one := h
	for _, r := range fp.Responses {
		f := *fp
		f.Responses = []Response{r}
		e := strings.TrimSuffix(f.XML()[len(h):], ";")
		o := len("%r(") + len(r.Probe) + len(fmt.Sprintf(",%X,", r.Length))
		one += e[:o] + q[0] + e[o+1:len(e)-2] + q[1] + ")"
	}
	text := []rune(one + ";")
	zw := pick(4)
	for range zw {
		at := 7 + pick(len(text)-7)
		text = append(text[:at], append([]rune{'\u200b'}, text[at:]...)...)
	}
	// Lines: nmap's width, another width without or with "SF:", or nmap's
	// lines joined two by two with a space.
	mode := pick(4)
	width := 20 + pick(180)
	var lines []string
	sf := "SF:"
	if mode == 1 {
		sf = ""
	}
	first := true
	for len(text) > 0 {
		n := width
		if mode == 0 || mode == 3 {
			n = 74
			if !first {
				n = 71
			}
		}
		n = min(n, len(text))
		// A cut line must not read as a line of its own kind.
		for mode == 1 && n < len(text) && startsLine(string(text[n:])) {
			n++
		}
		line := string(text[:n])
		if !first {
			line = sf + line
		}
		lines = append(lines, line)
		text = text[n:]
		first = false
	}
	joined := 0
	if mode == 3 {
		var j []string
		for i := 0; i < len(lines); i += 2 {
			if i+1 < len(lines) {
				j = append(j, lines[i]+" "+lines[i+1])
				joined++
			} else {
				j = append(j, lines[i])
			}
		}
		lines = j
	}
	prefixes := []string{"", "> ", "> > ", ">>", "%7d ", "%6d\t", "%d: ", "    "}
	prefix := prefixes[pick(len(prefixes))]
	ends := []string{"\n", "\r\n", "\r", "\r\r\n"}
	end := ends[pick(len(ends))]
	trails := []string{"", "  ", "\u00a0"}
	trail := trails[pick(len(trails))]
	num := 1 + pick(100)
	var out strings.Builder
	for i, l := range append(append([]string{"see below:"}, lines...), "-- thanks") {
		p := prefix
		if strings.Contains(p, "%") {
			p = fmt.Sprintf(p, num+i)
		}
		out.WriteString(p + l + trail + end)
	}
	changed := q[0] != `"` || zw > 0 || (mode == 1 && len(lines) > 1) || joined > 0 || prefix != "" || end != "\n" || trail != ""
	return out.String(), changed
}

// startsLine reports whether text at the start of a line would read as a
// fingerprint line ("SF-Port…" or "SF:…") after a prefix or white space.
func startsLine(s string) bool {
	i, _ := readPrefix([]byte(s), 0, len(s), nil, &Repairs{})
	return strings.HasPrefix(s[i:], "SF:") || strings.HasPrefix(s[i:], "SF-Port")
}
