#!/usr/bin/env bash
# Side-by-side version detection: nmap -sV and signet -sV with the same
# signature file (nmap's) on the same loopback services — the real-server
# testbed plus replayed fixtures — in one run, alternating, for TCP and UDP.
# Prints wall time and peak RSS of each, the ratio, and how many ports'
# answers differ (must be 0).
#
#   scripts/bench-vscan.sh [ROUNDS]      (as root; testbed/testbed.sh install first)
#
# PROTOS="udp" (default "tcp udp") runs one protocol only. NMAP_SAVED=DIR keeps
# nmap's run of each protocol in DIR (nmap-PROTO.xml, nmap-PROTO.time) and uses
# it instead of running nmap again when it is there: nmap's answers on the
# testbed do not change from run to run, and its UDP run takes 100 s.
#
# Outside CI: a run takes several minutes (nmap's waits). Both run as users run
# them: nmap -sV with its version scripts, signet with its defaults (adaptive
# timing, per-host cap 40, its native detectors) but --no-tls-fallback: the TLS
# fallback goes beyond nmap on purpose, finding TLS-only services nmap misses,
# and the answers are compared.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-1}
work=$(mktemp -d /tmp/signet-bench.XXXXXX)
chmod 755 "$work" # the testbed's daemons run as their own users
bed=$work/bed
go build -o "$work/signet" ./cmd/signet
go build -o "$work/svcdiff" ./tools/svcdiff

cleanup() {
  for p in "$work"/serve-*.pid; do [ -f "$p" ] && kill "$(cat "$p")" 2>/dev/null || true; done
  testbed/testbed.sh stop "$bed" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

testbed/testbed.sh start "$bed" > "$work/bed.txt" || true
tcp=$(awk '$1 ~ /^[0-9]+\/tcp$/ {split($1,a,"/"); print a[1]}' "$work/bed.txt" | paste -sd, -)
udp=$(awk '$1 ~ /^[0-9]+\/udp$/ {split($1,a,"/"); print a[1]}' "$work/bed.txt" | paste -sd, -)

# Replayed fixtures: the seed's PineApp service and the behaviours of docs/nmap-behaviour.md's runs.
port=43900
for fp in testdata/seed/pineapp.fp; do
  port=$((port + 1))
  "$work/signet" serve "$fp" --listen 127.0.0.1:$port --versiondb nmap --quiet >/dev/null 2>&1 &
  echo $! > "$work/serve-$port.pid"
  tcp="$tcp,$port"
done
sleep 0.5

ntcp=$(echo "$tcp" | tr , '\n' | grep -c .)
nudp=$(echo "$udp" | tr , '\n' | grep -c . || true)
db=/usr/share/nmap/nmap-service-probes
echo "services: $ntcp TCP, $nudp UDP on 127.0.0.1; signature file $db"

# measure LABEL CMD...: wall seconds and peak RSS (KB) into $work/LABEL.time
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/$label.time" "$@" >/dev/null 2>"$work/$label.err" || true
}

report() { # PROTO
  local proto=$1 nw ns nr sw sr
  read -r nw nr < "$work/nmap-$proto.time"
  read -r sw sr < "$work/signet-$proto.time"
  local diff
  diff=$("$work/svcdiff" -q "$work/nmap-$proto.xml" "$work/signet-$proto.xml" | tail -1 || true)
  printf '%-4s nmap %7.2fs %7d KB | signet %6.2fs %7d KB | ratio %.3f | %s\n' \
    "$proto" "$nw" "$nr" "$sw" "$sr" "$(echo "$sw / $nw" | bc -l)" "$diff"
  "$work/svcdiff" "$work/nmap-$proto.xml" "$work/signet-$proto.xml" > "$work/diff-$proto.txt" || cat "$work/diff-$proto.txt"
}

# nmapRun PROTO ARGS...: nmap's run, or the one kept in $NMAP_SAVED.
nmapRun() {
  local proto=$1 saved=${NMAP_SAVED:-}; shift
  if [ -n "$saved" ] && [ -s "$saved/nmap-$proto.xml" ] && [ -s "$saved/nmap-$proto.time" ]; then
    echo "nmap $proto: the run kept in $saved"
    cp "$saved/nmap-$proto.xml" "$saved/nmap-$proto.time" "$work/"
    return
  fi
  measure "nmap-$proto" nmap "$@" -oX "$work/nmap-$proto.xml" 127.0.0.1
  if [ -n "$saved" ]; then
    mkdir -p "$saved"
    cp "$work/nmap-$proto.xml" "$work/nmap-$proto.time" "$saved/"
  fi
}

protos=" ${PROTOS:-tcp udp} "
for r in $(seq "$rounds"); do
  echo "-- round $r (load $(cut -d' ' -f1-3 /proc/loadavg))"
  if [[ $protos == *" tcp "* ]]; then
    nmapRun tcp -sV -sT -Pn -n -p "$tcp" --versiondb "$db"
    measure signet-tcp "$work/signet" -sV -sT -Pn -n -p "$tcp" --versiondb "$db" --no-tls-fallback -oX "$work/signet-tcp.xml" 127.0.0.1
    report tcp
  fi
  if [ -n "$udp" ] && [[ $protos == *" udp "* ]]; then
    nmapRun udp -sV -sU -Pn -n -p "$udp" --versiondb "$db"
    measure signet-udp "$work/signet" -sV -sU -Pn -n -p "$udp" --versiondb "$db" --no-tls-fallback -oX "$work/signet-udp.xml" 127.0.0.1
    report udp
  fi
done
