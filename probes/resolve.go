package probes

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/signetscan/signet/diag"
)

// maxFallbacks is how many fallback names nmap 7.93 accepts on one probe:
// compileFallbacks fills at most MAXFALLBACKS-3 = 17 names (P11).
const maxFallbacks = 17

// Probe returns the probe with the given protocol and name (the NULL probe
// included), the first one if several share them, or nil.
func (db *DB) Probe(proto Protocol, name string) *Probe {
	if db.Null != nil && db.Null.Protocol == proto && db.Null.Name == name {
		return db.Null
	}
	for _, p := range db.Probes {
		if p.Protocol == proto && p.Name == name {
			return p
		}
	}
	return nil
}

// lookupFallback finds a fallback name as AllProbes::getProbeByName does
// (P11): for a TCP probe the NULL probe by name, else the first probe with
// that name and protocol, else the first probe with that name.
func (db *DB) lookupFallback(name string, proto Protocol) *Probe {
	if proto == TCP && db.Null != nil && db.Null.Name == name {
		return db.Null
	}
	for _, p := range db.Probes {
		if p.Protocol == proto && p.Name == name {
			return p
		}
	}
	for _, p := range db.Probes {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// Resolve links fallbacks and fills each probe's Chain (P11, P12) and
// Detectable (P13). Run it after all merges; it may be run again after a
// later Merge. The error is a diag.ErrorList of the unknown fallback names and
// fallback lists that are too long, at the position of the name.
func (db *DB) Resolve() error {
	var errs diag.ErrorList
	if n := db.Null; n != nil {
		n.Chain = []*Probe{n}
		n.Detectable = detectable(n)
		if n.FallbackPos.Line != 0 {
			db.warnOnce(n.FallbackPos, "fallback on the NULL probe is ignored (nmap 7.93 never reads it)")
		}
	}
	for _, p := range db.Probes {
		p.Detectable = detectable(p)
		chain := []*Probe{p}
		for k, name := range p.FallbackNames {
			pos := p.FallbackPos
			if k < len(p.fallbackCols) {
				pos.Col = p.fallbackCols[k]
			}
			q := db.lookupFallback(name, p.Protocol)
			if q == nil {
				errs = append(errs, &diag.Error{Pos: pos,
					Msg:  fmt.Sprintf("unknown fallback probe %q in probe %s %s", name, p.Protocol.Upper(), p.Name),
					Nmap: fmt.Sprintf("compileFallbacks: Unknown fallback specified in Probe %s: '%s'", p.Name, name)})
			} else {
				chain = append(chain, q)
			}
			// nmap looks up 18 names, then fails (P11).
			if k == maxFallbacks {
				errs = append(errs, &diag.Error{Pos: pos,
					Msg:  fmt.Sprintf("too many fallbacks on probe %s %s: %d names, at most %d", p.Protocol.Upper(), p.Name, len(p.FallbackNames), maxFallbacks),
					Nmap: fmt.Sprintf("compileFallbacks: MAXFALLBACKS exceeded on probe '%s'", p.Name)})
			}
		}
		if p.Protocol == TCP && db.Null != nil {
			chain = append(chain, db.Null)
		}
		p.Chain = chain
	}
	return errs.Err()
}

func (db *DB) warnOnce(pos diag.Pos, msg string) {
	for _, w := range db.Warnings {
		if w.Pos == pos && w.Msg == msg {
			return
		}
	}
	db.Warnings = append(db.Warnings, &diag.Error{Pos: pos, Msg: msg})
}

// detectable is the set of service names of p's own lines (P13).
func detectable(p *Probe) map[string]bool {
	d := make(map[string]bool)
	for _, m := range p.Matches {
		d[m.Service] = true
	}
	return d
}

// Merge adds an overlay file on top of db (the main file, maybe with earlier
// overlays already merged). An overlay probe with the protocol and name of an
// existing one must have the same payload; its match lines go before that
// probe's lines from the main file (after earlier overlays' lines), its ports
// and sslports are added, and its rarity, totalwaitms, tcpwrappedms and
// fallback replace the existing ones. New probes are appended. An overlay
// needs no NULL probe; its NULL probe is the main one. An Exclude in an
// overlay must equal the main file's. overlay is consumed: its probes and
// lines become db's. Run Resolve afterwards. The error is a diag.ErrorList.
func (db *DB) Merge(overlay *DB) error {
	var errs diag.ErrorList
	db.Files = append(db.Files, overlay.Files...)
	db.Warnings = append(db.Warnings, overlay.Warnings...)
	if e := overlay.Exclude; e != nil {
		switch m := db.Exclude; {
		case m == nil:
			errs = append(errs, &diag.Error{Pos: e.Pos, Msg: "Exclude in an overlay: the main file has none, and an overlay cannot add one"})
		case !slices.Equal(m.TCP, e.TCP) || !slices.Equal(m.UDP, e.UDP) || !slices.Equal(m.SCTP, e.SCTP) || !slices.Equal(m.Proto, e.Proto):
			errs = append(errs, &diag.Error{Pos: e.Pos, Msg: fmt.Sprintf("Exclude in an overlay differs from the main file's %q (at %s)", m.Text, m.Pos)})
		}
	}
	ops := overlay.Probes
	if overlay.Null != nil {
		ops = append([]*Probe{overlay.Null}, ops...)
	}
	for _, op := range ops {
		target := db.Probe(op.Protocol, op.Name)
		switch {
		case target == nil && op.IsNull() && db.Null != nil:
			errs = append(errs, &diag.Error{Pos: op.Pos, Msg: fmt.Sprintf("second NULL probe %s %s (empty probe string); the NULL probe is %s %s at %s",
				op.Protocol.Upper(), op.Name, db.Null.Protocol.Upper(), db.Null.Name, db.Null.Pos)})
			continue
		case target == nil:
			op.nOverlay = len(op.Matches)
			if op.IsNull() {
				db.Null = op
			} else {
				db.Probes = append(db.Probes, op)
			}
			continue
		case !bytes.Equal(target.Payload, op.Payload):
			errs = append(errs, &diag.Error{Pos: op.Pos, Msg: fmt.Sprintf("probe %s %s redefined with a different payload (first defined at %s)",
				op.Protocol.Upper(), op.Name, target.Pos)})
			continue
		}
		for _, m := range op.Matches {
			m.Probe = target
		}
		target.Matches = slices.Insert(target.Matches, target.nOverlay, op.Matches...)
		target.nOverlay += len(op.Matches)
		target.Ports = union(target.Ports, op.Ports)
		target.SSLPorts = union(target.SSLPorts, op.SSLPorts)
		target.NoPayload = target.NoPayload || op.NoPayload
		if op.raritySet {
			target.Rarity, target.raritySet = op.Rarity, true
		}
		if op.waitSet {
			target.TotalWait, target.waitSet = op.TotalWait, true
		}
		if op.wrappedSet {
			target.TCPWrapped, target.wrappedSet = op.TCPWrapped, true
		}
		if op.FallbackPos.Line != 0 {
			target.FallbackNames, target.fallbackCols, target.FallbackPos = op.FallbackNames, op.fallbackCols, op.FallbackPos
		}
	}
	return errs.Err()
}

// NamedSource is the name and contents of one signature file.
type NamedSource struct {
	Name string
	Src  []byte
}

// Load parses a main file and overlays (files[0] is the main file), merges
// them in order and resolves fallbacks. It returns the DB and every error of
// every step as one diag.ErrorList, in file order.
func Load(files ...NamedSource) (*DB, error) {
	var errs diag.ErrorList
	add := func(err error) {
		var l diag.ErrorList
		switch {
		case err == nil:
		case errors.As(err, &l):
			errs = append(errs, l...)
		default:
			errs = append(errs, &diag.Error{Msg: err.Error()})
		}
	}
	var db *DB
	for _, f := range files {
		d, err := Parse(f.Name, f.Src)
		add(err)
		if db == nil {
			db = d
			continue
		}
		add(db.Merge(d))
	}
	if db == nil {
		db = &DB{}
	}
	add(db.Resolve())
	return db, errs.Err()
}

// LoadFiles reads the files at paths (main file first) and calls Load.
func LoadFiles(paths ...string) (*DB, error) {
	files := make([]NamedSource, 0, len(paths))
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		files = append(files, NamedSource{p, src})
	}
	return Load(files...)
}

// Clone returns a copy of db that a Merge and Resolve can change without
// touching db: probes and lines are copied (a line's Probe points to its
// copy); compiled patterns, templates and port sets are shared, as they are
// never changed after parsing. Clone a resolved db and Resolve the copy
// after merging.
func (db *DB) Clone() *DB {
	c := &DB{
		Files:    slices.Clone(db.Files),
		Exclude:  db.Exclude,
		Warnings: slices.Clone(db.Warnings),
	}
	cp := map[*Probe]*Probe{}
	clone := func(p *Probe) *Probe {
		q := *p
		q.FallbackNames = slices.Clone(p.FallbackNames)
		q.fallbackCols = slices.Clone(p.fallbackCols)
		q.Matches = make([]*Match, len(p.Matches))
		for i, m := range p.Matches {
			mm := *m
			mm.Probe = &q
			q.Matches[i] = &mm
		}
		cp[p] = &q
		return &q
	}
	if db.Null != nil {
		c.Null = clone(db.Null)
	}
	c.Probes = make([]*Probe, len(db.Probes))
	for i, p := range db.Probes {
		c.Probes[i] = clone(p)
	}
	// Chains point at the copies; Detectable is rebuilt by Resolve.
	for _, q := range cp {
		chain := make([]*Probe, len(q.Chain))
		for i, m := range q.Chain {
			chain[i] = cp[m]
		}
		q.Chain = chain
		q.Detectable = detectable(q)
	}
	return c
}

// Remove takes line m out of probe p's lines; it reports whether m was
// one of them. Run Resolve afterwards.
func (p *Probe) Remove(m *Match) bool {
	for i, x := range p.Matches {
		if x == m {
			p.Matches = slices.Delete(slices.Clone(p.Matches), i, i+1)
			if i < p.nOverlay {
				p.nOverlay--
			}
			return true
		}
	}
	return false
}

// WithOverlay returns a copy of the resolved db with the overlay file src
// (named name in positions) merged and resolved; db is not changed. It is
// how a line is tried without reloading the main file.
func (db *DB) WithOverlay(name string, src []byte) (*DB, *DB, error) {
	o, err := Parse(name, src)
	if err != nil {
		return nil, nil, err
	}
	c := db.Clone()
	if err := c.Merge(o); err != nil {
		return nil, nil, err
	}
	if err := c.Resolve(); err != nil {
		return nil, nil, err
	}
	return c, o, nil
}
