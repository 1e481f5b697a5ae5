package nmapnorm

import (
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	nmap := `Starting Nmap 7.93 ( https://nmap.org ) at 2026-12-06 12:42 UTC
NSE: Loaded 45 scripts for scanning.
Initiating Connect Scan at 12:42
Scanning localhost (127.0.0.1) [3 ports]
Discovered open port 80/tcp on 127.0.0.1
Discovered open port 22/tcp on 127.0.0.1
Completed Connect Scan at 12:42, 0.00s elapsed (3 total ports)
Connect Scan Timing: About 40.26% done; ETC: 12:46 (0:00:46 remaining)
Initiating NSE at 12:42
Completed NSE at 12:42, 0.08s elapsed
Nmap scan report for localhost (127.0.0.1)
Host is up (0.00017s latency).
Scanned at 2026-12-06 12:46:36 UTC for 0s

PORT   STATE SERVICE VERSION
22/tcp open  ssh     OpenSSH 9.2p1 Debian 2+deb12u3 (protocol 2.0)
SF-Port53-UDP:V=7.93%I=7%D=12/6%Time=6B15585C%P=x86_64-pc-linux-gnu%r(DNSV
SF:ersionBindReq,1E,"\0\x06");
MAC Address: CE:57:97:00:90:0E (Unknown)
Final times for host: srtt: 2288 rttvar: 4017  to: 100000

Read data files from: /usr/bin/../share/nmap
Service detection performed. Please report any incorrect results at https://nmap.org/submit/ .
Nmap done: 1 IP address (1 host up) scanned in 9.13 seconds
           Raw packets sent: 0 (0B) | Rcvd: 0 (0B)
`
	want := `Starting SCANNER
Initiating Connect Scan at HH:MM
Scanning localhost (127.0.0.1) [3 ports]
Discovered open port 22/tcp on 127.0.0.1
Discovered open port 80/tcp on 127.0.0.1
Completed Connect Scan at HH:MM, S.SSs elapsed (3 total ports)
Connect Scan Timing: About P% done; ETC: HH:MM (H:MM:SS remaining)
Nmap scan report for localhost (127.0.0.1)
Host is up (Ss latency).
Scanned at DATE for Ns

PORT   STATE SERVICE VERSION
22/tcp open  ssh     OpenSSH 9.2p1 Debian 2+deb12u3 (protocol 2.0)
SF-Port…
MAC Address: MAC (VENDOR)
Final times for host: srtt: N rttvar: N  to: N

Read data files from: DIR
Service detection performed. Please report any incorrect results at URL .
SCANNER done: 1 IP address (1 host up) scanned in S seconds
           Raw packets sent: N | Rcvd: N
`
	if got := Normalize(nmap, Options{}); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	signet := strings.NewReplacer("Starting Nmap 7.93 ( https://nmap.org ) at 2026-12-06 12:42 UTC", "Starting signet 0.1.0 ( https://github.com/signetscan/signet ) at 2026-12-07 09:01 CET",
		"Nmap done", "signet done", "https://nmap.org/submit/", "https://github.com/signetscan/signet/issues").Replace(nmap)
	if got := Normalize(signet, Options{}); got != want {
		t.Errorf("signet's form:\n%s", got)
	}
	collapsed := Normalize(nmap, Options{Reports: true})
	if !strings.Contains(collapsed, "Nmap scan report for localhost (127.0.0.1)\nRead data files from: DIR\n") {
		t.Errorf("report not collapsed:\n%s", collapsed)
	}
	// A down host's report is one line; a report with a "Not shown" line has no blank line
	// before its table.
	down := "Nmap scan report for 10.0.0.4 [host down]\nNmap scan report for a (10.0.0.5)\nHost is up.\nNot shown: 997 closed tcp ports (conn-refused)\nPORT STATE\n22/tcp open\n\nRead data files from: /x\n"
	if got := Normalize(down, Options{Reports: true}); got != "Nmap scan report for 10.0.0.4 [host down]\nNmap scan report for a (10.0.0.5)\nRead data files from: DIR\n" {
		t.Errorf("down and Not shown:\n%s", got)
	}
	if Normalize("", Options{}) != "" {
		t.Error("empty text")
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add("Nmap scan report for x\nHost is up.\n\nPORT\n\nDiscovered open port 1/tcp on x\n", true)
	f.Add("SF-Port1-TCP:V=1\nSF:x\n", false)
	f.Fuzz(func(t *testing.T, s string, reports bool) {
		once := Normalize(s, Options{Reports: reports})
		if strings.Count(once, "\n") > strings.Count(s, "\n")+1 {
			t.Fatalf("more lines out than in")
		}
	})
}
