// Package diag holds positioned diagnostics in go/scanner's shape: a Pos (file:line:col),
// an Error at a Pos and an ErrorList, shared by every parser of signet's input files.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in an input file. Line and Col count from 1; Col counts bytes. A zero
// Line means the whole file, a zero Col the whole line.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Less orders positions by file, line, then column.
func (p Pos) Less(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Error is one problem found at a position.
type Error struct {
	Pos Pos
	Msg string // signet's wording: what is wrong
	// Nmap is nmap 7.93's own message for the same input, when nmap refuses it too; empty for
	// problems nmap does not report (and for inputs nmap never reads).
	Nmap string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Pos, e.Msg) }

// ErrorList is a list of *Error, in the style of go/scanner.ErrorList.
type ErrorList []*Error

// Add appends an error at pos.
func (l *ErrorList) Add(pos Pos, msg string) { *l = append(*l, &Error{Pos: pos, Msg: msg}) }

func (l ErrorList) Len() int           { return len(l) }
func (l ErrorList) Swap(i, j int)      { l[i], l[j] = l[j], l[i] }
func (l ErrorList) Less(i, j int) bool { return l[i].Pos.Less(l[j].Pos) }

// Sort sorts the list by position; errors at the same position keep their order.
func (l ErrorList) Sort() { sort.Stable(l) }

// Error returns all errors, one per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns l as an error, or nil if l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
