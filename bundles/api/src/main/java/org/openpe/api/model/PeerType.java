package org.openpe.api.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A BGP peer given by its relation instead of its AS number ({@code type} of a neighbor,
 * {@code hosttype} of a host session): {@code internal} is the local AS (iBGP), {@code external}
 * any other AS (eBGP, learned from the peer's OPEN).
 */
public enum PeerType {
    INTERNAL,
    EXTERNAL;

    /** {@code internal} or {@code external}: the configuration value and FRR's {@code remote-as} keyword. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named by {@code keyword}, exactly {@code internal} or {@code external}. */
    public static Optional<PeerType> byKeyword(String keyword) {
        for (PeerType t : values()) {
            if (t.keyword().equals(keyword)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
