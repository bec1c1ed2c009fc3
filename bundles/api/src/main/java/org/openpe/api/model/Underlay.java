package org.openpe.api.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openpe.api.ResourceType;
import org.openpe.api.frr.GracefulRestart;

/**
 * The underlay: the BGP sessions with the fabric and, with {@code evpn}, the VTEP.
 *
 * @param asn local AS number (1..4294967295)
 * @param routerIdCidr IPv4 CIDR the router id is allocated from ({@code routeridcidr}, default {@value #DEFAULT_ROUTER_ID_CIDR})
 * @param neighbors at least one neighbor (eBGP, or iBGP with {@code type = internal})
 * @param nics the NICs to move into the router namespace (one per ToR), each named once; empty means move none
 * @param evpn present when the underlay carries EVPN (required by VNIs)
 * @param gracefulRestart BGP graceful restart ({@code gracefulRestart.*}), when on
 */
public record Underlay(
        String name, long asn, String routerIdCidr, List<Neighbor> neighbors, List<String> nics, Optional<EVPNConfig> evpn,
        Optional<GracefulRestart> gracefulRestart)
        implements Resource {

    public static final String DEFAULT_ROUTER_ID_CIDR = "10.0.0.0/24";

    public Underlay {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(routerIdCidr, "routerIdCidr");
        neighbors = List.copyOf(neighbors);
        nics = List.copyOf(nics);
        Objects.requireNonNull(evpn, "evpn");
        Objects.requireNonNull(gracefulRestart, "gracefulRestart");
    }

    /** The canonical constructor of version 1.0: no graceful restart. */
    public Underlay(String name, long asn, String routerIdCidr, List<Neighbor> neighbors, List<String> nics,
            Optional<EVPNConfig> evpn) {
        this(name, asn, routerIdCidr, neighbors, nics, evpn, Optional.empty());
    }

    @Override
    public ResourceType type() {
        return ResourceType.UNDERLAY;
    }

    /** The first NIC moved into the router namespace, if any. */
    public Optional<String> nic() {
        return nics.stream().findFirst();
    }
}
