#!/usr/bin/env bash
# servers.sh — start real Debian servers on 127.0.0.1 (own configs in a temp
# dir), capture their replies into the corpus with `go run ./tools/capture`,
# then stop exactly the processes this script started.
#
# Usage (as root, from anywhere):  tools/capture/servers.sh [OUTDIR]
#   OUTDIR defaults to pcre/testdata/corpus. Servers that are not installed or
#   fail to start are skipped (see the log lines). Packages: see README.md.
# Ports 47001-47070 on 127.0.0.1 must be free.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$ROOT/pcre/testdata/corpus}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
T=$(mktemp -d /tmp/signet-capture.XXXXXX)
chmod 755 "$T"
PLAN=$T/plan.txt
: >"$PLAN"
PIDS=()      # pids of processes started in the foreground mode (no daemonizing)
PIDFILES=()  # pidfiles of daemons that fork despite our flags
log() { echo "servers.sh: $*" >&2; }

cleanup() {
	local p f i
	for f in "${PIDFILES[@]}"; do
		[ -s "$f" ] && p=$(head -n1 "$f") && [ -n "$p" ] && kill -TERM "$p" 2>/dev/null
	done
	# each server leads its own process group (setsid): signal the group, which
	# holds only that server and the children it spawned
	for p in "${PIDS[@]}"; do kill -TERM -- "-$p" 2>/dev/null || kill -TERM "$p" 2>/dev/null; done
	for i in $(seq 50); do
		local alive=0
		for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
		[ $alive = 0 ] && break
		sleep 0.2
	done
	for p in "${PIDS[@]}"; do kill -KILL -- "-$p" 2>/dev/null || kill -KILL "$p" 2>/dev/null; done
	log "stopped ${#PIDS[@]} servers; logs kept in $T"
}
trap cleanup EXIT

# listening PORT: true once something listens on 127.0.0.1:PORT (checked with ss, no connection).
listening() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

# run NAME CMD... : start CMD in the background (it must stay in the foreground).
run() {
	local name=$1
	shift
	setsid "$@" >"$T/$name.log" 2>&1 </dev/null &
	PIDS+=($!)
}

# expect NAME PORT PLANLINE... : wait up to 20 s for PORT, then add the plan lines.
expect() {
	local name=$1 port=$2 i
	shift 2
	for i in $(seq 100); do
		listening "$port" && break
		sleep 0.2
	done
	if ! listening "$port"; then
		log "$name did not come up on 127.0.0.1:$port (see $T/$name.log); skipped"
		return 1
	fi
	local l
	for l in "$@"; do echo "$l" >>"$PLAN"; done
	log "$name up on 127.0.0.1:$port"
}

have() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ]; }

for p in $(seq 47001 47070); do
	if listening "$p"; then log "port $p is already in use; stop whatever uses it first"; exit 1; fi
done

HTTP=GetRequest,HTTPOptions,FourOhFourRequest,RTSPRequest,GenericLines,Help,http-get11,SIPOptions,SSLSessionReq
mkdir -p "$T/www"
printf '<html><body><h1>signet capture</h1></body></html>\n' >"$T/www/index.html"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" -days 30 \
	-subj /CN=localhost >/dev/null 2>&1
chmod 644 "$T/key.pem"

# --- SSH -------------------------------------------------------------------
if have /usr/sbin/sshd; then
	mkdir -p /run/sshd
	ssh-keygen -q -t ed25519 -N '' -f "$T/ssh_host_ed25519_key"
	run sshd /usr/sbin/sshd -D -e -f /dev/null -o ListenAddress=127.0.0.1:47001 \
		-o HostKey="$T/ssh_host_ed25519_key" -o PidFile="$T/sshd.pid" -o UsePAM=no
	expect sshd 47001 "openssh-server openssh-server 127.0.0.1:47001 NULL,GenericLines,http-get"
fi
if have dropbear; then
	dropbearkey -t ed25519 -f "$T/dropbear_ed25519" >/dev/null 2>&1
	run dropbear dropbear -F -E -s -r "$T/dropbear_ed25519" -p 127.0.0.1:47002 -P "$T/dropbear.pid"
	expect dropbear 47002 "dropbear dropbear-bin 127.0.0.1:47002 NULL,GenericLines"
fi

# --- HTTP --------------------------------------------------------------------
if have nginx; then
	mkdir -p "$T/nginx"
	cat >"$T/nginx.conf" <<EOC
