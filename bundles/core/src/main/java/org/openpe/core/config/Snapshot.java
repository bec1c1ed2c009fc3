package org.openpe.core.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openpe.api.ResourceType;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;
import org.openpe.core.validation.NodeState;

/**
 * The desired state at one moment: the node settings and every configured resource with its
 * verdict, in the order they appeared. Immutable.
 */
public final class Snapshot {

    private final long revision;
    private final NodeState node;
    private final List<ResourceEntry> entries;
    /** The first entry of each identity, so that looking one up costs the same with thousands. */
    private final Map<ResourceKey, ResourceEntry> byKey = new HashMap<>();

    /** @param revision increases with every change */
    public Snapshot(long revision, NodeState node, List<ResourceEntry> entries) {
        this.revision = revision;
        this.node = Objects.requireNonNull(node, "node");
        this.entries = List.copyOf(entries);
        this.entries.forEach(e -> byKey.putIfAbsent(e.key(), e));
    }

    public long revision() {
        return revision;
    }

    public NodeState node() {
        return node;
    }

    public List<ResourceEntry> entries() {
        return entries;
    }

    /** The entry owning this identity (a later duplicate of the same type and name is rejected). */
    public Optional<ResourceEntry> entry(ResourceKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public List<ResourceEntry> entries(ResourceType type) {
        return entries.stream().filter(e -> e.key().type() == type).toList();
    }

    /** What the engine must realise, by identity, in order. */
    public Map<ResourceKey, Resource> realised() {
        Map<ResourceKey, Resource> result = new LinkedHashMap<>();
        entries.forEach(e -> e.realised().ifPresent(r -> result.putIfAbsent(e.key(), r)));
        return result;
    }

    /** The underlay to realise, if any. */
    public Optional<Underlay> underlay() {
        return realised().values().stream().filter(Underlay.class::isInstance).map(Underlay.class::cast).findFirst();
    }
}
