# settle.sh — sourced by the benchmark scripts.
#
# settle waits, at most BENCH_SETTLE seconds (default 120), until the CPUs
# are 90% idle over 3 s, and prints how long it took. The testbed's daemons
# spend their first seconds starting (JVMs, caches, workers forking): on a
# 2-core machine the load is 8-15 right after `testbed.sh start`, and a
# scan then measures the daemons' start-up as much as the scanner. A
# user's servers are running already. nmap's saved runs last minutes, so
# the start-up weighs little in them.
settle() {
  local end=$((SECONDS + ${BENCH_SETTLE:-120})) idle
  while :; do
    idle=$(cpu_idle 3)
    [ "$idle" -ge 90 ] || [ "$SECONDS" -ge "$end" ] && break
  done
  echo "settled: CPUs ${idle}% idle over 3 s (load $(cut -d' ' -f1-3 /proc/loadavg))"
}

# cpu_idle SECONDS: the percentage of CPU time idle (idle + iowait) over
# the next SECONDS, from /proc/stat.
cpu_idle() {
  local a b ta=0 tb=0 i
  read -r -a a < /proc/stat
  sleep "$1"
  read -r -a b < /proc/stat
  for i in 1 2 3 4 5 6 7 8; do ta=$((ta + a[i])); tb=$((tb + b[i])); done
  echo $((100 * (b[4] + b[5] - a[4] - a[5]) / (tb - ta + 1)))
}
