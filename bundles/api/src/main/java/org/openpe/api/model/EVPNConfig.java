package org.openpe.api.model;

import java.util.Objects;

/** The EVPN part of the underlay: the CIDR every node's VTEP address is allocated from ({@code vtepcidr}). */
public record EVPNConfig(String vtepCidr) {
    public EVPNConfig {
        Objects.requireNonNull(vtepCidr, "vtepCidr");
    }
}
