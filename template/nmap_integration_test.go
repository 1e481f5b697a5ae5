//go:build integration

package template

import (
	"context"
	"encoding/xml"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signetscan/signet/diag"
	"github.com/signetscan/signet/internal/testenv"
	"github.com/signetscan/signet/probes"
)

type itTmpl struct{ mode, text string }

// itCase is one match line and the banner of the port it must match.
type itCase struct {
	rule    string
	banner  string
	pattern string // used by nmap (PCRE) and, for the capture offsets, Go's regexp
	tmpls   []itTmpl
}

var itCases = []itCase{
	{"E3 $SUBST $P $I trim, CPE", "TST/1.2.3 host=Foo.Bar W\x00O\x00R\x00K\x00 ab\x01\x02\r\n",
		`^TST/([\d.]+) host=(\S+) ((?:\w\x00)+) ..(..)\r\n`,
		[]itTmpl{{"p", "Test Server"}, {"v", `$SUBST(1,".","_")`}, {"i", `wg: $P(3); be=$I(4,">"); le=$I(4,"<"); raw=$1 ,,  `},
			{"h", "$2"}, {"o", "Test OS"}, {"d", "test dev"}, {"cpe:", "a:test:Test Server:$2"}, {"cpe:", "o:foo:bar"}, {"cpe:", "o:Foo:$2 Q&A"}}},
	{"E4 CPE escaping", "ABC Ver:1/2 Mixed Case&Sp\r\n", `^ABC (\S+) (.*)\r\n`,
		[]itTmpl{{"p", "First"}, {"v", "$1"}, {"i", "$2"}, {"cpe:", "a:x:y:$1:$2"}}},
	{"E4 unset trailing group", "QQQ\r\n", `^QQQ(x)?`, []itTmpl{{"p", "Unset group"}, {"v", "$1"}}},
	{"E10 overflow, NUL, non-printables", "TSU/1.2.3 host=Foo.Bar W\x00O\x00R\x00K\x00 ab\x01\x02\r\n",
		`^TSU/([\d.]+) host=(\S+) ((?:\w\x00)+) ..(..)\r\n`,
		[]itTmpl{{"p", strings.Repeat("Q", 85)}, {"v", "raw$4end"}, {"o", "$3"}, {"h", "$4"}}},
	{"M6.4 boundaries", "BND 1.2.3\r\n", `^BND (\S+)`,
		[]itTmpl{{"p", strings.Repeat("L", 79)}, {"v", strings.Repeat("L", 73) + "$1"}, {"h", strings.Repeat("L", 74) + "$1"},
			{"i", strings.Repeat("L", 249) + "$1x"}, {"d", strings.Repeat("D", 31)}, {"o", strings.Repeat("O", 32)}}},
	{"M6.2 argument parsing quirks", "SUB 1.x.2.3\r\n", `^SUB ([\d.]+)x`,
		[]itTmpl{{"p", `$SUBST(1,".x","_")`}, {"v", "$P(1abc)"}, {"i", "$P(1,"}, {"h", "$P( 0x1 )"}, {"o", "$P(4294967297)"}, {"d", "$P(01)"}}},
	{"M5 parts: unknown, overwrite, failure clears", "CPE a B\r\n", `^CPE (\w) (\w)`,
		[]itTmpl{{"p", "C"}, {"cpe:", "z:foo:$1"}, {"cpe:", "h:one:$1"}, {"cpe:", "h:two:$2"}, {"cpe:", "o:ok:$2"}, {"cpe:", "o:" + strings.Repeat("y", 80)}, {"cpe:", "a:$1 $2"}}},
	{"M6.2 $I sizes, $10, quoted quote", "INT \xff\xff\xff\xff\xff\xff\xff\xff\x01 q\"z\r\n", `^INT ((.{8}).) (q"z)`,
		[]itTmpl{{"p", `$I(2,">")`}, {"v", `$I(1,">")`}, {"i", "$10"}, {"h", `$SUBST(3,"\"","'")`}, {"o", `$SUBST(3,"\\","/")`}}},
	{"M6.6 CPE whitespace, high bytes", "HI A\tB\x80C\r\n", `^HI (\S+\s\S+)`,
		[]itTmpl{{"p", "$1"}, {"cpe:", "a:v:$1"}}},
	{"M6.2 failures", "FAIL 12\r\n", `^FAIL (\d)(\d)`,
		[]itTmpl{{"p", "$0"}, {"v", "$3"}, {"i", "$Q(1)"}, {"h", `$SUBST(1,"1")`}, {"o", "$P()"}, {"d", "cost $"}}},
}

// delim picks a delimiter that does not occur in s.
func delim(s string) byte {
	for _, d := range []byte("/|=!#@%") {
		if !strings.ContainsRune(s, rune(d)) {
			return d
		}
	}
	panic("no delimiter for " + s)
}

type xmlService struct {
	Name       string   `xml:"name,attr"`
	Product    string   `xml:"product,attr"`
	Version    string   `xml:"version,attr"`
	ExtraInfo  string   `xml:"extrainfo,attr"`
	Hostname   string   `xml:"hostname,attr"`
	OSType     string   `xml:"ostype,attr"`
	DeviceType string   `xml:"devicetype,attr"`
	CPE        []string `xml:"cpe"`
}

