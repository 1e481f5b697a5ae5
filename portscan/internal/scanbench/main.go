// Command scanbench times a signet connect scan; scripts/bench-portscan.sh runs it next to
// `nmap -sT` in a fresh network namespace. It is a stand-in until cmd/signet has a scan command.
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/netip"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/signetscan/signet/portscan"
)

func main() {
	target := flag.String("target", "127.0.0.1", "address to scan")
	ports := flag.String("p", "-", "ports, nmap syntax (\"-\" = 1-65535)")
	level := flag.Int("T", 3, "timing template 0-5")
	par := flag.Int("max-parallelism", 0, "cap on probes in flight (0 = from the file limit)")
	udp := flag.Bool("sU", false, "UDP scan instead of TCP connect")
	serve := flag.String("serve", "", "only listen on these TCP ports (comma list) until interrupted")
	runs := flag.Int("runs", 1, "scans to run")
	flag.Parse()

	if *serve != "" {
		for _, p := range strings.Split(*serve, ",") {
			ln, err := net.Listen("tcp", net.JoinHostPort(*target, p))
			if err != nil {
				fmt.Fprintln(os.Stderr, "scanbench:", err)
				os.Exit(1)
			}
			go func() {
				for {
					c, err := ln.Accept()
					if err != nil {
						return
					}
					c.Close()
				}
			}()
		}
		fmt.Println("ready")
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, os.Kill)
		<-sig
		return
	}

	pl, err := portscan.ParsePorts(*ports)
	if err != nil {
		fmt.Fprintln(os.Stderr, "scanbench:", err)
		os.Exit(2)
	}
	addr, err := netip.ParseAddr(*target)
	if err != nil {
		fmt.Fprintln(os.Stderr, "scanbench:", err)
		os.Exit(2)
	}
	tm, err := portscan.Template(*level)
	if err != nil {
		fmt.Fprintln(os.Stderr, "scanbench:", err)
		os.Exit(2)
	}
	proto := portscan.TCP
	if *udp {
		proto = portscan.UDP
	}
	s := portscan.New(portscan.Options{Timing: tm, MaxParallelism: *par, NoPing: true})
	for range *runs {
		start := time.Now()
		var open []uint16
		errs := 0
		var sum portscan.HostSummary
		err = s.Run(context.Background(), proto, []portscan.Target{{Addr: addr, Ports: pl}}, func(e portscan.Event) {
			if e.Port != nil && e.Port.State == portscan.Open {
				open = append(open, e.Port.Port)
			}
			if e.Port != nil && e.Port.Reason == portscan.ReasonLocalError && errs < 3 {
				errs++
				fmt.Fprintf(os.Stderr, "scanbench: %v: %v\n", e.Port, e.Port.Err)
			}
			if e.Host != nil {
				sum = *e.Host
			}
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "scanbench:", err)
			os.Exit(1)
		}
		fmt.Printf("signet portscan: %d %s ports of %s in %.3f s (%d sockets max); open %v; %s\n",
			len(pl), proto, addr, time.Since(start).Seconds(), s.Workers(), open, sum.NotShown(25))
	}
}
