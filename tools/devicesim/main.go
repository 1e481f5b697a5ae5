// Command devicesim runs one simulated device of detect/sim on an address,
// so nmap and signet can be compared on it (loopback or a test namespace only).
//
//	devicesim -device s7 -listen 127.0.0.1:102 [-udp]
//	devicesim -list
package main

import (
	"context"
	"flag"
	"fmt"
	"net/netip"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/signetscan/signet/detect/sim"
)

func main() {
	name := flag.String("device", "", "device name (see -list)")
	listen := flag.String("listen", "", "loopback ADDR:PORT")
	udp := flag.Bool("udp", false, "serve UDP instead of TCP")
	life := flag.Duration("for", 10*time.Minute, "stop after this long")
	list := flag.Bool("list", false, "list the devices")
	flag.Parse()
	if *list {
		for _, n := range sim.Names() {
			fmt.Printf("%-20s %s\n", n, sim.Devices[n].Doc)
		}
		return
	}
	d, ok := sim.Devices[*name]
	ap, err := netip.ParseAddrPort(*listen)
	if !ok || err != nil || !ap.Addr().IsLoopback() {
		fmt.Fprintln(os.Stderr, "devicesim: want -device NAME (see -list) and -listen on a loopback ADDR:PORT")
		os.Exit(2)
	}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	ctx, cancel2 := context.WithTimeout(ctx, *life)
	defer cancel2()
	network := "tcp"
	if *udp {
		network = "udp"
	}
	if err := sim.Serve(ctx, network, *listen, d); err != nil {
		fmt.Fprintln(os.Stderr, "devicesim:", err)
		os.Exit(1)
	}
}
