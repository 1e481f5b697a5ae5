package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The seed's fingerprint, kept in the repository.
const pineFP = "../../fingerprint/testdata/pineapp.fp"

// The walk-through: suggest a line for the PineApp fingerprint,
// then match with it as an overlay: the seed's final answer.
func TestSuggestPineAppRoundTrip(t *testing.T) {
	dbs := []string{"embedded"}
	if _, err := os.Stat(nmapProbes); err == nil || os.Getenv("CI") != "" {
		dbs = append(dbs, "nmap")
	}
	for _, db := range dbs {
		t.Run(db, func(t *testing.T) {
			if db == "nmap" {
				needNmap(t)
			}
			out, errOut, code := signet(t, "", "suggest", "--versiondb", db, "--service", "smtp", "--product", "PineApp Mail-secure",
				"--info", "PineApp Av and Antispam mail gateway", "--os", "Linux", pineFP)
			if code != 0 {
				t.Fatalf("suggest: exit %d: %s", code, errOut)
			}
			want := "Probe TCP NULL q||\nmatch smtp m|^220 Ready to receive mail -=- ESMTP\\r\\n| p/PineApp Mail-secure/ i/PineApp Av and Antispam mail gateway/ o/Linux/\n"
			if out != want {
				t.Errorf("suggest printed:\n%s\nwant:\n%s", out, want)
			}
			for _, s := range []string{"probe NULL: chosen", "lint clean", "wins in a replay"} {
				if !strings.Contains(errOut, s) {
					t.Errorf("stderr does not say %q:\n%s", s, errOut)
				}
			}
			overlay := filepath.Join(t.TempDir(), "pine.probes")
			if err := os.WriteFile(overlay, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			out, errOut, code = signet(t, "", "match", "--versiondb", db, "--overlay", overlay, pineFP)
			if code != 0 {
				t.Fatalf("match: exit %d: %s", code, errOut)
			}
			for _, s := range []string{
				"\n25/tcp open  smtp    PineApp Mail-secure (PineApp Av and Antispam mail gateway)\n",
				"\nService Info: OS: Linux\n",
			} {
				if !strings.Contains(out, s) {
					t.Errorf("match output lacks %q:\n%s", s, out)
				}
			}
		})
	}
}

// Without --service the name comes from the softmatch, the port table or
// the reply, and stderr says which.
func TestSuggestProposesService(t *testing.T) {
	out, errOut, code := signet(t, "", "suggest", "--versiondb", "embedded", pineFP)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "\nmatch smtp m|") || !strings.Contains(errOut, "service smtp: ") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", out, errOut)
	}
}

