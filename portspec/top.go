package portspec

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/signetscan/signet/services"
)

// EmbeddedName is the name errors in the embedded table are reported under.
const EmbeddedName = "embedded:signet-services"

// signet-services is signet's own port table in the nmap-services format,
// written for signet and not derived from nmap's file; its header says how.
//
//go:embed signet-services
var embedded []byte

var embeddedTable = sync.OnceValue(func() *services.Table {
	t, err := services.Parse(EmbeddedName, embedded)
	if err != nil {
		panic(err) // TestEmbedded keeps this from happening
	}
	return t
})

// EmbeddedData returns the embedded table's text.
func EmbeddedData() []byte { return embedded }

// Embedded returns signet's own port table, parsed once.
func Embedded() *services.Table { return embeddedTable() }

// LoadTable returns nmap's nmap-services from the first of dirs that has it
// (pass versiondb.NmapDirs for nmap's search order), else the embedded
// table. source is the file's path or "embedded". A file that exists but
// does not parse is an error, not a silent fallback.
func LoadTable(dirs []string) (tbl *services.Table, source string, err error) {
	for _, d := range dirs {
		p := filepath.Join(d, "nmap-services")
		if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
			continue
		}
		t, err := services.ParseFile(p)
		if err != nil {
			return nil, "", err
		}
		return t, p, nil
	}
	return Embedded(), "embedded", nil
}

// DefaultTop is how many ports of each protocol nmap scans without -p.
const DefaultTop = 1000

// FastTop is how many ports of each protocol -F scans.
const FastTop = 100

// Top returns the n most frequent ports of each protocol in tbl (nil: the
// embedded table), as --top-ports n picks them: n TCP, n UDP and n SCTP
// ports, of which the caller scans the protocols it was asked to.
func Top(tbl *services.Table, n int) (List, error) {
	return TopWithin(tbl, n, List{})
}

// TopWithin is Top restricted to the ports of within, as nmap combines
// --top-ports with -p ("--top-ports 10 -p 1-100" is the ten most frequent
// ports below 101). An empty within means no restriction.
func TopWithin(tbl *services.Table, n int, within List) (List, error) {
	if n < 1 {
		return List{}, fmt.Errorf("--top-ports should be an integer 1 or greater, not %d", n)
	}
	if tbl == nil {
		tbl = Embedded()
	}
	var l List
	for _, q := range protos {
		var ports []uint16
		restrict := within.Get(q)
		for _, p := range tbl.Top(q.String(), 1<<17) {
			if len(ports) == n {
				break
			}
			if !within.Empty() && !restrict.Contains(uint16(p)) {
				continue
			}
			ports = append(ports, uint16(p))
		}
		*l.ptr(q) = SetOf(ports...)
	}
	return l, nil
}

// Default returns the ports nmap scans when no -p, -F or --top-ports is
// given: the 1,000 most frequent ports of each protocol in tbl (nil: the
// embedded table). The CLI passes the table from LoadTable, so this is
// nmap's own default when nmap is installed, and signet's otherwise.
func Default(tbl *services.Table) List {
	l, _ := Top(tbl, DefaultTop)
	return l
}

// Fast returns the ports -F scans: the 100 most frequent of each protocol.
func Fast(tbl *services.Table) List {
	l, _ := Top(tbl, FastTop)
	return l
}
