package org.openpe.core.config;

import java.util.Objects;
import org.openpe.api.model.Resource;

/**
 * The version of a resource in force: the last one accepted and applied.
 *
 * @param generation the generation of the configuration it came from
 */
public record AppliedVersion(long generation, Resource resource) {

    public AppliedVersion {
        Objects.requireNonNull(resource, "resource");
    }
}
