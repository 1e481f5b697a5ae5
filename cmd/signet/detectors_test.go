package main

import (
	"testing"

	"github.com/signetscan/signet/detect"
)

// With signet's own file mqtt-subscribe does not run (it would rename a
// right "mqtt" as nmap 7.93 does); with nmap's file it runs, as in nmap.
func TestDetectorsByFile(t *testing.T) {
	has := func(ds []detect.Detector, name string) bool {
		for _, d := range ds {
			if d.Name() == name {
				return true
			}
		}
		return false
	}
	mqtt := detect.MQTTSubscribe{}.Name()
	own, nmaps := detectors(&scanArgs{}, true), detectors(&scanArgs{}, false)
	if has(own, mqtt) {
		t.Errorf("embedded file: %s runs", mqtt)
	}
	if !has(nmaps, mqtt) {
		t.Errorf("nmap's file: %s does not run", mqtt)
	}
	if len(own) != len(nmaps)-1 || len(nmaps) != len(detect.Table) {
		t.Errorf("detectors: %d with the embedded file, %d with nmap's, table %d", len(own), len(nmaps), len(detect.Table))
	}
	if ds := detectors(&scanArgs{noVersionScripts: true}, true); ds != nil {
		t.Errorf("--no-version-scripts: %d detectors", len(ds))
	}
}
