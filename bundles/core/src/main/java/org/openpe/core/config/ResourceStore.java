package org.openpe.core.config;

import java.util.Map;
import java.util.Optional;

/**
 * The desired state, tracked live from config admin. Listeners are called after every change, on
 * the thread that processed it, while the store holds its lock: they must return quickly (hand the
 * snapshot to another thread) and coalesce bursts themselves.
 */
public interface ResourceStore {

    Snapshot current();

    /**
     * Resolves the node index again without a configuration change (the address of the node index
     * interface came, went or changed); publishes a new snapshot only when the node state changed.
     */
    Snapshot revalidate();

    /** Why the versions in force could not be kept on disk last time they changed (a full disk), if so. */
    default Optional<String> persistenceProblem() {
        return Optional.empty();
    }

    /**
     * Records that the engine applied these generations (resource to generation): each becomes
     * its resource's version in force, kept across restarts. Generations no longer configured, or
     * not valid, are ignored. Publishes a new snapshot when anything changed.
     */
    void markApplied(Map<ResourceKey, Long> generations);

    /** Adds a listener for later changes; it is not called with the current snapshot (read {@link #current()}). */
    void addListener(SnapshotListener listener);

    void removeListener(SnapshotListener listener);

    /** Called with each new snapshot. */
    @FunctionalInterface
    interface SnapshotListener {
        void changed(Snapshot snapshot);
    }
}
