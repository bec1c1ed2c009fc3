package org.openpe.netlink.internal.codec;

import java.net.Inet4Address;
import java.net.InetAddress;

import org.openpe.netlink.IpPrefix;
import org.openpe.netlink.LinkOptions;
import org.openpe.netlink.LinkSpec;
import org.openpe.netlink.RouteType;

/**
 * Encodes rtnetlink requests. Attribute order and framing follow iproute2 6.1 (the golden tests compare
 * against its captured requests); devices are addressed by ifindex like iproute2 does.
 */
public final class RtnlEncoder {
    private static final int CREATE_FLAGS = Nl.F_REQUEST | Nl.F_ACK | Nl.F_CREATE | Nl.F_EXCL;
    private static final int ACK_FLAGS = Nl.F_REQUEST | Nl.F_ACK;
    private static final int GET_EXT_MASK = Ifla.RTEXT_FILTER_VF | Ifla.RTEXT_FILTER_SKIP_STATS;
    private static final int NO_FD = -1;

    private RtnlEncoder() {
    }

    /**
     * RTM_NEWLINK create. {@code masterIndex} 0 = none; {@code peerNsFd} -1 = peer stays in this namespace;
     * {@code vxlanDeviceIndex} 0 = none.
     */
    public static void newLink(NlWriter w, int seq, LinkSpec spec, LinkOptions options, int masterIndex,
                               int peerNsFd, int vxlanDeviceIndex) {
        int up = options.up() ? Ifla.IFF_UP : 0;
        w.begin(Rtm.NEWLINK, CREATE_FLAGS, seq).ifinfomsg(Nl.AF_UNSPEC, 0, up, up);
        options.mtu().ifPresent(mtu -> w.u32(Ifla.MTU, mtu));
        options.mac().ifPresent(mac -> w.mac(Ifla.ADDRESS, mac.bits()));
        options.group().ifPresent(group -> w.u32(Ifla.GROUP, group));
        if (masterIndex != 0) {
            w.u32(Ifla.MASTER, masterIndex);
        }
        w.string(Ifla.IFNAME, spec.name());
        int linkInfo = w.nestStart(Ifla.LINKINFO);
        w.stringNoNul(Ifla.INFO_KIND, spec.kind());
        if (spec instanceof LinkSpec.Veth veth) {
            int data = w.nestStart(Ifla.INFO_DATA);
            int peer = w.nestStart(Ifla.VETH_INFO_PEER);
            w.ifinfomsg(Nl.AF_UNSPEC, 0, 0, 0);
            if (peerNsFd != NO_FD) {
                w.u32(Ifla.NET_NS_FD, peerNsFd);
            }
            w.string(Ifla.IFNAME, veth.peerName());
            w.nestEnd(peer).nestEnd(data);
        } else if (spec instanceof LinkSpec.Vxlan vxlan) {
            int data = w.nestStart(Ifla.INFO_DATA);
            if (vxlanDeviceIndex != 0) {
                w.u32(Ifla.VXLAN_LINK, vxlanDeviceIndex);
            }
            w.u32(Ifla.VXLAN_ID, vxlan.vni());
            vxlan.local().ifPresent(local -> w.address(local instanceof Inet4Address ? Ifla.VXLAN_LOCAL : Ifla.VXLAN_LOCAL6, local));
            w.u8(Ifla.VXLAN_LEARNING, vxlan.learning() ? 1 : 0);
            w.be16(Ifla.VXLAN_PORT, vxlan.port());
            w.nestEnd(data);
        } else if (spec instanceof LinkSpec.Vrf vrf) {
            int data = w.nestStart(Ifla.INFO_DATA);
            w.u32(Ifla.VRF_TABLE, vrf.table());
            w.nestEnd(data);
        }
        w.nestEnd(linkInfo).end();
    }

    /** RTM_NEWLINK on an existing device that sets or clears IFF_UP. */
    public static void setUp(NlWriter w, int seq, int index, boolean up) {
        w.begin(Rtm.NEWLINK, ACK_FLAGS, seq).ifinfomsg(Nl.AF_UNSPEC, index, up ? Ifla.IFF_UP : 0, Ifla.IFF_UP).end();
    }

    /** RTM_NEWLINK on an existing device with one u32 attribute (MTU, MASTER, GROUP, NET_NS_FD). */
    public static void setU32(NlWriter w, int seq, int index, int attribute, int value) {
        w.begin(Rtm.NEWLINK, ACK_FLAGS, seq).ifinfomsg(Nl.AF_UNSPEC, index, 0, 0).u32(attribute, value).end();
    }

    public static void setMac(NlWriter w, int seq, int index, long mac) {
        w.begin(Rtm.NEWLINK, ACK_FLAGS, seq).ifinfomsg(Nl.AF_UNSPEC, index, 0, 0).mac(Ifla.ADDRESS, mac).end();
    }

    /** Bridge-port flags through the bridge's slave data, as {@code ip link set X type bridge_slave ...}. */
    public static void setBridgePort(NlWriter w, int seq, int index, boolean neighSuppress, boolean learning) {
        w.begin(Rtm.NEWLINK, ACK_FLAGS, seq).ifinfomsg(Nl.AF_UNSPEC, index, 0, 0);
        int linkInfo = w.nestStart(Ifla.LINKINFO);
        w.stringNoNul(Ifla.INFO_KIND, "bridge_slave");
        int data = w.nestStart(Ifla.INFO_SLAVE_DATA);
        w.u8(Ifla.BRPORT_NEIGH_SUPPRESS, neighSuppress ? 1 : 0);
        w.u8(Ifla.BRPORT_LEARNING, learning ? 1 : 0);
        w.nestEnd(data).nestEnd(linkInfo).end();
    }

