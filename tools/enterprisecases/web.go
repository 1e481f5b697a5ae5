package main

// Web and application servers, gateways and hosted front ends that name
// themselves in the Server header (RFC 9110 10.2.4). The Server values are
// the ones Rapid7 Recog xml/http_servers.xml lists as observed from each
// product; the rest of each reply (status, other headers, page) is ours,
// built as RFC 9112 says, with Content-Length computed.

const recogServer = "hand-made: HTTP/1.1 reply (RFC 9112) to GET / whose Server header (RFC 9110 10.2.4) is the value Rapid7 Recog xml/http_servers.xml lists as observed from the product; status, other headers and page are ours"

// page is a small HTML document.
func page(title string) string {
	return "<html>\n<head><title>" + title + "</title></head>\n<body>\n<h1>" + title + "</h1>\n</body>\n</html>\n"
}

// webCase is a GET / reply on port with the given status line, headers
// (Date first, as most servers send it; "{len}" where Content-Length goes)
// and body.
func webCase(dir, name string, port int, status string, headers []string, body, source, expect string) entCase {
	return one(dir, name, port, "GetRequest", httpMsg(status, headers, body), source, expect)
}

// served is the usual 200 page of a server that names itself in Server.
func served(name string, port int, server, expect string, extra ...string) entCase {
	h := append([]string{"Date: {date}", "Server: " + server}, extra...)
	h = append(h, "Content-Type: text/html", "Content-Length: {len}", "Connection: close")
	return webCase("web", name, port, "HTTP/1.1 200 OK", h, page("Welcome"), recogServer, expect)
}

// refused is a 404 (or other error) page of such a server.
func refused(name string, port int, status, server, expect string, extra ...string) entCase {
	h := append([]string{"Date: {date}", "Server: " + server}, extra...)
	h = append(h, "Content-Type: text/html", "Content-Length: {len}", "Connection: close")
	return webCase("web", name, port, "HTTP/1.1 "+status, h, page(status), recogServer, expect)
}

