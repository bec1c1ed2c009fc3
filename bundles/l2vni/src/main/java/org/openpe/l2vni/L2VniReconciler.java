package org.openpe.l2vni;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.Contribution;
import org.openpe.api.NodeContext;
import org.openpe.api.ReconcileException;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourcePlugin;
import org.openpe.api.frr.FrrFragment;
import org.openpe.api.frr.VniRouteTargets;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
import org.openpe.api.kernel.VniDevices;
import org.openpe.api.model.Resource;
import org.osgi.service.component.annotations.Component;

/**
 * L2VNI: a bridge stretched across nodes by a VXLAN VNI, reaching the host through a veth pair,
 * optionally with a distributed anycast gateway routing it into its VRF.
 *
 * <p>The bridge sits in the effective VRF ({@code vrf}, else the resource name), as in the
 * reference: the gateway address then routes in that VRF and never in the router's main table,
 * which carries the underlay. A pure-L2 VNI ({@code l2only}) has no VRF and no gateway: its
 * bridge only switches between the host leg and the VXLAN device.
 *
 * <p>Zebra learns the VNI from the VXLAN device in the bridge, and {@code advertise-all-vni} of
 * the default instance (rendered with the EVPN underlay) announces it; the only FRR configuration
 * is the VNI's {@code vni} block when it has its own rd or route targets. A {@code vrf/vni} stanza
 * is only for an L3VNI, which binds the VRF to its routed VNI.
 */
@Component(property = Reconciler.RESOURCE_TYPE + "=l2vni")
@ResourcePlugin("l2vni")
public class L2VniReconciler implements Reconciler {

    @Override
    public Contribution contribute(Resource resource, NodeContext node) throws ReconcileException {
        L2VNI l2vni = (L2VNI) resource;
        int vni = l2vni.vni();
        String bridgeName = VniDevices.bridgeName(vni);
        // Everything that can fail comes before the VRF table is asked for: asking allocates one.
        InetAddress vtep = Vtep.of(resource, node);
        OptionalInt mtu = VniDevices.overlayMtu(node.underlayMtu(), vtep);
        Link vxlan = VniDevices.vxlan(vni, l2vni.vxlanPort(), vtep).withMtu(mtu);
        Optional<String> gateway = l2vni.l2GatewayIp().isEmpty() ? Optional.empty()
                : Optional.of(AnycastGateway.address(l2vni, l2vni.l2GatewayIp().get()));
        List<KernelObject> hostSide = hostSide(l2vni, mtu);

        List<KernelObject> kernel = new ArrayList<>();
        Link bridge = VniDevices.bridge(vni).withMtu(mtu);
        if (l2vni.routingVrf().isPresent()) {
            String vrf = l2vni.routingVrf().get();
            kernel.addAll(VniDevices.vrf(vrf, node.vrfTable(vrf)));
            bridge = bridge.withMaster(vrf);
        }
        if (gateway.isPresent()) {
            bridge = bridge.withMac(AnycastGateway.mac(vni));
            kernel.add(new Address(Netns.ROUTER, bridgeName, gateway.get()));
        }
        kernel.add(bridge);
        kernel.add(vxlan);
        kernel.add(VniDevices.routerLeg(vni).withMaster(bridgeName).withMtu(mtu));
        kernel.addAll(hostSide);
        List<VniRouteTargets> routeTargets = l2vni.routeTargets().isAuto() ? List.of() : List.of(new VniRouteTargets(vni, l2vni.routeTargets()));
        return new Contribution(kernel, new FrrFragment(List.of(), List.of(), List.of(), List.of(), List.of(), routeTargets));
    }

    /**
     * The host leg, enslaved to the named host device (which OpenPE does not manage), to
     * {@code br-hs-<VNI>} created on the host, or to nothing.
     */
    private static List<KernelObject> hostSide(L2VNI l2vni, OptionalInt mtu) throws ReconcileException {
        Link hostLeg = VniDevices.hostLeg(l2vni.vni()).withMtu(mtu);
        if (l2vni.hostMaster().isEmpty()) {
            return List.of(hostLeg);
        }
        HostMaster hostMaster = l2vni.hostMaster().get();
        if (hostMaster.autoCreate()) {
            String hostBridge = "br-hs-" + l2vni.vni();
            return List.of(Link.of(Netns.HOST, hostBridge, new LinkKind.Bridge()), hostLeg.withMaster(hostBridge));
        }
        if (hostMaster.name().isEmpty()) {
            throw new ReconcileException("l2vni " + l2vni.name()
                    + ": hostmaster needs either hostmaster.name or hostmaster.autocreate = true");
        }
        return List.of(hostLeg.withMaster(hostMaster.name().get()));
    }
}
