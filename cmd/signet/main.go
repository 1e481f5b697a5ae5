// Command signet identifies network services and their versions the way
// nmap -sV does, and makes writing signatures a loop that needs no device.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/signetscan/signet/output"
)

const usage = `signet: service and version detection, in nmap's signature format

Usage:
  signet [nmap-style options] TARGETS...
      Scan: port scan, then version detection with -sV (signet -h lists
      the options).
  signet match [--versiondb DB] [--overlay FILE]... [--trace] FINGERPRINT|-
      Replay an SF-Port fingerprint (nmap normal or XML output, or a file of
      its own) through the signatures and print the port line as nmap would.
      A fingerprint pasted from a web page or a mail is repaired (typographic
      quotes, odd spaces, "> " quoting, line numbers, other widths) with a
      warning; a reply's data is never guessed at.
  signet serve [--versiondb DB] FINGERPRINT --listen 127.0.0.1:PORT
      Replay a fingerprint as a live service on loopback: the NULL reply as
      a banner, and for each probe payload received the reply recorded for it.
  signet match --explain LINE_OR_FILE FINGERPRINT
      For a match line (or each line of a signature file): how far its regex
      gets on each reply, the byte where it fails, and what answers first.
  signet lint [--versiondb DB] FILE...
      Parse and compile signature files; print errors and warnings with
      FILE:LINE:COL and a summary. With --versiondb, FILEs are overlays on DB.
  signet suggest [--versiondb DB] [--service S] [--product P] [--info I]
                 [--os O] [--device D] [--version-from auto|none]
                 [--also FP2]... [--against FP]... FINGERPRINT
      Print an overlay file (the Probe line and one match line) that
      identifies the service: generalised over what varies, checked against
      the fingerprint, lint, the evidence corpus and --against fingerprints.
      Refuses (exit 1) when no reply distinguishes the service.
  signet contribute FINGERPRINT --overlay FILE -o DIR [--source TEXT]
      Write a submission bundle: the fingerprint, the line, an evidence case,
      nmap's submission form fields and a patch for signet's own database.
  signet merge [-oX FILE] [-oJ FILE] [-oN FILE] [-oG FILE] FILE...
      Merge the XML or JSON lines files of a scan's shards into one scan
      (nmap XML on stdout by default). FILE may be a quoted glob pattern.
  signet report [-o FILE] [--title TEXT] FILE...
      Write one self-contained HTML page (stdout by default) from XML or
      JSON lines files, merged first when several: a searchable, sortable
      port table, services and versions, unrecognised services' replies.

DB is "embedded" (signet's own file, compiled in), "nmap" (nmap's installed
nmap-service-probes) or a path; the default is nmap's file when installed,
else the embedded one. Overlay files in $XDG_CONFIG_HOME/signet/probes.d
(default ~/.config/signet/probes.d) are always added unless
--no-default-overlays is given.
`

// errUsage marks errors that exit with status 2.
var errUsage = errors.New("usage")

// errReported marks a failure already reported on stderr: exit status 1,
// no further message.
var errReported = errors.New("reported")

func main() {
	// A write to a closed pipe returns EPIPE instead of killing the
	// process, so that the other outputs can still be completed.
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	// Every write to standard output is checked: a failure is reported
	// once ("signet: writing stdout (/dev/full): no space left on
	// device") and the exit status is 1; a reader that went away (EPIPE)
	// ends the output quietly.
	out := output.NewFile(stdoutName(stdout), stdout)
	out.OnError(func(err *output.WriteError) {
		if !output.ClosedPipe(err) {
			fmt.Fprintf(stderr, "signet: %v\n", err)
		}
	})
	var err error
	switch args[0] {
	case "match":
		err = runMatch(args[1:], stdin, out, stderr)
	case "lint":
		err = runLint(args[1:], out, stderr)
	case "serve":
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		err = runServe(ctx, args[1:], out, stderr)
		stop()
	case "suggest":
		err = runSuggest(args[1:], stdin, stdout, stderr)
	case "contribute":
		err = runContribute(args[1:], stdin, stdout, stderr)
	case "merge":
		err = runMerge(args[1:], stdin, stdout, stderr)
	case "report":
		err = runReport(args[1:], stdin, stdout, stderr)
	case "help":
		fmt.Fprint(out, usage)
	default:
		err = runScan(args, stdin, out, stderr)
	}
	if werr := out.Close(); err == nil && werr != nil && !output.ClosedPipe(werr) {
		err = errReported
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errReported):
		return 1
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "signet: %s\n", strings.TrimPrefix(err.Error(), "usage: "))
		return 2
	case errors.Is(err, errFindings):
		return 1
	default:
		fmt.Fprintf(stderr, "signet: %v\n", err)
		return 1
	}
}

const version = "0.1.0"

// stdoutName names standard output in messages: "stdout", and the file it
// is redirected to when that is a path ("stdout (/dev/full)").
func stdoutName(w io.Writer) string {
	f, ok := w.(*os.File)
	if !ok {
		return "stdout"
	}
	target, err := os.Readlink("/proc/self/fd/" + strconv.Itoa(int(f.Fd())))
	if err != nil || !filepath.IsAbs(target) {
		return "stdout"
	}
	return "stdout (" + target + ")"
}

// listFlag collects repeated string flags.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// parseArgs parses flags and positionals in any order, the way nmap users
// type them ("signet match fp.txt --trace").
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
