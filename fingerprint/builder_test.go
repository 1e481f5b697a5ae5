package fingerprint

import (
	"strings"
	"testing"
	"time"
)

func hdr() Fingerprint {
	return Fingerprint{Port: 1, Proto: "TCP", Version: "7.93", Intensity: 7, Month: 1, Day: 2, Time: 0xA, Platform: "p"}
}

// entryText returns the F3 entry for data, unwrapped.
func entryText(data []byte, debug bool) string {
	b := NewBuilder(hdr(), Options{Debug: debug})
	b.Add("N", data)
	s := strings.ReplaceAll(b.String(), "\nSF:", "")
	return s[strings.Index(s, "%r("):]
}

func TestEscape(t *testing.T) {
	tests := []struct {
		rule string
		in   []byte
		want string
	}{
		{"F4.1 alnum", []byte("aZ09"), `%r(N,4,"aZ09");`},
		{"F4.2 NUL", []byte("\x00a"), `%r(N,2,"\0a");`},
		{"F4.2 NUL before digit", []byte("\x001\x00\x009"), `%r(N,5,"\x001\0\x009");`},
		{"F4.2 NUL at the end", []byte("a\x00"), `%r(N,2,"a\0");`},
		{"F4.3 metacharacters", []byte(`\?"[]().*+$^|`), `%r(N,D,"\\\?\"\[\]\(\)\.\*\+\$\^\|");`},
		{"F4.4 other punctuation", []byte("!#%&',-/:;<=>@_`{}~"), "%r(N,13,\"!#%&',-/:;<=>@_`{}~\");"},
		{"F4.5 CR LF TAB", []byte("\r\n\t"), `%r(N,3,"\r\n\t");`},
		{"F4.6 space, controls, DEL, high bytes", []byte(" \x01\x0b\x7f\x80\xff"), `%r(N,6,"\x20\x01\x0b\x7f\x80\xff");`},
	}
	for _, tc := range tests {
		if got := entryText(tc.in, false); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.rule, got, tc.want)
		}
	}
	// All 256 byte values: the classes partition the byte range.
	var all []byte
	for i := 0; i < 256; i++ {
		all = append(all, byte(i))
	}
	fp := decodeOne(t, NewBuilderWith(all).String())
	if string(fp.Responses[0].Data) != string(all) {
		t.Errorf("256 bytes do not survive: %q", fp.Responses[0].Data)
	}
}

func NewBuilderWith(data []byte) *Builder {
	b := NewBuilder(hdr(), Options{})
	b.Add("N", data)
	return b
}

func decodeOne(t *testing.T, s string) *Fingerprint {
	t.Helper()
	fps, err := Decode("t", []byte(s))
	if err != nil || len(fps) != 1 {
		t.Fatalf("Decode: %d fingerprints, %v\n%s", len(fps), err, s)
	}
	return fps[0]
}

func TestTruncation(t *testing.T) {
	// F3/F5: 900 (1300) bytes are escaped, the full length is declared.
	data := []byte(strings.Repeat("a", 899) + "\x005" + strings.Repeat("b", 398) + "\x0077")
	for _, tc := range []struct {
		debug bool
		want  string
	}{
		// F4.2: the next byte kept decides; after the cut there is none.
		{false, `%r(N,516,"` + strings.Repeat("a", 899) + `\0");`},
		{true, `%r(N,516,"` + strings.Repeat("a", 899) + `\x005` + strings.Repeat("b", 398) + `\0");`},
	} {
		if got := entryText(data, tc.debug); got != tc.want {
			t.Errorf("debug=%v: %s", tc.debug, got)
		}
	}
	b := NewBuilder(hdr(), Options{})
	b.Add("N", data)
	r := b.Fingerprint().Responses[0]
	if r.Length != 1302 || len(r.Data) != 900 {
		t.Errorf("kept %d of %d", len(r.Data), r.Length)
	}
}

