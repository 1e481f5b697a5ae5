// Package versiondb finds and loads the signature database a command uses:
// signet's embedded file, nmap's installed file or a path, plus overlay files.
package versiondb

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/signetscan/signet/diag"
	"github.com/signetscan/signet/probes"
)

// EmbeddedPrefix starts the names positions in the embedded files are
// reported under, e.g. "embedded:signatures/10-tcp.probes:12:1".
const EmbeddedPrefix = "embedded:"

// The embedded database is every file of signatures/, in name order: the
// first is the main file, the others are merged as overlays that add probes.
//
//go:embed signatures/*.probes
var embeddedFS embed.FS

// EmbeddedFiles returns signet's own signature files, compiled into the
// binary, in the order they are merged.
func EmbeddedFiles() []probes.NamedSource {
	ents, _ := fs.ReadDir(embeddedFS, "signatures")
	var out []probes.NamedSource
	for _, e := range ents {
		data, _ := embeddedFS.ReadFile("signatures/" + e.Name())
		out = append(out, probes.NamedSource{Name: EmbeddedPrefix + "signatures/" + e.Name(), Src: data})
	}
	return out
}

// loadEmbedded parses and merges the embedded files (not resolved).
func loadEmbedded() (*probes.DB, error) {
	files := EmbeddedFiles()
	db, err := probes.Parse(files[0].Name, files[0].Src)
	if err != nil {
		return nil, err
	}
	for _, f := range files[1:] {
		o, err := probes.Parse(f.Name, f.Src)
		if err == nil {
			err = db.Merge(o)
		}
		if err != nil {
			return nil, err
		}
	}
	return db, nil
}

// Options say which database to load.
type Options struct {
	// DB is "embedded", "nmap", a path, or "" for the default: nmap's file
	// when one is installed, else the embedded one.
	DB string
	// DataDir, when set, is searched first for nmap's files (--datadir).
	DataDir string
	// Overlays are overlay files given on the command line, highest priority first.
	Overlays []string
	// NoDefaultOverlays skips the overlay folder (DefaultOverlayDir).
	NoDefaultOverlays bool
	// Getenv reads the environment; os.Getenv when nil (tests inject their own).
	Getenv func(string) string
}

func (o *Options) getenv(k string) string {
	if o.Getenv != nil {
		return o.Getenv(k)
	}
	return os.Getenv(k)
}

// Loaded is a database ready to match, and where it came from.
type Loaded struct {
	DB       *probes.DB
	Source   string   // "embedded" or the main file's path
	Overlays []string // overlay files merged, in priority order
}

// Describe says in one line which files were used, for every command to print.
func (l *Loaded) Describe() string {
	s := "signatures: " + l.Source
	if l.Source == "embedded" {
		s = "signatures: signet's embedded file"
	}
	for _, o := range l.Overlays {
		s += " + overlay " + o
	}
	return s
}

// Files are the files read: the main file unless embedded, and the overlays.
func (l *Loaded) Files() []string {
	var fs []string
	if l.Source != "embedded" {
		fs = append(fs, l.Source)
	}
	return append(fs, l.Overlays...)
}

// ErrNoNmap is returned when --versiondb nmap finds no installed nmap file.
var ErrNoNmap = errors.New("nmap-service-probes not found (looked in $NMAPDIR, ~/.nmap, /usr/local/share/nmap, /usr/share/nmap); install nmap or use --versiondb embedded")

// NmapDirs lists the folders nmap searches for its data files, in order.
func NmapDirs(o *Options) []string {
	var dirs []string
	if o.DataDir != "" {
		dirs = append(dirs, o.DataDir)
	}
	if d := o.getenv("NMAPDIR"); d != "" {
		dirs = append(dirs, d)
	}
	if h := o.getenv("HOME"); h != "" {
		dirs = append(dirs, filepath.Join(h, ".nmap"))
	}
	return append(dirs, "/usr/local/share/nmap", "/usr/share/nmap")
}

// FindNmapFile returns the first existing file called name in NmapDirs, or "".
func FindNmapFile(o *Options, name string) string {
	for _, d := range NmapDirs(o) {
		p := filepath.Join(d, name)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// DefaultOverlayDir is where custom signatures live so they survive
// upgrades: $XDG_CONFIG_HOME/signet/probes.d, else ~/.config/signet/probes.d.
func DefaultOverlayDir(o *Options) string {
	if x := o.getenv("XDG_CONFIG_HOME"); x != "" {
		return filepath.Join(x, "signet", "probes.d")
	}
	if h := o.getenv("HOME"); h != "" {
		return filepath.Join(h, ".config", "signet", "probes.d")
	}
	return ""
}

// Load reads the main file and the overlays, merges and resolves them. The
// error lists every problem found with FILE:LINE:COL.
func Load(o Options) (*Loaded, error) {
	l := &Loaded{}
	var name string
	switch o.DB {
	case "embedded":
		l.Source = "embedded"
	case "nmap":
		p := FindNmapFile(&o, "nmap-service-probes")
		if p == "" {
			return nil, ErrNoNmap
		}
		name, l.Source = p, p
	case "":
		if p := FindNmapFile(&o, "nmap-service-probes"); p != "" {
			name, l.Source = p, p
		} else {
			l.Source = "embedded"
		}
	default:
		name, l.Source = o.DB, o.DB
	}
	var db *probes.DB
	var err error
	if name == "" {
		db, err = loadEmbedded()
	} else {
		var src []byte
		if src, err = os.ReadFile(name); err != nil {
			return nil, err
		}
		db, err = probes.Parse(name, src)
	}
	if err != nil {
		return nil, err
	}
	overlays := append([]string(nil), o.Overlays...)
	if !o.NoDefaultOverlays {
		if dir := DefaultOverlayDir(&o); dir != "" {
			found, _ := filepath.Glob(filepath.Join(dir, "*.probes"))
			sort.Strings(found)
			overlays = append(overlays, found...)
		}
	}
	var errs diag.ErrorList
	for _, path := range overlays {
		osrc, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("overlay: %w", err)
		}
		odb, err := probes.Parse(path, osrc)
		if err != nil {
			errs = appendErr(errs, err)
			continue
		}
		if err := db.Merge(odb); err != nil {
			errs = appendErr(errs, err)
			continue
		}
		l.Overlays = append(l.Overlays, path)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if err := db.Resolve(); err != nil {
		return nil, err
	}
	l.DB = db
	return l, nil
}

func appendErr(l diag.ErrorList, err error) diag.ErrorList {
	var el diag.ErrorList
	if errors.As(err, &el) {
		return append(l, el...)
	}
	return append(l, &diag.Error{Msg: err.Error()})
}

// Services loads nmap's services table path when installed ("" if none).
func ServicesPath(o Options) string { return FindNmapFile(&o, "nmap-services") }
