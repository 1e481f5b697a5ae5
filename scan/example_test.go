package scan_test

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/result"
	"github.com/signetscan/signet/scan"
	"github.com/signetscan/signet/targets"
	"github.com/signetscan/signet/versiondb"
	"github.com/signetscan/signet/vscan"
)

// Scan a host and stream each port's result as soon as its version detection finishes.
func Example() {
	// A service to find: an SSH server's banner on a loopback port of this example.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Write([]byte("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"))
			time.AfterFunc(2*time.Second, func() { c.Close() })
		}
	}()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)

	var hosts targets.List
	if err := hosts.Add("127.0.0.1"); err != nil {
		panic(err)
	}
	db, err := versiondb.Load(versiondb.Options{DB: "embedded", NoDefaultOverlays: true})
	if err != nil {
		panic(err)
	}
	opts := scan.Options{
		Targets: &hosts,
		Ports:   portspec.MustParse(port),
		TCP:     portscan.Connect, // portscan.SYN as root
		NoPing:  true,
		// NoResolve skips reverse DNS.
		NoResolve: true,
		Version:   &vscan.Config{Matcher: matcher.New(db.DB), Intensity: 7},
		// Each port goes to the writer as soon as it is identified; Host and End follow.
		Writer: output.PortFunc(func(h *result.Host, p *result.Port) error {
			fmt.Println(h.Addr, p.Proto, p.State, p.Service.Name, p.Service.Product, p.Service.Version)
			return nil
		}),
	}
	end := scan.Run(context.Background(), opts, &result.Run{Start: time.Now()})
	fmt.Println(end.HostsUp, "host up")
	// Output:
	// 127.0.0.1 tcp open ssh OpenSSH 9.2p1 Debian 2+deb12u3
	// 1 host up
}
