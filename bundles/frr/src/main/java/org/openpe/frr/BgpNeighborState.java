package org.openpe.frr;

import java.time.Duration;

/**
 * One BGP session in one address family, from {@code show bgp vrf all summary json}.
 *
 * @param vrf {@code default} or the VRF name
 * @param addressFamily FRR's key: {@code ipv4Unicast}, {@code ipv6Unicast}, {@code l2VpnEvpn}, ...
 * @param state FRR's state: {@code Established}, {@code Active}, {@code Connect}, {@code Idle}, ...
 * @param uptime time since the session came up (zero when it is not up)
 */
public record BgpNeighborState(
        String vrf,
        String addressFamily,
        String peer,
        long remoteAs,
        long localAs,
        String state,
        Duration uptime,
        long prefixesReceived,
        long prefixesSent,
        long connectionsEstablished,
        long connectionsDropped) {

    public boolean established() {
        return "Established".equals(state);
    }
}
