package main

import "fmt"

// Mail servers' greetings on the NULL probe: SMTP (RFC 5321 4.2, code 220),
// POP3 (RFC 1939 4, +OK), IMAP (RFC 3501 7.1.1, untagged OK) and NNTP
// (RFC 3977 5.1.1, code 200/201). The greeting texts are the ones Rapid7
// Recog lists as observed from each product (xml/smtp_banners.xml,
// pop_banners.xml, imap_banners.xml, nntp_banners.xml); its placeholder
// host "foo.bar" is written mail.example.com, and dates are the corpus's.
func init() {
	// epoch is the corpus time in an APOP timestamp (RFC 1939 7).
	epoch := fmt.Sprint(corpusTime.Unix())
	recog := func(file, what string) string {
		return "hand-made: " + what + " with the text Rapid7 Recog xml/" + file + " lists as observed from the product; host name and date are ours"
	}
	smtp := func(name, text, expect string) entCase {
		return one("mail", name, 25, "NULL", line("220 "+text), recog("smtp_banners.xml", "RFC 5321 4.2 greeting (220)"), expect)
	}
	pop := func(name, text, expect string) entCase {
		return one("mail", name, 110, "NULL", line("+OK "+text), recog("pop_banners.xml", "RFC 1939 section 4 greeting (+OK)"), expect)
	}
	imap := func(name, text, expect string) entCase {
		return one("mail", name, 143, "NULL", line("* OK "+text), recog("imap_banners.xml", "RFC 3501 7.1.1 greeting (untagged OK)"), expect)
	}
	nntp := func(name, text, expect string) entCase {
		return one("mail", name, 119, "NULL", line(text), recog("nntp_banners.xml", "RFC 3977 5.1.1 greeting (200)"), expect)
	}
	add(
		// IBM/HCL Domino names its release; older releases say Lotus.
		smtp("domino-ibm-smtp", "mail.example.com ESMTP Service (IBM Domino Release 9.0.1FP8 HF475) ready at Mon, 7 Dec 2026 11:00:00 +0100",
			"smtp | IBM Domino smtpd | 9.0.1FP8 | HF475"),
		smtp("domino-lotus-smtp", "mail.example.com ESMTP Service (Lotus Domino Release 8.5.3FP6 HF1944) ready at Mon, 7 Dec 2026 11:00:00 +0100",
			"smtp | Lotus Domino smtpd | 8.5.3FP6 | HF1944"),
		imap("domino-imap", "Domino IMAP4 Server Release 9.0.1FP9 ready Mon, 7 Dec 2026 11:00:00 +0100",
			"imap | IBM Domino imapd | 9.0.1FP9"),
		pop("domino-pop3", "Lotus Notes POP3 server version Release 8.5.1FP5 ready on mail/US.",
			"pop3 | Lotus Domino pop3d | 8.5.1FP5"),
		// Microsoft: Exchange 5.5's Internet Mail Service, the Windows
		// Server 2003 POP3 service and the IIS NNTP service.
		smtp("exchange-ims", "mail.example.com ESMTP Server (Microsoft Exchange Internet Mail Service 5.5.2653.13) ready",
			"smtp | Microsoft Exchange Internet Mail Service | 5.5.2653.13"),
		pop("windows-pop3", "Microsoft Windows POP3 Service Version 1.0 <4120."+epoch+"@mail> ready.",
			"pop3 | Microsoft Windows POP3 Service | 1.0"),
		nntp("ms-nntp", "200 NNTP Service 6.0.3790.3959 Version: 6.0.3790.3959 Posting Allowed",
			"nntp | Microsoft NNTP Service | 6.0.3790.3959 | posting allowed"),
		// Windows mail servers.
		smtp("mdaemon-smtp", "mail.example.com ESMTP MDaemon 4.0.2; Mon, 07 Dec 2026 11:00:00 +0100",
			"smtp | MDaemon smtpd | 4.0.2"),
		smtp("kerio-connect-smtp", "mail.example.com Kerio Connect 9.2.5 patch 3 ESMTP ready",
			"smtp | Kerio Connect smtpd | 9.2.5 patch 3"),
		nntp("kerio-connect-nntp", "200 Kerio Connect 9.2.6 patch 2 NNTP server ready",
			"nntp | Kerio Connect nntpd | 9.2.6 patch 2"),
		smtp("kerio-winroute-smtp", "mail.example.com ESMTP - WinRoute Pro 4.2.4",
			"smtp | Kerio WinRoute Pro smtpd | 4.2.4"),
		smtp("merak-smtp", "mail.example.com ESMTP Merak 8.0.3; Mon, 07 Dec 2026 12:00:00 +0200",
			"smtp | Merak Mail Server smtpd | 8.0.3"),
		smtp("mercury32-smtp", "mail.example.com Mercury/32 v3.30 ESMTP server ready.",
			"smtp | Mercury/32 smtpd | 3.30"),
		smtp("mailenable-smtp", "mail.example.com ESMTP MailEnable Service, Version: 10.27-- ready at 12/07/26 11:00:00",
			"smtp | MailEnable smtpd | 10.27"),
		pop("mailenable-pop3", "Welcome to MailEnable POP3 Server",
			"pop3 | MailEnable pop3d"),
		smtp("argosoft-smtp", "ArGoSoft Mail Server Pro for WinNT/2000/XP, Version 1.8 (1.8.9.5)",
			"smtp | ArGoSoft Mail Server smtpd | 1.8.9.5 | Pro"),
		smtp("imail-smtp", "mail.example.com (IMail 12.4.2.27 21349-1) NT-ESMTP Server X1",
			"smtp | Ipswitch IMail smtpd | 12.4.2.27"),
		smtp("mailsite-smtp", "mail.example.com MailSite ESMTP Receiver Version 10.2.0.0 Ready",
			"smtp | Rockliffe MailSite smtpd | 10.2.0.0"),
		smtp("slmail-smtp", "mail.example.com SMTP Server SLmail 5.5.0.4433 Ready ESMTP spoken here",
			"smtp | Seattle Lab SLMail smtpd | 5.5.0.4433"),
		smtp("ntmail-smtp", "mail.example.com NTMail (v7.02.3037/NU1319.01.5b000000) ready for ESMTP transfer",
			"smtp | Gordano NTMail smtpd | 7.02.3037"),
		smtp("mercur-smtp", "MERCUR SMTP-Server (v3.30.09 SA-0000005) for Windows NT ready at Mon, 7 Dec 2026  11:00:00 +0100",
			"smtp | MERCUR smtpd | 3.30.09"),
		smtp("vpop3-smtp", "mail.example.com VPOP3 ESMTP Server Ready",
			"smtp | VPOP3 smtpd"),
		smtp("winwebmail-smtp", "ESMTP on WinWebMail [3.9.0.7] ready.  http://www.winwebmail.com",
			"smtp | WinWebMail smtpd | 3.9.0.7"),
		smtp("pmailserver-smtp", "mail.example.com ESMTP PMailServer 1.78; Mon,  7 Dec 2026 11:00:00",
			"smtp | A.K.I PMailServer smtpd | 1.78"),
		smtp("tobit-david-smtp", "mail.example.com Service ready by David.fx (0486) ESMTP Server (Tobit.Software, Germany)",
			"smtp | Tobit David smtpd"),
		pop("cmailserver-pop3", "CMailServer 5.0.0 POP3 Service Ready",
			"pop3 | CMailServer pop3d | 5.0.0"),
		pop("blackjumbodog-pop3", "BlackJumboDog (Version 5.7.5.0) ready",
			"pop3 | BlackJumboDog pop3d | 5.7.5.0"),
		// Groupware suites.
		smtp("groupwise-smtp", "mail.example.com GroupWise Internet Agent 14.2.1  Copyright 1993-2016 Novell, Inc., a Micro Focus Company. All rights reserved. Ready",
			"smtp | GroupWise Internet Agent | 14.2.1"),
		imap("zimbra-imap", "mail.example.com Zimbra IMAP4rev1 server ready",
			"imap | Zimbra imapd"),
		imap("zimbra-imap-version", "mail.example.com Zimbra 7.0.0_GA_3079 IMAP4rev1 server ready",
			"imap | Zimbra imapd | 7.0.0_GA_3079"),
		pop("zimbra-pop3", "mail.example.com Zimbra POP3 server ready",
			"pop3 | Zimbra pop3d"),
		smtp("communigate-smtp", "mail.example.com ESMTP CommuniGate Pro 6.2c3",
			"smtp | CommuniGate Pro smtpd | 6.2c3"),
		smtp("james-smtp", "mail.example.com SMTP Server (JAMES SMTP Server 2.3.2) ready Mon, 7 Dec 2026 11:00:00 +0100 (CET)",
			"smtp | Apache James smtpd | 2.3.2"),
		smtp("netscape-messaging-smtp", "mail.example.com ESMTP service (Netscape Messaging Server 4.15 Patch 7 (built Sep 12 2001))",
			"smtp | Netscape Messaging Server smtpd | 4.15 Patch 7"),
		smtp("sims-smtp", "mail.example.com -- Server ESMTP (Sun Internet Mail Server sims.4.0.2000.10.12.16.25.p8)",
			"smtp | Sun Internet Mail Server smtpd | 4.0.2000.10.12.16.25.p8"),
		smtp("postoffice-smtp", "mail.example.com ESMTP server (post.office v3.8.4 release 116 ID# 1001-65749U100L10S0V38) ready Mon, 7 Dec 2026 19:00:00 +0900",
			"smtp | Post.Office smtpd | 3.8.4 | release 116"),
		smtp("appleshare-smtp", "mail.example.com AppleShare IP Mail Server 6.2.1 SMTP Server Ready",
			"smtp | AppleShare IP Mail Server smtpd | 6.2.1"),
		smtp("eudora-smtp", "mail.example.com running Eudora Internet Mail Server 3.0.2",
			"smtp | Eudora Internet Mail Server smtpd | 3.0.2"),
		smtp("ibm-vm-smtp", "mail.example.com running IBM VM SMTP Level 640 on Mon, 7 Dec 2026 02:00:00 PST",
			"smtp | IBM VM smtpd | Level 640"),
		pop("qpopper-pop3", "Qpopper (version 4.0.16) at mail.example.com starting.  <31337."+epoch+"@mail.example.com>",
			"pop3 | Qpopper pop3d | 4.0.16"),
		// Mail transfer agents and gateways for bulk mail and filtering.
		smtp("powermta-smtp", "mail.example.com (PowerMTA(TM) v3.2r24) ESMTP service ready",
			"smtp | PowerMTA smtpd | 3.2r24"),
		smtp("ecelerity-smtp", "mail.example.com ESMTP ecelerity 4.2.37.61980 r(:) Mon, 07 Dec 2026 10:00:00 +0000",
			"smtp | Message Systems Ecelerity smtpd | 4.2.37.61980"),
		smtp("zmailer-smtp", "mail.example.com ZMailer Server 2.99.57 #1 ESMTP ready at Mon, 7 Dec 2026 13:00:00 +0300",
			"smtp | ZMailer smtpd | 2.99.57"),
		smtp("symantec-smg-smtp", "mail.example.com ESMTP Symantec Messaging Gateway",
			"smtp | Symantec Messaging Gateway smtpd"),
		smtp("sonicwall-es-smtp", "mail.example.com ESMTP SonicWall (9.1.1.3113)",
			"smtp | SonicWall Email Security smtpd | 9.1.1.3113"),
		smtp("mailsweeper-smtp", "mail.example.com MAILsweeper ESMTP Receiver Version 4.2.1.0 Ready",
			"smtp | Clearswift MAILsweeper smtpd | 4.2.1.0"),
		smtp("vopmail-smtp", "mail.example.com VOPmail ESMTP Receiver Version 4.0.179.0 Ready",
			"smtp | Vircom VOPmail smtpd | 4.0.179.0"),
		smtp("webshield-smtp", "mail.example.com WebShield SMTP V4.5 MR1a Network Associates, Inc. Ready at Mon Dec  7 10:00:00 2026",
			"smtp | McAfee WebShield smtpd | 4.5 MR1a"),
		smtp("lyris-smtp", "mail.example.com ESMTP Lyris ListManager service ready",
			"smtp | Lyris ListManager smtpd"),
		nntp("lyris-nntp", "200 mail.example.com Lyris ListManager NNTP Service ready (posting ok).",
			"nntp | Lyris ListManager nntpd | | posting allowed"),
	)
}
