//go:build integration

package conformance

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Real Debian servers, started by the test with minimal configurations in
// t.TempDir(), bound to 127.0.0.1 on ports 43000–43099 (the testbed helper's
// manifest uses 41000–42199 and may be running its own bed at the same
// time; these ports keep the two apart). Each runs in the foreground in its
// own process group, and exactly that group is stopped at the end.
//
// postfix is not among them: `postfix -c DIR` refuses a configuration
// directory that the system's /etc/postfix/main.cf does not list in
// alternate_config_directories, and the test does not edit system files.

const (
	realSSH    = 43022
	realFTP    = 43021
	realHTTP   = 43080
	realHTTPS  = 43443
	realRedis  = 43079
	realDNS    = 43053 // dnsmasq binds UDP and TCP on it
	realMemTCP = 43011
	realSNMP   = 43161 // snmpd, UDP: snmp-info rewrites its product
	// realTime: xinetd's internal time service, TCP and UDP (rfc868-time
	// runs on port 37 or a port named time). With CONFORMANCE_TIMING=adaptive
	// the UDP port differs: the walk's parallel UDP probes exceed xinetd's
	// default limit of 50 connections a second, xinetd stops the service
	// for 10 s, and the Help probe, whose lines name time and which comes
	// last on this port (it is registered for 37), gets no reply; nmap's
	// sequential walk stays under the limit.
	realTime = 43037
)

type realServer struct {
	name  string
	port  int
	udp   bool
	argv  []string
	setup func(t *testing.T, dir string) error // writes configs before start
	// expect is nmap's answer the fixture must produce (sanity check).
	expect map[string]string
}

