package fingerprint

import "strings"

// Fingerprint is one service fingerprint: its header (F2) and its %r entries (F3).
type Fingerprint struct {
	Port      int
	Proto     string // "TCP" or "UDP"
	Version   string // V=, nmap's version
	SSL       bool   // %T=SSL: the responses came through an SSL tunnel
	Intensity int    // %I=
	Month     int    // %D=month/day, local time of the first entry
	Day       int
	Time      uint32 // %Time=, Unix time of the first entry (printed in upper-case hex)
	Platform  string // %P=
	Responses []Response
}

// Response is one %r(probe,length,"data") entry.
type Response struct {
	Probe  string
	Length int    // the declared length: the whole response, even when Data is cut
	Data   []byte // the bytes kept in the fingerprint, at most Length
}

// String returns the fingerprint as nmap prints it in normal output: wrapped
// with "\nSF:" (F6) and terminated by ';'. It renders exactly the responses f
// holds — the size limits of F5 are applied by a Builder when the responses
// are recorded, not here. A Response with Length 0 is written with len(Data).
// String returns "" when f has no responses.
func (f *Fingerprint) String() string {
	b := NewBuilder(*f, Options{})
	for _, r := range f.Responses {
		n := r.Length
		if n == 0 {
			n = len(r.Data)
		}
		b.add(r.Probe, n, r.Data, false)
	}
	return b.String()
}

// XML returns the one-line form used as the servicefp attribute of nmap's
// XML output (F7, O6): String without the "\nSF:" sequences. The value is
// not XML-escaped.
func (f *Fingerprint) XML() string {
	return strings.ReplaceAll(f.String(), "\nSF:", "")
}