// A reply another service's evidence also gives: refused, the collision
// named, nothing on stdout.
func TestSuggestRefusesCollision(t *testing.T) {
	data, err := os.ReadFile("../../testdata/evidence/tcp/http/nginx.fp")
	if err != nil {
		t.Fatal(err)
	}
	// The same replies on another port: not the evidence case itself.
	fp := filepath.Join(t.TempDir(), "fp.txt")
	if err := os.WriteFile(fp, []byte(strings.Replace(string(data), "SF-Port47010-TCP", "SF-Port8080-TCP", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := signet(t, "", "suggest", "--versiondb", "embedded", "--service", "http", "--product", "Acme httpd", fp)
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q; want 1 and nothing", code, out)
	}
	for _, s := range []string{"refused: no reply distinguishes the service", "probe GetRequest: ", ": its reply to RTSPRequest (http | ", "the line says Acme httpd"} {
		if !strings.Contains(errOut, s) {
			t.Errorf("stderr lacks %q:\n%s", s, errOut)
		}
	}
}

// --against: a fingerprint of another service with the same banner makes
// the line unsafe; the refusal names it.
func TestSuggestAgainst(t *testing.T) {
	data, err := os.ReadFile(pineFP)
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "other.fp")
	if err := os.WriteFile(other, []byte(strings.Replace(string(data), "SF-Port25-TCP", "SF-Port2525-TCP", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := signet(t, "", "suggest", "--versiondb", "embedded", "--service", "smtp", "--product", "PineApp Mail-secure", "--against", other, pineFP)
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	if !strings.Contains(errOut, "--against "+other+" (port 2525/TCP)") {
		t.Errorf("the collision is not named:\n%s", errOut)
	}
}

// match --explain on a line that misses by one character shows the byte
// where it fails.
func TestMatchExplainOneByteOff(t *testing.T) {
	line := `match smtp m|^220 Ready to receive mail -=- ESMTQ\r\n| p/PineApp Mail-secure/`
	out, errOut, code := signet(t, "", "match", "--versiondb", "embedded", "--explain", line, pineFP)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, s := range []string{
		"(the line is tried as a line of probe NULL)",
		"reply to NULL (37 bytes): no match",
		`the regex gets as far as ^220 Ready to receive mail -=- ESMT (reply bytes 0-33)`,
		"then Q (pattern offset 35) fails at byte 34, 'P' (0x50)",
		`220 Ready to receive mail -=- ESMT»P«\r\n`,
		"the line does not match; the answer comes from probe Hello: match smtp at embedded:signatures/10-tcp.probes:",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	// The corrected line, from a file, fires.
	f := filepath.Join(t.TempDir(), "ok.probes")
	os.WriteFile(f, []byte("Probe TCP NULL q||\n"+strings.Replace(line, "ESMTQ", "ESMTP", 1)+"\n"), 0o644)
	out, _, _ = signet(t, "", "match", "--versiondb", "embedded", "--explain", f, pineFP)
	if !strings.Contains(out, "reply to NULL (37 bytes): matches") || !strings.Contains(out, "the line fires on the reply to NULL: smtp PineApp Mail-secure") {
		t.Errorf("corrected line:\n%s", out)
	}
	// A line after one that wins first in the same probe.
	f2 := filepath.Join(t.TempDir(), "second.probes")
	os.WriteFile(f2, []byte("Probe TCP NULL q||\nmatch smtp m|^220 | p/Any/\n"+strings.Replace(line, "ESMTQ", "ESMTP", 1)+"\n"), 0o644)
	out, _, _ = signet(t, "", "match", "--versiondb", "embedded", "--explain", f2, pineFP)
	if !strings.Contains(out, "but match smtp at "+f2+":2 comes first in probe NULL and wins") {
		t.Errorf("shadowed line:\n%s", out)
	}
}

// contribute writes the five files, and the evidence case names where it
// came from and what it must give.
func TestContributeBundle(t *testing.T) {
	dir := t.TempDir()
	overlay := filepath.Join(dir, "pine.probes")
	os.WriteFile(overlay, []byte("Probe TCP NULL q||\nmatch smtp m|^220 Ready to receive mail -=- ESMTP\\r\\n| p/PineApp Mail-secure/ i/PineApp Av and Antispam mail gateway/ o/Linux/\n"), 0o644)
	out, errOut, code := signet(t, "", "contribute", pineFP, "--overlay", overlay, "-o", filepath.Join(dir, "b"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, f := range []string{"fingerprint.txt", "signature.probes", "smtp-pineapp-mail-secure.fp", "submission.txt", "contribution.patch"} {
		if !strings.Contains(out, filepath.Join(dir, "b", f)) {
			t.Errorf("%s not written: %s", f, out)
		}
	}
	ev, err := os.ReadFile(filepath.Join(dir, "b", "smtp-pineapp-mail-secure.fp"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(ev), "# expect: smtp | PineApp Mail-secure |  | PineApp Av and Antispam mail gateway\n") {
		t.Errorf("evidence:\n%s", ev)
	}
	// A line in a probe the embedded file lacks cannot be contributed.
	os.WriteFile(overlay, []byte("Probe TCP Bogus q|x|\nmatch smtp m|^220 | p/X/\n"), 0o644)
	_, errOut, code = signet(t, "", "contribute", pineFP, "--overlay", overlay, "-o", filepath.Join(dir, "c"))
	if code == 0 || !strings.Contains(errOut, "cannot go into the embedded signatures") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
