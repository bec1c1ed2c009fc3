package org.openpe.core.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openpe.api.model.Resource;
import org.openpe.core.validation.Verdict;

/**
 * One configured resource and what validation made of it.
 *
 * @param properties its resource keys as configured (bookkeeping keys removed)
 * @param resource the resource as configured now, when its fields are valid
 * @param inForce what the engine must realise: {@code resource} when the verdict is valid, the
 *     previously accepted version when only an immutable field changed, else empty
 */
public record ResourceEntry(
        ResourceKey key,
        ConfigSource source,
        Map<String, Object> properties,
        Optional<Resource> resource,
        Optional<Resource> inForce,
        Verdict verdict) {

    public ResourceEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        properties = Map.copyOf(properties);
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(inForce, "inForce");
        Objects.requireNonNull(verdict, "verdict");
    }

    public boolean isValid() {
        return verdict instanceof Verdict.Valid;
    }
}
