package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net/netip"
	"path/filepath"
	"strings"
	"time"

	"github.com/signetscan/signet/result"
	"github.com/signetscan/signet/resume"
)

// resumeArg returns FILE when args ask to resume a scan (--resume FILE, --resume=FILE), and
// an error when --resume comes with other options, as nmap refuses it.
func resumeArg(args []string) (file string, ok bool, err error) {
	for i, a := range args {
		name, v, has := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "resume" {
			continue
		}
		switch {
		case i == 0 && has && len(args) == 1:
			return v, true, nil
		case i == 0 && !has && len(args) == 2:
			return args[1], true, nil
		}
		return "", false, fmt.Errorf("%w: cannot use --resume with other options. Usage: signet --resume FILE", errUsage)
	}
	return "", false, nil
}

// resumed is what --resume learnt from an interrupted scan's outputs.
type resumed struct {
	file  string
	log   *resume.Log            // FILE's
	logs  map[string]*resume.Log // each output file of the scan that continues, by name
	done  map[netip.Addr]bool
	up    int
	down  int
	start time.Time
}

// readResume reads FILE, the normal, grepable or JSON lines output of an interrupted scan
// (its XML works too), and returns the scan's command line without argv[0].
func readResume(file string) (*resumed, []string, error) {
	l, err := resume.Read(file)
	if err != nil {
		return nil, nil, err
	}
	if l.Args[0] != "signet" {
		return nil, nil, fmt.Errorf("%s: the command line is not signet's: %q", file, l.Args)
	}
	if _, again, _ := resumeArg(l.Args[1:]); again {
		return nil, nil, fmt.Errorf("%s: records a resumed scan's command line", file)
	}
	return &resumed{file: file, log: l, start: l.Start, logs: map[string]*resume.Log{}}, l.Args[1:], nil
}

// prepare reads every output file the scan writes (those that exist: a file that is gone
// or empty is started again), finds the hosts all of them have whole, and cuts each file
// back to its header and those hosts, ready to be appended to.
func (r *resumed) prepare(a *scanArgs, warn func(string)) error {
	logs := []*resume.Log{r.log}
	same := func(x, y string) bool {
		ax, err1 := filepath.Abs(x)
		ay, err2 := filepath.Abs(y)
		return err1 == nil && err2 == nil && ax == ay
	}
	fresh := false
	for _, o := range []struct {
		name string
		f    resume.Format
	}{{a.outNormal, resume.Normal}, {a.outXML, resume.XML}, {a.outGrep, resume.Grepable}, {a.outJSON, resume.JSONLines}} {
		if o.name == "" || o.name == "-" {
			continue
		}
		l := r.log
		if !same(o.name, r.file) {
			var err error
			l, err = resume.Read(o.name)
			if errors.Is(err, fs.ErrNotExist) || errors.Is(err, resume.ErrEmpty) {
				warn(fmt.Sprintf("%s: no scan output to continue: written again from the start, and every host scanned again", o.name))
				fresh = true
				continue
			}
			if err != nil {
				return err
			}
			logs = append(logs, l)
		}
		if l.Format != o.f && !(l.Format == resume.Normal && o.f == resume.Grepable && len(l.Hosts) == 0) {
			return fmt.Errorf("%s: %s output, but the scan writes %s output there", o.name, l.Format, o.f)
		}
		if l.Complete {
			return fmt.Errorf("%s: %w", o.name, resume.ErrComplete)
		}
		r.logs[o.name] = l
		if l.Format == resume.JSONLines || l.Format == resume.XML {
			r.start = l.Start // to the nanosecond or the second, not rounded
		}
	}
	if r.log.Complete {
		return fmt.Errorf("%s: %w", r.file, resume.ErrComplete)
	}
	r.done = resume.Done(logs...)
	if fresh {
		r.done = map[netip.Addr]bool{}
	}
	r.up, r.down = r.log.Count(r.done)
	for _, l := range r.logs {
		if err := l.Cut(r.done); err != nil {
			return fmt.Errorf("%s: cutting back to the last complete host: %v", l.Name, err)
		}
	}
	return nil
}

// runInfo is the record the writers continue: the original command line and start, and
// this process's.
func (r *resumed) runInfo(run *result.Run, now time.Time) {
	run.Args, run.Start = r.log.Args, r.start
	run.Resumed = &result.Resumed{Start: now, Args: []string{"signet", "--resume", r.file}}
}
