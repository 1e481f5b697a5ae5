package main

// Phones, adapters, gateways and PBXs answering SIP OPTIONS over UDP
// (RFC 3261 11.2). The User-Agent (RFC 3261 20.41) and Server (20.35)
// values are the ones Rapid7 Recog's xml/sip_user_agents.xml and
// xml/sip_banners.xml list as observed from each device.
func init() {
	sip := func(name, header, value, file, expect string) devCase {
		return devCase{dir: "voip-sip", name: name, port: 5060, udp: true,
			source: "hand-made: RFC 3261 OPTIONS response (8.2.6, 11.2) carrying " + header + ": \"" + value +
				"\" as observed from the device (Rapid7 Recog xml/" + file + " example)",
			expect:  expect,
			replies: []reply{r("SIPOptions", sipReply(header, value))}}
	}
	ua, srv := "User-Agent", "Server"
	uaf, srvf := "sip_user_agents.xml", "sip_banners.xml"
	add(
		sip("grandstream-ht802", ua, "Grandstream HT802 1.0.3.2", uaf, "sip | Grandstream HandyTone ATA | 1.0.3.2 | HT802"),
		sip("grandstream-ht818", ua, "Grandstream HT818 1.0.8.7", uaf, "sip | Grandstream HandyTone ATA | 1.0.8.7 | HT818"),
		sip("grandstream-gxp", ua, "Grandstream GXP2135 1.0.9.108", uaf, "sip | Grandstream GXP VoIP phone | 1.0.9.108 | GXP2135"),
		sip("grandstream-ucm", srv, "Grandstream UCM6208V1.4A 1.0.16.20", srvf, "sip | Grandstream UCM IP PBX | 1.0.16.20 | UCM6208V1.4A"),
		sip("cisco-spa122", srv, "Cisco/SPA122-1.3.5(004p)", srvf, "sip | Cisco SPA phone adapter | 1.3.5(004p) | SPA122"),
		sip("linksys-spa922", srv, "Linksys/SPA922-6.1.5(a)", srvf, "sip | Linksys SPA VoIP phone | 6.1.5(a) | SPA922"),
		sip("linksys-pap2", srv, "Linksys/PAP2-3.1.22(LS)", srvf, "sip | Linksys PAP2 phone adapter | 3.1.22(LS)"),
		sip("cisco-srp", srv, "Cisco/SRP541-1.2.6(003)", srvf, "sip | Cisco SRP router | 1.2.6(003) | SRP541"),
		sip("cisco-sipgateway", srv, "Cisco-SIPGateway/IOS-15.2.4.M3", srvf, "sip | Cisco IOS SIP gateway | | IOS 15.2.4.M3"),
		sip("cisco-cp", srv, "Cisco-CP7960G/8.0", srvf, "sip | Cisco IP Phone | 8.0 | CP7960G"),
		sip("cisco-ata", ua, "Cisco-ATA187/9.2.3", uaf, "sip | Cisco ATA phone adapter | 9.2.3 | ATA187"),
		sip("cisco-roomos", srv, "TANDBERG/529 (ce9.15.0.d97b604b745) Cisco-RoomKit", srvf, "sip | Cisco TelePresence endpoint | ce9.15.0.d97b604b745 | Cisco-RoomKit"),
		sip("cisco-tc", srv, "TANDBERG/516 (TC5.1.4.295090)", srvf, "sip | Cisco TelePresence endpoint | TC5.1.4.295090 |"),
		sip("cisco-expressway", srv, "TANDBERG/4137 (X12.5.2 (TEST SW))", srvf, "sip | Cisco Expressway | X12.5.2"),
		sip("polycom-vvx", ua, "PolycomVVX-VVX_350-UA/5.8.0.13337", uaf, "sip | Polycom VVX phone | 5.8.0.13337 | VVX 350"),
		sip("polycom-trio", ua, "PolycomRealPresenceTrio-Trio_8800-UA/5.4.0.12197", uaf, "sip | Polycom RealPresence Trio | 5.4.0.12197 | Trio 8800"),
		sip("polycom-hdx", ua, "Polycom HDX 9006 (Release - 3.0.6-37004)", uaf, "sip | Polycom HDX video conferencing | 3.0.6-37004 | HDX 9006"),
		sip("polycom-group", ua, "PolycomRealPresenceGroup700/6.2.0", uaf, "sip | Polycom RealPresence Group | 6.2.0 | Group 700"),
		sip("avm-fritzbox", ua, "AVM FRITZ!Box Fon 06.03.65 (Jun  7 2005)", uaf, "sip | AVM FRITZ!Box | 06.03.65 | FRITZ!Box Fon"),
		sip("huawei-echolife", ua, "HUAWEI-EchoLife HG8121H/V3R018C00S110", uaf, "sip | Huawei EchoLife ONT | V3R018C00S110 | HG8121H"),
		sip("huawei-softx3000", ua, "Huawei SoftX3000 V300R010", uaf, "sip | Huawei SoftX3000 softswitch | V300R010"),
		sip("huawei-homegateway", ua, "Huawei-HomeGateway/V100R001", uaf, "sip | Huawei Home Gateway | V100R001"),
		sip("mitel-phone", ua, "Mitel-5320-SIP-Phone 06.05.00.11 010203040506", uaf, "sip | Mitel SIP phone | 06.05.00.11 | 5320"),
		sip("mitel-border-gw", ua, "Mitel Border GW/4.0.0.9", uaf, "sip | Mitel Border Gateway | 4.0.0.9"),
		sip("aastra", srv, "Aastra 6865i/4.2.0.2023", srvf, "sip | Aastra SIP phone | 4.2.0.2023 | 6865i"),
		sip("audiocodes", srv, "Audiocodes-Sip-Gateway-MP-124 FXS/v.6.00A.034.003", srvf, "sip | AudioCodes MediaPack gateway | 6.00A.034.003 | MP-124 FXS"),
		sip("wildix", srv, "Wildix GW-5.0.3.42145", srvf, "sip | Wildix gateway | 5.0.3.42145"),
		sip("nec-sv9100", srv, "NEC SV9100-GE 09.00.60/2.1", srvf, "sip | NEC UNIVERGE SV9100 | 09.00.60 | SV9100-GE"),
		sip("nec-sv8100", srv, "NEC SV8100-GE 08.00.65/2.1", srvf, "sip | NEC UNIVERGE SV8100 | 08.00.65 | SV8100-GE"),
		sip("nec-sl2100", srv, "NEC SL2100/2.1", srvf, "sip | NEC SL2100 | |"),
		sip("shoretel", ua, "ShoreGear/21.90.4128.0 (ShoreTel 15)", uaf, "sip | ShoreTel ShoreGear voice switch | 21.90.4128.0 | ShoreTel 15"),
		sip("fortivoice", ua, "FortiVoice/7.31b00", uaf, "sip | Fortinet FortiVoice | 7.31b00"),
		sip("communigate", srv, "CommuniGatePro/6.2.14", srvf, "sip | CommuniGate Pro | 6.2.14"),
		sip("starface", srv, "STARFACE PBX", srvf, "sip | STARFACE PBX | |"),
		sip("freepbx", srv, "FPBX-12.0.70(11.20.0)", srvf, "sip | FreePBX | 12.0.70 | Asterisk 11.20.0"),
		sip("ingate-firewall", srv, "Ingate-Firewall/5.0.10", srvf, "sip | Ingate Firewall | 5.0.10"),
		sip("ingate-siparator", srv, "SIParator/6.0.4", srvf, "sip | Ingate SIParator | 6.0.4"),
		sip("algo", srv, "Algo-8186/1.7", srvf, "sip | Algo SIP endpoint | 1.7 | 8186"),
		sip("eltex-tau", ua, "TAU-8.IP/2.6.3 SN/VI12345678", uaf, "sip | Eltex TAU VoIP gateway | 2.6.3 | TAU-8.IP"),
		sip("eltex-smg", ua, "Eltex smg_pa_sip smg_pa_sip-3.9.1.50", uaf, "sip | Eltex SMG VoIP gateway | 3.9.1.50"),
		sip("unify-openstage", srv, "OpenStage_40_V3 R5.13.0      SIP  190111", srvf, "sip | Unify OpenStage phone | R5.13.0 | OpenStage 40 V3"),
		sip("gigaset", ua, "DX800A/41.175.00.000.000", uaf, "sip | Gigaset DX800A | 41.175.00.000.000"),
		sip("sangoma", ua, "Sangoma S305 V3.0.4.72", uaf, "sip | Sangoma IP phone | 3.0.4.72 | S305"),
		sip("tplink", ua, "TP-Link SIP Stack V1.0.0", uaf, "sip | TP-Link VoIP router | 1.0.0"),
		sip("dlink", ua, "DLink VoIP Stack", uaf, "sip | D-Link VoIP router | |"),
		sip("technicolor", ua, "Technicolor TG789vn v3 Build 10.5.2.Z.EC", uaf, "sip | Technicolor gateway | 10.5.2.Z.EC | TG789vn v3"),
		sip("thomson", ua, "Thomson TG784n Build 8.4.H.F", uaf, "sip | Thomson gateway | 8.4.H.F | TG784n"),
		sip("zte-zxhn", srv, "ZXHN H218N/V1.02.01_ERS", srvf, "sip | ZTE ZXHN gateway | V1.02.01_ERS | H218N"),
		sip("media5", srv, "M5T SIP Stack/4.1.2.2", srvf, "sip | Media5 M5T SIP stack | 4.1.2.2"),
		sip("openser", srv, "OpenSER (1.3.2-notls (sh4/linux))", srvf, "sip | OpenSER | 1.3.2 | sh4/linux"),
		sip("valcom", ua, "Valcom VIP-204 sw1.50.28", uaf, "sip | Valcom IP device | 1.50.28 | VIP-204"),
		sip("dialogic", srv, "PBX-IP Media Gateway/2.1", srvf, "sip | Dialogic PBX-IP Media Gateway | 2.1"),
		sip("axis-door-station", ua, "AXIS A8105-E Network Video Door Station", uaf, "sip | AXIS network video door station | | A8105-E"),
		sip("axis-audio", ua, "AXIS C3003-E Network Horn Speaker", uaf, "sip | AXIS network audio device | | C3003-E Network Horn Speaker"),
		sip("tilgin", srv, "Tilgin Vood HG238x_ESx000-02_07_03_26", srvf, "sip | Tilgin Vood gateway | | HG238x_ESx000-02_07_03_26"),
		sip("crestron-mercury", ua, "MERCURY-00107F1ABAA0", uaf, "sip | Crestron Mercury | |"),
	)
}
