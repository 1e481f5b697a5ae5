// Package template expands the version templates of a matched line (p/ v/ i/
// h/ o/ d/ cpe:/) exactly as nmap 7.93 does, and sanitises the results (M4–M7).
package template
