// Package detect is signet's native protocol code: detectors that run after
// the signature walk, as nmap runs its "version" scripts, and refine a port's answer.
//
// A detector says which ports it wants (Rule, nmap's portrule), which
// fields it may set (Sets), and what it exchanges with the service
// (Detect, over a connection the caller dials). Every detector is listed
// in Table, in the order they run.
package detect

import (
	"context"
	"maps"
	"net"
	"net/netip"
	"slices"
	"time"

	"github.com/signetscan/signet/fingerprint"
	"github.com/signetscan/signet/result"
)

// Detector is one native detector.
type Detector interface {
	// Name is the detector's name, as the nmap script it stands for is
	// named (or its own, for detectors nmap has no counterpart of).
	Name() string
	// Rule is when the detector runs (nmap's portrule).
	Rule() Rule
	// Sets lists what an Update of this detector may change; the caller
	// ignores anything else.
	Sets() []Field
	// Detect runs the detector's exchange with the service and returns
	// the change to the port's answer, nil for none. ctx carries the
	// detector's deadline; env.Dial reaches the port.
	Detect(ctx context.Context, env *Env, p *Port) (*Update, error)
}

// Field names what a detector may set. The values are the field names
// of JSON lines output (docs/json-output.md).
type Field string

const (
	FName     Field = "name"
	FProduct  Field = "product"
	FVersion  Field = "version"
	FInfo     Field = "extrainfo"
	FHostname Field = "hostname"
	FOS       Field = "ostype"
	FDevice   Field = "devicetype"
	FCPE      Field = "cpe"
	FTunnel   Field = "tunnel"
	// FOthers: the names of other ports of the host (rpcinfo).
	FOthers Field = "other-ports"
	// FRewalk: the probes are walked again inside a TLS tunnel.
	FRewalk Field = "rewalk"
)

// Rule is nmap's portrule of a detector: it runs on a port whose number
// is in Ports or whose service name (the signature walk's answer, without
// "ssl/") is in Services, over one of Protos, at an intensity of at least
// MinIntensity. A detector may still decline in Detect.
type Rule struct {
	Ports        []int
	Services     []string
	Protos       []string // "tcp", "udp"; empty: tcp
	MinIntensity int
	// Any: every port of the listed protocols (Ports and Services are
	// ignored); the detector chooses in Detect.
	Any bool
	// Others: the detector may name other ports of the host (Update.Others),
	// so the host's ports are reported only once it has run.
	Others bool
	// Product, when set, decides alone on a port whose answer so far has
	// a product: the rule wants the port when Product accepts that
	// product, whatever its number and name (Ports and Services decide
	// only for a port without a product). nmap's weblogic-t3-info and
	// mcafee-epo-agent choose so; as nmap decides on the signature walk's
	// answer, such a detector must run before any detector that may set
	// a product on a port the walk left without one.
	Product func(product string) bool
}

// Wants reports whether the rule selects p.
func (r Rule) Wants(p *Port) bool {
	if p.Intensity < r.MinIntensity || !r.proto(p.Proto) {
		return false
	}
	if r.Any {
		return true
	}
	if r.Product != nil && p.Service != nil && p.Service.Product != "" {
		return r.Product(p.Service.Product)
	}
	if slices.Contains(r.Ports, p.Number) {
		return true
	}
	return p.Service != nil && p.Service.Name != "" && slices.Contains(r.Services, p.Service.Name)
}

// MayWant reports whether the rule could select a port with this number
// and protocol whatever its service turns out to be: the scan holds a
// host's results back while an Others detector may still name them.
func (r Rule) MayWant(number int, proto string) bool {
	return r.proto(proto) && (r.Any || r.Product != nil || len(r.Services) > 0 || slices.Contains(r.Ports, number))
}

func (r Rule) proto(p string) bool {
	if len(r.Protos) == 0 {
		return p == "tcp"
	}
	return slices.Contains(r.Protos, p)
}

// Port is what a detector knows of the port it runs on.
type Port struct {
	Addr      netip.Addr
	Number    int
	Proto     string // "tcp" or "udp"
	Intensity int    // --version-intensity
	// Service is the answer so far (never nil); a detector must not
	// change it, only return an Update.
	Service *result.Service
	// Replies are the entries of the port's fingerprint, as nmap's
	// scripts read service_fp (cut to the fingerprint's limits); nil when
	// the answer has no fingerprint.
	Replies []fingerprint.Response
	// Hard: a match line won (not a softmatch, a table guess or tcpwrapped).
	Hard bool
	// Replied: the service sent at least one byte to some probe.
	Replied bool
	// OnlyAlerts: every reply was a TLS alert record.
	OnlyAlerts bool
	// SSLPort: some probe lists the port in its sslports.
	SSLPort bool
	// Outcome is why the signature walk ended (vscan's Outcome words).
	Outcome string
	// Incomplete: the walk ended before its probes ran out (a failed
	// connect or write, the host timeout): nmap's incomplete.
	Incomplete bool
}

// Reply returns the fingerprint entry of probe name, nil if none.
func (p *Port) Reply(name string) []byte {
	for _, r := range p.Replies {
		if r.Probe == name {
			return r.Data
		}
	}
	return nil
}

