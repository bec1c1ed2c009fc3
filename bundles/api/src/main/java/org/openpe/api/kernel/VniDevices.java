package org.openpe.api.kernel;

import java.net.InetAddress;
import java.util.List;

/**
 * The router-namespace devices of a VNI (spec section 5) and their fixed names.
 *
 * <p>An L3VNI and an L2VNI of one VRF both declare that VRF, and the core merges declarations only
 * when they are equal: VNI plugins build these devices here, so that they always agree.
 */
public final class VniDevices {

    public static final String VTEP_DEVICE = "lound";

    private VniDevices() {}

    /** The VRF device with its table, and the unreachable default routes that keep its traffic out of the main table. */
    public static List<KernelObject> vrf(String vrf, int table) {
        return List.of(
                Link.of(Netns.ROUTER, vrf, new LinkKind.Vrf(table)),
                new Route(Netns.ROUTER, vrf, "0.0.0.0/0"),
                new Route(Netns.ROUTER, vrf, "::/0"));
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
