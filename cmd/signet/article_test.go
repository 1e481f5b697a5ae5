package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/fingerprint"
)

// The seed article's fingerprint, copied from the web page: typographic
// quotes and all. A copy of its lines is kept in the repository, so that a
// change to the article is noticed.
const articleCopy = "../../fingerprint/testdata/article-pineapp.txt"

// articleLines returns the article's fingerprint lines verbatim: from the
// line starting with "SF-Port" to the first line ending with ';'.
func articleLines(t *testing.T) string {
	t.Helper()
	article, err := os.ReadFile(seed + "article.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.SplitAfter(string(article), "\n") {
		if len(out) == 0 && !strings.HasPrefix(l, "SF-Port") {
			continue
		}
		out = append(out, l)
		if strings.HasSuffix(strings.TrimRight(l, "\n"), ";") {
			break
		}
	}
	lines := strings.Join(out, "")
	copy, err := os.ReadFile(articleCopy)
	if err != nil {
		t.Fatal(err)
	}
	if lines != string(copy) || !strings.Contains(lines, "”") {
		t.Fatalf("the article's fingerprint lines are not the copy in %s:\n%s", articleCopy, lines)
	}
	return lines
}

// warnings returns the warning lines of stderr.
func warnings(stderr string) []string {
	var w []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.Contains(l, "warning") {
			w = append(w, l)
		}
	}
	return w
}

const quotesWarning = `: repaired the fingerprint as pasted: 8 typographic quotes ” read as "`

// Issue 14, done-when 1: the article's fingerprint pasted verbatim gives
// the seed's answer with its overlay, and one warning about the quotes.
func TestMatchArticleVerbatim(t *testing.T) {
	needNmap(t)
	lines := articleLines(t)
	file := filepath.Join(t.TempDir(), "pasted.txt")
	if err := os.WriteFile(file, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	overlay := seed + "pineapp-overlay.probes"
	for _, tc := range []struct {
		name, stdin string
		args        []string
		warning     string
	}{
		{"file", "", []string{"match", "--overlay", overlay, file}, file + ":1" + quotesWarning},
		{"stdin", lines, []string{"match", "--overlay", overlay, "-"}, "<stdin>:1" + quotesWarning},
		{"the whole article", "", []string{"match", "--overlay", overlay, seed + "article.txt"}, seed + "article.txt:26" + quotesWarning},
		{"the copy", "", []string{"match", "--overlay", overlay, articleCopy}, articleCopy + ":1" + quotesWarning},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := signet(t, tc.stdin, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, want := range []string{
				"\n25/tcp open  smtp    PineApp Mail-secure (PineApp Av and Antispam mail gateway)\n",
				"\nService Info: OS: Linux\n",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("missing %q in:\n%s", want, out)
				}
			}
			if w := warnings(errOut); len(w) != 1 || w[0] != "signet: warning: "+tc.warning {
				t.Errorf("warnings %q, want exactly\n%s", w, "signet: warning: "+tc.warning)
			}
		})
	}
	// nmap's own text: no warning at all.
	_, errOut, code := signet(t, "", "match", "--overlay", overlay, seed+"pineapp.fp")
	if w := warnings(errOut); code != 0 || len(w) != 0 {
		t.Errorf("exit %d, warnings %q for nmap's own text", code, w)
	}
}

// A pasted fingerprint whose reply data was changed by the paste is refused
// with the place, and nothing else is said.
func TestMatchRefusesChangedData(t *testing.T) {
	lines := strings.Replace(articleLines(t), `Ready\x20to`, "Ready\u00a0to", 1)
	file := filepath.Join(t.TempDir(), "pasted.txt")
	os.WriteFile(file, []byte(lines), 0o644)
	out, errOut, code := signet(t, "", "match", "--versiondb", "embedded", file)
	want := "signet: " + file + ":2:21: cannot repair non-breaking space (U+00A0) inside the data of %r(NULL,…): nmap writes only ASCII there, and a guess could change the reply's bytes\n"
	if code != 1 || out != "" || errOut != want {
		t.Errorf("exit %d\nstdout %q\nstderr %q\nwant   %q", code, out, errOut, want)
	}
}

// Issue 14, part 3: signet serve of the article's text serves the bytes
// nmap recorded, and a scan of it with the overlay gives the seed's answer.
func TestServeArticleVerbatim(t *testing.T) {
	needNmap(t)
	articleLines(t) // the article still holds the fingerprint with its quotes
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var errOut bytes.Buffer // written before serving starts, read after it ends (--quiet)
	done := make(chan error, 1)
	go func() {
		err := runServe(ctx, []string{"--versiondb", "nmap", "--no-default-overlays", "--quiet", "--listen", "127.0.0.1:0", seed + "article.txt"}, pw, &errOut)
		pw.CloseWithError(io.EOF)
		done <- err
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve: %v (%v)", err, <-done)
	}
	i := strings.LastIndex(line, " on ")
	if !strings.HasPrefix(line, "serving ") || i < 0 {
		t.Fatalf("serve printed %q", line)
	}
	addr := strings.TrimSpace(line[i+len(" on "):])
	_, port, _ := net.SplitHostPort(addr)

	// The bytes: nmap's recording of the NULL and Hello replies.
	data, err := os.ReadFile(seed + "pineapp.fp")
	if err != nil {
		t.Fatal(err)
	}
	fps, err := fingerprint.Decode("pineapp.fp", data)
	if err != nil || len(fps) != 1 {
		t.Fatal(err)
	}
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	c.SetDeadline(time.Now().Add(10 * time.Second))
	read := func(n int) []byte {
		buf := make([]byte, n)
		if _, err := io.ReadFull(c, buf); err != nil {
			t.Fatalf("reading %d bytes: %v", n, err)
		}
		return buf
	}
	null, hello := fps[0].Responses[0], fps[0].Responses[1]
	if null.Probe != "NULL" || hello.Probe != "Hello" {
		t.Fatalf("pineapp.fp holds %s, %s", null.Probe, hello.Probe)
	}
	banner := read(null.Length)
	if !bytes.Equal(banner, null.Data) {
		t.Errorf("banner %q, want %q", banner, null.Data)
	}
	// nmap recorded the Hello reply on the connection that had sent the
	// banner, so it starts with the banner and serve sends the rest.
	c.Write([]byte("EHLO\r\n"))
	if got := append(banner, read(hello.Length-null.Length)...); !bytes.Equal(got, hello.Data) {
		t.Errorf("banner and EHLO reply %q, want %q", got, hello.Data)
	}
	c.Close()

	// The answer: the same as for nmap's own text (TestScanServedPineApp).
	out, scanErr, code := signet(t, "", "-sV", "-Pn", "-n", "-p", port, "--overlay", seed+"pineapp-overlay.probes", "127.0.0.1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, scanErr)
	}
	for _, want := range []string{
		port + "/tcp open  smtp    PineApp Mail-secure (PineApp Av and Antispam mail gateway)\n",
		"\nService Info: OS: Linux\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	want := "signet: warning: " + seed + "article.txt:26" + quotesWarning
	if w := warnings(errOut.String()); len(w) != 1 || w[0] != want {
		t.Errorf("serve's warnings %q, want exactly\n%s", w, want)
	}
}
