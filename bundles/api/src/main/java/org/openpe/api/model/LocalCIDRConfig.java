package org.openpe.api.model;

import java.util.Objects;
import java.util.Optional;

/** The CIDRs of a host-session veth pair ({@code localcidr}); at least one is set. */
public record LocalCIDRConfig(Optional<String> ipv4, Optional<String> ipv6) {
    public LocalCIDRConfig {
        Objects.requireNonNull(ipv4, "ipv4");
        Objects.requireNonNull(ipv6, "ipv6");
    }
}
