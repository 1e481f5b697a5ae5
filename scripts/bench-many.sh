#!/usr/bin/env bash
# Many services on one host: in a fresh network namespace (its loopback is
# empty), tools/bannerd serves N SSH banners and N HTTP servers on 127.0.0.1;
# nmap -sV and signet -sV scan them all, one after the other. Prints the wall
# time of each, the ratio, and how many ports' answers differ (tools/svcdiff;
# must be 0).
#
#   scripts/bench-many.sh [N]      default N=500 (1,000 services); as root
#
# Timing matters: run it under `flock /work/locks/loopback.lock` on a shared
# machine. NS names the namespace (default many-bench); SIGNET_ARGS and
# NMAP_ARGS add options. signet runs with its defaults but without the TLS
# fallback (beyond nmap on purpose).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-500}
ns=${NS:-many-bench}
work=$(mktemp -d /tmp/signet-many.XXXXXX)
go build -o "$work/signet" ./cmd/signet
go build -o "$work/svcdiff" ./tools/svcdiff
go build -o "$work/bannerd" ./tools/bannerd

cleanup() {
  [ -f "$work/bannerd.pid" ] && kill "$(cat "$work/bannerd.pid")" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ip netns del "$ns" 2>/dev/null || true
ip netns add "$ns"
ip netns exec "$ns" ip link set lo up
# SSH banners on 40001.., HTTP servers on 40001+N..
ssh_lo=40001 http_lo=$((40001 + n)) last=$((40000 + 2 * n))
args=()
for ((p = ssh_lo; p < http_lo; p++)); do args+=(-tcp "127.0.0.1:$p=ssh"); done
for ((p = http_lo; p <= last; p++)); do args+=(-tcp "127.0.0.1:$p=http"); done
ip netns exec "$ns" bash -c 'ulimit -n 65536; exec "$@"' _ "$work/bannerd" "${args[@]}" >"$work/bannerd.log" 2>&1 &
echo $! > "$work/bannerd.pid"
for _ in $(seq 100); do grep -q ready "$work/bannerd.log" && break; sleep 0.1; done
grep -q ready "$work/bannerd.log" || { cat "$work/bannerd.log" >&2; exit 1; }
ports="$ssh_lo-$last"
echo "$ns: $n SSH banners ($ssh_lo-$((http_lo - 1))) and $n HTTP servers ($http_lo-$last) on 127.0.0.1; load $(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # LABEL CMD...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/$label.time" ip netns exec "$ns" "$@" >"$work/$label.out" 2>"$work/$label.err" || true
}
measure nmap nmap -sV -sT -Pn -n ${NMAP_ARGS:-} -p "$ports" -oX "$work/nmap.xml" 127.0.0.1
measure signet "$work/signet" -sV -sT -Pn -n --no-tls-fallback ${SIGNET_ARGS:-} -p "$ports" -oX "$work/signet.xml" 127.0.0.1
read -r nw nr < "$work/nmap.time"
read -r sw sr < "$work/signet.time"
diff=$("$work/svcdiff" -q "$work/nmap.xml" "$work/signet.xml" | tail -1 || true)
printf 'many-%d  nmap %7.2fs | signet %6.2fs | ratio %.3f | %s\n' "$((2 * n))" "$nw" "$sw" "$(echo "$sw / $nw" | bc -l)" "$diff"
"$work/svcdiff" "$work/nmap.xml" "$work/signet.xml" > "$work/diff.txt" || head -20 "$work/diff.txt" | sed 's/^/    /'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
