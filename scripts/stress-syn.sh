#!/bin/sh
# stress-syn.sh [RUNS]: the root-scan and SYN tests under a CPU hog, RUNS times (default 20).
#
# Busy loops (two per core, at normal priority) keep every core of the machine busy while the
# tests scan 65,535 ports of a namespace's loopback, segment and routed hosts: the goroutines
# that read raw sockets then wait long for a CPU, as on a loaded host. Each run must pass;
# the script prints one line per run and exits 1 if any failed. Needs root (namespaces, raw
# sockets); the tests' namespaces are named after SIGNET_NETNS_PREFIX (default "stress").
set -eu
runs=${1:-20}
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin" CI=true SIGNET_NETNS_PREFIX="${SIGNET_NETNS_PREFIX:-stress}"
work=$(mktemp -d)
hogs=""
cleanup() {
  for p in $hogs; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
go test -c -o "$work/scan.test" ./scan
go test -c -o "$work/portscan.test" ./portscan
n=$(($(nproc) * 2))
for _ in $(seq "$n"); do
  sh -c 'while :; do :; done' &
  hogs="$hogs $!"
done
echo "$n busy loops on $(nproc) cores; $runs runs"
failed=0
for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  ok=pass
  (cd scan && "$work/scan.test" -test.run '^(TestRootScans|TestObserver)$' -test.count=1 -test.v -test.timeout 5m) > "$work/scan-$i.log" 2>&1 || ok=FAIL
  (cd portscan && "$work/portscan.test" -test.run '^TestSYN' -test.count=1 -test.v -test.timeout 5m) > "$work/portscan-$i.log" 2>&1 || ok=FAIL
  took=$(echo "$(date +%s.%N) - $start" | bc)
  scans=$(grep -ho '[0-9a-f:.]*: 65535 ports in [0-9.]*m\?s' "$work/scan-$i.log" "$work/portscan-$i.log" | sed 's/ ports in / /' | tr '\n' ' ')
  printf 'run %2d: %s in %5.1f s, load %s; 65535-port scans: %s\n' "$i" "$ok" "$took" "$(cut -d' ' -f1 /proc/loadavg)" "$scans"
  if [ "$ok" = FAIL ]; then
    failed=$((failed + 1))
    grep -h -e '--- FAIL' -e 'want' -e 'filtered' "$work/scan-$i.log" "$work/portscan-$i.log" | cut -c1-300 | head -20
  fi
done
echo "$failed of $runs runs failed"
[ "$failed" -eq 0 ]
