package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/signetscan/signet/discovery"
	"github.com/signetscan/signet/portspec"
)

// scanArgs are the scan command's options, spelled as nmap spells them.
type scanArgs struct {
	targets          []string
	inputList        string // -iL
	exclude          []string
	excludeFile      string
	ports            string            // -p
	fast             bool              // -F
	topPorts         int               // --top-ports
	connect          bool              // -sT
	syn              bool              // -sS
	udp              bool              // -sU
	pingOnly         bool              // -sn
	pings            []discovery.Probe // -PE, -PP, -PS, -PA, -PU, -PR
	ipv6             bool              // -6
	privileged       int               // --privileged (1), --unprivileged (-1), else 0: as the process may
	minRate          float64
	maxRate          float64
	version          bool // -sV
	intensity        int  // --version-intensity, --version-light, --version-all
	versionTrace     bool
	noPing           bool // -Pn, -P0
	noResolve        bool // -n
	verbose          int
	debug            int
	timing           int // -T0..-T5
	hostTimeout      time.Duration
	maxRetries       int
	maxParallel      int
	openOnly         bool
	reason           bool
	outNormal        string
	outXML           string
	outGrep          string
	outJSON          string
	db               dbFlags
	versionTiming    string // --version-timing nmap|adaptive
	xmlScanner       string // --xml-scanner
	noTLSFallback    bool   // --no-tls-fallback
	noVersionScripts bool   // --no-version-scripts
	versionRecord    string // --version-record DIR
	maxHostConns     int
	maxHostGroup     int    // --max-hostgroup
	shards           uint64 // --shards N (0: unsharded)
	shard            int64  // --shard I; -1 when not given
	seed             uint64 // --seed
	seedSet          bool
	statsEvery       time.Duration // --stats-every
	interactive      bool          // keys and the status line on a terminal (--noninteractive: off)
	help, showVer    bool
}

// timingNames are nmap's -T names.
var timingNames = []string{"paranoid", "sneaky", "polite", "normal", "aggressive", "insane"}

// parseScanArgs reads nmap-style options: short options with attached or
// separate values (-p22, -p 22, -T4), combined scan types (-sUV), long
// options with one or two dashes and "=" or a separate value.
func parseScanArgs(args []string) (*scanArgs, error) {
	a := &scanArgs{intensity: 7, timing: 3, maxRetries: -1, topPorts: -1, xmlScanner: "nmap", maxHostConns: 1024, shard: -1, interactive: true}
	for i := 0; i < len(args); i++ {
		arg := args[i]
		// value returns the option's value: attached ("=v" or the rest of a
		// short option) or the next argument.
		value := func(attached string, has bool) (string, error) {
			if has {
				return attached, nil
			}
			if i+1 >= len(args) {
				return "", fmt.Errorf("option %s needs a value", arg)
			}
			i++
			return args[i], nil
		}
		if arg == "-" || !strings.HasPrefix(arg, "-") {
			a.targets = append(a.targets, arg)
			continue
		}
		if arg == "--" {
			a.targets = append(a.targets, args[i+1:]...)
			break
		}
		name := strings.TrimLeft(arg, "-")
		attached, has := "", false
		if k, v, ok := strings.Cut(name, "="); ok && strings.HasPrefix(arg, "--") {
			name, attached, has = k, v, true
		}
		if err := a.option(arg, name, attached, has, value); err != nil {
			return nil, err
		}
	}
	return a, nil
}

