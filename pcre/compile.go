package pcre

// Regexp is a compiled pattern. PLACEHOLDER: the engine is being written.
type Regexp struct {
	src   string
	flags Flags
}

// Compile parses pattern with flags.
func Compile(pattern string, flags Flags) (*Regexp, error) {
	return nil, &SyntaxError{Offset: 0, Msg: "engine not implemented yet"}
}

func (re *Regexp) Exec(subject []byte) ([]int, error) { return nil, nil }
func (re *Regexp) NumSubexp() int                     { return 0 }
func (re *Regexp) String() string                     { return re.src }
func (re *Regexp) Prefix() Prefix                     { return Prefix{} }
