#!/usr/bin/env bash
# Records nmap 7.93's verbose output (-v, -vv, -d, warnings) for the scans in the table below,
# as the goldens of signet's verbose output (output/testdata/verbose; docs/verbose.md says how
# they are compared). Everything runs in two network namespaces made here and removed at the
# end, never on this machine's own network:
#   $PREFIX-s  the services: tools/bannerd with SSH on 22, SMTP on 25, HTTP on 80 and a DNS
#              responder on 53/udp that knows two PTR records; addresses 10.99.0.2 and
#              10.99.0.3 on a veth pair, and its own loopback (the loopback scans run here);
#   $PREFIX-c  the scanner for the network scans: 10.99.0.1 on the other end of the veth
#              pair, its resolver pointed at 10.99.0.2 (/etc/netns/$PREFIX-c/resolv.conf);
#              10.99.0.4 is on the segment but nobody has it (a host that is down).
# Needs root, iproute2, Go and nmap.
#   scripts/record-verbose.sh              # all scans
#   scripts/record-verbose.sh lo-sT-v      # the named ones
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${PREFIX:-verbose-rec}
out=output/testdata/verbose
ns_s=$prefix-s ns_c=$prefix-c
command -v nmap >/dev/null || { echo "nmap not installed" >&2; exit 1; }
tmp=$(mktemp -d)
cleanup() {
  [ -n "${srv:-}" ] && kill "$srv" 2>/dev/null && wait "$srv" 2>/dev/null || true
  ip netns del "$ns_s" 2>/dev/null || true
  ip netns del "$ns_c" 2>/dev/null || true
  rm -rf "/etc/netns/$ns_s" "/etc/netns/$ns_c" "$tmp"
}
trap cleanup EXIT
go build -o "$tmp/bannerd" ./tools/bannerd

ip netns add "$ns_s"
ip netns add "$ns_c"
ip link add "${prefix}0" netns "$ns_c" type veth peer name "${prefix}1" netns "$ns_s"
ip -n "$ns_s" link set lo up
ip -n "$ns_c" link set lo up
ip -n "$ns_c" link set "${prefix}0" up
ip -n "$ns_s" link set "${prefix}1" up
ip -n "$ns_c" addr add 10.99.0.1/24 dev "${prefix}0"
ip -n "$ns_s" addr add 10.99.0.2/24 dev "${prefix}1"
ip -n "$ns_s" addr add 10.99.0.3/24 dev "${prefix}1"
mkdir -p "/etc/netns/$ns_s" "/etc/netns/$ns_c"
printf 'nameserver 127.0.0.1\n' >"/etc/netns/$ns_s/resolv.conf"
printf 'nameserver 10.99.0.2\n' >"/etc/netns/$ns_c/resolv.conf"
printf '127.0.0.1 localhost\n' | tee "/etc/netns/$ns_s/hosts" >"/etc/netns/$ns_c/hosts" >/dev/null

ip netns exec "$ns_s" "$tmp/bannerd" -tcp 0.0.0.0:22=ssh -tcp 0.0.0.0:25=smtp -tcp 0.0.0.0:80=http \
  -dns 0.0.0.0:53 -ptr 10.99.0.2=web.example.test -ptr 10.99.0.3=mail.example.test >"$tmp/bannerd.log" 2>&1 &
srv=$!
for _ in $(seq 50); do grep -q ready "$tmp/bannerd.log" && break; sleep 0.1; done
grep -q ready "$tmp/bannerd.log" || { cat "$tmp/bannerd.log" >&2; exit 1; }

# NAME NAMESPACE ARGS...: lo-* scan the services' own loopback, net-* scan across the veth.
scans() {
  cat <<'TABLE'
lo-sT-v       s -v -sT -sV -p22,25,80 127.0.0.1
lo-sT-quiet   s -sT -sV -p22,25,80 127.0.0.1
lo-sT-vv      s -vv -sT -sV -p22,25,80 127.0.0.1
lo-sT-d       s -d -sT -sV -p22,25,80 127.0.0.1
lo-sT-v-n-Pn  s -v -n -Pn -sT -sV -p22,25,80 127.0.0.1
lo-sT-v-unpriv s --unprivileged -v -sT -sV -p22,25,80 127.0.0.1
lo-sS-v       s -v -sV -p22,25,80 127.0.0.1
lo-sU-v       s -v -sU -sT -sV -p U:53,54,T:22,25,80 127.0.0.1
lo-sT-v-1svc  s -v -sT -sV -p22 127.0.0.1
lo-sT-v-none  s -v -sT -sV -p23,24 127.0.0.1
lo-top-v      s -v -sT -sV 127.0.0.1
lo-top-d      s -d -sT 127.0.0.1
lo-P0-v       s -v -P0 -sT -sV -p22 127.0.0.1
lo-PN-vv      s -vv -PN -sT -p22 127.0.0.1
lo-P0-quiet   s -P0 -sT -p22 127.0.0.1
net-sS-v      c -v -sV -p22,25,80 10.99.0.2
net-sS-vv     c -vv -sV -p22,25,80 10.99.0.2
net-sS-d      c -d -sV -p22,25,80 10.99.0.2
net-sT-v      c --unprivileged -v -sT -sV -p22,25,80 10.99.0.2
net-P0-n-v    c -v -n -sV -P0 -p22,25,80 10.99.0.2
net-multi-v   c -v -sV -p22,25,80 10.99.0.2-4
net-multi-sT-v c --unprivileged -v -sT -sV -p22,25,80 10.99.0.2-4
net-multi-sT-vv c --unprivileged -vv -sT -sV -p22,25,80 10.99.0.2-4
net-down-v    c -v -sV -p22,25,80 10.99.0.4
net-down-sT-v c --unprivileged -v -sT -sV -p22,25,80 10.99.0.4
net-down-open-v c -v --open -sV -p22 10.99.0.4
net-long-sT-v c --unprivileged -v -sT -p1-30000 --max-rate 400 10.99.0.2
TABLE
}

mkdir -p "$out"
scans | while read -r name ns args; do
  if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$name"; then continue; fi
  netns=$ns_s
  [ "$ns" = c ] && netns=$ns_c
  echo "== $name: nmap $args" >&2
  # shellcheck disable=SC2086 # the table's arguments are words
  ip netns exec "$netns" nmap $args -oN "$tmp/$name.nmap" >"$out/$name.out" 2>"$out/$name.err" </dev/null || true
  printf 'nmap %s\n' "$args" >"$out/$name.cmd"
  cp "$tmp/$name.nmap" "$out/$name.nmap"
done
