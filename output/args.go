package output

import (
	"errors"
	"strings"
)

// SplitArgs reads back a command line as the writers record it (nmap's join_quoted, see
// joinArgs): arguments separated by single spaces, an argument with white space in double
// quotes, and `"` and `\` backslashed everywhere. It is the inverse of joinArgs for every
// argument list without empty arguments (an empty argument is written as nothing, as nmap
// writes it, and cannot be told apart).
func SplitArgs(line string) ([]string, error) {
	var args []string
	var cur strings.Builder
	in, quoted := false, false // in: inside an argument
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\':
			if i+1 == len(line) {
				return nil, errors.New("command line ends with a backslash")
			}
			i++
			cur.WriteByte(line[i])
			in = true
		case c == '"':
			quoted = !quoted
			in = true
		case c == ' ' && !quoted:
			if in {
				args = append(args, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteByte(c)
			in = true
		}
	}
	if quoted {
		return nil, errors.New("command line has an unterminated quote")
	}
	if in {
		args = append(args, cur.String())
	}
	return args, nil
}
