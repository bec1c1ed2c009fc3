package org.openpe.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openpe.api.ResourceType;

/**
 * Which resource types wait for their plugin, and why. While a type waits, what its resources
 * created stays as it is; a type that no longer waits has no plugin and its resources are
 * {@code Unsupported}.
 *
 * <p>A plugin is awaited while a bundle declaring it is installed (it is stopped, or being updated
 * or refreshed), and, for plugins that do not declare themselves, for a grace period after the
 * core started or after the plugin's service went away.
 */
final class AwaitedPlugins {

    private AwaitedPlugins() {
    }

    /**
     * @param types the types to consider: those configured, declared by an installed bundle or gone
     * @param registered types whose reconciler is registered
     * @param installedBundles for each type, the installed bundle(s) declaring its plugin
     * @param goneSince when each type's reconciler went away, for types it did
     */
    static Map<ResourceType, String> of(Set<ResourceType> types, Set<ResourceType> registered, Map<ResourceType, String> installedBundles,
            Map<ResourceType, Instant> goneSince, Instant activatedAt, Duration grace, Instant now) {
        Map<ResourceType, String> awaited = new TreeMap<>();
        for (ResourceType type : types) {
            if (type.equals(ResourceType.UNDERLAY) || registered.contains(type)) {
                continue;
            }
            String bundle = installedBundles.get(type);
            Instant since = goneSince.getOrDefault(type, activatedAt);
            if (bundle != null) {
                awaited.put(type, "waiting for the " + type.id() + " plugin, bundle " + bundle
                        + ": what its resources created is kept until it starts or is uninstalled");
            } else if (Duration.between(since, now).compareTo(grace) < 0) {
                awaited.put(type, "waiting up to " + grace.toSeconds() + " s for the " + type.id() + " plugin");
            }
        }
        return awaited;
    }
}
