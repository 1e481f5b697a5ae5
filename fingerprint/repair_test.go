package fingerprint

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The seed article (testdata/seed: our page around the fingerprint as a blog
// pasted it), and the fingerprint as nmap printed it.
const (
	seedArticle = "../testdata/seed/article.txt"
	articleCopy = "testdata/article-pineapp.txt" // its fingerprint lines, verbatim
)

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// articleFingerprint returns the fingerprint lines of the article: from the
// line starting with "SF-Port" to the first line ending with ';'.
func articleFingerprint(article string) string {
	var out []string
	for _, l := range strings.SplitAfter(article, "\n") {
		if len(out) == 0 && !strings.HasPrefix(l, "SF-Port") {
			continue
		}
		out = append(out, l)
		if strings.HasSuffix(strings.TrimRight(l, "\n"), ";") {
			break
		}
	}
	return strings.Join(out, "")
}

const articleWarning = `:1: repaired the fingerprint as pasted: 8 typographic quotes ” read as "`

// The seed's first step: the fingerprint as the article publishes it, with
// typographic quotes, reads back to the very bytes nmap printed.
func TestLenientArticle(t *testing.T) {
	article := readFile(t, seedArticle)
	lines := articleFingerprint(article)
	if copy := readFile(t, articleCopy); lines != copy {
		t.Fatalf("the article's fingerprint is no longer the copy in %s:\n%s", articleCopy, lines)
	}
	if !strings.Contains(lines, "”") || strings.Count(lines, "\n") != 7 {
		t.Fatalf("expected 7 lines with typographic quotes:\n%s", lines)
	}
	nmapText := readFile(t, "testdata/pineapp.fp")
	want := decodeOne(t, nmapText)
	if _, err := Decode("article", []byte(lines)); err == nil {
		t.Fatal("the strict decoder accepts the article's quotes")
	}
	for _, tc := range []struct{ name, in, warning string }{
		{"lines", lines, "lines" + articleWarning},
		{"copy", readFile(t, articleCopy), "copy" + articleWarning},
		{"article", article, "article" + strings.Replace(articleWarning, ":1:", fmt.Sprintf(":%d:", 1+strings.Count(article[:strings.Index(article, "SF-Port")], "\n")), 1)},
	} {
		fps, rep, err := DecodeLenient(tc.name, []byte(tc.in))
		if err != nil || len(fps) != 1 {
			t.Fatalf("%s: %v (%d fingerprints)", tc.name, err, len(fps))
		}
		if !reflect.DeepEqual(fps[0], want) {
			t.Errorf("%s: decoded\n%+v\nwant\n%+v", tc.name, fps[0], want)
		}
		if got := fps[0].String() + "\n"; got != nmapText {
			t.Errorf("%s: reads back as\n%s\nnot as nmap printed it:\n%s", tc.name, got, nmapText)
		}
		if rep.String() != tc.warning {
			t.Errorf("%s: warning\n %s\nwant\n %s", tc.name, rep, tc.warning)
		}
	}
}

// transform helpers for the tables.
func mapLines(s string, f func(i int, l string) string) string {
	ls := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, l := range ls {
		ls[i] = f(i, l)
	}
	return strings.Join(ls, "\n") + "\n"
}

// cut joins the lines of an nmap fingerprint and cuts the text every n bytes
// (at rune boundaries), with sf before every line but the first.
func cut(s string, n int, sf string) string {
	one := []rune(strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\nSF:", ""))
	var b strings.Builder
	for len(one) > 0 {
		k := min(n, len(one))
		if b.Len() > 0 {
			b.WriteString("\n" + sf)
		}
		b.WriteString(string(one[:k]))
		one = one[k:]
	}
	return b.String() + "\n"
}

// curly replaces every '"' that opens or closes a reply's data.
func curly(s, open, close string) string {
	s = strings.ReplaceAll(s, `,"`, ","+open)
	s = strings.ReplaceAll(s, `")`, close+")")
	return strings.ReplaceAll(s, "\nSF:\"", "\nSF:"+open) // an opening quote at a line start
}

func TestLenientRepairs(t *testing.T) {
	pine := readFile(t, "testdata/pineapp.fp")
	want := decodeOne(t, pine)
	nb, zw := "\u00a0", "\u200b"
	article := curly(pine, "”", "”")
	if article != readFile(t, articleCopy) {
		t.Fatalf("curly() does not make the article's text:\n%s", article)
	}
	nth := func(n int, s string) func(int, string) string {
		return func(i int, l string) string { return fmt.Sprintf(s, n+i) + l }
	}
	const w = `t.fp:1: repaired the fingerprint as pasted: `
	for _, tc := range []struct{ name, in, warning string }{
		{"nmap's own text", pine, ""},
		{"other width with SF: (the strict reader's)", cut(pine, 50, "SF:"), ""},
		// Typographic quotes.
		{"quotes ” ”", article, w + `8 typographic quotes ” read as "`},
		{"quotes “ ”", curly(pine, "“", "”"), w + `8 typographic quotes “ ” read as "`},
		{"quotes „ “", curly(pine, "„", "“"), w + `8 typographic quotes „ “ read as "`},
		{"quotes ″", curly(pine, "″", "″"), w + `8 typographic quotes ″ read as "`},
		{"quotes ‘ ’", curly(pine, "‘", "’"), w + `8 typographic quotes ‘ ’ read as "`},
		{"quotes ‚ ′", curly(pine, "‚", "′"), w + `8 typographic quotes ‚ ′ read as "`},
		{"quotes « » with French spacing", curly(pine, "«"+nb, nb+"»"), w + `8 typographic quotes « » read as ", 8 non-breaking spaces removed`},
		{"quotes fullwidth", curly(pine, "＂", "＂"), w + `8 typographic quotes ＂ read as "`},
		{"one quote", strings.Replace(pine, `"451`, `“451`, 1), w + `1 typographic quote “ read as "`},
		// White space that copying adds.
		{"non-breaking indentation", mapLines(pine, func(_ int, l string) string { return nb + nb + l }), w + "14 non-breaking spaces removed"},
		{"non-breaking space in the header", strings.Replace(pine, "%I=7", nb+"%I=7", 1), w + "1 non-breaking space removed"},
		{"narrow no-break space between entries", strings.Replace(pine, `")%r(Help`, `")`+"\u202f"+`%r(Help`, 1), w + "1 non-breaking space removed"},
		{"zero-width spaces", strings.ReplaceAll(pine, `\x20`, zw+`\x20`), w + "29 zero-width characters removed"},
		{"byte order mark", "\ufeff" + pine, w + "1 zero-width character removed"},
		{"word joiner and soft hyphen", strings.Replace(strings.Replace(pine, "Ready", "Re\u2060ady", 1), "mail", "ma\u00adil", 1), w + "2 zero-width characters removed"},
		// Line ends.
		{"CRLF", strings.ReplaceAll(pine, "\n", "\r\n"), w + "7 CRLF line ends"},
		{"bare CR", strings.ReplaceAll(pine, "\n", "\r"), w + "7 line ends with stray CRs"},
		{"CR CR LF", strings.ReplaceAll(pine, "\n", "\r\r\n"), w + "7 line ends with stray CRs"},
		{"bare CR before the fingerprint", "nmap says:\r" + pine, strings.Replace(w, ":1:", ":2:", 1) + "1 line end with a stray CR"},
		// Leading and trailing white space.
		{"gained leading spaces", mapLines(pine, func(_ int, l string) string { return "    " + l }), w + "leading spaces removed from 7 lines"},
		{"gained leading tabs on SF: lines", mapLines(pine, func(i int, l string) string { return strings.Repeat("\t", min(i, 1)) + l }), w + "leading spaces removed from 6 lines"},
		{"SF: lines lost the indentation of the first", "    " + pine, w + "leading spaces removed from 1 line"},
		{"trailing spaces", mapLines(pine, func(_ int, l string) string { return l + " \t " }), w + "trailing spaces removed from 7 lines"},
		// Quoting prefixes.
		{"mail quoting", mapLines(pine, func(_ int, l string) string { return "> " + l }), w + `mail quoting ">" removed from 7 lines`},
		{"nested mail quoting", mapLines(pine, func(_ int, l string) string { return "> > " + l }), w + `mail quoting ">" removed from 7 lines`},
		{"nested mail quoting, no spaces", mapLines(pine, func(_ int, l string) string { return ">>" + l }), w + `mail quoting ">" removed from 7 lines`},
		{"less -N", mapLines(pine, nth(31, "%7d ")), w + "line numbers removed from 7 lines"},
		{"cat -n", mapLines(pine, nth(1, "%6d\t")), w + "line numbers removed from 7 lines"},
		{"vim :set number", mapLines(pine, nth(98, "%3d ")), w + "line numbers removed from 7 lines"},
		{"grep -n", mapLines(pine, nth(5, "%d:")), w + "line numbers removed from 7 lines"},
		{"numbers with a bar", mapLines(pine, nth(9, "%4d | ")), w + "line numbers removed from 7 lines"},
		{"bat", mapLines(pine, nth(12, "  %3d │ ")), w + "line numbers removed from 7 lines"},
		// Other widths.
		{"cut at 40, no SF:", cut(pine, 40, ""), w + "12 lines rewrapped (cut or joined at another width than nmap's)"},
		{"cut at 100, no SF:", cut(pine, 100, ""), w + "4 lines rewrapped (cut or joined at another width than nmap's)"},
		{"one line", cut(pine, 1000, ""), ""},
		{"one line, curly", cut(article, 1000, ""), w + `8 typographic quotes ” read as "`},
		{"lines joined with a space", strings.Replace(strings.Replace(pine, "\nSF:5,", " SF:5,", 1), "\nSF:x20to", "  SF:x20to", 1), w + "2 lines rewrapped (cut or joined at another width than nmap's)"},
		{"joined with a non-breaking space", strings.Replace(pine, "\nSF:5,", nb+"SF:5,", 1), w + "1 non-breaking space removed, 1 line rewrapped (cut or joined at another width than nmap's)"},
		// Several at once, as a reply to a mail that quoted a blog.
		{"mail reply to the article", mapLines(cut(article, 60, ""), func(_ int, l string) string { return "> " + l + "\r" }),
			w + `8 typographic quotes ” read as ", 9 CRLF line ends, mail quoting ">" removed from 9 lines, 8 lines rewrapped (cut or joined at another width than nmap's)`},
		{"numbered and cut", mapLines(cut(pine, 33, ""), nth(7, "%3d ")), w + "line numbers removed from 16 lines, 15 lines rewrapped (cut or joined at another width than nmap's)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			check(t, tc.in, tc.warning, want)
		})
	}
}

func check(t *testing.T, in, warning string, want *Fingerprint) {
	t.Helper()
	fps, rep, err := DecodeLenient("t.fp", []byte(in))
	if err != nil || len(fps) != 1 {
		t.Fatalf("%v (%d fingerprints)\n%s", err, len(fps), in)
	}
	if !reflect.DeepEqual(fps[0], want) {
		t.Errorf("decoded\n%+v\nwant\n%+v\n%s", fps[0], want, in)
	}
	if rep.String() != warning {
		t.Errorf("warning\n %s\nwant\n %s\n%s", rep, warning, in)
	}
	if strings.Contains(rep.String(), "\n") {
		t.Errorf("warning of more than one line")
	}
}

// A cut line whose data starts with a separator of line numbers keeps it:
// the separator after the number must be the first line's.
func TestLenientNumberedSeparator(t *testing.T) {
	b := NewBuilder(Fingerprint{Port: 21, Proto: "TCP", Version: "7.93", Intensity: 7, Month: 3, Day: 4, Time: 5, Platform: "p"}, Options{})
	b.Add("NULL", []byte(strings.Repeat("a", 40)+":x|b"))
	want := b.Fingerprint()
	text := b.String() + "\n"
	for _, tc := range []struct{ num, cutAt string }{{"%3d ", ":x"}, {"%3d ", "|b"}, {"%d: ", ":x"}} {
		parts := strings.SplitN(strings.ReplaceAll(text, "\nSF:", ""), tc.cutAt, 2)
		in := mapLines(parts[0]+"\n"+tc.cutAt+parts[1], func(i int, l string) string { return fmt.Sprintf(tc.num, 10+i) + l })
		check(t, in, "t.fp:1: repaired the fingerprint as pasted: line numbers removed from 2 lines, 1 line rewrapped (cut or joined at another width than nmap's)", want)
	}
}

// Several fingerprints, and text around them.
func TestLenientSeveral(t *testing.T) {
	pine := readFile(t, "testdata/pineapp.fp")
	second := strings.Replace(pine, "SF-Port25-", "SF-Port587-", 1)
	in := "Hi,\n\n> here are two:\n>\n" + mapLines(curly(pine, "“", "”"), func(_ int, l string) string { return "> " + l }) +
		">\n> and\n" + mapLines(cut(second, 50, ""), func(_ int, l string) string { return "> " + l }) + "> Thanks\n\nnot this one: " + pine
	fps, rep, err := DecodeLenient("mail.txt", []byte(in))
	if err != nil || len(fps) != 2 || fps[0].Port != 25 || fps[1].Port != 587 {
		t.Fatalf("%v (%d fingerprints)", err, len(fps))
	}
	const warning = `mail.txt:5: repaired 2 fingerprints as pasted: 8 typographic quotes “ ” read as ", mail quoting ">" removed from 17 lines, 9 lines rewrapped (cut or joined at another width than nmap's)`
	if rep.String() != warning {
		t.Errorf("warning\n %s\nwant\n %s", rep, warning)
	}
}

// Where a repair would change a reply's bytes, the reader refuses and says where.
func TestLenientRefusals(t *testing.T) {
	pine := readFile(t, "testdata/pineapp.fp")
	article := curly(pine, "”", "”")
	fp := func(data string) string {
		b := NewBuilder(Fingerprint{Port: 21, Proto: "TCP", Version: "7.93", Intensity: 7, Month: 3, Day: 4, Time: 5, Platform: "p"}, Options{})
		b.Add("NULL", []byte(data))
		return b.String() + "\n"
	}
	smart := func(s string) string { // a word processor's quotes everywhere
		return strings.NewReplacer(`"`, "”", "'", "’").Replace(curly(s, "“", "”"))
	}
	const tail = ": nmap writes only ASCII there, and a guess could change the reply's bytes"
	for _, tc := range []struct{ name, in, err string }{
		{"apostrophe in the data", smart(fp("220 don't\r\n")),
			"t.fp:1:65: cannot repair typographic quote ’ (U+2019) inside the data of %r(NULL,…)" + tail},
		{"escaped quote in the data", smart(fp(`say "hi"`)),
			"t.fp:1:63: cannot repair typographic quote ” (U+201D) inside the data of %r(NULL,…)" + tail},
		{"quote before the end of the data", strings.Replace(article, `mail\x20-=-\r\n250`, `mail\x20-=-”\r\n250`, 1),
			"t.fp:4:35: cannot repair typographic quote ” (U+201D) inside the data of %r(Hello,…)" + tail},
		{"non-breaking space in the data", strings.Replace(article, `Ready\x20to`, "Ready\u00a0to", 1),
			"t.fp:2:21: cannot repair non-breaking space (U+00A0) inside the data of %r(NULL,…)" + tail},
		{"non-breaking space before an ASCII quote", strings.Replace(article, `ESMTP\r\n”)`, "ESMTP\\r\\n\u00a0\")", 1),
			"t.fp:2:66: cannot repair non-breaking space (U+00A0) inside the data of %r(NULL,…)" + tail},
		{"en dash in the data", strings.Replace(article, `-=-`, `–=–`, 1),
			"t.fp:2:50: cannot repair non-ASCII character – (U+2013) inside the data of %r(NULL,…)" + tail},
		{"replacement character in the data", strings.Replace(article, `Rejected`, "Rej\ufffdcted", 1),
			"t.fp:6:17: cannot repair non-ASCII character \ufffd (U+FFFD) inside the data of %r(Help,…)" + tail},
		{"a byte lost in the copy", strings.Replace(article, "250-AU\n", "250-A\n", 1),
			"t.fp:3:4: after repair, %r(Hello,…) holds 141 bytes but declares 0x8E (142): the repair would change the reply's bytes, so it is refused"},
		{"data that starts a cut line with SF:", strings.Replace(curly(cut(fp(strings.Repeat("a", 30)+"SF:"+strings.Repeat("b", 30)), 1000, ""), "“", "”"), "aSF:", "a\nSF:", 1),
			"t.fp:1:50: after repair, %r(NULL,…) holds 60 bytes but declares 0x3F (63): the repair would change the reply's bytes, so it is refused"},
		{"declared length too long", strings.Replace(article, "SF:5,", "SF:6,", 1),
			"t.fp:1:74: after repair, %r(NULL,…) holds 37 bytes but declares 0x26 (38): the repair would change the reply's bytes, so it is refused"},
		{"space in the data (the strict reader's error)", strings.Replace(article, `Ready\x20to`, "Ready to", 1),
			`t.fp:2:21: unescaped byte 0x20 in %r(NULL,…)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fps, rep, err := DecodeLenient("t.fp", []byte(tc.in))
			if err == nil || err.Error() != tc.err || len(fps) != 0 || rep != nil {
				t.Errorf("got %v (%d fingerprints, warning %q)\nwant %s\n%s", err, len(fps), rep, tc.err, tc.in)
			}
		})
	}
}

// Whatever nmap writes, the lenient reader reads exactly as the strict one,
// and has nothing to say about it.
func TestLenientSameAsStrict(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	n := 0
	for _, file := range files {
		if strings.HasPrefix(filepath.Base(file), "article") {
			continue
		}
		data := readFile(t, file)
		want, werr := Decode(file, []byte(data))
		got, rep, err := DecodeLenient(file, []byte(data))
		if fmt.Sprint(werr) != fmt.Sprint(err) || !reflect.DeepEqual(got, want) || rep != nil {
			t.Errorf("%s: lenient %v, %d fingerprints, %q; strict %v, %d", file, err, len(got), rep, werr, len(want))
		}
		n += len(want)
	}
	if n < 10 {
		t.Fatalf("only %d fingerprints in testdata", n)
	}
}
