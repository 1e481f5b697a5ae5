package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/signetscan/signet/contribute"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/versiondb"
)

func runContribute(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("contribute", flag.ContinueOnError)
	overlay := fs.String("overlay", "", "signature file with the new line(s), e.g. the output of signet suggest")
	dir := fs.String("o", "", "folder to write the bundle to")
	source := fs.String("source", "", `where the replies came from, for the evidence case's "# source:" line`)
	name := fs.String("name", "", "file name of the evidence case, without .fp")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *overlay == "" || *dir == "" {
		return fmt.Errorf("%w: contribute takes one FINGERPRINT, --overlay FILE and -o DIR", errUsage)
	}
	fp, err := readFP(pos[0], stdin)
	if err != nil {
		return err
	}
	src, err := os.ReadFile(*overlay)
	if err != nil {
		return err
	}
	// The patch is against the repository's files: versiondb/signatures/….
	var embedded []probes.NamedSource
	for _, f := range versiondb.EmbeddedFiles() {
		embedded = append(embedded, probes.NamedSource{Name: "versiondb/" + strings.TrimPrefix(f.Name, versiondb.EmbeddedPrefix), Src: f.Src})
	}
	b, err := contribute.Make(contribute.Input{FP: fp, Overlay: src, OverlayName: *overlay, Embedded: embedded, Source: *source, Name: *name})
	if err != nil {
		return err
	}
	files, err := b.Write(*dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "signet contribute: with the line, signet's embedded signatures answer: %s %s\n", b.Answer.Name, strings.TrimSpace(b.Answer.Product+" "+b.Answer.Version))
	for _, f := range files {
		fmt.Fprintln(stdout, f)
	}
	return nil
}
