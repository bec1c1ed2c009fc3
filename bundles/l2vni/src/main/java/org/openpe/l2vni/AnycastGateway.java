package org.openpe.l2vni;

import org.openpe.api.ReconcileException;
import org.openpe.api.model.Cidr;

/**
 * The distributed anycast gateway of an L2VNI: the same address and MAC on {@code br-pe-<VNI>} of
 * every node, so a host keeps its gateway whichever node it reaches.
 */
final class AnycastGateway {

    private AnycastGateway() {}

    /** {@code 00:f3:} followed by VNI + 1 as a big-endian 32-bit number: VNI 100 gives {@code 00:f3:00:00:00:65}. */
    static String mac(int vni) {
        int n = vni + 1;
        return String.format("00:f3:%02x:%02x:%02x:%02x", n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
    }

    /** {@code l2gatewayip} as {@code address/prefix} in canonical form (IPv6 as RFC 5952). */
    static String address(L2VNI l2vni, String l2GatewayIp) throws ReconcileException {
        try {
            return Cidr.parse(l2GatewayIp).toString();
        } catch (IllegalArgumentException e) {
            throw new ReconcileException("l2vni " + l2vni.name() + ": l2gatewayip '" + l2GatewayIp + "': "
                    + e.getMessage());
        }
    }
}