// groupReal starts the servers that are installed and compares one TCP run
// and one UDP run over all of them.
func groupReal(t *testing.T) {
	needNmap(t, false)
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	certPEM, keyPEM := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	writeCert(t, certPEM, keyPEM)
	www := filepath.Join(dir, "www")
	os.MkdirAll(www, 0o755)
	os.WriteFile(filepath.Join(www, "index.html"), []byte("<html><body>signet conformance</body></html>\n"), 0o644)

	servers := []realServer{
		{name: "sshd", port: realSSH, argv: []string{"/usr/sbin/sshd", "-D", "-e", "-f", filepath.Join(dir, "sshd_config")},
			setup: func(t *testing.T, dir string) error {
				os.MkdirAll("/run/sshd", 0o755)
				key := filepath.Join(dir, "host_ed25519")
				if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key).CombinedOutput(); err != nil {
					return fmt.Errorf("ssh-keygen: %v %s", err, out)
				}
				return os.WriteFile(filepath.Join(dir, "sshd_config"), []byte(fmt.Sprintf(
					"ListenAddress 127.0.0.1:%d\nAddressFamily inet\nHostKey %s\nPidFile %s/sshd.pid\nUsePAM no\nPermitRootLogin no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nAuthorizedKeysFile none\n",
					realSSH, key, dir)), 0o644)
			},
			expect: map[string]string{"name": "ssh", "product": "OpenSSH"}},
		{name: "nginx", port: realHTTP, argv: []string{"/usr/sbin/nginx", "-c", filepath.Join(dir, "nginx", "nginx.conf"), "-p", filepath.Join(dir, "nginx")},
			setup: func(t *testing.T, dir string) error {
				n := filepath.Join(dir, "nginx")
				os.MkdirAll(n, 0o755)
				return os.WriteFile(filepath.Join(n, "nginx.conf"), []byte(fmt.Sprintf(`daemon off;
master_process on;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
events { worker_connections 64; }
http {
	include /etc/nginx/mime.types;
	access_log off;
	client_body_temp_path %[1]s/body;
	proxy_temp_path %[1]s/proxy;
	fastcgi_temp_path %[1]s/fastcgi;
	uwsgi_temp_path %[1]s/uwsgi;
	scgi_temp_path %[1]s/scgi;
	server { listen 127.0.0.1:%[2]d; root %[3]s; index index.html; }
	server { listen 127.0.0.1:%[4]d ssl; ssl_certificate %[5]s; ssl_certificate_key %[6]s; root %[3]s; index index.html; }
}
`, n, realHTTP, www, realHTTPS, certPEM, keyPEM)), 0o644)
			},
			expect: map[string]string{"name": "http", "product": "nginx"}},
		{name: "nginx-tls", port: realHTTPS, expect: map[string]string{"name": "http", "tunnel": "ssl", "product": "nginx"}},
		{name: "redis", port: realRedis, argv: []string{"/usr/bin/redis-server", "--port", strconv.Itoa(realRedis), "--bind", "127.0.0.1",
			"--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no", "--protected-mode", "yes"},
			expect: map[string]string{"name": "redis", "product": "Redis key-value store"}},
		{name: "vsftpd", port: realFTP, argv: []string{"/usr/sbin/vsftpd", filepath.Join(dir, "vsftpd.conf")},
			setup: func(t *testing.T, dir string) error {
				empty := filepath.Join(dir, "vsftpd-empty")
				os.MkdirAll(empty, 0o755)
				return os.WriteFile(filepath.Join(dir, "vsftpd.conf"), []byte(fmt.Sprintf(
					"listen=YES\nlisten_ipv6=NO\nlisten_address=127.0.0.1\nlisten_port=%d\nbackground=NO\nanonymous_enable=NO\nlocal_enable=NO\npasv_enable=NO\nxferlog_enable=NO\nsecure_chroot_dir=%s\nnopriv_user=nobody\n",
					realFTP, empty)), 0o644)
			},
			expect: map[string]string{"name": "ftp", "product": "vsftpd"}},
		{name: "memcached", port: realMemTCP, argv: []string{"/usr/bin/memcached", "-l", "127.0.0.1", "-p", strconv.Itoa(realMemTCP), "-U", "0", "-u", "nobody", "-m", "16"},
			expect: map[string]string{"name": "memcached"}},
		{name: "snmpd", port: realSNMP, udp: true, argv: []string{"/usr/sbin/snmpd", "-f", "-Lo", "-C", "-c", filepath.Join(dir, "snmpd.conf"),
			"-p", filepath.Join(dir, "snmpd.pid"), "-I", "-smux"},
			setup: func(t *testing.T, dir string) error {
				return os.WriteFile(filepath.Join(dir, "snmpd.conf"), []byte(fmt.Sprintf(
					"agentAddress udp:127.0.0.1:%d\nrocommunity public 127.0.0.1\nsysName signet-snmpd\n", realSNMP)), 0o644)
			},
			expect: map[string]string{"name": "snmp", "product": "SNMPv1 server; net-snmp SNMPv3 server"}},
		{name: "xinetd-time", port: realTime, argv: []string{"/usr/sbin/xinetd", "-f", filepath.Join(dir, "xinetd.conf"), "-dontfork",
			"-pidfile", filepath.Join(dir, "xinetd.pid")},
			setup: func(t *testing.T, dir string) error {
				var b strings.Builder
				for _, s := range [][2]string{{"stream", "tcp"}, {"dgram", "udp"}} {
					wait := "no"
					if s[1] == "udp" {
						wait = "yes"
					}
					fmt.Fprintf(&b, "service time\n{\n\ttype = INTERNAL UNLISTED\n\tid = time-%s\n\tsocket_type = %s\n\tprotocol = %s\n\tuser = root\n\twait = %s\n\tport = %d\n\tbind = 127.0.0.1\n}\n",
						s[0], s[0], s[1], wait, realTime)
				}
				return os.WriteFile(filepath.Join(dir, "xinetd.conf"), []byte(b.String()), 0o644)
			},
			expect: map[string]string{"name": "time", "extrainfo": "32 bits"}},
		{name: "xinetd-time-udp", port: realTime, udp: true, expect: map[string]string{"name": "time", "extrainfo": "32 bits"}},
		{name: "dnsmasq", port: realDNS, udp: true, argv: []string{"/usr/sbin/dnsmasq", "-k", "-p", strconv.Itoa(realDNS), "--listen-address=127.0.0.1",
			"--bind-interfaces", "--no-resolv", "--no-hosts", "--no-poll", "-C", "/dev/null", "--pid-file=" + filepath.Join(dir, "dnsmasq.pid"),
			"--user=nobody", "--log-facility=-"},
			expect: map[string]string{"name": "domain", "product": "dnsmasq"}},
	}
	var tcp, udp []int
	expTCP, expUDP := map[int]map[string]string{}, map[int]map[string]string{}
	for _, s := range servers {
		if s.argv != nil {
			if _, err := os.Stat(s.argv[0]); err != nil {
				missing(t, "real server %s: %s not installed", s.name, s.argv[0])
				continue
			}
			if s.setup != nil {
				if err := s.setup(t, dir); err != nil {
					missing(t, "real server %s: setup: %v", s.name, err)
					continue
				}
			}
			if !startReal(t, dir, s) {
				continue
			}
		} else if !waitPort(s.port, s.udp, 10*time.Second) {
			missing(t, "real server %s: port %d not listening", s.name, s.port)
			continue
		}
		if s.udp {
			udp = append(udp, s.port)
			expUDP[s.port] = s.expect
		} else {
			tcp = append(tcp, s.port)
			expTCP[s.port] = s.expect
		}
	}
	if len(tcp)+len(udp) < 5 {
		t.Errorf("only %d real servers started (want at least 5)", len(tcp)+len(udp))
	}
	t.Run("tcp", func(t *testing.T) {
		t.Parallel()
		(&run{name: "real_servers_tcp", db: nmapProbes, ports: tcp, expect: expTCP}).compare(t)
	})
	if len(udp) > 0 && os.Geteuid() == 0 {
		t.Run("udp", func(t *testing.T) {
			t.Parallel()
			(&run{name: "real_servers_udp", udp: true, db: nmapProbes, ports: udp, expect: expUDP}).compare(t)
		})
	}
}

