package main

import (
	"context"
	"errors"
	"io"
	"net"
	"strconv"
	"syscall"
	"testing"
	"time"
)

func TestParsePorts(t *testing.T) {
	got, err := parsePorts("41020, 41022-41024,,42011")
	if err != nil {
		t.Fatal(err)
	}
	want := []int{41020, 41022, 41023, 41024, 42011}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	for _, bad := range []string{"0", "65536", "5-3", "x", "1-", "-4"} {
		if _, err := parsePorts(bad); err == nil {
			t.Errorf("parsePorts(%q) accepted", bad)
		}
	}
}

func FuzzParsePorts(f *testing.F) {
	f.Add("1,2,5-9")
	f.Add("65535-65535")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 64 {
			return // ranges are expanded: keep the fuzzer's lists small
		}
		ps, err := parsePorts(s)
		for _, p := range ps {
			if err == nil && (p < 1 || p > 65535) {
				t.Fatalf("port %d out of range from %q", p, s)
			}
		}
	})
}

// TestRelay carries TCP and UDP from ::1 to servers on 127.0.0.1 (the
// same port numbers): data both ways, a close as a close, a reset as a
// reset, and a UDP reply to the client that asked.
func TestRelay(t *testing.T) {
	echo, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer echo.Close()
	port := echo.Addr().(*net.TCPAddr).Port
	go func() {
		for {
			c, err := echo.Accept()
			if err != nil {
				return
			}
			go func() {
				b := make([]byte, 64)
				n, _ := c.Read(b)
				if string(b[:n]) == "reset" {
					c.(*net.TCPConn).SetLinger(0)
					c.Close()
					return
				}
				c.Write(append([]byte("echo:"), b[:n]...))
				c.Close()
			}()
		}
	}()
	uc, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: port})
	if err != nil {
		t.Fatalf("UDP port %d taken: %v", port, err)
	}
	defer uc.Close()
	go func() {
		b := make([]byte, 64)
		for {
			n, a, err := uc.ReadFromUDP(b)
			if err != nil {
				return
			}
			uc.WriteToUDP(append([]byte("u:"), b[:n]...), a)
		}
	}()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ps := strconv.Itoa(port)
	r, err := start(ctx, "::1", "127.0.0.1", ps, ps)
	if err != nil {
		t.Fatalf("relay on [::1]:%d: %v", port, err)
	}
	defer r.close()
	addr := net.JoinHostPort("::1", ps)

	c, err := net.DialTimeout("tcp6", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	c.SetDeadline(time.Now().Add(5 * time.Second))
	c.Write([]byte("hi"))
	b, err := io.ReadAll(c)
	c.Close()
	if err != nil || string(b) != "echo:hi" {
		t.Errorf("TCP: got %q, %v; want echo:hi and a close", b, err)
	}

	c, err = net.DialTimeout("tcp6", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	c.SetDeadline(time.Now().Add(5 * time.Second))
	c.Write([]byte("reset"))
	_, err = io.ReadAll(c)
	c.Close()
	if !errors.Is(err, syscall.ECONNRESET) {
		t.Errorf("TCP reset: got %v, want connection reset", err)
	}

	for i := range 2 { // two clients, each gets its own answer
		u, err := net.Dial("udp6", addr)
		if err != nil {
			t.Fatal(err)
		}
		u.SetDeadline(time.Now().Add(5 * time.Second))
		msg := "q" + strconv.Itoa(i)
		u.Write([]byte(msg))
		rb := make([]byte, 64)
		n, err := u.Read(rb)
		u.Close()
		if err != nil || string(rb[:n]) != "u:"+msg {
			t.Errorf("UDP client %d: got %q, %v", i, rb[:n], err)
		}
	}
}
