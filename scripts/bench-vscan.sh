#!/usr/bin/env bash
# Side-by-side version detection: nmap -sV and signet -sV with the same
# signature file (nmap's) on the same loopback services — the real-server
# testbed plus replayed fixtures — in one run, alternating, for TCP and UDP.
# Prints wall time and peak RSS of each, the ratio, and how many ports'
# answers differ (must be 0).
#
#   scripts/bench-vscan.sh [ROUNDS]      (as root; testbed/testbed.sh install first)
#
# Environment, for iterating on signet without re-running nmap (its answer
# on the testbed is stable):
#   BENCH_SAVE=DIR       keep nmap's XML (nmap-tcp.xml, nmap-udp.xml, *.time) in DIR
#   BENCH_NMAP=DIR       reuse nmap's XML and times saved there instead of running nmap
#   BENCH_NMAP=DIR1:DIR2:...  several saved nmap runs (nmap's own answer on a few
#                        servers changes from run to run): the time is DIR1's, and a
#                        port counts as differing only when signet's answer equals
#                        none of the runs'; the diff lists each port that differs
#                        from any run with the runs (nmap-PROTO.xml paths) that agreed
#   BENCH_PROTO=tcp|udp  run only one protocol (default both)
#   BENCH_KEEP=DIR       keep signet's XML and stderr of the last round in DIR
#   BENCH_SIGNET_FLAGS="--version-trace"  more flags for signet's runs (its normal
#                        output and the trace go to signet-PROTO.out, which BENCH_KEEP keeps)
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

source scripts/lib/settle.sh
settle

ntcp=$(echo "$tcp" | tr , '\n' | grep -c .)
nudp=$(echo "$udp" | tr , '\n' | grep -c . || true)
db=/usr/share/nmap/nmap-service-probes
echo "services: $ntcp TCP, $nudp UDP on 127.0.0.1; signature file $db"

# measure LABEL CMD...: wall seconds and peak RSS (KB) into $work/LABEL.time
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/$label.time" "$@" >"$work/$label.out" 2>"$work/$label.err" || true
}

# run_nmap PROTO SCANFLAG PORTS: nmap's run, or its saved one (BENCH_NMAP)
run_nmap() {
  local proto=$1 flag=$2 ports=$3
  if [ -n "${BENCH_NMAP:-}" ]; then
    local first=${BENCH_NMAP%%:*}
    cp "$first/nmap-$proto.xml" "$first/nmap-$proto.time" "$work/"
    return
  fi
  measure "nmap-$proto" nmap -sV "$flag" -Pn -n -p "$ports" --versiondb "$db" -oX "$work/nmap-$proto.xml" 127.0.0.1
  if [ -n "${BENCH_SAVE:-}" ]; then
    mkdir -p "$BENCH_SAVE"
    cp "$work/nmap-$proto.xml" "$work/nmap-$proto.time" "$BENCH_SAVE/"
  fi
}

# nmap_runs PROTO: the nmap XML files to compare with, one a line: this run's,
# or every saved run's (BENCH_NMAP=DIR1:DIR2:...) that has PROTO
nmap_runs() {
  local proto=$1 d
  if [ -z "${BENCH_NMAP:-}" ]; then
    echo "$work/nmap-$proto.xml"
    return
  fi
  local IFS=:
  for d in $BENCH_NMAP; do
    [ -f "$d/nmap-$proto.xml" ] && echo "$d/nmap-$proto.xml"
  done
}

report() { # PROTO
  local proto=$1 nw ns nr sw sr
  read -r nw nr < "$work/nmap-$proto.time"
  read -r sw sr < "$work/signet-$proto.time"
  local diff runs=()
  mapfile -t runs < <(nmap_runs "$proto")
  diff=$("$work/svcdiff" -q "${runs[@]}" "$work/signet-$proto.xml" | tail -1 || true)
  printf '%-4s nmap %7.2fs %7d KB | signet %6.2fs %7d KB | ratio %.3f | %s\n' \
    "$proto" "$nw" "$nr" "$sw" "$sr" "$(echo "$sw / $nw" | bc -l)" "$diff"
  # every port that differs from some run is printed (with several runs, with the runs that agreed)
  "$work/svcdiff" "${runs[@]}" "$work/signet-$proto.xml" > "$work/diff-$proto.txt" || true
  [ "$(wc -l < "$work/diff-$proto.txt")" -le 1 ] || cat "$work/diff-$proto.txt"
}

for r in $(seq "$rounds"); do
  echo "-- round $r (load $(cut -d' ' -f1-3 /proc/loadavg))"
  if [ "${BENCH_PROTO:-tcp}" = tcp ]; then
    run_nmap tcp -sT "$tcp"
    measure signet-tcp "$work/signet" ${BENCH_SIGNET_FLAGS:-} -sV -sT -Pn -n -p "$tcp" --versiondb "$db" --no-tls-fallback -oX "$work/signet-tcp.xml" 127.0.0.1
    report tcp
  fi
  if [ -n "$udp" ] && [ "${BENCH_PROTO:-udp}" = udp ]; then
    run_nmap udp -sU "$udp"
    measure signet-udp "$work/signet" ${BENCH_SIGNET_FLAGS:-} -sV -sU -Pn -n -p "$udp" --versiondb "$db" --no-tls-fallback -oX "$work/signet-udp.xml" 127.0.0.1
    report udp
  fi
  if [ -n "${BENCH_KEEP:-}" ]; then
    mkdir -p "$BENCH_KEEP"
    cp "$work"/signet-*.xml "$work"/signet-*.out "$work"/signet-*.err "$work"/signet-*.time "$work"/diff-*.txt "$BENCH_KEEP"/ 2>/dev/null || true
  fi
done
