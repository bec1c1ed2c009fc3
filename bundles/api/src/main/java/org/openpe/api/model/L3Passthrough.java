package org.openpe.api.model;

import java.util.Objects;
import org.openpe.api.ResourceType;

/**
 * A plain BGP session between the host and the router's default BGP instance over the
 * {@code pt-host}/{@code pt-ns} veth pair, without encapsulation. Its {@code hostAsn} is the remote
 * AS in the default instance, whose local AS is the underlay's.
 */
public record L3Passthrough(String name, HostSession hostSession) implements Resource {

    public L3Passthrough {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hostSession, "hostSession");
    }

    @Override
    public ResourceType type() {
        return ResourceType.L3PASSTHROUGH;
    }
}
