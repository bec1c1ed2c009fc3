package org.openpe.l3vni;

import java.util.ArrayList;
import java.util.List;
import org.openpe.api.Contribution;
import org.openpe.api.NodeContext;
import org.openpe.api.ReconcileException;
import org.openpe.api.Reconciler;
import org.openpe.api.frr.BgpRouter;
import org.openpe.api.frr.FrrFragment;
import org.openpe.api.frr.VrfVni;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.L3VNI;
import org.openpe.api.model.Resource;
import org.osgi.service.component.annotations.Component;

/**
 * L3VNI: a VRF bound to a VXLAN VNI whose routes are exchanged as EVPN type-5 routes, optionally
 * with a veth leg and a BGP session to the host's speaker inside the VRF.
 */
@Component(property = Reconciler.RESOURCE_TYPE + "=l3vni")
public class L3VniReconciler implements Reconciler {

    @Override
    public Contribution contribute(Resource resource, NodeContext node) throws ReconcileException {
        L3VNI l3vni = (L3VNI) resource;
        Fabric fabric = Fabric.of(resource, node);
        String vrf = l3vni.effectiveVrf();
        int vni = l3vni.vni();

        List<KernelObject> kernel = new ArrayList<>(VniDevices.vrf(vrf, node.vrfTable(vrf)));
        kernel.add(VniDevices.bridge(vni).withMaster(vrf));
        kernel.add(VniDevices.vxlan(vni, l3vni.vxlanPort(), fabric.vtep()));

        BgpRouter router;
        if (l3vni.hostSession().isPresent()) {
            HostSession session = l3vni.hostSession().get();
            HostSessionLeg leg = HostSessionLeg.of(l3vni, session, node.nodeIndex());
            kernel.addAll(leg.kernel());
            router = BgpRouter.vrfInstance(session.asn(), vrf, fabric.routerId(), leg.neighbors(), leg.networks());
        } else {
            // Without a host session nothing peers in the VRF, so any ASN would do; the underlay's is the natural one.
            router = BgpRouter.vrfInstance(fabric.asn(), vrf, fabric.routerId(), List.of(), List.of());
        }
        FrrFragment frr = new FrrFragment(List.of(new VrfVni(vrf, vni)), List.of(), List.of(), List.of(), List.of(router));
        return new Contribution(kernel, frr);
    }
}
