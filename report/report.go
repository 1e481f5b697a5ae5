// Package report renders scan results as one self-contained HTML page: a
// searchable, sortable port table, summaries by service and version, hosts,
// and the readable replies of unrecognised services.
//
// The page has every row in its HTML, so it reads without scripts and
// prints; a small inline script adds search, sorting and links that keep
// the view in the URL's fragment (report.html#q=state:open&sort=port). Its
// Content-Security-Policy allows nothing but its own inline style and
// script (by hash): the page loads nothing from the network, and a hostile
// banner that slipped through the escaping could still run no code.
package report

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/output"
	"github.com/signetscan/signet/result"
)

//go:embed page.html
var pageHTML string

//go:embed page.css
var pageCSS string

//go:embed page.js
var pageJS string

var pageTmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"css": func() template.CSS { return template.CSS(pageCSS) },
	"js":  func() template.JS { return template.JS(pageJS) },
}).Parse(pageHTML))

// csp is the page's Content-Security-Policy: no source at all but the
// inline style and script, named by their hashes.
var csp = "default-src 'none'; style-src '" + hash(pageCSS) + "'; script-src '" + hash(pageJS) + "'; img-src data:; base-uri 'none'; form-action 'none'"

func hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(h[:])
}

// Scan is what a page shows: a run record (nil when unknown, as for JSON
// lines), its hosts, its end record (nil when unknown).
type Scan struct {
	Run   *result.Run
	Hosts []*result.Host
	End   *result.RunEnd
}

// Options adjust the page.
type Options struct {
	Title string // "" for one made from the scan
	// MaxReply bounds the bytes of one reply shown (0: 2048); the rest is
	// counted, not shown.
	MaxReply int
}

// Write renders the page to w.
func Write(w io.Writer, s Scan, opt Options) error {
	p := build(s, opt)
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := pageTmpl.Execute(bw, p); err != nil {
		return err
	}
	return bw.Flush()
}

// page is the template's data.
type page struct {
	Title, CSP                 string
	Scanner, Args              string
	Start, End, Elapsed        string
	HostsUp, HostsTotal        int
	Exit                       string
	States                     []count
	NotShown                   []count
	Ports                      []portRow
	Services                   []svcRow
	Versions                   []svcRow
	Hosts                      []hostRow
	Unknown                    []unknownRow
	OpenPorts, UnknownServices int
}

type count struct {
	Name string
	N    int
}

type portRow struct {
	HostKey, Addr, Name string
	Port                int
	Proto, State        string
	Reason              string
	Service             string
	Product, Version    string
	Info                string
	CPE                 string
	Anchor              string // id of the port's entry under unrecognised services
}

type svcRow struct {
	Service, Product, Version string
	Ports, Hosts              int
	Query                     string // search that shows these ports
}

type hostRow struct {
	Key, Addr, Names, Status string
	Open, Shown              int
	NotShown                 string
	Query                    string
}

type unknownRow struct {
	ID, Addr, Service string
	Port              int
	Proto             string
	Note              string
	Replies           []replyView
}

type replyView struct {
	Probe string
	Bytes int
	Text  []segment
	More  int // bytes not shown
}

// segment is a run of reply text: printable, or escapes of other bytes.
type segment struct {
	S   string
	Esc bool
}

