package org.openpe.core.engine.kernel;

import org.openpe.api.kernel.Link;

/** A device as the kernel reports it, in the vocabulary of the desired state. */
public record ObservedLink(Link link, int index, int group) {

    public boolean owned() {
        return group == Ownership.LINK_GROUP;
    }

    public String name() {
        return link.name();
    }
}
