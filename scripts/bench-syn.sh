#!/usr/bin/env bash
# signet vs nmap as root, side by side, inside a fresh network namespace whose loopback holds
# only the listeners started here (never this machine's loopback):
#   `-sS -p- -n --reason ADDR` for 127.0.0.1 and ::1 (-6 for nmap), all 65,535 ports, five
#   open; signet and nmap alternately, best of $RUNS each, and the two port tables compared
#   (the "Not shown" line, every open port with its reason and TTL).
# Host discovery (-sn over a veth pair by ARP/ND, and through a router by ICMP/TCP) is compared
# with nmap by the integration test: go test -tags integration ./scan -run MatchNmap -v
# Needs root (unshare --net), Go, nmap and iproute2. Timings are only worth something with the
# machine otherwise idle (on a shared one, hold the loopback lock).
#   scripts/bench-syn.sh
#   RUNS=5 scripts/bench-syn.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
command -v nmap >/dev/null || { echo "nmap not installed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/signet" ./cmd/signet
go build -o "$tmp/scanbench" ./portscan/internal/scanbench

unshare --net bash -s "$tmp" "$runs" <<'NS'
set -euo pipefail
tmp=$1 runs=$2
ip link set lo up
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for addr in 127.0.0.1 ::1; do
  "$tmp/scanbench" -target "$addr" -serve 22,80,443,8080,31337 >"$tmp/serve-$addr.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do grep -q ready "$tmp/serve-$addr.log" && break; sleep 0.1; done
  grep -q ready "$tmp/serve-$addr.log" || { cat "$tmp/serve-$addr.log" >&2; exit 1; }
done
measure() { "$tmp/scanbench" -measure "$@"; }
min() { awk -v a="$1" -v b="$2" 'BEGIN{print (a < b) ? a : b}'; }
# table FILE: the host's port section of a normal output, without the timing lines.
table() { sed -n '/^Host is up/,/^$/p' "$1" | sed -E 's/ \([0-9.e-]+s latency\)//'; }

status=0
for addr in 127.0.0.1 ::1; do
  six=""
  [ "$addr" = ::1 ] && six=-6
  echo "== -sS -p- -n --reason $addr (65,535 ports, 5 open), fresh namespace, alternating"
  printf '%-4s %10s %10s\n' run signet_s nmap_s
  best_s=999999 best_n=999999
  for i in $(seq "$runs"); do
    read -r s _ < <(measure "$tmp/signet" -sS -p- -n --reason $six -oN "$tmp/signet.nmap" "$addr")
    read -r n _ < <(measure nmap -sS -p- -n --reason $six -oN "$tmp/nmap.nmap" "$addr")
    printf '%-4s %10s %10s\n' "$i" "$s" "$n"
    best_s=$(min "$best_s" "$s") best_n=$(min "$best_n" "$n")
  done
  awk -v s="$best_s" -v n="$best_n" 'BEGIN{printf "best: signet %.3f s, nmap %.3f s, signet/nmap %.2f\n", s, n, s/n}'
  if diff <(table "$tmp/nmap.nmap") <(table "$tmp/signet.nmap") >"$tmp/diff"; then
    echo "port tables: equal"
    table "$tmp/signet.nmap" | sed 's/^/  /'
  else
    echo "port tables differ (< nmap, > signet):"; cat "$tmp/diff"; status=1
  fi
done
exit $status
NS
