package fingerprint

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// blocks returns the fingerprints of an nmap normal-output file exactly as
// printed: each "SF-Port" line and the "SF:" lines after it.
func blocks(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	return splitBlocks(string(data))
}

func splitBlocks(data string) []string {
	var out []string
	var cur []string
	for _, l := range strings.Split(data, "\n") {
		switch {
		case strings.HasPrefix(l, "SF-Port"):
			if cur != nil {
				out = append(out, strings.Join(cur, "\n"))
			}
			cur = []string{l}
		case strings.HasPrefix(l, "SF:") && cur != nil:
			cur = append(cur, l)
		default:
			if cur != nil {
				out = append(out, strings.Join(cur, "\n"))
			}
			cur = nil
		}
	}
	if cur != nil {
		out = append(out, strings.Join(cur, "\n"))
	}
	return out
}

func decodeFile(t *testing.T, file string) []*Fingerprint {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	fps, err := Decode(file, data)
	if err != nil {
		t.Fatalf("Decode(%s): %v", file, err)
	}
	return fps
}

// The 76-byte banner of E2 port 31999 (F4: all escape classes).
var banner76 = func() []byte {
	var b []byte
	for i := 0; i < 32; i++ {
		b = append(b, byte(i))
	}
	b = append(b, ` !"#$%&'ABC "q" (x) [y] $^|*+.?\ end`...)
	b = append(b, 0x7f, 0x80, 0xff, 0, '1', '2', 0, 'Z')
	return b
}()

// E2 port 31999: each probe after NULL got the banner again (new
// connection; for GenericLines the NULL connection, S6) followed by
// "ERR <payload length>\r\n", in this order (--version-trace run, 30 probes).
var e2Probes = []struct {
	name string
	n    int
}{
	{"GenericLines", 4}, {"GetRequest", 18}, {"HTTPOptions", 22}, {"RTSPRequest", 22},
	{"RPCCheck", 44}, {"DNSVersionBindReqTCP", 32}, {"DNSStatusRequestTCP", 14}, {"Help", 6},
	{"SSLSessionReq", 88}, {"TerminalServerCookie", 42}, {"TLSSessionReq", 110}, {"Kerberos", 117},
	{"SMBProgNeg", 168}, {"X11Probe", 12}, {"FourOhFourRequest", 53}, {"LPDString", 9},
	{"LDAPSearchReq", 51}, {"LDAPBindReq", 14}, {"SIPOptions", 223}, {"LANDesk-RC", 16},
	{"TerminalServer", 11}, {"NCP", 23}, {"NotesRPC", 60}, {"JavaRMI", 7}, {"WMSRequest", 175},
	{"oracle-tns", 90}, {"ms-sql-s", 52}, {"afp", 18}, {"giop", 48},
}

func e2Header(port int, time uint32) Fingerprint {
	return Fingerprint{Port: port, Proto: "TCP", Version: "7.93", Intensity: 7, Month: 11, Day: 25, Time: time, Platform: "x86_64-pc-linux-gnu"}
}

// TestGoldenE2 rebuilds E2's fingerprints from the bytes the test servers
// sent and compares them byte for byte with nmap 7.93's output (F2–F6),
// including which entries the 2200/10000 limits keep (F5).
func TestGoldenE2(t *testing.T) {
	run3 := blocks(t, "e2_run3.nmap")
	trace := blocks(t, "e2_trace.nmap")
	if len(run3) != 2 || len(trace) != 2 {
		t.Fatalf("got %d and %d blocks", len(run3), len(trace))
	}

	// 31994: ftp banner, four probes after a softmatch.
	ftp := []byte("220 blah FTP thing ready\r\n")
	b := NewBuilder(e2Header(31994, 0x6B07170B), Options{})
	b.Add("NULL", ftp)
	for _, p := range []string{"GenericLines", "Help", "SSLSessionReq", "SMBProgNeg"} {
		b.Add(p, append(append([]byte{}, ftp...), "500 what\r\n"...))
	}
	if got := b.String(); got != run3[0] {
		t.Errorf("31994:\n%s\nwant\n%s", got, run3[0])
	}
	if got := b.String(); got != trace[0] {
		t.Errorf("31994 (trace run):\n%s\nwant\n%s", got, trace[0])
	}

	for _, tc := range []struct {
		name  string
		debug bool
		want  string
		kept  int
	}{
		{"900/2200 limits", false, run3[1], 9},
		{"1300/10000 limits", true, trace[1], 30},
	} {
		b := NewBuilder(e2Header(31999, 0x6B071706), Options{Debug: tc.debug})
		b.Add("NULL", banner76)
		for _, p := range e2Probes {
			b.Add(p.name, append(append([]byte{}, banner76...), fmt.Sprintf("ERR %d\r\n", p.n)...))
		}
		if got := b.String(); got != tc.want {
			t.Errorf("31999 %s:\n%s\nwant\n%s", tc.name, got, tc.want)
		}
		if n := len(b.Fingerprint().Responses); n != tc.kept {
			t.Errorf("31999 %s: %d entries kept, want %d", tc.name, n, tc.kept)
		}
	}
	if n := len(run3[1]); n != 2386 {
		t.Errorf("31999 fingerprint is %d characters as printed, nmap printed 2386 (run E2, docs/nmap-behaviour.md)", n)
	}
}

