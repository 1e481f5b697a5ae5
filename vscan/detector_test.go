package vscan

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/signetscan/signet/detect"
	"github.com/signetscan/signet/matcher"
)

// slowVersion asks "VERSION?" and sets the product the server answers.
type slowVersion struct{}

func (slowVersion) Name() string { return "slow-version" }
func (slowVersion) Rule() detect.Rule {
	return detect.Rule{Services: []string{"testsvc"}, MinIntensity: 7}
}
func (slowVersion) Sets() []detect.Field { return []detect.Field{detect.FProduct} }
func (slowVersion) Detect(ctx context.Context, env *detect.Env, p *detect.Port) (*detect.Update, error) {
	c, err := env.Dial(ctx, false)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	if _, err := c.Write([]byte("VERSION?\r\n")); err != nil {
		return nil, err
	}
	c.SetReadDeadline(time.Now().Add(env.Wait))
	buf := make([]byte, 64)
	n, err := c.Read(buf)
	if err != nil {
		return nil, err
	}
	return &detect.Update{Product: strings.TrimSpace(string(buf[:n])), Match: detect.Hard}, nil
}

// A detector whose exchange times out on a TCP port that answered the
// walk is run once more with twice the wait: under loss a segment of
// the exchange can take longer than the fitted wait (RabbitMQ's
// Connection.Start to amqp-info at 1% loss over IPv6), where nmap's
// scripts wait seconds. The server answers the detector in 1.5 times
// the fitted wait (400 ms: half of it is the margin on either side, the
// first try's timeout and the second's, on a loaded machine; 200 ms left
// 100 ms, and a run beside the whole suite under load missed it once).
func TestDetectorTimeoutOnceMore(t *testing.T) {
	t.Parallel()
	const fitted = 400 * time.Millisecond
	h := serveHostile(t, 0, func(h *hostileServer, c net.Conn) {
		readEach(c, func(got []byte) bool {
			if strings.HasPrefix(string(got), "HELLO") {
				c.Write([]byte("TESTSVC ready\r\n"))
			}
			if strings.HasPrefix(string(got), "VERSION?") {
				if !h.wait(fitted * 3 / 2) {
					return true
				}
				c.Write([]byte("Slowpoke 2.0\r\n"))
			}
			return false
		})
	})
	db := parseDB(t, "Probe TCP NULL q||\ntotalwaitms 3000\nProbe TCP Hello q|HELLO\\r\\n|\nrarity 1\ntotalwaitms 3000\nmatch testsvc m|^TESTSVC ready\\r\\n|\n")
	c := &Config{Matcher: matcher.New(db), Intensity: 7, Timing: TimingFast, FirstByteWait: fitted,
		Detectors: []detect.Detector{slowVersion{}}}
	var trace []string
	c.Trace = func(s string) { trace = append(trace, s) }
	res := scan(t, c, h.tg)
	if res.Service.Name != "testsvc" || res.Service.Product != "Slowpoke 2.0" {
		t.Errorf("%v %+v\n%s", res.Outcome, res.Service, strings.Join(trace, "\n"))
	}
	wantAdaptiveTrace(t, trace, "once more", "the detector was not run again")
}
