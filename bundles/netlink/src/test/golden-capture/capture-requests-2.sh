#!/bin/bash
A=nlt-goldc
ip netns add $A
cap() { local n=$1; shift; strace -f -e trace=sendmsg,sendto -xx -s 4096 -o $n.trace "$@" 2>$n.err; echo "$n rc=$?"; }
cap veth_local ip -n $A link add v0 type veth peer name v1
cap bridge_master_group ip -n $A link add br9 mtu 1400 group 7 up type bridge
ip -n $A link add br0 type bridge
ip -n $A link set br0 up
ip -n $A addr add 192.0.2.10/24 dev br0
cap route_full ip -n $A route add 198.51.100.0/24 table 1001 via 192.0.2.1 dev br0 metric 20
cap route_full_del ip -n $A route del 198.51.100.0/24 table 1001 via 192.0.2.1 dev br0 metric 20
ip -n $A addr add 2001:db8::10/64 dev br0 nodad
cap route6_unreach_pfx ip -n $A -6 route add unreachable 2001:db8:1::/48 table 1001
cap addr6del ip -n $A addr del 2001:db8::10/64 dev br0
cap down2 ip -n $A link set dev br0 down
ip netns del $A
