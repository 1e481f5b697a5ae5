package main

// s7SZL11 is a CPU's answer to the s7-szl probe: COTP Connection Confirm
// (RFC 1006 / ISO 8073), the S7 Setup Communication ack and the userdata
// response to Read SZL 0x0011 index 0 (module identification): records 1
// (module), 6 (basic hardware) and 7 (firmware "V" x.y.z), each an index,
// a 20-byte order number and three words, as the Snap7 project documents
// the S7comm layout.
func s7SZL11(order string, fw [3]byte) []byte {
	mlfb := []byte(order)
	for len(mlfb) < 20 {
		mlfb = append(mlfb, ' ')
	}
	tpkt := func(body []byte) []byte { return cat([]byte{3, 0}, be16(len(body)+4), body) }
	cc := tpkt([]byte{0x11, 0xd0, 0, 1, 0, 1, 0, 0xc0, 1, 0x0a, 0xc1, 2, 1, 0, 0xc2, 2, 1, 2})
	setup := tpkt(cat([]byte{2, 0xf0, 0x80}, []byte{0x32, 3, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0}, []byte{0xf0, 0, 0, 1, 0, 1, 0, 0xf0}))
	rec := func(index int, mlfb []byte, words []byte) []byte { return cat(be16(index), mlfb, words) }
	blank := []byte("                    ")
	records := cat(
		rec(1, mlfb, []byte{0, 0xc0, 0, 5, 0, 0}),
		rec(6, mlfb, []byte{0, 0xc0, 0, 5, 0, 0}),
		rec(7, blank, []byte{0, 0, 'V', fw[0], fw[1], fw[2]}),
	)
	szl := cat(be16(0x0011), be16(0), be16(28), be16(3), records)
	data := cat([]byte{0xff, 0x09}, be16(len(szl)), szl)
	param := []byte{0, 1, 0x12, 8, 0x12, 0x84, 1, 1, 0, 0, 0, 0}
	hdr := cat([]byte{0x32, 7, 0, 0, 0, 0}, be16(len(param)), be16(len(data)))
	return cat(cc, setup, tpkt(cat([]byte{2, 0xf0, 0x80}, hdr, param, data)))
}

// finsControllerData is a PLC's answer to FINS CONTROLLER DATA READ
// (command 05 01; Omron FINS Commands Reference Manual W227, 5-3-1): the
// FINS response header with the addresses swapped, the command code, end
// code 0000, the controller model and version (20 bytes each, space
// padded), 40 bytes for system use and the 12-byte area data.
func finsControllerData(model, version string) []byte {
	pad := func(x string) []byte {
		b := []byte(x)
		for len(b) < 20 {
			b = append(b, ' ')
		}
		return b
	}
	hdr := []byte{0xc0, 0, 2, 0, 0x63, 0, 0, 0, 0, 0xef}
	area := []byte{0, 0x3c, 0x17, 0x7f, 0xff, 0, 0x0a, 0x00, 0x20, 0, 0, 0}
	return cat(hdr, []byte{5, 1, 0, 0}, pad(model), pad(version), make([]byte, 40), area)
}

// ipmiChannelAuth is a BMC's answer to Get Channel Authentication
// Capabilities over RMCP (IPMI v2.0 rev 1.1, 13.1.3 RMCP, 13.6 session
// header, 22.13 the command): channel 1, MD5 and password auth, per-message
// auth, IPMI 2.0 extended capabilities.
func ipmiChannelAuth() []byte {
	// rsAddr, netFn/rsLUN (0x1c = response to App 0x06), checksum, rqAddr,
	// rqSeq/rqLUN, command 0x38, completion code, data, checksum.
	msg := []byte{0x81, 0x1c, 0x63, 0x20, 0x00, 0x38, 0x00, 0x01, 0x96, 0x04, 0x02, 0, 0, 0, 0}
	var sum byte
	for _, c := range msg[3:] {
		sum += c
	}
	msg = append(msg, -sum)
	return cat([]byte{0x06, 0x00, 0xff, 0x07}, []byte{0x00}, le32(0), le32(0), []byte{byte(len(msg))}, msg)
}

