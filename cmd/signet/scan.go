package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/signetscan/signet/detect"
	"github.com/signetscan/signet/evidence"
	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/internal/tty"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/portscan"
	"github.com/signetscan/signet/portspec"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/result"
	"github.com/signetscan/signet/scan"
	"github.com/signetscan/signet/services"
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
  -sn: host discovery only, no port scan
  -Pn (or -P0): treat every host as up, skip discovery. Without it, as
     root: ARP (IPv6: neighbor discovery) for hosts on a local Ethernet
     segment, else ICMP echo, TCP SYN to 443, TCP ACK to 80 and ICMP
     timestamp; unprivileged: a TCP connect to 80, 443, 22 or a few other
     ports, accepted or refused, proves a host up.
  -PE/-PP: ICMP echo, timestamp   -PS/-PA/-PU[portlist]: TCP SYN, TCP ACK,
     UDP probes to the ports   -PR: ARP ping (all of these need root but -PS)
  -n: never do reverse DNS resolution
SCAN TECHNIQUES:
  -sS: TCP SYN scan (the default as root)   -sT: TCP connect scan (the
     default otherwise)   -sU: UDP scan
  --privileged / --unprivileged: assume raw sockets may / may not be used
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
  --no-version-scripts: answer from the signature file alone: no native
     detectors (nmap's version scripts, rpcinfo, http-server-header, ...)
     and no TLS fallback
  --versiondb <embedded|nmap|file>: the signature file (default: nmap's when
     installed, else signet's embedded file); --overlay <file>: add signatures
     (repeatable; $XDG_CONFIG_HOME/signet/probes.d/*.probes are always added
     unless --no-default-overlays); --datadir <dir>: where nmap's files are
TIMING AND PERFORMANCE:
  -T<0-5>: timing template (higher is faster); --host-timeout <time>;
  --max-retries <n>; --max-parallelism <n>; --max-hostgroup <n>: hosts port-
     and version-scanned at once (default 16)
  --min-rate <n>, --max-rate <n>: send at least / at most n packets a second
  --max-host-conns <n>: the most version-detection connections open at once
     to one host (default 1024); below it each host's window starts at 40,
     grows while connects succeed and halves when one is refused or times out
OUTPUT:
  -oN/-oX/-oG <file>: normal, XML, grepable output; -oA <base>: all three;
  -oJ <file>: JSON lines, one object per port as it finishes; "-" is stdout
  --version-record <dir>: write every service's complete replies there as an
     evidence file (fingerprint + what signet answered) for signature work
  --xml-scanner <name>: scanner attribute of XML output (default nmap, the only
     value nmap.dtd allows; "signet" names this tool but is not DTD-valid)
  -v, -d: more verbose / debugging; --open: only open ports; --reason
  --stats-every <time>: print nmap's status lines ("Stats: ...") that often
RUNTIME INTERACTION (on a terminal):
  a status line on stderr; keys: any key prints the status lines, v/V and
  d/D raise/lower verbosity and debugging, ? lists them;
  --noninteractive: neither
SPLITTING AND RESUMING:
  --shards <n> --shard <i> --seed <s>: scan shard i (0 to n-1) of the (address,
     port) pairs of targets x ports, in the order seed s gives; every shard of
     a scan needs the same n, s, targets and ports. Without --shard, i is taken
     from $JOB_COMPLETION_INDEX (a Kubernetes Indexed Job). Unsharded, --seed
     fixes each host's port order (random otherwise)
  --resume <file>: continue an interrupted scan (Ctrl-C, SIGKILL) from its
     -oN, -oG or -oJ file (-oX works too), given alone: the options are read
     from the file, the hosts every output has whole are skipped, and each
     output file is cut back to its last whole host and appended to
MISC:
  -6: scan IPv6: names resolve to IPv6 addresses and IPv4 targets are refused
      (IPv6 addresses are always taken)
  -h: this help; --version: print version
Other commands: signet match, signet serve, signet lint (signet help).
`

func runScan(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	// signet --resume FILE: the command line comes from FILE.
	var res *resumed
	if file, ok, err := resumeArg(args); err != nil {
		return err
	} else if ok {
		if res, args, err = readResume(file); err != nil {
			return err
		}
	}
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
	shardFromEnv, err := a.shardPlan(os.Getenv)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	// On a terminal, a status line on stderr that the other output scrolls past.
	var line *tty.StatusLine
	if ef, ok := stderr.(*os.File); ok && a.interactive && tty.IsTerminal(ef) {
		line = tty.NewStatusLine(ef, func() int { return tty.Width(ef) })
		stderr = line.Writer(stderr)
	}
	for _, w := range optionWarnings(a, args) {
		fmt.Fprintln(stderr, w)
	}
	start := time.Now()
	warn := func(s string) { fmt.Fprintln(stderr, "signet: warning: "+s) }

	// Scan types: nmap's defaults (SYN as root, connect otherwise).
	privileged := a.privileged > 0 || a.privileged == 0 && scan.Privileged()
	if a.syn && a.connect {
		return fmt.Errorf("%w: you specified more than one type of TCP scan (-sS and -sT)", errUsage)
	}
	if a.pingOnly && (a.syn || a.connect || a.udp || a.version) {
		return fmt.Errorf("%w: -sn (host discovery only) cannot be combined with port scans (-sS, -sT, -sU, -sV)", errUsage)
	}
	if a.syn && !privileged {
		return fmt.Errorf("%w (-sS needs raw sockets: run as root, or use -sT)", scan.ErrPrivileges)
	}
	var tcp portscan.Technique
	switch {
	case a.syn:
		tcp = portscan.SYN
	case a.connect:
		tcp = portscan.Connect
	case !a.udp && !a.pingOnly:
		tcp = scan.DefaultTCP(privileged)
	}
	level, err := scan.LevelOf(a.timing)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}

	// Targets.
	var tl targets.List
	if a.ipv6 {
		tl.Network = "ip6"
	}
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
	ports, err := scan.SelectPorts(a.ports, a.topPorts, a.fast, table)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}

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
	var stdoutW io.Writer = so
	if f, ok := so.Dest().(*os.File); ok && line != nil && tty.IsTerminal(f) {
		stdoutW = line.Writer(so)
	}
	if res != nil {
		if err := res.prepare(a, warn); err != nil {
			return err
		}
	}
	outs, files, console, err := openOutputs(a, so, stdoutW, res)
	if err != nil {
		return err
	}
	toStdout := console == nil
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
			fmt.Fprintln(stdoutW, s)
		}
	}

	var dataFiles []string // read, for "Read data files from:"
	opts := scan.Options{
		Targets: &tl, Ports: ports, TCP: tcp, UDP: a.udp,
		NoPing: a.noPing, PingOnly: a.pingOnly, Ping: a.pings, Privileged: privileged, NoResolve: a.noResolve,
		Level: level, HostTimeout: a.hostTimeout, MaxParallelism: a.maxParallel, MinRate: a.minRate, MaxRate: a.maxRate,
		// -d raises the verbose level too, as nmap's does: -d alone reports down hosts.
		OpenOnly: a.openOnly, Verbose: a.verbose + a.debug, Debug: a.debug,
		Shards: a.shards, Shard: uint64(max(a.shard, 0)), Seed: a.seed, HostGroup: a.maxHostGroup,
		Table:  table,
		Writer: output.Multi(outs...),
		Warn:   warn,
	}
	if a.maxRetries >= 0 {
		opts.Tries = a.maxRetries + 1
	}
	if privileged && !a.noPing {
		// Raw discovery learns MAC addresses; nmap names their makers from its own file.
		if opts.MACVendors, err = services.LoadMACVendors(versiondb.NmapDirs(&dbOpt)); err != nil {
			warn(err.Error())
		}
	}
	if !a.pingOnly {
		for _, w := range opts.PortWarnings() {
			warn(w)
		}
	}
	var l *versiondb.Loaded
	if a.version {
		if l, err = loadSignatures(ctx, dbOpt); err != nil {
			return err
		}
	}
	if l != nil {
		fmt.Fprintln(stderr, l.Describe())
		dataFiles = append(dataFiles, l.Files()...)
		cfg := &vscan.Config{
			Matcher:    matcher.New(l.DB),
			Intensity:  a.intensity,
			Debug:      a.debug > 0 || a.versionTrace,
			FPVersion:  "signet-" + version,
			FPPlatform: vscan.Platform(runtime.GOOS, runtime.GOARCH),
			Detectors:  detectors(a, l.Source == "embedded"),
			// Connections open at once to one host, over all its ports.
			MaxHostConns: a.maxHostConns,
			Timing:       vscan.TimingFast,
			Table: func(port int, proto probes.Protocol) string {
				return table.Lookup(port, proto.String())
			},
		}
		if a.versionTiming == "nmap" {
			cfg.Timing = vscan.TimingNmap
		}
		if a.versionTrace {
			cfg.Trace = say
		}
		if a.versionRecord != "" {
			rec, err := evidence.NewRecorder(a.versionRecord, version, func(err error) { fmt.Fprintln(stderr, "signet:", err) })
			if err != nil {
				return err
			}
			cfg.Record = func(t vscan.Target, fp *fingerprint.Fingerprint, svc *result.Service) {
				rec.Record(t.IP, t.Port, fp, svc)
			}
		}
		opts.Version = cfg
		opts.Exclude = l.DB.Exclude
	}

	if tableSrc != "embedded" {
		dataFiles = append(dataFiles, tableSrc)
	}
	run := &result.Run{
		Version: version, Args: append([]string{"signet"}, args...), Start: start,
		Verbose: a.verbose + a.debug, Debugging: a.debug, VersionScan: a.version, Reason: a.reason, PingOnly: a.pingOnly,
		XMLScanner: a.xmlScanner, Scans: opts.ScanInfos(), NoPing: a.noPing, DataFiles: dataFiles,
	}
	if a.debug > 0 {
		run.Timing = opts.TimingReport()
		for _, l := range opts.DebugLines() {
			fmt.Fprintln(stderr, "signet: debug: "+l)
		}
	}
	if a.ports == "" && !a.pingOnly {
		run.TopPorts = max(a.topPorts, 0)
		if run.TopPorts == 0 {
			run.TopPorts = map[bool]int{true: 100, false: 1000}[a.fast]
		}
	}
	stopTerminal := func() {}
	if console != nil {
		opts.Observer = scan.To(console)
		// Keys pressed on the terminal (standard input, unless it carries the targets).
		var keys *tty.Keys
		if f, ok := stdin.(*os.File); ok && a.interactive && a.inputList != "-" {
			if keys, err = tty.OpenKeys(f); err == nil { // else: no terminal, or in the background
				defer keys.Close()
			}
		}
		stopTerminal = tty.Attend(console, tty.Options{StatsEvery: a.statsEvery, Keys: keys, Line: line})
		defer stopTerminal()
	}
	if shardFromEnv {
		// The shard this process is, in the command line it records: the output says which
		// shard it holds, and --resume needs no environment.
		run.Args = append(run.Args, fmt.Sprintf("--shard=%d", a.shard))
	}
	if res != nil {
		res.runInfo(run, start)
		opts.Done = func(a netip.Addr) bool { return res.done[a] }
	}
	end := scan.Run(ctx, opts, run)
	stopTerminal() // the status line goes before the closing lines
	if res != nil {
		// The hosts written before the interruption.
		end.HostsUp += res.up
		end.HostsDown += res.down
		end.HostsTotal += res.up + res.down
	}
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

// detectors are the detectors the flags leave on: every one of the table
// (nmap's version scripts, natively, and the TLS fallback), none with
// --no-version-scripts, all but the TLS fallback with --no-tls-fallback.
func detectors(a *scanArgs, embedded bool) []detect.Detector {
	if a.noVersionScripts {
		return nil
	}
	var ds []detect.Detector
	for _, d := range detect.Table {
		if a.noTLSFallback && d.Name() == (detect.TLSFallback{}).Name() {
			continue
		}
		// mqtt-subscribe answers as nmap 7.93 does: the broker's version
		// message becomes the service name ("mosquitto version 2.0.11").
		// With nmap's file that is nmap's answer; signet's own file reads
		// the same topic with its mqtt-sys-version probe and names the
		// service mqtt with product and version, which the script would
		// only turn into a wrong name.
		if embedded && d.Name() == (detect.MQTTSubscribe{}).Name() {
			continue
		}
		ds = append(ds, d)
	}
	return ds
}

// errNoOutput cancels a scan whose outputs have all failed or gone.
var errNoOutput = errors.New("no output left to write to")

// openOutputs creates the writers: normal output on stdout, and the -o
// files. A file named "-" is stdout, which then carries only that format.
// files are the destinations the writers use, stdout among them when it
// carries a format; the caller closes them.
//
// The console (nil when stdout carries a format) writes to w, which writes to stdout.
func openOutputs(a *scanArgs, stdout *output.File, w io.Writer, res *resumed) (ws []output.Writer, files []*output.File, console *output.Console, err error) {
	toStdout := false
	open := func(name string) (io.Writer, error) {
		if name == "-" {
			toStdout = true
			return w, nil
		}
		create := output.Create
		if res != nil && res.logs[name] != nil {
			create = output.Append // cut back to its last complete host by res.prepare
		}
		f, err := create(name)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		return f, nil
	}
	for _, o := range []struct {
		name string
		make func(io.Writer, bool) output.Writer
	}{
		{a.outNormal, func(w io.Writer, cont bool) output.Writer {
			n := output.NewNormal(w, output.LogFile)
			n.Continue = cont
			return n
		}},
		{a.outXML, func(w io.Writer, cont bool) output.Writer {
			x := output.NewXML(w)
			x.Continue = cont
			return x
		}},
		{a.outGrep, func(w io.Writer, cont bool) output.Writer {
			g := output.NewGrepable(w)
			g.Continue = cont
			return g
		}},
		{a.outJSON, func(w io.Writer, cont bool) output.Writer {
			j := output.NewJSONLines(w)
			j.Continue = cont
			return j
		}},
	} {
		if o.name == "" {
			continue
		}
		cont := res != nil && res.logs[o.name] != nil
		dst, err := open(o.name)
		if err != nil {
			for _, f := range files {
				f.Close()
			}
			return nil, nil, nil, err
		}
		ws = append(ws, o.make(dst, cont))
	}
	if !toStdout {
		console = output.NewConsole(w, nil)
		ws = append([]output.Writer{console}, ws...)
	}
	// Standard output counts once, however many formats it carries.
	return ws, append([]*output.File{stdout}, files...), console, nil
}

// loadSignatures loads the signature database, or returns nil (and no
// error) when ctx ends first: an interrupt while nmap's file loads, which
// takes a second or more on a loaded machine, ends the run at once.
func loadSignatures(ctx context.Context, o versiondb.Options) (*versiondb.Loaded, error) {
	type loaded struct {
		l   *versiondb.Loaded
		err error
	}
	done := make(chan loaded, 1)
	go func() {
		l, err := versiondb.Load(o)
		done <- loaded{l, err}
	}()
	select {
	case r := <-done:
		return r.l, r.err
	case <-ctx.Done():
		return nil, nil
	}
}
