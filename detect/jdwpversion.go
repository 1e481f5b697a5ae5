package detect

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"strings"
)

// JDWPVersion stands for nmap's jdwp-version: after the Java Debug Wire
// Protocol handshake (the 14 ASCII bytes "JDWP-Handshake", echoed), it
// sends the VirtualMachine Version command (command set 1, command 1)
// and reads the reply: a description, the JDWP major and minor version,
// the VM's version and its name (JDWP specification, "VirtualMachine
// Command Set"). The port is named jdwp, the product becomes the
// description's first line, the version the VM's version (nmap 7.93 on
// OpenJDK 17: jdwp "Java Debug Wire Protocol (Reference Implementation)
// version 17.0" 17.0.15). nmap runs it only on TCP ports the walk left
// tcpwrapped, not on one a line named jdwp: OpenJDK drops a connection
// that sends no handshake within its timeout, so the signature walk
// often ends tcpwrapped there.
type JDWPVersion struct{}

func (JDWPVersion) Name() string { return "jdwp-version" }
func (JDWPVersion) Rule() Rule {
	return Rule{Services: []string{"tcpwrapped"}, MinIntensity: 7}
}
func (JDWPVersion) Sets() []Field { return []Field{FName, FProduct, FVersion} }

var jdwpHandshake = []byte("JDWP-Handshake")

// jdwpVersionCommand is the VirtualMachine.Version command packet: length
// 11, id 1, flags 0, command set 1, command 1.
var jdwpVersionCommand = []byte{0, 0, 0, 11, 0, 0, 0, 1, 0, 1, 1}

// maxJDWPReply bounds the reply read (OpenJDK's is 227 bytes).
const maxJDWPReply = 64 << 10

func (JDWPVersion) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	conn, err := dialWait(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.Write(append(append([]byte(nil), jdwpHandshake...), jdwpVersionCommand...)); err != nil {
		return nil, err
	}
	hs := make([]byte, len(jdwpHandshake))
	if _, err := io.ReadFull(conn, hs); err != nil {
		return nil, err
	}
	if !bytes.Equal(hs, jdwpHandshake) {
		return nil, errors.New("jdwp-version: no handshake")
	}
	var hdr [11]byte
	if _, err := io.ReadFull(conn, hdr[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n < 11 || n > maxJDWPReply || hdr[8] != 0x80 || binary.BigEndian.Uint16(hdr[9:]) != 0 {
		return nil, errors.New("jdwp-version: not a successful reply")
	}
	data := make([]byte, n-11)
	if _, err := io.ReadFull(conn, data); err != nil {
		return nil, err
	}
	v, err := ParseJDWPVersion(data)
	if err != nil {
		return nil, err
	}
	product, _, _ := strings.Cut(v.Description, "\n")
	env.Trace("Service scan detector jdwp-version: %s:%d is %q %q", p.Addr, p.Number, product, v.VMVersion)
	return &Update{Name: "jdwp", Product: product, Version: v.VMVersion, Match: Hard}, nil
}

// JDWPVM is the reply data of VirtualMachine.Version.
type JDWPVM struct {
	Description          string
	JDWPMajor, JDWPMinor int32
	VMVersion, VMName    string
}

// ParseJDWPVersion decodes the reply data of VirtualMachine.Version
// (strings are a four-byte length and UTF-8 bytes).
func ParseJDWPVersion(b []byte) (JDWPVM, error) {
	var v JDWPVM
	var ok bool
	str := func() string {
		if len(b) < 4 || uint64(binary.BigEndian.Uint32(b)) > uint64(len(b)-4) {
			ok = false
			return ""
		}
		n := binary.BigEndian.Uint32(b)
		s := string(b[4 : 4+n])
		b = b[4+n:]
		return s
	}
	i32 := func() int32 {
		if len(b) < 4 {
			ok = false
			return 0
		}
		n := int32(binary.BigEndian.Uint32(b))
		b = b[4:]
		return n
	}
	ok = true
	v.Description = str()
	v.JDWPMajor, v.JDWPMinor = i32(), i32()
	v.VMVersion = str()
	v.VMName = str()
	if !ok {
		return JDWPVM{}, errors.New("jdwp-version: reply cut short")
	}
	return v, nil
}
