// Command wanlink joins two network interfaces with a user-space delay line:
// every Ethernet frame read on one is sent on the other after a fixed delay,
// or dropped with a given probability. It is the WAN half of scripts/wan-rig.sh
// (this kernel has no tc netem).
//
//	wanlink -a IFACE -b IFACE [-delay 25ms] [-loss 0.01] [-seed N] [-for DURATION]
//
// The delay is one way: a round trip through the link costs twice -delay.
// Frames keep their order (one FIFO per direction, constant delay). Loss is
// drawn per frame from a seeded generator, so a run can be repeated. The
// interfaces should carry no address of their own (the rig gives them none)
// and have checksum and segmentation offloads off, so every frame is whole.
// On SIGINT/SIGTERM, or after -for, it prints its counters and exits.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/signetscan/signet/tools/wanlink/delayline"
)

func main() {
	a := flag.String("a", "", "first interface")
	b := flag.String("b", "", "second interface")
	delay := flag.Duration("delay", 25*time.Millisecond, "one-way delay added to every frame")
	loss := flag.Float64("loss", 0, "probability (0..1) that a frame is dropped, each direction")
	seed := flag.Int64("seed", 1, "seed of the loss generator")
	limit := flag.Duration("for", 0, "stop after this long (0: until a signal)")
	flag.Parse()
	if *a == "" || *b == "" || *delay < 0 || *loss < 0 || *loss > 1 {
		fmt.Fprintln(os.Stderr, "usage: wanlink -a IFACE -b IFACE [-delay D] [-loss P] [-seed N] [-for D]")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *limit > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *limit)
		defer cancel()
	}
	pa, err := delayline.OpenPacket(*a)
	if err != nil {
		fmt.Fprintf(os.Stderr, "wanlink: %v\n", err)
		os.Exit(1)
	}
	pb, err := delayline.OpenPacket(*b)
	if err != nil {
		fmt.Fprintf(os.Stderr, "wanlink: %v\n", err)
		os.Exit(1)
	}
	cfg := delayline.Config{Delay: *delay, Loss: *loss, Seed: *seed}
	stats := delayline.Join(ctx, pa, pb, cfg)
	fmt.Fprintf(os.Stderr, "wanlink: %s→%s %s; %s→%s %s\n", *a, *b, stats[0], *b, *a, stats[1])
}
