package detect

import (
	"context"
	"encoding/binary"
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// murmurServer answers UDP pings with version 1.3.4 and the user counts of users, one per
// ping (the last one repeated).
func murmurServer(t *testing.T, users ...uint32) string {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	go func() {
		buf := make([]byte, 64)
		for i := 0; ; i++ {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			if n != 12 {
				continue
			}
			pong := append([]byte{0, 1, 3, 4}, buf[4:12]...)
			pong = binary.BigEndian.AppendUint32(pong, users[min(i, len(users)-1)])
			pong = binary.BigEndian.AppendUint32(pong, 100)
			pong = binary.BigEndian.AppendUint32(pong, 72000)
			pc.WriteTo(pong, from)
		}
	}()
	return pc.LocalAddr().String()
}

// A client the walk has just closed is still counted for a moment: murmur-version asks
// again and keeps the lowest count; a stable count of real users comes out as it is.
func TestMurmurVersionRecount(t *testing.T) {
	for _, c := range []struct {
		users []uint32
		want  string
	}{
		{[]uint32{0}, "users: 0;"},
		{[]uint32{1, 0}, "users: 0;"},
		{[]uint32{3, 3, 3}, "users: 3;"},
		{[]uint32{2, 1, 1}, "users: 1;"},
	} {
		addr := murmurServer(t, c.users...)
		env := &Env{
			DialUDP: func(ctx context.Context) (net.Conn, error) {
				var d net.Dialer
				return d.DialContext(ctx, "udp", addr)
			},
			Wait:  time.Second,
			Trace: func(string, ...any) {},
		}
		p := &Port{Addr: netip.MustParseAddr("127.0.0.1"), Number: 64738, Proto: "tcp"}
		u, err := MurmurVersion{}.Detect(context.Background(), env, p)
		if err != nil {
			t.Fatalf("users %v: %v", c.users, err)
		}
		if u.Version != "1.3.4" || !strings.Contains(u.Info, c.want) || !strings.HasPrefix(u.Info, "control port;") {
			t.Errorf("users %v: %+v, want %q", c.users, u, c.want)
		}
	}
}
