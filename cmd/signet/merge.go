package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/signetscan/signet/merge"
	"github.com/signetscan/signet/output"
)

func runMerge(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	oX := fs.String("oX", "", "write the merged nmap XML to `FILE` (\"-\": stdout)")
	oJ := fs.String("oJ", "", "write the merged JSON lines to `FILE`")
	oN := fs.String("oN", "", "write nmap's normal output to `FILE`")
	oG := fs.String("oG", "", "write nmap's grepable output to `FILE`")
	names, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("%w: merge takes the XML or JSON lines FILEs of the shards", errUsage)
	}
	if *oX == "" && *oJ == "" && *oN == "" && *oG == "" {
		*oX = "-"
	}
	ins, err := readInputs(names, stdin)
	if err != nil {
		return err
	}
	res := merge.Merge(ins)
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "signet merge: %s\n", w)
	}
	var ws []output.Writer
	var files []*outFile
	for _, o := range []struct {
		name string
		mk   func(io.Writer) output.Writer
	}{
		{*oX, func(w io.Writer) output.Writer { return output.NewXML(w) }},
		{*oJ, func(w io.Writer) output.Writer { return output.NewJSONLines(w) }},
		{*oN, func(w io.Writer) output.Writer { return output.NewNormal(w, output.LogFile) }},
		{*oG, func(w io.Writer) output.Writer { return output.NewGrepable(w) }},
	} {
		if o.name == "" {
			continue
		}
		f, err := createOut(o.name, stdout)
		if err != nil {
			for _, f := range files {
				f.close()
			}
			return err
		}
		files = append(files, f)
		ws = append(ws, o.mk(f.w))
	}
	werr := res.Write(output.Multi(ws...))
	for _, f := range files {
		werr = errors.Join(werr, f.close())
	}
	if werr == nil {
		fmt.Fprintf(stderr, "signet merge: %d files, %d hosts (%d up), %d ports shown\n", len(ins), res.End.HostsTotal, res.End.HostsUp, shownPorts(res))
	}
	return werr
}

func shownPorts(res *merge.Result) int {
	n := 0
	for _, h := range res.Hosts {
		n += len(h.Ports)
	}
	return n
}

// readInputs reads the XML or JSON lines files names ("-" is stdin). A
// name with glob characters that is no file is expanded (a Kubernetes
// merge step has no shell to do it): "/results/shard-*.xml".
func readInputs(names []string, stdin io.Reader) ([]*merge.Input, error) {
	var paths []string
	for _, n := range names {
		if n != "-" && strings.ContainsAny(n, "*?[") {
			if _, err := os.Stat(n); err != nil {
				m, gerr := filepath.Glob(n)
				if gerr != nil {
					return nil, fmt.Errorf("%w: bad pattern %q: %v", errUsage, n, gerr)
				}
				if len(m) == 0 {
					return nil, fmt.Errorf("%s: no file matches", n)
				}
				paths = append(paths, m...)
				continue
			}
		}
		paths = append(paths, n)
	}
	var ins []*merge.Input
	for _, p := range paths {
		var r io.Reader = stdin
		var f *os.File
		if p != "-" {
			var err error
			if f, err = os.Open(p); err != nil {
				return nil, err
			}
			r = f
		}
		in, err := merge.Read(p, r)
		if f != nil {
			f.Close()
		}
		if err != nil {
			return nil, err
		}
		ins = append(ins, in)
	}
	return ins, nil
}

// outFile is an output destination: a file, or stdout for "-".
type outFile struct {
	w *bufio.Writer
	f *os.File // nil for stdout
}

func createOut(name string, stdout io.Writer) (*outFile, error) {
	if name == "-" {
		return &outFile{w: bufio.NewWriter(stdout)}, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	return &outFile{w: bufio.NewWriter(f), f: f}, nil
}

func (o *outFile) close() error {
	err := o.w.Flush()
	if o.f != nil {
		err = errors.Join(err, o.f.Close())
	}
	return err
}