func TestWrap(t *testing.T) {
	// F6: 74-character lines, "SF:" + 71 after the first; ';' never wrapped.
	for n := 0; n < 300; n++ {
		b := NewBuilder(hdr(), Options{})
		b.Add("N", []byte(strings.Repeat("x", n+1)))
		s := b.String()
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			last := i == len(lines)-1
			if i > 0 && !strings.HasPrefix(l, "SF:") {
				t.Fatalf("n=%d line %d: %q", n, i, l)
			}
			if !last && len(l) != 74 || last && (len(l) > 75 || len(l) < 2) {
				t.Fatalf("n=%d line %d has %d characters: %q", n, i, len(l), l)
			}
		}
		if len(lines[len(lines)-1]) == 75 && !strings.HasSuffix(s, ";") {
			t.Fatal("75-character line without the final ';'")
		}
	}
}

// TestSizeLimit checks F5's skip rule at its boundary: an entry is added
// while the text (with its "\nSF:") is at most 2200 (10000) characters long.
func TestSizeLimit(t *testing.T) {
	for _, debug := range []bool{false, true} {
		limit := SizeLimit
		if debug {
			limit = DebugSizeLimit
		}
		seen := map[int]bool{}
		for n := 1; n < 8; n++ {
			for r := 0; r < 150; r++ {
				b := NewBuilder(hdr(), Options{Debug: debug})
				b.Add("N", []byte(strings.Repeat("y", n)))
				for b.Len() < limit-200 {
					b.Add("M", []byte(strings.Repeat("z", 150)))
				}
				b.Add("R", []byte(strings.Repeat("w", r+1)))
				l := b.Len()
				if l < limit-1 || l > limit+1 {
					continue
				}
				seen[l-limit] = true
				added := b.Add("L", []byte("last"))
				if added != (l <= limit) {
					t.Errorf("debug=%v: length %d, added=%v", debug, l, added)
				}
				if s := b.String(); strings.Contains(s, "%r(L,") != added {
					t.Errorf("debug=%v: text does not reflect Add", debug)
				}
			}
		}
		if !seen[0] || !seen[1] {
			t.Errorf("debug=%v: boundary not reached: %v", debug, seen)
		}
	}
}

func TestHeader(t *testing.T) {
	f := Fingerprint{Port: 8444, Proto: "TCP", Version: "7.93", SSL: true, Intensity: 7, Month: 11, Day: 25, Time: 0x6B0717B9, Platform: "x86_64-pc-linux-gnu"}
	b := NewBuilder(f, Options{})
	if b.String() != "" || b.Add("NULL", nil) || b.String() != "" {
		t.Error("empty responses are not recorded (F1)")
	}
	b.Add("NULL", []byte("\x01\x02garbage-proto v9\r\n"))
	want := "SF-Port8444-TCP:V=7.93%T=SSL%I=7%D=11/25%Time=6B0717B9%P=x86_64-pc-linux-g\nSF:nu%r(NULL,14,\"\\x01\\x02garbage-proto\\x20v9\\r\\n\");"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Options.Now stamps the header at the first entry.
	now := time.Date(2026, 3, 7, 10, 0, 0, 0, time.Local)
	b = NewBuilder(Fingerprint{Port: 5, Proto: "UDP", Version: "7.93", Intensity: 0, Platform: "p"}, Options{Now: func() time.Time { return now }})
	b.Add("U1", []byte("x"))
	if got, want := b.String(), "SF-Port5-UDP:V=7.93%I=0%D=3/7%Time="+strings.ToUpper(strconvHex(uint32(now.Unix())))+"%P=p%r(U1,1,\"x\");"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	// A probe name longer than nmap's 128-byte format buffer is cut like Snprintf.
	b = NewBuilder(hdr(), Options{})
	long := strings.Repeat("n", 200)
	b.Add(long, []byte("x"))
	if s := strings.ReplaceAll(b.String(), "\nSF:", ""); !strings.Contains(s, "%r("+long[:124]+"x\")") {
		t.Errorf("long probe name: %s", s)
	}
}

func strconvHex(v uint32) string {
	const digits = "0123456789abcdef"
	if v == 0 {
		return "0"
	}
	var b []byte
	for ; v > 0; v >>= 4 {
		b = append([]byte{digits[v&15]}, b...)
	}
	return string(b)
}
