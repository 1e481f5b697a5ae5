package main

// FTP servers' greetings on the NULL probe (RFC 959 4.2, code 220), with
// the texts Rapid7 Recog xml/ftp_banners.xml lists as observed from each
// product; its placeholder host names are written ftp.example.com.
func init() {
	ftp := func(name, text, expect string) entCase {
		return one("ftp", name, 21, "NULL", line("220 "+text),
			"hand-made: RFC 959 greeting (220) with the text Rapid7 Recog xml/ftp_banners.xml lists as observed from the product; host name is ours", expect)
	}
	add(
		// Windows FTP servers.
		ftp("zftpserver", "zFTPServer v4.0, build 2008-12-24 01:41 ready.", "ftp | zFTPServer | 4.0 | build 2008-12-24 01:41"),
		ftp("gene6", "Gene6 FTP Server v3.10.0 (Build 2) ready...", "ftp | Gene6 ftpd | 3.10.0 | build 2"),
		ftp("ws-ftp", "ftp.example.com X2 WS_FTP Server 7.7(50012467)", "ftp | Ipswitch WS_FTP ftpd | 7.7 | build 50012467"),
		ftp("vermillion", "ftp.example.com FTP Server (vftpd 1.23) ready.", "ftp | Vermillion ftpd | 1.23"),
		ftp("qvtnet", "ftp.example.com FTP server (QVT/Net 5.1) ready.", "ftp | QVT/Net ftpd | 5.1"),
		// Unix FTP servers that are not in Debian.
		ftp("ncftpd", "ftp.example.com NcFTPd Server (licensed copy) ready.", "ftp | NcFTPd | | licensed copy"),
		ftp("surgeftp", "SurgeFTP ftp.example.com (Version 2.3a12)", "ftp | NetWin SurgeFTP | 2.3a12"),
		ftp("wu-ftpd", "ftp.example.com FTP server (Version wu-2.6.2(1) Sat Jul 19 16:21:30 UTC 2008) ready.", "ftp | WU-FTPD | 2.6.2(1)"),
		ftp("tnftpd", "ftp.example.com FTP server (tnftpd 20061217) ready.", "ftp | tnftpd | 20061217"),
		ftp("idea-ftp", "Idea FTP Server 0.83.213 (ftp.example.com) [192.0.2.21]", "ftp | Idea FTP Server | 0.83.213"),
		ftp("multicraft", "Multicraft 2.0.2 FTP server", "ftp | Multicraft ftpd | 2.0.2 | Minecraft server control panel"),
		ftp("medusa", "ftp.example.com FTP server (Medusa Async V2.43 [experimental]) ready.", "ftp | Medusa async ftpd | 2.43"),
		// The FTP servers of commercial Unix systems.
		ftp("solaris", "ftp.example.com FTP server (SunOS 5.10) ready.", "ftp | Solaris ftpd | | SunOS 5.10"),
		ftp("hp-ux", "ftp.example.com FTP server (Version 1.1.214.4(PHNE_38458) Mon Feb 15 06:03:12 GMT 2010) ready.", "ftp | HP-UX ftpd | 1.1.214.4 | patch PHNE_38458"),
		ftp("tru64", "ftp.example.com FTP server (Compaq Tru64 UNIX Version 5.60) ready.", "ftp | Tru64 UNIX ftpd | 5.60"),
		ftp("macosx-server", "ftp.example.com FTP server (Version:  Mac OS X Server 10.3 - +GSSAPI) ready.", "ftp | Mac OS X Server ftpd | | Mac OS X Server 10.3; GSSAPI"),
	)
}
