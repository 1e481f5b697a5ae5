package detect

import (
	"errors"
	"math/big"
)

// ASN.1 BER (X.690) as SNMP uses it: definite lengths, one-byte tags.

// berTLV encodes one tag, length and value.
func berTLV(tag byte, val []byte) []byte {
	n := len(val)
	out := []byte{tag}
	switch {
	case n < 0x80:
		out = append(out, byte(n))
	case n < 0x100:
		out = append(out, 0x81, byte(n))
	default:
		out = append(out, 0x82, byte(n>>8), byte(n))
	}
	return append(out, val...)
}

// berInt encodes a non-negative INTEGER in its shortest form.
func berInt(v uint32) []byte {
	b := big.NewInt(int64(v)).Bytes()
	if len(b) == 0 || b[0]&0x80 != 0 {
		b = append([]byte{0}, b...)
	}
	return berTLV(0x02, b)
}

// berReader reads TLVs one after the other, remembering the first error.
type berReader struct {
	b   []byte
	err error
}

var errBER = errors.New("malformed BER")

// next returns the next TLV's tag and value.
func (r *berReader) next() (tag byte, val []byte) {
	if r.err != nil {
		return 0, nil
	}
	b := r.b
	if len(b) < 2 {
		r.err = errBER
		return 0, nil
	}
	tag, n, b := b[0], int(b[1]), b[2:]
	if n&0x80 != 0 {
		k := n & 0x7f
		if k == 0 || k > 3 || len(b) < k {
			r.err = errBER
			return 0, nil
		}
		n = 0
		for _, c := range b[:k] {
			n = n<<8 | int(c)
		}
		b = b[k:]
	}
	if n > len(b) {
		r.err = errBER
		return 0, nil
	}
	r.b = b[n:]
	return tag, b[:n]
}

// want reads the next TLV and checks its tag.
func (r *berReader) want(tag byte) []byte {
	t, v := r.next()
	if r.err == nil && t != tag {
		r.err = errBER
	}
	return v
}

// int reads an INTEGER of up to 8 bytes as an int64.
func (r *berReader) int() int64 {
	v := r.want(0x02)
	if r.err != nil {
		return 0
	}
	if len(v) == 0 || len(v) > 8 {
		r.err = errBER
		return 0
	}
	n := int64(int8(v[0]))
	for _, c := range v[1:] {
		n = n<<8 | int64(c)
	}
	return n
}