daemon off;
worker_processes 1;
pid $T/nginx.pid;
error_log $T/nginx/error.log;
events {}
http {
	include /etc/nginx/mime.types;
	access_log off;
	client_body_temp_path $T/nginx/body;
	proxy_temp_path $T/nginx/proxy;
	fastcgi_temp_path $T/nginx/fastcgi;
	uwsgi_temp_path $T/nginx/uwsgi;
	scgi_temp_path $T/nginx/scgi;
	server { listen 127.0.0.1:47010; root /var/www/html; index index.nginx-debian.html index.html; }
	server { listen 127.0.0.1:47011 ssl; ssl_certificate $T/cert.pem; ssl_certificate_key $T/key.pem;
		root /var/www/html; index index.nginx-debian.html index.html; }
}
EOC
	run nginx nginx -c "$T/nginx.conf" -p "$T/nginx"
	expect nginx 47010 "nginx nginx-light 127.0.0.1:47010 $HTTP,http-options,crlf2" &&
		expect nginx-tls 47011 "nginx-tls nginx-light 127.0.0.1:47011 GetRequest,HTTPOptions,FourOhFourRequest tls" \
			"nginx-tlsraw nginx-light 127.0.0.1:47011 tls-hello,SSLSessionReq,TLSSessionReq,SSLv23SessionReq,GetRequest"
fi
if have lighttpd; then
	cat >"$T/lighttpd.conf" <<EOC
server.document-root = "$T/www"
server.bind = "127.0.0.1"
server.port = 47012
server.pid-file = "$T/lighttpd.pid"
server.username = "www-data"
server.groupname = "www-data"
index-file.names = ( "index.html" )
EOC
	run lighttpd lighttpd -D -f "$T/lighttpd.conf"
	expect lighttpd 47012 "lighttpd lighttpd 127.0.0.1:47012 $HTTP"
fi
if have apache2; then
	mkdir -p "$T/apache2"
	M=/usr/lib/apache2/modules
	cat >"$T/apache2.conf" <<EOC
ServerName localhost
Listen 127.0.0.1:47013
PidFile $T/apache2/apache2.pid
ErrorLog $T/apache2/error.log
DefaultRuntimeDir $T/apache2
Mutex file:$T/apache2
LoadModule mpm_prefork_module $M/mod_mpm_prefork.so
LoadModule authz_core_module $M/mod_authz_core.so
LoadModule dir_module $M/mod_dir.so
LoadModule mime_module $M/mod_mime.so
TypesConfig /etc/mime.types
User www-data
Group www-data
DocumentRoot /var/www/html
DirectoryIndex index.html
EOC
	run apache2 apache2 -f "$T/apache2.conf" -DFOREGROUND
	expect apache2 47013 "apache2 apache2 127.0.0.1:47013 $HTTP,http-options"
fi
if have busybox; then
	run busybox-httpd busybox httpd -f -p 127.0.0.1:47014 -h "$T/www"
	expect busybox-httpd 47014 "busybox-httpd busybox 127.0.0.1:47014 GetRequest,HTTPOptions,FourOhFourRequest,GenericLines"
fi
if have /usr/bin/python3.11; then
	run python-http /usr/bin/python3.11 -m http.server 47015 --bind 127.0.0.1 --directory "$T/www"
	expect python-http 47015 "python3-http python3.11-minimal 127.0.0.1:47015 GetRequest,HTTPOptions,FourOhFourRequest,GenericLines"
fi
if have varnishd && listening 47010; then
	mkdir -p "$T/varnish"
	run varnish varnishd -F -a 127.0.0.1:47016 -b 127.0.0.1:47010 -n "$T/varnish" -s malloc,16m -T none
	expect varnish 47016 "varnish varnish 127.0.0.1:47016 GetRequest,HTTPOptions,FourOhFourRequest,GenericLines"
fi
if have haproxy; then
	cat >"$T/haproxy.cfg" <<EOC
global
	pidfile $T/haproxy.pid
defaults
	mode http
	timeout connect 1s
	timeout client 5s
	timeout server 5s
frontend fe
	bind 127.0.0.1:47017
	default_backend be
backend be
EOC
	run haproxy haproxy -db -f "$T/haproxy.cfg"
	expect haproxy 47017 "haproxy haproxy 127.0.0.1:47017 GetRequest,GenericLines"
