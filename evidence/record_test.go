package evidence

import (
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/result"
)

// TestRecorder: a recorded file reads back as a case whose expectation is what was answered.
func TestRecorder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rec")
	r, err := NewRecorder(dir, "0.1.0", func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	r.Now = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	fp := &fingerprint.Fingerprint{Port: 22, Proto: "TCP", Version: "signet-0.1.0", Intensity: 7, Platform: "x86_64-pc-linux-gnu",
		Responses: []fingerprint.Response{{Probe: "NULL", Data: []byte("SSH-2.0-Test_1.0\r\n")}}}
	r.Record(netip.MustParseAddr("127.0.0.1"), 22, fp, &result.Service{Name: "ssh", Product: "Test", Version: "1.0", Method: result.MethodProbed})
	path := filepath.Join(dir, "127_0_0_1-22-tcp.fp")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "# recorded by signet 0.1.0 from 127.0.0.1 port 22/tcp on 2026-01-02T03:04:05Z\n# source: \n# expect: ssh | Test | 1.0 | \n"
	if string(b[:len(want)]) != want {
		t.Errorf("header:\n%s", b)
	}
	// Once its source is filled in, the file is a case.
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), "# source: \n", "# source: a test\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.FP == nil || c.FP.Port != 22 || string(c.FP.Responses[0].Data) != "SSH-2.0-Test_1.0\r\n" || c.Expect.Fields[1] != "Test" {
		t.Errorf("case %+v", c)
	}
}
