package matcher_test

import (
	"fmt"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/matcher"
	"github.com/signetscan/signet/probes"
)

const signatures = `Probe TCP NULL q||
match ssh m|^SSH-([\d.]+)-OpenSSH_([\w.]+)\r\n| p/OpenSSH/ v/$2/ i/protocol $1/ cpe:/a:openbsd:openssh:$2/
softmatch smtp m|^220 [^\r\n]*SMTP|
Probe TCP Hello q|EHLO\r\n|
rarity 8
match smtp m|^220 .*\r\n250-PIPELINING|s p/Example smtpd/
`

// Match one reply against a probe's lines and its fallback chain.
func ExampleMatcher_Match() {
	db, err := probes.Parse("example.probes", []byte(signatures))
	if err == nil {
		err = db.Resolve()
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	m := matcher.New(db)
	hit := m.Match(db.Null, []byte("SSH-2.0-OpenSSH_9.2p1\r\n"))
	fmt.Println(hit.Line.Service, hit.Fields.Product, hit.Fields.Version, hit.Fields.CPEs())
	// Output: ssh OpenSSH 9.2p1 [cpe:/a:openbsd:openssh:9.2p1]
}

// Replay a recorded fingerprint the way a scan would walk it.
func ExampleMatcher_Replay() {
	db, _ := probes.Parse("example.probes", []byte(signatures))
	db.Resolve()
	fps, err := fingerprint.Decode("fp.txt", []byte(`SF-Port25-TCP:V=7.93%I=7%D=11/25%Time=6B07170B%P=x86_64-pc-linux-gnu%r(NULL,F,"220\x20mx\x20ESMTP\r\n")%r(Hello,23,"220\x20mx\x20ESMTP\r\n250-PIPELINING\r\n");`))
	if err != nil {
		fmt.Println(err)
		return
	}
	port, steps := matcher.New(db).Replay(fps[0], matcher.ReplayOptions{Intensity: -1})
	for _, s := range steps {
		fmt.Println(s)
	}
	fmt.Println(port.Number, port.Service.Name, port.Service.Product)
	// Output:
	// probe NULL: softmatch smtp at example.probes:3
	// probe Hello: match smtp at example.probes:6
	// 25 smtp Example smtpd
}