// startReal starts s in its own process group and waits for its port; the
// group is stopped (TERM, then KILL) when the test ends.
func startReal(t *testing.T, dir string, s realServer) bool {
	t.Helper()
	if inUse(s.port, s.udp) {
		t.Logf("real server %s: port %d already in use, skipped", s.name, s.port)
		return false
	}
	logf, err := os.Create(filepath.Join(dir, s.name+".log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(s.argv[0], s.argv[1:]...)
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		logf.Close()
		t.Logf("real server %s: %v (skipped)", s.name, err)
		return false
	}
	pgid := cmd.Process.Pid
	done := make(chan struct{})
	go func() { cmd.Wait(); logf.Close(); close(done) }()
	t.Cleanup(func() {
		syscall.Kill(-pgid, syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			syscall.Kill(-pgid, syscall.SIGKILL)
			<-done
		}
		// Daemons' workers may outlive the leader for a moment.
		for i := 0; i < 20 && syscall.Kill(-pgid, 0) == nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
		syscall.Kill(-pgid, syscall.SIGKILL)
	})
	if !waitPort(s.port, s.udp, 20*time.Second) {
		log, _ := os.ReadFile(filepath.Join(dir, s.name+".log"))
		t.Logf("real server %s: port %d did not open (skipped); log:\n%s", s.name, s.port, log)
		return false
	}
	return true
}

// listening reports whether 127.0.0.1:port is bound, from /proc/net (no
// packet is sent to the port).
func listening(port int, udp bool) bool {
	file, state := "/proc/net/tcp", "0A" // LISTEN
	if udp {
		file, state = "/proc/net/udp", "07" // UNCONN
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return false
	}
	want := fmt.Sprintf("0100007F:%04X", port)
	for _, line := range strings.Split(string(data), "\n")[1:] {
		f := strings.Fields(line)
		if len(f) > 3 && f[1] == want && f[3] == state {
			return true
		}
	}
	return false
}

func inUse(port int, udp bool) bool {
	if udp {
		pc, err := net.ListenPacket("udp", fmt.Sprintf("127.0.0.1:%d", port))
		if err != nil {
			return true
		}
		pc.Close()
		return false
	}
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return true
	}
	ln.Close()
	return false
}

func waitPort(port int, udp bool, d time.Duration) bool {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
		if listening(port, udp) {
			return true
		}
	}
	return false
}

// writeCert writes a throw-away self-signed certificate and key (PEM).
func writeCert(t *testing.T, certPath, keyPath string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "localhost"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		DNSNames:     []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
	os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600)
}

// missing reports a real server that could not be run: a failure in CI
// (.ci/run installs them all), a note elsewhere.
func missing(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Errorf(format, args...)
		return
	}
	t.Logf(format+" (skipped)", args...)
}
