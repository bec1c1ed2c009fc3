#!/usr/bin/env bash
# The local lab: a leaf switch and an appliance host, each a network namespace with its own FRR,
# wired like a rack, so that OpenPE can run against them on any Linux machine without touching
# the machine's own interfaces.
#
#   <prefix>-leaf  FRR AS 64512, 192.168.11.2/24 on bridge "fabric", announces 192.168.100.1/32
#   <prefix>-host  the appliance's host side: NIC "toswitch" 192.168.11.3/24 (cabled to the leaf),
#                  a host BGP speaker (FRR AS 64515) announcing the workload 192.171.0.1/32
#   <prefix>-pe    the router namespace OpenPE itself creates (named in etc/org.openpe.node.cfg)
#
# Usage: lab.sh up|down|status [prefix]      (prefix defaults to "lab")
#        lab.sh config <etc-dir> [prefix]    writes the lab's OpenPE configuration into etc-dir
set -euo pipefail
trap 'echo "lab.sh: FAILED (exit $?): $BASH_COMMAND, at line $LINENO" >&2' ERR

cmd=${1:-}
prefix=${2:-lab}
[ "$cmd" = config ] && prefix=${3:-lab}
leaf="$prefix-leaf"
host="$prefix-host"
router="$prefix-pe"
LAB_MARKER="# Written by scripts/lab.sh for the local lab '$prefix'."

start_frr() { # namespace, config text
    local ns=$1 config=$2
    install -d -o frr -g frr -m 0755 "/etc/frr/$ns" "/var/log/frr/$ns"
    echo 'service integrated-vtysh-config' > "/etc/frr/$ns/vtysh.conf"
    printf '%s\n' "$config" > "/etc/frr/$ns/frr.conf"
    chown frr:frr "/etc/frr/$ns/vtysh.conf" "/etc/frr/$ns/frr.conf"
    ip netns exec "$ns" /usr/lib/frr/zebra -d -N "$ns" -P 0 -F traditional -s 90000000 \
        --log "file:/var/log/frr/$ns/zebra.log" 2>>"/var/log/frr/$ns/startup.log"
    ip netns exec "$ns" /usr/lib/frr/bgpd -d -N "$ns" -P 0 -F traditional --log "file:/var/log/frr/$ns/bgpd.log" \
        2>>"/var/log/frr/$ns/startup.log"
    for _ in $(seq 50); do
        [ -S "/var/run/frr/$ns/bgpd.vty" ] && break
        sleep 0.1
    done
    vtysh -N "$ns" -b >/dev/null
}

stop_frr() { # namespace
    local ns=$1 pidfile
    for pidfile in /var/run/frr/"$ns"/*.pid; do
        [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
    rm -rf "/etc/frr/$ns" "/var/run/frr/$ns" "/var/log/frr/$ns"
}

leaf_config() {
    cat <<CONF
frr defaults traditional
hostname $leaf
log file /var/log/frr/$leaf/frr.log
!
router bgp 64512
 bgp router-id 192.168.11.2
 no bgp ebgp-requires-policy
 no bgp network import-check
 no bgp default ipv4-unicast
 neighbor nodes peer-group
 neighbor nodes remote-as 64514
 neighbor nodes timers connect 2
 bgp listen range 192.168.11.0/24 peer-group nodes
 address-family ipv4 unicast
  neighbor nodes activate
  network 192.168.100.1/32
 exit-address-family
 address-family l2vpn evpn
  neighbor nodes activate
  advertise-all-vni
 exit-address-family
!
CONF
}

host_config() {
    cat <<CONF
frr defaults traditional
hostname $host
log file /var/log/frr/$host/frr.log
!
router bgp 64515
 bgp router-id 192.171.0.1
 no bgp ebgp-requires-policy
 no bgp network import-check
 no bgp default ipv4-unicast
 neighbor 192.169.10.1 remote-as 64514
 neighbor 192.169.10.1 timers connect 2
 address-family ipv4 unicast
  neighbor 192.169.10.1 activate
  network 192.171.0.1/32
 exit-address-family
!
CONF
}

up() {
    ip netns add "$leaf"
    ip netns add "$host"
    ip -n "$leaf" link set lo up
    ip -n "$host" link set lo up
    ip -n "$leaf" link add fabric type bridge
    ip -n "$leaf" link set fabric up
    ip -n "$leaf" addr add 192.168.11.2/24 dev fabric
    ip -n "$leaf" addr add 192.168.100.1/32 dev lo
    ip -n "$leaf" link add swp1 type veth peer name toswitch netns "$host"
    ip -n "$leaf" link set swp1 master fabric up
    ip -n "$host" addr add 192.168.11.3/24 dev toswitch
    ip -n "$host" link set toswitch up
    ip -n "$host" addr add 192.171.0.1/32 dev lo
    start_frr "$leaf" "$(leaf_config)"
    start_frr "$host" "$(host_config)"
    echo "lab '$prefix' is up: leaf $leaf (AS 64512), host $host (AS 64515), router namespace $router"
}

down() {
    stop_frr "$leaf"
    stop_frr "$host"
    stop_frr "$router"
    local ns
    for ns in "$router" "$host" "$leaf"; do
        ip netns delete "$ns" 2>/dev/null || true
    done
    echo "lab '$prefix' is down"
}

status() {
    echo "== leaf $leaf: BGP sessions"
    vtysh -N "$leaf" -c 'show bgp summary' 2>/dev/null | sed -n '/Neighbor/,$p' || echo "(not running)"
    echo "== host speaker $host: routes"
    vtysh -N "$host" -c 'show ip route bgp' 2>/dev/null | grep '^B' || echo "(none yet)"
}

config() { # etc-dir
    local etc=$1
    cat > "$etc/org.openpe.node.cfg" <<CONF
$LAB_MARKER
nodeIndex = 0
routerNamespace = $router
CONF
    cat > "$etc/org.openpe.underlay-lab.cfg" <<CONF
$LAB_MARKER
asn = 64514
nics = toswitch
neighbors.0.asn = 64512
neighbors.0.address = 192.168.11.2
neighbors.0.connectTime = 2s
CONF
    cat > "$etc/org.openpe.l3passthrough-lab.cfg" <<CONF
$LAB_MARKER
hostsession.asn = 64514
hostsession.hostasn = 64515
hostsession.localcidr.ipv4 = 192.169.10.0/24
CONF
}

case "$cmd" in
    up) [ -e "/run/netns/$leaf" ] || up ;;
    down) down ;;
    status) status ;;
    config) config "$2" ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
esac