func (a *scanArgs) option(arg, name, attached string, has bool, value func(string, bool) (string, error)) error {
	intVal := func(lo, hi int) (int, error) {
		v, err := value(attached, has)
		if err != nil {
			return 0, err
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < lo || n > hi {
			return 0, fmt.Errorf("option %s: %q is not a number between %d and %d", arg, v, lo, hi)
		}
		return n, nil
	}
	strVal := func(dst *string) error {
		v, err := value(attached, has)
		*dst = v
		return err
	}
	var err error
	switch name {
	case "h", "help":
		a.help = true
	case "V", "version":
		a.showVer = true
	case "iL":
		return strVal(&a.inputList)
	case "exclude":
		var v string
		if err := strVal(&v); err != nil {
			return err
		}
		a.exclude = append(a.exclude, strings.Split(v, ",")...)
	case "excludefile":
		return strVal(&a.excludeFile)
	case "F":
		a.fast = true
	case "top-ports":
		a.topPorts, err = intVal(1, 65536)
	case "Pn", "P0", "PN":
		a.noPing = true
	case "6":
		a.ipv6 = true
	case "privileged":
		a.privileged = 1
	case "unprivileged":
		a.privileged = -1
	case "min-rate", "max-rate":
		v, err := value(attached, has)
		if err != nil {
			return err
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f <= 0 {
			return fmt.Errorf("option %s: %q is not a positive number of packets per second", arg, v)
		}
		if name == "min-rate" {
			a.minRate = f
		} else {
			a.maxRate = f
		}
	case "n":
		a.noResolve = true
	case "version-intensity":
		a.intensity, err = intVal(0, 9)
		if err != nil {
			err = fmt.Errorf("version-intensity must be between 0 and 9")
		}
	case "version-light":
		a.intensity = 2
	case "version-all":
		a.intensity = 9
	case "version-trace":
		a.versionTrace = true
	case "host-timeout":
		var v string
		if err := strVal(&v); err != nil {
			return err
		}
		a.hostTimeout, err = parseNmapTime(v)
		if err != nil {
			return fmt.Errorf("option %s: %v", arg, err)
		}
	case "max-retries":
		a.maxRetries, err = intVal(0, 50)
	case "max-parallelism":
		a.maxParallel, err = intVal(1, 100000)
	case "max-hostgroup":
		a.maxHostGroup, err = intVal(1, 4096)
	case "max-host-conns":
		a.maxHostConns, err = intVal(1, 10000)
	case "stats-every":
		var v string
		if err := strVal(&v); err != nil {
			return err
		}
		if a.statsEvery, err = parseNmapTime(v); err != nil || a.statsEvery <= 0 {
			return fmt.Errorf("option %s: %q is not a positive time (examples: 500ms, 10s, 1m)", arg, v)
		}
	case "noninteractive":
		a.interactive = false
	case "open":
		a.openOnly = true
	case "reason":
		a.reason = true
	case "oN":
		return strVal(&a.outNormal)
	case "oX":
		return strVal(&a.outXML)
	case "oG":
		return strVal(&a.outGrep)
	case "oJ":
		return strVal(&a.outJSON)
	case "oA":
		var base string
		if err := strVal(&base); err != nil {
			return err
		}
		a.outNormal, a.outXML, a.outGrep = base+".nmap", base+".xml", base+".gnmap"
	case "versiondb":
		return strVal(&a.db.versiondb)
	case "datadir":
		return strVal(&a.db.datadir)
	case "overlay":
		var v string
		if err := strVal(&v); err != nil {
			return err
		}
		a.db.overlays = append(a.db.overlays, v)
	case "version-record":
		return strVal(&a.versionRecord)
	case "no-tls-fallback":
		a.noTLSFallback = true
	case "no-version-scripts":
		a.noVersionScripts = true
	case "xml-scanner":
		return strVal(&a.xmlScanner)
	case "no-default-overlays":
		a.db.noDefaults = true
	case "shards", "shard", "seed":
		return a.shardOption(arg, name, attached, has, value)
	case "version-timing":
		if err := strVal(&a.versionTiming); err != nil {
			return err
		}
		if a.versionTiming != "nmap" && a.versionTiming != "adaptive" {
			return fmt.Errorf("option %s: want nmap or adaptive, not %q", arg, a.versionTiming)
		}
	default:
		return a.shortOption(arg, name, value)
	}
	return err
}

// shortOption handles the one-letter options that take attached values.
func (a *scanArgs) shortOption(arg, name string, value func(string, bool) (string, error)) error {
	if strings.HasPrefix(arg, "--") || name == "" {
		return fmt.Errorf("unknown option %s (see signet --help)", arg)
	}
	rest := name[1:]
	switch name[0] {
	case 'p':
		v, err := value(rest, rest != "")
		a.ports = v
		return err
	case 's':
		if rest == "" {
			return fmt.Errorf("option -s needs scan types, e.g. -sV")
		}
		for _, c := range rest {
			switch c {
			case 'T':
				a.connect = true
			case 'S':
				a.syn = true
			case 'U':
				a.udp = true
			case 'V':
				a.version = true
			case 'n', 'P':
				a.pingOnly = true
			default:
				return fmt.Errorf("scan type -s%c is not supported (signet does -sS, -sT, -sU, -sV and -sn)", c)
			}
		}
	case 'P':
		return a.pingOption(arg, rest)
	case 'T':
		v, err := value(rest, rest != "")
		if err != nil {
			return err
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			n = -1
			for i, t := range timingNames {
				if strings.EqualFold(v, t) {
					n = i
				}
			}
		}
		if n < 0 || n > 5 {
			return fmt.Errorf("bad timing template %q: use -T0 to -T5 or %s", v, strings.Join(timingNames, ", "))
		}
		a.timing = n
	case 'v', 'd':
		level := 1
		if rest != "" {
			if n, err := strconv.Atoi(rest); err == nil {
				level = n
			} else if strings.Trim(rest, name[:1]) == "" {
				level = len(name)
			} else {
				return fmt.Errorf("unknown option %s", arg)
			}
		}
		if name[0] == 'v' {
			a.verbose += level
		} else {
			a.debug += level
		}
	default:
		return fmt.Errorf("unknown option %s (see signet --help)", arg)
	}
	return nil
}

// pingOption reads -PE, -PP, -PR and -PS, -PA, -PU with an optional port list.
func (a *scanArgs) pingOption(arg, rest string) error {
	if rest == "" {
		return fmt.Errorf("unknown option %s", arg)
	}
	kinds := map[byte]discovery.Kind{'E': discovery.Echo, 'P': discovery.Timestamp, 'R': discovery.ARP,
		'S': discovery.TCPSyn, 'A': discovery.TCPAck, 'U': discovery.UDPPing}
	k, ok := kinds[rest[0]]
	if !ok {
		return fmt.Errorf("unknown option %s (signet does -Pn, -PE, -PP, -PS, -PA, -PU and -PR)", arg)
	}
	pr := discovery.Probe{Kind: k}
	if list := rest[1:]; list != "" {
		if k != discovery.TCPSyn && k != discovery.TCPAck && k != discovery.UDPPing {
			return fmt.Errorf("unknown option %s", arg)
		}
		l, err := portspec.Parse(list, portspec.Embedded())
		if err != nil {
			return fmt.Errorf("option %s: %v", arg, err)
		}
		pr.Ports = slices.Collect(l.TCP.Union(l.UDP).All())
	}
	a.pings = append(a.pings, pr)
	return nil
}

// parseNmapTime reads nmap's time values: a number of seconds, or a number
// with ms, s, m or h.
func parseNmapTime(s string) (time.Duration, error) {
	units := []struct {
		suffix string
		d      time.Duration
	}{{"ms", time.Millisecond}, {"s", time.Second}, {"m", time.Minute}, {"h", time.Hour}}
	mult := time.Second
	num := s
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			num, mult = strings.TrimSuffix(s, u.suffix), u.d
			break
		}
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f < 0 {
		return 0, fmt.Errorf("bad time %q (examples: 500ms, 30s, 5m, 1h)", s)
	}
	return time.Duration(f * float64(mult)), nil
}
