package org.openpe.core.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openpe.api.model.Allocation;
import org.openpe.api.model.AllocationException;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;
import org.openpe.core.definition.Defined;
import org.openpe.core.definition.Definitions;

/** The addresses a resource gets on this node (spec section 4), named for display. */
final class Allocations {

    private Allocations() {}

    static Map<String, String> of(Resource resource, int nodeIndex, Optional<Underlay> underlay, Definitions definitions) {
        Map<String, String> result = new LinkedHashMap<>();
        try {
            if (resource instanceof Underlay u) {
                result.put("routerId", Allocation.routerId(u.routerIdCidr(), nodeIndex));
                u.evpn().ifPresent(e -> result.put("vtepAddress", Allocation.vtepAddress(e.vtepCidr(), nodeIndex)));
            } else {
                definitions.of(resource.type())
                        .ifPresent(d -> result.putAll(Defined.allocations(d, resource, nodeIndex, underlay)));
            }
        } catch (AllocationException e) {
            result.put("error", e.getMessage());
        }
        return result;
    }
}
