package versiondb

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signetscan/signet/probes"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestEmbedded(t *testing.T) {
	l, err := Load(Options{DB: "embedded", Getenv: env(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if l.Source != "embedded" || l.DB.Null == nil || len(l.DB.Probes) == 0 {
		t.Fatalf("loaded %+v", l)
	}
	if !strings.Contains(l.Describe(), "embedded") {
		t.Errorf("Describe = %q", l.Describe())
	}
	for _, w := range l.DB.Warnings {
		t.Errorf("embedded file warning: %s", w)
	}
}

// --versiondb nmap and the default look in $NMAPDIR first.
func TestNmapDirOrder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "nmap-service-probes"), "Probe TCP NULL q||\nmatch mine m|^MINE|\n")
	for _, db := range []string{"nmap", ""} {
		l, err := Load(Options{DB: db, Getenv: env(map[string]string{"NMAPDIR": dir})})
		if err != nil {
			t.Fatal(err)
		}
		if l.Source != filepath.Join(dir, "nmap-service-probes") || len(l.DB.Null.Matches) != 1 {
			t.Errorf("DB %q: source %s", db, l.Source)
		}
	}
}

// Overlays: command-line ones first, then the overlay folder; their lines
// come before the main file's lines of the same probe.
func TestOverlays(t *testing.T) {
	cfg := t.TempDir()
	main := filepath.Join(t.TempDir(), "main.probes")
	write(t, main, "Probe TCP NULL q||\nmatch base m|^X|\nProbe TCP Hello q|EHLO\\r\\n|\nmatch base2 m|^Y|\n")
	cli := filepath.Join(t.TempDir(), "cli.probes")
	write(t, cli, "Probe TCP Hello q|EHLO\\r\\n|\nmatch fromcli m|^Y|\n")
	write(t, filepath.Join(cfg, "signet", "probes.d", "a.probes"), "Probe TCP Hello q|EHLO\\r\\n|\nmatch fromdir m|^Y|\n")
	write(t, filepath.Join(cfg, "signet", "probes.d", "ignored.txt"), "not a probes file")
	l, err := Load(Options{DB: main, Overlays: []string{cli}, Getenv: env(map[string]string{"XDG_CONFIG_HOME": cfg})})
	if err != nil {
		t.Fatal(err)
	}
	hello := l.DB.Probe(probes.TCP, "Hello")
	var got []string
	for _, m := range hello.Matches {
		got = append(got, m.Service)
	}
	if strings.Join(got, ",") != "fromcli,fromdir,base2" {
		t.Errorf("Hello lines %v", got)
	}
	if len(l.Overlays) != 2 || !strings.Contains(l.Describe(), "overlay "+cli) {
		t.Errorf("overlays %v, %q", l.Overlays, l.Describe())
	}
	l, err = Load(Options{DB: main, NoDefaultOverlays: true, Getenv: env(map[string]string{"XDG_CONFIG_HOME": cfg})})
	if err != nil || len(l.Overlays) != 0 {
		t.Errorf("NoDefaultOverlays: %v %v", err, l.Overlays)
	}
}

func TestOverlayPayloadConflict(t *testing.T) {
	main := filepath.Join(t.TempDir(), "main.probes")
	write(t, main, "Probe TCP NULL q||\nProbe TCP Hello q|EHLO\\r\\n|\n")
	bad := filepath.Join(t.TempDir(), "bad.probes")
	write(t, bad, "Probe TCP Hello q|HELO\\r\\n|\n")
	_, err := Load(Options{DB: main, Overlays: []string{bad}, Getenv: env(nil)})
	if err == nil || !strings.Contains(err.Error(), bad+":1:") || !strings.Contains(err.Error(), main+":2:") {
		t.Fatalf("err = %v", err)
	}
}

func TestMissing(t *testing.T) {
	if _, err := Load(Options{DB: filepath.Join(t.TempDir(), "nope"), Getenv: env(nil)}); err == nil {
		t.Fatal("no error for a missing file")
	}
}
