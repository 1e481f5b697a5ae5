// Package output writes scan results in nmap's forms and signet's own.
//
// normal.go holds the port table and Service Info rules (O1–O3, R6). The
// writers share one interface, Writer (Begin, Host, End), plus PortWriter
// for formats that stream ports as they finish; Multi fans out to several:
//
//   - Normal (normal_writer.go): nmap 7.93's normal output, terminal or -oN;
//   - XML (xml.go): nmap's -oX, valid against nmap.dtd but for scanner="signet";
//   - Grepable (grepable.go): nmap's -oG;
//   - JSONLines (jsonl.go): one JSON object per port (docs/json-output.md);
//   - Console (console.go): the normal output on the terminal with nmap's verbose lines
//     (-v, -vv, -d), made from the scan's events (verbose.go, docs/verbose.md).
//
// File (file.go) is the destination the command line gives them: every
// write and close is checked, and the first failure is kept and reported
// once ("writing FILE: reason").
//
// ReadXML (xmlread.go) and ReadJSONLines (jsonlread.go) read the XML and
// JSON lines forms back into results, for tools and signet merge.
//
// Golden files in testdata pin every format (go test -update rewrites
// them); the integration tests (-tags integration) compare with real nmap.
package output
