package org.openpe.l3vni;

import java.net.InetAddress;
import java.util.List;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
import org.openpe.api.kernel.Route;

/**
 * The router-namespace devices of a VNI (spec section 5) and their fixed names.
 *
 * <p>The L2VNI plugin keeps a copy of these declarations: an L3VNI and an L2VNI of one VRF both
 * declare that VRF, and the core merges the two only when they are equal, so both plugins must
 * keep exactly this form (the L2VNI plugin's SharedVrfTest compares them).
 */
final class VniDevices {

    static final String VTEP_DEVICE = "lound";

    private VniDevices() {}

    /** The VRF device with its table, and the unreachable default routes that keep its traffic out of the main table. */
    static List<KernelObject> vrf(String vrf, int table) {
        return List.of(
                Link.of(Netns.ROUTER, vrf, new LinkKind.Vrf(table)),
                new Route(Netns.ROUTER, vrf, "0.0.0.0/0"),
                new Route(Netns.ROUTER, vrf, "::/0"));
    }

    static String bridgeName(int vni) {
        return "br-pe-" + vni;
    }

    static String vxlanName(int vni) {
        return "vni" + vni;
    }

    static String hostLegName(int vni) {
        return "host-" + vni;
    }

    static String routerLegName(int vni) {
        return "pe-" + vni;
    }

    /** {@code br-pe-<VNI>}, without master. */
    static Link bridge(int vni) {
        return Link.of(Netns.ROUTER, bridgeName(vni), new LinkKind.Bridge()).withIpv6AddrGenNone();
    }

    /** {@code vni<VNI>} on the VTEP loopback, a port of {@code br-pe-<VNI>} with neighbour suppression. */
    static Link vxlan(int vni, int port, InetAddress vtep) {
        return Link.of(Netns.ROUTER, vxlanName(vni), new LinkKind.Vxlan(vni, vtep, port, VTEP_DEVICE))
                .withMaster(bridgeName(vni))
                .withNeighSuppress()
                .withIpv6AddrGenNone();
    }

    /** {@code pe-<VNI>}, the router leg of the VNI's veth pair, without master. */
    static Link routerLeg(int vni) {
        return Link.of(Netns.ROUTER, routerLegName(vni), new LinkKind.Veth(hostLegName(vni), Netns.HOST));
    }

    /** {@code host-<VNI>}, the host leg of the VNI's veth pair, without master. */
    static Link hostLeg(int vni) {
        return Link.of(Netns.HOST, hostLegName(vni), new LinkKind.Veth(routerLegName(vni), Netns.ROUTER));
    }
}
