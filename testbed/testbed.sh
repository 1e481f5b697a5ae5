#!/usr/bin/env bash
# testbed.sh — a loopback testbed of REAL Debian servers for signet's
# conformance suite, accuracy report and benchmarks.
#
#   testbed.sh install          apt-get install every package the bed uses (idempotent)
#   testbed.sh start [DIR]      start every server of manifest.tsv under DIR
#                               (default: a fresh mktemp dir); prints one line per
#                               service that answers: "port/proto service package version upstream"
#   testbed.sh stop [DIR]       stop exactly what `start` started, remove DIR
#   testbed.sh status [DIR]     show units, pids, process counts and RSS
#
# Environment: TESTBED_ONLY="unit unit..."  start only these units (column 7)
#              TESTBED_WAIT=SECONDS         bound on the wait for ports (default 90)
#              TESTBED_MANIFEST=FILE        another manifest (same columns): the
#                                           conformance suite starts its own servers
#                                           (conformance/servers.tsv) this way, inside a
#                                           network namespace of its own; the units that
#                                           only it lists are at the end of this file
#
# Exit status of start: 0 all services answer; 3 some did not (the others keep
# running, DOWN lines on stderr, DIR/running.tsv lists the ones that answer);
# 1 fatal (nothing left running). Ports come from manifest.tsv only:
# TCP 41000-41999, UDP 42000-42199, all on 127.0.0.1.
#
# ---------------------------------------------------------------------------
# SAFETY — nothing started here may reach outside this machine:
#  * every listener is bound to 127.0.0.1 (explicit address in each config or
#    command line; IPv6 off where the daemon has a switch; a few daemons add
#    ::1, the IPv6 loopback, by themselves). After start, every listening
#    socket owned by the bed's processes is checked: one on 0.0.0.0, :: or any
#    address other than 127.0.0.1 and ::1 makes start fail (exit 1) and tear down.
#  * DNS: bind9 (recursion no, no forwarders, no rndc), nsd (authoritative, no
#    zones), dnsmasq (--no-resolv --no-hosts, no --server), unbound
#    (local-zone "." static: answers locally, never iterates or forwards, no
#    trust-anchor updates). DNS daemons bind TCP and UDP together on each port,
#    so the sibling half (e.g. UDP 41053, TCP 42053) is also ours, in range.
#  * mail: postfix default/relay/local transport = error, empty mydestination,
#    recipients rejected at RCPT; stunnel only wraps that postfix.
#  * proxies: squid `http_access deny all`; tinyproxy and privoxy forward only
#    to 127.0.0.1:41001 (nothing listens there); varnish answers from VCL
#    (synthetic page), haproxy has an empty backend (503). squid's DNS client
#    is bound to 127.0.0.1 and asks only 127.0.0.1; its pinger is off.
#  * NTP: chrony `local stratum 10`, no pool/server lines, -x (never touches
#    the system clock), cmdport 0. No NTP upstream anywhere.
#  * no registration/update checks or outbound clients: znc has no networks,
#    icecast has no YP directory, mpd has no zeroconf/neighbors, coturn is
#    STUN-only over UDP (no relay, no TCP/TLS, no CLI), inspircd does not
#    resolve client hostnames (its DNS socket is bound to 127.0.0.1), cups has
#    no browsing, samba has no netbios/nmbd and no RPC helpers, snmpd has no
#    SMUX listener, prosody's s2s port only listens (no dialback, so it
#    never connects back to a peer's domain).
#  * ports: start appends 41000-42199 to net.ipv4.ip_local_reserved_ports so
#    the kernel never hands one of the bed's ports to another program as an
#    ephemeral port (that only affects automatic port choice); a port already
#    in use when start runs is reported and its unit is not started.
#  * packages: `install` keeps a policy-rc.d that exits 101 so postinst scripts
#    start no daemon; nothing relies on systemd.
#  * processes: every server runs in its own session (setsid), with its pid
#    (and start time) in DIR/pids/UNIT.pid; daemons run in the foreground
#    (postfix as `master -d`, smbd --no-process-group) so they stay there.
#    `stop` signals those process groups only (TERM, then KILL after 15 s),
#    then looks for strays: SIGNET_TESTBED=DIR in the environment, or an
#    orphan with a path under DIR on its command line — never by program name.
#  * left out: see testbed/selection.tsv (the walk of testbed/ranking.tsv)
#    and testbed/skips.tsv, which say for each ranked source why it is not
#    here. Servers that fork away (BSD lpd) are found by their marker.
#  * added from the ranking: tor runs with DisableNetwork (only its control
#    port listens); transmission and deluge have DHT, PEX, LPD, UPnP and
#    NAT-PMP off and no torrent; amavisd forwards only to 127.0.0.1:41001;
#    freeciv does not announce itself (-A none); zookeeper has JMX off;
#    rabbitmq's epmd and Erlang distribution port are on 127.0.0.1 (epmd also
#    binds ::1); kamailio has dns/rev_dns off; prosody's s2s port only listens;
#    ss-server's ACL blocks every outbound address; dante blocks every request.
# ---------------------------------------------------------------------------
set -u
PATH=/usr/sbin:/usr/bin:/sbin:/bin # Debian's binaries, not a pyenv/venv shim
export PATH
HERE=$(cd "$(dirname "$0")" && pwd)
MANIFEST=${TESTBED_MANIFEST:-$HERE/manifest.tsv}
LAST=/tmp/signet-testbed.last
# another manifest's bed is not "the last bed": a bare `stop` never stops it
[ -n "${TESTBED_MANIFEST:-}" ] && LAST=/dev/null
log() { echo "testbed: $*" >&2; }

PACKAGES="openssh-server dropbear-bin nginx-light apache2 lighttpd busybox python3-minimal
varnish haproxy squid tinyproxy privoxy webfs mini-httpd radicale
postfix stunnel4 dovecot-imapd dovecot-pop3d vsftpd python3-pyftpdlib
redis-server memcached mariadb-server postgresql beanstalkd mosquitto nats-server gearman-job-server
dnsmasq-base bind9 unbound nsd slapd krb5-kdc rsync cups-daemon ngircd inspircd znc prosody
openbsd-inetd inetutils-telnetd git subversion nagios-nrpe-server munin-node
tigervnc-standalone-server icecast2 mpd samba coturn uhub chrony snmpd tftpd-hpa
openssl iproute2 procps
tryton-server pulseaudio uwsgi uwsgi-plugin-python3 mercurial gkrellmd snmptrapd dictd dictfmt dictzip cvs lpr
tor spamd mailutils-imap4d mailutils-pop3d openvswitch-common rsh-server redis-sentinel krb5-admin-server
tightvncserver xfonts-base dbskkd-cdb transmission-daemon twiggy bitlbee fingerd deluged etcd-server
freeciv-server ganglia-monitor iperf3 knot prometheus-node-exporter rabbitmq-server shadowsocks-libev
starman uucp python3-waitress amavisd-new c-icap dante-server distcc fossil kamailio oidentd
pgbouncer quassel-core xrdp zookeeperd mopidy"

