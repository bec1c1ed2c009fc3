package org.openpe.l2vni;

import java.util.Objects;
import java.util.Optional;
import org.openpe.api.ResourceType;
import org.openpe.api.frr.RouteTargets;
import org.openpe.api.model.Resource;

/**
 * A VXLAN L2VNI stretching one L2 domain across nodes (EVPN type-2/3 routes).
 *
 * @param vni 1..16777215, unique across all VNIs
 * @param vxlanPort VXLAN UDP port ({@code vxlanport}, default 4789)
 * @param hostMaster where the host-side veth is enslaved; empty leaves it alone
 * @param l2GatewayIp distributed anycast gateway as {@code address/prefix} ({@code l2gatewayip}); immutable
 * @param routeTargets {@code rd}, {@code importRTs}, {@code exportRTs} of the VNI; empty lists: FRR's auto-derived ones
 * @param l2Only {@code l2only}: pure L2, the bridge in no VRF and nothing routed (no {@code vrf}, no gateway)
 */
public record L2VNI(
        String name, Optional<String> vrf, int vni, int vxlanPort, Optional<HostMaster> hostMaster,
        Optional<String> l2GatewayIp, RouteTargets routeTargets, boolean l2Only)
        implements Resource {

    public static final ResourceType TYPE = new ResourceType("l2vni", "L2VNI");

    public L2VNI {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vrf, "vrf");
        Objects.requireNonNull(hostMaster, "hostMaster");
        Objects.requireNonNull(l2GatewayIp, "l2GatewayIp");
        Objects.requireNonNull(routeTargets, "routeTargets");
    }

    /** The canonical constructor of version 1.0: FRR's auto-derived route targets. */
    public L2VNI(String name, Optional<String> vrf, int vni, int vxlanPort, Optional<HostMaster> hostMaster,
            Optional<String> l2GatewayIp) {
        this(name, vrf, vni, vxlanPort, hostMaster, l2GatewayIp, RouteTargets.AUTO, false);
    }

    @Override
    public ResourceType type() {
        return TYPE;
    }

    /** {@code vrf} if set, else the resource name. */
    public String effectiveVrf() {
        return vrf.orElse(name);
    }

    /** The VRF the bridge is enslaved to: the effective VRF, none for a pure-L2 VNI. */
    public Optional<String> routingVrf() {
        return l2Only ? Optional.empty() : Optional.of(effectiveVrf());
    }
}
