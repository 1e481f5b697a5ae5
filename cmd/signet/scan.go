package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/result"
	"github.com/signetscan/signet/scan"
	"github.com/signetscan/signet/targets"
	"github.com/signetscan/signet/versiondb"
	"github.com/signetscan/signet/vscan"
)

const scanUsage = `Usage: signet [Scan Type(s)] [Options] {target specification}
TARGET SPECIFICATION:
  Host names, IPv4 and IPv6 addresses, networks: 10.0.0.1, ::1, 192.168.0.0/24,
  10.0.0-255.1-254, 10.0.0.1-20; host:port pairs probe just that port.
  -iL <file>: read targets from a file (- for stdin); also takes host:port
     lines and masscan/naabu output, probed with no port scan
  --exclude <host1[,host2]...>, --excludefile <file>: leave hosts out
HOST DISCOVERY:
  -Pn (or -P0): treat every host as up, skip discovery. Without it, a host
     is up when a TCP connect to 80, 443, 22 or a few other ports is
     accepted or refused.
  -n: never do reverse DNS resolution
SCAN TECHNIQUES:
  -sT: TCP connect scan (the default)   -sU: UDP scan
PORT SPECIFICATION:
  -p <ranges>: e.g. -p22; -p1-65535; -p U:53,111,T:21-25,80; -p http,ssh; -p-
  -F: fast mode, top 100 ports; --top-ports <n>: the n most common ports
  Default: the top 1,000 TCP ports (nmap-services when installed, else signet's table)
SERVICE/VERSION DETECTION:
  -sV: probe open ports to determine service/version info
  --version-intensity <0-9> (default 7), --version-light (2), --version-all (9)
  --version-trace: show every probe sent and every line that matched
  --version-timing <adaptive|nmap>: adaptive (default) sends a port's probes
     over parallel connections with waits fitted to the measured round trip,
     and picks the answer nmap's sequential order would; nmap keeps nmap's
     one-probe-at-a-time walk and fixed waits (byte-identical fingerprints)
  --no-tls-fallback: do not try a modern TLS handshake on sslports and silent
     ports after nmap's probes found nothing (nmap does not try it)
  --versiondb <embedded|nmap|file>: the signature file (default: nmap's when
     installed, else signet's embedded file); --overlay <file>: add signatures
     (repeatable; $XDG_CONFIG_HOME/signet/probes.d/*.probes are always added
     unless --no-default-overlays); --datadir <dir>: where nmap's files are
TIMING AND PERFORMANCE:
  -T<0-5>: timing template (higher is faster); --host-timeout <time>;
  --max-retries <n>; --max-parallelism <n>
  --max-host-conns <n>: version-detection connections open at once to one
     host (default 40; each port also keeps at most 9 in flight)
OUTPUT:
  -oN/-oX/-oG <file>: normal, XML, grepable output; -oA <base>: all three;
  -oJ <file>: JSON lines, one object per port as it finishes; "-" is stdout
  --version-record <dir>: write every service's complete replies there as an
     evidence file (fingerprint + what signet answered) for signature work
  --xml-scanner <name>: scanner attribute of XML output (default nmap, the only
     value nmap.dtd allows; "signet" names this tool but is not DTD-valid)
  -v, -d: more verbose / debugging; --open: only open ports; --reason
MISC:
  -h: this help; --version: print version
Other commands: signet match, signet serve, signet lint (signet help).
`

