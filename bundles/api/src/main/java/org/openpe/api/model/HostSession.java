package org.openpe.api.model;

import java.util.Objects;

/**
 * The veth leg between the router and the host, with a BGP session over it.
 *
 * @param asn the router's AS number on this session
 * @param hostAsn the AS number of the BGP speaker on the host ({@code hostasn}), different from {@code asn}
 * @param localCidr immutable once the resource exists ({@code localcidr})
 */
public record HostSession(long asn, long hostAsn, LocalCIDRConfig localCidr) {
    public HostSession {
        Objects.requireNonNull(localCidr, "localCidr");
    }
}
