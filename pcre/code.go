package pcre

// The compiled program mirrors the shape of PCRE2's byte code (one
// instruction per PCRE2 opcode, with brackets linked to their alternatives
// and closing KETs), because the match-limit model counts backtracking
// frames exactly where pcre2_match() creates them: the same opcode layout
// gives the same counts.

type opcode uint8

const (
	opEnd opcode = iota
	// assertions (zero width)
	opSOD      // \A
	opSOM      // \G
	opNotWordB // \B
	opWordB    // \b
	opCirc     // ^
	opCircM    // ^ multiline
	opDoll     // $
	opDollM    // $ multiline
	opEOD      // \z
	opEODN     // \Z
	opFail     // (?!)
	// character types (single byte each, \R one or two)
	opNotDigit
	opDigit
	opNotSpace
	opSpace
	opNotWord
	opWord
	opAny    // . without DOTALL
	opAllAny // . with DOTALL
	opAnyNL  // \R
	opNotHSpace
	opHSpace
	opNotVSpace
	opVSpace
	// single items and their repeats
	opChar    // c (c2 = other case or c)
	opNot     // not c (nor c2)
	opClass   // set; repeated when hasRep
	opCharRep // char repeat: min, max, rk
	opNotRep  // negated char repeat
	opTypeRep // type repeat: typ
	opRef     // back reference n; repeated when hasRep
	// brackets
	opBra
	opCBra
	opSBra
	opSCBra
	opBraPos
	opCBraPos
	opSBraPos
	opSCBraPos
	opOnce
	opAssert
	opAssertNot
	opAssertBack
	opAssertBackNot
	opAlt
	opKet
	opKetRMax
	opKetRMin
	opKetRPos
	opBraZero
	opBraMinZero
	opBraPosZero
	opSkipZero
	opReverse
)

type inst struct {
	op       opcode
	typ      opcode // opTypeRep: the type; brackets: unused
	rk       repKind
	hasRep   bool // opClass/opRef followed by a repeat (CR opcode in PCRE2)
	caseless bool // opRef
	c, c2    byte
	min, max int32 // repeats; max = maxRep for unlimited
	n        int32 // capture number (brackets, refs), length (reverse)
	next     int32 // bracket/alt: index of next alt/ket; ket: index of its bracket
	set      *charSet
}

const maxRep = int32(^uint32(0) >> 1)

// isBracketStart reports opcodes that open a bracket.
func isBracket(op opcode) bool {
	return op >= opBra && op <= opAssertBackNot
}

// program is a compiled pattern.
type program struct {
	code   []inst
	ncap   int
	start  int32 // index of the outer bracket
	minLen int
	// start-of-match data
	anchored  bool
	startLine bool
	firstSet  *charSet // possible first bytes, nil if unknown
	reqByte   int      // required byte (-1 none)
	reqByte2  int      // its other case (== reqByte if caseful)
}
