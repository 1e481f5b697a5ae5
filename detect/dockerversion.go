package detect

import (
	"context"
	"encoding/json"
	"fmt"
)

// DockerVersion stands for nmap's docker-version: on ports 2375 and 2376
// and on services the walk named docker or docker-s, at intensity 7 and more, it asks
// the Docker Engine API for GET /version (over TLS when the port is TLS).
// When the answer is status 200 with a JSON object whose "Version" is a
// non-empty string, the port becomes docker, product "Docker", that
// version — probed with confidence 10, the fingerprint dropped, extrainfo,
// ostype and tunnel kept (nmap 7.93 on Debian 12's docker.io 20.10.24 and
// on simulated API versions). The object must also have a GitCommit
// (any value but false), as nmap's script asks. Another status, a body
// that is not a JSON object, no GitCommit, or a Version that is missing,
// empty or not a string leaves the port as it is.
type DockerVersion struct{}

func (DockerVersion) Name() string { return "docker-version" }
func (DockerVersion) Rule() Rule {
	return Rule{Ports: []int{2375, 2376}, Services: []string{"docker", "docker-s"}, MinIntensity: 7}
}
func (DockerVersion) Sets() []Field { return []Field{FName, FProduct, FVersion} }

func (DockerVersion) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	req := fmt.Sprintf("GET /version HTTP/1.1\r\nHost: %s\r\nUser-Agent: signet\r\nConnection: close\r\n\r\n", hostPort(p))
	resp, err := httpRoundTrip(ctx, env, p.Service.Tunnel == "ssl", []byte(req))
	if err != nil {
		return nil, err
	}
	v, ok := DockerVersionOf(resp.Status, resp.Body)
	if !ok {
		return nil, nil
	}
	env.Trace("Service scan detector docker-version: %s:%d is Docker %s", p.Addr, p.Number, v)
	return &Update{Name: "docker", Product: "Docker", Version: v, Match: Hard}, nil
}

// DockerVersionOf reads the engine's version from a /version response:
// status 200 and a JSON object whose Version is a non-empty string.
func DockerVersionOf(status int, body []byte) (string, bool) {
	if status != 200 {
		return "", false
	}
	var doc map[string]any
	if json.Unmarshal(body, &doc) != nil {
		return "", false
	}
	// nmap's script also wants a GitCommit (any value but false: an
	// empty string or null counts).
	if gc, has := doc["GitCommit"]; !has || gc == false {
		return "", false
	}
	v, ok := doc["Version"].(string)
	return v, ok && v != ""
}
