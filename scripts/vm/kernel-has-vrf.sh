#!/usr/bin/env bash
# Exits 0 when THIS kernel can create the devices OpenPE's VNI support needs (vrf, dummy, vxlan,
# bridge, veth), 1 (naming what is missing on stderr) when it cannot. Tries for real, in a scratch
# network namespace it creates and deletes; loads the modules first where modprobe exists.
set -uo pipefail
[ "$(id -u)" -eq 0 ] || { echo "kernel-has-vrf: must run as root (creates a scratch network namespace)" >&2; exit 2; }

ns="vrfprobe-$$-$RANDOM"
for module in vrf dummy vxlan bridge veth; do
    modprobe -q "$module" 2>/dev/null
done
ip netns add "$ns" || { echo "kernel-has-vrf: cannot create the scratch namespace $ns" >&2; exit 2; }
trap 'ip netns del "$ns" 2>/dev/null' EXIT

missing=()
ip -n "$ns" link add probe-vrf type vrf table 4242 2>/dev/null || missing+=(vrf)
ip -n "$ns" link add probe-dummy type dummy 2>/dev/null || missing+=(dummy)
ip -n "$ns" link add probe-br type bridge 2>/dev/null || missing+=(bridge)
ip -n "$ns" link add probe-vx type vxlan id 100 dstport 4789 local 127.0.0.1 nolearning 2>/dev/null || missing+=(vxlan)
ip -n "$ns" link add probe-v0 type veth peer name probe-v1 2>/dev/null || missing+=(veth)
if [ ${#missing[@]} -gt 0 ]; then
    echo "kernel-has-vrf: kernel $(uname -r) cannot create: ${missing[*]}" >&2
    exit 1
fi
