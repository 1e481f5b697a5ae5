package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/signetscan/signet/diag"
	"github.com/signetscan/signet/lint"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/versiondb"
)

func runLint(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("lint", flag.ContinueOnError)
	var d dbFlags
	d.register(fs)
	evidenceDir := fs.String("evidence", "", "evidence corpus folder: report lines no case exercises, and cases that fail")
	files, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 && d.versiondb == "" {
		return fmt.Errorf("%w: lint takes one or more signature FILEs", errUsage)
	}
	failed := false
	report := func(label string, db *probes.DB, err error) {
		var el diag.ErrorList
		if err != nil {
			failed = true
			if errors.As(err, &el) {
				for _, e := range el {
					fmt.Fprintf(stdout, "%s: error: %s\n", e.Pos, e.Msg)
				}
			} else {
				fmt.Fprintf(stdout, "%s: error: %v\n", label, err)
			}
		}
		if db == nil {
			return
		}
		for _, w := range db.Warnings {
			fmt.Fprintf(stdout, "%s: warning: %s\n", w.Pos, w.Msg)
		}
		if err == nil {
			for _, f := range lint.Check(db) {
				failed = failed || f.Error
				fmt.Fprintln(stdout, f)
			}
			if *evidenceDir != "" {
				findings, err := lint.Evidence(db, *evidenceDir)
				if err != nil {
					failed = true
					fmt.Fprintf(stdout, "%s: error: %v\n", *evidenceDir, err)
				}
				for _, f := range findings {
					failed = failed || f.Error
					fmt.Fprintln(stdout, f)
				}
			}
		}
		fmt.Fprintf(stdout, "%s: %s\n", label, lint.Count(db))
	}
	if d.versiondb != "" {
		// FILEs are overlays on the chosen database.
		opt := d.options()
		opt.Overlays = append(opt.Overlays, files...)
		opt.NoDefaultOverlays = true
		l, err := versiondb.Load(opt)
		if l != nil {
			report(l.Describe(), l.DB, err)
		} else {
			report(d.versiondb, nil, err)
		}
	} else {
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				report(f, nil, err)
				continue
			}
			db, err := probes.Parse(f, src)
			if err == nil {
				err = db.Resolve()
			}
			report(f, db, err)
		}
	}
	if failed {
		return errFindings
	}
	return nil
}
