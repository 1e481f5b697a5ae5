#!/usr/bin/env bash
# Side-by-side over a WAN: nmap -sV and signet -sV from the client namespace of
# scripts/wan-rig.sh to the real-server testbed running in its server
# namespace, at a given RTT, without and with loss; then a port scan of a
# range that holds the rig's firewalled ports (dropped, ICMP-rejected, reset).
# Prints wall time of each, the ratio, and how many ports' answers differ.
#
#   scripts/bench-wan.sh [-6] [RTT] [LOSS...]  default: 50ms, losses "0 0.01"
#
# -6 runs the same checks over IPv6 (fd20:201::2, both scanners with -6).
# The testbed's servers listen on 127.0.0.1 only, so in the server namespace
# tools/wanrelay carries [fd20:201::2]:port to 127.0.0.1:port for every
# testbed port (TCP and UDP; a refusal or reset by the server is a reset, a
# close a close, each UDP client its own socket); the firewall rules are the
# same (an inet table). Both scanners meet the same relay: the comparison
# stays fair, but a service then sees its client as 127.0.0.1, and the relay
# accepts a connection before the server does.
#
# As root, after `testbed/testbed.sh install`. Outside CI (nmap's waits make a
# run take several minutes). nmap runs as users run it: plain -sV, its version
# scripts on. signet runs with its defaults but without the TLS fallback, which
# goes beyond nmap on purpose. SIGNET_ARGS adds signet options; NMAP_ARGS
# nmap's (both empty by default); SCAN="-sT" (default) or "-sS" picks the
# port scan of both. PARTS="tcp udp ports" (the default) picks the runs:
# TCP -sV, UDP -sV, the port scan of the firewalled range. KEEP=DIR copies the scans' outputs (XML, normal output,
# times, svcdiff reports) there before the work directory goes.
# BENCH_SAVE=DIR keeps each nmap run (nmap-LABEL.xml, .time, .nmap, .cmd) in
# DIR; BENCH_NMAP=DIR reuses the runs saved there instead of running nmap
# again, so a signet-only rerun takes well under a minute. LABEL is the part
# and the loss (tcp-loss0.01); keep one DIR per family and RTT. A saved run is
# reused only if its nmap command line (ports, target, flags) is the one this
# run would use; otherwise the script stops. Each part is also compared with
# every nmap run of it at hand (with and without loss: nmap's own answer on a
# few servers changes from run to run); a port differs there only when
# signet's answer equals none of them. The script waits for the CPUs to settle
# after the testbed starts (scripts/lib/settle.sh).
#
# Both scanners run on one CPU (taskset -c, SCANNER_CPUS: default 0 on a
# machine of two or more; empty runs them anywhere), the servers and the
# delay line on all: on a real network the scanner's CPU is not the server's,
# and on a shared two-CPU machine a scanner busy on both, in its first second
# (a thousand connections opened, their replies matched), delays the servers
# it measures (in.rlogind, descheduled for a round trip between its two
# writes, let a message out that it loses otherwise: docs/benchmarks.md).
# The pinning is part of a saved nmap run's command line.
set -euo pipefail
cd "$(dirname "$0")/.."
six=
if [ "${1:-}" = -6 ]; then six=-6; shift; fi
rtt=${1:-50ms}
shift || true
losses=${*:-0 0.01}
scan=${SCAN:--sT}
if [ -z "${SCANNER_CPUS+set}" ]; then
  SCANNER_CPUS=
  [ "$(nproc)" -ge 2 ] && SCANNER_CPUS=0
fi
pin=()
[ -n "$SCANNER_CPUS" ] && pin=(taskset -c "$SCANNER_CPUS")
parts=${PARTS:-tcp udp ports}
work=$(mktemp -d /tmp/signet-wan.XXXXXX)
chmod 755 "$work"
bed=$work/bed
go build -o "$work/signet" ./cmd/signet
go build -o "$work/svcdiff" ./tools/svcdiff
RIG=$PWD/scripts/wan-rig.sh
rig() { "$RIG" "$@"; }

