package output

import (
	"slices"
	"testing"
)

func TestSplitArgs(t *testing.T) {
	for _, args := range [][]string{
		{"signet", "-sV", "-oN", "part.nmap", "10.0.0.0/24"},
		{"signet", "--title", "my scan", `-p`, `a"b`, `c\d`, "tab\there", `"quoted and spaced" \`, "x"},
		{"signet"},
	} {
		line := joinArgs(args)
		got, err := SplitArgs(line)
		if err != nil || !slices.Equal(got, args) {
			t.Errorf("%q → %q → %q, %v", args, line, got, err)
		}
	}
	for _, bad := range []string{`signet "open`, `signet \`} {
		if _, err := SplitArgs(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// FuzzSplitArgs: any list without empty arguments survives joinArgs and SplitArgs; any line
// splits or fails without a panic.
func FuzzSplitArgs(f *testing.F) {
	f.Add("signet -sV", "a b", `c"\`)
	f.Fuzz(func(t *testing.T, a, b, c string) {
		SplitArgs(a + b + c)
		args := slices.DeleteFunc([]string{a, b, c}, func(s string) bool { return s == "" })
		if len(args) == 0 {
			return
		}
		got, err := SplitArgs(joinArgs(args))
		if err != nil || !slices.Equal(got, args) {
			t.Fatalf("%q → %q → %q, %v", args, joinArgs(args), got, err)
		}
	})
}