# ---------------------------------------------------------------- install
cmd_install() {
	local made_policy=0 missing=() p
	for p in $PACKAGES; do
		# xinetd serves the inetd units as well (it conflicts with openbsd-inetd)
		[ "$p" = openbsd-inetd ] && dpkg-query -W -f '${Status}' xinetd 2>/dev/null | grep -q 'ok installed' && continue
		dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
	done
	if [ ${#missing[@]} = 0 ]; then
		log "all $(echo $PACKAGES | wc -w) packages installed"
		return 0
	fi
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\n# signet testbed: no daemon starts from package scripts\nexit 101\n' >/usr/sbin/policy-rc.d
		chmod 755 /usr/sbin/policy-rc.d
		made_policy=1
	fi
	log "installing: ${missing[*]}"
	local i rc=1
	for i in $(seq 30); do # another helper may hold the dpkg lock: wait and retry
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--no-install-recommends -o Dpkg::Options::=--force-confold -o DPkg::Lock::Timeout=120 \
			"${missing[@]}" && rc=0 && break
		log "apt-get failed (try $i), retrying in 10 s"
		sleep 10
	done
	# policy-rc.d stays when we made it: later installs must not start daemons either
	[ $made_policy = 1 ] && log "left /usr/sbin/policy-rc.d (exit 101) in place"
	return $rc
}

# ---------------------------------------------------------------- helpers
# manifest columns: port proto service package product id unit
port() {
	local p
	p=$(awk -F'\t' -v id="$1" '$6 == id { print $1 }' "$MANIFEST")
	[ -n "$p" ] || { log "BUG: no manifest id $1"; echo 1; return 1; }
	echo "$p"
}
units() { awk -F'\t' '!/^#/ && NF >= 7 && !seen[$7]++ { print $7 }' "$MANIFEST"; }
upstream() { local v=${1#*:}; v=${v%-*}; v=${v%+dfsg*}; v=${v%~dfsg*}; v=${v%+ds*}; echo "${v:--}"; }
# starttime PID: field 22 of /proc/PID/stat (clock ticks since boot), to tell a
# recorded pid from a recycled one
starttime() {
	local s a
	read -r s 2>/dev/null <"/proc/$1/stat" || return 0
	s=${s##*) }
	IFS=' ' read -r -a a <<<"$s"
	echo "${a[19]}"
}

# run UNIT CMD...: start CMD (which must stay in the foreground) in its own session.
run() {
	local unit=$1
	shift
	SIGNET_TESTBED=$D setsid "$@" >>"$D/logs/$unit.log" 2>&1 </dev/null &
	local pid=$!
	echo "$pid $(starttime $pid)" >"$D/pids/$unit.pid"
}


# ---------------------------------------------------------------- units
# Each start_UNIT prepares its own config/data under $D/UNIT and calls run.
# It may return non-zero to report a preparation failure.

u_sshd() {
	mkdir -p /run/sshd "$D/sshd"
	ssh-keygen -q -t ed25519 -N '' -f "$D/sshd/host_ed25519" || return 1
	ssh-keygen -q -t rsa -b 2048 -N '' -f "$D/sshd/host_rsa" || return 1
	cat >"$D/sshd/sshd_config" <<EOC
ListenAddress 127.0.0.1:$(port ssh-openssh)
AddressFamily inet
HostKey $D/sshd/host_ed25519
HostKey $D/sshd/host_rsa
PidFile $D/sshd/sshd.pid
UsePAM no
PermitRootLogin no
PasswordAuthentication no
KbdInteractiveAuthentication no
AuthorizedKeysFile none
EOC
	run sshd /usr/sbin/sshd -D -e -f "$D/sshd/sshd_config"
}

u_dropbear() {
	mkdir -p "$D/dropbear"
	dropbearkey -t ed25519 -f "$D/dropbear/host_ed25519" >/dev/null 2>&1 || return 1
	run dropbear dropbear -F -E -s -w -r "$D/dropbear/host_ed25519" -p "127.0.0.1:$(port ssh-dropbear)" \
		-P "$D/dropbear/dropbear.pid"
}

u_nginx() {
	local N=$D/nginx
	mkdir -p "$N"
	cat >"$N/nginx.conf" <<EOC
daemon off;
master_process on;
worker_processes 1;
pid $N/nginx.pid;
error_log $N/error.log;
events { worker_connections 256; }
http {
	include /etc/nginx/mime.types;
	access_log off;
	client_body_temp_path $N/body;
	proxy_temp_path $N/proxy;
	fastcgi_temp_path $N/fastcgi;
	uwsgi_temp_path $N/uwsgi;
	scgi_temp_path $N/scgi;
	server { listen 127.0.0.1:$(port http-nginx); root $D/www; index index.html; }
	server { listen 127.0.0.1:$(port https-nginx) ssl; ssl_certificate $D/tls/cert.pem;
		ssl_certificate_key $D/tls/key.pem; root $D/www; index index.html; }
}
EOC
	run nginx nginx -c "$N/nginx.conf" -p "$N"
}

u_apache2() {
	local A=$D/apache2 M=/usr/lib/apache2/modules
	mkdir -p "$A"
	cat >"$A/apache2.conf" <<EOC
ServerName localhost
Listen 127.0.0.1:$(port http-apache2)
PidFile $A/apache2.pid
ErrorLog $A/error.log
DefaultRuntimeDir $A
Mutex file:$A
LoadModule mpm_prefork_module $M/mod_mpm_prefork.so
LoadModule authz_core_module $M/mod_authz_core.so
LoadModule dir_module $M/mod_dir.so
LoadModule mime_module $M/mod_mime.so
StartServers 2
MinSpareServers 1
MaxSpareServers 2
TypesConfig /etc/mime.types
User www-data
Group www-data
DocumentRoot $D/www
DirectoryIndex index.html
EOC
	run apache2 apache2 -f "$A/apache2.conf" -DFOREGROUND
}

u_lighttpd() {
	mkdir -p "$D/lighttpd" && chown www-data:www-data "$D/lighttpd"
	cat >"$D/lighttpd/lighttpd.conf" <<EOC
server.document-root = "$D/www"
server.bind = "127.0.0.1"
server.port = $(port http-lighttpd)
server.pid-file = "$D/lighttpd/lighttpd.pid"
server.errorlog = "$D/lighttpd/error.log"
server.username = "www-data"
server.groupname = "www-data"
index-file.names = ( "index.html" )
EOC
	run lighttpd lighttpd -D -f "$D/lighttpd/lighttpd.conf"
}

u_busybox-httpd() { run busybox-httpd busybox httpd -f -p "127.0.0.1:$(port http-busybox)" -h "$D/www"; }

u_python-http() {
	run python-http /usr/bin/python3.11 -m http.server "$(port http-python)" --bind 127.0.0.1 --directory "$D/www"
}

u_varnish() {
	mkdir -p "$D/varnish"
	# answers by itself (synthetic page); the backend is declared but never used
	cat >"$D/varnish/default.vcl" <<EOC
vcl 4.1;
backend default { .host = "127.0.0.1"; .port = "$(port http-nginx)"; }
sub vcl_recv { return (synth(200, "OK")); }
sub vcl_synth {
	set resp.http.Content-Type = "text/html; charset=utf-8";
	synthetic({"<html><head><title>signet testbed</title></head><body><h1>signet testbed</h1></body></html>"});
	return (deliver);
}
EOC
	run varnish varnishd -F -a "127.0.0.1:$(port http-varnish)" -f "$D/varnish/default.vcl" \
		-n "$D/varnish" -s malloc,16m -T none -p workspace_client=32k -p thread_pool_min=5 -p thread_pools=1
}

u_haproxy() {
	mkdir -p "$D/haproxy"
	cat >"$D/haproxy/haproxy.cfg" <<EOC
global
	pidfile $D/haproxy/haproxy.pid
	nbthread 1
defaults
	mode http
	timeout connect 1s
	timeout client 5s
	timeout server 5s
frontend fe
	bind 127.0.0.1:$(port http-haproxy)
	default_backend be
backend be
EOC
	run haproxy haproxy -db -f "$D/haproxy/haproxy.cfg"
}

u_webfs() {
	run webfs webfsd -F -4 -i 127.0.0.1 -p "$(port http-webfs)" -r "$D/www" -f index.html -u nobody -g nogroup
}

u_mini-httpd() {
	mkdir -p "$D/mini-httpd"
	run mini-httpd mini_httpd -D -h 127.0.0.1 -p "$(port http-mini-httpd)" -d "$D/www" -u nobody \
		-l "$D/mini-httpd/access.log" -i "$D/mini-httpd/mini_httpd.pid"
}

u_radicale() {
	mkdir -p "$D/radicale/collections"
	chown -R nobody:nogroup "$D/radicale"
	run radicale runuser -u nobody -- radicale --config "" --server-hosts "127.0.0.1:$(port http-radicale)" \
		--storage-filesystem-folder "$D/radicale/collections" --auth-type none --logging-level warning
}

u_squid() {
	local S=$D/squid
	mkdir -p "$S" && chown proxy:proxy "$S"
	cat >"$S/squid.conf" <<EOC
http_port 127.0.0.1:$(port proxy-squid)
visible_hostname squid.signet.test
pid_filename $S/squid.pid
cache_log stdio:$S/cache.log
access_log none
cache_store_log none
coredump_dir $S
cache_effective_user proxy
shutdown_lifetime 1 seconds
icp_port 0
htcp_port 0
snmp_port 0
udp_incoming_address 127.0.0.1
udp_outgoing_address 127.0.0.1
tcp_outgoing_address 127.0.0.1
dns_nameservers 127.0.0.1
hosts_file none
http_access deny all
cache_mem 8 MB
pinger_enable off
EOC
	run squid squid -N -f "$S/squid.conf"
}

u_tinyproxy() {
	mkdir -p "$D/tinyproxy"
	cat >"$D/tinyproxy/tinyproxy.conf" <<EOC
Port $(port proxy-tinyproxy)
Listen 127.0.0.1
Timeout 10
MaxClients 10
Allow 127.0.0.1
Upstream http 127.0.0.1:41001
EOC
	run tinyproxy tinyproxy -d -c "$D/tinyproxy/tinyproxy.conf"
}

u_privoxy() {
	local P=$D/privoxy
	mkdir -p "$P" && chown nobody:nogroup "$P"
	cat >"$P/config" <<EOC
confdir /etc/privoxy
logdir $P
listen-address 127.0.0.1:$(port proxy-privoxy)
forward / 127.0.0.1:41001
toggle 1
enable-remote-toggle 0
enable-edit-actions 0
EOC
	run privoxy privoxy --no-daemon --user nobody "$P/config"
}

u_postfix() {
	local P=$D/postfix
	mkdir -p "$P/queue" "$P/data"
	cat >"$P/main.cf" <<EOC
compatibility_level = 3.6
myhostname = mail.signet.test
mydomain = signet.test
myorigin = signet.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
queue_directory = $P/queue
data_directory = $P/data
mydestination =
mynetworks = 127.0.0.0/8
relayhost =
default_transport = error:testbed relays nothing
relay_transport = error:testbed relays nothing
local_transport = error:testbed delivers nothing
alias_maps =
alias_database =
smtpd_recipient_restrictions = reject
smtpd_banner = \$myhostname ESMTP \$mail_name (Debian/GNU)
smtpd_tls_cert_file = $D/tls/cert.pem
smtpd_tls_key_file = $D/tls/key.pem
smtpd_tls_security_level = may
maillog_file = /dev/stdout
EOC
	cat >"$P/master.cf" <<EOC
127.0.0.1:$(port smtp-postfix) inet n - n - - smtpd
cleanup unix n - n - 0 cleanup
qmgr unix n - n 300 1 qmgr
rewrite unix - - n - - trivial-rewrite
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
flush unix n - n 1000? 0 flush
proxymap unix - - n - - proxymap
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
error unix - - n - - error
retry unix - - n - - error
tlsmgr unix - - n 1000? 1 tlsmgr
postlog unix-dgram n - n - 1 postlogd
EOC
	chown postfix "$P/data"
	postfix -c "$P" check >>"$D/logs/postfix.log" 2>&1 || return 1 # creates the queue directories
	# master -d: stays in the foreground and in our session (`postfix start-fg` would setsid)
	run postfix /usr/lib/postfix/sbin/master -c "$P" -d
}

u_stunnel() {
	mkdir -p "$D/stunnel"
	cat >"$D/stunnel/stunnel.conf" <<EOC
foreground = yes
pid = $D/stunnel/stunnel.pid
[smtps]
accept = 127.0.0.1:$(port smtps-stunnel)
connect = 127.0.0.1:$(port smtp-postfix)
cert = $D/tls/cert.pem
key = $D/tls/key.pem
EOC
	run stunnel stunnel4 "$D/stunnel/stunnel.conf"
}

u_dovecot() {
	local V=$D/dovecot
	mkdir -p "$V/run" "$V/state"
	cat >"$V/dovecot.conf" <<EOC
base_dir = $V/run
state_dir = $V/state
listen = 127.0.0.1
protocols = imap pop3
log_path = $V/dovecot.log
ssl = yes
ssl_cert = <$D/tls/cert.pem
ssl_key = <$D/tls/key.pem
mail_location = mbox:/nonexistent
passdb {
  driver = static
  args = nopassword=y
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=/nonexistent
}
service imap-login {
  inet_listener imap {
    port = $(port imap-dovecot)
  }
  inet_listener imaps {
    port = $(port imaps-dovecot)
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = $(port pop3-dovecot)
  }
  inet_listener pop3s {
    port = $(port pop3s-dovecot)
    ssl = yes
  }
}
EOC
	run dovecot dovecot -F -c "$V/dovecot.conf"
}

u_vsftpd() {
	mkdir -p "$D/vsftpd/empty" "$D/vsftpd/anon"
	cat >"$D/vsftpd/vsftpd.conf" <<EOC
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=$(port ftp-vsftpd)
background=NO
anonymous_enable=YES
no_anon_password=YES
anon_root=$D/vsftpd/anon
ftp_username=nobody
local_enable=NO
pasv_enable=NO
xferlog_enable=NO
secure_chroot_dir=$D/vsftpd/empty
nopriv_user=nobody
EOC
	run vsftpd vsftpd "$D/vsftpd/vsftpd.conf"
}

u_pyftpdlib() {
	mkdir -p "$D/ftp"
	run pyftpdlib python3 -m pyftpdlib -i 127.0.0.1 -p "$(port ftp-pyftpdlib)" -d "$D/ftp" -r 41700-41710
}

u_redis() {
	mkdir -p "$D/redis"
	run redis redis-server --port "$(port redis)" --bind 127.0.0.1 --save '' --appendonly no \
		--dir "$D/redis" --daemonize no --logfile "$D/redis/redis.log" --protected-mode yes
}

u_memcached() {
	run memcached memcached -l 127.0.0.1 -p "$(port memcached-tcp)" -U "$(port memcached-udp)" -u nobody -m 16
}

u_mariadb() {
	local M=$D/mariadb
	mkdir -p "$M" && chown mysql:mysql "$M"
	mariadb-install-db --no-defaults --datadir="$M/data" --user=mysql --skip-test-db \
		--auth-root-authentication-method=normal >>"$D/logs/mariadb.log" 2>&1 || return 1
	run mariadb mariadbd --no-defaults --datadir="$M/data" --socket="$M/mysql.sock" --port="$(port mysql-mariadb)" \
		--bind-address=127.0.0.1 --user=mysql --pid-file="$M/mysql.pid" --skip-log-bin --skip-name-resolve \
		--log-error="$M/error.log" --innodb-buffer-pool-size=16M --performance-schema=OFF --skip-grant-tables=0
}

u_postgres() {
	local G=$D/postgres PGBIN
	PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
	[ -n "$PGBIN" ] || return 1
	mkdir -p "$G/sock" && chown -R postgres:postgres "$G"
	runuser -u postgres -- "$PGBIN/initdb" -D "$G/data" -A trust -N >>"$D/logs/postgres.log" 2>&1 || return 1
	run postgres runuser -u postgres -- "$PGBIN/postgres" -D "$G/data" -p "$(port postgresql)" -k "$G/sock" \
		-c listen_addresses=127.0.0.1 -c shared_buffers=16MB -c logging_collector=off
}

u_beanstalkd() { run beanstalkd beanstalkd -l 127.0.0.1 -p "$(port beanstalkd)"; }

u_mosquitto() {
	mkdir -p "$D/mosquitto"
	cat >"$D/mosquitto/mosquitto.conf" <<EOC
listener $(port mqtt-mosquitto) 127.0.0.1
allow_anonymous true
persistence false
log_dest stderr
EOC
	run mosquitto mosquitto -c "$D/mosquitto/mosquitto.conf"
}

u_nats() { run nats nats-server -a 127.0.0.1 -p "$(port nats)" -n testbed; }

u_gearmand() {
	mkdir -p "$D/gearmand"
	run gearmand gearmand -L 127.0.0.1 -p "$(port gearman)" --log-file="$D/gearmand/gearmand.log" \
		--pid-file="$D/gearmand/gearmand.pid" -t 1
}

u_named() {
	local B=$D/named
	mkdir -p "$B"
	cat >"$B/named.conf" <<EOC
options {
	directory "$B";
	pid-file "$B/named.pid";
	session-keyfile "$B/session.key";
	lock-file "$B/named.lock";
	managed-keys-directory "$B";
	listen-on port $(port dns-bind9-tcp) { 127.0.0.1; };
	listen-on port $(port dns-bind9-udp) { 127.0.0.1; };
	listen-on-v6 { none; };
	recursion no;
	dnssec-validation no;
	notify no;
	allow-transfer { none; };
};
controls { };
EOC
	run named named -4 -f -n 1 -c "$B/named.conf"
}

u_unbound() {
	local U=$D/unbound
	mkdir -p "$U"
	cat >"$U/unbound.conf" <<EOC
server:
	interface: 127.0.0.1@$(port dns-unbound-tcp)
	interface: 127.0.0.1@$(port dns-unbound-udp)
	do-daemonize: no
	chroot: ""
	username: ""
	directory: "$U"
	pidfile: "$U/unbound.pid"
	use-syslog: no
	logfile: ""
	do-ip6: no
	num-threads: 1
	hide-version: no
	hide-identity: no
	access-control: 127.0.0.0/8 allow
	module-config: "iterator"
	local-zone: "." static
remote-control:
	control-enable: no
EOC
	run unbound unbound -d -c "$U/unbound.conf"
}

u_nsd() {
	local S=$D/nsd
	mkdir -p "$S"
	cat >"$S/nsd.conf" <<EOC
server:
	ip-address: 127.0.0.1@$(port dns-nsd-tcp)
	ip-address: 127.0.0.1@$(port dns-nsd-udp)
	do-ip6: no
	server-count: 1
	pidfile: "$S/nsd.pid"
	zonesdir: "$S"
	zonelistfile: "$S/zone.list"
	database: ""
	xfrdfile: "$S/xfrd.state"
	xfrdir: "$S"
	username: ""
	chroot: ""
	hide-version: no
	logfile: "$S/nsd.log"
remote-control:
	control-enable: no
EOC
	run nsd nsd -d -c "$S/nsd.conf"
}

u_dnsmasq() {
	run dnsmasq dnsmasq -k -p "$(port dns-dnsmasq-udp)" --listen-address=127.0.0.1 --bind-interfaces \
		--no-resolv --no-hosts --no-poll -C /dev/null --pid-file="$D/dnsmasq.pid" --user=nobody --log-facility=-
}

u_slapd() {
	local L=$D/slapd
	mkdir -p "$L/db"
	cat >"$L/slapd.conf" <<EOC
include /etc/ldap/schema/core.schema
pidfile $L/slapd.pid
modulepath /usr/lib/ldap
moduleload back_mdb
TLSCertificateFile $D/tls/cert.pem
TLSCertificateKeyFile $D/tls/key.pem
database mdb
maxsize 16777216
suffix "dc=signet,dc=test"
rootdn "cn=admin,dc=signet,dc=test"
directory $L/db
EOC
	run slapd slapd -d 0 -h "ldap://127.0.0.1:$(port ldap-slapd)/ ldaps://127.0.0.1:$(port ldaps-slapd)/" \
		-f "$L/slapd.conf"
}

u_krb5kdc() {
	local K=$D/krb5
	mkdir -p "$K"
	cat >"$K/krb5.conf" <<EOC
[libdefaults]
	default_realm = SIGNET.TEST
	dns_lookup_kdc = false
	dns_lookup_realm = false
[realms]
	SIGNET.TEST = {
		kdc = 127.0.0.1:$(port kerberos-udp)
	}
EOC
	cat >"$K/kdc.conf" <<EOC
[kdcdefaults]
	kdc_listen = 127.0.0.1:$(port kerberos-udp)
	kdc_tcp_listen = 127.0.0.1:$(port kerberos-tcp)
[realms]
	SIGNET.TEST = {
		database_name = $K/principal
		key_stash_file = $K/stash
		acl_file = $K/kadm5.acl
		kdc_listen = 127.0.0.1:$(port kerberos-udp)
		kdc_tcp_listen = 127.0.0.1:$(port kerberos-tcp)
	}
[logging]
	kdc = FILE:$K/kdc.log
EOC
	: >"$K/kadm5.acl"
	export KRB5_CONFIG=$K/krb5.conf KRB5_KDC_PROFILE=$K/kdc.conf
	kdb5_util -r SIGNET.TEST create -s -P signet-testbed >>"$D/logs/krb5kdc.log" 2>&1 || return 1
	run krb5kdc krb5kdc -n -r SIGNET.TEST -P "$K/krb5kdc.pid"
	unset KRB5_CONFIG KRB5_KDC_PROFILE
}

u_rsync() {
	mkdir -p "$D/rsync"
	printf 'pid file = %s/rsync/rsyncd.pid\nuse chroot = no\nmotd file = /dev/null\n[pub]\npath = %s/www\ncomment = signet testbed\n' \
		"$D" "$D" >"$D/rsync/rsyncd.conf"
	run rsync rsync --daemon --no-detach --ipv4 --address=127.0.0.1 --port="$(port rsync)" --config="$D/rsync/rsyncd.conf"
}

u_cupsd() {
	local C=$D/cups
	mkdir -p "$C/spool" "$C/cache" "$C/state" "$C/log"
	cat >"$C/cupsd.conf" <<EOC
Listen 127.0.0.1:$(port ipp-cups)
LogLevel warn
Browsing No
BrowseLocalProtocols none
DefaultAuthType Basic
<Location />
  Order allow,deny
  Allow all
</Location>
EOC
	cat >"$C/cups-files.conf" <<EOC
ServerRoot $C
RequestRoot $C/spool
CacheDir $C/cache
StateDir $C/state
ErrorLog $C/log/error_log
AccessLog $C/log/access_log
PageLog $C/log/page_log
TempDir $C/spool
EOC
	run cupsd cupsd -f -c "$C/cupsd.conf" -s "$C/cups-files.conf"
}

u_ngircd() {
	mkdir -p "$D/ngircd"
	cat >"$D/ngircd/ngircd.conf" <<EOC
[Global]
Name = irc.signet.test
Info = signet testbed
Listen = 127.0.0.1
Ports = $(port irc-ngircd)
PidFile = $D/ngircd/ngircd.pid
MotdPhrase = signet testbed
[Options]
DNS = no
Ident = no
PAM = no
EOC
	run ngircd ngircd -n -f "$D/ngircd/ngircd.conf"
}

u_inspircd() {
	local I=$D/inspircd
	mkdir -p "$I"
	cat >"$I/inspircd.conf" <<EOC
<server name="irc2.signet.test" description="signet testbed" network="SignetTest">
<admin name="testbed" nick="testbed" email="testbed@signet.test">
<bind address="127.0.0.1" port="$(port irc-inspircd)" type="clients">
<power diepass="" restartpass="">
<connect name="main" allow="127.0.0.1" maxchans="20" timeout="20" pingfreq="120" hardsendq="1M" softsendq="8192" recvq="8K" threshold="10" commandrate="1000" fakelag="on" localmax="100" globalmax="100" useident="no" resolvehostnames="no">
<class name="Shutdown" commands="DIE RESTART REHASH">
<files motd="$I/motd.txt">
<dns server="127.0.0.1" timeout="1" sourceip="127.0.0.1" sourceport="0">
<pid file="$I/inspircd.pid">
<log method="file" type="* -USERINPUT -USEROUTPUT" level="default" target="$I/ircd.log">
<options prefixquit="Quit: " hostintopic="yes" pingwarning="15" splitwhois="no" announceinvites="dynamic" syntaxhints="no" cyclehostsfromuser="no" ircumsgprefix="no" announcets="yes" allowmismatch="no" defaultbind="auto" exemptchanops="" >
<security hideulines="no" flatlinks="no" announceinvites="dynamic" maxtargets="20" customversion="" operspywhois="no" restrictbannedusers="yes" genericoper="no" userstats="Pu">
<performance netbuffersize="10240" somaxconn="128" softlimit="1024" clonesonconnect="yes" quietbursts="yes">
<limits maxnick="30" maxchan="64" maxmodes="20" maxident="10" maxhost="64" maxquit="255" maxtopic="307" maxkick="255" maxreal="128" maxaway="200">
EOC
	echo "signet testbed" >"$I/motd.txt"
	run inspircd inspircd --runasroot --nofork --config="$I/inspircd.conf"
}

u_znc() {
	local Z=$D/znc
	mkdir -p "$Z/configs"
	cat >"$Z/configs/znc.conf" <<EOC
Version = 1.8.2
<Listener l>
	Host = 127.0.0.1
	Port = $(port irc-znc)
	IPv4 = true
	IPv6 = false
	SSL = false
	AllowIRC = true
	AllowWeb = true
</Listener>
<User testbed>
	Pass = sha256#3fd9f4ae3d8e6e0d3a0b91a1e2e93db8a3b0e4f5c2f0b0f3d2b9a7f1c3d5e7f9#saltsalt#
	Admin = true
	Nick = testbed
	AltNick = testbed_
	Ident = testbed
	RealName = signet testbed
</User>
EOC
	chown -R nobody:nogroup "$Z" # ZNC as root waits 30 s before it starts: run it as nobody
	run znc runuser -u nobody -- znc --foreground --datadir="$Z"
}

u_prosody() {
	local X=$D/prosody
	mkdir -p "$X"
	cat >"$X/prosody.cfg.lua" <<EOC
run_as_root = true
daemonize = false
pidfile = "$X/prosody.pid"
data_path = "$X"
interfaces = { "127.0.0.1" }
c2s_ports = { $(port xmpp-prosody) }
c2s_direct_tls_ports = { }
s2s_ports = { $(port xmpp-s2s-prosody) }
http_ports = { }
https_ports = { }
component_ports = { }
modules_enabled = { "disco"; "saslauth"; "tls"; "version"; }
-- s2s listens (both sides of XMPP: client and server ports) but never
-- dials out: no dialback (it would connect back to the domain a peer
-- claims), certificate-only auth, and no user to send a stanza anywhere
modules_disabled = { "dialback"; }
s2s_secure_auth = true
log = { error = "$X/error.log" }
VirtualHost "signet.test"
EOC
	run prosody prosody --config "$X/prosody.cfg.lua" -F
}

u_inetd() {
	inetd_unit inetd "127.0.0.1:$(port telnet-inetutils) stream tcp nowait root /usr/sbin/telnetd telnetd"
}

u_git-daemon() {
	mkdir -p "$D/git"
	git init -q --bare "$D/git/testbed.git" || return 1
	run git-daemon git daemon --listen=127.0.0.1 --port="$(port git-daemon)" --base-path="$D/git" --export-all \
		--reuseaddr --informative-errors "$D/git"
}

u_svnserve() {
	mkdir -p "$D/svn"
	svnadmin create "$D/svn/testbed" || return 1
	run svnserve svnserve -d --foreground --listen-host 127.0.0.1 --listen-port "$(port svn)" -r "$D/svn" \
		--pid-file "$D/svn/svnserve.pid"
}

u_nrpe() {
	mkdir -p "$D/nrpe"
	cat >"$D/nrpe/nrpe.cfg" <<EOC
pid_file=$D/nrpe/nrpe.pid
server_port=$(port nrpe)
server_address=127.0.0.1
nrpe_user=nobody
nrpe_group=nogroup
allowed_hosts=127.0.0.1
dont_blame_nrpe=0
allow_bash_command_substitution=0
command_timeout=10
connection_timeout=30
command[check_testbed]=/bin/true
EOC
	run nrpe nrpe -c "$D/nrpe/nrpe.cfg" -f
}

u_munin-node() {
	local U=$D/munin
	mkdir -p "$U/plugins" "$U/plugin-conf.d"
	cat >"$U/munin-node.conf" <<EOC
log_level 4
log_file $U/munin-node.log
pid_file $U/munin-node.pid
background 0
setsid 0
user root
group root
host_name testbed.signet.test
allow ^127\.0\.0\.1\$
host 127.0.0.1
port $(port munin)
EOC
	run munin-node munin-node --config "$U/munin-node.conf"
}

u_xvnc() {
	# display number: from the port, well away from the usual :0-:99
	local n=$(($(port vnc-tigervnc) - 41590 + 4159)) lp
	# a lock left by a KILLed Xvnc of an earlier bed would block the display
	if [ -e "/tmp/.X$n-lock" ]; then
		lp=$(tr -dc 0-9 <"/tmp/.X$n-lock")
		if [ -z "$lp" ] || ! kill -0 "$lp" 2>/dev/null; then rm -f "/tmp/.X$n-lock" "/tmp/.X11-unix/X$n"; fi
	fi
	run xvnc Xvnc ":$n" -rfbport "$(port vnc-tigervnc)" -interface 127.0.0.1 -UseIPv6=0 -localhost -nolisten tcp \
		-SecurityTypes None -geometry 640x480 -depth 16 -desktop signet-testbed -NeverShared=0
}

u_icecast2() {
	local C=$D/icecast
	mkdir -p "$C/log" && chown nobody:nogroup "$C/log"
	cat >"$C/icecast.xml" <<EOC
<icecast>
  <location>signet testbed</location>
  <admin>testbed@signet.test</admin>
  <limits><clients>20</clients><sources>2</sources></limits>
  <authentication>
    <source-password>signet-testbed</source-password>
    <relay-password>signet-testbed</relay-password>
    <admin-user>admin</admin-user>
    <admin-password>signet-testbed</admin-password>
  </authentication>
  <hostname>localhost</hostname>
  <listen-socket><port>$(port http-icecast)</port><bind-address>127.0.0.1</bind-address></listen-socket>
  <fileserve>1</fileserve>
  <paths>
    <basedir>/usr/share/icecast2</basedir>
    <logdir>$C/log</logdir>
    <webroot>/usr/share/icecast2/web</webroot>
    <adminroot>/usr/share/icecast2/admin</adminroot>
    <pidfile>$C/log/icecast.pid</pidfile>
  </paths>
  <logging><accesslog>access.log</accesslog><errorlog>error.log</errorlog><loglevel>2</loglevel></logging>
  <security><chroot>0</chroot><changeowner><user>nobody</user><group>nogroup</group></changeowner></security>
</icecast>
EOC
	run icecast2 icecast2 -c "$C/icecast.xml"
}

u_mpd() {
	local P=$D/mpd
	mkdir -p "$P/music" "$P/playlists"
	cat >"$P/mpd.conf" <<EOC
music_directory "$P/music"
playlist_directory "$P/playlists"
db_file "$P/db"
log_file "$P/mpd.log"
pid_file "$P/mpd.pid"
state_file "$P/state"
bind_to_address "127.0.0.1"
port "$(port mpd)"
zeroconf_enabled "no"
auto_update "no"
audio_output {
	type "null"
	name "null"
}
EOC
	run mpd mpd --no-daemon "$P/mpd.conf"
}

# smbd_unit UNIT DIR NETBIOS-NAME PORT [GLOBAL-LINE...]: a standalone Samba with one
# read-only guest share, on 127.0.0.1 only, every file of its own under $D/DIR.
smbd_unit() {
	local unit=$1 S=$D/$2 name=$3 smbport=$4
	shift 4
	mkdir -p "$S/private" "$S/lock" "$S/state" "$S/cache" "$S/pid" "$S/ncalrpc" "$S/log" "$S/share"
	chmod 700 "$S/private"
	{
		printf '[global]\n\tworkgroup = SIGNET\n\tnetbios name = %s\n' "$name"
		for line in "$@"; do printf '\t%s\n' "$line"; done
		cat <<EOC
	server role = standalone server
	interfaces = 127.0.0.1
	bind interfaces only = yes
	smb ports = $smbport
	disable netbios = yes
	map to guest = bad user
	private dir = $S/private
	lock directory = $S/lock
	state directory = $S/state
	cache directory = $S/cache
	pid directory = $S/pid
	ncalrpc dir = $S/ncalrpc
	passdb backend = tdbsam:$S/private/passdb.tdb
	log file = $S/log/log.%m
	load printers = no
	printing = bsd
	printcap name = /dev/null
	disable spoolss = yes
	dns proxy = no
	rpc start on demand helpers = no
[share]
	path = $S/share
	read only = yes
	guest ok = yes
EOC
	} >"$S/smb.conf"
	run "$unit" smbd --foreground --no-process-group -s "$S/smb.conf"
}

u_smbd() { smbd_unit smbd samba TESTBED "$(port smb-samba)" "server string = signet testbed"; }

u_coturn() {
	mkdir -p "$D/coturn"
	run coturn turnserver -n --listening-ip=127.0.0.1 --listening-port="$(port stun-coturn)" --relay-ip=127.0.0.1 \
		--no-tcp --no-tls --no-dtls --no-cli --stun-only --no-rfc5780 --no-stun-backward-compatibility=0 \
		--log-file=stdout --simple-log --pidfile="$D/coturn/turnserver.pid" --userdb="$D/coturn/turndb" \
		--realm=signet.test
}

u_uhub() {
	local H=$D/uhub
	mkdir -p "$H"
	cat >"$H/uhub.conf" <<EOC
server_bind_addr=127.0.0.1
server_port=$(port adc-uhub)
hub_name=signet testbed
hub_description=signet testbed
max_users=50
file_acl=$H/users.conf
EOC
	: >"$H/users.conf"
	run uhub uhub -c "$H/uhub.conf"
}

u_chronyd() {
	local C=$D/chrony
	mkdir -p "$C" && chown _chrony:_chrony "$C" 2>/dev/null
	cat >"$C/chrony.conf" <<EOC
port $(port ntp-chrony)
bindaddress 127.0.0.1
cmdport 0
bindcmdaddress /
local stratum 10
allow 127.0.0.1
driftfile $C/drift
pidfile $C/chronyd.pid
EOC
	run chronyd chronyd -4 -d -x -f "$C/chrony.conf"
}

u_snmpd() {
	mkdir -p "$D/snmpd"
	cat >"$D/snmpd/snmpd.conf" <<EOC
agentaddress udp:127.0.0.1:$(port snmp)
rocommunity public 127.0.0.1
sysLocation signet testbed
sysContact testbed@signet.test
master no
EOC
	SNMP_PERSISTENT_DIR=$D/snmpd run snmpd snmpd -f -Lo -C -c "$D/snmpd/snmpd.conf" -p "$D/snmpd/snmpd.pid" -m "" -I -smux
}

u_tftpd() {
	mkdir -p "$D/tftp"
	echo "signet testbed" >"$D/tftp/hello.txt"
	run tftpd in.tftpd -4 -L -a "127.0.0.1:$(port tftp)" -s "$D/tftp" -u nobody -P "$D/tftp.pid"
}

# ---------------------------------------------------------------- units grown by ranking
# Servers added by walking testbed/ranking.tsv (testbed/selection.tsv gives
# each source's decision and why some were left out). A program that runs
# from inetd gets an inetd of its own, so each unit is one server program.

# inetd_unit UNIT LINE...: a super-server of its own serving these
# inetd.conf lines ("127.0.0.1:PORT stream tcp nowait USER SERVER ARGV0 ARGS").
# openbsd-inetd and xinetd conflict in Debian (both are inet-superserver):
# whichever is installed serves them.
inetd_unit() {
	local unit=$1
	shift
	if command -v inetd >/dev/null; then
		printf '%s\n' "$@" >"$D/inetd-$unit.conf"
		run "$unit" inetd -d "$D/inetd-$unit.conf"
		return
	fi
	command -v xinetd >/dev/null || { echo "neither openbsd-inetd nor xinetd is installed"; return 1; }
	local line addr sock proto wait user server argv0 args n=0
	{
		printf 'defaults\n{\n\tinstances = 20\n}\n'
		for line in "$@"; do
			read -r addr sock proto wait user server argv0 args <<<"$line"
			n=$((n + 1))
			printf 'service %s-%s\n{\n\ttype = UNLISTED\n\tsocket_type = %s\n\tprotocol = %s\n\tport = %s\n\tbind = %s\n\twait = %s\n\tuser = %s\n\tserver = %s\n' \
				"$unit" "$n" "$sock" "$proto" "${addr##*:}" "${addr%:*}" "$([ "$wait" = wait ] && echo yes || echo no)" "$user" "$server"
			[ -n "$args" ] && printf '\tserver_args = %s\n' "$args"
			printf '}\n'
		done
	} >"$D/xinetd-$unit.conf"
	run "$unit" xinetd -dontfork -stayalive -f "$D/xinetd-$unit.conf" -pidfile "$D/xinetd-$unit.pid"
}

# SMB2/3 only: it refuses the SMB1 negotiation older scanners send
u_smbd2() { smbd_unit smbd2 samba2 TESTBED2 "$(port smb2-samba)" "server string = signet testbed smb2" "server min protocol = SMB2"; }

u_trytond() {
	local T=$D/trytond
	mkdir -p "$T/data" && chown -R nobody:nogroup "$T"
	printf '[web]\nlisten = 127.0.0.1:%s\n[database]\nuri = sqlite://\npath = %s/data\n' "$(port http-trytond)" "$T" >"$T/trytond.conf"
	run trytond runuser -u nobody -- trytond -c "$T/trytond.conf"
}

u_pulseaudio() {
	local P=$D/pulse
	mkdir -p "$P/home" "$P/run" && chown -R nobody:nogroup "$P"
	chmod 700 "$P/run"
	HOME=$P/home XDG_RUNTIME_DIR=$P/run run pulseaudio runuser -u nobody -m -- pulseaudio -n --daemonize=no --exit-idle-time=-1 \
		--use-pid-file=no --disallow-module-loading=no -L module-null-sink \
		-L "module-native-protocol-tcp port=$(port pulseaudio-native) listen=127.0.0.1 auth-anonymous=1" \
		-L "module-http-protocol-tcp port=$(port http-pulseaudio) listen=127.0.0.1"
}

u_uwsgi() {
	mkdir -p "$D/uwsgi"
	printf 'def application(env, start):\n    start("200 OK", [("Content-Type", "text/html")])\n    return [b"<html><title>signet testbed</title></html>"]\n' >"$D/uwsgi/app.py"
	run uwsgi uwsgi --plugin python3 --http-socket "127.0.0.1:$(port http-uwsgi)" --wsgi-file "$D/uwsgi/app.py" \
		--master --processes 1 --uid nobody --gid nogroup --die-on-term
}

u_hg() {
	mkdir -p "$D/hg"
	hg init "$D/hg/testbed" || return 1
	run hg hg serve -R "$D/hg/testbed" -a 127.0.0.1 -p "$(port http-hg)" -A /dev/null -E "$D/hg/error.log"
}

u_gkrellmd() {
	run gkrellmd gkrellmd -A 127.0.0.1 -P "$(port gkrellmd)" -a 127.0.0.1 -U nobody -G nogroup
}

u_dictd() {
	local T=$D/dictd
	mkdir -p "$T"
	printf 'signet\n  a service and version scanner\n' | dictfmt -j -u signet -s "signet testbed" --without-time "$T/signet" || return 1
	printf 'access { allow 127.0.0.1 }\ndatabase signet { data "%s/signet.dict" index "%s/signet.index" }\n' "$T" "$T" >"$T/dictd.conf"
	run dictd dictd -d nodetach --listen-to 127.0.0.1 -p "$(port dict)" -c "$T/dictd.conf"
}

u_cvs() {
	mkdir -p "$D/cvs"
	cvs -d "$D/cvs/root" init || return 1
	inetd_unit cvs "127.0.0.1:$(port cvspserver) stream tcp nowait root /usr/bin/cvs cvs -f --allow-root=$D/cvs/root pserver"
}

u_lpd() {
	# BSD lpd has no foreground switch: it forks away and is found by its marker
	run lpd lpd -b 127.0.0.1 "$(port printer-lpd)"
}

u_tor() {
	local T=$D/tor
	mkdir -p "$T/data" && chown -R debian-tor:debian-tor "$T" && chmod 700 "$T/data"
	cat >"$T/torrc" <<EOC
DisableNetwork 1
DataDirectory $T/data
SocksPort 0
ControlPort 127.0.0.1:$(port tor-control)
CookieAuthentication 0
ClientUseIPv6 0
User debian-tor
Log notice stdout
EOC
	run tor tor -f "$T/torrc" --defaults-torrc /dev/null
}

u_spamd() {
	mkdir -p "$D/spamd"
	run spamd spamd --listen="127.0.0.1:$(port spamd)" --allowed-ips=127.0.0.1 --max-children=3 --min-children=2 \
		--username=nobody --pidfile="$D/spamd/spamd.pid" --syslog=stderr --local --nouser-config
}

u_imap4d() {
	mkdir -p "$D/mailutils"
	printf 'server 127.0.0.1:%s {\n  transcript no;\n};\n' "$(port imap-mailutils)" >"$D/mailutils/imap4d.conf"
	run imap4d imap4d --config-file="$D/mailutils/imap4d.conf" --daemon --foreground
}

u_pop3d() {
	mkdir -p "$D/mailutils-pop"
	printf 'server 127.0.0.1:%s {\n  transcript no;\n};\n' "$(port pop3-mailutils)" >"$D/mailutils-pop/pop3d.conf"
	run pop3d pop3d --config-file="$D/mailutils-pop/pop3d.conf" --daemon --foreground
}

u_ovsdb-server() {
	local O=$D/ovsdb
	mkdir -p "$O"
	# a one-table schema of our own (the switch's schema ships with openvswitch-switch)
	printf '{"name": "Signet", "version": "1.0.0", "tables": {"T": {"columns": {"name": {"type": "string"}}}}}\n' >"$O/signet.ovsschema"
	ovsdb-tool create "$O/conf.db" "$O/signet.ovsschema" || return 1
	run ovsdb-server ovsdb-server "$O/conf.db" --remote="ptcp:$(port ovsdb):127.0.0.1" --pidfile="$O/ovsdb.pid" \
		--unixctl="$O/ovsdb.ctl" --log-file="$O/ovsdb.log"
}

u_rshd() {
	inetd_unit rshd "127.0.0.1:$(port rsh) stream tcp nowait root /usr/sbin/in.rshd in.rshd" \
		"127.0.0.1:$(port rlogin) stream tcp nowait root /usr/sbin/in.rlogind in.rlogind"
}

u_redis-sentinel() {
	local R=$D/redis-sentinel
	mkdir -p "$R"
	printf 'port %s\nbind 127.0.0.1\ndir %s\nsentinel monitor testbed 127.0.0.1 %s 1\n' "$(port redis-sentinel)" "$R" "$(port redis)" >"$R/sentinel.conf"
	run redis-sentinel redis-sentinel "$R/sentinel.conf"
}

u_kadmind() {
	# its own realm database: krb5kdc's is prepared in parallel by u_krb5kdc
	local K=$D/kadmin
	mkdir -p "$K"
	cat >"$K/kdc.conf" <<EOC
[kdcdefaults]
	kdc_listen = 127.0.0.1:$(port kerberos-udp)
[realms]
	ADMIN.SIGNET.TEST = {
		database_name = $K/principal
		key_stash_file = $K/stash
		acl_file = $K/kadm5.acl
		kadmind_listen = 127.0.0.1:$(port kerberos-adm)
		kpasswd_listen = 127.0.0.1:$(port kpasswd)
	}
[logging]
	admin_server = FILE:$K/kadmind.log
EOC
	printf '[libdefaults]\n\tdefault_realm = ADMIN.SIGNET.TEST\n\tdns_lookup_kdc = false\n' >"$K/krb5.conf"
	: >"$K/kadm5.acl"
	KRB5_CONFIG=$K/krb5.conf KRB5_KDC_PROFILE=$K/kdc.conf kdb5_util -r ADMIN.SIGNET.TEST create -s -P signet-testbed \
		>>"$D/logs/kadmind.log" 2>&1 || return 1
	KRB5_CONFIG=$K/krb5.conf KRB5_KDC_PROFILE=$K/kdc.conf run kadmind kadmind -nofork -r ADMIN.SIGNET.TEST -P "$K/kadmind.pid"
}

u_xtightvnc() {
	local n=$(($(port vnc-tightvnc) - 41591 + 4160)) lp
	if [ -e "/tmp/.X$n-lock" ]; then
		lp=$(tr -dc 0-9 <"/tmp/.X$n-lock")
		if [ -z "$lp" ] || ! kill -0 "$lp" 2>/dev/null; then rm -f "/tmp/.X$n-lock" "/tmp/.X11-unix/X$n"; fi
	fi
	mkdir -p "$D/tightvnc"
	printf 'signet\n' | vncpasswd -f >"$D/tightvnc/passwd" 2>/dev/null
	run xtightvnc Xtightvnc ":$n" -rfbport "$(port vnc-tightvnc)" -interface 127.0.0.1 -localhost -nolisten tcp \
		-rfbauth "$D/tightvnc/passwd" -geometry 640x480 -depth 16 -desktop signet-testbed
}

u_dbskkd() {
	inetd_unit dbskkd "127.0.0.1:$(port skkserv) stream tcp nowait nobody /usr/sbin/dbskkd-cdb dbskkd-cdb"
}

u_transmission() {
	local T=$D/transmission
	mkdir -p "$T" && chown -R debian-transmission:debian-transmission "$T"
	cat >"$T/settings.json" <<EOC
{
 "rpc-bind-address": "127.0.0.1", "rpc-port": $(port transmission-rpc), "rpc-whitelist": "127.0.0.1",
 "rpc-authentication-required": false, "bind-address-ipv4": "127.0.0.1", "bind-address-ipv6": "::1",
 "peer-port": $(port bittorrent), "peer-port-random-on-start": false, "port-forwarding-enabled": false,
 "dht-enabled": false, "lpd-enabled": false, "pex-enabled": false, "utp-enabled": false,
 "blocklist-enabled": false, "download-dir": "$T", "incomplete-dir-enabled": false
}
EOC
	chown debian-transmission "$T/settings.json"
	run transmission runuser -u debian-transmission -- transmission-daemon -f -g "$T"
}

u_twiggy() {
	mkdir -p "$D/psgi"
	printf 'sub { [200, ["Content-Type" => "text/html"], ["<html><title>signet testbed</title></html>"]] }\n' >"$D/psgi/app.psgi"
	run twiggy runuser -u nobody -- twiggy --listen "127.0.0.1:$(port http-twiggy)" "$D/psgi/app.psgi"
}

u_starman() {
	mkdir -p "$D/starman"
	printf 'sub { [200, ["Content-Type" => "text/html"], ["<html><title>signet testbed</title></html>"]] }\n' >"$D/starman/app.psgi"
	run starman runuser -u nobody -- starman --listen "127.0.0.1:$(port http-starman)" --workers 1 "$D/starman/app.psgi"
}

u_waitress() {
	mkdir -p "$D/waitress"
	printf 'def app(env, start):\n    start("200 OK", [("Content-Type", "text/html")])\n    return [b"<html><title>signet testbed</title></html>"]\n' >"$D/waitress/tbapp.py"
	(cd "$D/waitress" && run waitress runuser -u nobody -- waitress-serve --listen="127.0.0.1:$(port http-waitress)" \
		--threads=1 tbapp:app)
}

u_bitlbee() {
	local B=$D/bitlbee
	mkdir -p "$B" && chown bitlbee "$B" 2>/dev/null
	printf '[settings]\nRunMode = ForkDaemon\nUser = bitlbee\nDaemonInterface = 127.0.0.1\nDaemonPort = %s\nConfigDir = %s\nHostName = bitlbee.signet.test\n' \
		"$(port irc-bitlbee)" "$B" >"$B/bitlbee.conf"
	run bitlbee bitlbee -F -n -c "$B/bitlbee.conf" -d "$B" -P "$B/bitlbee.pid"
}

u_fingerd() {
	inetd_unit fingerd "127.0.0.1:$(port finger) stream tcp nowait nobody /usr/sbin/in.fingerd in.fingerd"
}

u_deluged() {
	local L=$D/deluge
	mkdir -p "$L" && chown -R nobody:nogroup "$L"
	printf '{"file": 1, "format": 1}{"listen_interface": "127.0.0.1", "outgoing_interface": "127.0.0.1", "random_port": false, "dht": false, "upnp": false, "natpmp": false, "utpex": false, "lsd": false, "new_release_check": false, "allow_remote": false, "daemon_port": %s}\n' \
		"$(port deluged)" >"$L/core.conf"
	chown nobody:nogroup "$L/core.conf"
	run deluged runuser -u nobody -- deluged -d -c "$L" -i 127.0.0.1 -p "$(port deluged)" -L warning
}

u_etcd() {
	local E=$D/etcd
	mkdir -p "$E"
	run etcd etcd --name testbed --data-dir "$E/data" --listen-client-urls "http://127.0.0.1:$(port etcd)" \
		--advertise-client-urls "http://127.0.0.1:$(port etcd)" --listen-peer-urls "http://127.0.0.1:$(port etcd-peer)" \
		--initial-advertise-peer-urls "http://127.0.0.1:$(port etcd-peer)" \
		--initial-cluster "testbed=http://127.0.0.1:$(port etcd-peer)" --log-level warn
}

u_freeciv() {
	mkdir -p "$D/freeciv" && chown nobody:nogroup "$D/freeciv"
	run freeciv runuser -u nobody -- /usr/games/freeciv-server -A none -b 127.0.0.1 -p "$(port freeciv)" -q 3600 -e -l "$D/freeciv/log" \
		-s "$D/freeciv"
}

u_gmond() {
	local G=$D/ganglia
	mkdir -p "$G"
	cat >"$G/gmond.conf" <<EOC
globals {
  daemonize = no
  setuid = yes
  user = nobody
  debug_level = 0
  mute = no
  deaf = no
  host_dmax = 0
  cleanup_threshold = 300
  send_metadata_interval = 30
}
cluster { name = "signet testbed" }
host { location = "loopback" }
udp_send_channel { host = 127.0.0.1  port = $(port ganglia-udp) }
udp_recv_channel { bind = 127.0.0.1  port = $(port ganglia-udp) }
tcp_accept_channel { bind = 127.0.0.1  port = $(port ganglia) }
EOC
	run gmond gmond -f -c "$G/gmond.conf"
}

u_node-exporter() {
	run node-exporter runuser -u nobody -- prometheus-node-exporter --web.listen-address="127.0.0.1:$(port node-exporter)" \
		--no-collector.textfile --log.level=warn
}

u_ss-server() {
	# a relay: its ACL blocks every outbound address, so even a client with
	# the key reaches nothing
	mkdir -p "$D/ss"
	printf '[outbound_block_list]\n0.0.0.0/0\n::/0\n' >"$D/ss/block.acl"
	run ss-server ss-server -s 127.0.0.1 -p "$(port shadowsocks)" -k signet-testbed -m chacha20-ietf-poly1305 -a nobody \
		--acl "$D/ss/block.acl"
}

u_uucp() {
	inetd_unit uucp "127.0.0.1:$(port uucp) stream tcp nowait uucp /usr/sbin/uucico uucico -l"
}


u_iperf3() { run iperf3 runuser -u nobody -- iperf3 -s -B 127.0.0.1 -p "$(port iperf3)"; }

u_knot() {
	local K=$D/knot
	mkdir -p "$K" && chown knot:knot "$K"
	cat >"$K/knot.conf" <<EOC
server:
    rundir: "$K"
    user: knot:knot
    listen: [ 127.0.0.1@$(port dns-knot-tcp), 127.0.0.1@$(port dns-knot-udp) ]
    identity: knot.signet.test
database:
    storage: "$K"
log:
  - target: stdout
    any: warning
EOC
	run knot knotd -c "$K/knot.conf"
}

u_rabbitmq() {
	local R=$D/rabbitmq
	mkdir -p "$R/mnesia" "$R/log" && chown -R rabbitmq:rabbitmq "$R"
	cat >"$R/rabbitmq.conf" <<EOC
listeners.tcp.1 = 127.0.0.1:$(port amqp-rabbitmq)
loopback_users.guest = true
EOC
	printf '[{kernel, [{inet_dist_use_interface, {127,0,0,1}}, {inet_dist_listen_min, %s}, {inet_dist_listen_max, %s}]}].\n' \
		"$(port erlang-dist-rabbitmq)" "$(port erlang-dist-rabbitmq)" >"$R/advanced.config"
	printf 'SIGNETTESTBEDCOOKIE\n' >"$R/.erlang.cookie" && chmod 400 "$R/.erlang.cookie" && chown rabbitmq:rabbitmq "$R/.erlang.cookie"
	HOME=$R ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT=$(port epmd-rabbitmq) RABBITMQ_NODENAME=testbed@localhost \
		RABBITMQ_CONFIG_FILE=$R/rabbitmq.conf RABBITMQ_ADVANCED_CONFIG_FILE=$R/advanced.config \
		RABBITMQ_MNESIA_BASE=$R/mnesia RABBITMQ_LOG_BASE=$R/log RABBITMQ_ENABLED_PLUGINS_FILE=$R/enabled_plugins \
		RABBITMQ_PID_FILE=$R/rabbitmq.pid RABBITMQ_DIST_PORT=$(port erlang-dist-rabbitmq) \
		run rabbitmq runuser -u rabbitmq -m -- /usr/lib/rabbitmq/bin/rabbitmq-server
}

u_amavisd() {
	local A=$D/amavis
	mkdir -p "$A/tmp" "$A/db" "$A/var" "$D/amavis-etc" && chown -R amavis:amavis "$A"
	# amavisd refuses a config file in a folder its user can write
	cat >"$D/amavis-etc/amavisd.conf" <<EOC
use strict;
\$MYHOME = '$A';
\$TEMPBASE = '$A/tmp';
\$db_home = '$A/db';
\$pid_file = '$A/amavisd.pid';
\$lock_file = '$A/amavisd.lock';
\$daemon_user = 'amavis';
\$daemon_group = 'amavis';
\$mydomain = 'signet.test';
\$myhostname = 'amavis.signet.test';
\$inet_socket_bind = '127.0.0.1';
\$inet_socket_port = $(port amavisd);
@inet_acl = qw(127.0.0.1);
\$max_servers = 1;
\$forward_method = 'smtp:[127.0.0.1]:41001';
\$notify_method = \$forward_method;
\$enable_dkim_verification = 0;
@bypass_virus_checks_maps = (1);
@bypass_spam_checks_maps = (1);
\$do_syslog = 0;
\$LOGFILE = '$A/amavis.log';
1;
EOC
	run amavisd amavisd -c "$D/amavis-etc/amavisd.conf" foreground
}

u_c-icap() {
	local C=$D/c-icap
	mkdir -p "$C" && chown -R nobody:nogroup "$C"
	cat >"$C/c-icap.conf" <<EOC
PidFile $C/c-icap.pid
CommandsSocket $C/c-icap.ctl
Port 127.0.0.1:$(port icap)
User nobody
Group nogroup
StartServers 1
MaxServers 1
ServerLog $C/server.log
AccessLog $C/access.log
ModulesDir /usr/lib/x86_64-linux-gnu/c_icap
ServicesDir /usr/lib/x86_64-linux-gnu/c_icap
Service echo srv_echo.so
EOC
	run c-icap c-icap -N -f "$C/c-icap.conf"
}

u_danted() {
	mkdir -p "$D/dante"
	cat >"$D/dante/danted.conf" <<EOC
logoutput: stderr
internal: 127.0.0.1 port = $(port socks-dante)
external: 127.0.0.1
socksmethod: none
clientmethod: none
user.privileged: root
user.unprivileged: nobody
client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }
socks block { from: 0.0.0.0/0 to: 0.0.0.0/0 }
EOC
	run danted danted -f "$D/dante/danted.conf" -N 1 -p "$D/dante/danted.pid"
}

u_distccd() {
	run distccd distccd --no-detach --daemon --listen 127.0.0.1 --port "$(port distccd)" --allow 127.0.0.1 \
		--user nobody --log-stderr --jobs 1 --no-detach
}

u_fossil() {
	mkdir -p "$D/fossil"
	USER=testbed fossil init "$D/fossil/testbed.fossil" >/dev/null || return 1
	chown -R nobody:nogroup "$D/fossil"
	run fossil runuser -u nobody -- fossil server --localhost --port "$(port http-fossil)" "$D/fossil/testbed.fossil"
}

u_kamailio() {
	local K=$D/kamailio
	mkdir -p "$K"
	cat >"$K/kamailio.cfg" <<EOC
#!KAMAILIO
listen=udp:127.0.0.1:$(port sip-kamailio-udp)
listen=tcp:127.0.0.1:$(port sip-kamailio)
children=1
tcp_children=1
dns=no
rev_dns=no
auto_aliases=no
loadmodule "sl.so"
request_route {
	if (method == "OPTIONS") { sl_send_reply("200", "OK"); exit; }
	sl_send_reply("403", "Forbidden");
}
EOC
	run kamailio kamailio -DD -E -f "$K/kamailio.cfg" -P "$K/kamailio.pid" -Y "$K" -u nobody -g nogroup -m 16 -M 4
}

u_oidentd() { run oidentd oidentd -i -a 127.0.0.1 -p "$(port ident)" -u nobody -g nogroup; }

u_pgbouncer() {
	local P=$D/pgbouncer
	mkdir -p "$P" && chown postgres "$P"
	printf '"testbed" "signet"\n' >"$P/users.txt"
	cat >"$P/pgbouncer.ini" <<EOC
[databases]
testbed = host=127.0.0.1 port=$(port postgresql) dbname=postgres
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $(port pgbouncer)
unix_socket_dir =
auth_type = trust
auth_file = $P/users.txt
pidfile = $P/pgbouncer.pid
logfile = $P/pgbouncer.log
EOC
	chown -R postgres "$P"
	run pgbouncer runuser -u postgres -- pgbouncer "$P/pgbouncer.ini"
}

u_quasselcore() {
	local Q=$D/quassel
	mkdir -p "$Q" && chown -R nobody:nogroup "$Q"
	run quasselcore runuser -u nobody -- quasselcore --configdir="$Q" --listen=127.0.0.1 --port="$(port quassel)" \
		--loglevel=Warning
}

u_xrdp() {
	local X=$D/xrdp
	mkdir -p "$X"
	sed -e "s/^port=.*/port=tcp:\/\/127.0.0.1:$(port rdp-xrdp)/" -e "s|^certificate=.*|certificate=$D/tls/cert.pem|" \
		-e "s|^key_file=.*|key_file=$D/tls/key.pem|" /etc/xrdp/xrdp.ini >"$X/xrdp.ini"
	run xrdp xrdp --nodaemon --config "$X/xrdp.ini"
}

u_zookeeper() {
	local Z=$D/zookeeper
	mkdir -p "$Z/data" && chown -R zookeeper:zookeeper "$Z"
	printf 'tickTime=2000\ndataDir=%s/data\nclientPort=%s\nclientPortAddress=127.0.0.1\nadmin.enableServer=false\n4lw.commands.whitelist=srvr,stat,ruok\n' \
		"$Z" "$(port zookeeper)" >"$Z/zoo.cfg"
	JMXDISABLE=true ZOOCFGDIR=$Z ZOO_LOG_DIR=$Z ZOO_LOG4J_PROP=WARN,CONSOLE JVMFLAGS=-Xmx64m \
		run zookeeper runuser -u zookeeper -m -- /usr/share/zookeeper/bin/zkServer.sh start-foreground "$Z/zoo.cfg"
}

u_mopidy() {
	local M=$D/mopidy
	mkdir -p "$M/cache" "$M/data" "$M/config" && chown -R nobody:nogroup "$M"
	printf '[core]\ncache_dir = %s/cache\ndata_dir = %s/data\nconfig_dir = %s/config\n[http]\nhostname = 127.0.0.1\nport = %s\nzeroconf =\n[audio]\noutput = fakesink\n[file]\nenabled = false\n[m3u]\nenabled = false\n[stream]\nenabled = false\n[softwaremixer]\nenabled = true\n' \
		"$M" "$M" "$M" "$(port http-mopidy)" >"$M/mopidy.conf"
	HOME=$M run mopidy runuser -u nobody -m -- mopidy --config "$M/mopidy.conf" -q
}

u_snmptrapd() {
	mkdir -p "$D/snmptrapd"
	printf 'disableAuthorization yes\n' >"$D/snmptrapd/snmptrapd.conf"
	SNMP_PERSISTENT_DIR=$D/snmptrapd run snmptrapd snmptrapd -f -Lo -C -c "$D/snmptrapd/snmptrapd.conf" \
		-p "$D/snmptrapd/snmptrapd.pid" "udp:127.0.0.1:$(port snmptrap)"
}

# ---------------------------------------------------------------- conformance units
# Listed only in conformance/servers.tsv, which the conformance suite starts
# inside a network namespace of its own (its loopback is empty): the version
# scripts' default ports are free there.

# rpcbind with rpc.statd and rpc.mountd registered on ports of their own. The
# three share a private /run (rpcbind's socket and lock live there, and the
# host may run its own rpcbind); rpcbind's TCP side and mountd bind every
# address of the namespace, whose only interface is lo.
u_rpcbind() {
	local R=$D/rpcbind
	mkdir -p "$R/statd/sm" "$R/statd/sm.bak" && chown -R statd "$R/statd"
	cat >"$R/run.sh" <<EOC
#!/bin/sh
mount -t tmpfs -o mode=755 tmpfs /run || exit 1
rpcbind -f -w &
i=0; while [ ! -S /run/rpcbind.sock ] && [ \$i -lt 50 ]; do sleep 0.1; i=\$((i + 1)); done
rpc.statd -F -L -n 127.0.0.1 -p $(port rpc-statd) -o $(( $(port rpc-statd) + 1 )) -P $R/statd &
rpc.mountd -F -p $(port rpc-mountd) &
wait
EOC
	chmod 755 "$R/run.sh"
	run rpcbind unshare -m --propagation private "$R/run.sh"
}

# mumble-server (murmurd), TCP and UDP on one port
u_murmurd() {
	local M=$D/murmur
	mkdir -p "$M" && chown mumble-server "$M"
	cat >"$M/murmur.ini" <<EOC
database=$M/murmur.sqlite
host=127.0.0.1
port=$(port murmur)
users=100
# no autoban: nmap and signet connect from one address, many times a minute
autobanAttempts=0
bonjour=false
uname=mumble-server
logfile=
pidfile=
EOC
	run murmurd murmurd -fg -ini "$M/murmur.ini"
}

# an HTTP server whose Server header no signature line names (lighttpd's
# server.tag): http-server-header fills the product
u_http-tagged() {
	mkdir -p "$D/http-tagged" && chown www-data:www-data "$D/http-tagged"
	cat >"$D/http-tagged/lighttpd.conf" <<EOC
server.document-root = "$D/www"
server.bind = "127.0.0.1"
server.port = $(port http-tagged)
server.tag = "Zorbotron/4.2 (Plan9)"
server.pid-file = "$D/http-tagged/lighttpd.pid"
server.errorlog = "$D/http-tagged/error.log"
server.username = "www-data"
server.groupname = "www-data"
index-file.names = ( "index.html" )
EOC
	run http-tagged lighttpd -D -f "$D/http-tagged/lighttpd.conf"
}

# nginx answering every request with a redirection to https on its own port
u_http-redirect() {
	local N=$D/http-redirect
	mkdir -p "$N"
	cat >"$N/nginx.conf" <<EOC
daemon off;
master_process on;
worker_processes 1;
pid $N/nginx.pid;
error_log $N/error.log;
events { worker_connections 64; }
http {
	access_log off;
	client_body_temp_path $N/body;
	proxy_temp_path $N/proxy;
	fastcgi_temp_path $N/fastcgi;
	uwsgi_temp_path $N/uwsgi;
	scgi_temp_path $N/scgi;
	server { listen 127.0.0.1:$(port http-redirect); return 301 https://127.0.0.1:$(port http-redirect)/; }
}
EOC
	run http-redirect nginx -c "$N/nginx.conf" -p "$N"
}

# ---------------------------------------------------------------- start
# lo_only: this network namespace has no interface but lo (the conformance
# suite's), so a wildcard address reaches nothing but its loopback.
lo_only() { [ "$(ip -o link show | awk -F': ' '{ print $2 }')" = lo ]; }

# listening t|u: the bound TCP (t) or UDP (u) addresses as 127.0.0.1:PORT,
# one a line; in a lo-only namespace a wildcard address counts as 127.0.0.1.
listening() {
	local wild=0
	lo_only && wild=1
	ss -Hl"$1"n | awk -v wild=$wild '{ a = $4; sub(/^\[::ffff:127.0.0.1\]/, "127.0.0.1", a); sub(/%lo:/, ":", a)
		if (wild) { sub(/^0\.0\.0\.0:/, "127.0.0.1:", a); sub(/^\*:/, "127.0.0.1:", a) }
		print a }' | tr '\n' ' '
}
# reserve_ports: keep the kernel from handing out the bed's ports as ephemeral
# (client) ports — the default ephemeral range 32768-60999 covers them, so any
# other program on the machine could otherwise hold one by chance. Appends to
# net.ipv4.ip_local_reserved_ports; only affects automatic port choice.
reserve_ports() {
	local f=/proc/sys/net/ipv4/ip_local_reserved_ports cur
	cur=$(cat "$f" 2>/dev/null) || return 0
	[[ ,$cur, == *,41000-42199,* ]] && return 0
	echo "${cur:+$cur,}41000-42199" >"$f" 2>/dev/null || log "could not reserve ports 41000-42199 (ephemeral clashes possible)"
}

cmd_start() {
	D=${1:-}
	if [ -z "$D" ]; then
		D=$(mktemp -d /tmp/signet-testbed.XXXXXX) || exit 1
	else
		mkdir -p "$D" || exit 1
		D=$(cd "$D" && pwd)
		if [ -n "$(ls -A "$D" 2>/dev/null)" ]; then
			log "$D is not empty (a bed already running there?); stop it first"
			exit 1
		fi
	fi
	chmod 755 "$D"
	echo "$D" >"$LAST"
	reserve_ports
	mkdir -p "$D/pids" "$D/logs" "$D/www" "$D/tls"
	chmod 755 "$D/logs"
	local t0=$SECONDS
	printf '<html><head><title>signet testbed</title></head><body><h1>signet testbed</h1></body></html>\n' >"$D/www/index.html"
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$D/tls/key.pem" -out "$D/tls/cert.pem" -days 30 \
		-subj /CN=testbed.signet.test >/dev/null 2>&1 || { log "openssl req failed"; exit 1; }
	chmod 644 "$D/tls/key.pem" # test-only key: servers that drop privileges read it

	local only=" ${TESTBED_ONLY:-} " u list=()
	for u in $(units); do
		[ -n "${TESTBED_ONLY:-}" ] && [[ $only != *" $u "* ]] && continue
		list+=("$u")
	done
	# refuse ports somebody else already holds (ephemeral ports live in this range too)
	local busy=() line pt pr id unit inuse
	inuse=" $(ss -Hltun | awk '{ n = split($5, a, ":"); print a[n] }' | tr '\n' ' ') "
	while IFS=$'\t' read -r pt pr _ _ _ id unit; do
		[[ $pt == \#* ]] && continue
		[[ " ${list[*]} " == *" $unit "* ]] || continue
		if [[ $inuse == *" $pt "* ]]; then busy+=("$unit"); log "port $pt ($id) already in use: not starting $unit"; fi
	done <"$MANIFEST"
	# prepare and launch every unit in parallel (initdb, mariadb-install-db,
	# kdb5_util, postfix check take seconds each); each server still runs in
	# its own session, recorded in DIR/pids
	local preps=()
	for u in "${list[@]}"; do
		[[ " ${busy[*]:-} " == *" $u "* ]] && continue
		(
			t1=$SECONDS
			if ! "u_$u" >>"$D/logs/$u.log" 2>&1; then log "$u: preparation failed (see $D/logs/$u.log)"; fi
			[ $((SECONDS - t1)) -ge 10 ] && log "$u: preparation took $((SECONDS - t1)) s"
		) &
		preps+=($!)
	done
	wait "${preps[@]}"
	log "launched ${#preps[@]} units in $((SECONDS - t0)) s; waiting for ports"

	# wait (bounded) until every port answers
	local deadline=$((SECONDS + ${TESTBED_WAIT:-90})) pending next=$((SECONDS + 10)) tcp udp
	while :; do
		pending=""
		tcp=" $(listening t) "
		udp=" $(listening u) "
		while IFS=$'\t' read -r pt pr _ _ _ id unit; do
			[[ $pt == \#* ]] && continue
			[[ " ${list[*]} " == *" $unit "* ]] || continue
			if [ "$pr" = tcp ]; then
				[[ $tcp == *" 127.0.0.1:$pt "* ]] || pending+=" $id"
			else
				[[ $udp == *" 127.0.0.1:$pt "* ]] || pending+=" $id"
			fi
		done <"$MANIFEST"
		[ -z "$pending" ] && break
		[ $SECONDS -ge $deadline ] && break
		[ $SECONDS -ge $next ] && log "still waiting for:$pending" && next=$((SECONDS + 10))
		sleep 0.25
	done

	log "ports answered after $((SECONDS - t0)) s"
	# safety check: no socket of ours outside 127.0.0.1
	local bad
	# loopback: 127.0.0.1 (or its IPv6-mapped form), ::1, possibly tied to lo
	bad=$(bed_sockets "$D" | awk '{ a = $5; sub(/:[0-9*]+$/, "", a); sub(/%lo$/, "", a)
		if (a != "127.0.0.1" && a != "[::1]" && a != "[::ffff:127.0.0.1]") print }')
	# in a network namespace whose only interface is lo (the conformance
	# suite's), a wildcard address reaches nothing but that loopback: the
	# RPC daemons (rpcbind's TCP side, rpc.mountd) have no bind address
	if [ -n "$bad" ] && lo_only; then
		bad=$(echo "$bad" | awk '{ a = $5; sub(/:[0-9*]+$/, "", a); sub(/%lo$/, "", a)
			if (a != "0.0.0.0" && a != "*" && a != "[::]") print }')
	fi
	if [ -n "$bad" ]; then
		log "FATAL: testbed processes listen outside 127.0.0.1:"
		echo "$bad" >&2
		cmd_stop "$D"
		exit 1
	fi

	local up=0 down=0 ver uv
	local -A vers
	while IFS=$'\t' read -r pkg ver; do vers[$pkg]=$ver; done < <(dpkg-query -W -f '${Package}\t${Version}\n' \
		$(awk -F'\t' '!/^#/ { print $4 }' "$MANIFEST" | sort -u) 2>/dev/null)
	tcp=" $(listening t) "
	udp=" $(listening u) "
	: >"$D/running.tsv"
	while IFS=$'\t' read -r pt pr svc pkg prod id unit; do
		[[ $pt == \#* ]] && continue
		[[ " ${list[*]} " == *" $unit "* ]] || continue
		if [[ $pr == tcp && $tcp == *" 127.0.0.1:$pt "* ]] || [[ $pr == udp && $udp == *" 127.0.0.1:$pt "* ]]; then
			ver=${vers[$pkg]:-}
			uv=$(upstream "$ver")
			printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$pt" "$pr" "$svc" "$pkg" "$prod" "$id" "$unit" "${ver:--}" "$uv" >>"$D/running.tsv"
			echo "$pt/$pr $svc $pkg ${ver:--} $uv"
			up=$((up + 1))
		else
			log "DOWN $pt/$pr $id ($unit): see $D/logs/$unit.log"
			down=$((down + 1))
		fi
	done <"$MANIFEST"
	log "$up services up, $down down, in $((SECONDS - t0)) s; DIR=$D"
	[ $up = 0 ] && { cmd_stop "$D"; exit 1; }
	[ $down = 0 ] || exit 3
	exit 0
}

# bed_pids DIR: every live pid that belongs to the bed: in the process group or
# session of a recorded pid; or with SIGNET_TESTBED=DIR in its environment
# (or postfix's queue_directory=DIR/..., which postfix passes instead); or an
# orphan (parent pid 1, as a daemon that forked away is) with a path under DIR
# on its command line. DIR is a fresh unique directory. Never this script, its
# own subshells, or its parents.
bed_pids() {
	local d=$1 f pid st leaders=" " me=" $$ $BASHPID "
	for f in "$d"/pids/*.pid; do
		[ -e "$f" ] || continue
		read -r pid st <"$f"
		[ -n "$pid" ] && [ "$(starttime "$pid")" = "$st" ] && leaders+="$pid "
	done
	local p stat state ppid pg sid env args IFS=$'\n'
	p=$PPID
	while [ -n "$p" ] && [ "$p" -gt 1 ]; do # ancestors
		me+="$p "
		read -r stat 2>/dev/null <"/proc/$p/stat" || break
		stat=${stat##*) }
		IFS=' ' read -r _ p _ <<<"$stat"
	done
	for p in /proc/[0-9]*; do
		p=${p#/proc/}
		read -r stat 2>/dev/null <"/proc/$p/stat" || continue
		stat=${stat##*) }
		IFS=' ' read -r state ppid pg sid _ <<<"$stat"
		[ "$state" = Z ] && continue
		[[ $me == *" $p "* || $me == *" $ppid "* ]] && continue
		if [[ $leaders == *" $pg "* || $leaders == *" $sid "* ]]; then
			echo "$p"
			continue
		fi
		# builtins only (no fork per process): this runs in a loop while stopping
		mapfile -d '' -t env 2>/dev/null <"/proc/$p/environ" || env=()
		if [[ $'\n'"${env[*]:-}"$'\n' == *$'\n'"SIGNET_TESTBED=$d"$'\n'* ||
			$'\n'"${env[*]:-}" == *$'\n'"queue_directory=$d/"* ]]; then
			echo "$p"
			continue
		fi
		[ "$ppid" = 1 ] || continue
		mapfile -d '' -t args 2>/dev/null <"/proc/$p/cmdline" || args=()
		[[ "${args[*]:-}" == *"$d/"* ]] && echo "$p"
	done
}

# bed_sockets DIR: ss lines (listening TCP/UDP) owned by bed processes.
bed_sockets() {
	local pids
	pids=" $(bed_pids "$1" | tr '\n' ' ') "
	local line rest p
	while read -r line; do
		rest=$line
		while [[ $rest =~ pid=([0-9]+) ]]; do
			p=${BASH_REMATCH[1]}
			if [[ $pids == *" $p "* ]]; then echo "$line"; break; fi
			rest=${rest#*pid=$p}
		done
	done < <(ss -Hltunp 2>/dev/null)
}

# ---------------------------------------------------------------- stop
cmd_stop() {
	local d=${1:-}
	[ -z "$d" ] && [ -s "$LAST" ] && d=$(cat "$LAST")
	if [ -z "$d" ] || [ ! -d "$d/pids" ]; then
		log "no testbed dir to stop (${d:-none})"
		return 1
	fi
	d=$(cd "$d" && pwd)
	local t0=$SECONDS f pid st groups=()
	for f in "$d"/pids/*.pid; do
		[ -e "$f" ] || continue
		read -r pid st <"$f"
		# only a pid that is still the process we started (same start time)
		if [ -n "$pid" ] && [ "$(starttime "$pid")" = "$st" ]; then groups+=("$pid"); fi
	done
	local p i alive
	for p in "${groups[@]}"; do kill -TERM -- "-$p" 2>/dev/null || kill -TERM "$p" 2>/dev/null; done
	# wait for the process groups (cheap builtin check), then KILL what is left
	for i in $(seq 60); do
		alive=()
		for p in "${groups[@]}"; do kill -0 -- "-$p" 2>/dev/null && alive+=("$p"); done
		[ ${#alive[@]} = 0 ] && break
		[ "$i" = 20 ] && log "still stopping: $(for p in "${alive[@]}"; do cat "/proc/$p/comm" 2>/dev/null || echo "group $p"; done | xargs)"
		sleep 0.25
	done
	for p in "${alive[@]}"; do kill -KILL -- "-$p" 2>/dev/null; done
	local tg=$SECONDS
	# strays: processes of the bed outside those groups (own session, marker in
	# the environment or DIR on the command line): TERM, then KILL
	local left
	left=$(bed_pids "$d")
	if [ -n "$left" ]; then
		for p in $left; do
			log "stopping stray $p: $(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | cut -c1-100)"
			kill -TERM "$p" 2>/dev/null
		done
		for i in $(seq 20); do
			left=$(bed_pids "$d")
			[ -z "$left" ] && break
			sleep 0.25
		done
		for p in $left; do kill -KILL "$p" 2>/dev/null; done
		sleep 0.25
	fi
	left=$(bed_pids "$d")
	if [ -n "$left" ]; then
		log "processes still alive: $left (dir kept: $d)"
		return 1
	fi
	local tr=$SECONDS
	rm -rf "$d"
	[ -s "$LAST" ] && [ "$(cat "$LAST")" = "$d" ] && rm -f "$LAST"
	log "stopped ${#groups[@]} units in $((SECONDS - t0)) s (groups gone after $((tg - t0)) s, rm took $((SECONDS - tr)) s); removed $d"
}

cmd_status() {
	local d=${1:-}
	[ -z "$d" ] && [ -s "$LAST" ] && d=$(cat "$LAST")
	[ -d "$d/pids" ] || { log "no testbed at ${d:-?}"; return 1; }
	local n=0 rss=0 p r
	for p in $(bed_pids "$d"); do
		r=$(awk '/^VmRSS:/ { print $2 }' "/proc/$p/status" 2>/dev/null)
		n=$((n + 1)) rss=$((rss + ${r:-0}))
	done
	echo "dir $d: $(ls "$d/pids" | wc -l) units, $n processes, RSS $((rss / 1024)) MiB"
	bed_sockets "$d" | awk '{ print $1, $5, $7 }'
}

case "${1:-}" in
install) cmd_install ;;
start) cmd_start "${2:-}" ;;
stop) cmd_stop "${2:-}" ;;
status) cmd_status "${2:-}" ;;
*)
	sed -n '2,20p' "$0"
	exit 2
	;;
esac
