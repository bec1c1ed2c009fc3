package org.openpe.api.frr;

import java.util.List;
import java.util.Optional;

/**
 * A {@code router bgp <asn> [vrf <vrf>]} instance.
 *
 * @param vrf empty for the default instance
 * @param networks prefixes announced with {@code network}, each in the address family of its address
 * @param advertiseAllVni {@code advertise-all-vni} in L2VPN EVPN (the default instance with EVPN)
 * @param advertiseUnicast {@code advertise ipv4/ipv6 unicast} in L2VPN EVPN (VRF instances)
 */
public record BgpRouter(
        long asn,
        Optional<String> vrf,
        String routerId,
        List<BgpNeighbor> neighbors,
        List<String> networks,
        boolean advertiseAllVni,
        boolean advertiseUnicast) {

    public BgpRouter {
        neighbors = List.copyOf(neighbors);
        networks = List.copyOf(networks);
    }
}
