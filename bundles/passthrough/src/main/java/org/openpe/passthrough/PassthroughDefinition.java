package org.openpe.passthrough;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.definition.Claims;
import org.openpe.api.definition.Dependency;
import org.openpe.api.definition.HostSessionSpec;
import org.openpe.api.definition.HostSessions;
import org.openpe.api.definition.Problems;
import org.openpe.api.definition.ResourceDefinition;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.Underlay;
import org.osgi.service.component.annotations.Component;

/**
 * The L3Passthrough resource type: at most one, needing the underlay but not EVPN. Its CIDR may
 * change: its addresses simply move.
 */
@Component(property = Reconciler.RESOURCE_TYPE + "=l3passthrough")
public class PassthroughDefinition implements ResourceDefinition<PassthroughDefinition.Spec, L3Passthrough> {

    /** An L3Passthrough as written. */
    public record Spec(HostSessionSpec hostsession) {}

    @Override
    public ResourceType type() {
        return L3Passthrough.TYPE;
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    public Class<L3Passthrough> modelClass() {
        return L3Passthrough.class;
    }

    @Override
    public L3Passthrough resource(String name, Spec spec, Problems p, OptionalInt nodeIndex) {
        if (spec.hostsession() == null) {
            p.add("'hostsession' is required (hostsession.asn, hostsession.hostasn, hostsession.localcidr.ipv4/ipv6)");
            return null;
        }
        HostSession hostSession = HostSessions.check("hostsession.", spec.hostsession(), p, nodeIndex);
        return p.isEmpty() ? new L3Passthrough(name, hostSession) : null;
    }

    @Override
    public Dependency dependency() {
        return Dependency.UNDERLAY;
    }

    @Override
    public void claim(L3Passthrough pt, Claims claims) {
        claims.onlyOne(L3Passthrough.TYPE);
        HostSessions.claim(pt.hostSession(), claims);
    }

    @Override
    public Map<String, Object> view(L3Passthrough pt) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("hostsession", HostSessions.view(pt.hostSession()));
        return node;
    }

    @Override
    public Map<String, String> allocations(L3Passthrough pt, int nodeIndex, Optional<Underlay> underlay) {
        Map<String, String> result = new LinkedHashMap<>();
        HostSessions.allocations(pt.hostSession(), nodeIndex, result);
        return result;
    }
}
