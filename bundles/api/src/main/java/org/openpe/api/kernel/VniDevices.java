package org.openpe.api.kernel;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.OptionalInt;

/**
 * The router-namespace devices of a VNI (spec section 5) and their fixed names.
 *
 * <p>An L3VNI and an L2VNI of one VRF both declare that VRF, and the core merges declarations only
 * when they are equal: VNI plugins build these devices here, so that they always agree.
 */
public final class VniDevices {

    public static final String VTEP_DEVICE = "lound";
    /** Outer IPv4 header, UDP, VXLAN and inner Ethernet header. */
    public static final int VXLAN_OVERHEAD_IPV4 = 50;
    public static final int VXLAN_OVERHEAD_IPV6 = 70;

    private VniDevices() {}

    /** The VRF device with its table, and the unreachable default routes that keep its traffic out of the main table. */
    public static List<KernelObject> vrf(String vrf, int table) {
        return List.of(
                Link.of(Netns.ROUTER, vrf, new LinkKind.Vrf(table)),
                new Route(Netns.ROUTER, vrf, "0.0.0.0/0"),
                new Route(Netns.ROUTER, vrf, "::/0"));
    }

    /**
     * The MTU of a VNI's devices: the underlay NIC's less the VXLAN overhead of the VTEP's family,
     * so that a full frame from the host still fits the fabric once encapsulated. Empty when the NIC's
     * MTU is unknown (no NIC configured): the kernel's default then.
     */
    public static OptionalInt overlayMtu(OptionalInt nicMtu, InetAddress vtep) {
        int overhead = vtep instanceof Inet6Address ? VXLAN_OVERHEAD_IPV6 : VXLAN_OVERHEAD_IPV4;
        return nicMtu.isPresent() && nicMtu.getAsInt() > overhead ? OptionalInt.of(nicMtu.getAsInt() - overhead)
                : OptionalInt.empty();
    }

    public static String bridgeName(int vni) {
        return "br-pe-" + vni;
    }

    public static String vxlanName(int vni) {
        return "vni" + vni;
    }

    public static String hostLegName(int vni) {
        return "host-" + vni;
    }

    public static String routerLegName(int vni) {
        return "pe-" + vni;
    }

    /** {@code br-pe-<VNI>}, without master. */
    public static Link bridge(int vni) {
        return Link.of(Netns.ROUTER, bridgeName(vni), new LinkKind.Bridge()).withIpv6AddrGenNone();
    }

    /** {@code vni<VNI>} on the VTEP loopback, a port of {@code br-pe-<VNI>} with neighbour suppression. */
    public static Link vxlan(int vni, int port, InetAddress vtep) {
        return Link.of(Netns.ROUTER, vxlanName(vni), new LinkKind.Vxlan(vni, vtep, port, VTEP_DEVICE))
                .withMaster(bridgeName(vni))
                .withNeighSuppress()
                .withIpv6AddrGenNone();
    }

    /** {@code pe-<VNI>}, the router leg of the VNI's veth pair, without master. */
    public static Link routerLeg(int vni) {
        return Link.of(Netns.ROUTER, routerLegName(vni), new LinkKind.Veth(hostLegName(vni), Netns.HOST));
    }

    /** {@code host-<VNI>}, the host leg of the VNI's veth pair, without master. */
    public static Link hostLeg(int vni) {
        return Link.of(Netns.HOST, hostLegName(vni), new LinkKind.Veth(routerLegName(vni), Netns.ROUTER));
    }
}
