#!/usr/bin/env bash
# Simulates the Kubernetes Job of deploy/k8s on this machine: one signet
# process per index of the Indexed Job, each in a fresh network namespace
# of its own (as a pod has its own network) holding the same test network,
# 8 hosts (127.0.0.1-8) × 12 services, then the merge Job's two steps.
#
#   deploy/simulate-job.sh [-k I:SECONDS] [-x ARGS] [-r] OUTDIR
#
# The scan pods run the container args of deploy/k8s/scan-job.yaml, as
# Kubernetes would: JOB_COMPLETION_INDEX=I in the environment and
# $(JOB_COMPLETION_INDEX) in the args replaced by it, /config/targets.txt
# (the ConfigMap) replaced by OUTDIR/config/targets.txt, which names the
# simulated hosts, and /results (the volume) by OUTDIR/results. They run as
# the image does: as user 65534, with no privileges (so a connect scan). The
# merge pod runs deploy/k8s/merge-job.yaml's merge and report steps on
# OUTDIR/results.
#
#   -k I:SECONDS  kill shard I with SIGKILL that long after it starts (and
#                 once it has finished a host), then run it again as
#                 "signet --resume OUTDIR/results/shard-I.jsonl" (a pod that
#                 lost its node, continued with --resume)
#   -x ARGS       more arguments for every scan pod (e.g. --max-hostgroup=2,
#                 so that hosts finish one after another)
#   -r            also scan the whole network unsharded, without --max-rate
#                 (OUTDIR/reference/whole.xml, whole.jsonl), to compare the
#                 merge with
#
# Needs root (network namespaces), ip, setpriv and Go. Namespaces are named
# "${SIGNET_NETNS_PREFIX:-signet}-job-I" and removed at the end. Exit status:
# 0 when every pod succeeded.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
export PATH=$PATH:/usr/local/go/bin

kill_spec="" extra="" reference=0
while getopts "k:x:r" opt; do
  case $opt in
    k) kill_spec=$OPTARG ;;
    x) extra=$OPTARG ;;
    r) reference=1 ;;
    *) sed -n '2,30p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || { echo "usage: $0 [-k I:SECONDS] [-x ARGS] [-r] OUTDIR" >&2; exit 2; }
out=$1
[ "$(id -u)" = 0 ] || { echo "$0: needs root for network namespaces" >&2; exit 1; }
prefix=${SIGNET_NETNS_PREFIX:-signet}-job

