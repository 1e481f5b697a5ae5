// Package contribute packages a new signature for submission: the
// fingerprint, the line, an evidence case, nmap's form fields and a patch.
package contribute

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/signetscan/signet/diag"
	"github.com/signetscan/signet/evidence"
	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/probes"
	"github.com/signetscan/signet/result"
)

// Input is what a bundle is made from.
type Input struct {
	FP *fingerprint.Fingerprint
	// Overlay is the signature file holding the new line(s) (Probe line and
	// match lines), named OverlayName.
	Overlay     []byte
	OverlayName string
	// Embedded are signet's embedded signature files in merge order, with
	// the names the patch gives them (e.g. versiondb/signatures/10-tcp.probes).
	Embedded []probes.NamedSource
	// Source says where the replies came from ("# source:" of the case);
	// empty for a default naming the fingerprint.
	Source string
	// Name is the case's file name without .fp (default from the service
	// and product).
	Name string
}

// Bundle is the submission.
type Bundle struct {
	Fingerprint  string // the fingerprint, as nmap prints it
	Lines        string // the Probe line and the lines that give the answer
	Evidence     string // the evidence case (testdata format)
	EvidencePath string // where the patch puts it, e.g. testdata/evidence/contrib/smtp-pineapp-mail-secure.fp
	Form         string // the fields nmap's submission form asks for
	Patch        string // git-style diff: the line into the embedded file, the case into testdata/evidence
	Answer       *result.Service
}

// EvidenceDir is where contributed cases go in the repository.
const EvidenceDir = "testdata/evidence/contrib"

// Make builds the bundle. The patch adds the line to signet's embedded
// signature files and the case to testdata/evidence; Make checks both: it
// fails when the overlay's lines do not give the answer for the fingerprint
// once added to the embedded signatures, or the case does not hold.
func Make(in Input) (*Bundle, error) {
	if in.FP == nil || len(in.FP.Responses) == 0 {
		return nil, errors.New("the fingerprint holds no reply")
	}
	if len(in.Embedded) == 0 {
		return nil, errors.New("no embedded signature files")
	}
	ov, err := probes.Parse(in.OverlayName, in.Overlay)
	if err != nil {
		return nil, err
	}
	// The lines to contribute: every match line of the overlay, under the
	// Probe line it follows.
	type block struct {
		probe *probes.Probe
		lines []string
	}
	srcLines := strings.Split(string(in.Overlay), "\n")
	var blocks []block
	for _, p := range append([]*probes.Probe{ov.Null}, ov.Probes...) {
		if p == nil || len(p.Matches) == 0 {
			continue
		}
		b := block{probe: p}
		for _, m := range p.Matches {
			b.lines = append(b.lines, strings.TrimRight(srcLines[m.Pos.Line-1], "\r"))
		}
		blocks = append(blocks, b)
	}
	if len(blocks) == 0 {
		return nil, fmt.Errorf("%s: no match line to contribute", in.OverlayName)
	}
	caseName := in.Name
	if caseName == "" {
		caseName = slug(in.FP.Proto + "-" + fmt.Sprint(in.FP.Port))
		if m := firstService(blocks[0].lines[0]); m != "" {
			caseName = slug(m)
		}
	}
	evPath := EvidenceDir + "/" + caseName + ".fp"
	comment := "Contributed with signet contribute; evidence: " + strings.TrimPrefix(evPath, "testdata/evidence/")
	// Add each block to the embedded file where it wins, checking the
	// answer on the fingerprint with the patched files.
	files := append([]probes.NamedSource(nil), in.Embedded...)
	var patch strings.Builder
	var linesText strings.Builder
	for _, b := range blocks {
		placed := false
		var why []string
		for _, fi := range candidates(files, b.probe) {
			at, err := insertionLine(files[fi].Src, b.probe)
			if err != nil {
				why = append(why, err.Error())
				continue
			}
			add := append(append([]string{"# " + comment}, b.lines...), "")
			next := append([]probes.NamedSource(nil), files...)
			next[fi].Src = insert(files[fi].Src, at, add)
			if w := fires(next, in.FP, b.lines); w != "" {
				why = append(why, fmt.Sprintf("in %s: %s", files[fi].Name, w))
				continue
			}
			patch.WriteString(insertDiff(files[fi].Name, files[fi].Src, at, add))
			files = next
			placed = true
			break
		}
		if !placed {
			if len(why) == 0 {
				why = append(why, fmt.Sprintf("probe %s %s is not in signet's embedded signatures (nmap's probes are not signet's to copy: use a probe of the embedded file, e.g. signet suggest --versiondb embedded)", b.probe.Protocol.Upper(), b.probe.Name))
			}
			return nil, fmt.Errorf("the line of probe %s cannot go into the embedded signatures: %s", b.probe.Name, strings.Join(why, "; "))
		}
		linesText.WriteString(strings.TrimRight(b.probe.Text, "\r") + "\n")
		for _, l := range b.lines {
			linesText.WriteString(l + "\n")
		}
	}
	db, err := probes.Load(files...)
	if err != nil {
		return nil, err
	}
	port, _ := matcher.New(db).Replay(in.FP, matcher.ReplayOptions{Intensity: -1})
	svc := port.Service
	name := svc.Name
	if svc.Tunnel == "ssl" {
		name = "ssl/" + name
	}
	expect := strings.Join([]string{name, svc.Product, svc.Version, svc.Info}, " | ")
	source := in.Source
	if source == "" {
		source = fmt.Sprintf("fingerprint of port %d/%s recorded by %s (submitted with signet contribute)", in.FP.Port, strings.ToLower(in.FP.Proto), recorder(in.FP))
	}
	if strings.ContainsAny(source, "\r\n") {
		return nil, errors.New("--source must be one line")
	}
	fpText := in.FP.String()
	ev := fmt.Sprintf("# source: %s\n# expect: %s\n%s\n", source, expect, fpText)
	// The case must read back and hold with the patched signatures.
	c, err := evidence.Parse(evPath, []byte(ev))
	if err != nil {
		return nil, fmt.Errorf("internal: the evidence case does not read back: %v", err)
	}
	if p, _ := c.Run(matcher.New(db)); c.Check(p) != nil {
		return nil, fmt.Errorf("internal: the evidence case does not hold: %v", c.Check(p))
	}
	patch.WriteString(newFileDiff(evPath, []byte(ev)))
	return &Bundle{
		Fingerprint:  fpText + "\n",
		Lines:        linesText.String(),
		Evidence:     ev,
		EvidencePath: evPath,
		Form:         form(in.FP, svc, fpText, linesText.String()),
		Patch:        patch.String(),
		Answer:       svc,
	}, nil
}

