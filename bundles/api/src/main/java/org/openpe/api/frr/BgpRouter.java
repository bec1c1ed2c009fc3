package org.openpe.api.frr;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code router bgp <asn> [vrf <vrf>]} instance. Neighbors are kept sorted by address and
 * networks sorted and de-duplicated, so equal instances compare equal whatever the order in which
 * they were declared.
 *
 * @param vrf empty for the default instance
 * @param routerId an IPv4 address
 * @param neighbors at most one per address
 * @param networks prefixes announced with {@code network}, each in the address family of its address
 * @param advertiseAllVni {@code advertise-all-vni} in L2VPN EVPN (the default instance with EVPN)
 * @param advertiseUnicast {@code advertise ipv4 unicast} and {@code advertise ipv6 unicast} in
 *     L2VPN EVPN (VRF instances: their routes become EVPN type-5 routes)
 * @param routeTargets the rd and route targets of a VRF instance's L3VNI, in L2VPN EVPN
 * @param vniRouteTargets {@code vni} blocks of L2VNIs with route targets (the default instance), one per VNI
 * @param gracefulRestart {@code bgp graceful-restart} with its timers, when on
 */
public record BgpRouter(
        long asn,
        Optional<String> vrf,
        String routerId,
        List<BgpNeighbor> neighbors,
        List<String> networks,
        boolean advertiseAllVni,
        boolean advertiseUnicast,
        RouteTargets routeTargets,
        List<VniRouteTargets> vniRouteTargets,
        Optional<GracefulRestart> gracefulRestart) {

    public BgpRouter {
        String where = "BGP instance" + vrf.map(v -> " of VRF " + v).orElse("");
        if (asn < 1 || asn > 4_294_967_295L) {
            throw new IllegalArgumentException("ASN of " + where + " must be within 1..4294967295, got " + asn);
        }
        vrf.ifPresent(v -> Words.requireWord(v, "VRF name"));
        IpLiterals.requireAddress(routerId, "router id of " + where);
        if (IpLiterals.isIpv6(routerId)) {
            throw new IllegalArgumentException("router id of " + where + " must be an IPv4 address, got " + routerId);
        }
        neighbors = Words.uniqueSorted(neighbors, BgpNeighbor::address, IpLiterals.ADDRESS_ORDER, "neighbor in " + where);
        networks.forEach(n -> IpLiterals.requirePrefix(n, "network of " + where));
        networks = Words.uniqueSorted(networks, (String n) -> n, IpLiterals.PREFIX_ORDER, "network in " + where);
        Objects.requireNonNull(routeTargets, "routeTargets");
        vniRouteTargets = Words.uniqueSorted(vniRouteTargets, VniRouteTargets::vni, Comparator.<Long>naturalOrder(), "vni block in " + where);
        Objects.requireNonNull(gracefulRestart, "gracefulRestart");
    }

    /** The canonical constructor of version 1.0: FRR's route targets, no L2VNI blocks, no graceful restart. */
    public BgpRouter(long asn, Optional<String> vrf, String routerId, List<BgpNeighbor> neighbors, List<String> networks,
            boolean advertiseAllVni, boolean advertiseUnicast) {
        this(asn, vrf, routerId, neighbors, networks, advertiseAllVni, advertiseUnicast, RouteTargets.AUTO, List.of(),
                Optional.empty());
    }

    public BgpRouter withNeighborsAndNetworks(List<BgpNeighbor> newNeighbors, List<String> newNetworks) {
        return new BgpRouter(asn, vrf, routerId, newNeighbors, newNetworks, advertiseAllVni, advertiseUnicast, routeTargets,
                vniRouteTargets, gracefulRestart);
    }

    public BgpRouter withRouteTargets(RouteTargets value) {
        return new BgpRouter(asn, vrf, routerId, neighbors, networks, advertiseAllVni, advertiseUnicast, value, vniRouteTargets,
                gracefulRestart);
    }

    public BgpRouter withVniRouteTargets(List<VniRouteTargets> value) {
        return new BgpRouter(asn, vrf, routerId, neighbors, networks, advertiseAllVni, advertiseUnicast, routeTargets, value,
                gracefulRestart);
    }

    public BgpRouter withGracefulRestart(Optional<GracefulRestart> value) {
        return new BgpRouter(asn, vrf, routerId, neighbors, networks, advertiseAllVni, advertiseUnicast, routeTargets,
                vniRouteTargets, value);
    }

    /** The default instance ({@code router bgp <asn>}). */
    public static BgpRouter defaultInstance(long asn, String routerId, List<BgpNeighbor> neighbors, List<String> networks,
            boolean advertiseAllVni) {
        return new BgpRouter(asn, Optional.empty(), routerId, neighbors, networks, advertiseAllVni, false);
    }

    /** A VRF instance ({@code router bgp <asn> vrf <vrf>}) exporting its routes as EVPN type-5 routes. */
    public static BgpRouter vrfInstance(long asn, String vrf, String routerId, List<BgpNeighbor> neighbors,
            List<String> networks) {
        return new BgpRouter(asn, Optional.of(vrf), routerId, neighbors, networks, false, true);
    }
}