func build(s Scan, opt Options) *page {
	p := &page{CSP: csp}
	versionScan := true
	if r := s.Run; r != nil {
		p.Scanner = strings.TrimSpace(r.Scanner + " " + r.Version)
		p.Args = strings.Join(r.Args, " ")
		if !r.Start.IsZero() && r.Start.Unix() != 0 {
			p.Start = r.Start.UTC().Format("2006-01-02 15:04:05 MST")
		}
		versionScan = r.VersionScan
	}
	if e := s.End; e != nil {
		if !e.Time.IsZero() && e.Time.Unix() != 0 {
			p.End = e.Time.UTC().Format("2006-01-02 15:04:05 MST")
		}
		if e.Elapsed > 0 {
			p.Elapsed = e.Elapsed.Round(10 * time.Millisecond).String()
		}
		p.HostsUp, p.HostsTotal = e.HostsUp, e.HostsTotal
		if e.Failed() {
			p.Exit = "ended early: " + e.ErrorMsg
		}
	} else {
		for _, h := range s.Hosts {
			if h.Status != result.HostDown {
				p.HostsUp++
			}
		}
		p.HostsTotal = len(s.Hosts)
	}
	maxReply := opt.MaxReply
	if maxReply <= 0 {
		maxReply = 2048
	}
	states := map[string]int{}
	notShown := map[string]int{}
	type agg struct {
		svcRow
		hosts map[string]bool
	}
	services := map[string]*agg{}
	versions := map[[3]string]*agg{}
	bump := func(a *agg, host string) {
		a.Ports++
		if !a.hosts[host] {
			a.hosts[host] = true
			a.Hosts++
		}
	}
	for _, h := range s.Hosts {
		key := addrKey(h.Addr)
		hr := hostRow{Key: key, Addr: h.Addr, Status: h.Status, Shown: len(h.Ports), Query: "host:" + h.Addr}
		if hr.Status == "" {
			hr.Status = result.HostUp
		}
		var names []string
		for _, n := range []string{h.TargetName, h.Hostname} {
			if n != "" && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		hr.Names = strings.Join(names, ", ")
		var ns []string
		for _, e := range h.Extra {
			notShown[e.State] += e.Count
			ns = append(ns, fmt.Sprintf("%d %s", e.Count, e.State))
		}
		hr.NotShown = strings.Join(ns, ", ")
		for _, pt := range h.Ports {
			states[pt.State]++
			row := portRow{HostKey: key, Addr: h.Addr, Name: hr.Names, Port: pt.Number, Proto: pt.Proto, State: pt.State,
				Reason: pt.Reason, Service: output.ServiceName(pt, versionScan)}
			open := strings.HasPrefix(pt.State, "open")
			if open {
				hr.Open++
			}
			if sv := pt.Service; sv != nil {
				row.Product, row.Version, row.Info = sv.Product, sv.Version, sv.Info
				row.CPE = strings.Join(sv.CPE, " ")
				if open && sv.Name != "" {
					name := strings.TrimSuffix(row.Service, "?")
					a := services[name]
					if a == nil {
						a = &agg{svcRow: svcRow{Service: name, Query: "service:" + name}, hosts: map[string]bool{}}
						services[name] = a
					}
					bump(a, key)
				}
				if open && sv.Product != "" {
					k := [3]string{sv.Product, sv.Version, strings.TrimSuffix(row.Service, "?")}
					a := versions[k]
					if a == nil {
						q := "product:" + quoteTerm(sv.Product)
						if sv.Version != "" {
							q += " version:" + quoteTerm(sv.Version)
						}
						a = &agg{svcRow: svcRow{Service: k[2], Product: sv.Product, Version: sv.Version, Query: q}, hosts: map[string]bool{}}
						versions[k] = a
					}
					bump(a, key)
				}
				if u, ok := unknown(pt, h.Addr, len(p.Unknown), maxReply); ok {
					u.Service = row.Service
					row.Anchor = u.ID
					p.Unknown = append(p.Unknown, u)
				}
			}
			if open {
				p.OpenPorts++
			}
			p.Ports = append(p.Ports, row)
		}
		p.Hosts = append(p.Hosts, hr)
	}
	p.UnknownServices = len(p.Unknown)
	p.States = sortedCounts(states)
	p.NotShown = sortedCounts(notShown)
	byCount := func(a, b svcRow) int {
		return cmp.Or(b.Ports-a.Ports, strings.Compare(a.Service+a.Product+a.Version, b.Service+b.Product+b.Version))
	}
	for _, a := range services {
		p.Services = append(p.Services, a.svcRow)
	}
	slices.SortFunc(p.Services, byCount)
	for _, a := range versions {
		p.Versions = append(p.Versions, a.svcRow)
	}
	slices.SortFunc(p.Versions, byCount)
	p.Title = opt.Title
	if p.Title == "" {
		p.Title = fmt.Sprintf("Scan report: %d hosts up, %d open ports", p.HostsUp, p.OpenPorts)
	}
	return p
}

// quoteTerm makes a search term of a value: in double quotes when it has
// white space (the search splits terms on white space outside quotes).
func quoteTerm(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, `"`, ""))
	if strings.ContainsAny(s, " \t") {
		return `"` + s + `"`
	}
	return s
}

