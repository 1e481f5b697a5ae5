package main

// Printers on the raw port (9100, JetDirect): the answer to @PJL INFO ID.
// The ID strings are the ones Rapid7 Recog's xml/hp_pjl_id.xml lists as
// observed from each printer family; the framing is HP's PJL Technical
// Reference Manual (INFO ID).
func init() {
	src := func(model string) string {
		return "hand-made: HP PJL Technical Reference Manual (INFO ID reply framing) with the ID string " +
			"\"" + model + "\" observed from the device (Rapid7 Recog xml/hp_pjl_id.xml example)"
	}
	pjl := func(name, model, expect string) devCase {
		return devCase{dir: "printer-pjl", name: name, source: src(model), expect: expect, port: 9100,
			replies: []reply{r("PJLInfoID", pjlID(model))}}
	}
	add(
		pjl("hp-laserjet", "HP LaserJet 4100 Series", "jetdirect | HP LaserJet printer | | HP LaserJet 4100 Series"),
		pjl("hp-color-laserjet", "HP Color LaserJet CP3525", "jetdirect | HP LaserJet printer | | HP Color LaserJet CP3525"),
		pjl("hp-designjet", "hp designjet 110plus", "jetdirect | HP Designjet plotter | | hp designjet 110plus"),
		pjl("hp-designjet-upper", "DESIGNJET 1050C", "jetdirect | HP Designjet plotter | | DESIGNJET 1050C"),
		pjl("hp-digital-sender", "HP 9250C Digital Sender", "jetdirect | HP Digital Sender | | HP 9250C Digital Sender"),
		pjl("xerox-colorqube", "Xerox ColorQube 8570DN", "jetdirect | Xerox ColorQube printer | | Xerox ColorQube 8570DN"),
		pjl("xerox-phaser", "Xerox Phaser 6180MFP-D", "jetdirect | Xerox Phaser printer | | Xerox Phaser 6180MFP-D"),
		pjl("xerox-workcentre", "Xerox WorkCentre 7425", "jetdirect | Xerox WorkCentre printer | | Xerox WorkCentre 7425"),
		pjl("brother", "Brother HL-1660e", "jetdirect | Brother printer | | Brother HL-1660e"),
		pjl("canon-ir", "iR C4080/C4580", "jetdirect | Canon imageRUNNER printer | | iR C4080/C4580"),
		pjl("dell-laser", "Dell Laser Printer 1710n", "jetdirect | Dell laser printer | | Dell Laser Printer 1710n"),
		pjl("dell-mfp", "Dell 2135cn MFP", "jetdirect | Dell multifunction printer | | Dell 2135cn MFP"),
		pjl("konica-minolta", "KM-5050", "jetdirect | Konica Minolta printer | | KM-5050"),
		pjl("kyocera-fs", "FS-C8500DN", "jetdirect | Kyocera FS printer | | FS-C8500DN"),
		pjl("kyocera-taskalfa", "TASKalfa 300ci", "jetdirect | Kyocera TASKalfa printer | | TASKalfa 300ci"),
		pjl("lexmark", "Lexmark C910", "jetdirect | Lexmark printer | | Lexmark C910"),
		pjl("oce-variolink", "Oce VL3200:8C5-D92:Ver.B", "jetdirect | Oce VarioLink printer | | Oce VL3200"),
		pjl("oki", "OKI C610", "jetdirect | OKI printer | | OKI C610"),
		pjl("ricoh-aficio", "RICOH Aficio AP610N", "jetdirect | Ricoh Aficio printer | | RICOH Aficio AP610N"),
		pjl("ricoh-nrg", "NRG MP 3350", "jetdirect | Ricoh NRG printer | | NRG MP 3350"),
		pjl("gestetner", "Gestetner MPC2500/DSc525", "jetdirect | Gestetner printer | | Gestetner MPC2500/DSc525"),
		pjl("savin", "SAVIN 4075", "jetdirect | Savin printer | | SAVIN 4075"),
		pjl("samsung-printer", "Samsung CLP-680 Series", "jetdirect | Samsung printer | | Samsung CLP-680 Series"),
		pjl("samsung-mfp", "Samsung SCX-5835_5935 Series", "jetdirect | Samsung multifunction printer | | Samsung SCX-5835_5935 Series"),
		pjl("sharp", "Sharp MX-NBX3 18-Mar-08 10:22", "jetdirect | Sharp printer | | Sharp MX-NBX3"),
		pjl("toshiba-estudio", "TOSHIBA e-STUDIO350 V468Z 20061013", "jetdirect | Toshiba e-STUDIO printer | | TOSHIBA e-STUDIO350"),
		pjl("source-technologies", "Source Technologies ST-9620", "jetdirect | Source Technologies printer | | Source Technologies ST-9620"),
		pjl("rsi-hydra", "HYDRA", "jetdirect | | | HYDRA"),
	)
}
