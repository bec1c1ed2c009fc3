package org.openpe.passthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpe.api.Contribution;
import org.openpe.api.NodeContext;
import org.openpe.api.ReconcileException;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourcePlugin;
import org.openpe.api.frr.BgpNeighbor;
import org.openpe.api.frr.FrrFragment;
import org.openpe.api.kernel.Address;
import org.openpe.api.kernel.KernelObject;
import org.openpe.api.kernel.Link;
import org.openpe.api.kernel.LinkKind;
import org.openpe.api.kernel.Netns;
import org.openpe.api.model.Allocation;
import org.openpe.api.model.AllocationException;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.Resource;
import org.osgi.service.component.annotations.Component;

/**
 * L3Passthrough: the {@code pt-host}/{@code pt-ns} veth pair with the node's addresses, and a plain
 * BGP session between the host's speaker and the router's default BGP instance.
 */
@Component(property = Reconciler.RESOURCE_TYPE + "=l3passthrough")
@ResourcePlugin("l3passthrough")
public class PassthroughReconciler implements Reconciler {

    static final String HOST_LEG = "pt-host";
    static final String ROUTER_LEG = "pt-ns";

    @Override
    public Contribution contribute(Resource resource, NodeContext node) throws ReconcileException {
        HostSession session = ((L3Passthrough) resource).hostSession();
        List<KernelObject> kernel = new ArrayList<>(List.of(
                Link.of(Netns.ROUTER, ROUTER_LEG, new LinkKind.Veth(HOST_LEG, Netns.HOST)),
                Link.of(Netns.HOST, HOST_LEG, new LinkKind.Veth(ROUTER_LEG, Netns.ROUTER))));
        List<BgpNeighbor> neighbors = new ArrayList<>();
        List<String> networks = new ArrayList<>();
        for (Optional<String> cidr : List.of(session.localCidr().ipv4(), session.localCidr().ipv6())) {
            if (cidr.isEmpty()) {
                continue;
            }
            Allocation.VethAddresses addresses = allocate(resource, cidr.get(), node.nodeIndex());
            kernel.add(new Address(Netns.ROUTER, ROUTER_LEG, addresses.routerSide()));
            kernel.add(new Address(Netns.HOST, HOST_LEG, addresses.hostSide()));
            neighbors.add(BgpNeighbor.of(addresses.hostAddress(), session.hostAsn(), session.hostType()).withPermissiveRouteMaps(true));
            networks.add(addresses.hostAddress() + (addresses.hostAddress().contains(":") ? "/128" : "/32"));
        }
        return new Contribution(kernel, new FrrFragment(List.of(), List.of(), neighbors, networks, List.of()));
    }

    private static Allocation.VethAddresses allocate(Resource resource, String cidr, int nodeIndex)
            throws ReconcileException {
        try {
            return Allocation.veth(cidr, nodeIndex);
        } catch (AllocationException e) {
            throw new ReconcileException("l3passthrough " + resource.name() + ": hostsession.localcidr " + cidr + ": "
                    + e.getMessage());
        }
    }
}