// TestGoldenFiles decodes every capture and re-encodes it byte for byte.
func TestGoldenFiles(t *testing.T) {
	tests := []struct {
		file  string
		ports []int
	}{
		{"e2_run3.nmap", []int{31994, 31999}},
		{"e2_trace.nmap", []int{31994, 31999}},
		{"e4.nmap", []int{32006}},
		{"e5_run5.nmap", []int{8444}},
		{"e5_run6.nmap", []int{8444}},
		{"e9b.nmap", []int{32053}},
		{"e12.nmap", []int{31999}},
		{"e15.nmap", []int{2222}},
		{"pineapp.fp", []int{25}},
	}
	for _, tc := range tests {
		fps := decodeFile(t, tc.file)
		want := blocks(t, tc.file)
		if len(fps) != len(tc.ports) || len(want) != len(tc.ports) {
			t.Errorf("%s: %d fingerprints, %d blocks; want %d", tc.file, len(fps), len(want), len(tc.ports))
			continue
		}
		for i, fp := range fps {
			if fp.Port != tc.ports[i] {
				t.Errorf("%s: port %d, want %d", tc.file, fp.Port, tc.ports[i])
			}
			if got := fp.String(); got != want[i] {
				t.Errorf("%s: re-encoded\n%s\nwant\n%s", tc.file, got, want[i])
			}
			if got := fp.XML(); got != strings.ReplaceAll(want[i], "\nSF:", "") {
				t.Errorf("%s: XML form %s", tc.file, got)
			}
		}
	}
}

// TestGoldenXML decodes servicefp attributes and compares them with the
// normal output of the same run (F7, O6).
func TestGoldenXML(t *testing.T) {
	for _, tc := range []struct{ xml, nmap string }{
		{"e4.xml", "e4.nmap"},
		{"e5_run6.xml", "e5_run6.nmap"},
		{"e9b.xml", "e9b.nmap"},
	} {
		x := decodeFile(t, tc.xml)
		n := decodeFile(t, tc.nmap)
		if len(x) != 1 || !reflect.DeepEqual(x, n) {
			t.Errorf("%s: %+v\nwant %+v", tc.xml, x, n)
		}
	}
}

func TestGoldenDetails(t *testing.T) {
	// E15: the X probe reused the NULL connection (S6): 0x29 banner bytes + reply.
	fp := decodeFile(t, "e15.nmap")[0]
	banner := "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.1\r\n"
	want := &Fingerprint{Port: 2222, Proto: "TCP", Version: "7.93", Intensity: 7, Month: 11, Day: 25, Time: 0x6B071989,
		Platform: "x86_64-pc-linux-gnu", Responses: []Response{
			{"NULL", 0x29, []byte(banner)},
			{"X", 0x4D, []byte(banner + "Invalid SSH identification string.\r\n")},
		}}
	if !reflect.DeepEqual(fp, want) {
		t.Errorf("E15: %+v", fp)
	}
	// E12: intensity 0, the 76-byte banner.
	fp = decodeFile(t, "e12.nmap")[0]
	if fp.Intensity != 0 || len(fp.Responses) != 1 || !bytes.Equal(fp.Responses[0].Data, banner76) || fp.Responses[0].Length != 76 {
		t.Errorf("E12: %+v", fp)
	}
	// E5: %T=SSL.
	if fp := decodeFile(t, "e5_run5.nmap")[0]; !fp.SSL || fp.Responses[2].Probe != "HTTPOptions" {
		t.Errorf("E5: %+v", fp)
	}
	// pineapp.fp: nmap 5.21, i686.
	fp = decodeFile(t, "pineapp.fp")[0]
	if fp.Version != "5.21" || fp.Platform != "i686-pc-linux-gnu" || fp.Time != 0x4D14329D || len(fp.Responses) != 4 || fp.Responses[1].Length != 0x8E {
		t.Errorf("pineapp: %+v", fp)
	}
	// E9b: UDP.
	if fp := decodeFile(t, "e9b.nmap")[0]; fp.Proto != "UDP" || string(fp.Responses[0].Data) != "UDPSVC 1.0 got 6\n" {
		t.Errorf("E9b: %+v", fp)
	}
}
