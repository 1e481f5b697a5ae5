//go:build pcre2 && cgo

package pcre_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/signetscan/signet/pcre"
	"github.com/signetscan/signet/pcre/libpcre2"
)

// quickSubjects is a small built-in corpus for TestQuickDiff (the full
// corpus lives in testdata/corpus and is used by the differential harness).
func quickSubjects() [][]byte {
	s := []string{
		"",
		"\n",
		"220 mail.example.com ESMTP Postfix (Debian/GNU)\r\n",
		"220 ProFTPD 1.3.5 Server (Debian) [::ffff:127.0.0.1]\r\n",
		"SSH-2.0-OpenSSH_8.4p1 Debian-5+deb11u1\r\n",
		"SSH-1.99-Cisco-1.25\n",
		"HTTP/1.1 200 OK\r\nDate: Tue, 01 Jan 2019 00:00:00 GMT\r\nServer: Apache/2.4.38 (Debian)\r\nContent-Type: text/html\r\n\r\n<html><title>Test</title></html>",
		"HTTP/1.0 404 Not Found\r\nServer: Microsoft-IIS/6.0\r\nContent-Type: text/html\r\n\r\n<html><head><title>The page cannot be found</title></head></html>",
		"HTTP/1.1 400 Bad Request\r\nServer: nginx/1.18.0\r\nContent-Length: 0\r\n\r\n",
		"+OK POP3 server ready <1234.5678@example.com>\r\n",
		"* OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR] Dovecot ready.\r\n",
		"RFB 003.008\n",
		"\x00\x00\x00\x0a\x00\x00\x00\x01\x00\x00",
		"\x16\x03\x01\x00\x4a\x02\x00\x00\x46\x03\x01",
		"\xff\xfb\x01\xff\xfb\x03login: ",
		"5.5.5-10.3.27-MariaDB-0+deb10u1\x00",
		"J\x00\x00\x00\n5.7.33-0ubuntu0.18.04.1\x00",
		"AMQP\x00\x00\x09\x01",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
		"HTTP/1.1 200 OK\r\nServer: Microsoft-IIS/10.0\r\n\r\n" + strings.Repeat("<p>x</p>\r\n", 50),
	}
	out := make([][]byte, 0, len(s)+8)
	for _, x := range s {
		out = append(out, []byte(x))
	}
	big := func(unit string) []byte {
		var b bytes.Buffer
		for b.Len() < 65536 {
			b.WriteString(unit)
		}
		return b.Bytes()[:65536]
	}
	if os.Getenv("QUICKDIFF_BIG") != "" {
		out = append(out, big("a"), big("\r\n"), big("A b "), big("HTTP/1.1 200 OK\r\n"), big("0"), big(" "))
	}
	return out
}

func TestQuickDiff(t *testing.T) {
	f, err := os.Open("/usr/share/nmap/nmap-service-probes")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	type pat struct {
		line int
		src  string
		fl   pcre.Flags
	}
	var pats []pat
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		var rest string
		if strings.HasPrefix(line, "match ") {
			rest = line[6:]
		} else if strings.HasPrefix(line, "softmatch ") {
			rest = line[10:]
		} else {
			continue
		}
		rest = rest[strings.IndexByte(rest, ' ')+1:]
		d := rest[1]
		end := strings.IndexByte(rest[2:], d)
		p := pat{line: ln, src: rest[2 : 2+end]}
		for _, c := range []byte(rest[3+end:]) {
			if c == 'i' {
				p.fl |= pcre.Caseless
			} else if c == 's' {
				p.fl |= pcre.DotAll
			} else {
				break
			}
		}
		pats = append(pats, p)
	}
	subjects := quickSubjects()
	var bad atomic.Int64
	var mu sync.Mutex
	var tGo, tC atomic.Int64
	work := make(chan pat)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				g, gerr := pcre.Compile(p.src, p.fl)
				c, cerr := libpcre2.Compile(p.src, p.fl)
				if (gerr == nil) != (cerr == nil) {
					bad.Add(1)
					mu.Lock()
					t.Errorf("line %d %q: compile go=%v c=%v", p.line, p.src, gerr, cerr)
					mu.Unlock()
					continue
				}
				if gerr != nil {
					continue
				}
				for si, s := range subjects {
					t0 := time.Now()
					gl, ge := g.Exec(s)
					t1 := time.Now()
					cl, ce := c.Exec(s)
					t2 := time.Now()
					tGo.Add(int64(t1.Sub(t0)))
					tC.Add(int64(t2.Sub(t1)))
					if ge == pcre.ErrMatchLimit {
						gl = nil
					}
					if ce == pcre.ErrMatchLimit {
						cl = nil
					}
					if fmt.Sprint(gl) != fmt.Sprint(cl) {
						if bad.Add(1) < 50 {
							mu.Lock()
							t.Errorf("line %d %q subj %d: go=%v (%v) c=%v (%v)", p.line, p.src, si, gl, ge, cl, ce)
							mu.Unlock()
						}
					}
				}
				c.Free()
			}
		}()
	}
	for _, p := range pats {
		work <- p
	}
	close(work)
	wg.Wait()
	t.Logf("%d patterns x %d subjects, %d disagreements; go %v, libpcre2 %v", len(pats), len(subjects), bad.Load(),
		time.Duration(tGo.Load()), time.Duration(tC.Load()))
}

func loadForBench(b *testing.B) []*libpcre2.Regexp {
	f, err := os.ReadFile("/usr/share/nmap/nmap-service-probes")
	if err != nil {
		b.Skip(err)
	}
	var res []*libpcre2.Regexp
	for _, line := range strings.Split(string(f), "\n") {
		var rest string
		if strings.HasPrefix(line, "match ") {
			rest = line[6:]
		} else if strings.HasPrefix(line, "softmatch ") {
			rest = line[10:]
		} else {
			continue
		}
		rest = rest[strings.IndexByte(rest, ' ')+1:]
		d := rest[1]
		end := strings.IndexByte(rest[2:], d)
		var fl pcre.Flags
		for _, c := range []byte(rest[3+end:]) {
			if c == 'i' {
				fl |= pcre.Caseless
			} else if c == 's' {
				fl |= pcre.DotAll
			} else {
				break
			}
		}
		res = append(res, libpcre2.MustCompile(rest[2:2+end], fl))
	}
	return res
}

// BenchmarkLibCorpus is BenchmarkCorpus/http for libpcre2 (for comparison).
func BenchmarkLibCorpus(b *testing.B) {
	res := loadForBench(b)
	for _, name := range []string{"http", "ssh"} {
		s := []byte("HTTP/1.1 200 OK\r\nDate: Tue, 01 Jan 2019 00:00:00 GMT\r\nServer: Apache/2.4.38 (Debian)\r\nContent-Type: text/html\r\n\r\n<html><title>Test</title></html>")
		if name == "ssh" {
			s = []byte("SSH-2.0-OpenSSH_8.4p1 Debian-5+deb11u1\r\n")
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				for _, re := range res {
					re.Exec(s)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(res)), "ns/exec")
		})
	}
}
