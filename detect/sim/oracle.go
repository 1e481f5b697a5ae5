package sim

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"net"
	"strconv"
)

// Oracle is an Oracle Net (TNS) listener on 1521/tcp. Every CONNECT
// packet (type 1) is refused (type 4: user and system reasons, data
// length, data) with the listener's description: its VSNNUM (the
// listener version as one number: 8 bits major, 4 maintenance, 4
// application server, 8 component, 8 platform — 0x13000000 is
// 19.0.0.0.0) and an error, as listeners of Oracle 10g and later answer:
// ERR=1189 (the remote "version" command is not allowed) for a
// (COMMAND=version) request, ERR=12514 (unknown service) for a
// connection to a service.
var Oracle = OracleListener{VSNNUM: 0x13000000}

func init() {
	Devices["oracle-tns"] = Device{Doc: "Oracle 19c TNS listener refusing remote commands (ERR=1189) (1521/tcp)", TCP: Oracle.Serve}
	old := OracleListener{VSNNUM: 0x0b200200, Banner: "TNSLSNR for Linux: Version 11.2.0.2.0 - Production"}
	Devices["oracle-tns-11g"] = Device{Doc: "Oracle 11g TNS listener that answers the version command with its banner (1521/tcp)", TCP: old.Serve}
	Devices["oracle-tns-12514"] = Device{Doc: "TNS listener answering even the version command with ERR=12514 and its VSNNUM (only nmap's softmatch names it)", TCP: OracleListener{VSNNUM: 0x0c200100, AllErr: 12514}.Serve}
	for _, e := range []int{1194, 12505, 12516} {
		Devices["oracle-tns-"+strconv.Itoa(e)] = Device{Doc: fmt.Sprintf("TNS listener answering every connect with ERR=%d and its VSNNUM", e), TCP: OracleListener{VSNNUM: 0x0c200100, AllErr: e}.Serve}
	}
	Devices["oracle-tns-12504"] = Device{Doc: "TNS listener that refuses connections without a service name (ERR=12504, no VSNNUM)", TCP: OracleListener{Only12504: true}.Serve}
}

// OracleListener is a TNS listener's answers.
type OracleListener struct {
	VSNNUM uint32
	// Banner: answer the version command with this banner (in a
	// refuse packet, after the description) instead of ERR=1189.
	Banner string
	// Only12504: refuse everything with (DESCRIPTION=(ERR=12504)).
	Only12504 bool
	// AllErr: refuse everything with this error and the VSNNUM.
	AllErr int
}

// Serve answers TNS packets on one connection.
func (l OracleListener) Serve(c net.Conn) {
	for range 8 {
		hdr, err := readFull(c, 8, 8)
		if err != nil {
			return
		}
		n := int(binary.BigEndian.Uint16(hdr))
		body, err := readFull(c, n-8, 8192)
		if err != nil || hdr[4] != 1 { // only CONNECT packets are answered
			return
		}
		var data string
		switch {
		case l.Only12504:
			data = "(DESCRIPTION=(ERR=12504))\x00"
		case l.AllErr != 0:
			data = fmt.Sprintf("(DESCRIPTION=(TMP=)(VSNNUM=%d)(ERR=%d)(ERROR_STACK=(ERROR=(CODE=%d)(EMFI=4))))", l.VSNNUM, l.AllErr, l.AllErr)
		case bytes.Contains(body, []byte("(COMMAND=version)")) && l.Banner != "":
			data = fmt.Sprintf("(DESCRIPTION=(TMP=)(VSNNUM=%d)(ERR=0)(ALIAS=LISTENER))%s\x00", l.VSNNUM, l.Banner)
		case bytes.Contains(body, []byte("(COMMAND=")):
			data = fmt.Sprintf("(DESCRIPTION=(TMP=)(VSNNUM=%d)(ERR=1189)(ERROR_STACK=(ERROR=(CODE=1189)(EMFI=4))))", l.VSNNUM)
		default:
			data = fmt.Sprintf("(DESCRIPTION=(TMP=)(VSNNUM=%d)(ERR=12514)(ERROR_STACK=(ERROR=(CODE=12514)(EMFI=4))))", l.VSNNUM)
		}
		refuse := []byte{0, 0, 0, 0, 4, 0, 0, 0, 0x22, 0x00, 0, 0}
		binary.BigEndian.PutUint16(refuse[10:], uint16(len(data)))
		refuse = append(refuse, data...)
		binary.BigEndian.PutUint16(refuse, uint16(len(refuse)))
		c.Write(refuse)
		return
	}
}