cleanup() {
  for p in "$work"/relay-*.pid; do [ -f "$p" ] && kill "$(cat "$p")" 2>/dev/null || true; done
  rig s testbed/testbed.sh stop "$bed" >/dev/null 2>&1 || true
  rig down >/dev/null 2>&1 || true
  if [ -n "${KEEP:-}" ]; then
    mkdir -p "$KEEP" && cp "$work"/*.xml "$work"/*.txt "$work"/*.time "$work"/*.nmap "$work"/*.err "$work"/*.out "$KEEP"/ 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

rig up "$rtt" 0 >/dev/null
rig s testbed/testbed.sh start "$bed" > "$work/bed.txt" || true
tcp=$(awk '$1 ~ /^[0-9]+\/tcp$/ {split($1,a,"/"); print a[1]}' "$work/bed.txt" | paste -sd, -)
udp=$(awk '$1 ~ /^[0-9]+\/udp$/ {split($1,a,"/"); print a[1]}' "$work/bed.txt" | paste -sd, -)
# The firewalled ports (see wan-rig.sh): dropped, admin-prohibited, reset.
tcp="$tcp,41980,41985,41988"
udp="$udp,42190,42195"
ntcp=$(echo "$tcp" | tr , '\n' | grep -c .)
nudp=$(echo "$udp" | tr , '\n' | grep -c .)
target=10.201.0.2
if [ -n "$six" ]; then
  target=fd20:201::2
  go build -o "$work/wanrelay" ./tools/wanrelay
  rtcp=$(echo "$tcp" | tr , '\n' | grep -v '^4198' | paste -sd, -)
  rudp=$(echo "$udp" | tr , '\n' | grep -v '^4219' | paste -sd, -)
  "$RIG" s "$work/wanrelay" -listen $target -to 127.0.0.1 -tcp "$rtcp" -udp "$rudp" \
    </dev/null >"$work/relay.log" 2>&1 &
  echo $! > "$work/relay-all.pid"
  for _ in $(seq 50); do grep -q ready "$work/relay.log" && break; sleep 0.1; done
  grep -q ready "$work/relay.log" || { cat "$work/relay.log" >&2; exit 1; }
  rig c ping -6 -c1 -W2 -q $target >/dev/null 2>&1 || true # neighbour discovery first
  sleep 1
fi
source scripts/lib/settle.sh
settle
echo "WAN rig: RTT $rtt; testbed in the server namespace: $ntcp TCP, $nudp UDP ports on $target (incl. firewalled); load $(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # LABEL CMD...: wall seconds into $work/LABEL.time
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/$label.time" "$@" >"$work/$label.out" 2>"$work/$label.err" || true
}

nmap_run() { # LABEL NMAP-ARGS...: nmap's run, or the one saved in BENCH_NMAP
  local l=$1; shift
  local cmd="${pin[*]}${pin:+ }nmap $*"
  if [ -n "${BENCH_NMAP:-}" ]; then
    local saved=$BENCH_NMAP/nmap-$l
    [ -f "$saved.cmd" ] && [ "$(cat "$saved.cmd")" = "$cmd" ] || {
      echo "bench-wan: no saved nmap run for $l with this command line in $BENCH_NMAP" >&2
      echo "  want: $cmd" >&2
      [ -f "$saved.cmd" ] && echo "  have: $(cat "$saved.cmd")" >&2
      exit 1
    }
    cp "$saved.xml" "$work/nmap-$l.xml"
    cp "$saved.time" "$work/nmap-$l.time"
    [ -f "$saved.nmap" ] && cp "$saved.nmap" "$work/nmap-$l.nmap"
    return 0
  fi
  # The work directory's name changes from run to run: name the files in
  # the saved command line by their label only.
  local outn=()
  [ -n "${NMAP_OUT_N:-}" ] && outn=(-oN "$work/nmap-$l.nmap")
  measure "nmap-$l" "$RIG" c "${pin[@]}" nmap "$@" -oX "$work/nmap-$l.xml" "${outn[@]}"
  if [ -n "${BENCH_SAVE:-}" ]; then
    mkdir -p "$BENCH_SAVE"
    cp "$work/nmap-$l.xml" "$work/nmap-$l.time" "$BENCH_SAVE/"
    [ -f "$work/nmap-$l.nmap" ] && cp "$work/nmap-$l.nmap" "$BENCH_SAVE/"
    echo "$cmd" > "$BENCH_SAVE/nmap-$l.cmd"
  fi
}

report() { # LABEL
  local l=$1 nw ns nr sr diff
  read -r nw nr < "$work/nmap-$l.time"
  read -r ns sr < "$work/signet-$l.time"
  diff=$("$work/svcdiff" -q "$work/nmap-$l.xml" "$work/signet-$l.xml" | tail -1 || true)
  printf '%-14s nmap %7.2fs | signet %6.2fs | ratio %.3f | %s\n' \
    "$l" "$nw" "$ns" "$(echo "$ns / $nw" | bc -l)" "$diff"
  "$work/svcdiff" "$work/nmap-$l.xml" "$work/signet-$l.xml" > "$work/diff-$l.txt" || sed 's/^/    /' "$work/diff-$l.txt"
  # nmap's own answer on a few servers changes from run to run (iperf3
  # restarting its listener, gmond's XML cut by a lost segment): against
  # every nmap run of this part at this RTT (with and without loss, from
  # this run, BENCH_NMAP and BENCH_SAVE), a port differs only when
  # signet's answer equals none of theirs (as bench-vscan.sh's
  # BENCH_NMAP=DIR1:DIR2 counts).
  local runs=("$work/nmap-$l.xml") r d
  for d in "$work" "${BENCH_NMAP:-}" "${BENCH_SAVE:-}"; do
    [ -n "$d" ] || continue
    for r in "$d"/nmap-"${l%-loss*}"-loss*.xml; do
      [ -f "$r" ] || continue
      case " ${runs[*]} " in *"/$(basename "$r") "*) ;; *) runs+=("$r") ;; esac
    done
  done
  if [ "${#runs[@]}" -gt 1 ]; then
    printf '%-14s against all %d nmap runs of the part: %s\n' "$l" "${#runs[@]}" \
      "$("$work/svcdiff" -q "${runs[@]}" "$work/signet-$l.xml" | tail -1 || true)"
  fi
  # Under loss nmap too can miss an answer (one UDP probe whose reply is
  # lost, one connection that times out): signet is also compared with
  # nmap's lossless run of the same part, when this run or a saved one has it.
  case $l in *-loss0) return 0 ;; esac
  local ref= d
  for d in "$work" "${BENCH_NMAP:-}" "${BENCH_SAVE:-}"; do
    [ -n "$d" ] && [ -f "$d/nmap-${l%-loss*}-loss0.xml" ] && { ref=$d/nmap-${l%-loss*}-loss0.xml; break; }
  done
  [ -n "$ref" ] || return 0
  diff=$("$work/svcdiff" -q "$ref" "$work/signet-$l.xml" | tail -1 || true)
  printf '%-14s signet against nmap without loss: %s\n' "$l" "$diff"
  "$work/svcdiff" "$ref" "$work/signet-$l.xml" > "$work/diff0-$l.txt" || sed 's/^/    /' "$work/diff0-$l.txt"
  if "$work/svcdiff" -q "$ref" "$work/nmap-$l.xml" > "$work/nmapdiff-$l.txt" 2>&1; then :; else
    printf '%-14s nmap against its own lossless run: %s\n' "$l" "$(tail -1 "$work/nmapdiff-$l.txt")"
    "$work/svcdiff" "$ref" "$work/nmap-$l.xml" | sed 's/^/    /' || true
  fi
}

for loss in $losses; do
  rig link "$rtt" "$loss" >/dev/null
  l="tcp-loss$loss"
  [[ " $parts " == *" tcp "* ]] && {
  nmap_run "$l" $six -sV $scan -Pn -n ${NMAP_ARGS:-} -p "$tcp" $target
  measure "signet-$l" "$RIG" c "${pin[@]}" "$work/signet" $six -sV $scan -Pn -n --no-tls-fallback ${SIGNET_ARGS:-} -p "$tcp" -oX "$work/signet-$l.xml" $target
  report "$l"
  }
  l="udp-loss$loss"
  [[ " $parts " == *" udp "* ]] && {
  nmap_run "$l" $six -sV -sU -Pn -n ${NMAP_ARGS:-} -p "$udp" $target
  measure "signet-$l" "$RIG" c "${pin[@]}" "$work/signet" $six -sV -sU -Pn -n --no-tls-fallback ${SIGNET_ARGS:-} -p "$udp" -oX "$work/signet-$l.xml" $target
  report "$l"
  }
  [[ " $parts " == *" ports "* ]] || continue
  # Port scan only, over a range with the firewalled ports: the table and
  # the "Not shown" line must read as nmap's.
  l="ports-loss$loss"
  NMAP_OUT_N=1 nmap_run "$l" $six $scan -Pn -n ${NMAP_ARGS:-} -p 41900-41999 $target
  measure "signet-$l" "$RIG" c "${pin[@]}" "$work/signet" $six $scan -Pn -n ${SIGNET_ARGS:-} -p 41900-41999 -oX "$work/signet-$l.xml" -oN "$work/signet-$l.nmap" $target
  report "$l"
  for t in nmap signet; do
    printf '    %-6s %s\n' "$t" "$(grep -E '^Not shown|^[0-9]+/tcp' "$work/$t-$l.nmap" | paste -sd'|' -)"
  done
done
rig link "$rtt" 0 >/dev/null
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
