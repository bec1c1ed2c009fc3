package org.openpe.core.validation;

import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.frr.RouteTargets;
import org.openpe.api.model.Cidr;
import org.openpe.api.model.HostMaster;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.L2VNI;
import org.openpe.api.model.L3Passthrough;
import org.openpe.api.model.L3VNI;
import org.openpe.core.config.Specs.HostMasterSpec;
import org.openpe.core.config.Specs.L2VniSpec;
import org.openpe.core.config.Specs.L3PassthroughSpec;
import org.openpe.core.config.Specs.L3VniSpec;

/** Field rules of L3VNI, L2VNI and L3Passthrough. */
final class VniRules {

    static final long MAX_VNI = 16777215L;

    private VniRules() {}

    static L3VNI l3vni(String name, L3VniSpec spec, Problems p, OptionalInt nodeIndex) {
        vrf(name, spec.vrf(), p);
        Long vni = vni(spec.vni(), p);
        Long port = port(spec.vxlanport(), p);
        Optional<HostSession> hostSession = Optional.empty();
        if (spec.hostsession() != null) {
            hostSession = Optional.ofNullable(HostSessionRules.check("hostsession.", spec.hostsession(), p, nodeIndex));
        }
        RouteTargets routeTargets = RouteTargetRules.check(spec.rd(), spec.importRTs(), spec.exportRTs(), p);
        return p.isEmpty()
                ? new L3VNI(name, Optional.ofNullable(spec.vrf()), vni.intValue(), port.intValue(), hostSession, routeTargets)
                : null;
    }

    static L2VNI l2vni(String name, L2VniSpec spec, Problems p) {
        boolean l2Only = Boolean.TRUE.equals(spec.l2only());
        if (l2Only) {
            pureL2(spec, p);
        } else {
            vrf(name, spec.vrf(), p);
        }
        Long vni = vni(spec.vni(), p);
        Long port = port(spec.vxlanport(), p);
        Optional<HostMaster> hostMaster = Optional.ofNullable(spec.hostmaster()).map(h -> hostMaster(h, p));
        if (spec.l2gatewayip() != null) {
            gatewayIp(spec.l2gatewayip(), p);
        }
        RouteTargets routeTargets = RouteTargetRules.check(spec.rd(), spec.importRTs(), spec.exportRTs(), p);
        return p.isEmpty()
                ? new L2VNI(name, Optional.ofNullable(spec.vrf()), vni.intValue(), port.intValue(), hostMaster,
                        Optional.ofNullable(spec.l2gatewayip()), routeTargets, l2Only)
                : null;
    }

    static L3Passthrough passthrough(String name, L3PassthroughSpec spec, Problems p, OptionalInt nodeIndex) {
        if (spec.hostsession() == null) {
            p.add("'hostsession' is required (hostsession.asn, hostsession.hostasn, hostsession.localcidr.ipv4/ipv6)");
            return null;
        }
        HostSession hostSession = HostSessionRules.check("hostsession.", spec.hostsession(), p, nodeIndex);
        return p.isEmpty() ? new L3Passthrough(name, hostSession) : null;
    }

    /** A pure-L2 VNI routes nothing: it has neither VRF nor gateway. */
    private static void pureL2(L2VniSpec spec, Problems p) {
        if (spec.vrf() != null) {
            p.add("'vrf' = '" + spec.vrf() + "' cannot be set with 'l2only = true': a pure-L2 VNI is in no VRF");
        }
        if (spec.l2gatewayip() != null) {
            p.add("'l2gatewayip' = '" + spec.l2gatewayip() + "' cannot be set with 'l2only = true': a pure-L2 VNI routes"
                    + " nothing");
        }
    }

    private static void vrf(String name, String vrf, Problems p) {
        if (vrf != null) {
            p.interfaceName("vrf", vrf);
        } else if (name.length() > Problems.MAX_INTERFACE_NAME || !Problems.INTERFACE_NAME.matcher(name).matches()) {
            p.add("the VRF name defaults to the resource name '" + name + "', which is not a valid interface name"
                    + " (at most 15 characters, a letter first, then letters, digits, '_' or '-'); set 'vrf'");
        }
    }

    private static Long vni(Long vni, Problems p) {
        return p.range("vni", p.required("vni", vni), 1, MAX_VNI);
    }

    private static Long port(Long port, Problems p) {
        Long value = port == null ? Long.valueOf(L3VNI.DEFAULT_VXLAN_PORT) : port;
        return p.range("vxlanport", value, 1, 65535);
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
