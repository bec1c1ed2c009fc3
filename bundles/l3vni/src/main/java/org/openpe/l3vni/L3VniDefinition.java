package org.openpe.l3vni;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.definition.Claims;
import org.openpe.api.definition.EvpnFields;
import org.openpe.api.definition.FieldChange;
import org.openpe.api.definition.HostSessionSpec;
import org.openpe.api.definition.HostSessions;
import org.openpe.api.definition.Problems;
import org.openpe.api.definition.ResourceDefinition;
import org.openpe.api.frr.RouteTargets;
import org.openpe.api.model.Allocation;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.Underlay;
import org.osgi.service.component.annotations.Component;

/** The L3VNI resource type: keys, field rules, claims (its VNI, its VRF, its host-session CIDRs). */
@Component(property = Reconciler.RESOURCE_TYPE + "=l3vni")
public class L3VniDefinition implements ResourceDefinition<L3VniDefinition.Spec, L3VNI> {

    /** An L3VNI as written. */
    public record Spec(
            String vrf,
            Long vni,
            Long vxlanport,
            HostSessionSpec hostsession,
            String rd,
            List<String> importRTs,
            List<String> exportRTs) {}

    @Override
    public ResourceType type() {
        return L3VNI.TYPE;
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    public Class<L3VNI> modelClass() {
        return L3VNI.class;
    }

    @Override
    public L3VNI resource(String name, Spec spec, Problems p, OptionalInt nodeIndex) {
        EvpnFields.vrf(name, spec.vrf(), p);
        Long vni = EvpnFields.vni(spec.vni(), p);
        Long port = EvpnFields.vxlanPort(spec.vxlanport(), p);
        Optional<HostSession> hostSession = Optional.empty();
        if (spec.hostsession() != null) {
            hostSession = Optional.ofNullable(HostSessions.check("hostsession.", spec.hostsession(), p, nodeIndex));
        }
        RouteTargets routeTargets = EvpnFields.routeTargets(spec.rd(), spec.importRTs(), spec.exportRTs(), p);
        return p.isEmpty()
                ? new L3VNI(name, Optional.ofNullable(spec.vrf()), vni.intValue(), port.intValue(), hostSession, routeTargets)
                : null;
    }

    @Override
    public void claim(L3VNI v, Claims claims) {
        claims.vni(v.vni());
        claims.unique("l3vrf " + v.effectiveVrf(),
                "VRF '" + v.effectiveVrf() + "' is already used by %s (one L3VNI per VRF)");
        v.hostSession().ifPresent(h -> HostSessions.claim(h, claims));
    }

    /** {@code hostsession.localcidr} is immutable (spec section 3). */
    @Override
    public Optional<FieldChange> immutableChange(L3VNI before, L3VNI after) {
        return HostSessions.localCidrChange(before.hostSession(), after.hostSession());
    }

    @Override
    public Map<String, Object> view(L3VNI v) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("vrf", v.effectiveVrf());
        node.put("vni", v.vni());
        node.put("vxlanport", v.vxlanPort());
        v.hostSession().ifPresent(h -> node.put("hostsession", HostSessions.view(h)));
        EvpnFields.viewRouteTargets(node, v.routeTargets());
        return node;
    }

    @Override
    public Map<String, String> allocations(L3VNI v, int nodeIndex, Optional<Underlay> underlay) {
        Map<String, String> result = new LinkedHashMap<>();
        underlay.ifPresent(u -> result.put("routerId", Allocation.routerId(u.routerIdCidr(), nodeIndex)));
        v.hostSession().ifPresent(h -> HostSessions.allocations(h, nodeIndex, result));
        return result;
    }
}
