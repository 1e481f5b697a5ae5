// Command scanbench times signet's portscan package on its own, serves TCP ports for
// scripts/bench-portscan.sh, and measures other commands for it (-measure: wall time and peak
// RSS of a child process, without depending on /usr/bin/time).
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/portspec"
)

func main() {
	target := flag.String("target", "127.0.0.1", "address to scan")
	ports := flag.String("p", "-", "ports, nmap syntax (\"-\" = 1-65535)")
	level := flag.Int("T", 3, "timing template 0-5")
	par := flag.Int("max-parallelism", 0, "cap on probes in flight (0 = from the file limit)")
	udp := flag.Bool("sU", false, "UDP scan instead of TCP connect")
	syn := flag.Bool("sS", false, "SYN scan instead of TCP connect (root)")
	serve := flag.String("serve", "", "only listen on these TCP ports (comma list) until interrupted")
	runs := flag.Int("runs", 1, "scans to run")
	measure := flag.Bool("measure", false, "run the command given as arguments (stdout to /dev/null) and print its wall time in seconds and peak RSS in KiB")
	flag.Parse()

	if *measure {
		os.Exit(measureCmd(flag.Args()))
	}

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

	list, err := portspec.Parse(*ports, nil)
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
	tech := portscan.Connect
	if *udp {
		tech = portscan.UDP
	}
	if *syn {
		tech = portscan.SYN
	}
	proto := tech.Protocol()
	pl := slices.Collect(list.Get(proto).All())
	s := portscan.New(portscan.Options{Timing: tm, MaxParallelism: *par})
	defer s.Close()
	for range *runs {
		start := time.Now()
		var open []uint16
		errs := 0
		counts := map[string]int{}
		st := s.Scan(context.Background(), portscan.Job{Addr: addr, Technique: tech, Ports: pl}, func(r portscan.PortResult) {
			if r.State == portscan.Open {
				open = append(open, r.Port)
			}
			if r.Reason == portscan.ReasonLocalError && errs < 3 {
				errs++
				fmt.Fprintf(os.Stderr, "scanbench: %v: %v\n", r, r.Err)
			}
			counts[r.State.String()+" ("+string(r.Reason)+")"]++
		})
		if st.Err != nil {
			fmt.Fprintln(os.Stderr, "scanbench:", st.Err)
			os.Exit(1)
		}
		fmt.Printf("signet portscan: %d %s ports of %s by %s in %.3f s (%d sockets max); open %v; %v\n",
			len(pl), proto, addr, tech, time.Since(start).Seconds(), s.Workers(), open, counts)
	}
}

// measureCmd runs args[0] with args[1:] and prints "<wall seconds> <max RSS KiB>".
func measureCmd(args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "scanbench: -measure needs a command")
		return 2
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		fmt.Fprintf(os.Stderr, "scanbench: %s: %v\n", strings.Join(args, " "), err)
		return 1
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var rss int64
	if ru != nil {
		rss = ru.Maxrss // KiB on Linux
	}
	fmt.Printf("%.3f %d\n", wall.Seconds(), rss)
	return 0
}
