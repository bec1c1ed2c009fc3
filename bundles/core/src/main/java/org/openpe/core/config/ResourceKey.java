package org.openpe.core.config;

import java.util.Comparator;
import java.util.Objects;
import org.openpe.api.ResourceType;

/** The identity of a resource: its type and name. Never a config admin PID. */
public record ResourceKey(ResourceType type, String name) implements Comparable<ResourceKey> {

    private static final Comparator<ResourceKey> ORDER =
            Comparator.comparing(ResourceKey::type).thenComparing(ResourceKey::name);

    public ResourceKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(ResourceKey other) {
        return ORDER.compare(this, other);
    }

    /** {@code underlay default}: how messages name a resource (type id, then name). */
    @Override
    public String toString() {
        return type.id() + " " + name;
    }
}
