package org.openpe.api.model;

import org.openpe.api.ResourceType;

/** One configured resource instance, identified by its type and name. Implementations are immutable. */
public interface Resource {

    /** The resource name: the part after the dash in the .cfg file name, or an explicit {@code name} property. */
    String name();

    ResourceType type();
}
