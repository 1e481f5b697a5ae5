#!/usr/bin/env bash
# Record every testbed service's complete replies (signet --version-record at
# intensity 9) into DIR, one evidence file per service named by its manifest
# id, headed with the package version dpkg reports. The files are the "second
# recording" that signet suggest's test compares against testdata/evidence.
#
#   flock /work/locks/loopback.lock scripts/record-testbed.sh DIR   (as root; testbed/testbed.sh install first)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: record-testbed.sh DIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d /tmp/signet-record.XXXXXX)
chmod 755 "$work" # the testbed's daemons run as their own users
bed=$work/bed
go build -o "$work/signet" ./cmd/signet
cleanup() { testbed/testbed.sh stop "$bed" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
testbed/testbed.sh start "$bed" >"$work/bed.txt" || true
tcp=$(awk -F'\t' '$2=="tcp"{print $1}' "$bed/running.tsv" | paste -sd, -)
udp=$(awk -F'\t' '$2=="udp"{print $1}' "$bed/running.tsv" | paste -sd, -)
mkdir -p "$work/rec"
# The embedded probes without their match lines (only "match ssl" stays, so
# TLS ports are still walked again inside the tunnel): no line ends a walk
# early, so every probe is sent and every reply recorded.
for f in versiondb/signatures/*.probes; do
  awk '/^match ssl / || !/^(soft)?match / { print }' "$f" >"$work/$(basename "$f")"
done
set -- "$work"/*.probes
main=$1
shift
overlays=()
for f in "$@"; do overlays+=(--overlay "$f"); done
"$work/signet" -sV -sT -sU -Pn -n --version-all -p "T:$tcp,U:$udp" --versiondb "$main" "${overlays[@]}" \
  --no-default-overlays --version-record "$work/rec" 127.0.0.1 >"$work/scan.txt" 2>"$work/scan.err" || true
day=$(date -u +%Y-%m-%d)
# running.tsv: port proto service package product id unit version upstream (see testbed.sh);
# the expect line is the manifest's service and product (the truth, not a replay)
while IFS=$'\t' read -r port proto svc pkg prod id _ ver _; do
  f=$work/rec/127_0_0_1-$port-$proto.fp
  [ -f "$f" ] || { echo "record-testbed: $id ($port/$proto) sent no reply" >&2; continue; }
  [ "$prod" = - ] && prod='*'
  sed -e "s|^# source: .*|# source: Debian 12 $pkg $ver on the loopback testbed (testbed/testbed.sh, id $id), recorded $day with signet --version-record|" \
    -e "s@^# expect: .*@# expect: $svc | $prod@" "$f" >"$out/$id.fp"
done <"$bed/running.tsv"
cat "$work/scan.txt"
