#!/usr/bin/env bash
# Records nmap 7.93's progress lines (--stats-every's "Stats: …" and "… Timing: About …", and
# those of a key pressed) for the scans in the table below, as the goldens of signet's status
# lines (output/testdata/progress; output's TestStatsGoldens compares them). Everything runs
# in network namespaces made here and removed at the end:
#   $PREFIX-c  the scanner: tools/bannerd on its loopback (SSH on 22 and 2222, SMTP on 25 and
#              2525, HTTP on 80 and 8080, silent ports 40001-40006, which make version
#              detection slow), 10.99.0.1 on a veth pair, a DNS responder on 127.0.0.1:53;
#   $PREFIX-s  10.99.0.2 and 10.99.0.3 on the other end (the rest of 10.99.0.0/24 is down).
# Needs root, iproute2, util-linux's script(1), Go and nmap.
#   scripts/record-progress.sh              # all scans
#   scripts/record-progress.sh stats-sT     # the named ones
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${PREFIX:-progress-rec}
out=output/testdata/progress
ns_s=$prefix-s ns_c=$prefix-c
command -v nmap >/dev/null || { echo "nmap not installed" >&2; exit 1; }
tmp=$(mktemp -d)
cleanup() {
  for p in ${srv:-} ${srv2:-}; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  ip netns del "$ns_s" 2>/dev/null || true
  ip netns del "$ns_c" 2>/dev/null || true
  rm -rf "/etc/netns/$ns_c" "$tmp"
}
trap cleanup EXIT
go build -o "$tmp/bannerd" ./tools/bannerd

ip netns add "$ns_s"
ip netns add "$ns_c"
ip link add "${prefix}0" netns "$ns_c" type veth peer name "${prefix}1" netns "$ns_s"
ip -n "$ns_s" link set lo up
ip -n "$ns_c" link set lo up
ip -n "$ns_c" link set "${prefix}0" up
ip -n "$ns_s" link set "${prefix}1" up
ip -n "$ns_c" addr add 10.99.0.1/24 dev "${prefix}0"
ip -n "$ns_s" addr add 10.99.0.2/24 dev "${prefix}1"
ip -n "$ns_s" addr add 10.99.0.3/24 dev "${prefix}1"
mkdir -p "/etc/netns/$ns_c"
printf 'nameserver 127.0.0.1\n' >"/etc/netns/$ns_c/resolv.conf"
printf '127.0.0.1 localhost\n' >"/etc/netns/$ns_c/hosts"

services="-tcp 0.0.0.0:22=ssh -tcp 0.0.0.0:25=smtp -tcp 0.0.0.0:80=http -tcp 0.0.0.0:2222=ssh -tcp 0.0.0.0:2525=smtp -tcp 0.0.0.0:8080=http"
for p in 40001 40002 40003 40004 40005 40006; do services="$services -tcp 0.0.0.0:$p=silent"; done
# shellcheck disable=SC2086 # the services are words
ip netns exec "$ns_c" "$tmp/bannerd" $services -dns 127.0.0.1:53 \
  -ptr 10.99.0.2=web.example.test -ptr 10.99.0.3=mail.example.test >"$tmp/bannerd.log" 2>&1 &
srv=$!
ip netns exec "$ns_s" "$tmp/bannerd" -tcp 0.0.0.0:22=ssh >"$tmp/bannerd2.log" 2>&1 &
srv2=$!
for _ in $(seq 50); do grep -q ready "$tmp/bannerd.log" && grep -q ready "$tmp/bannerd2.log" && break; sleep 0.1; done
grep -q ready "$tmp/bannerd.log" || { cat "$tmp/bannerd.log" >&2; exit 1; }

# NAME KEYS ARGS...: KEYS "-" for none, else keys typed on the terminal (one a second, after
# two seconds), under script(1) so that nmap reads them.
scans() {
  cat <<'TABLE'
stats-sT   - --stats-every 1s -sT -p1-1000 --max-rate 1000 127.0.0.1-8
stats-sV   - --stats-every 1s -sV -p22,25,80,2222,2525,8080,40001-40006 127.0.0.1-8
stats-sn   - -v --stats-every 1s -sn 10.99.0.0/24
key-sT     x?vV --max-rate 400 -sT -p1-3000 127.0.0.1
TABLE
}

mkdir -p "$out"
scans | while read -r name keys args; do
  if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$name"; then continue; fi
  echo "== $name: nmap $args" >&2
  if [ "$keys" = - ]; then
    # shellcheck disable=SC2086 # the table's arguments are words
    ip netns exec "$ns_c" nmap $args >"$out/$name.out" 2>&1 </dev/null || true
  else
    { sleep 2; for ((i = 0; i < ${#keys}; i++)); do printf '%s' "${keys:i:1}"; sleep 1; done; sleep 30; } |
      timeout 60 ip netns exec "$ns_c" script -qfec "nmap $args" /dev/null | tr -d '\r' >"$out/$name.out" || true
  fi
  printf 'nmap %s\n' "$args" >"$out/$name.cmd"
done
