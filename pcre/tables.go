package pcre

// Character tables equivalent to PCRE2's default ("C" locale) tables. Only
// ASCII letters have another case; bytes >= 0x80 belong to no class.

// charSet is a 256-bit byte set.
type charSet [4]uint64

func (s *charSet) has(c byte) bool { return s[c>>6]&(1<<(c&63)) != 0 }
func (s *charSet) add(c byte)      { s[c>>6] |= 1 << (c & 63) }
func (s *charSet) addRange(lo, hi int) {
	for c := lo; c <= hi; c++ {
		s.add(byte(c))
	}
}
func (s *charSet) union(o *charSet) {
	for i := range s {
		s[i] |= o[i]
	}
}
func (s *charSet) unionNot(o *charSet) {
	for i := range s {
		s[i] |= ^o[i]
	}
}
func (s *charSet) invert() {
	for i := range s {
		s[i] = ^s[i]
	}
}
func (s *charSet) intersects(o *charSet) bool {
	for i := range s {
		if s[i]&o[i] != 0 {
			return true
		}
	}
	return false
}
func (s *charSet) count() int {
	n := 0
	for c := 0; c < 256; c++ {
		if s.has(byte(c)) {
			n++
		}
	}
	return n
}

var (
	setDigit, setSpace, setWord, setHSpace, setVSpace, setNotNL, setAll charSet
	setAlpha, setLower, setUpper, setAlnum, setXDigit, setPunct         charSet
	setGraph, setPrint, setCntrl, setBlank, setASCII                    charSet
	setNotDigit, setNotSpace, setNotWord, setNotHSpace, setNotVSpace    charSet
	isWordTab                                                           [256]bool
	fcc                                                                 [256]byte // flip case
)

func init() {
	for c := 0; c < 256; c++ {
		fcc[c] = byte(c)
		b := byte(c)
		switch {
		case c >= 'a' && c <= 'z':
			fcc[c] = b - 32
			setLower.add(b)
		case c >= 'A' && c <= 'Z':
			fcc[c] = b + 32
			setUpper.add(b)
		}
		if c >= '0' && c <= '9' {
			setDigit.add(b)
		}
		if (c >= 9 && c <= 13) || c == ' ' {
			setSpace.add(b)
		}
		if c < 128 {
			setASCII.add(b)
		}
		if c < 32 || c == 127 {
			setCntrl.add(b)
		}
		if c > 32 && c < 127 {
			setGraph.add(b)
		}
		if c >= 32 && c < 127 {
			setPrint.add(b)
		}
		if c != '\n' {
			setNotNL.add(b)
		}
		setAll.add(b)
	}
	setAlpha = setLower
	setAlpha.union(&setUpper)
	setAlnum = setAlpha
	setAlnum.union(&setDigit)
	setWord = setAlnum
	setWord.add('_')
	setXDigit = setDigit
	setXDigit.addRange('a', 'f')
	setXDigit.addRange('A', 'F')
	for c := 33; c < 127; c++ {
		if !setAlnum.has(byte(c)) {
			setPunct.add(byte(c))
		}
	}
	setBlank.add(' ')
	setBlank.add('\t')
	setHSpace.add(0x09)
	setHSpace.add(0x20)
	setHSpace.add(0xa0)
	setVSpace.addRange(0x0a, 0x0d)
	setVSpace.add(0x85)
	for c := 0; c < 256; c++ {
		isWordTab[c] = setWord.has(byte(c))
	}
	setNotDigit, setNotSpace, setNotWord = setDigit, setSpace, setWord
	setNotHSpace, setNotVSpace = setHSpace, setVSpace
	setNotDigit.invert()
	setNotSpace.invert()
	setNotWord.invert()
	setNotHSpace.invert()
	setNotVSpace.invert()
	// (after fcc is set up: Go runs init functions in file-name order)
	for c := 0; c < 256; c++ {
		b := byte(c)
		charSets[0][c].add(b)
		charSets[1][c].add(b)
		charSets[1][c].add(fcc[b])
		charSets[2][c] = charSets[0][c]
		charSets[2][c].invert()
		charSets[3][c] = charSets[1][c]
		charSets[3][c].invert()
	}
}

// posixClasses maps [:name:] to its set (PCRE2 non-UCP semantics: [:space:]
// is \s including VT, [:word:] is \w).
var posixClasses = map[string]*charSet{
	"alpha": &setAlpha, "lower": &setLower, "upper": &setUpper, "alnum": &setAlnum,
	"ascii": &setASCII, "blank": &setBlank, "cntrl": &setCntrl, "digit": &setDigit,
	"graph": &setGraph, "print": &setPrint, "punct": &setPunct, "space": &setSpace,
	"word": &setWord, "xdigit": &setXDigit,
}
