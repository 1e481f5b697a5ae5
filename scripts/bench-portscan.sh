#!/usr/bin/env bash
# signet vs nmap, side by side in one run, inside a fresh network namespace whose loopback holds
# only the listeners started here (never this machine's loopback):
#   1. wall time of `-sT -p- -Pn -n 127.0.0.1` (all 65,535 ports; 22, 80 and 443 open),
#      signet and nmap alternately, best of $RUNS each, and signet's share of nmap's time;
#   2. peak RSS of `-sT -p 22,80,443,8080 -Pn -n` over 1, 256 and 4,096 loopback targets
#      (127.0.0.1, 127.0.0.0/24, 127.0.0.0/20: all local in the namespace; only 127.0.0.1
#      listens, on 22 and 80), for signet and for nmap.
# Needs root (unshare --net), Go, nmap and iproute2.
#   scripts/bench-portscan.sh               # default 3 rounds
#   RUNS=5 TIMING=4 scripts/bench-portscan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
timing=${TIMING:-3}
command -v nmap >/dev/null || { echo "nmap not installed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/signet" ./cmd/signet
go build -o "$tmp/scanbench" ./portscan/internal/scanbench

unshare --net bash -s "$tmp" "$runs" "$timing" <<'NS'
set -euo pipefail
tmp=$1 runs=$2 timing=$3
ip link set lo up
"$tmp/scanbench" -target 127.0.0.1 -serve 22,80,443 >"$tmp/serve.log" 2>&1 &
srv=$!
trap 'kill $srv 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q ready "$tmp/serve.log" && break; sleep 0.1; done
grep -q ready "$tmp/serve.log" || { cat "$tmp/serve.log" >&2; exit 1; }
# measure CMD...: "<wall s> <peak RSS KiB>" of one run (stdout discarded).
measure() { "$tmp/scanbench" -measure "$@"; }
min() { awk -v a="$1" -v b="$2" 'BEGIN{print (a < b) ? a : b}'; }

echo "== -sT -p- -Pn -n 127.0.0.1 (65,535 ports, 3 open), fresh namespace, -T$timing, alternating"
printf '%-4s %10s %10s\n' run signet_s nmap_s
best_s=999999 best_n=999999
for i in $(seq "$runs"); do
  read -r s _ < <(measure "$tmp/signet" -sT -T"$timing" -p- -Pn -n 127.0.0.1)
  read -r n _ < <(measure nmap -sT -T"$timing" -p- -Pn -n 127.0.0.1)
  printf '%-4s %10.3f %10.3f\n' "$i" "$s" "$n"
  best_s=$(min "$s" "$best_s") best_n=$(min "$n" "$best_n")
done
sout=$("$tmp/signet" -sT -T"$timing" -p- -Pn -n 127.0.0.1 | grep -E '^[0-9]+/tcp|Not shown' | tr '\n' ' ')
nout=$(nmap -sT -T"$timing" -p- -Pn -n 127.0.0.1 | grep -E '^[0-9]+/tcp|Not shown' | tr '\n' ' ')
echo "signet: $sout"
echo "nmap:   $nout"
[ "$(echo "$sout" | tr -s ' ')" = "$(echo "$nout" | tr -s ' ')" ] || echo "WARNING: the port tables differ"
awk -v s="$best_s" -v n="$best_n" 'BEGIN{printf "best of '"$runs"': signet %.3f s, nmap %.3f s: signet takes %.2f of nmap'\''s time (%.1fx faster)\n", s, n, s/n, n/s}'

echo
echo "== peak RSS, -sT -p 22,80,443,8080 -Pn -n, fresh namespace"
printf '%-8s %-14s %12s %10s %12s %10s\n' targets spec signet_KiB signet_s nmap_KiB nmap_s
for spec in 1:127.0.0.1 256:127.0.0.0/24 4096:127.0.0.0/20; do
  n=${spec%%:*} t=${spec#*:}
  read -r sw sr < <(measure "$tmp/signet" -sT -T"$timing" -p 22,80,443,8080 -Pn -n "$t")
  read -r nw nr < <(measure nmap -sT -T"$timing" -p 22,80,443,8080 -Pn -n "$t")
  printf '%-8s %-14s %12s %10s %12s %10s\n' "$n" "$t" "$sr" "$sw" "$nr" "$nw"
done
NS
