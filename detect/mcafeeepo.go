package detect

import (
	"context"
	"fmt"
	"regexp"
)

// McAfeeEPOAgent stands for nmap's mcafee-epo-agent: it fetches "/"
// from the McAfee Agent's wake-up port, which serves the agent's
// activity log (an naLog XML document). When the body is such a document
// (an XML declaration, then naLog), the answer becomes name http, product
// "McAfee ePolicy Orchestrator Agent", version the log's version (none
// when it has none), extrainfo "ePOServerName: SERVER, AgentGuid: GUID"
// and host name the log's ComputerName, probed with confidence 10 and
// its fingerprint dropped. Its rule goes by the walk's product when there
// is one (namesEPO, on any port), else TCP port 8081.
type McAfeeEPOAgent struct{}

func (McAfeeEPOAgent) Name() string { return "mcafee-epo-agent" }
func (McAfeeEPOAgent) Rule() Rule {
	return Rule{Ports: []int{8081}, MinIntensity: 7, Product: namesEPO}
}

// namesEPO reports whether a product names McAfee's ePolicy Orchestrator
// or its agent as nmap's script looks for them: "ePolicy Orch" or
// "EPO Agent", where only the first letter of each word may be of
// either case ("EPolicy Orch", "ePO agent"; not "EPOLICY").
func namesEPO(product string) bool { return epoProduct.MatchString(product) }

var epoProduct = regexp.MustCompile(`[eE][pP]olicy Orch|[eE]PO [aA]gent`)

func (McAfeeEPOAgent) Sets() []Field {
	return []Field{FName, FProduct, FVersion, FInfo, FHostname}
}

// naLogDoc is the agent's log as nmap's script accepts it: an XML
// declaration first, the naLog element right after it.
var naLogDoc = regexp.MustCompile(`^<\?xml (?s:.*)\?>\s*<naLog>`)

var naLogElem = regexp.MustCompile(`<(version|ComputerName|ePOServerName|AgentGUID)>([^<]*)</`)

func (McAfeeEPOAgent) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	req := fmt.Sprintf("GET / HTTP/1.1\r\nHost: %s\r\nUser-Agent: signet\r\nConnection: close\r\n\r\n", hostPort(p))
	resp, err := httpRoundTrip(ctx, env, p.Service.Tunnel == "ssl", []byte(req))
	if err != nil {
		return nil, err
	}
	if !naLogDoc.Match(resp.Body) {
		return nil, nil
	}
	log := map[string]string{}
	for _, m := range naLogElem.FindAllSubmatch(resp.Body, 16) {
		if _, seen := log[string(m[1])]; !seen {
			log[string(m[1])] = string(m[2])
		}
	}
	env.Trace("Service scan detector mcafee-epo-agent: %s:%d is McAfee Agent %s", p.Addr, p.Number, log["version"])
	return &Update{Name: "http", Product: "McAfee ePolicy Orchestrator Agent", Version: log["version"],
		Info:     fmt.Sprintf("ePOServerName: %s, AgentGuid: %s", log["ePOServerName"], log["AgentGUID"]),
		Hostname: log["ComputerName"], Match: Hard}, nil
}
