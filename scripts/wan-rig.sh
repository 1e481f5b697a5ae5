#!/usr/bin/env bash
# wan-rig.sh — a WAN between two network namespaces on this machine: a client
# (wan-c) and a server (wan-s) joined through a third (wan-r) where
# tools/wanlink forwards every frame with a fixed delay and random loss. This
# kernel has no tc netem; the user-space delay line stands in for it.
#
#   scripts/wan-rig.sh up [RTT] [LOSS]   build the rig (default RTT 50ms, loss 0)
#   scripts/wan-rig.sh link RTT LOSS     change the link (restarts the forwarder)
#   scripts/wan-rig.sh c|s CMD...        run CMD in the client or server namespace
#   scripts/wan-rig.sh status            addresses, the forwarder's pid and settings
#   scripts/wan-rig.sh down              remove everything (namespaces, forwarder)
#
# WAN_PREFIX=name (default wan) renames the namespaces name-c, name-r, name-s.
#
#   wan-c  c0 10.201.0.1/24 fd20:201::1/64 ──┐
#                                    wan-r: c1 ⇄ wanlink ⇄ s1
#   wan-s  s0 10.201.0.2/24 fd20:201::2/64 ──┘
#
# The server side (wan-s):
#  * services bound to its own 127.0.0.1 (run the testbed there:
#    `scripts/wan-rig.sh s testbed/testbed.sh start DIR`) are reachable from
#    wan-c at 10.201.0.2 on the testbed's ports (TCP 41000-41979 and
#    41990-41999, UDP 42000-42189): an nftables DNAT to 127.0.0.1, with
#    route_localnet on;
#  * a firewall, on ports no testbed service uses (testbed/manifest.tsv has
#    imaps and pop3s on 41993 and 41995), so that scans meet what real
#    firewalls do:
#      TCP 41980-41984  dropped                      (nmap: filtered, no-response)
#      TCP 41985-41987  rejected, ICMP admin-prohib  (filtered, admin-prohibited)
#      TCP 41988-41989  rejected with a TCP reset    (closed, reset)
#      UDP 42190-42194  dropped                      (open|filtered, no-response)
#      UDP 42195-42199  rejected, ICMP admin-prohib  (filtered, admin-prohibited)
#    ports with no listener and no rule answer as usual (TCP reset, ICMP port
#    unreachable).
# Nothing here reaches beyond the three namespaces: they have no route out,
# and the forwarder only joins c1 and s1.
set -euo pipefail
cd "$(dirname "$0")/.."
# WAN_PREFIX names the namespaces and the state directory (default wan:
# wan-c, wan-r, wan-s, /run/signet-wan), so two rigs can coexist.
P=${WAN_PREFIX:-wan}
STATE=/run/signet-$P
C=$P-c R=$P-r S=$P-s

ms() { # "50ms" | "50" → 50 ; "0.05s" → 50
  local v=$1
  case $v in
    *ms) echo "${v%ms}" ;;
    *s) echo "$(echo "${v%s} * 1000" | bc -l | cut -d. -f1)" ;;
    *) echo "$v" ;;
  esac
}

start_link() { # RTT_MS LOSS
  local rtt=$1 loss=$2 half
  half=$(echo "$rtt / 2" | bc -l)
  if [ -f "$STATE/wanlink.pid" ]; then
    kill "$(cat "$STATE/wanlink.pid")" 2>/dev/null || true
    sleep 0.3
  fi
  ip netns exec $R setsid "$STATE/wanlink" -a c1 -b s1 -delay "${half}ms" -loss "$loss" \
    </dev/null >"$STATE/wanlink.log" 2>&1 &
  echo $! > "$STATE/wanlink.pid"
  echo "$rtt $loss" > "$STATE/link"
  # Wait until a ping crosses (ARP first): the link is up.
  for _ in $(seq 50); do
    if ip netns exec $C ping -c1 -W1 10.201.0.2 >/dev/null 2>&1; then
      return 0
    fi
  done
  echo "wan-rig: the link does not carry traffic" >&2
  return 1
}

