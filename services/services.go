// Package services reads a port-to-service-name table in the nmap-services
// format, used to name ports that no probe identified (R2) and to pick top ports.
package services

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

// Entry is one line of the table.
type Entry struct {
	Name  string
	Port  int
	Proto string // "tcp", "udp" or "sctp"
	Freq  float64
}

// Table maps (port, protocol) to a service name.
type Table struct {
	byKey   map[key]string
	entries []Entry
}

type key struct {
	port  int
	proto string
}

// Parse reads a table in the nmap-services format: `name port/proto
// [frequency] [# comment]`, '#' starting comments. The first entry for a
// (port, protocol) wins (R2). Malformed lines are reported as NAME:LINE: ...
func Parse(name string, src []byte) (*Table, error) {
	t := &Table{byKey: map[key]string{}}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		f := strings.Fields(text)
		if len(f) == 0 {
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("%s:%d: want \"name port/proto [frequency]\"", name, line)
		}
		ps, proto, ok := strings.Cut(f[1], "/")
		port, err := strconv.Atoi(ps)
		if !ok || err != nil || port < 0 || port > 65535 || (proto != "tcp" && proto != "udp" && proto != "sctp") {
			return nil, fmt.Errorf("%s:%d: bad port/proto %q", name, line, f[1])
		}
		e := Entry{Name: f[0], Port: port, Proto: proto}
		if len(f) > 2 {
			e.Freq, _ = strconv.ParseFloat(f[2], 64)
		}
		k := key{port, proto}
		if _, dup := t.byKey[k]; !dup {
			t.byKey[k] = e.Name
		}
		t.entries = append(t.entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return t, nil
}

// ParseFile reads a table from a file.
func ParseFile(path string) (*Table, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, src)
}

// Lookup returns the name of port/proto ("tcp", "udp"), "" if absent.
func (t *Table) Lookup(port int, proto string) string {
	if t == nil {
		return ""
	}
	return t.byKey[key{port, strings.ToLower(proto)}]
}

// Top returns the n most frequent ports of proto, most frequent first.
func (t *Table) Top(proto string, n int) []int {
	var es []Entry
	seen := map[int]bool{}
	for _, e := range t.entries {
		if e.Proto == proto && !seen[e.Port] {
			seen[e.Port] = true
			es = append(es, e)
		}
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].Freq > es[j].Freq })
	if n > len(es) {
		n = len(es)
	}
	out := make([]int, n)
	for i := range out {
		out[i] = es[i].Port
	}
	return out
}
