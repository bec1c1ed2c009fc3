package org.openpe.l3vni;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.Contribution;
import org.openpe.api.NodeContext;
import org.openpe.api.ReconcileException;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourcePlugin;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrFragment;
import org.openpe.api.frr.VrfVni;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.VniDevices;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.Resource;
import org.osgi.service.component.annotations.Component;

/**
 * L3VNI: a VRF bound to a VXLAN VNI whose routes are exchanged as EVPN type-5 routes, optionally
 * with a veth leg and a BGP session to the host's speaker inside the VRF.
 */
@Component(property = Reconciler.RESOURCE_TYPE + "=l3vni")
@ResourcePlugin("l3vni")
public class L3VniReconciler implements Reconciler {

    @Override
    public Contribution contribute(Resource resource, NodeContext node) throws ReconcileException {
        L3VNI l3vni = (L3VNI) resource;
        String vrf = l3vni.effectiveVrf();
        int vni = l3vni.vni();
        // Everything that can fail comes before the VRF table is asked for: asking allocates one.
        Fabric fabric = Fabric.of(resource, node);
        Optional<HostSessionLeg> leg = l3vni.hostSession().isEmpty() ? Optional.empty()
                : Optional.of(HostSessionLeg.of(l3vni, l3vni.hostSession().get(), node.nodeIndex()));

        OptionalInt mtu = VniDevices.overlayMtu(node.underlayMtu(), fabric.vtep());
        List<KernelObject> kernel = new ArrayList<>(VniDevices.vrf(vrf, node.vrfTable(vrf)));
        kernel.add(VniDevices.bridge(vni).withMaster(vrf).withMtu(mtu));
        kernel.add(VniDevices.vxlan(vni, l3vni.vxlanPort(), fabric.vtep()).withMtu(mtu));
        leg.ifPresent(l -> l.kernel().forEach(o -> kernel.add(o instanceof Link link ? link.withMtu(mtu) : o)));

        // Without a host session nothing peers in the VRF, so any ASN would do; the underlay's is the natural one.
        long asn = l3vni.hostSession().map(HostSession::asn).orElse(fabric.asn());
        BgpRouter router = BgpRouter.vrfInstance(asn, vrf, fabric.routerId(),
                leg.map(HostSessionLeg::neighbors).orElse(List.of()),
                leg.map(HostSessionLeg::networks).orElse(List.of())).withRouteTargets(l3vni.routeTargets());
        FrrFragment frr = new FrrFragment(List.of(new VrfVni(vrf, vni)), List.of(), List.of(), List.of(), List.of(router));
        return new Contribution(kernel, frr);
    }
}
