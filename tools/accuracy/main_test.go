package main

import "testing"

func TestVersionWrong(t *testing.T) {
	for _, c := range []struct {
		upstream, got string
		wrong         bool
	}{
		{"9.2p1", "9.2p1 Debian 2+deb12u3", false},
		{"3.15.0", "3", false},
		{"3.15.0", "3.15", false},
		{"3.15.0", "3.1", true}, // 3.1 is not 3.15 cut short
		{"2.3.11", "", false},
		{"-", "1.0", false},
		{"15.18", "9.6 - 16", false},
		{"15.18", "9.6.0 or later", false},
		{"2.5.13", "2.2.X - 2.3.X", true},
		{"2.5.13", "2.2.X - 2.5.X", false},
		{"4.17.12", "4.6.2", true},
		{"0.23.12", "0.23.5", true},
		{"4.3", "v4", true},
		{"10.11.19", "5.5.5-10.11.19-MariaDB-0+deb12u1", true},
	} {
		if got := versionWrong(c.upstream, c.got); got != c.wrong {
			t.Errorf("versionWrong(%q, %q) = %v, want %v", c.upstream, c.got, got, c.wrong)
		}
	}
}

func TestGrade(t *testing.T) {
	tr := truth{service: "ssh", product: "OpenSSH", upstream: "9.2p1"}
	for _, c := range []struct {
		a    answer
		want string
	}{
		{answer{name: "ssh", product: "OpenSSH", version: "9.2p1 Debian 2+deb12u3", method: "probed"}, "exact"},
		{answer{name: "ssh", product: "OpenSSH", method: "probed"}, "partial"},
		{answer{name: "ssh", product: "Dropbear sshd", version: "9.2p1", method: "probed"}, "partial"},
		{answer{name: "telnet", method: "probed"}, "wrong"},
		{answer{name: "ssh", method: "table"}, "unknown"},
		{answer{name: "tcpwrapped", method: "probed"}, "unknown"},
		{answer{}, "unknown"},
	} {
		if got := grade(tr, c.a); got != c.want {
			t.Errorf("grade(%+v) = %s, want %s", c.a, got, c.want)
		}
	}
	// ssl/ services and nmap's aliases
	if g := grade(truth{service: "ssl/imap", product: "-", upstream: "-"}, answer{name: "imap", tunnel: "ssl", method: "probed"}); g != "exact" {
		t.Errorf("ssl/imap: %s", g)
	}
	if g := grade(truth{service: "microsoft-ds", product: "-", upstream: "-"}, answer{name: "netbios-ssn", method: "probed"}); g != "exact" {
		t.Errorf("alias: %s", g)
	}
}
