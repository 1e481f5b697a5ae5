package evidence

import (
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/result"
)

// Recorder writes one evidence file per service a scan probed (signet's --version-record): the
// service's complete replies as a fingerprint, headed by what signet answered, ready to become
// a case once its source line is filled in.
type Recorder struct {
	Dir     string // where the files go; created by NewRecorder
	Version string // signet's version, named in each file's first line
	// Warn receives write errors; the scan goes on.
	Warn func(error)
	// Now is the clock of the recorded-at line (time.Now when nil).
	Now func() time.Time
}

// NewRecorder makes dir (and its parents) and returns a Recorder writing there.
func NewRecorder(dir, version string, warn func(error)) (*Recorder, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &Recorder{Dir: dir, Version: version, Warn: warn}, nil
}

// Record writes the file of one service: ip-port-proto.fp, e.g. 127_0_0_1-22-tcp.fp.
func (r *Recorder) Record(ip netip.Addr, port int, fp *fingerprint.Fingerprint, svc *result.Service) {
	proto := strings.ToLower(fp.Proto)
	name := fmt.Sprintf("%s-%d-%s.fp", strings.NewReplacer(":", "_", ".", "_").Replace(ip.String()), port, proto)
	answer := ""
	if svc != nil && svc.Method == result.MethodProbed {
		answer = svc.Name
		if svc.Tunnel == "ssl" {
			answer = "ssl/" + answer
		}
		answer = strings.Join([]string{answer, svc.Product, svc.Version, svc.Info}, " | ")
	}
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	text := fmt.Sprintf("# recorded by signet %s from %s port %d/%s on %s\n# source: \n# expect: %s\n%s\n",
		r.Version, ip, port, proto, now().UTC().Format(time.RFC3339), answer, fp.String())
	if err := os.WriteFile(filepath.Join(r.Dir, name), []byte(text), 0o644); err != nil && r.Warn != nil {
		r.Warn(fmt.Errorf("--version-record: %w", err))
	}
}
