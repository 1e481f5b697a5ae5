package main

// one is a case with a single reply.
func one(dir, name string, port int, probe string, data []byte, source, expect string) devCase {
	return devCase{dir: dir, name: name, port: port, source: source, expect: expect, replies: []reply{r(probe, data)}}
}

// recog names the Recog file an observed banner is listed in.
func recog(file string) string { return "Rapid7 Recog xml/" + file + " example" }

// RTSP servers of cameras, recorders and streaming servers: the Server
// header of an OPTIONS reply (RFC 2326 12.36).
func init() {
	rtsp := func(name, server, src, expect string) devCase {
		return one("camera-rtsp", name, 554, "RTSPRequest", rtspReply(server, rtspPublic),
			"hand-made: RFC 2326 OPTIONS reply (10.1) with Server: \""+server+"\" as observed from the device ("+src+")", expect)
	}
	rf := recog("rtsp_servers.xml")
	add(
		rtsp("flussonic", "Flussonic (http://www.flussonic.com/) 20.01", rf, "rtsp | Flussonic Media Server | 20.01"),
		rtsp("hipcam", "Hipcam RealServer/V1.0", rf, "rtsp | Hipcam IP camera rtspd | V1.0"),
		rtsp("wmserver", "WMServer/9.5.6001.22609", rf, "rtsp | Microsoft Windows Media Services | 9.5.6001.22609"),
		rtsp("foscam", "HiIpcam/V100R003 VodServer/1.0.0", rf, "rtsp | Foscam IP camera rtspd | | HiIpcam V100R003"),
		rtsp("indigo", "Indigo-Security/1.0", rf, "rtsp | Indigo Security IP camera rtspd | 1.0"),
		rtsp("cisco-mediasense", "Cisco MediaSense Media Server", rf, "rtsp | Cisco MediaSense | |"),
		rtsp("avigilon", "AvigilonOnvifNvt/2.6.0.130", rf, "rtsp | Avigilon IP camera rtspd | 2.6.0.130"),
		rtsp("sony", "Linux/2.6.35.14_nl-xarina+ Ze-PRO", rf, "rtsp | Sony network camera rtspd | |"),
		rtsp("freebox", "fbxrtspd/1.2 Freebox RTSP server", rf, "rtsp | Freebox rtspd | 1.2"),
		one("camera-rtsp", "darwin", 554, "RTSPRequest",
			rtspReply("DSS/6.0.3 (Build/526.3; Platform/Linux; Release/Darwin Streaming Server; State/Experimental; )", rtspPublic),
			"hand-made: RFC 2326 OPTIONS reply with the Server header Apple Darwin Streaming Server 6.0.3 builds (its source, QTSServerInterface: \"DSS/<version> (Build/<build>; Platform/<os>; Release/<release>; State/<state>; )\")",
			"rtsp | Darwin Streaming Server | 6.0.3 | build 526.3; Linux"),
		one("media-rtsp", "airtunes", 7000, "RTSPRequest",
			[]byte("RTSP/1.0 200 OK\r\nPublic: ANNOUNCE, SETUP, RECORD, PAUSE, FLUSH, TEARDOWN, OPTIONS, GET_PARAMETER, SET_PARAMETER, POST, GET\r\nServer: AirTunes/220.68\r\n\r\n"),
			"hand-made: RFC 2326 OPTIONS reply of an AirPlay receiver (the Public list of the RAOP protocol) with Server: \"AirTunes/220.68\" as observed ("+recog("http_servers.xml")+")",
			"rtsp | Apple AirTunes rtspd | 220.68"),
	)
}