fi
if have squid; then
	mkdir -p "$T/squid" && chown proxy:proxy "$T/squid"
	cat >"$T/squid.conf" <<EOC
http_port 127.0.0.1:47018
pid_filename $T/squid/squid.pid
cache_log stdio:$T/squid/cache.log
access_log none
cache_store_log none
coredump_dir $T/squid
cache_effective_user proxy
shutdown_lifetime 1 seconds
http_access deny all
EOC
	run squid squid -N -f "$T/squid.conf"
	expect squid 47018 "squid squid 127.0.0.1:47018 GetRequest,HTTPOptions,GenericLines,http-get11"
fi
if have tinyproxy; then
	cat >"$T/tinyproxy.conf" <<EOC
Port 47019
Listen 127.0.0.1
Timeout 10
MaxClients 5
Allow 127.0.0.1
EOC
	run tinyproxy tinyproxy -d -c "$T/tinyproxy.conf"
	expect tinyproxy 47019 "tinyproxy tinyproxy 127.0.0.1:47019 GetRequest,HTTPOptions,GenericLines"
fi

# --- mail --------------------------------------------------------------------
if have postfix; then
	P=$T/postfix
	mkdir -p "$P/queue" "$P/data"
	cat >"$P/main.cf" <<EOC
compatibility_level = 3.6
myhostname = mail.signet.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
queue_directory = $P/queue
data_directory = $P/data
mydestination =
smtpd_banner = \$myhostname ESMTP \$mail_name (Debian/GNU)
maillog_file = /dev/stdout
EOC
	cat >"$P/master.cf" <<EOC
127.0.0.1:47020 inet n - n - - smtpd
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
postlog unix-dgram n - n - 1 postlogd
EOC
	chown postfix "$P/data"
	postfix -c "$P" check >"$T/postfix.log" 2>&1 # creates the queue directories
	postfix -c "$P" start >>"$T/postfix.log" 2>&1 # master daemonizes: stopped via its pid file
	PIDFILES+=("$P/queue/pid/master.pid")
	expect postfix 47020 "postfix postfix 127.0.0.1:47020 NULL,ehlo,ehlo-host,Help,GenericLines,GetRequest,Hello,SSLSessionReq,quit"
fi
if have dovecot; then
	D=$T/dovecot
	mkdir -p "$D/run" "$D/state"
	cat >"$D/dovecot.conf" <<EOC
base_dir = $D/run
state_dir = $D/state
listen = 127.0.0.1
protocols = imap pop3
log_path = $D/dovecot.log
ssl = yes
ssl_cert = <$T/cert.pem
ssl_key = <$T/key.pem
mail_location = mbox:/tmp/nonexistent-mail
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
    port = 47021
  }
  inet_listener imaps {
    port = 47023
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 47022
  }
  inet_listener pop3s {
    port = 47024
    ssl = yes
  }
}
EOC
	run dovecot dovecot -F -c "$D/dovecot.conf"
	expect dovecot 47021 "dovecot-imap dovecot-imapd 127.0.0.1:47021 NULL,GenericLines,imap-capa,GetRequest" \
		"dovecot-pop3 dovecot-pop3d 127.0.0.1:47022 NULL,GenericLines,capa,Help" \
		"dovecot-imaps dovecot-imapd 127.0.0.1:47023 NULL,imap-capa tls" \
		"dovecot-pop3s dovecot-pop3d 127.0.0.1:47024 NULL tls" \
		"dovecot-imaps-raw dovecot-imapd 127.0.0.1:47023 tls-hello,SSLSessionReq"
fi

# --- FTP ---------------------------------------------------------------------
if have vsftpd; then
	mkdir -p "$T/vsftpd-empty"
	cat >"$T/vsftpd.conf" <<EOC
listen=YES
listen_address=127.0.0.1
listen_port=47025
background=NO
anonymous_enable=NO
local_enable=NO
pasv_enable=NO
xferlog_enable=NO
secure_chroot_dir=$T/vsftpd-empty
nopriv_user=nobody
EOC
	run vsftpd vsftpd "$T/vsftpd.conf"
	expect vsftpd 47025 "vsftpd-noaccess vsftpd 127.0.0.1:47025 NULL"
	sed -e 's/^listen_port=.*/listen_port=47026/' -e 's/^anonymous_enable=.*/anonymous_enable=YES/' \
		"$T/vsftpd.conf" >"$T/vsftpd-anon.conf"
	printf 'anon_root=%s\nftp_username=nobody\n' "$T/vsftpd-empty" >>"$T/vsftpd-anon.conf"
	run vsftpd-anon vsftpd "$T/vsftpd-anon.conf"
	expect vsftpd-anon 47026 "vsftpd vsftpd 127.0.0.1:47026 NULL,GenericLines,Help,feat,GetRequest"
