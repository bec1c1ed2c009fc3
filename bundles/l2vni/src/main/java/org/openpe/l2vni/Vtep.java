package org.openpe.l2vni;

import java.net.InetAddress;
import org.openpe.api.NodeContext;
import org.openpe.api.ReconcileException;
import org.openpe.api.model.Allocation;
import org.openpe.api.model.Cidr;
import org.openpe.api.model.EVPNConfig;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;

/** This node's VTEP address, the local address of every VXLAN device (spec section 4). */
final class Vtep {

    private Vtep() {}

    /** @throws ReconcileException naming {@code resource} when there is no EVPN underlay or its CIDR is too small */
    static InetAddress of(Resource resource, NodeContext node) throws ReconcileException {
        String what = resource.type().id() + " " + resource.name();
        Underlay underlay = node.underlay().orElseThrow(() -> new ReconcileException(what
                + ": there is no valid underlay; a VNI needs one with evpn.vtepcidr"));
        EVPNConfig evpn = underlay.evpn().orElseThrow(() -> new ReconcileException(what + ": underlay "
                + underlay.name() + " has no evpn section; a VNI needs evpn.vtepcidr"));
        try {
            return Cidr.parse(Allocation.vtepAddress(evpn.vtepCidr(), node.nodeIndex())).address();
        } catch (IllegalArgumentException e) {
            throw new ReconcileException(what + ": underlay " + underlay.name() + " evpn.vtepcidr " + evpn.vtepCidr()
                    + ": " + e.getMessage());
        }
    }
}