# container_args FILE NAME: the args of container NAME of a Job manifest,
# one per line (block lists of plain scalars, as deploy/k8s writes them).
container_args() {
  awk -v want="$2" '
    /^[[:space:]]*- name:[[:space:]]/ { name = $3; inargs = 0; next }
    name == want && /^[[:space:]]*args:[[:space:]]*$/ { inargs = 1; match($0, /^[[:space:]]*/); indent = RLENGTH; next }
    inargs {
      match($0, /^[[:space:]]*/)
      if ($0 ~ /^[[:space:]]*- / && RLENGTH >= indent) { sub(/^[[:space:]]*- /, ""); sub(/[[:space:]]+#.*$/, ""); gsub(/^"|"$/, ""); print; next }
      inargs = 0
    }' "$1"
}
shards=$(awk '/^[[:space:]]*completions:/ { print $2; exit }' "$here/k8s/scan-job.yaml")
mapfile -t scan_args < <(container_args "$here/k8s/scan-job.yaml" signet)
mapfile -t merge_args < <(container_args "$here/k8s/merge-job.yaml" merge)
mapfile -t report_args < <(container_args "$here/k8s/merge-job.yaml" report)
[ "${#scan_args[@]}" -gt 0 ] && [ "${#merge_args[@]}" -gt 0 ] && [ "${#report_args[@]}" -gt 0 ] && [ -n "$shards" ] ||
  { echo "$0: cannot read the Jobs' args from $here/k8s" >&2; exit 1; }

# The work area: readable by the pods' user.
mkdir -p "$out/bin" "$out/config" "$out/results" "$out/logs" "$out/home"
out=$(cd "$out" && pwd)
chmod 0755 "$out" "$out/bin" "$out/config" "$out/logs"
chown 65534:65534 "$out/results" "$out/home"
(cd "$repo" && CGO_ENABLED=0 go build -o "$out/bin/signet" ./cmd/signet && go build -o "$out/bin/bannerd" ./tools/bannerd)
echo "127.0.0.1-8" > "$out/config/targets.txt"

# The test network: 12 services on each of 8 addresses, on ports of the
# top 1,000 the Job scans, SSH, SMTP and HTTP in turn.
services=()
kinds=(ssh smtp http)
ports=(21 22 23 25 80 110 143 443 587 993 3306 8080)
for h in 1 2 3 4 5 6 7 8; do
  for i in "${!ports[@]}"; do
    services+=(-tcp "127.0.0.$h:${ports[$i]}=${kinds[$(((h + i) % 3))]}")
  done
done

namespaces=()
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for ns in "${namespaces[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
}
trap cleanup EXIT

# network NAME: a fresh namespace with the test network's services.
network() {
  ip netns add "$1"
  namespaces+=("$1")
  ip -n "$1" link set lo up
  ip netns exec "$1" "$out/bin/bannerd" "${services[@]}" > "$out/logs/$1.bannerd" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    grep -q ready "$out/logs/$1.bannerd" && return 0
    sleep 0.05
  done
  echo "$0: the services of $1 did not start" >&2
  cat "$out/logs/$1.bannerd" >&2
  return 1
}

# pod NS INDEX ARGS...: signet in namespace NS as the image runs it.
pod() {
  local ns=$1 index=$2
  shift 2
  ip netns exec "$ns" env -i PATH=/usr/bin:/bin HOME="$out/home" XDG_CONFIG_HOME="$out/home" \
    JOB_COMPLETION_INDEX="$index" \
    setpriv --reuid=65534 --regid=65534 --clear-groups --no-new-privs -- "$out/bin/signet" "$@"
}

# shard I: the args of the scan Job for index I.
shard_args() {
  local a
  for a in "${scan_args[@]}"; do
    a=${a//\$(JOB_COMPLETION_INDEX)/$1}
    a=${a//\/config\//$out/config/}
    a=${a//\/results\//$out/results/}
    printf '%s\n' "$a"
  done
  # shellcheck disable=SC2086
  [ -z "$extra" ] || printf '%s\n' $extra
}

kill_index=${kill_spec%%:*}
kill_after=${kill_spec#*:}
run_shard() {
  local i=$1 ns=$prefix-$1 args
  mapfile -t args < <(shard_args "$i")
  if [ -n "$kill_spec" ] && [ "$i" = "$kill_index" ]; then
    local status=0 pid
    # ip netns exec, env and setpriv exec each other: $! is signet's process.
    ip netns exec "$ns" env -i PATH=/usr/bin:/bin HOME="$out/home" \
      XDG_CONFIG_HOME="$out/home" JOB_COMPLETION_INDEX="$i" \
      setpriv --reuid=65534 --regid=65534 --clear-groups --no-new-privs -- "$out/bin/signet" "${args[@]}" \
      > "$out/logs/shard-$i.killed.out" 2>&1 &
    pid=$!
    # SECONDS after the start, and once a host is finished (a loaded machine is slower).
    sleep "$kill_after"
    for _ in $(seq 1200); do
      grep -q '"record":"host"' "$out/results/shard-$i.jsonl" 2> /dev/null && break
      kill -0 "$pid" 2> /dev/null || break
      sleep 0.05
    done
    kill -KILL "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || status=$?
    if [ "$status" != 137 ]; then
      echo "shard $i: ended with status $status before the kill" >&2
      return 1
    fi
    echo "shard $i: killed after ${kill_after}s or more; $(grep -c '"record":"host"' "$out/results/shard-$i.jsonl" || true) hosts finished; resuming"
    pod "$ns" "$i" --resume "$out/results/shard-$i.jsonl" > "$out/logs/shard-$i.out" 2>&1
    return
  fi
  pod "$ns" "$i" "${args[@]}" > "$out/logs/shard-$i.out" 2>&1
}

start=${EPOCHREALTIME/./}
jobs_pids=()
for ((i = 0; i < shards; i++)); do
  network "$prefix-$i"
done
for ((i = 0; i < shards; i++)); do
  run_shard "$i" &
  jobs_pids+=($!)
done
failed=0
for ((i = 0; i < shards; i++)); do
  if ! wait "${jobs_pids[$i]}"; then
    echo "shard $i failed:" >&2
    tail -5 "$out/logs/shard-$i.out" >&2 || true
    failed=1
  fi
done
elapsed=$((${EPOCHREALTIME/./} - start))
printf '%s shards in %d.%02d s\n' "$shards" $((elapsed / 1000000)) $((elapsed % 1000000 / 10000))
[ "$failed" = 0 ] || exit 1

# The merge Job: its init container, then its container, on the results volume.
for step in merge report; do
  if [ $step = merge ]; then args=("${merge_args[@]}"); else args=("${report_args[@]}"); fi
  args=("${args[@]//\/results\//$out/results/}")
  env -i PATH=/usr/bin:/bin HOME="$out/home" setpriv --reuid=65534 --regid=65534 --clear-groups --no-new-privs -- \
    "$out/bin/signet" "${args[@]}" 2>&1 | sed "s/^/$step: /"
  [ "${PIPESTATUS[0]}" = 0 ] || { echo "$0: the $step step failed" >&2; exit 1; }
done

if [ "$reference" = 1 ]; then
  network "$prefix-whole"
  mkdir -p "$out/reference"
  chown 65534:65534 "$out/reference"
  whole=()
  while IFS= read -r a; do
    case $a in
      --shards=* | --shard=* | --seed=* | --max-rate=*) ;;
      *) a=${a//$out\/results\/shard-0./$out/reference/whole.}; whole+=("$a") ;;
    esac
  done < <(shard_args 0)
  pod "$prefix-whole" "" "${whole[@]}" > "$out/logs/whole.out" 2>&1
  echo "unsharded reference: $out/reference/whole.xml, whole.jsonl"
fi
echo "merged: $out/results/merged.xml, merged.jsonl, merged.nmap, report.html"
