package org.openpe.core.engine;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openpe.core.config.ResourceKey;

/**
 * Candidates the engine rejected (they could not be built, or FRR refused them), by resource.
 * A rejected candidate is not tried again until its configuration changes (a new generation) or
 * its back-off has passed; each repeated rejection doubles the back-off.
 */
final class CandidateRejections {

    /** @param retryAt when the same generation may be tried again */
    record Rejection(long generation, String reason, int attempts, Instant retryAt) {}

    private final Map<ResourceKey, Rejection> rejections = new ConcurrentHashMap<>();

    void reject(ResourceKey key, long generation, String reason, Instant now) {
        Rejection before = rejections.get(key);
        int attempts = before != null && before.generation() == generation ? before.attempts() + 1 : 1;
        rejections.put(key, new Rejection(generation, reason, attempts, now.plus(BackOff.after(attempts))));
    }

    /** Whether this generation is rejected and its back-off has not passed yet. */
    boolean holdsBack(ResourceKey key, long generation, Instant now) {
        Rejection r = rejections.get(key);
        return r != null && r.generation() == generation && now.isBefore(r.retryAt());
    }

    /** Why this generation was rejected, if it was. */
    Optional<String> reason(ResourceKey key, long generation) {
        return Optional.ofNullable(rejections.get(key)).filter(r -> r.generation() == generation).map(Rejection::reason);
    }

    void accepted(ResourceKey key) {
        rejections.remove(key);
    }

    /** Forgets the resources no longer configured. */
    void retain(Collection<ResourceKey> configured) {
        rejections.keySet().retainAll(configured);
    }
}