func sortedCounts(m map[string]int) []count {
	var out []count
	for k, n := range m {
		out = append(out, count{k, n})
	}
	slices.SortFunc(out, func(a, b count) int { return cmp.Or(b.N-a.N, strings.Compare(a.Name, b.Name)) })
	return out
}

// addrKey is a sort key of an address: IPv4 before IPv6, numeric; names
// after both.
func addrKey(s string) string {
	a, err := netip.ParseAddr(s)
	if err != nil {
		return "z" + s
	}
	b := a.As16()
	fam := "6"
	if a.Is4() {
		fam = "4"
	}
	return fam + fmt.Sprintf("%x", b[:])
}

// unknown returns the unrecognised-service entry of a port: one with a
// fingerprint, or a guess from the port number with raw replies. The
// replies are the complete ones JSON lines keep, else those the
// fingerprint holds (cut at 900 bytes each by the scanner).
func unknown(pt *result.Port, addr string, n, maxReply int) (unknownRow, bool) {
	sv := pt.Service
	if sv == nil || (sv.Fingerprint == "" && !(sv.Method == result.MethodTable && len(sv.Replies) > 0)) {
		return unknownRow{}, false
	}
	u := unknownRow{ID: "u" + strconv.Itoa(n), Addr: addr, Port: pt.Number, Proto: pt.Proto}
	if len(sv.Replies) > 0 {
		for _, r := range sv.Replies {
			u.Replies = append(u.Replies, view(r.Probe, r.Data, len(r.Data), maxReply))
		}
		return u, true
	}
	fps, err := fingerprint.Decode("servicefp", []byte(sv.Fingerprint))
	if err != nil || len(fps) == 0 {
		u.Note = "the fingerprint could not be read"
		return u, true
	}
	for _, r := range fps[0].Responses {
		u.Replies = append(u.Replies, view(r.Probe, r.Data, r.Length, maxReply))
	}
	if len(u.Replies) == 0 {
		u.Note = "no probe received anything"
	}
	return u, true
}

// view makes a reply readable: printable ASCII as it is, line breaks kept
// (a CR before a LF dropped), tabs kept, every other byte as \xHH and the
// backslash as \\, marked so the page can set escapes apart.
func view(probe string, data []byte, total, max int) replyView {
	v := replyView{Probe: probe, Bytes: total}
	if len(data) > max {
		data = data[:max]
	}
	v.More = total - len(data)
	var cur bytes.Buffer
	esc := false
	flush := func() {
		if cur.Len() > 0 {
			v.Text = append(v.Text, segment{S: cur.String(), Esc: esc})
			cur.Reset()
		}
	}
	for i, c := range data {
		printable := c >= 0x20 && c < 0x7f && c != '\\' || c == '\n' || c == '\t' || c == '\r' && i+1 < len(data) && data[i+1] == '\n'
		if printable != !esc {
			flush()
			esc = !printable
		}
		switch {
		case c == '\r' && printable:
		case printable:
			cur.WriteByte(c)
		case c == '\\':
			cur.WriteString(`\\`)
		default:
			fmt.Fprintf(&cur, `\x%02x`, c)
		}
	}
	flush()
	return v
}
