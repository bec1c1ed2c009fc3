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
 * @param generation the generation of the configured version (the candidate)
 * @param resource the resource as configured now, when its fields are valid
 * @param realised what the engine must realise: {@code resource} when the verdict is valid, the
 *     version in force ({@code applied}) when the candidate is rejected, empty when blocked or when
 *     nothing was ever applied
 * @param applied the version in force (last accepted and applied), if any
 */
public record ResourceEntry(
        ResourceKey key,
        ConfigSource source,
        Map<String, Object> properties,
        long generation,
        Optional<Resource> resource,
        Optional<Resource> realised,
        Optional<AppliedVersion> applied,
        Verdict verdict) {

    public ResourceEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        properties = Map.copyOf(properties);
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(realised, "realised");
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(verdict, "verdict");
    }

    public boolean isValid() {
        return verdict instanceof Verdict.Valid;
    }

    /** Whether the candidate was rejected while an earlier version stays in force. */
    public boolean keepsAppliedVersion() {
        return verdict instanceof Verdict.Invalid && applied.isPresent() && realised.isPresent();
    }
}
