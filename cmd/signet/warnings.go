package main

import "slices"

// optionWarnings are the lines nmap 7.93 prints on stderr about the options, before its
// header, when verbose (-v or -d): that host discovery is off, and that -P0 and -PN are old
// spellings of -Pn (docs/verbose.md). args are the command line as given.
func optionWarnings(a *scanArgs, args []string) []string {
	if a.verbose+a.debug == 0 {
		return nil
	}
	var w []string
	if a.noPing {
		w = append(w, "Host discovery disabled (-Pn). All addresses will be marked 'up' and scan times may be slower.")
	}
	end := len(args)
	if i := slices.Index(args, "--"); i >= 0 {
		end = i
	}
	for _, old := range []string{"P0", "PN"} {
		if slices.Contains(args[:end], "-"+old) {
			w = append(w, "Warning: The -"+old+" option is deprecated. Please use -Pn")
		}
	}
	return w
}
