package org.openpe.l2vni;

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
import org.openpe.api.definition.Problems;
import org.openpe.api.definition.ResourceDefinition;
import org.openpe.api.frr.RouteTargets;
import org.openpe.api.model.Cidr;
import org.osgi.service.component.annotations.Component;

/** The L2VNI resource type: keys, field rules, claims (its VNI, its routing VRF); the gateway is immutable. */
@Component(property = Reconciler.RESOURCE_TYPE + "=l2vni")
public class L2VniDefinition implements ResourceDefinition<L2VniDefinition.Spec, L2VNI> {

    /** An L2VNI as written. */
    public record Spec(
            String vrf,
            Long vni,
            Long vxlanport,
            HostMasterSpec hostmaster,
            String l2gatewayip,
            Boolean l2only,
            String rd,
            List<String> importRTs,
            List<String> exportRTs) {}

    /** {@code hostmaster.*} as written. */
    public record HostMasterSpec(String name, String type, Boolean autocreate) {}

    @Override
    public ResourceType type() {
        return L2VNI.TYPE;
    }

    @Override
    public Class<Spec> specClass() {
        return Spec.class;
    }

    @Override
    public Class<L2VNI> modelClass() {
        return L2VNI.class;
    }

    @Override
    public L2VNI resource(String name, Spec spec, Problems p, OptionalInt nodeIndex) {
        boolean l2Only = Boolean.TRUE.equals(spec.l2only());
        if (l2Only) {
            pureL2(spec, p);
        } else {
            EvpnFields.vrf(name, spec.vrf(), p);
        }
        Long vni = EvpnFields.vni(spec.vni(), p);
        Long port = EvpnFields.vxlanPort(spec.vxlanport(), p);
        Optional<HostMaster> hostMaster = Optional.ofNullable(spec.hostmaster()).map(h -> hostMaster(h, p));
        if (spec.l2gatewayip() != null) {
            gatewayIp(spec.l2gatewayip(), p);
        }
        RouteTargets routeTargets = EvpnFields.routeTargets(spec.rd(), spec.importRTs(), spec.exportRTs(), p);
        return p.isEmpty()
                ? new L2VNI(name, Optional.ofNullable(spec.vrf()), vni.intValue(), port.intValue(), hostMaster,
                        Optional.ofNullable(spec.l2gatewayip()), routeTargets, l2Only)
                : null;
    }

    @Override
    public void claim(L2VNI v, Claims claims) {
        claims.vni(v.vni());
        v.routingVrf().ifPresent(vrf -> claims.unique("l2vrf " + vrf,
                "VRF '" + vrf + "' is already used by %s (one L2VNI per VRF)"));
    }

    /** {@code l2gatewayip} is immutable once set (spec section 3). */
    @Override
    public Optional<FieldChange> immutableChange(L2VNI before, L2VNI after) {
        if (before.l2GatewayIp().isPresent() && after.l2GatewayIp().isPresent()
                && !before.l2GatewayIp().equals(after.l2GatewayIp())) {
            return Optional.of(new FieldChange("l2gatewayip", before.l2GatewayIp().get(), after.l2GatewayIp().get()));
        }
        return Optional.empty();
    }

    @Override
    public Map<String, Object> view(L2VNI v) {
        Map<String, Object> node = new LinkedHashMap<>();
        v.routingVrf().ifPresent(vrf -> node.put("vrf", vrf));
        node.put("l2only", v.l2Only());
        node.put("vni", v.vni());
        node.put("vxlanport", v.vxlanPort());
        v.hostMaster().ifPresent(h -> {
            Map<String, Object> master = new LinkedHashMap<>();
            h.name().ifPresent(n -> master.put("name", n));
            master.put("type", h.type());
            master.put("autocreate", h.autoCreate());
            node.put("hostmaster", master);
        });
        v.l2GatewayIp().ifPresent(ip -> node.put("l2gatewayip", ip));
        EvpnFields.viewRouteTargets(node, v.routeTargets());
        return node;
    }

    /** A pure-L2 VNI routes nothing: it has neither VRF nor gateway. */
    private static void pureL2(Spec spec, Problems p) {
        if (spec.vrf() != null) {
            p.add("'vrf' = '" + spec.vrf() + "' cannot be set with 'l2only = true': a pure-L2 VNI is in no VRF");
        }
        if (spec.l2gatewayip() != null) {
            p.add("'l2gatewayip' = '" + spec.l2gatewayip() + "' cannot be set with 'l2only = true': a pure-L2 VNI routes"
                    + " nothing");
        }
    }

    private static HostMaster hostMaster(HostMasterSpec h, Problems p) {
        boolean autoCreate = Boolean.TRUE.equals(h.autocreate());
        if (h.name() != null && autoCreate) {
            p.add("'hostmaster.name' and 'hostmaster.autocreate = true' are mutually exclusive");
        } else if (h.name() == null && !autoCreate) {
            p.add("'hostmaster' needs either 'hostmaster.name' or 'hostmaster.autocreate = true'");
        }
        p.interfaceName("hostmaster.name", h.name());
        String type = h.type() == null ? HostMaster.BRIDGE : h.type();
        if (!HostMaster.BRIDGE.equals(type)) {
            p.add("'hostmaster.type' = '" + type + "' is not supported; the only type is 'bridge'");
        }
        return new HostMaster(Optional.ofNullable(h.name()), type, autoCreate);
    }

    private static void gatewayIp(String value, Problems p) {
        try {
            Cidr.parse(value);
        } catch (IllegalArgumentException e) {
            p.add("'l2gatewayip' = '" + value + "' is not an address with prefix length (like 192.171.24.1/24): "
                    + e.getMessage());
        }
    }
}
