package sim

import (
	"crypto/rand"
	"net"
)

// CCcam is a CCcam card-sharing server (12000/tcp): on connection it
// sends 16 random bytes, the seed of its session cipher, and waits for
// the client's answer (as the public descriptions of the CCcam protocol
// say).
var CCcam = Device{Doc: "CCcam server: 16 random bytes on connection (12000/tcp)", TCP: cccamServe}

func init() { Devices["cccam"] = CCcam }

func cccamServe(c net.Conn) {
	var seed [16]byte
	rand.Read(seed[:])
	c.Write(seed[:])
	buf := make([]byte, 4096)
	c.Read(buf)
}