// Env is what a detector may use to reach the service.
type Env struct {
	// Dial connects to the port — TCP, or a connected UDP socket — through
	// a TLS handshake when ssl is set. It honours the scan's per-host
	// connection cap and connect timeout; the caller closes the conn.
	Dial func(ctx context.Context, ssl bool) (net.Conn, error)
	// DialUDP is a connected UDP socket to the port of the same number
	// (a TCP port's companion, as murmur-version pings a TCP port's UDP
	// twin); nil when the caller has none.
	DialUDP func(ctx context.Context) (net.Conn, error)
	// Wait is how long to wait for a reply: nmap's fixed wait, or one
	// fitted to the round trip (adaptive timing).
	Wait time.Duration
	// Now is the clock a detector compares a server's with (nil: the
	// system's); evidence replays at the time it was recorded.
	Now func() time.Time
	// Trace receives --version-trace lines; never nil.
	Trace func(format string, args ...any)
}

// Match is how nmap's set_port_version records a script's answer.
type Match int

const (
	// Soft ("softmatched"): method probed, conf 10; a fingerprint stays
	// (http-server-header on lighttpd, nmap 7.93).
	Soft Match = iota
	// Hard ("hardmatched"): method probed, conf 10, and the fingerprint
	// is dropped (rfc868-time on a time server 3.5 years off, whose reply
	// no line matched: nmap 7.93 prints "time (32 bits)", conf 10 whatever
	// the script's own confidence, and no fingerprint; snmp-info turns a
	// softmatched "SNMPv3 server" with a fingerprint into a product
	// without one).
	Hard
)

// Update is a detector's change to a port's answer. Empty strings and nil
// slices leave a field as it is.
type Update struct {
	Name, Product, Version, Info, Hostname, OS, Device string
	CPE                                                []string
	Tunnel                                             string // "ssl"
	Match                                              Match
	// Rewalk asks for the signature walk again, inside a TLS tunnel
	// (Tunnel must be "ssl"); the other detectors then see its answer.
	Rewalk bool
	// Others names ports of the host, this one included when listed.
	Others []PortName
}

// PortName is a name (and version fields) a detector gives a port of the
// host, as rpcinfo names the programs registered with the portmapper.
type PortName struct {
	Number              int
	Proto               string // "tcp" or "udp"
	Name, Version, Info string
	// Force: apply even when a probe identified the port; otherwise only a
	// port whose answer is a table guess (or absent) is renamed.
	Force bool
}

// Apply applies u from detector name to svc (nmap's set_port_version): the
// fields the detector may set (sets) are copied when non-empty, the answer
// becomes probed with confidence 10, and Sources records name for each
// field set; a Hard update drops the fingerprint. A nil svc is allowed
// and returns a new service.
func Apply(svc *result.Service, name string, sets []Field, u *Update) *result.Service {
	if svc == nil {
		svc = &result.Service{}
	}
	may := func(f Field) bool { return slices.Contains(sets, f) }
	set := func(f Field, dst *string, v string) {
		if v != "" && may(f) {
			*dst = v
			svc.SetSource(string(f), name)
		}
	}
	set(FName, &svc.Name, u.Name)
	set(FProduct, &svc.Product, u.Product)
	set(FVersion, &svc.Version, u.Version)
	set(FInfo, &svc.Info, u.Info)
	set(FHostname, &svc.Hostname, u.Hostname)
	set(FOS, &svc.OS, u.OS)
	set(FDevice, &svc.Device, u.Device)
	set(FTunnel, &svc.Tunnel, u.Tunnel)
	if u.CPE != nil && may(FCPE) {
		svc.CPE = append([]string(nil), u.CPE...)
		svc.SetSource(string(FCPE), name)
	}
	svc.Method, svc.Conf = result.MethodProbed, 10
	if u.Match == Hard {
		svc.Fingerprint, svc.Replies = "", nil
	}
	return svc
}

// ApplyName applies a PortName to the service of that port (nil when the
// port has none), under PortName's rule, and reports whether it did. The
// name is always set, an empty one included (a program nmap cannot name
// leaves the port without a name).
func ApplyName(svc *result.Service, name string, pn PortName) (*result.Service, bool) {
	if !pn.Force && svc != nil && svc.Method == result.MethodProbed {
		return svc, false
	}
	svc = Apply(svc, name, []Field{FVersion, FInfo}, &Update{Version: pn.Version, Info: pn.Info, Match: Soft})
	svc.Name = pn.Name
	svc.SetSource(string(FName), name)
	return svc, true
}

// Result is what running a detector on a port came to.
type Result struct {
	Service *Service
	// Others are names for other ports of the host (Update.Others minus
	// the port itself, which Service already carries).
	Others []PortName
	// Rewalk: walk the signatures again inside TLS (Update.Rewalk).
	Rewalk bool
}

// Service is result.Service, named here for Result.
type Service = result.Service

// Run runs d on p and applies its update to a copy of p.Service as nmap's
// set_port_version would: only the fields d declares in Sets, the port's
// own PortName included. A nil Result means no change.
func Run(ctx context.Context, d Detector, env *Env, p *Port) (*Result, error) {
	u, err := d.Detect(ctx, env, p)
	if err != nil || u == nil {
		return nil, err
	}
	sets := d.Sets()
	if u.Rewalk && slices.Contains(sets, FRewalk) {
		return &Result{Service: p.Service, Rewalk: true}, nil
	}
	svc := *p.Service
	svc.CPE = slices.Clone(svc.CPE)
	svc.Sources = maps.Clone(svc.Sources)
	o := &Result{Service: Apply(&svc, d.Name(), sets, u)}
	if !slices.Contains(sets, FOthers) {
		return o, nil
	}
	for _, pn := range u.Others {
		if pn.Number == p.Number && pn.Proto == p.Proto {
			o.Service, _ = ApplyName(o.Service, d.Name(), pn)
			continue
		}
		o.Others = append(o.Others, pn)
	}
	return o, nil
}
