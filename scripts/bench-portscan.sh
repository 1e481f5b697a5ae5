#!/usr/bin/env bash
# Times a TCP connect scan of 127.0.0.1 ports 1-65535 by signet's portscan package
# (portscan/internal/scanbench, a stand-in until cmd/signet scans) and by `nmap -sT -p-`,
# alternately, in a fresh network namespace whose loopback holds only the three listeners
# started here (22, 80, 443). Needs root (unshare --net), Go and nmap.
#   RUNS=5 scripts/bench-portscan.sh        # default 3 rounds
#   TIMING=4 scripts/bench-portscan.sh      # -T4 for both
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
timing=${TIMING:-3}
command -v nmap >/dev/null || { echo "nmap not installed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/scanbench" ./portscan/internal/scanbench

unshare --net bash -s "$tmp" "$runs" "$timing" <<'NS'
set -euo pipefail
tmp=$1 runs=$2 timing=$3
ip link set lo up
"$tmp/scanbench" -serve 22,80,443 >"$tmp/serve.log" 2>&1 &
srv=$!
trap 'kill $srv 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q ready "$tmp/serve.log" && break; sleep 0.1; done
grep -q ready "$tmp/serve.log" || { cat "$tmp/serve.log" >&2; exit 1; }
now() { date +%s.%N; }
printf '%-4s %12s %12s\n' run signet_s nmap_s
best_s=999999 best_n=999999
for i in $(seq "$runs"); do
  t0=$(now)
  out=$("$tmp/scanbench" -T "$timing" -p - -target 127.0.0.1)
  t1=$(now)
  nout=$(nmap -sT -T"$timing" -p- -n -Pn 127.0.0.1)
  t2=$(now)
  s=$(awk "BEGIN{print $t1 - $t0}") n=$(awk "BEGIN{print $t2 - $t1}")
  printf '%-4s %12.3f %12.3f\n' "$i" "$s" "$n"
  best_s=$(awk "BEGIN{print ($s < $best_s) ? $s : $best_s}")
  best_n=$(awk "BEGIN{print ($n < $best_n) ? $n : $best_n}")
done
echo "signet: $out"
echo "nmap:   $(echo "$nout" | grep -E '^[0-9]+/tcp|Not shown' | tr '\n' ' ')"
printf 'best wall time, 65535 ports: signet %.3f s, nmap -sT %.3f s\n' "$best_s" "$best_n"
NS
