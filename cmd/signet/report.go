package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/signetscan/signet/merge"
	"github.com/signetscan/signet/report"
)

func runReport(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	out := fs.String("o", "-", "write the page to `FILE` (\"-\": stdout)")
	title := fs.String("title", "", "the page's title (default: made from the scan)")
	names, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("%w: report takes XML or JSON lines FILEs", errUsage)
	}
	ins, err := readInputs(names, stdin)
	if err != nil {
		return err
	}
	// One file or many: the merge also puts hosts in address order and
	// JSON lines ports in nmap's.
	res := merge.Merge(ins)
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "signet report: %s\n", w)
	}
	f, err := createOut(*out, stdout)
	if err != nil {
		return err
	}
	werr := report.Write(f.w, report.Scan{Run: res.Run, Hosts: res.Hosts, End: res.End}, report.Options{Title: *title})
	return errors.Join(werr, f.close())
}