// recorder names who recorded the fingerprint from its V= field.
func recorder(fp *fingerprint.Fingerprint) string {
	switch {
	case strings.HasPrefix(fp.Version, "signet"):
		return fp.Version
	case fp.Version != "":
		return "nmap " + fp.Version
	}
	return "an unknown scanner"
}

// candidates lists the embedded files a block may go into, in order: the
// one that defines the probe first (the main file for most), then the
// files merged over it that also define it (their lines come first).
func candidates(files []probes.NamedSource, p *probes.Probe) []int {
	var out []int
	for i, f := range files {
		db, err := probes.Parse(f.Name, f.Src)
		if err != nil {
			continue
		}
		if q := db.Probe(p.Protocol, p.Name); q != nil && bytes.Equal(q.Payload, p.Payload) {
			out = append(out, i)
		}
	}
	return out
}

// insertionLine returns the 0-based line index before which new match
// lines go: before the probe's first match or softmatch line (where an
// overlay's lines go), or after its directives when it has none.
func insertionLine(src []byte, p *probes.Probe) (int, error) {
	db, err := probes.Parse("x", src)
	if err != nil {
		return 0, err
	}
	q := db.Probe(p.Protocol, p.Name)
	if q == nil {
		return 0, fmt.Errorf("no probe %s", p.Name)
	}
	lines := strings.Split(string(src), "\n")
	if len(q.Matches) > 0 {
		// Before the first line and the comment above it.
		at := q.Matches[0].Pos.Line - 1
		for at-1 > q.Pos.Line-1 && strings.HasPrefix(lines[at-1], "#") {
			at--
		}
		return at, nil
	}
	// After the Probe line and its directives.
	i := q.Pos.Line
	for i < len(lines) {
		l := lines[i]
		if strings.HasPrefix(l, "Probe ") {
			break
		}
		i++
	}
	for i > q.Pos.Line && (lines[i-1] == "" || strings.HasPrefix(lines[i-1], "#")) {
		i--
	}
	return i, nil
}

func insert(src []byte, at int, add []string) []byte {
	lines := strings.SplitAfter(string(src), "\n")
	var b strings.Builder
	for i, l := range lines {
		if i == at {
			for _, a := range add {
				b.WriteString(a + "\n")
			}
		}
		b.WriteString(l)
	}
	if at >= len(lines) {
		for _, a := range add {
			b.WriteString(a + "\n")
		}
	}
	return []byte(b.String())
}

// fires reports "" when, with files, one of lines gives the answer for fp.
func fires(files []probes.NamedSource, fp *fingerprint.Fingerprint, lines []string) string {
	db, err := probes.Load(files...)
	if err != nil {
		return err.Error()
	}
	_, steps := matcher.New(db).Replay(fp, matcher.ReplayOptions{Intensity: -1})
	var hard *matcher.Step
	for i := range steps {
		if s := &steps[i]; s.Hit != nil && !s.Hit.Line.Soft {
			hard = s
		}
	}
	if hard == nil {
		return "no line gives a hard match"
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "match "+hard.Hit.Line.Service+" ") && hard.Hit.Line.Pos.File != "" {
			src := lineAt(files, hard.Hit.Line.Pos)
			if src == l {
				return ""
			}
		}
	}
	return "an earlier line wins first: " + hard.String()
}

