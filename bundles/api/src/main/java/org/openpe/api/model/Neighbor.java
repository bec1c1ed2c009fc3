package org.openpe.api.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A BGP neighbor of the underlay. Empty optionals keep FRR's defaults. The password never appears
 * in {@link #toString()}.
 *
 * @param asn the neighbor's AS number, different from the underlay's (eBGP only)
 * @param hostAsn {@code hostasn} of the seed API, kept for compatibility
 * @param address IPv4 or IPv6 address; its family selects the address family of the session
 * @param port TCP port to dial (0..16384), FRR's default 179 when empty
 * @param password MD5 password; mutually exclusive with {@code passwordSecret}
 * @param holdTime set together with {@code keepaliveTime}
 * @param connectTime whole seconds
 * @param ebgpMultiHop the neighbor is several hops away ({@code ebgpMultiHop})
 * @param bfd present when BFD runs for the session; its settings may all be empty
 * @param type {@code internal} (iBGP) or {@code external} instead of an AS number; {@code asn} is then 0
 */
public record Neighbor(
        long asn,
        Optional<Long> hostAsn,
        String address,
        Optional<Integer> port,
        Optional<String> password,
        Optional<String> passwordSecret,
        Optional<Duration> holdTime,
        Optional<Duration> keepaliveTime,
        Optional<Duration> connectTime,
        boolean ebgpMultiHop,
        Optional<BFDSettings> bfd,
        Optional<PeerType> type) {

    public Neighbor {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(hostAsn, "hostAsn");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(passwordSecret, "passwordSecret");
        Objects.requireNonNull(holdTime, "holdTime");
        Objects.requireNonNull(keepaliveTime, "keepaliveTime");
        Objects.requireNonNull(connectTime, "connectTime");
        Objects.requireNonNull(bfd, "bfd");
        Objects.requireNonNull(type, "type");
    }

    /** The canonical constructor of version 1.0: a neighbor given by its AS number. */
    public Neighbor(long asn, Optional<Long> hostAsn, String address, Optional<Integer> port, Optional<String> password,
            Optional<String> passwordSecret, Optional<Duration> holdTime, Optional<Duration> keepaliveTime,
            Optional<Duration> connectTime, boolean ebgpMultiHop, Optional<BFDSettings> bfd) {
        this(asn, hostAsn, address, port, password, passwordSecret, holdTime, keepaliveTime, connectTime, ebgpMultiHop, bfd,
                Optional.empty());
    }

    /** A neighbor with only an AS number and an address. */
    public static Neighbor of(long asn, String address) {
        return new Neighbor(asn, Optional.empty(), address, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty());
    }

    @Override
    public String toString() {
        return "Neighbor[asn=" + asn + ", hostAsn=" + hostAsn + ", address=" + address + ", port=" + port
                + ", password=" + password.map(p -> "****") + ", passwordSecret=" + passwordSecret
                + ", holdTime=" + holdTime + ", keepaliveTime=" + keepaliveTime + ", connectTime=" + connectTime
                + ", ebgpMultiHop=" + ebgpMultiHop + ", bfd=" + bfd + ", type=" + type + "]";
    }
}
