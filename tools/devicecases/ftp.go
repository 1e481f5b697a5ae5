package main

import "strings"

// FTP greetings (RFC 959 4.2, reply 220) of printers, cameras, NAS,
// routers and power devices, as Rapid7 Recog's xml/ftp_banners.xml
// examples record the text after the reply code.
func init() {
	b := func(name, text, expect string) devCase {
		if !strings.HasPrefix(text, "220 ") {
			text = "220 " + text
		}
		return one("ftp", name, 21, "NULL", []byte(text+"\r\n"),
			"hand-made: RFC 959 220 greeting with the text observed from the device ("+recog("ftp_banners.xml")+")", expect)
	}
	add(
		b("apc", "APC FTP server ready.", "ftp | APC ftpd | |"),
		b("apc-nmc", "AP7932 Network Management Card AOS v3.3.4 FTP server ready.", "ftp | APC Network Management Card ftpd | 3.3.4 | AP7932"),
		b("emc-celerra", "foo2 FTP server (EMC-SNAS: 5.6.50.203) ready.", "ftp | EMC Celerra ftpd | 5.6.50.203 |"),
		b("hp-jetdirect", "JD FTP Server Ready", "ftp | HP JetDirect ftpd | |"),
		b("checkpoint", "Check Point FireWall-1 Secure FTP server running on host", "ftp | Check Point FireWall-1 ftp proxy | |"),
		b("bluecoat", "Blue Coat FTP Service", "ftp | Blue Coat ftp proxy | |"),
		b("ibm-zos", "SFTPD1 IBM FTP CS V1R4 at x.y.z, 21:02:19 on 2007-12-15.", "ftp | IBM z/OS ftpd | V1R4 |"),
		b("ibm-4690", "FTP server (IBM 4690 TCP/IP FTP Version 1.0) ready.", "ftp | IBM 4690 ftpd | 1.0 |"),
		b("dlink-dcs", "hostname DCS-2100 FTP server ready.", "ftp | D-Link DCS camera ftpd | | DCS-2100"),
		b("sun-storedge", "SUN StorEdge 3511 RAID FTP server ready.", "ftp | Sun StorEdge ftpd | | 3511 RAID"),
		b("axis-camera", "AXIS 216FD Network Fixed Dome Camera 4.47 (Mar 13 2008) ready.", "ftp | AXIS network camera ftpd | 4.47 | 216FD Network Fixed Dome Camera"),
		b("axis-camera-old", "Axis 2100 Network Camera 2.43 Nov 04 2008 ready.", "ftp | AXIS network camera ftpd | 2.43 | 2100 Network Camera"),
		b("axis-encoder", "AXIS 241Q Video Server 4.47.2 (Dec 11 2008) ready.", "ftp | AXIS video encoder ftpd | 4.47.2 | 241Q Video Server"),
		b("axis-door", "AXIS A1001 Network Door Controller 1.65.1.1 (2018) ready.", "ftp | AXIS door controller ftpd | 1.65.1.1 | A1001 Network Door Controller"),
		b("axis-print-server", "AXIS 5600+ (rev 3) FTP Network Print Server V7.00 Sep 10 2004 ready.", "ftp | AXIS print server ftpd | V7.00 | 5600+ (rev 3)"),
		b("ricoh-aficio", "RICOH Aficio SP 4210N FTP server (8.63) ready.", "ftp | Ricoh Aficio printer ftpd | 8.63 | SP 4210N"),
		b("ricoh-nrg", "NRG MP C2800 FTP server (8.25) ready.", "ftp | Ricoh NRG printer ftpd | 8.25 | MP C2800"),
		b("xerox-wide", "XEROX 6204 Wide Format FTP server ready", "ftp | Xerox wide format printer ftpd | | 6204"),
		b("fuji-xerox", "FUJI XEROX DocuPrint C1190 FS", "ftp | Fuji Xerox DocuPrint ftpd | | C1190 FS"),
		b("lexmark", "ET000400CEA560 Lexmark T640 FTP Server NS.NP.N219 ready.", "ftp | Lexmark printer ftpd | NS.NP.N219 | T640"),
		b("kyocera-ecosys", "220 ECOSYS P2135dn FTP server", "ftp | Kyocera ECOSYS printer ftpd | | P2135dn"),
		b("kyocera-taskalfa", "TASKalfa 300ci FTP server", "ftp | Kyocera TASKalfa printer ftpd | | 300ci"),
		b("kyocera-fs", "FS-1370DN FTP server", "ftp | Kyocera FS printer ftpd | | FS-1370DN"),
		b("savin", "SAVIN 4075 FTP server (4.08) ready.", "ftp | Savin printer ftpd | 4.08 | 4075"),
		b("oce-im", "Oce im4512 Ver 01.04.00.0c FTP server.", "ftp | Oce printer ftpd | 01.04.00.0c | im4512"),
		b("oce-plotwave", "Oce Plotwave300 FTP Service (Version 4.5.7).", "ftp | Oce PlotWave ftpd | 4.5.7 | Plotwave300"),
		b("gestetner", "Gestetner MP C4502 FTP server (11.77) ready.", "ftp | Gestetner printer ftpd | 11.77 | MP C4502"),
		b("lexmark-marknet", "EUFSALE MarkNet X2011e FTP Server 4.20.21 ready.", "ftp | Lexmark MarkNet print server ftpd | 4.20.21 | X2011e"),
		b("toshiba", "ET0004001E9C00 TOSHIBA e-STUDIO500S FTP Server NC2.NPS.N221 ready.", "ftp | Toshiba e-STUDIO printer ftpd | NC2.NPS.N221 | e-STUDIO500S"),
		b("sharp", "SHARP MX-6200N Ver 01.02.00.0e FTP server.", "ftp | Sharp printer ftpd | 01.02.00.0e | MX-6200N"),
		b("dell", "ET0021B71A1111 Dell 2350dn Laser Printer FTP Server NR.APS.N449 ready.", "ftp | Dell laser printer ftpd | NR.APS.N449 | 2350dn"),
		b("zebra", "ZBR-46686 Version 7.02 ready.", "ftp | Zebra ZebraNet print server ftpd | 7.02 |"),
		b("konica", "KM23BC97 FTP server (KM FTPD version 1.00) ready.", "ftp | Konica Minolta printer ftpd | 1.00 |"),
		b("efi", "EFI FTP Print server ready.", "ftp | EFI Fiery print controller ftpd | |"),
		b("sato", "SATO SATO PRINTER Ver A1.2.3 FTP server.", "ftp | SATO printer ftpd | A1.2.3 |"),
		b("cisco-telepresence", "Welcome to the Cisco TelePresence AM GW 3610, version 1.1(1.34) ", "ftp | Cisco TelePresence ftpd | 1.1(1.34) | AM GW 3610"),
		b("asus", "Welcome to ASUS RT-AC68U FTP service.", "ftp | Asus router ftpd | | RT-AC68U"),
		b("fritzbox", "FRITZ!Box7490 FTP server ready.", "ftp | AVM FRITZ!Box ftpd | | 7490"),
		b("speedport", "Speedport W 921V FTP Server v1.39.000 ready", "ftp | Telekom Speedport ftpd | 1.39.000 | W 921V"),
		b("synology-ds", "DiskStation FTP server ready.", "ftp | Synology DiskStation ftpd | |"),
		b("synology", "Synology FTP server ready.", "ftp | Synology DiskStation ftpd | |"),
		b("wd-mybooklive", "\"Welcome to MyBookLive\"", "ftp | WD My Book Live ftpd | |"),
		b("zywall", "FTP Server (ZyWALL USG100-PLUS) [::ffff:192.168.5.101]", "ftp | ZyXEL ZyWALL ftpd | | USG100-PLUS"),
		b("tplink", "TP-LINK FTP version 1.0 ready at Wed May  1 20:51:49 2019", "ftp | TP-LINK ftpd | 1.0 |"),
		b("sofrel", "Sofrel S500 SN 01-499-00427  ready. Time is 00:11:39 01/11/16.", "ftp | Sofrel RTU ftpd | | S500"),
		b("honeywell-printer", "Welcome to Honeywell Printer PM43c", "ftp | Honeywell printer ftpd | | PM43c"),
		b("cyberpower", "CyberPower Systems FTP Server Ready.", "ftp | CyberPower UPS ftpd | |"),
		b("servertech", "Sentry Switched PDU v8.0w FTP server ready.", "ftp | Server Technology Sentry ftpd | 8.0w | Switched PDU"),
		b("esi", "ESI-2941B Version 6.34 ready.", "ftp | Extended Systems ExtendNet print server ftpd | 6.34 | ESI-2941B"),
		b("elan", "HomeLogic FTP Server Please Give User Name", "ftp | ELAN HomeLogic ftpd | |"),
		b("linkcom", "LinkCom Xpress 10/100 +IPDS FTP version 1.0 ready", "ftp | MPI LinkCom Xpress ftpd | 1.0 |"),
	)
}
