package sim

import (
	"bytes"
	"net"
	"strings"
)

// Fox is a Tridium Niagara station speaking the Fox protocol on 1911/tcp:
// the client's "fox hello" message (a header line, then "{", key=type:value
// lines, "};;") is answered with the station's own hello, as Niagara
// stations answer it in the public research on Fox (Digital Bond's
// Project Basecamp, 2012).
var Fox = FoxDevice{Fields: [][2]string{
	{"fox.version", "s:1.0.1"},
	{"id", "i:287"},
	{"hostName", "s:jace-boiler-1"},
	{"hostAddress", "s:192.168.10.31"},
	{"app.name", "s:Station"},
	{"app.version", "s:3.8.311"},
	{"vm.name", "s:IBM J9 VM"},
	{"vm.version", "s:2.4"},
	{"os.name", "s:QNX"},
	{"os.version", "s:6.4.1"},
	{"station.name", "s:Boiler_Plant"},
	{"lang", "s:en"},
	{"timeZone", "s:America/New_York;-18000000;3600000;02:00:00.000,wall,march,8,on or after,sunday,undefined;02:00:00.000,wall,november,1,on or after,sunday,undefined"},
	{"hostId", "s:Qnx-JACE-2C1F-8B3A-77D0"},
	{"vmUuid", "s:3f6c1a2e-9b4d-4e11-8a2f-5c7d9e0b1a23"},
	{"brandId", "s:vykon"},
}}

func init() {
	Devices["fox"] = Device{Doc: "Tridium Niagara AX station (JACE) answering fox hello (1911/tcp)", TCP: Fox.Serve}
	wb := FoxDevice{}
	for _, f := range Fox.Fields {
		switch f[0] {
		case "app.name":
			f[1] = "s:Workbench"
		case "app.version":
			f[1] = "s:3.7.44"
		case "os.name":
			f[1] = "s:Windows XP"
		case "os.version":
			f[1] = "s:5.1"
		case "hostName":
			f[1] = "s:eng-laptop-7"
		case "station.name":
			continue
		}
		wb.Fields = append(wb.Fields, f)
	}
	Devices["fox-workbench"] = Device{Doc: "Niagara Workbench (not a station) answering fox hello (1911/tcp)", TCP: wb.Serve}
}

// FoxDevice is what a station says in its hello.
type FoxDevice struct {
	Fields [][2]string
}

// Serve answers one hello.
func (d FoxDevice) Serve(c net.Conn) {
	var got []byte
	buf := make([]byte, 4096)
	for len(got) < 16384 {
		n, err := c.Read(buf)
		got = append(got, buf[:n]...)
		if bytes.Contains(got, []byte("};;\n")) {
			break
		}
		if err != nil {
			return
		}
	}
	if !bytes.HasPrefix(got, []byte("fox a ")) || !bytes.Contains(got, []byte("fox hello")) {
		return
	}
	var b strings.Builder
	b.WriteString("fox a 0 -1 fox hello\n{\n")
	for _, f := range d.Fields {
		b.WriteString(f[0] + "=" + f[1] + "\n")
	}
	b.WriteString("};;\n")
	c.Write([]byte(b.String()))
	// The station then waits for the client's authentication.
	c.Read(buf)
}