func init() {
	add(
		// Java EE application servers.
		refused("weblogic-bea", 7001, "404 Not Found", "WebLogic Server 8.1 SP3 Tue Jun 29 23:11:19 PDT 2004 404973", "http | BEA WebLogic Server httpd | 8.1 | SP3"),
		served("websphere", 9080, "WebSphere Application Server/6.1", "http | IBM WebSphere Application Server | 6.1"),
		served("glassfish-oss", 8080, "GlassFish Server Open Source Edition  4.1.2", "http | GlassFish Server Open Source Edition | 4.1.2",
			"X-Powered-By: Servlet/3.1 JSP/2.3 (GlassFish Server Open Source Edition  4.1.2  Java/Oracle Corporation/1.8)"),
		served("glassfish-oracle", 8080, "Oracle GlassFish Server 3.1.2.14", "http | Oracle GlassFish Server | 3.1.2.14"),
		served("glassfish-sun", 8080, "Sun GlassFish Enterprise Server v2.1", "http | Sun GlassFish Enterprise Server | 2.1"),
		served("sun-appserver", 8080, "Sun Java System Application Server 9.1_02", "http | Sun Java System Application Server | 9.1_02"),
		served("oc4j", 8888, "Oracle Application Server Containers for J2EE 10g (9.0.4.0.0)", "http | Oracle Containers for J2EE | 9.0.4.0.0 | 10g"),
		served("resin", 8080, "Resin/3.0.23", "http | Caucho Resin | 3.0.23"),
		refused("jboss-eap", 8080, "404 Not Found", "JBoss-EAP/7", "http | JBoss Enterprise Application Platform | 7"),
		served("ibm-expeditor", 8777, "Lotus Expeditor Web Container/6.1", "http | IBM Lotus Expeditor Web Container | 6.1"),
		// Oracle and Sun web servers and caches.
		served("oracle-http-server", 7777, "Oracle-HTTP-Server-12c/12.1.3.0.0", "http | Oracle HTTP Server | 12.1.3.0.0 | 12c"),
		served("oracle-as", 7777, "Oracle-Application-Server-10g/10.1.2.0.2 Oracle-HTTP-Server", "http | Oracle Application Server | 10.1.2.0.2 | 10g"),
		served("oracle-web-cache", 7777, "Oracle-Web-Cache-11g/11.1.1.6.0 (N;ecid=8590109479546459,0:1)", "http | Oracle Web Cache | 11.1.1.6.0 | 11g"),
		served("oracle-iplanet", 80, "Oracle-iPlanet-Web-Server/7.0", "http | Oracle iPlanet Web Server | 7.0"),
		served("sun-java-web-server", 80, "Sun-Java-System-Web-Server/7.0", "http | Sun Java System Web Server | 7.0"),
		served("sun-one-web-server", 80, "Sun-ONE-Web-Server/6.1", "http | Sun ONE Web Server | 6.1"),
		served("netscape-enterprise", 80, "Netscape-Enterprise/6.0", "http | Netscape Enterprise Server | 6.0"),
		refused("sun-web-proxy", 8080, "502 Bad Gateway", "Sun-Java-System-Web-Proxy-Server/4.0.2", "http-proxy | Sun Java System Web Proxy Server | 4.0.2"),
		served("novell-netware-web", 80, "NetWare-Enterprise-Web-Server/5.1", "http | Novell NetWare Enterprise Web Server | 5.1"),
		// IBM and Microsoft.
		served("ibm-http-server", 80, "IBM_HTTP_Server/6.1 Apache/2.0.47 (Unix)", "http | IBM HTTP Server | 6.1 | Apache 2.0.47"),
		served("lotus-domino-http", 80, "Lotus-Domino", "http | Lotus Domino httpd"),
		served("ms-pws", 80, "Microsoft-PWS/4.0", "http | Microsoft Personal Web Server | 4.0"),
		refused("ms-dotnet-remoting", 8080, "404 Not Found", "MS .NET Remoting, MS .NET CLR 2.0.50727.42", "http | Microsoft .NET Remoting httpd | | .NET CLR 2.0.50727.42"),
		served("ms-media-services", 80, "Cougar/9.01.01.3841", "http | Microsoft Windows Media Services httpd | 9.01.01.3841"),
		// SAP.
		served("sap-as-java", 50000, "SAP NetWeaver Application Server 7.22 / AS Java 7.30", "http | SAP NetWeaver Application Server Java | 7.30 | kernel 7.22"),
		served("sap-icm", 8000, "SAP NetWeaver Application Server 7.21 / ICM 7.21", "http | SAP NetWeaver ICM | 7.21"),
		served("sap-abap", 8000, "SAP NetWeaver Application Server / ABAP 731", "http | SAP NetWeaver Application Server ABAP | 731"),
		served("sap-j2ee", 50000, "SAP J2EE Engine/7.01", "http | SAP J2EE Engine | 7.01"),
		served("sap-message-server", 8100, "SAP Message Server, release 753 (LNK)", "http | SAP Message Server httpd | 753"),
		refused("sap-igs", 40080, "404 Not Found", "SAP Internet Graphics Server", "http | SAP Internet Graphics Server"),
		refused("sap-sqlanywhere", 8082, "404 Not Found", "SQLAnywhere/16.0.0.2207", "http | SAP SQL Anywhere httpd | 16.0.0.2207"),
		// Hosted front ends: CDNs, cloud load balancers and object stores.
		refused("akamai", 80, "400 Bad Request", "AkamaiGHost", "http | Akamai GHost"),
		served("google-gws", 80, "gws", "http | Google Web Server"),
		refused("google-gfe", 80, "404 Not Found", "GFE/1.3", "http | Google Front End | 1.3"),
		refused("cloudfront", 80, "403 Forbidden", "CloudFront", "http | Amazon CloudFront",
			"X-Cache: Error from cloudfront", "Via: 1.1 0f3c71e93b8a8d2a3fd7e1a1c5e6f2b4.cloudfront.net (CloudFront)", "X-Amz-Cf-Pop: FRA56-P5", "X-Amz-Cf-Id: 3vE8qH5mZk2Lq9cJx1Wn7Rb0Ty4Uo6Ps8Dg2Fh5Jk1Lz3Xc7Vb9Nm=="),
		refused("aws-elb", 80, "503 Service Unavailable", "awselb/2.0", "http | Amazon Elastic Load Balancing | 2.0"),
		refused("cloudflare", 80, "403 Forbidden", "cloudflare", "http | Cloudflare http proxy", "CF-RAY: 8e2f1a7b3c4d5e6f-FRA"),
		refused("azure-appgw", 80, "502 Bad Gateway", "Microsoft-Azure-Application-Gateway/v2", "http | Microsoft Azure Application Gateway | v2"),
		refused("aliyun-oss", 80, "403 Forbidden", "AliyunOSS", "http | Alibaba Cloud Object Storage Service"),
		refused("tencent-stgw", 80, "404 Not Found", "stgw/1.3.12.9_1.13.5", "http | Tencent Secure Gateway | 1.3.12.9"),
		// Web servers.
		served("litespeed", 80, "LiteSpeed", "http | LiteSpeed httpd"),
		served("openresty", 80, "openresty/1.13.6.2", "http | OpenResty web app server | 1.13.6.2"),
		served("tengine", 80, "Tengine/2.0.0", "http | Tengine httpd | 2.0.0"),
		served("kangle", 80, "kangle/3.5.21.9", "http | kangle httpd | 3.5.21.9"),
		served("abyss", 80, "Abyss/2.14.2-X2-Linux AbyssLib/2.14", "http | Abyss httpd | 2.14.2 | X2; Linux"),
		served("xitami", 80, "Xitami", "http | Xitami httpd"),
		served("cherokee", 80, "Cherokee/1.2.101 (UNIX)", "http | Cherokee httpd | 1.2.101"),
		served("hydra", 80, "Hydra/0.1.8", "http | Hydra httpd | 0.1.8"),
		served("idea-web-server", 80, "IdeaWebServer/0.83.74", "http | IdeaWebServer | 0.83.74"),
		served("mongrel", 3000, "Mongrel 1.1.5", "http | Mongrel httpd | 1.1.5"),
		served("aspen", 8080, "Aspen/0.8", "http | Aspen httpd | 0.8"),
		// API gateways, proxies and frameworks.
		webCase("web", "kong", 8000, "HTTP/1.1 404 Not Found", []string{"Date: {date}", "Content-Type: application/json; charset=utf-8", "Connection: close", "Content-Length: {len}", "Server: kong/1.2.1"},
			"{\"message\":\"no Route matched with those values\"}", recogServer+" (the 404 body is Kong's documented answer when no route matches)", "http | Kong API gateway | 1.2.1"),
		webCase("web", "apisix", 9080, "HTTP/1.1 404 Not Found", []string{"Date: {date}", "Content-Type: text/plain; charset=utf-8", "Connection: close", "Server: APISIX/3.13.0"},
			"{\"error_msg\":\"404 Route Not Found\"}\n", recogServer+" (the 404 body is APISIX's answer when no route matches)", "http | Apache APISIX | 3.13.0"),
		refused("fasthttp", 8080, "404 Not Found", "fasthttp", "http | fasthttp"),
		refused("proxygen", 80, "404 Not Found", "proxygen-bolt", "http | Facebook Proxygen"),
		refused("cowboy", 8080, "404 Not Found", "Cowboy", "http | Cowboy httpd"),
		refused("restlet", 8182, "404 Not Found", "Restlet-Framework/2.4.3", "http | Restlet Framework | 2.4.3"),
		refused("ballerina", 9090, "404 Not Found", "ballerina/0.991.0", "http | Ballerina httpd | 0.991.0"),
		refused("crow", 18080, "404 Not Found", "Crow/0.3", "http | Crow httpd | 0.3"),
		refused("websocketpp", 9002, "426 Upgrade Required", "WebSocket++/0.8.2", "http | WebSocket++ | 0.8.2"),
		refused("istio-envoy", 80, "404 Not Found", "istio-envoy", "http | Istio Envoy proxy"),
	)
}