fi

# --- databases and key-value stores -------------------------------------------
if have redis-server; then
	run redis redis-server --port 47030 --bind 127.0.0.1 --save '' --appendonly no --dir "$T" \
		--daemonize no --logfile "$T/redis-server.log"
	expect redis 47030 "redis redis-server 127.0.0.1:47030 redis-server,GenericLines,Help,redis-info,GetRequest"
fi
if have memcached; then
	run memcached memcached -l 127.0.0.1 -p 47031 -U 0 -u nobody
	expect memcached 47031 "memcached memcached 127.0.0.1:47031 Memcache,GenericLines,version,stats,redis-server"
fi
if have mariadbd && have mariadb-install-db; then
	mkdir -p "$T/mysql" && chown mysql:mysql "$T/mysql"
	mariadb-install-db --no-defaults --datadir="$T/mysql" --user=mysql --skip-test-db \
		--auth-root-authentication-method=normal >"$T/mariadb-install.log" 2>&1
	run mariadb mariadbd --no-defaults --datadir="$T/mysql" --socket="$T/mysql/mysql.sock" --port=47032 \
		--bind-address=127.0.0.1 --user=mysql --pid-file="$T/mysql/mysql.pid" --skip-log-bin \
		--log-error="$T/mysql/error.log"
	expect mariadb 47032 "mariadb mariadb-server 127.0.0.1:47032 NULL,GenericLines,GetRequest,SSLSessionReq"
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
if [ -n "$PGBIN" ]; then
	mkdir -p "$T/pg" "$T/pgsock" && chown postgres:postgres "$T/pg" "$T/pgsock"
	runuser -u postgres -- "$PGBIN/initdb" -D "$T/pg/data" -A trust >"$T/pg-initdb.log" 2>&1
	run postgres runuser -u postgres -- "$PGBIN/postgres" -D "$T/pg/data" -p 47033 -k "$T/pgsock" \
		-c listen_addresses=127.0.0.1
	expect postgres 47033 "postgresql postgresql-$(basename "$(dirname "$PGBIN")") 127.0.0.1:47033 GenericLines,SMBProgNeg,GetRequest,SSLSessionReq,Kerberos"
fi
if have beanstalkd; then
	run beanstalkd beanstalkd -l 127.0.0.1 -p 47034
	expect beanstalkd 47034 "beanstalkd beanstalkd 127.0.0.1:47034 GenericLines,stats,Help"
fi
if have mosquitto; then
	cat >"$T/mosquitto.conf" <<EOC
listener 47035 127.0.0.1
allow_anonymous true
log_dest stderr
EOC
	run mosquitto mosquitto -c "$T/mosquitto.conf"
	expect mosquitto 47035 "mosquitto mosquitto 127.0.0.1:47035 mqtt,GenericLines"
fi

# --- DNS ---------------------------------------------------------------------
DNS=DNSVersionBindReqTCP,DNSStatusRequestTCP
if have dnsmasq; then
	run dnsmasq dnsmasq -k -p 47040 --listen-address=127.0.0.1 --bind-interfaces --no-resolv --no-hosts \
		-C /dev/null --pid-file="$T/dnsmasq.pid" --user=nobody
	expect dnsmasq 47040 "dnsmasq dnsmasq-base 127.0.0.1:47040 $DNS"
fi
if have named; then
	mkdir -p "$T/bind"
	cat >"$T/named.conf" <<EOC
options {
	directory "$T/bind";
	pid-file "$T/bind/named.pid";
	session-keyfile "$T/bind/session.key";
	listen-on port 47041 { 127.0.0.1; };
	listen-on-v6 { none; };
	recursion no;
};
controls { };
EOC
	run named named -f -c "$T/named.conf"
	expect named 47041 "bind9 bind9 127.0.0.1:47041 $DNS"
fi
if have unbound; then
	cat >"$T/unbound.conf" <<EOC
server:
	interface: 127.0.0.1@47042
	port: 47042
	do-daemonize: no
	chroot: ""
	username: ""
	pidfile: "$T/unbound.pid"
	use-syslog: no
	do-ip6: no
	hide-version: no
	access-control: 127.0.0.0/8 allow
