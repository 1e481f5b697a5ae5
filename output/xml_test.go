package output

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/signetscan/signet/internal/testenv"
	"github.com/signetscan/signet/result"
)

const (
	nmapDTD = "/usr/share/nmap/nmap.dtd"
	nmapXSL = "/usr/share/nmap/nmap.xsl"
)

// need returns the path of a program or file the test needs. Missing, it
// skips the test — or fails it when the CI variable is set, so that CI
// cannot pass by skipping.
func need(t *testing.T, name string) string {
	t.Helper()
	var path string
	var err error
	if filepath.IsAbs(name) {
		path, err = name, nil
		if _, serr := os.Stat(name); serr != nil {
			err = serr
		}
	} else {
		path, err = exec.LookPath(name)
	}
	if err != nil {
		testenv.Missing(t, "%s not available: %v", name, err)
	}
	return path
}

func xmlOf(t *testing.T, c writerCase) []byte {
	var buf bytes.Buffer
	render(t, c, NewXML(&buf))
	return buf.Bytes()
}

// wellFormed parses doc with encoding/xml, which needs no tools.
func wellFormed(doc []byte) error {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func TestXMLWellFormed(t *testing.T) {
	for _, c := range writerCases(t) {
		if err := wellFormed(xmlOf(t, c)); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

// xmllint validates every case against nmap's DTD. With scanner="signet"
// the only complaint allowed is the scanner attribute (the DTD enumerates
// "nmap" alone); with Run.Scanner "nmap" the document must be valid.
func TestXMLValidatesAgainstNmapDTD(t *testing.T) {
	xmllint := need(t, "xmllint")
	dtd := need(t, nmapDTD)
	dir := t.TempDir()
	for _, c := range writerCases(t) {
		for _, scanner := range []string{"signet", "nmap"} {
			run := *c.run
			run.Scanner = scanner
			c := c
			c.run = &run
			file := filepath.Join(dir, c.name+"-"+scanner+".xml")
			if err := os.WriteFile(file, xmlOf(t, c), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(xmllint, "--noout", "--dtdvalid", dtd, file).CombinedOutput()
			if scanner == "nmap" {
				if err != nil || len(out) > 0 {
					t.Errorf("%s: not valid against %s: %v\n%s", c.name, dtd, err, out)
				}
				continue
			}
			for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				switch {
				case line == "":
				case strings.Contains(line, `Value "signet" for attribute scanner of nmaprun is not among the enumerated set`):
				case strings.HasPrefix(line, "Document ") && strings.Contains(line, "does not validate"):
				default:
					t.Errorf("%s: xmllint: %s", c.name, line)
				}
			}
		}
	}
}

// nmap.xsl renders every case into HTML that shows each port.
func TestXMLRendersWithNmapXSL(t *testing.T) {
	xsltproc := need(t, "xsltproc")
	xsl := need(t, nmapXSL)
	dir := t.TempDir()
	for _, c := range writerCases(t) {
		file := filepath.Join(dir, c.name+".xml")
		if err := os.WriteFile(file, xmlOf(t, c), 0o644); err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		cmd := exec.Command(xsltproc, xsl, file)
		cmd.Stderr = &stderr
		html, err := cmd.Output()
		if err != nil || stderr.Len() > 0 {
			t.Errorf("%s: xsltproc: %v\n%s", c.name, err, stderr.String())
			continue
		}
		if !bytes.Contains(html, []byte("</html>")) {
			t.Errorf("%s: no HTML document", c.name)
		}
		for _, h := range c.hosts {
			for _, p := range h.Ports {
				if !bytes.Contains(html, []byte(">"+strconv.Itoa(p.Number)+"<")) {
					t.Errorf("%s: port %d missing from the HTML", c.name, p.Number)
				}
			}
		}
	}
}

// A run cut short still ends as a complete, valid document, whatever
// point it was cut at.
func TestXMLInterrupted(t *testing.T) {
	run := newRun(0, false, connect(2222))
	stop := &result.RunEnd{Time: t0, Exit: result.ExitError, ErrorMsg: `Interrupted by user <Ctrl-C> & "quit"`}
	docs := map[string][]byte{}

	var before bytes.Buffer // End before Begin
	if err := NewXML(&before).End(stop); err != nil {
		t.Fatal(err)
	}
	docs["before-begin"] = before.Bytes()

	var mid bytes.Buffer // after Begin, no host
	x := NewXML(&mid)
	if err := x.Begin(run); err != nil {
		t.Fatal(err)
	}
	if err := x.End(stop); err != nil {
		t.Fatal(err)
	}
	if err := x.End(stop); err != nil { // a deferred second End does nothing
		t.Fatal(err)
	}
	if err := x.Host(localhost()); !errors.Is(err, ErrEnded) {
		t.Fatalf("Host after End: %v", err)
	}
	docs["no-host"] = mid.Bytes()

	for _, c := range writerCases(t) {
		if c.name == "interrupted" {
			docs["after-host"] = xmlOf(t, c)
		}
	}
	for name, doc := range docs {
		if err := wellFormed(doc); err != nil {
			t.Errorf("%s: %v\n%s", name, err, doc)
		}
		if !bytes.Contains(doc, []byte(`exit="error" errormsg="Interrupted by user`)) || !bytes.HasSuffix(doc, []byte("</runstats>\n</nmaprun>\n")) {
			t.Errorf("%s: not closed with the error:\n%s", name, doc)
		}
		if bytes.Count(doc, []byte("</nmaprun>")) != 1 {
			t.Errorf("%s: closed %d times", name, bytes.Count(doc, []byte("</nmaprun>")))
		}
	}
	if !bytes.Contains(docs["no-host"], []byte(`errormsg="Interrupted by user &lt;Ctrl-C&gt; &amp; &quot;quit&quot;"`)) {
		t.Errorf("errormsg not escaped:\n%s", docs["no-host"])
	}

	xmllint := need(t, "xmllint")
	dtd := need(t, nmapDTD)
	dir := t.TempDir()
	for name, doc := range docs {
		file := filepath.Join(dir, name+".xml")
		doc = bytes.Replace(doc, []byte(`scanner="signet"`), []byte(`scanner="nmap"`), 1)
		if err := os.WriteFile(file, doc, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(xmllint, "--noout", "--dtdvalid", dtd, file).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s\n%s", name, err, out, doc)
		}
	}
}

func TestXMLEscape(t *testing.T) {
	cases := []struct{ in, want string }{
		{`a<b>&"'`, "a&lt;b&gt;&amp;&quot;&apos;"},
		{"--version --x", "-&#45;version -&#45;x"},
		{"---", "-&#45;&#45;"},
		{"tab\tnl\ncr\r", "tab&#x9;nl&#xa;cr&#xd;"},
		{"\x00\x01\x1f\x7f", "...\x7f"},
		{"caf\xc3\xa9 \xff", "caf&#xc3;&#xa9; &#xff;"},
	}
	for _, c := range cases {
		if got := xmlEscape(c.in); got != c.want {
			t.Errorf("xmlEscape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestJoinArgs(t *testing.T) {
	got := joinArgs([]string{"signet", "-p", "22", "--script-args", `a="b c"`, `x\y`, "two words"})
	want := `signet -p 22 --script-args "a=\"b c\"" x\\y "two words"`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestRangeList(t *testing.T) {
	if got := rangeList([]int{1, 2, 3, 5, 7, 8, 10}); got != "1-3,5,7-8,10" {
		t.Fatal(got)
	}
	if got := rangeList(nil); got != "" {
		t.Fatal(got)
	}
}

func TestSigDigits(t *testing.T) {
	cases := map[float64]string{0.000257: "0.00026", 0.00005: "0.000050", 0.0121: "0.012", 1.26: "1.3", 0: "0.00", 0.000999: "0.00100"}
	for in, want := range cases {
		if got := sigDigits(in, 2); got != want {
			t.Errorf("sigDigits(%v) = %q, want %q", in, got, want)
		}
	}
}

// A scanner that kept only counts for the ports not shown gets
// <extrareasons> without the optional ports attribute, still valid.
func TestXMLExtraWithoutPortList(t *testing.T) {
	h := localhost(tcp(22, openssh))
	h.Extra = []result.ExtraPorts{{State: "closed", Count: 998, Reasons: []result.ExtraReason{{Reason: "conn-refused", Proto: "tcp", Count: 998}}}}
	run := newRun(0, false, connect(22))
	run.Scanner = "nmap"
	doc := xmlOf(t, writerCase{"counts", run, []*result.Host{h}, done(1, 1)})
	if !bytes.Contains(doc, []byte("<extraports state=\"closed\" count=\"998\">\n<extrareasons reason=\"conn-refused\" count=\"998\" proto=\"tcp\"/>\n</extraports>")) {
		t.Fatalf("extraports:\n%s", doc)
	}
	xmllint := need(t, "xmllint")
	dtd := need(t, nmapDTD)
	file := filepath.Join(t.TempDir(), "counts.xml")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(xmllint, "--noout", "--dtdvalid", dtd, file).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}
