package org.openpe.core.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openpe.api.model.Resource;

/**
 * One configuration to validate.
 *
 * @param properties the resource keys only (see {@link PropertyTree#resourceProperties(Map)})
 * @param previous the version accepted before this one, for the immutable-field rule
 * @param identityProblem why the configuration has no usable name (then {@code key} carries the PID)
 */
public record Candidate(
        ResourceKey key,
        ConfigSource source,
        Map<String, Object> properties,
        Optional<Resource> previous,
        Optional<String> identityProblem) {

    public Candidate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        properties = Map.copyOf(properties);
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(identityProblem, "identityProblem");
    }

    public static Candidate of(ResourceKey key, ConfigSource source, Map<String, ?> properties) {
        return new Candidate(key, source, PropertyTree.resourceProperties(properties), Optional.empty(), Optional.empty());
    }
}
