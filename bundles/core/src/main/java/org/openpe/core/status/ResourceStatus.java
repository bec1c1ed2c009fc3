package org.openpe.core.status;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The status of one resource.
 *
 * @param message why it is not applied (empty for {@code APPLIED}; for {@code PENDING}, what it waits for if
 *     it waits for more than the next pass)
 * @param dependency for {@code BLOCKED}: what it waits for, e.g. {@code underlay default}
 * @param since when the resource entered this state
 */
public record ResourceStatus(ResourceState state, String message, Optional<String> dependency, Instant since) {

    public ResourceStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(since, "since");
    }

    public static ResourceStatus pending() {
        return pending("");
    }

    public static ResourceStatus pending(String reason) {
        return of(ResourceState.PENDING, reason);
    }

    public static ResourceStatus applied() {
        return of(ResourceState.APPLIED, "");
    }

    public static ResourceStatus invalid(String message) {
        return of(ResourceState.INVALID, message);
    }

    public static ResourceStatus blocked(String dependency, String message) {
        return new ResourceStatus(ResourceState.BLOCKED, message, Optional.of(dependency), Instant.now());
    }

    public static ResourceStatus failed(String message) {
        return of(ResourceState.FAILED, message);
    }

    public static ResourceStatus unsupported(String message) {
        return of(ResourceState.UNSUPPORTED, message);
    }

    private static ResourceStatus of(ResourceState state, String message) {
        return new ResourceStatus(state, message, Optional.empty(), Instant.now());
    }

    /** Same state, message and dependency, whatever the time. */
    public boolean sameAs(ResourceStatus other) {
        return state == other.state && message.equals(other.message) && dependency.equals(other.dependency);
    }
}
