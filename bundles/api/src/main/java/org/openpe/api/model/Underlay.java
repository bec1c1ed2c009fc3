package org.openpe.api.model;

import org.openpe.api.ResourceType;

/** Placeholder until the resource model lands (issue 3). */
public record Underlay(String name, long asn) implements Resource {
    @Override
    public ResourceType type() {
        return ResourceType.UNDERLAY;
    }
}
