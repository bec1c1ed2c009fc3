#!/bin/bash
# capture: name, then ip args
A=nlt-golda; B=nlt-goldb
ip netns add $A; ip netns add $B
cap() { local n=$1; shift; strace -f -e trace=sendmsg,sendto -xx -s 4096 -o $n.trace "$@" 2>$n.err; echo "$n rc=$?"; }
cap veth ip -n $A link add va0 type veth peer name vb0 netns $B
cap bridge ip -n $A link add br0 type bridge
cap bridge_opts ip -n $A link add br1 mtu 1400 address 02:00:00:00:00:42 group 7 up type bridge
cap vxlan4 ip -n $A link add vx0 type vxlan id 42 local 192.0.2.1 dstport 4789 nolearning
ip -n $A link add vxd type veth peer name vxd2
cap vxlan6 ip -n $A link add vx6 type vxlan id 43 local 2001:db8::1 dstport 4790 dev vxd learning
cap vrf ip -n $A link add vrf1 type vrf table 1001
cap dummy ip -n $A link add d0 type dummy
cap up ip -n $A link set dev br0 up
cap down ip -n $A link set dev br0 down
cap mtu ip -n $A link set dev br0 mtu 1400
cap mac ip -n $A link set dev br0 address 02:00:00:00:00:01
cap master ip -n $A link set dev va0 master br0
cap nomaster ip -n $A link set dev va0 nomaster
ip -n $A link set dev va0 master br0
cap brport ip -n $A link set dev va0 type bridge_slave neigh_suppress on learning off
cap brport2 bridge -n $A link set dev va0 neigh_suppress on learning off
cap group ip -n $A link set dev vx0 group 9
cap addrgen ip -n $A link set dev br0 addrgenmode none
cap netns ip -n $A link set dev vxd2 netns $B
cap addr4 ip -n $A addr add 10.0.0.1/24 dev br0
cap addr6 ip -n $A addr add 2001:db8::10/64 dev br0
cap addr4del ip -n $A addr del 10.0.0.1/24 dev br0
ip -n $A link set br0 up
ip -n $A addr add 192.0.2.10/24 dev br0
cap route_gw ip -n $A route add 198.51.100.0/24 via 192.0.2.1
cap route_dev_table ip -n $A route add 203.0.113.0/24 dev br0 table 1001
cap route_unreach ip -n $A route add unreachable default table 1001
cap route6_unreach ip -n $A -6 route add unreachable default table 1001
cap route_del ip -n $A route del 198.51.100.0/24 via 192.0.2.1
cap route_unreach_del ip -n $A route del unreachable default table 1001
cap dellink ip -n $A link del vx0
cap delgroup ip -n $A link del group 7
cap dumplink ip -n $A -o link show
cap getlink ip -n $A link show dev br0
cap dumpaddr ip -n $A -o addr show
cap dumproute ip -n $A route show table all
ip -n $A -d -j link show > links.json
ip netns del $A; ip netns del $B
