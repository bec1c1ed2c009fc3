package org.openpe.core.engine.kernel;

import org.openpe.api.kernel.Netns;

/** An unreachable route as the kernel reports it. */
public record ObservedRoute(Netns netns, int table, String destination, int protocol) {

    public boolean owned() {
        return protocol == Ownership.ROUTE_PROTOCOL;
    }
}
