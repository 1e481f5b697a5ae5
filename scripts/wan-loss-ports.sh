#!/usr/bin/env bash
# How often a connect scan over a lossy WAN reads a port differently from nmap:
# on scripts/wan-rig.sh at 50 ms RTT with the testbed in the server namespace,
# nmap scans 41900-41999 once without loss (the reference table: open ports,
# firewalled ports, "Not shown" line); then each signet binary scans the same
# range R times without loss (wall times) and N times with LOSS, and the runs
# whose table differs from nmap's are counted, with the ports that differed.
#
#   scripts/wan-loss-ports.sh [N] [LOSS] [R]     default 10, 0.01, 3
#   SIGNETS="base=/path/signet new=/path/signet" picks the binaries (default:
#   this tree's cmd/signet). SCAN="-sT" (default) or "-sS".
#
# As root, after `testbed/testbed.sh install`; outside CI. Bounded: N+R scans
# per binary, each of about a second.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10}
loss=${2:-0.01}
r=${3:-3}
scan=${SCAN:--sT}
work=$(mktemp -d /tmp/signet-wanloss.XXXXXX)
chmod 755 "$work"
if [ -z "${SIGNETS:-}" ]; then
  go build -o "$work/signet" ./cmd/signet
  SIGNETS="tree=$work/signet"
fi
RIG=$PWD/scripts/wan-rig.sh
cleanup() {
  "$RIG" s testbed/testbed.sh stop "$work/bed" >/dev/null 2>&1 || true
  "$RIG" down >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"$RIG" up 50ms 0 >/dev/null
"$RIG" s testbed/testbed.sh start "$work/bed" >/dev/null || true
target=10.201.0.2
table() { grep -E '^Not shown|^[0-9]+/tcp' "$1" || true; }
"$RIG" c nmap $scan -Pn -n -p 41900-41999 -oN "$work/nmap.nmap" $target >/dev/null
table "$work/nmap.nmap" > "$work/nmap.table"
echo "nmap (no loss): $(paste -sd'|' "$work/nmap.table")"
for spec in $SIGNETS; do
  label=${spec%%=*} bin=${spec#*=}
  "$RIG" link 50ms 0 >/dev/null
  times=
  for i in $(seq "$r"); do
    s=$(date +%s.%N)
    "$RIG" c "$bin" $scan -Pn -n -p 41900-41999 -oN "$work/t.nmap" $target >/dev/null 2>&1 || true
    times="$times $(printf '%.2f' "$(echo "$(date +%s.%N) - $s" | bc -l)")"
    table "$work/t.nmap" | cmp -s - "$work/nmap.table" || echo "  $label: no-loss run $i differs"
  done
  echo "$label no loss: wall s:$times"
  "$RIG" link 50ms "$loss" >/dev/null
  bad=0 ports= times=
  for i in $(seq "$n"); do
    s=$(date +%s.%N)
    "$RIG" c "$bin" $scan -Pn -n -p 41900-41999 -oN "$work/l.nmap" $target >/dev/null 2>&1 || true
    times="$times $(printf '%.2f' "$(echo "$(date +%s.%N) - $s" | bc -l)")"
    table "$work/l.nmap" > "$work/l.table"
    if ! cmp -s "$work/l.table" "$work/nmap.table"; then
      bad=$((bad + 1))
      ports="$ports $(diff "$work/nmap.table" "$work/l.table" | grep '^>' | cut -c3- | paste -sd';' -)"
    fi
  done
  echo "$label loss $loss: $bad of $n runs differ from nmap's table; wall s:$times"
  [ -n "$ports" ] && echo "  differing lines:$ports"
done
