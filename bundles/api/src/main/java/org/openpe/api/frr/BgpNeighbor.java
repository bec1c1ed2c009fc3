package org.openpe.api.frr;

import java.util.Optional;

/**
 * A BGP neighbor. It is activated in the address family of its address, and in L2VPN EVPN when
 * {@code evpn} is set.
 *
 * @param holdTime seconds; set together with {@code keepaliveTime}
 * @param password rendered into the configuration, never logged
 * @param bfd whether BFD runs for this session
 * @param bfdProfile the profile, when the session has BFD settings
 * @param allowAsIn accept routes carrying our own ASN (every node shares one)
 * @param permissiveRouteMaps accept and announce everything (host sessions)
 */
public record BgpNeighbor(
        String address,
        long remoteAs,
        Optional<Integer> port,
        Optional<Integer> holdTime,
        Optional<Integer> keepaliveTime,
        Optional<Integer> connectTime,
        boolean ebgpMultihop,
        Optional<String> password,
        boolean bfd,
        Optional<String> bfdProfile,
        boolean allowAsIn,
        boolean evpn,
        boolean permissiveRouteMaps) {

    /** A plain session: no timers, password or BFD. */
    public static BgpNeighbor of(String address, long remoteAs) {
        return new BgpNeighbor(address, remoteAs, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), false, Optional.empty(), false, false, false);
    }

    @Override
    public String toString() {
        return "BgpNeighbor[" + address + " remote-as " + remoteAs + (password.isPresent() ? " password ****" : "") + "]";
    }
}
