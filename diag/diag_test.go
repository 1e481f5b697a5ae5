package diag

import (
	"errors"
	"testing"
)

func TestErrorList(t *testing.T) {
	var l ErrorList
	if l.Err() != nil {
		t.Fatal("empty list is an error")
	}
	l.Add(Pos{"b.probes", 2, 1}, "second")
	l.Add(Pos{"a.probes", 9, 4}, "first")
	l.Add(Pos{"b.probes", 2, 0}, "line")
	l.Add(Pos{"b.probes", 0, 0}, "file")
	l.Sort()
	want := "a.probes:9:4: first\nb.probes: file\nb.probes:2: line\nb.probes:2:1: second"
	if got := l.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var el ErrorList
	if err := l.Err(); !errors.As(err, &el) || len(el) != 4 {
		t.Errorf("Err() = %v", err)
	}
}
