package org.openpe.core.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration to validate.
 *
 * @param properties the resource keys only (see {@link PropertyTree#resourceProperties(Map)})
 * @param generation increases with every change of the configuration's properties
 * @param applied the version in force, if any: it stays applied when this one is rejected, and the
 *     immutable-field rule compares against it
 * @param identityProblem why the configuration has no usable name (then {@code key} carries the PID)
 */
public record Candidate(
        ResourceKey key,
        ConfigSource source,
        Map<String, Object> properties,
        long generation,
        Optional<AppliedVersion> applied,
        Optional<String> identityProblem) {

    public Candidate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        properties = Map.copyOf(properties);
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(identityProblem, "identityProblem");
    }

    /** A first version: generation 1, nothing in force. */
    public static Candidate of(ResourceKey key, ConfigSource source, Map<String, ?> properties) {
        return new Candidate(key, source, PropertyTree.resourceProperties(properties), 1, Optional.empty(),
                Optional.empty());
    }
}