type xmlRun struct {
	Ports []struct {
		PortID  int        `xml:"portid,attr"`
		Service xmlService `xml:"service"`
	} `xml:"host>ports>port"`
}

// TestNmapTemplates runs nmap 7.93 against loopback banners matched by
// itCases and requires the fields and warnings of Expand + Sanitize to equal
// nmap's, byte for byte.
func TestNmapTemplates(t *testing.T) {
	nmap, err := exec.LookPath("nmap")
	if err != nil {
		testenv.Missing(t, "nmap not installed")
	}
	dir := t.TempDir()
	var lines []string
	lines = append(lines, "Probe TCP NULL q||", "totalwaitms 1000")
	tmpls := make([]probes.Templates, len(itCases))
	var wg sync.WaitGroup
	var lns []net.Listener
	var ports []string
	byPort := map[int]int{}
	for i, c := range itCases {
		line := len(lines) + 1
		d := delim(c.pattern)
		l := fmt.Sprintf("match svc%d m%c%s%c", i, d, c.pattern, d)
		tm := &tmpls[i]
		for _, x := range c.tmpls {
			d := delim(x.text)
			l += fmt.Sprintf(" %s%c%s%c", x.mode, d, x.text, d)
			pt := &probes.Template{Text: x.text, Pos: diag.Pos{File: "it.probes", Line: line}}
			switch x.mode {
			case "p":
				tm.Product = pt
			case "v":
				tm.Version = pt
			case "i":
				tm.Info = pt
			case "h":
				tm.Hostname = pt
			case "o":
				tm.OS = pt
			case "d":
				tm.Device = pt
			case "cpe:":
				pt.Text = "cpe:/" + x.text
				tm.CPE = append(tm.CPE, pt)
			}
		}
		lines = append(lines, l)

		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		lns = append(lns, ln)
		port := ln.Addr().(*net.TCPAddr).Port
		byPort[port] = i
		ports = append(ports, strconv.Itoa(port))
		wg.Add(1)
		go func(banner string) {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					defer c.Close()
					c.SetDeadline(time.Now().Add(20 * time.Second))
					c.Write([]byte(banner))
					buf := make([]byte, 512)
					for j := 0; j < 100; j++ {
						if _, err := c.Read(buf); err != nil {
							return
						}
					}
				}()
			}
		}(c.banner)
	}
	defer func() {
		for _, ln := range lns {
			ln.Close()
		}
		wg.Wait()
	}()
	probeFile := filepath.Join(dir, "it.probes")
	if err := os.WriteFile(probeFile, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	xmlFile := filepath.Join(dir, "out.xml")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, nmap, "-sV", "-Pn", "-n", "-p", strings.Join(ports, ","), "--versiondb", probeFile, "-oX", xmlFile, "127.0.0.1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("nmap: %v\n%s", err, stderr.String())
	}
	data, err := os.ReadFile(xmlFile)
	if err != nil {
		t.Fatal(err)
	}
	var run xmlRun
	if err := xml.Unmarshal(data, &run); err != nil {
		t.Fatal(err)
	}
	var wantWarns []string
	seen := 0
	for _, p := range run.Ports {
		i, ok := byPort[p.PortID]
		if !ok {
			continue
		}
		seen++
		c := itCases[i]
		if p.Service.Name != fmt.Sprintf("svc%d", i) {
			t.Errorf("%s: nmap reports service %q", c.rule, p.Service.Name)
			continue
		}
		re := regexp.MustCompile(c.pattern)
		loc := re.FindSubmatchIndex([]byte(c.banner))
		f, w := Expand(&tmpls[i], []byte(c.banner), loc)
		f = Sanitize(f)
		wantWarns = append(wantWarns, w...)
		got := Fields{Product: p.Service.Product, Version: p.Service.Version, Info: p.Service.ExtraInfo,
			Hostname: p.Service.Hostname, OS: p.Service.OSType, Device: p.Service.DeviceType}
		if got != (Fields{CPE: f.CPE}.withText(f)) {
			t.Errorf("%s:\nnmap   %+v\nsignet %+v", c.rule, got, f)
		}
		if cp := f.CPEs(); !reflect.DeepEqual(p.Service.CPE, cp) && !(len(cp) == 0 && len(p.Service.CPE) == 0) {
			t.Errorf("%s: CPE nmap %q, signet %q", c.rule, p.Service.CPE, cp)
		}
	}
	if seen != len(itCases) {
		t.Errorf("nmap reported %d of %d ports", seen, len(itCases))
	}
	var gotWarns []string
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.HasPrefix(l, "Warning: ") {
			gotWarns = append(gotWarns, l)
		}
	}
	sort.Strings(gotWarns)
	sort.Strings(wantWarns)
	if !reflect.DeepEqual(gotWarns, wantWarns) {
		t.Errorf("warnings:\nnmap:\n%s\nsignet:\n%s", strings.Join(gotWarns, "\n"), strings.Join(wantWarns, "\n"))
	}
	t.Logf("%d ports, %d warnings compared:\n%s", seen, len(gotWarns), strings.Join(gotWarns, "\n"))
}

// withText returns f's text fields (CPE slots cleared), for comparing with XML attributes.
func (Fields) withText(f Fields) Fields {
	f.CPE = [3]string{}
	return f
}
