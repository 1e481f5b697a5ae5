package rawnet

import "sync/atomic"

// Counts are the packets this process sent and received on raw sockets, and their bytes: an
// IP packet counts with its IP header (the kernel writes it on send), an ARP message without
// its Ethernet header, as nmap counts them for "Raw packets sent: 4 (160B) | Rcvd: 4 (160B)".
type Counts struct {
	Sent, SentBytes int64
	Rcvd, RcvdBytes int64
}

// Sub is c minus an earlier reading: what was counted in between.
func (c Counts) Sub(earlier Counts) Counts {
	return Counts{c.Sent - earlier.Sent, c.SentBytes - earlier.SentBytes, c.Rcvd - earlier.Rcvd, c.RcvdBytes - earlier.RcvdBytes}
}

var totals struct{ sent, sentBytes, rcvd, rcvdBytes atomic.Int64 }

// Totals reads the counts since the process started. They are the whole process's: two
// scans that run at once in one process share them.
func Totals() Counts {
	return Counts{totals.sent.Load(), totals.sentBytes.Load(), totals.rcvd.Load(), totals.rcvdBytes.Load()}
}

func countSent(packets, bytes int) {
	totals.sent.Add(int64(packets))
	totals.sentBytes.Add(int64(bytes))
}

func countRcvd(packets, bytes int) {
	totals.rcvd.Add(int64(packets))
	totals.rcvdBytes.Add(int64(bytes))
}

// ipHeader is the length of the IP header the kernel adds to what an IP Conn sends (and that
// an IPv6 Conn's reads leave out).
func ipHeader(v6 bool) int {
	if v6 {
		return 40
	}
	return 20
}
