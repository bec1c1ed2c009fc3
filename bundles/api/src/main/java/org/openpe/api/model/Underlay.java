package org.openpe.api.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openpe.api.ResourceType;

/**
 * The underlay: the BGP sessions with the fabric and, with {@code evpn}, the VTEP.
 *
 * @param asn local AS number (1..4294967295)
 * @param routerIdCidr IPv4 CIDR the router id is allocated from ({@code routeridcidr}, default {@value #DEFAULT_ROUTER_ID_CIDR})
 * @param neighbors at least one eBGP neighbor
 * @param nics zero or one NIC to move into the router namespace; empty means move none
 * @param evpn present when the underlay carries EVPN (required by VNIs)
 */
public record Underlay(
        String name, long asn, String routerIdCidr, List<Neighbor> neighbors, List<String> nics, Optional<EVPNConfig> evpn)
        implements Resource {

    public static final String DEFAULT_ROUTER_ID_CIDR = "10.0.0.0/24";

    public Underlay {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(routerIdCidr, "routerIdCidr");
        neighbors = List.copyOf(neighbors);
        nics = List.copyOf(nics);
        Objects.requireNonNull(evpn, "evpn");
    }

    @Override
    public ResourceType type() {
        return ResourceType.UNDERLAY;
    }

    /** The NIC moved into the router namespace, if any. */
    public Optional<String> nic() {
        return nics.stream().findFirst();
    }
}
