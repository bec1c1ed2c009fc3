package org.openpe.l2vni;

import java.util.Objects;
import java.util.Optional;

/**
 * The host interface an L2VNI's host-side veth is enslaved to: an existing one ({@code name}) or
 * {@code br-hs-<VNI>} created by the router ({@code autocreate}).
 *
 * @param type always {@value #BRIDGE}
 */
public record HostMaster(Optional<String> name, String type, boolean autoCreate) {

    public static final String BRIDGE = "bridge";

    public HostMaster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
