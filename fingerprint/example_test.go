package fingerprint_test

import (
	"fmt"

	"github.com/signetscan/signet/fingerprint"
)

// Build a fingerprint the way nmap prints it.
func ExampleBuilder() {
	b := fingerprint.NewBuilder(fingerprint.Fingerprint{
		Port: 25, Proto: "TCP", Version: "7.93", Intensity: 7,
		Month: 11, Day: 25, Time: 0x6B07170B, Platform: "x86_64-pc-linux-gnu",
	}, fingerprint.Options{})
	b.Add("NULL", []byte("220 Ready to receive mail -=- ESMTP\r\n"))
	fmt.Println(b.String())
	// Output:
	// SF-Port25-TCP:V=7.93%I=7%D=11/25%Time=6B07170B%P=x86_64-pc-linux-gnu%r(NUL
	// SF:L,25,"220\x20Ready\x20to\x20receive\x20mail\x20-=-\x20ESMTP\r\n");
}

// Decode finds fingerprints in nmap's normal or XML output.
func ExampleDecode() {
	fps, err := fingerprint.Decode("out.nmap", []byte("PORT STATE SERVICE\n"+
		"SF-Port25-TCP:V=7.93%I=7%D=11/25%Time=6B07170B%P=x86_64-pc-linux-gnu%r(NU\n"+
		"SF:LL,25,\"220\\x20Ready\\x20to\\x20receive\\x20mail\\x20-=-\\x20ESMTP\\r\\n\");\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	r := fps[0].Responses[0]
	fmt.Printf("%d/%s %s %q\n", fps[0].Port, fps[0].Proto, r.Probe, r.Data)
	// Output: 25/TCP NULL "220 Ready to receive mail -=- ESMTP\r\n"
}