func init() {
	add(
		one("ics", "s7-1500", 102, "s7-szl", s7SZL11("6ES7 516-3AN01-0AB0", [3]byte{2, 8, 1}),
			"hand-made: the S7comm layout documented by the Snap7 project (CC, setup ack, SZL 0x0011) with the order number of a CPU 1516-3 PN/DP from Siemens' S7-1500 catalog (6ES7 516-3AN01-0AB0) and firmware V2.8.1",
			"iso-tsap | Siemens S7-1500 PLC | 2.8.1 | module 6ES7 516-3AN01-0AB0"),
		one("ics", "s7-400", 102, "s7-szl", s7SZL11("6ES7 412-2EK06-0AB0", [3]byte{6, 0, 3}),
			"hand-made: the S7comm layout documented by the Snap7 project (CC, setup ack, SZL 0x0011) with the order number of a CPU 412-2 PN from Siemens' S7-400 catalog (6ES7 412-2EK06-0AB0) and firmware V6.0.3",
			"iso-tsap | Siemens S7-400 PLC | 6.0.3 | module 6ES7 412-2EK06-0AB0"),
		devCase{dir: "ics", name: "omron-cj2", port: 9600, udp: true, expect: "omron-fins | Omron CJ2 PLC | | CJ2M-CPU31",
			source:  "hand-made: Omron FINS Commands Reference Manual (W227) 5-3-1 CONTROLLER DATA READ response, with the model of a CJ2M-CPU31 (Omron CJ2M catalog)",
			replies: []reply{r("fins-controller-data", finsControllerData("CJ2M-CPU31", "02.01"))}},
		devCase{dir: "ics", name: "omron-cs1", port: 9600, udp: true, expect: "omron-fins | Omron CS1 PLC | | CS1G-CPU42H",
			source:  "hand-made: Omron FINS Commands Reference Manual (W227) 5-3-1 CONTROLLER DATA READ response, with the model of a CS1G-CPU42H (Omron CS1 catalog)",
			replies: []reply{r("fins-controller-data", finsControllerData("CS1G-CPU42H", "04.00"))}},
		devCase{dir: "ics", name: "omron-cp1", port: 9600, udp: true, expect: "omron-fins | Omron CP1 PLC | | CP1L-EM40DT-D",
			source:  "hand-made: Omron FINS Commands Reference Manual (W227) 5-3-1 CONTROLLER DATA READ response, with the model of a CP1L-EM40DT-D (Omron CP1L catalog)",
			replies: []reply{r("fins-controller-data", finsControllerData("CP1L-EM40DT-D", "01.10"))}},
		devCase{dir: "ics", name: "omron-nj", port: 9600, udp: true, expect: "omron-fins | Omron NJ PLC | | NJ501-1300",
			source:  "hand-made: Omron FINS Commands Reference Manual (W227) 5-3-1 CONTROLLER DATA READ response, with the model of an NJ501-1300 (Omron NJ catalog)",
			replies: []reply{r("fins-controller-data", finsControllerData("NJ501-1300", "01.40"))}},
		one("ics", "iec-104", 2404, "iec104-testfr", []byte{0x68, 0x04, 0x83, 0x00, 0x00, 0x00},
			"hand-made: IEC 60870-5-104 5.1 U-format APDU, TESTFR con answering our TESTFR act",
			"iec-104 | | |"),
		devCase{dir: "bmc", name: "ipmi", port: 623, udp: true, expect: "asf-rmcp | IPMI baseboard management controller | | IPMI 2.0",
			source:  "hand-made: IPMI v2.0 rev 1.1 (13.1.3 RMCP header, 13.6 session header, 22.13 Get Channel Authentication Capabilities response)",
			replies: []reply{r("ipmi-channel-auth", ipmiChannelAuth())}},
	)
}