noofload() { # NS IFACE
  ip netns exec "$1" ethtool -K "$2" tx off rx off tso off gso off gro off >/dev/null 2>&1 || true
}

cmd_up() {
  local rtt loss
  rtt=$(ms "${1:-50ms}")
  loss=${2:-0}
  cmd_down >/dev/null 2>&1 || true
  mkdir -p "$STATE"
  go build -o "$STATE/wanlink" ./tools/wanlink
  for ns in $C $R $S; do
    ip netns add $ns
    ip netns exec $ns ip link set lo up
  done
  ip link add c0 netns $C type veth peer name c1 netns $R
  ip link add s0 netns $S type veth peer name s1 netns $R
  # The link namespace is a wire: no addresses, no IPv6 of its own.
  for i in c1 s1; do
    ip netns exec $R sysctl -qw net.ipv6.conf.$i.disable_ipv6=1
    noofload $R $i
    ip netns exec $R ip link set $i promisc on up
  done
  ip netns exec $C sysctl -qw net.ipv6.conf.c0.accept_dad=0
  ip netns exec $S sysctl -qw net.ipv6.conf.s0.accept_dad=0
  ip netns exec $C ip addr add 10.201.0.1/24 dev c0
  ip netns exec $C ip -6 addr add fd20:201::1/64 dev c0 nodad
  ip netns exec $S ip addr add 10.201.0.2/24 dev s0
  ip netns exec $S ip -6 addr add fd20:201::2/64 dev s0 nodad
  noofload $C c0
  noofload $S s0
  ip netns exec $C ip link set c0 up
  ip netns exec $S ip link set s0 up
  ip netns exec $S sysctl -qw net.ipv4.conf.all.route_localnet=1
  ip netns exec $S sysctl -qw net.ipv4.conf.s0.route_localnet=1
  ip netns exec $S nft -f - <<'EOF'
table ip wannat {
  chain pre {
    type nat hook prerouting priority dstnat; policy accept;
    ip daddr 10.201.0.2 tcp dport { 41000-41979, 41990-41999 } dnat to 127.0.0.1
    ip daddr 10.201.0.2 udp dport 42000-42189 dnat to 127.0.0.1
  }
}
table inet wanfw {
  chain in {
    type filter hook input priority filter; policy accept;
    tcp dport 41980-41984 drop
    tcp dport 41985-41987 reject with icmpx admin-prohibited
    tcp dport 41988-41989 reject with tcp reset
    udp dport 42190-42194 drop
    udp dport 42195-42199 reject with icmpx admin-prohibited
  }
}
EOF
  start_link "$rtt" "$loss"
  cmd_status
}

cmd_link() {
  [ -d "$STATE" ] || { echo "wan-rig: not up" >&2; exit 1; }
  start_link "$(ms "${1:?RTT}")" "${2:-0}"
  cmd_status
}

cmd_status() {
  if [ ! -f "$STATE/link" ]; then echo "wan-rig: down"; return 0; fi
  local rtt loss
  read -r rtt loss < "$STATE/link"
  echo "wan-rig: up; RTT ${rtt} ms, loss $loss; forwarder pid $(cat "$STATE/wanlink.pid")"
  echo "client $C 10.201.0.1 fd20:201::1  →  server $S 10.201.0.2 fd20:201::2"
  ip netns exec $C ping -c3 -i0.2 -q 10.201.0.2 2>/dev/null | tail -1 || true
}

cmd_down() {
  if [ -f "$STATE/wanlink.pid" ]; then
    kill "$(cat "$STATE/wanlink.pid")" 2>/dev/null || true
  fi
  for ns in $C $R $S; do ip netns del $ns 2>/dev/null || true; done
  rm -rf "$STATE"
}

case ${1:-} in
  up) shift; cmd_up "$@" ;;
  link) shift; cmd_link "$@" ;;
  status) cmd_status ;;
  down) cmd_down ;;
  c) shift; exec ip netns exec $C "$@" ;;
  s) shift; exec ip netns exec $S "$@" ;;
  *) sed -n '2,32p' "$0"; exit 2 ;;
esac
