package org.openpe.core.status;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The status of one resource, for one generation of its configuration.
 *
 * @param state the state of what is realised: {@code APPLIED} also when the candidate
 *     {@code generation} is rejected and an earlier version stays applied
 * @param message why it is not applied (empty for {@code APPLIED}; for {@code PENDING}, what it waits for if
 *     it waits for more than the next pass)
 * @param dependency for {@code BLOCKED}: what it waits for, e.g. {@code underlay default}
 * @param since when the resource entered this state
 * @param generation the generation of the configuration this status reflects
 * @param appliedGeneration the generation in force, if any
 * @param rejection why {@code generation} was rejected while {@code appliedGeneration} stays applied
 */
public record ResourceStatus(ResourceState state, String message, Optional<String> dependency, Instant since,
        long generation, OptionalLong appliedGeneration, Optional<String> rejection) {

    public ResourceStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(appliedGeneration, "appliedGeneration");
        Objects.requireNonNull(rejection, "rejection");
    }

    public static ResourceStatus pending(long generation, OptionalLong applied) {
        return pending(generation, applied, "");
    }

    public static ResourceStatus pending(long generation, OptionalLong applied, String reason) {
        return of(ResourceState.PENDING, reason, generation, applied);
    }

    public static ResourceStatus applied(long generation) {
        return of(ResourceState.APPLIED, "", generation, OptionalLong.of(generation));
    }

    /** The version in force ({@code applied}) stays applied; the candidate {@code generation} is rejected. */
    public static ResourceStatus keptApplied(long generation, long applied, String rejection) {
        return new ResourceStatus(ResourceState.APPLIED, "", Optional.empty(), Instant.now(), generation,
                OptionalLong.of(applied), Optional.of(rejection));
    }

    public static ResourceStatus invalid(long generation, String message) {
        return of(ResourceState.INVALID, message, generation, OptionalLong.empty());
    }

    public static ResourceStatus blocked(long generation, String dependency, String message) {
        return new ResourceStatus(ResourceState.BLOCKED, message, Optional.of(dependency), Instant.now(), generation,
                OptionalLong.empty(), Optional.empty());
    }

    public static ResourceStatus failed(long generation, OptionalLong applied, String message) {
        return of(ResourceState.FAILED, message, generation, applied);
    }

    public static ResourceStatus unsupported(long generation, OptionalLong applied, String message) {
        return of(ResourceState.UNSUPPORTED, message, generation, applied);
    }

    private static ResourceStatus of(ResourceState state, String message, long generation, OptionalLong applied) {
        return new ResourceStatus(state, message, Optional.empty(), Instant.now(), generation, applied, Optional.empty());
    }

    /** Everything but the time is the same. */
    public boolean sameAs(ResourceStatus other) {
        return state == other.state && message.equals(other.message) && dependency.equals(other.dependency)
                && generation == other.generation && appliedGeneration.equals(other.appliedGeneration)
                && rejection.equals(other.rejection);
    }

    /** {@code Pending}, {@code Invalid}, ... as spec section 7 names them. */
    public String stateName() {
        String n = state.name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** What the status column shows, e.g. {@code Applied (generation 3)}. */
    public String label() {
        String name = stateName();
        if (state == ResourceState.APPLIED) {
            return name + " (generation " + appliedGeneration.orElse(generation) + ")";
        }
        return appliedGeneration.isPresent() ? name + " (generation " + generation + "; generation "
                + appliedGeneration.getAsLong() + " in force)" : name;
    }

    /** What the reason column shows: the rejection of the candidate, or the message. */
    public String reason() {
        return rejection.map(r -> "generation " + generation + " rejected: " + r).orElse(message);
    }
}
