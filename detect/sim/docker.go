package sim

import (
	"bufio"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
)

// dockerAPI answers as the Docker Engine API does over HTTP (Docker's
// "Engine API" reference: GET /version and /vX.Y/version return the
// version document as JSON, GET /_ping "OK", an unknown path 404 with
// {"message":"page not found"}; every response carries the Api-Version,
// Docker-Experimental, Ostype and Server headers). version is the body of
// /version and status its status code.
func dockerAPI(engine string, status int, version string) func(net.Conn) {
	versioned := regexp.MustCompile(`^/v[0-9]+\.[0-9]+(/.*)$`)
	return func(c net.Conn) {
		br := bufio.NewReader(io.LimitReader(c, 1<<20))
		for range 8 {
			req, err := http.ReadRequest(br)
			if err != nil {
				return
			}
			io.Copy(io.Discard, io.LimitReader(req.Body, 64<<10))
			path := req.URL.Path
			if m := versioned.FindStringSubmatch(path); m != nil {
				path = m[1]
			}
			code, ctype, body := http.StatusNotFound, "application/json", `{"message":"page not found"}`+"\n"
			switch {
			case req.Method == "OPTIONS":
				code, ctype, body = http.StatusOK, "", ""
			case path == "/version":
				code, body = status, version
			case path == "/_ping":
				code, ctype, body = http.StatusOK, "text/plain; charset=utf-8", "OK"
			}
			proto := "HTTP/1.1"
			if req.ProtoMinor == 0 {
				proto = "HTTP/1.0"
			}
			var h strings.Builder
			fmt.Fprintf(&h, "%s %d %s\r\n", proto, code, http.StatusText(code))
			// The router's not-found answer carries none of the API's
			// headers (as Debian's docker.io 20.10 answers).
			if code != http.StatusNotFound {
				h.WriteString("Api-Version: 1.41\r\n")
			}
			if ctype != "" {
				fmt.Fprintf(&h, "Content-Type: %s\r\n", ctype)
			}
			if code != http.StatusNotFound {
				fmt.Fprintf(&h, "Docker-Experimental: false\r\nOstype: linux\r\nServer: Docker/%s (linux)\r\n", engine)
			}
			fmt.Fprintf(&h, "Date: Sun, 06 Dec 2026 12:00:00 GMT\r\nContent-Length: %d\r\n", len(body))
			if req.Close && req.ProtoMinor == 1 {
				h.WriteString("Connection: close\r\n")
			}
			h.WriteString("\r\n")
			c.Write([]byte(h.String() + body))
			if req.Close || req.ProtoMinor == 0 {
				return
			}
		}
	}
}

func init() {
	// The version document of API 1.41 (Docker 20.10), with the Components
	// list, as the Engine API reference shows it.
	v2010 := `{"Platform":{"Name":"Docker Engine - Community"},"Components":[{"Name":"Engine","Version":"20.10.24","Details":{"ApiVersion":"1.41","Arch":"amd64","BuildTime":"2023-04-04T17:57:42.000000000+00:00","Experimental":"false","GitCommit":"5d6db84","GoVersion":"go1.19.7","KernelVersion":"6.1.0-9-amd64","MinAPIVersion":"1.12","Os":"linux"}}],"Version":"20.10.24","ApiVersion":"1.41","MinAPIVersion":"1.12","GitCommit":"5d6db84","GoVersion":"go1.19.7","Os":"linux","Arch":"amd64","KernelVersion":"6.1.0-9-amd64","BuildTime":"2023-04-04T17:57:42.000000000+00:00"}` + "\n"
	// API 1.23 (Docker 1.11): no Components, the fields at the top.
	v111 := `{"Version":"1.11.2","ApiVersion":"1.23","GitCommit":"b9f10c9","GoVersion":"go1.5.4","Os":"linux","Arch":"amd64","KernelVersion":"3.13.0-91-generic","BuildTime":"2016-06-01T21:47:50.269346868+00:00"}` + "\n"
	Devices["docker"] = Device{Doc: "Docker Engine API 1.41 (Docker 20.10.24), plain HTTP (Engine API reference)", TCP: dockerAPI("20.10.24", 200, v2010)}
	Devices["docker-tls"] = Device{Doc: "Docker Engine API 1.41 (Docker 20.10.24) over TLS, as dockerd --tls serves 2376", TCP: func(c net.Conn) {
		cert, err := hostCert()
		if err != nil {
			return
		}
		tc := tls.Server(c, &tls.Config{Certificates: []tls.Certificate{*cert}})
		if tc.Handshake() != nil {
			return
		}
		dockerAPI("20.10.24", 200, v2010)(tc)
	}}
	Devices["docker-1.11"] = Device{Doc: "Docker Engine API 1.23 (Docker 1.11.2): a version document without Components", TCP: dockerAPI("1.11.2", 200, v111)}
	Devices["docker-no-version"] = Device{Doc: "a Docker API whose /version document has no Version field", TCP: dockerAPI("20.10.24", 200, `{"ApiVersion":"1.41","Os":"linux","Arch":"amd64"}`+"\n")}
	Devices["docker-number-version"] = Device{Doc: "a Docker API whose Version is a JSON number", TCP: dockerAPI("20.10.24", 200, `{"Version":20.1,"ApiVersion":"1.41"}`+"\n")}
	Devices["docker-not-json"] = Device{Doc: "a Docker API whose /version is not JSON", TCP: dockerAPI("20.10.24", 200, "Version: 20.10.24\n")}
	Devices["docker-500"] = Device{Doc: "a Docker API whose /version fails with status 500 and a version document", TCP: dockerAPI("20.10.24", 500, v111)}
	Devices["docker-empty-version"] = Device{Doc: "a Docker API whose Version is empty", TCP: dockerAPI("20.10.24", 200, `{"Version":"","ApiVersion":"1.41"}`+"\n")}
	// A web server, not Docker, that serves a Docker version document at
	// /version: which ports and names make nmap's script ask.
	Devices["web-docker-version"] = Device{Doc: "a web server (Server: nginx) with a Docker version document at /version", TCP: webServer("nginx", map[string]webPage{
		"/":        {"text/html", "<html><body>hello</body></html>\n"},
		"/version": {"application/json", v111},
	})}
}
