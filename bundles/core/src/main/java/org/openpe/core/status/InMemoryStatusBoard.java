package org.openpe.core.status;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.openpe.core.config.ResourceKey;
import org.osgi.service.component.annotations.Component;

/** The {@link StatusBoard} service. */
@Component(service = StatusBoard.class)
public class InMemoryStatusBoard implements StatusBoard {

    private final Map<ResourceKey, ResourceStatus> statuses = new ConcurrentHashMap<>();
    private final AtomicReference<NodeStatus> node = new AtomicReference<>(NodeStatus.UNKNOWN);

    @Override
    public Optional<ResourceStatus> status(ResourceKey key) {
        return Optional.ofNullable(statuses.get(key));
    }

    @Override
    public Map<ResourceKey, ResourceStatus> all() {
        return Collections.unmodifiableMap(new TreeMap<>(statuses));
    }

    @Override
    public void set(ResourceKey key, ResourceStatus status) {
        statuses.merge(key, status, (old, now) -> old.sameAs(now) ? old : now);
    }

    @Override
    public void remove(ResourceKey key) {
        statuses.remove(key);
    }

    @Override
    public NodeStatus node() {
        return node.get();
    }

    @Override
    public void updateNode(UnaryOperator<NodeStatus> change) {
        node.updateAndGet(change);
    }
}
