package org.openpe.api.frr;

import java.util.Objects;

/** A {@code vni <vni>} block of the default instance's L2VPN EVPN family: an L2VNI's route targets. */
public record VniRouteTargets(long vni, RouteTargets routeTargets) {

    public VniRouteTargets {
        if (vni < 1 || vni > 16_777_215) {
            throw new IllegalArgumentException("EVPN VNI must be within 1..16777215, got " + vni);
        }
        Objects.requireNonNull(routeTargets, "routeTargets");
    }
}