    public static void setAddrGenMode(NlWriter w, int seq, int index, int mode) {
        w.begin(Rtm.NEWLINK, ACK_FLAGS, seq).ifinfomsg(Nl.AF_UNSPEC, index, 0, 0);
        int afSpec = w.nestStart(Ifla.AF_SPEC);
        int inet6 = w.nestStart(Nl.AF_INET6);
        w.u8(Ifla.INET6_ADDR_GEN_MODE, mode);
        w.nestEnd(inet6).nestEnd(afSpec).end();
    }

    public static void delLink(NlWriter w, int seq, int index) {
        w.begin(Rtm.DELLINK, ACK_FLAGS, seq).ifinfomsg(Nl.AF_UNSPEC, index, 0, 0).end();
    }

    /** Deletes every device of a group in one unregister batch. */
    public static void delGroup(NlWriter w, int seq, int group) {
        w.begin(Rtm.DELLINK, ACK_FLAGS, seq).ifinfomsg(Nl.AF_UNSPEC, 0, 0, 0).u32(Ifla.GROUP, group).end();
    }

    /** RTM_GETLINK of one device by name; the reply is one RTM_NEWLINK. */
    public static void getLink(NlWriter w, int seq, String name) {
        w.begin(Rtm.GETLINK, Nl.F_REQUEST, seq).ifinfomsg(Nl.AF_UNSPEC, 0, 0, 0)
                .u32(Ifla.EXT_MASK, GET_EXT_MASK).string(Ifla.IFNAME, name).end();
    }

    public static void getLink(NlWriter w, int seq, int index) {
        w.begin(Rtm.GETLINK, Nl.F_REQUEST, seq).ifinfomsg(Nl.AF_UNSPEC, index, 0, 0)
                .u32(Ifla.EXT_MASK, GET_EXT_MASK).end();
    }

    /** Dump of all links without statistics (not part of the read model). */
    public static void dumpLinks(NlWriter w, int seq) {
        w.begin(Rtm.GETLINK, Nl.F_REQUEST | Nl.F_DUMP, seq).ifinfomsg(Nl.AF_PACKET, 0, 0, 0)
                .u32(Ifla.EXT_MASK, Ifla.RTEXT_FILTER_SKIP_STATS).end();
    }

    public static void addr(NlWriter w, int seq, boolean add, int index, IpPrefix prefix) {
        int family = prefix.isIpv4() ? Nl.AF_INET : Nl.AF_INET6;
        w.begin(add ? Rtm.NEWADDR : Rtm.DELADDR, add ? CREATE_FLAGS : ACK_FLAGS, seq)
                .ifaddrmsg(family, prefix.length(), 0, 0, index)
                .address(Ifa.LOCAL, prefix.address()).address(Ifa.ADDRESS, prefix.address()).end();
    }

    public static void dumpAddrs(NlWriter w, int seq) {
        w.begin(Rtm.GETADDR, Nl.F_REQUEST | Nl.F_DUMP, seq).ifaddrmsg(Nl.AF_UNSPEC, 0, 0, 0, 0).end();
    }

    /**
     * RTM_NEWROUTE (create, exclusive) or RTM_DELROUTE. {@code outputIndex} 0 = no device, {@code metric} 0 = none.
     * A delete matches any protocol and scope, and any type unless a special one (e.g. unreachable) is given,
     * like {@code ip route del}.
     */
    public static void route(NlWriter w, int seq, boolean add, RouteType type, IpPrefix destination,
                             InetAddress gateway, int outputIndex, int table, int protocol, int metric) {
        int family = destination.isIpv4() ? Nl.AF_INET : Nl.AF_INET6;
        int scope = add ? addScope(type, gateway != null) : Rta.SCOPE_NOWHERE;
        w.begin(add ? Rtm.NEWROUTE : Rtm.DELROUTE, add ? CREATE_FLAGS : ACK_FLAGS, seq)
                .rtmsg(family, destination.length(), table < 256 ? table : Rta.TABLE_UNSPEC, add ? protocol : 0,
                        scope, add || type != RouteType.UNICAST ? type.code() : RouteType.UNSPEC.code());
        if (destination.length() > 0) {
            w.address(Rta.DST, destination.address());
        }
        if (table >= 256) {
            w.u32(Rta.TABLE, table);
        }
        if (gateway != null) {
            w.address(Rta.GATEWAY, gateway);
        }
        if (metric != 0) {
            w.u32(Rta.PRIORITY, metric);
        }
        if (outputIndex != 0) {
            w.u32(Rta.OIF, outputIndex);
        }
        w.end();
    }

    public static void dumpRoutes(NlWriter w, int seq) {
        w.begin(Rtm.GETROUTE, Nl.F_REQUEST | Nl.F_DUMP, seq).rtmsg(Nl.AF_UNSPEC, 0, 0, 0, 0, 0).end();
    }

    /** The scope iproute2 picks: host for local, link for gateway-less unicast, universe otherwise. */
    private static int addScope(RouteType type, boolean hasGateway) {
        return switch (type) {
            case LOCAL, NAT -> 254;
            case BROADCAST, MULTICAST, ANYCAST -> Rta.SCOPE_LINK;
            case UNICAST, UNSPEC -> hasGateway ? Rta.SCOPE_UNIVERSE : Rta.SCOPE_LINK;
            default -> Rta.SCOPE_UNIVERSE;
        };
    }
}
