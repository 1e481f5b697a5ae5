package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/result"
	"github.com/signetscan/signet/services"
	"github.com/signetscan/signet/versiondb"
)

var errFindings = errors.New("findings")

// dbFlags are the flags every command that loads signatures takes.
type dbFlags struct {
	versiondb  string
	datadir    string
	overlays   listFlag
	noDefaults bool
}

func (d *dbFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&d.versiondb, "versiondb", "", "signature database: embedded, nmap or a path")
	fs.StringVar(&d.datadir, "datadir", "", "folder searched first for nmap's data files")
	fs.Var(&d.overlays, "overlay", "overlay signature file (repeatable)")
	fs.BoolVar(&d.noDefaults, "no-default-overlays", false, "skip the overlay folder")
}

func (d *dbFlags) options() versiondb.Options {
	return versiondb.Options{DB: d.versiondb, DataDir: d.datadir, Overlays: d.overlays, NoDefaultOverlays: d.noDefaults}
}

func runMatch(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("match", flag.ContinueOnError)
	var d dbFlags
	d.register(fs)
	trace := fs.Bool("trace", false, "show each probe, and FILE:LINE of every line that matched")
	intensity := fs.Int("version-intensity", -1, "override the fingerprint's intensity (0-9)")
	explainArg := fs.String("explain", "", "a match line, or a signature file of them: show how far each regex gets on each reply and what answers first")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: match takes one FINGERPRINT file (or - for stdin)", errUsage)
	}
	if *intensity > 9 || *intensity < -1 {
		return fmt.Errorf("%w: --version-intensity must be between 0 and 9", errUsage)
	}
	name := pos[0]
	var data []byte
	if name == "-" {
		name = "<stdin>"
		data, err = io.ReadAll(io.LimitReader(stdin, 64<<20))
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return err
	}
	fps, err := readFingerprints(name, data, stderr)
	if err != nil {
		return err
	}
	opt := d.options()
	db, err := versiondb.Load(opt)
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, db.Describe())
	if *explainArg != "" {
		return runExplain(db.DB, *explainArg, fps, stdout)
	}
	var table *services.Table
	if p := versiondb.ServicesPath(opt); p != "" {
		table, _ = services.ParseFile(p)
	}
	m := matcher.New(db.DB)
	var ports []*result.Port
	for _, fp := range fps {
		port, steps := m.Replay(fp, matcher.ReplayOptions{
			Intensity: *intensity,
			Table: func(port int, proto probes.Protocol) string {
				if proto == probes.UDP {
					return table.Lookup(port, "udp")
				}
				return table.Lookup(port, "tcp")
			},
		})
		if *trace {
			for _, s := range steps {
				fmt.Fprintf(stdout, "%d/%s %s\n", fp.Port, port.Proto, s)
			}
		}
		ports = append(ports, port)
	}
	fmt.Fprint(stdout, output.PortTable(ports, true, false))
	if si := output.ServiceInfo(ports, ""); si != "" {
		fmt.Fprintln(stdout, si)
	}
	return nil
}

// readFingerprints decodes the fingerprints of a file as people paste them,
// and says on stderr what had to be repaired.
func readFingerprints(name string, data []byte, stderr io.Writer) ([]*fingerprint.Fingerprint, error) {
	fps, rep, err := fingerprint.DecodeLenient(name, data)
	if rep != nil {
		fmt.Fprintf(stderr, "signet: warning: %s\n", rep)
	}
	if err != nil {
		return nil, err
	}
	if len(fps) == 0 {
		return nil, fmt.Errorf("%s: no SF-Port fingerprint found", name)
	}
	return fps, nil
}
