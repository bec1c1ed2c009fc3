package org.openpe.api.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The veth leg between the router and the host, with a BGP session over it.
 *
 * @param asn the router's AS number on this session
 * @param hostAsn the AS number of the BGP speaker on the host ({@code hostasn}), different from {@code asn}
 * @param localCidr immutable once the resource exists ({@code localcidr})
 * @param hostType {@code hosttype}: the host's speaker as iBGP or any-AS eBGP peer; {@code hostAsn} is then 0
 */
public record HostSession(long asn, long hostAsn, LocalCIDRConfig localCidr, Optional<PeerType> hostType) {
    public HostSession {
        Objects.requireNonNull(localCidr, "localCidr");
        Objects.requireNonNull(hostType, "hostType");
    }

    /** The canonical constructor of version 1.0: a host speaker given by its AS number. */
    public HostSession(long asn, long hostAsn, LocalCIDRConfig localCidr) {
        this(asn, hostAsn, localCidr, Optional.empty());
    }
}
