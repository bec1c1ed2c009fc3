package org.openpe.netlink;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A network device as the kernel reports it (one RTM_NEWLINK).
 *
 * @param index       ifindex
 * @param name        interface name
 * @param kind        IFLA_INFO_KIND ("veth", "bridge", "vxlan", "vrf", "dummy", ...); empty for devices without one (lo)
 * @param flags       IFF_* flags
 * @param mtu         MTU
 * @param mac         hardware address, if the device has one
 * @param masterIndex ifindex of the master (bridge, vrf); 0 when none
 * @param group       device group (IFLA_GROUP); 0 is the default group
 * @param linkIndex   IFLA_LINK: for a veth the peer's ifindex (in the namespace named by {@code linkNetnsId}); 0 when none
 * @param linkNetnsId IFLA_LINK_NETNSID: the peer's namespace id as seen from this namespace, when in another namespace
 * @param addrGenMode IPv6 address generation mode, absent when IPv6 is disabled on the device
 * @param vxlan       VXLAN attributes for kind "vxlan"
 * @param vrfTable    routing table for kind "vrf"
 * @param bridgePort  bridge-port flags when the device is enslaved to a bridge
 */
public record Link(int index, String name, String kind, int flags, int mtu, Optional<MacAddress> mac,
                   int masterIndex, int group, int linkIndex, OptionalInt linkNetnsId,
                   Optional<AddrGenMode> addrGenMode, Optional<Vxlan> vxlan, OptionalInt vrfTable,
                   Optional<BridgePort> bridgePort) {
    private static final int IFF_UP = 0x1;

    public boolean isUp() {
        return (flags & IFF_UP) != 0;
    }

    /**
     * VXLAN device attributes.
     *
     * @param vni         VXLAN network identifier
     * @param local       local tunnel source address, if set
     * @param port        destination UDP port
     * @param learning    whether the device learns remote MACs
     * @param deviceIndex ifindex of the underlay device (IFLA_VXLAN_LINK); 0 when none
     */
    public record Vxlan(int vni, Optional<InetAddress> local, int port, boolean learning, int deviceIndex) {
    }

    /** Flags of a bridge port (IFLA_BRPORT_*). */
    public record BridgePort(boolean learning, boolean neighSuppress) {
    }
}
