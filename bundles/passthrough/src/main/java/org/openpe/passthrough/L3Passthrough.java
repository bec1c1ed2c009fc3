package org.openpe.passthrough;

import java.util.Objects;
import org.openpe.api.ResourceType;
import org.openpe.api.model.HostSession;
import org.openpe.api.model.Resource;

/**
 * A plain BGP session between the host and the router's default BGP instance over the
 * {@code pt-host}/{@code pt-ns} veth pair, without encapsulation. Its {@code hostAsn} is the remote
 * AS in the default instance, whose local AS is the underlay's.
 */
public record L3Passthrough(String name, HostSession hostSession) implements Resource {

    public static final ResourceType TYPE = new ResourceType("l3passthrough", "L3Passthrough");

    public L3Passthrough {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hostSession, "hostSession");
    }

    @Override
    public ResourceType type() {
        return TYPE;
    }
}