// SSH identification strings (RFC 4253 4.2) of appliances and of servers
// that run on systems not available here.
func init() {
	sf := recog("ssh_banners.xml")
	ssh := func(name string, ident []byte, src, expect string) devCase {
		return one("ssh", name, 22, "NULL", ident,
			"hand-made: RFC 4253 4.2 identification string \""+string(ident[:len(ident)-2])+"\" as observed from the device ("+src+")", expect)
	}
	add(
		ssh("arrayos", sshIdent("ArrayOS"), sf, "ssh | Array Networks sshd | | protocol 2.0"),
		ssh("romsshell", sshIdent("RomSShell_4.62"), sf, "ssh | Allegro RomSShell sshd | 4.62 | protocol 2.0"),
		ssh("draytek", sshIdent("DraySSH_2.0"), sf, "ssh | DrayTek Vigor sshd | 2.0 | protocol 2.0"),
		ssh("hp-ilo", sshIdent("mpSSH_0.0.1"), sf, "ssh | HP Integrated Lights-Out mpSSH | 0.0.1 | protocol 2.0"),
		ssh("vxworks-ipssh", sshIdent("IPSSH-6.9.0"), sf, "ssh | Wind River IPSSH | 6.9.0 | protocol 2.0"),
		ssh("cisco-wlc", sshIdent("CISCO_WLC"), sf, "ssh | Cisco Wireless LAN Controller sshd | | protocol 2.0"),
		ssh("netscreen", sshIdent("NetScreen"), sf, "ssh | Juniper NetScreen sshd | | protocol 2.0"),
		ssh("huawei-umg", sshIdent("HUAWEI-UMG8900"), sf, "ssh | Huawei UMG8900 media gateway sshd | | protocol 2.0"),
		ssh("huawei-vrp", sshIdent("HUAWEI-VRP-3.10"), sf, "ssh | Huawei VRP sshd | 3.10 | protocol 2.0"),
		ssh("ruijie", sshIdent("RGOS_SSH_1.0"), sf, "ssh | Ruijie RGOS sshd | 1.0 | protocol 2.0"),
		ssh("h3c-comware", sshIdent("Comware-5.20.105"), sf, "ssh | H3C Comware sshd | 5.20.105 | protocol 2.0"),
		ssh("netapp-ontap", sshIdent("Data ONTAP SSH 1.0"), sf, "ssh | NetApp Data ONTAP sshd | 1.0 | protocol 2.0"),
		ssh("lancom", sshIdent("lancom"), sf, "ssh | LANCOM sshd | | protocol 2.0"),
		ssh("mocana", sshIdent("Mocana SSH 5.3.1"), sf, "ssh | Mocana NanoSSH | 5.3.1 | protocol 2.0"),
		ssh("adtran", sshIdent("RomCliSecure_4.12"), sf, "ssh | ADTRAN NetVanta sshd | | RomCliSecure 4.12; protocol 2.0"),
		ssh("arris", sshIdent("ARRIS_0.50"), sf, "ssh | ARRIS sshd | 0.50 | protocol 2.0"),
		ssh("zyxel", sshIdent("Zyxel SSH server"), sf, "ssh | Zyxel firewall sshd | | protocol 2.0"),
		ssh("mikrotik-old", sshIdent("OpenSSH_2.3.0_Mikrotik_v2.9"), sf, "ssh | MikroTik RouterOS sshd | 2.9 | OpenSSH 2.3.0; protocol 2.0"),
		ssh("serv-u", sshIdent("Serv-U_7.4.0.1"), sf, "ssh | Serv-U SSH Server | 7.4.0.1 | protocol 2.0"),
		ssh("ws-ftp", sshIdent("WS_FTP-SSH_7.0"), sf, "ssh | Ipswitch WS_FTP sshd | 7.0 | protocol 2.0"),
		ssh("globalscape", sshIdent("1.82_sshlib Globalscape"), sf, "ssh | GlobalSCAPE EFT sshd | | sshlib 1.82; protocol 2.0"),
		ssh("moveit", sshIdent("MOVEit Transfer SFTP"), sf, "ssh | Progress MOVEit Transfer sshd | | protocol 2.0"),
		ssh("pragma", sshIdent("Pragma FortressSSH 5.0.9.2031"), sf, "ssh | Pragma FortressSSH | 5.0.9.2031 | protocol 2.0"),
		ssh("vshell", sshIdent("VShell_3_6_2_446 VShell"), sf, "ssh | VanDyke VShell sshd | 3.6.2.446 | protocol 2.0"),
		ssh("reflection", sshIdent("WRQReflectionForSecureIT_6.1 Build 21"), sf, "ssh | Attachmate Reflection for Secure IT sshd | 6.1 | build 21; protocol 2.0"),
		ssh("tectia", sshIdent("6.4.12.353 SSH Tectia Server"), sf, "ssh | SSH Tectia Server | 6.4.12.353 | protocol 2.0"),
		ssh("weonlydo", sshIdent("WeOnlyDo 2.4.3"), sf, "ssh | WeOnlyDo wodSSHServer | 2.4.3 | protocol 2.0"),
		ssh("xlight", sshIdent("xlightftpd_release_3.8.3.6.1"), sf, "ssh | Xlight FTP Server sshd | 3.8.3.6.1 | protocol 2.0"),
		ssh("rebex", sshIdent("RebexSSH_1.0.5.25508"), sf, "ssh | Rebex SSH server | 1.0.5.25508 | protocol 2.0"),
		ssh("sun-ssh", sshIdent("Sun_SSH_1.1"), sf, "ssh | SunSSH | 1.1 | protocol 2.0"),
		ssh("cleo", sshIdent("Cleo VLProxy/3.2 SSH FTP server"), sf, "ssh | Cleo VLProxy sshd | 3.2 | protocol 2.0"),
	)
}
