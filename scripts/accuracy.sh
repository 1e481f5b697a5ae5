#!/usr/bin/env bash
# Accuracy report: scan the loopback testbed with signet's embedded
# signatures and with nmap's file, and grade both against the truth from
# dpkg-query (testbed/testbed.sh records it in running.tsv).
#
#   scripts/accuracy.sh [TIMING]     (as root; testbed/testbed.sh install first)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/signet-accuracy.XXXXXX)
chmod 755 "$work" # the testbed's daemons run as their own users
bed=$work/bed
go build -o "$work/signet" ./cmd/signet
go build -o "$work/accuracy" ./tools/accuracy
cleanup() { testbed/testbed.sh stop "$bed" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
testbed/testbed.sh start "$bed" > "$work/bed.txt" || true
tcp=$(awk -F'\t' '$2=="tcp"{print $1}' "$bed/running.tsv" | paste -sd, -)
udp=$(awk -F'\t' '$2=="udp"{print $1}' "$bed/running.tsv" | paste -sd, -)
ports="T:$tcp"
scan=(-sT)
if [ -n "$udp" ]; then ports="$ports,U:$udp"; scan=(-sT -sU); fi
for db in embedded nmap; do
  "$work/signet" -sV "${scan[@]}" -Pn -n -p "$ports" --versiondb "$db" --no-default-overlays \
    -oX "$work/$db.xml" 127.0.0.1 >/dev/null 2>"$work/$db.err"
done
"$work/accuracy" "$bed/running.tsv" "embedded=$work/embedded.xml" "nmap=$work/nmap.xml"
