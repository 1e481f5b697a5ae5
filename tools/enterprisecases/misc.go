package main

// Services that announce themselves on connect (the NULL probe), and
// database servers whose greeting or status reply names the product.
func init() {
	add(
		one("misc", "vmware-authd", 902, "NULL",
			line("220 VMware Authentication Daemon Version 1.10: SSL Required, ServerDaemonProtocol:SOAP, MKSDisplayProtocol:VNC , , NFCSSL supported/t"),
			"hand-made: the greeting of VMware ESXi's authentication daemon (vmware-authd) on port 902, as ESXi 6.x and later send it (banner recorded in public scans of ESXi hosts)",
			"vmware-auth | VMware Authentication Daemon | 1.10 | SSL required"),
		one("misc", "citrix-ica", 1494, "NULL", []byte("\x7f\x7fICA\x00"),
			"hand-made: the ICA detect string (0x7f 0x7f \"ICA\" 0x00) a Citrix XenApp/Virtual Apps server sends on a new ICA connection on port 1494 (ICA 3.0 protocol headers, ICA_DETECT_STRING)",
			"citrix-ica | Citrix ICA"),
		one("misc", "ms-rpc-http", 593, "NULL", []byte("ncacn_http/1.0"),
			"hand-made: the legacy server response \"ncacn_http/1.0\" of the RPC over HTTP endpoint mapper ([MS-RPCH], the legacy server response; Windows servers send it on port 593 and on the RPC over HTTP endpoints)",
			"ncacn_http | Microsoft Windows RPC over HTTP | 1.0 | legacy server response"),
		one("misc", "teamspeak3-query", 10011, "NULL",
			[]byte("TS3\n\rWelcome to the TeamSpeak 3 ServerQuery interface, type \"help\" for a list of commands and \"help <command>\" for information on a specific command.\n\r"),
			"hand-made: the TeamSpeak 3 ServerQuery greeting on port 10011 (TeamSpeak 3 Server Query Manual: \"TS3\" then the welcome line, lines ended by LF CR)",
			"teamspeak3 | TeamSpeak 3 ServerQuery"),
		one("misc", "checkmk-agent", 6556, "NULL",
			[]byte("<<<check_mk>>>\nVersion: 2.2.0p14\nAgentOS: linux\nHostname: web01\nAgentDirectory: /etc/check_mk\nDataDirectory: /var/lib/check_mk_agent\nSpoolDirectory: /var/lib/check_mk_agent/spool\nPluginsDirectory: /usr/lib/check_mk_agent/plugins\nLocalDirectory: /usr/lib/check_mk_agent/local\nOSType: linux\n<<<df>>>\n"),
			"hand-made: the first section of the Checkmk agent's output on port 6556 in legacy (unencrypted) mode (Checkmk agent documentation: the <<<check_mk>>> section with Version, AgentOS and the agent's directories)",
			"check_mk | Checkmk agent | 2.2.0p14 | AgentOS linux"),
	)

	// MySQL-protocol servers: the server version string of the handshake
	// (MySQL client/server protocol, Protocol::HandshakeV10).
	mysql := func(name, version, plugin, source, expect string) entCase {
		return one("db", name, 3306, "NULL", mysqlHandshake(version, plugin), "hand-made: MySQL protocol HandshakeV10 with the server version "+version+" ("+source+")", expect)
	}
	add(
		mysql("mysql-enterprise-8", "8.0.35-commercial", "caching_sha2_password",
			"MySQL Enterprise Edition marks its builds \"-commercial\" in VERSION(); 8.0 defaults to caching_sha2_password",
			"mysql | MySQL Enterprise | 8.0.35"),
		mysql("mysql-enterprise-5", "5.5.27-enterprise-commercial-advanced-log", "mysql_native_password",
			"as Rapid7 Recog xml/mysql_banners.xml lists it for MySQL Enterprise Edition",
			"mysql | MySQL Enterprise | 5.5.27 | advanced"),
		mysql("mysql-cluster", "5.5.20-ndb-7.2.5-gpl", "mysql_native_password",
			"the NDB Cluster version form \"<mysql>-ndb-<ndb>\", as Rapid7 Recog xml/mysql_banners.xml lists it for MySQL Cluster",
			"mysql | MySQL Cluster | 7.2.5 | MySQL 5.5.20"),
		mysql("maxscale", "5.5.5-10.0.0 2.1.14-maxscale", "mysql_native_password",
			"MariaDB MaxScale's version string, as Rapid7 Recog xml/mysql_banners.xml lists it",
			"mysql | MariaDB MaxScale | 2.1.14"),
		mysql("tidb", "5.7.25-TiDB-v6.5.0", "mysql_native_password",
			"TiDB reports \"<MySQL compatibility version>-TiDB-v<TiDB version>\" (TiDB documentation, server-version and VERSION())",
			"mysql | TiDB | 6.5.0"),
	)

	// Redis-protocol servers answering INFO (the redis-server probe) with a
	// RESP bulk string whose Server section names the product.
	add(
		one("db", "valkey", 6379, "redis-server",
			respBulk("# Server\r\nredis_version:7.2.4\r\nserver_name:valkey\r\nvalkey_version:8.0.1\r\nredis_git_sha1:00000000\r\nredis_git_dirty:0\r\nredis_build_id:1bd2a3b0c4d5e6f7\r\nserver_mode:standalone\r\nos:Linux 6.1.0-28-amd64 x86_64\r\narch_bits:64\r\nmonotonic_clock:POSIX clock_gettime\r\nmultiplexing_api:epoll\r\nprocess_id:1\r\ntcp_port:6379\r\n"),
			"hand-made: Valkey 8 answering INFO (its Server section keeps redis_version 7.2.4 for compatibility and adds server_name and valkey_version; Valkey INFO documentation)",
			"redis | Valkey | 8.0.1"),
		one("db", "dragonfly", 6379, "redis-server",
			respBulk("# Server\r\nredis_version:7.2.0\r\ndragonfly_version:df-v1.21.2\r\nredis_mode:standalone\r\narch_bits:64\r\nmultiplexing_api:epoll\r\ntcp_port:6379\r\nthread_count:2\r\nuptime_in_seconds:3600\r\nuptime_in_days:0\r\n"),
			"hand-made: Dragonfly answering INFO (its Server section has redis_version for compatibility and dragonfly_version; Dragonfly INFO command documentation)",
			"redis | Dragonfly | 1.21.2"),
	)
}
