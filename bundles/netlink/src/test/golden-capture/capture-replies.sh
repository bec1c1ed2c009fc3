#!/bin/bash
# Captures kernel replies (recvmsg) for the decoder tests, in throw-away namespaces.
A=nlt-goldp; B=nlt-goldq
ip netns add $A; ip netns add $B
ip -n $A link add br0 mtu 1400 address 02:00:00:00:00:42 group 7 type bridge
ip -n $A link set br0 up
ip -n $A link add va0 type veth peer name vb0 netns $B
ip -n $A link set va0 master br0
ip -n $A link set va0 type bridge_slave neigh_suppress on learning off
ip -n $A link add und type veth peer name und2
ip -n $A link add vx6 type vxlan id 4343 local 2001:db8::1 dstport 4790 dev und nolearning
ip -n $A link add vx4 type vxlan id 42 local 192.0.2.1 dstport 4789 learning
ip -n $A link set vx4 addrgenmode none
ip -n $A addr add 192.0.2.10/24 dev br0
ip -n $A addr add 2001:db8::10/64 dev br0 nodad
ip -n $A route add 198.51.100.0/24 via 192.0.2.1 metric 20
ip -n $A route add unreachable default table 1001
for d in br0 va0 vx6 vx4; do
  strace -e trace=recvmsg -xx -s 65536 -o r_$d.trace ip -n $A -d link show dev $d > /dev/null
done
strace -e trace=recvmsg -xx -s 65536 -o r_addr.trace ip -n $A addr show dev br0 > /dev/null
strace -e trace=recvmsg -xx -s 65536 -o r_route.trace ip -n $A route show table all > /dev/null
ip netns del $A; ip netns del $B
