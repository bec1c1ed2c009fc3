package org.openpe.frr;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One path of an EVPN route, from {@code show bgp l2vpn evpn route detail json}.
 *
 * @param routeType 2 (MAC/IP), 3 (inclusive multicast: a VTEP) or 5 (IP prefix)
 * @param rd route distinguisher
 * @param prefix FRR's route key, e.g. {@code [2]:[0]:[48]:[aa:bb:cc:dd:ee:ff]:[32]:[10.0.0.5]}
 * @param mac type-2 MAC address
 * @param ip type-2 host IP, type-3 originating VTEP, type-5 prefix ({@code address/length})
 * @param vni the VNI of the path's label, when FRR shows it
 * @param nextHop the VTEP to send traffic to
 * @param peer the BGP peer the path came from; empty for local routes
 * @param best FRR selected this path
 */
public record EvpnRoute(
        int routeType,
        String rd,
        String prefix,
        Optional<String> mac,
        Optional<String> ip,
        OptionalLong vni,
        String nextHop,
        Optional<String> peer,
        boolean best) {}