func runScan(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	a, err := parseScanArgs(args)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if a.help {
		fmt.Fprint(stdout, scanUsage)
		return nil
	}
	if a.showVer {
		fmt.Fprintln(stdout, "signet "+version)
		return nil
	}
	if len(a.targets) == 0 && a.inputList == "" {
		return fmt.Errorf("%w: no targets given (see signet -h)", errUsage)
	}
	for _, w := range optionWarnings(a, args) {
		fmt.Fprintln(stderr, w)
	}
	if !a.connect && !a.udp {
		a.connect = true
	}
	start := time.Now()

	// Targets.
	var tl targets.List
	if err := tl.Add(a.targets...); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if a.inputList != "" {
		if a.inputList == "-" {
			tl.AddReader("<stdin>", stdin)
		} else if err := tl.AddFile(a.inputList); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
	}
	if len(a.exclude) > 0 {
		if err := tl.Exclude(strings.Join(a.exclude, ",")); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
	}
	if a.excludeFile != "" {
		if err := tl.ExcludeFile(a.excludeFile); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
	}

	// Ports.
	dbOpt := a.db.options()
	table, tableSrc, err := portspec.LoadTable(versiondb.NmapDirs(&dbOpt))
	if err != nil {
		return err
	}
	var ports portspec.List
	switch {
	case a.ports != "":
		if ports, err = portspec.Parse(a.ports, table); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		if a.topPorts > 0 {
			if ports, err = portspec.TopWithin(table, a.topPorts, ports); err != nil {
				return fmt.Errorf("%w: %v", errUsage, err)
			}
		}
	case a.topPorts > 0:
		if ports, err = portspec.Top(table, a.topPorts); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
	case a.fast:
		ports = portspec.Fast(table)
	default:
		ports = portspec.Default(table)
	}

	// Port scanner.
	timing, err := portscan.Template(a.timing)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if a.maxRetries >= 0 {
		timing.MaxRetries = a.maxRetries
	}
	ps := portscan.New(portscan.Options{Timing: timing, MaxParallelism: a.maxParallel, NoPing: true})

	// Ctrl-C from here on ends the run with complete output files: the
	// handler is in place before any file is created, so a signal while the
	// signatures load still gets Begin and End written.
	sigCtx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithCancelCause(sigCtx)
	defer cancel(nil)

	// Outputs. Each reports its first write failure once; when none is
	// left to write to, the scan stops.
	so, ok := stdout.(*output.File)
	if !ok {
		so = output.NewFile("stdout", stdout)
	}
	outs, files, toStdout, err := openOutputs(a, so)
	if err != nil {
		return err
	}
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	var failedMu sync.Mutex
	failed := 0
	for _, f := range files {
		if f != so { // run reports standard output's failures
			f.OnError(func(err *output.WriteError) { fmt.Fprintf(stderr, "signet: %v\n", err) })
		}
		f.OnError(func(*output.WriteError) {
			failedMu.Lock()
			defer failedMu.Unlock()
			if failed++; failed == len(files) {
				cancel(errNoOutput)
			}
		})
	}
	say := func(s string) {
		if !toStdout {
			fmt.Fprintln(so, s)
		}
	}

	var dataFiles []string // read, for "Read data files from:"
	opts := scan.Options{
		Targets: &tl, Ports: ports, TCP: a.connect, UDP: a.udp,
		NoPing: a.noPing, NoResolve: a.noResolve, Scanner: ps,
		HostTimeout: a.hostTimeout, OpenOnly: a.openOnly, Verbose: a.verbose, Debug: a.debug,
		Table:  table,
		Writer: output.Multi(outs...),
		Warn:   func(s string) { fmt.Fprintln(stderr, "signet: warning: "+s) },
	}
	if a.version {
		l, err := versiondb.Load(dbOpt)
		if err != nil {
			return err
		}
		fmt.Fprintln(stderr, l.Describe())
		dataFiles = append(dataFiles, l.Files()...)
		cfg := &vscan.Config{
			Matcher:     matcher.New(l.DB),
			Intensity:   a.intensity,
			Debug:       a.debug > 0 || a.versionTrace,
			FPVersion:   "signet-" + version,
			FPPlatform:  vscan.Platform(runtime.GOOS, runtime.GOARCH),
			TLSFallback: !a.noTLSFallback,
			// Connections open at once to one host, over all its ports.
			MaxHostConns: a.maxHostConns,
			Timing:       vscan.TimingFast,
			Table: func(port int, proto probes.Protocol) string {
				if proto == probes.UDP {
					return table.Lookup(port, "udp")
				}
				return table.Lookup(port, "tcp")
			},
		}
		if a.versionTiming == "nmap" {
			cfg.Timing = vscan.TimingNmap
		}
		if a.versionTrace {
			cfg.Trace = say
		}
		if a.versionRecord != "" {
			if err := os.MkdirAll(a.versionRecord, 0o755); err != nil {
				return err
			}
			cfg.Record = recorder(a.versionRecord, stderr)
		}
		opts.Version = cfg
		opts.Exclude = l.DB.Exclude
		opts.VersionParallelism = versionParallelism(a)
	}

	if tableSrc != "embedded" {
		dataFiles = append(dataFiles, tableSrc)
	}
	run := &result.Run{
		Version: version, Args: append([]string{"signet"}, args...), Start: start,
		Verbose: a.verbose, Debugging: a.debug, VersionScan: a.version, Reason: a.reason,
		XMLScanner: a.xmlScanner, NoPing: a.noPing, DataFiles: dataFiles,
	}
	for _, sc := range []struct {
		on    bool
		typ   string
		proto portspec.Proto
		name  string
	}{{a.connect, result.ScanConnect, portspec.TCP, "tcp"}, {a.udp, result.ScanUDP, portspec.UDP, "udp"}} {
		if !sc.on {
			continue
		}
		info := result.ScanInfo{Type: sc.typ, Proto: sc.name}
		for p := range ports.Get(sc.proto).All() {
			info.Ports = append(info.Ports, int(p))
		}
		run.Scans = append(run.Scans, info)
	}

	end := scan.Run(ctx, opts, run)
	if ctx.Err() != nil {
		end.Exit, end.ErrorMsg = result.ExitError, "Interrupted by user"
	}
	opts.Writer.End(end)
	// A write failure was reported when it happened; it makes the exit
	// status 1. Standard output's reader going away (EPIPE) is not a
	// failure: the other outputs were completed, or, if it was the only
	// one, the scan stopped quietly.
	var werr error
	for _, f := range files {
		if err := f.Close(); err != nil && !(f == so && output.ClosedPipe(err)) {
			werr = errReported
		}
	}
	switch {
	case werr != nil:
		return werr
	case errors.Is(context.Cause(ctx), errNoOutput):
		return nil
	case end.Failed():
		return fmt.Errorf("%s", end.ErrorMsg)
	}
	return nil
}