remote-control:
	control-enable: no
EOC
	run unbound unbound -d -c "$T/unbound.conf"
	expect unbound 47042 "unbound unbound 127.0.0.1:47042 $DNS"
fi
if have nsd; then
	mkdir -p "$T/nsd"
	cat >"$T/nsd.conf" <<EOC
server:
	ip-address: 127.0.0.1@47043
	port: 47043
	pidfile: "$T/nsd/nsd.pid"
	zonesdir: "$T/nsd"
	database: ""
	xfrdir: "$T/nsd"
	username: ""
	chroot: ""
	hide-version: no
	logfile: "$T/nsd/nsd.log"
remote-control:
	control-enable: no
EOC
	run nsd nsd -d -c "$T/nsd.conf"
	expect nsd 47043 "nsd nsd 127.0.0.1:47043 $DNS"
fi

# --- directory, file, print, chat, misc -----------------------------------------
if have slapd; then
	mkdir -p "$T/ldap"
	cat >"$T/slapd.conf" <<EOC
include /etc/ldap/schema/core.schema
pidfile $T/ldap/slapd.pid
modulepath /usr/lib/ldap
moduleload back_mdb
database mdb
suffix "dc=signet,dc=test"
rootdn "cn=admin,dc=signet,dc=test"
directory $T/ldap
EOC
	run slapd slapd -d 0 -h ldap://127.0.0.1:47050/ -f "$T/slapd.conf"
	expect slapd 47050 "slapd slapd 127.0.0.1:47050 LDAPSearchReq,LDAPBindReq,GenericLines"
fi
if have rsync; then
	printf 'pid file = %s/rsyncd.pid\nuse chroot = no\n[pub]\npath = %s/www\n' "$T" "$T" >"$T/rsyncd.conf"
	run rsync rsync --daemon --no-detach --address=127.0.0.1 --port=47051 --config="$T/rsyncd.conf"
	expect rsync 47051 "rsync rsync 127.0.0.1:47051 NULL,GenericLines"
fi
if have cupsd; then
	C=$T/cups
	mkdir -p "$C/spool" "$C/cache" "$C/state" "$C/log"
	cat >"$C/cupsd.conf" <<EOC
Listen 127.0.0.1:47052
LogLevel warn
Browsing No
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
	expect cupsd 47052 "cups cups-daemon 127.0.0.1:47052 GetRequest,HTTPOptions,FourOhFourRequest"
fi
if have ngircd; then
	cat >"$T/ngircd.conf" <<EOC
[Global]
Name = irc.signet.test
Info = signet capture
Listen = 127.0.0.1
Ports = 47053
PidFile = $T/ngircd.pid
[Options]
DNS = no
Ident = no
PAM = no
EOC
	run ngircd ngircd -n -f "$T/ngircd.conf"
	expect ngircd 47053 "ngircd ngircd 127.0.0.1:47053 GenericLines,Help,irc-nick"
fi
if have prosody; then
	mkdir -p "$T/prosody"
	cat >"$T/prosody.cfg.lua" <<EOC
run_as_root = true
daemonize = false
pidfile = "$T/prosody/prosody.pid"
data_path = "$T/prosody"
interfaces = { "127.0.0.1" }
c2s_ports = { 47054 }
s2s_ports = { 47056 }
http_ports = { }
https_ports = { }
modules_enabled = { "disco"; "saslauth"; }
log = { error = "$T/prosody/error.log" }
VirtualHost "signet.test"
EOC
	run prosody prosody --config "$T/prosody.cfg.lua" -F
	expect prosody 47054 "prosody prosody 127.0.0.1:47054 xmpp-stream,GenericLines"
fi
if have inetd && [ -x /usr/sbin/telnetd ]; then
	printf '127.0.0.1:47060 stream tcp nowait root /usr/sbin/telnetd telnetd\n' >"$T/inetd.conf"
	run inetd inetd -d "$T/inetd.conf"
	expect inetd 47060 "inetutils-telnetd inetutils-telnetd 127.0.0.1:47060 NULL"
fi

log "$(wc -l <"$PLAN") plan lines; capturing into $OUT"
cd "$ROOT" && go run ./tools/capture -plan "$PLAN" -outdir "$OUT"
go run ./tools/capture -handmade -outdir "$OUT"
go run ./tools/capture -readme -outdir "$OUT"
