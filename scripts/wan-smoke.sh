#!/usr/bin/env bash
# A quick check of the WAN rig without the testbed: tools/bannerd serves SSH,
# SMTP and two HTTP fixtures in the server namespace, bound to the server's
# own address (IPv4, or IPv6 with -6), and nmap and signet scan them and the
# rig's firewalled ports from the client, at 50 ms RTT without and with 1%
# loss: -sV answers and the port table ("Not shown" line included) must be
# nmap's. Seconds, not minutes; scripts/bench-wan.sh is the full comparison.
#
#   WAN_PREFIX=name scripts/wan-smoke.sh [-6]      as root
set -euo pipefail
cd "$(dirname "$0")/.."
target=10.201.0.2 six=
if [ "${1:-}" = -6 ]; then target=fd20:201::2 six=-6; fi
work=$(mktemp -d /tmp/signet-wansmoke.XXXXXX)
go build -o "$work/signet" ./cmd/signet
go build -o "$work/svcdiff" ./tools/svcdiff
go build -o "$work/bannerd" ./tools/bannerd
RIG=$PWD/scripts/wan-rig.sh
cleanup() {
  [ -f "$work/bannerd.pid" ] && kill "$(cat "$work/bannerd.pid")" 2>/dev/null || true
  "$RIG" down >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"$RIG" up 50ms 0 >/dev/null
a=$target
[ -n "$six" ] && a="[$target]"
"$RIG" s "$work/bannerd" -tcp "$a:41022=ssh" -tcp "$a:41025=smtp" -tcp "$a:41080=http" -tcp "$a:41910=http" >"$work/bannerd.log" 2>&1 &
echo $! > "$work/bannerd.pid"
for _ in $(seq 50); do grep -q ready "$work/bannerd.log" && break; sleep 0.1; done
[ -n "$six" ] && "$RIG" c ping -6 -c1 -W2 -q "$target" >/dev/null 2>&1 || true
ports=41022,41025,41080,41910,41980,41985,41988
for loss in 0 0.01; do
  "$RIG" link 50ms "$loss" >/dev/null
  for t in nmap signet; do
    bin=nmap extra=
    [ $t = signet ] && bin=$work/signet extra=--no-tls-fallback
    /usr/bin/time -f %e -o "$work/$t.time" "$RIG" c $bin $six -sV -sT -Pn -n $extra -p $ports -oX "$work/$t-sv.xml" "$target" >/dev/null 2>&1 || true
    "$RIG" c $bin $six -sT -Pn -n -p 41900-41999 -oX "$work/$t-ports.xml" -oN "$work/$t-ports.nmap" "$target" >/dev/null 2>&1 || true
  done
  printf 'loss %-5s -sV: nmap %6.2fs | signet %5.2fs | %s; ports: %s\n' "$loss" "$(cat "$work/nmap.time")" "$(cat "$work/signet.time")" \
    "$("$work/svcdiff" -q "$work/nmap-sv.xml" "$work/signet-sv.xml" | tail -1 || true)" \
    "$("$work/svcdiff" -q "$work/nmap-ports.xml" "$work/signet-ports.xml" | tail -1 || true)"
  for t in nmap signet; do
    printf '    %-6s %s\n' "$t" "$(grep -E '^Not shown|^[0-9]+/tcp' "$work/$t-ports.nmap" | paste -sd'|' -)"
  done
done
