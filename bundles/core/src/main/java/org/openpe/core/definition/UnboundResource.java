package org.openpe.core.definition;

import java.util.Objects;
import org.openpe.api.ResourceType;
import org.openpe.api.model.Resource;

/**
 * A configured resource of a type no plugin defines now: its fields cannot be checked or realised.
 * It stands for the configuration so that its type's objects are kept while the plugin is away and
 * removed ({@code Unsupported}) while it is uninstalled; the configuration comes back to life when
 * a definition of the type is registered again.
 */
public record UnboundResource(ResourceType type, String name) implements Resource {
    public UnboundResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }
}
