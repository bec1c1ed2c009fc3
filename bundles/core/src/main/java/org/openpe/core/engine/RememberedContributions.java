package org.openpe.core.engine;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openpe.api.Contribution;
import org.openpe.api.Reconciler;
import org.openpe.api.model.Resource;
import org.openpe.core.config.ResourceKey;

/**
 * The last contribution each plugin made for each resource version. While a plugin is away (its
 * bundle stopped, being updated or refreshed), its resources contribute what they did before, so
 * that a pass stays complete: the other resources' changes, removals and FRR configuration still
 * apply, and nothing of the away plugin's resources changes.
 */
final class RememberedContributions {

    private record Remembered(Resource resource, Contribution contribution) {}

    private final Map<ResourceKey, Remembered> remembered = new ConcurrentHashMap<>();

    /** The plugin itself, remembering what it contributes. */
    Reconciler recording(Reconciler plugin) {
        return (resource, node) -> {
            Contribution contribution = plugin.contribute(resource, node);
            remembered.put(key(resource), new Remembered(resource, contribution));
            return contribution;
        };
    }

    /** Stands in for an away plugin, for the resource versions it contributed for. */
    Reconciler replaying() {
        return (resource, node) -> recall(resource).orElseThrow(() -> new IllegalStateException(
                key(resource) + ": its plugin is away and never contributed for this version"));
    }

    boolean remembers(Resource resource) {
        return recall(resource).isPresent();
    }

    /** Forgets the resources no longer configured. */
    void retain(Collection<ResourceKey> configured) {
        remembered.keySet().retainAll(configured);
    }

    private Optional<Contribution> recall(Resource resource) {
        return Optional.ofNullable(remembered.get(key(resource))).filter(r -> r.resource().equals(resource))
                .map(Remembered::contribution);
    }

    private static ResourceKey key(Resource resource) {
        return new ResourceKey(resource.type(), resource.name());
    }
}
