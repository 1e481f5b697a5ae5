package sim

// ASE is a game server's All-Seeing Eye query port (UDP, by custom the
// game port + 123; Multi Theft Auto servers still answer it): the query
// "s" is answered with "EYE1" and length-prefixed strings (each length
// byte counts itself): game, port, server name, game type, map, version,
// passworded, players, max players; then rule keys and values up to an
// empty key; then players, each a flags byte and the fields it flags
// (as the protocol's public descriptions — int64.org's "gamestat
// protocols", GameQ's ase.php — lay it out).
var ASE = ASEServer{Fields: []string{"mta", "22003", "Signet Freeroam", "Freeroam", "None", "1.6", "0", "0", "32"},
	Rules: [][2]string{{"Dedicated", "Yes"}}}

func init() {
	Devices["ase"] = Device{Doc: "Multi Theft Auto server's All-Seeing Eye query port (22126/udp)", UDP: ASE.Datagram}
	pw := ASE
	pw.Fields = append([]string(nil), ASE.Fields...)
	pw.Fields[6] = "1"
	Devices["ase-password"] = Device{Doc: "All-Seeing Eye server with a password", UDP: pw.Datagram}
	pl := ASE
	pl.Fields = append([]string(nil), ASE.Fields...)
	pl.Fields[7], pl.Players = "1", []string{"Runner"}
	Devices["ase-player"] = Device{Doc: "All-Seeing Eye server with one player (name, score and ping flagged)", UDP: pl.Datagram}
}

// ASEServer is what an ASE reply holds.
type ASEServer struct {
	Fields  []string
	Rules   [][2]string
	Players []string
}

func aseString(b []byte, s string) []byte {
	if len(s) > 254 {
		s = s[:254]
	}
	return append(append(b, byte(len(s)+1)), s...)
}

// Datagram answers the query "s".
func (a ASEServer) Datagram(req []byte) [][]byte {
	if string(req) != "s" {
		return nil
	}
	out := []byte("EYE1")
	for _, f := range a.Fields {
		out = aseString(out, f)
	}
	for _, r := range a.Rules {
		out = aseString(aseString(out, r[0]), r[1])
	}
	out = aseString(out, "")
	for _, p := range a.Players {
		out = append(out, 0x01|0x08|0x10) // name, score, ping
		out = aseString(aseString(aseString(out, p), "0"), "12")
	}
	return [][]byte{out}
}
