package org.openpe.l3vni;

import java.util.Objects;
import java.util.Optional;
import org.openpe.api.ResourceType;
import org.openpe.api.frr.RouteTargets;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.Resource;

/**
 * A VXLAN L3VNI carrying EVPN type-5 routes of one VRF.
 *
 * @param vni 1..16777215, unique across all VNIs
 * @param vxlanPort VXLAN UDP port ({@code vxlanport}, default 4789)
 * @param hostSession the optional veth leg and BGP session with the host
 * @param routeTargets {@code rd}, {@code importRTs}, {@code exportRTs} of the VRF; empty lists: FRR's auto-derived ones
 */
public record L3VNI(String name, Optional<String> vrf, int vni, int vxlanPort, Optional<HostSession> hostSession,
        RouteTargets routeTargets)
        implements Resource {

    public static final ResourceType TYPE = new ResourceType("l3vni", "L3VNI");

    public L3VNI {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vrf, "vrf");
        Objects.requireNonNull(hostSession, "hostSession");
        Objects.requireNonNull(routeTargets, "routeTargets");
    }

    /** The canonical constructor of version 1.0: FRR's auto-derived route targets. */
    public L3VNI(String name, Optional<String> vrf, int vni, int vxlanPort, Optional<HostSession> hostSession) {
        this(name, vrf, vni, vxlanPort, hostSession, RouteTargets.AUTO);
    }

    @Override
    public ResourceType type() {
        return TYPE;
    }

    /** {@code vrf} if set, else the resource name. */
    public String effectiveVrf() {
        return vrf.orElse(name);
    }
}