// errNoOutput cancels a scan whose outputs have all failed or gone.
var errNoOutput = errors.New("no output left to write to")

// versionParallelism is S2's number of services probed at once.
// With adaptive timing the per-host connection cap, not the number of
// services, is what protects a host, so more services are kept in flight.
func versionParallelism(a *scanArgs) int {
	n := []int{1, 1, 1, 20, 30, 40}[a.timing]
	if a.versionTiming != "nmap" && a.timing >= 3 {
		n *= 3
	}
	if a.maxParallel > 0 && a.maxParallel < n {
		n = a.maxParallel
	}
	return n
}

// openOutputs creates the writers: normal output on stdout, and the -o
// files. A file named "-" is stdout, which then carries only that format.
// files are the destinations the writers use, stdout among them when it
// carries a format; the caller closes them.
func openOutputs(a *scanArgs, stdout *output.File) (ws []output.Writer, files []*output.File, toStdout bool, err error) {
	open := func(name string) (io.Writer, error) {
		if name == "-" {
			toStdout = true
			return stdout, nil
		}
		f, err := output.Create(name)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		return f, nil
	}
	for _, o := range []struct {
		name string
		make func(io.Writer) output.Writer
	}{
		{a.outNormal, func(w io.Writer) output.Writer { return output.NewNormal(w, output.LogFile) }},
		{a.outXML, func(w io.Writer) output.Writer { return output.NewXML(w) }},
		{a.outGrep, func(w io.Writer) output.Writer { return output.NewGrepable(w) }},
		{a.outJSON, func(w io.Writer) output.Writer { return output.NewJSONLines(w) }},
	} {
		if o.name == "" {
			continue
		}
		w, err := open(o.name)
		if err != nil {
			for _, f := range files {
				f.Close()
			}
			return nil, nil, false, err
		}
		ws = append(ws, o.make(w))
	}
	if !toStdout {
		ws = append([]output.Writer{output.NewConsole(stdout, nil)}, ws...)
	}
	// Standard output counts once, however many formats it carries.
	return ws, append([]*output.File{stdout}, files...), toStdout, nil
}

// recorder writes one evidence file per service (--version-record): the
// complete replies as a fingerprint, headed by what signet answered.
func recorder(dir string, stderr io.Writer) func(vscan.Target, *fingerprint.Fingerprint, *result.Service) {
	return func(t vscan.Target, fp *fingerprint.Fingerprint, svc *result.Service) {
		name := fmt.Sprintf("%s-%d-%s.fp", strings.NewReplacer(":", "_", ".", "_").Replace(t.IP.String()), t.Port, strings.ToLower(fp.Proto))
		answer := ""
		if svc != nil && svc.Method == result.MethodProbed {
			answer = svc.Name
			if svc.Tunnel == "ssl" {
				answer = "ssl/" + answer
			}
			answer = strings.Join([]string{answer, svc.Product, svc.Version, svc.Info}, " | ")
		}
		text := fmt.Sprintf("# recorded by signet %s from %s port %d/%s on %s\n# source: \n# expect: %s\n%s\n",
			version, t.IP, t.Port, strings.ToLower(fp.Proto), time.Now().UTC().Format(time.RFC3339), answer, fp.String())
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			fmt.Fprintf(stderr, "signet: --version-record: %v\n", err)
		}
	}
}
