package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	repo "github.com/signetscan/signet"
	"github.com/signetscan/signet/evidence"
	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/services"
	"github.com/signetscan/signet/suggest"
	"github.com/signetscan/signet/versiondb"
)

// readFP reads the one fingerprint of a file (or stdin for "-").
func readFP(name string, stdin io.Reader) (*fingerprint.Fingerprint, error) {
	var data []byte
	var err error
	if name == "-" {
		name = "<stdin>"
		data, err = io.ReadAll(io.LimitReader(stdin, 64<<20))
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, err
	}
	fps, err := fingerprint.Decode(name, data)
	if err != nil {
		return nil, err
	}
	switch len(fps) {
	case 0:
		return nil, fmt.Errorf("%s: no SF-Port fingerprint found", name)
	case 1:
		return fps[0], nil
	}
	return nil, fmt.Errorf("%s: %d fingerprints; give one service's fingerprint per file", name, len(fps))
}

// corpusFlags choose the fingerprints a new line must not take.
type corpusFlags struct {
	against     listFlag
	evidenceDir string
}

func (c *corpusFlags) register(fs *flag.FlagSet) {
	fs.Var(&c.against, "against", "fingerprint file of another service the line must not match (repeatable)")
	fs.StringVar(&c.evidenceDir, "evidence", "", "evidence corpus folder to check against instead of the one built into signet")
}

func (c *corpusFlags) samples() ([]suggest.Sample, error) {
	var cases []*evidence.Case
	var err error
	if c.evidenceDir != "" {
		cases, err = evidence.Load(c.evidenceDir)
	} else {
		cases, err = evidence.LoadFS(repo.Evidence, repo.EvidenceRoot)
	}
	if err != nil {
		return nil, err
	}
	out := suggest.SamplesFromEvidence(cases)
	for _, f := range c.against {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		fps, err := fingerprint.Decode(f, data)
		if err != nil {
			return nil, err
		}
		for _, fp := range fps {
			out = append(out, suggest.Sample{Name: fmt.Sprintf("--against %s (port %d/%s)", f, fp.Port, fp.Proto), FP: fp})
		}
	}
	return out, nil
}

func runSuggest(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("suggest", flag.ContinueOnError)
	var d dbFlags
	d.register(fs)
	var c corpusFlags
	c.register(fs)
	var opt suggest.Options
	var also listFlag
	fs.StringVar(&opt.Service, "service", "", "service name (default: proposed from the softmatches, the port table and the reply)")
	fs.StringVar(&opt.Product, "product", "", "product name: p//")
	fs.StringVar(&opt.Info, "info", "", "extra info: i//")
	fs.StringVar(&opt.OS, "os", "", "operating system: o//")
	fs.StringVar(&opt.Device, "device", "", "device type: d//")
	fs.StringVar(&opt.VersionFrom, "version-from", "auto", "auto: a version number next to the product name becomes v/$1/; none: no version")
	fs.Var(&also, "also", "another fingerprint of the same service: the line must match it too, and what differs is generalised (repeatable)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: suggest takes one FINGERPRINT file (or - for stdin)", errUsage)
	}
	fp, err := readFP(pos[0], stdin)
	if err != nil {
		return err
	}
	for _, f := range also {
		o, err := readFP(f, nil)
		if err != nil {
			return err
		}
		opt.Also = append(opt.Also, o)
	}
	if opt.Corpus, err = c.samples(); err != nil {
		return err
	}
	o := d.options()
	db, err := versiondb.Load(o)
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, db.Describe())
	if p := versiondb.ServicesPath(o); p != "" {
		if table, err := services.ParseFile(p); err == nil {
			opt.Table = func(port int, proto probes.Protocol) string {
				if proto == probes.UDP {
					return table.Lookup(port, "udp")
				}
				return table.Lookup(port, "tcp")
			}
		}
	}
	res, err := suggest.Suggest(db.DB, fp, opt)
	var ref *suggest.Refusal
	if errors.As(err, &ref) {
		fmt.Fprintf(stderr, "signet suggest: refused: %v\n", err)
		return errFindings
	}
	if err != nil {
		return err
	}
	for _, n := range res.Notes {
		fmt.Fprintf(stderr, "signet suggest: %s\n", n)
	}
	fmt.Fprint(stdout, res.Overlay)
	return nil
}
