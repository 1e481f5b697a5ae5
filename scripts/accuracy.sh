#!/usr/bin/env bash
# Accuracy report: start the loopback testbed once and scan it three times,
# then grade every answer against the truth the testbed knows (the manifest's
# service and product, and the package version dpkg-query reports; see
# tools/accuracy for the grading rules):
#
#   embedded   signet -sV with its embedded signatures and its detectors (the default)
#   nmapfile   signet -sV with nmap's file (/usr/share/nmap/nmap-service-probes) and its detectors
#   nmap       nmap 7.93 -sV itself, as users run it (its version scripts on)
#
#   flock /work/locks/loopback.lock scripts/accuracy.sh     (as root; testbed/testbed.sh install first)
#
# Environment: ACCURACY_KEEP=DIR   keep running.tsv, the three XML files and the report in DIR
#              ACCURACY_ONLY="embedded nmapfile nmap"   run only these columns
#              ACCURACY_TIMING=-T4  timing template for all three scans (default: none)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/signet-accuracy.XXXXXX)
chmod 755 "$work" # the testbed's daemons run as their own users
bed=$work/bed
only=${ACCURACY_ONLY:-embedded nmapfile nmap}
timing=()
[ -n "${ACCURACY_TIMING:-}" ] && timing=("$ACCURACY_TIMING")
go build -o "$work/signet" ./cmd/signet
go build -o "$work/accuracy" ./tools/accuracy
cleanup() { testbed/testbed.sh stop "$bed" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
t0=$SECONDS
testbed/testbed.sh start "$bed" >"$work/bed.txt" 2>"$work/bed.err" || true
[ -s "$bed/running.tsv" ] || { cat "$work/bed.err" >&2; echo "accuracy: the testbed did not start" >&2; exit 1; }
echo "testbed: $(wc -l <"$bed/running.tsv") services up in $((SECONDS - t0)) s" >&2
tcp=$(awk -F'\t' '$2=="tcp"{print $1}' "$bed/running.tsv" | paste -sd, -)
udp=$(awk -F'\t' '$2=="udp"{print $1}' "$bed/running.tsv" | paste -sd, -)
ports="T:$tcp"
scan=(-sT)
if [ -n "$udp" ]; then ports="$ports,U:$udp"; scan=(-sT -sU); fi
cols=()
for col in $only; do
  t=$SECONDS
  case $col in
  embedded) "$work/signet" -sV "${scan[@]}" "${timing[@]}" -Pn -n -p "$ports" --versiondb embedded \
    -oX "$work/$col.xml" 127.0.0.1 >/dev/null 2>"$work/$col.err" ;;
  nmapfile) "$work/signet" -sV "${scan[@]}" "${timing[@]}" -Pn -n -p "$ports" --versiondb nmap --no-default-overlays \
    -oX "$work/$col.xml" 127.0.0.1 >/dev/null 2>"$work/$col.err" ;;
  nmap) nmap -sV "${scan[@]}" "${timing[@]}" -Pn -n -p "$ports" -oX "$work/$col.xml" 127.0.0.1 >/dev/null 2>"$work/$col.err" ;;
  *) echo "accuracy: unknown column $col" >&2; exit 2 ;;
  esac
  echo "$col: scanned in $((SECONDS - t)) s" >&2
  cols+=("$col=$work/$col.xml")
done
"$work/accuracy" "$bed/running.tsv" "${cols[@]}" | tee "$work/report.txt"
if [ -n "${ACCURACY_KEEP:-}" ]; then
  mkdir -p "$ACCURACY_KEEP"
  cp "$bed/running.tsv" "$work"/*.xml "$work"/*.err "$work/report.txt" "$work/bed.txt" "$ACCURACY_KEEP/"
fi