func lineAt(files []probes.NamedSource, pos diag.Pos) string {
	for _, f := range files {
		if f.Name == pos.File {
			lines := strings.Split(string(f.Src), "\n")
			if pos.Line-1 < len(lines) {
				return strings.TrimRight(lines[pos.Line-1], "\r")
			}
		}
	}
	return ""
}

// insertDiff is a unified diff (git style, 3 lines of context) inserting
// add before line at (0-based) of src.
func insertDiff(path string, src []byte, at int, add []string) string {
	lines := strings.Split(string(src), "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1] // the file ends with a newline
	}
	from := max(0, at-3)
	to := min(len(lines), at+3)
	var b strings.Builder
	fmt.Fprintf(&b, "diff --git a/%s b/%s\n--- a/%s\n+++ b/%s\n", path, path, path, path)
	fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(from, to-from), hunkRange(from, to-from+len(add)))
	for i := from; i < at; i++ {
		b.WriteString(" " + lines[i] + "\n")
	}
	for _, a := range add {
		b.WriteString("+" + a + "\n")
	}
	for i := at; i < to; i++ {
		b.WriteString(" " + lines[i] + "\n")
	}
	return b.String()
}

// hunkRange writes start,count of a hunk (1-based; an empty range names the
// line before it).
func hunkRange(from, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", from)
	}
	return fmt.Sprintf("%d,%d", from+1, n)
}

// newFileDiff is a git-style diff creating path with data.
func newFileDiff(path string, data []byte) string {
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	var b strings.Builder
	fmt.Fprintf(&b, "diff --git a/%s b/%s\nnew file mode 100644\n--- /dev/null\n+++ b/%s\n@@ -0,0 +1,%d @@\n", path, path, path, len(lines))
	for _, l := range lines {
		b.WriteString("+" + l + "\n")
	}
	return b.String()
}

// firstService returns the service and product of a match line ("smtp
// PineApp Mail-secure"), for naming the case.
func firstService(line string) string {
	f := strings.Fields(line)
	if len(f) < 2 {
		return ""
	}
	name := f[1]
	if i := strings.Index(line, " p"); i >= 0 && i+3 < len(line) {
		d := line[i+2]
		if j := strings.IndexByte(line[i+3:], d); j >= 0 && !isWordByte(d) {
			name += " " + line[i+3:i+3+j]
		}
	}
	return name
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

func slug(s string) string {
	s = strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
	if s == "" {
		s = "service"
	}
	return s
}

// form writes the fields nmap's service fingerprint submission form asks
// for, filled from the answer.
func form(fp *fingerprint.Fingerprint, svc *result.Service, fpText, lines string) string {
	na := func(s string) string {
		if s == "" {
			return "(unknown)"
		}
		return s
	}
	var b strings.Builder
	b.WriteString("Service fingerprint submission for nmap: https://nmap.org/cgi-bin/submit.cgi?new-service\n")
	b.WriteString("(one form per fingerprint; fill in what you know and leave the rest empty)\n\n")
	fmt.Fprintf(&b, "Service name:        %s\n", na(svc.Name))
	fmt.Fprintf(&b, "Vendor/product name: %s\n", na(svc.Product))
	fmt.Fprintf(&b, "Version:             %s\n", na(svc.Version))
	fmt.Fprintf(&b, "Extra info:          %s\n", na(svc.Info))
	fmt.Fprintf(&b, "Operating system:    %s\n", na(svc.OS))
	fmt.Fprintf(&b, "Device type:         %s\n", na(svc.Device))
	fmt.Fprintf(&b, "Port/protocol:       %d/%s\n", fp.Port, strings.ToLower(fp.Proto))
	fmt.Fprintf(&b, "\nFingerprint:\n%s\n", fpText)
	fmt.Fprintf(&b, "\nNotes (a working match line, tested with signet against this fingerprint):\n%s", lines)
	return b.String()
}

// Write writes the bundle's files into dir: fingerprint.txt,
// signature.probes, the evidence case, submission.txt and contribution.patch.
func (b *Bundle) Write(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	files := []struct {
		name, data string
	}{
		{"fingerprint.txt", b.Fingerprint},
		{"signature.probes", b.Lines},
		{filepath.Base(b.EvidencePath), b.Evidence},
		{"submission.txt", b.Form},
		{"contribution.patch", b.Patch},
	}
	var out []string
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, []byte(f.data), 0o644); err != nil {
			return out, err
		}
		out = append(out, p)
	}
	return out, nil
}
