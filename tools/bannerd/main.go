// Command bannerd serves the fixtures of internal/fixture (SSH, SMTP and HTTP banners, a DNS
// responder for PTR questions) until it is stopped: the services scripts/record-verbose.sh
// scans with nmap inside network namespaces to record the verbose-output goldens.
//
//	bannerd -tcp 0.0.0.0:22=ssh -tcp 0.0.0.0:25=smtp -tcp 0.0.0.0:80=http \
//	        -dns 0.0.0.0:53 -ptr 10.99.0.2=web.example.test
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
	"sync"
	"syscall"

	"github.com/signetscan/signet/internal/fixture"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	var tcps, ptrs list
	flag.Var(&tcps, "tcp", "ADDR:PORT=KIND: serve a fixture ("+strings.Join(fixture.Kinds(), ", ")+"); repeatable")
	dns := flag.String("dns", "", "ADDR:PORT: answer DNS PTR questions there (UDP)")
	flag.Var(&ptrs, "ptr", "IP=NAME: a PTR record of -dns; repeatable")
	flag.Parse()
	if err := run(tcps, *dns, ptrs); err != nil {
		fmt.Fprintln(os.Stderr, "bannerd:", err)
		os.Exit(1)
	}
}

func run(tcps []string, dns string, ptrs []string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	var wg sync.WaitGroup
	defer func() { stop(); wg.Wait() }() // an error stops the servers already started
	for _, spec := range tcps {
		addr, kind, ok := strings.Cut(spec, "=")
		h := fixture.Handler(kind)
		if !ok || h == nil {
			return fmt.Errorf("-tcp %q: want ADDR:PORT=KIND with KIND one of %s", spec, strings.Join(fixture.Kinds(), ", "))
		}
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			return err
		}
		wg.Go(func() { fixture.ServeTCP(ctx, ln, h) })
	}
	if dns != "" {
		names := map[netip.Addr]string{}
		for _, p := range ptrs {
			ip, name, ok := strings.Cut(p, "=")
			a, err := netip.ParseAddr(ip)
			if !ok || err != nil || name == "" {
				return fmt.Errorf("-ptr %q: want IP=NAME", p)
			}
			names[a] = name
		}
		pc, err := net.ListenPacket("udp", dns)
		if err != nil {
			return err
		}
		wg.Go(func() { fixture.ServePTR(ctx, pc, names) })
	}
	fmt.Println("ready")
	<-ctx.Done()
	return nil
}
