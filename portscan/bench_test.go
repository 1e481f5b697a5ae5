package portscan

import (
	"context"
	"fmt"
	"net/netip"
	"os"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// BenchmarkConnectScanAllPorts times a -sT scan of 127.0.0.1 ports 1-65535 (3 open) in a fresh
// network namespace. The parent re-runs the benchmark with the same b.N in the namespace and
// reports the child's time per scan; run with -benchtime=3x or so.
func BenchmarkConnectScanAllPorts(b *testing.B) {
	if !inNetns() {
		cmd := childCmd("-test.run=^$", "-test.bench=^BenchmarkConnectScanAllPorts$",
			fmt.Sprintf("-test.benchtime=%dx", b.N), "-test.benchmem")
		if f := os.Getenv("SIGNET_PORTSCAN_CPUPROFILE"); f != "" {
			cmd.Args = append(cmd.Args, "-test.cpuprofile="+f)
		}
		start := time.Now()
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Skipf("cannot run in a fresh network namespace: %v\n%s", err, out) // skip-ok: a benchmark; CI runs no benchmarks
		}
		m := regexp.MustCompile(`BenchmarkConnectScanAllPorts\S*\s+\d+\s+(\d+) ns/op`).FindSubmatch(out)
		if m == nil {
			b.Fatalf("no result from the namespace:\n%s", out)
		}
		ns, _ := strconv.ParseFloat(string(m[1]), 64)
		b.ReportMetric(ns/1e9, "s/scan")
		b.ReportMetric(65535/(ns/1e9), "ports/s")
		b.Logf("in a fresh namespace: %.3f s per 65535-port scan (wall %v for %d scans incl. process start)", ns/1e9, time.Since(start).Round(time.Millisecond), b.N)
		return
	}
	for _, p := range []string{"127.0.0.1:22", "127.0.0.1:80", "127.0.0.1:0"} {
		listenTCP(b, p)
	}
	s := New(Options{})
	targets := []target{{Addr: netip.MustParseAddr("127.0.0.1"), Ports: fullRange()}}
	b.ResetTimer()
	for b.Loop() {
		open := 0
		st := s.Scan(context.Background(), Job{Addr: targets[0].Addr, Technique: Connect, Ports: targets[0].Ports}, func(r PortResult) {
			if r.State == Open {
				open++
			}
		})
		if err := st.Err; err != nil || open != 3 {
			b.Fatalf("open=%d err=%v", open, err)
		}
	}
}
