package org.openpe.core.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openpe.api.model.Allocation;
import org.openpe.api.model.AllocationException;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.L3Passthrough;
import org.openpe.api.model.L3VNI;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;

/** The addresses a resource gets on this node (spec section 4), named for display. */
final class Allocations {

    private Allocations() {}

    static Map<String, String> of(Resource resource, int nodeIndex, Optional<Underlay> underlay) {
        Map<String, String> result = new LinkedHashMap<>();
        try {
            if (resource instanceof Underlay u) {
                result.put("routerId", Allocation.routerId(u.routerIdCidr(), nodeIndex));
                u.evpn().ifPresent(e -> result.put("vtepAddress", Allocation.vtepAddress(e.vtepCidr(), nodeIndex)));
            } else if (resource instanceof L3VNI v) {
                underlay.ifPresent(u -> result.put("routerId", Allocation.routerId(u.routerIdCidr(), nodeIndex)));
                v.hostSession().ifPresent(h -> veth(h, nodeIndex, result));
            } else if (resource instanceof L3Passthrough p) {
                veth(p.hostSession(), nodeIndex, result);
            }
        } catch (AllocationException e) {
            result.put("error", e.getMessage());
        }
        return result;
    }

    private static void veth(HostSession h, int nodeIndex, Map<String, String> out) {
        h.localCidr().ipv4().map(c -> Allocation.veth(c, nodeIndex)).ifPresent(v -> {
            out.put("ipv4.routerSide", v.routerSide());
            out.put("ipv4.hostSide", v.hostSide());
        });
        h.localCidr().ipv6().map(c -> Allocation.veth(c, nodeIndex)).ifPresent(v -> {
            out.put("ipv6.routerSide", v.routerSide());
            out.put("ipv6.hostSide", v.hostSide());
        });
    }
}
