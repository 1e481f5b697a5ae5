package main

import (
	"context"
	"crypto/tls"
	"flag"
	"fmt"
	"io"
	"net"
	"os"

	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/serve"
	"github.com/signetscan/signet/versiondb"
)

// runServe serves until ctx is done (main's ends on SIGINT or SIGTERM).
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var d dbFlags
	d.register(fs)
	listen := fs.String("listen", "", "address to listen on, e.g. 127.0.0.1:2525 (loopback only)")
	quiet := fs.Bool("quiet", false, "do not log connections")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *listen == "" {
		return fmt.Errorf("%w: serve takes one FINGERPRINT and --listen ADDR:PORT", errUsage)
	}
	host, _, err := net.SplitHostPort(*listen)
	if err != nil {
		return fmt.Errorf("%w: --listen %q: %v", errUsage, *listen, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%w: --listen must be a loopback address (127.0.0.0/8, ::1, localhost)", errUsage)
	}
	data, err := os.ReadFile(pos[0])
	if err != nil {
		return err
	}
	fps, err := readFingerprints(pos[0], data, stderr)
	if err != nil {
		return err
	}
	db, err := versiondb.Load(d.options())
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, db.Describe())
	svc, err := serve.New(db.DB, fps[0])
	if err != nil {
		return err
	}
	var log serve.Log
	if !*quiet {
		log = func(s string) { fmt.Fprintln(stderr, s) }
	}
	if svc.Proto == probes.UDP {
		pc, err := net.ListenPacket("udp", *listen)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "serving %s/udp fingerprint of port %d on %s\n", pos[0], fps[0].Port, pc.LocalAddr())
		return svc.ServeUDP(ctx, pc, log)
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	var cert *tls.Certificate
	if svc.SSL {
		if cert, err = serve.SelfSigned(); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "serving %s (port %d/tcp) on %s\n", pos[0], fps[0].Port, ln.Addr())
	return svc.ServeTCP(ctx, ln, cert, log)
}
