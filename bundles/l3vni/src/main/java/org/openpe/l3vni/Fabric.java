package org.openpe.l3vni;

import java.net.InetAddress;
import java.util.function.Supplier;
import org.openpe.api.NodeContext;
import org.openpe.api.ReconcileException;
import org.openpe.api.model.Allocation;
import org.openpe.api.model.Cidr;
import org.openpe.api.model.EVPNConfig;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;

/**
 * What a VNI takes from the underlay on this node.
 *
 * @param asn the underlay's AS number
 * @param routerId the router id of every BGP instance on this node
 * @param vtep this node's VTEP address, the local address of every VXLAN device
 */
record Fabric(long asn, String routerId, InetAddress vtep) {

    /** @throws ReconcileException naming {@code resource} when there is no EVPN underlay or a CIDR is too small */
    static Fabric of(Resource resource, NodeContext node) throws ReconcileException {
        String what = resource.type().id() + " " + resource.name();
        Underlay underlay = node.underlay().orElseThrow(() -> new ReconcileException(what
                + ": there is no valid underlay; a VNI needs one with evpn.vtepcidr"));
        EVPNConfig evpn = underlay.evpn().orElseThrow(() -> new ReconcileException(what + ": underlay "
                + underlay.name() + " has no evpn section; a VNI needs evpn.vtepcidr"));
        String where = what + ": underlay " + underlay.name() + " ";
        String routerId = allocate(where + "routeridcidr " + underlay.routerIdCidr(),
                () -> Allocation.routerId(underlay.routerIdCidr(), node.nodeIndex()));
        String vtep = allocate(where + "evpn.vtepcidr " + evpn.vtepCidr(),
                () -> Allocation.vtepAddress(evpn.vtepCidr(), node.nodeIndex()));
        return new Fabric(underlay.asn(), routerId, Cidr.parse(vtep).address());
    }

    private static String allocate(String field, Supplier<String> allocation) throws ReconcileException {
        try {
            return allocation.get();
        } catch (IllegalArgumentException e) {
            throw new ReconcileException(field + ": " + e.getMessage());
        }
    }
}
