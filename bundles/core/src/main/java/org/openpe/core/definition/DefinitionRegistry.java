package org.openpe.core.definition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openpe.api.Reconciler;
import org.openpe.api.definition.ResourceDefinition;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the {@link ResourceDefinition} services of the plugins (whiteboard), keyed by service
 * reference; per type the highest-ranked one is in use. Listeners hear of every change.
 */
@Component(service = {DefinitionRegistry.class, Definitions.class})
public class DefinitionRegistry implements Definitions {

    private static final Logger LOG = LoggerFactory.getLogger(DefinitionRegistry.class);

    /** Ordered by ranking, highest first (ServiceReference's natural order is ascending). */
    private final Map<ServiceReference<?>, ResourceDefinition<?, ?>> registered =
            new ConcurrentSkipListMap<>((a, b) -> b.compareTo(a));
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Reference(service = ResourceDefinition.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindDefinition(ServiceReference<ResourceDefinition<?, ?>> reference, ResourceDefinition<?, ?> definition) {
        Object property = reference.getProperty(Reconciler.RESOURCE_TYPE);
        if (!Objects.equals(property, definition.type().id())) {
            LOG.warn("ignoring the definition of {} resources: its {} property is '{}'", definition.type().id(),
                    Reconciler.RESOURCE_TYPE, property);
            return;
        }
        registered.put(reference, definition);
        LOG.info("definition of {} resources registered", definition.type().id());
        changed();
    }

    void unbindDefinition(ServiceReference<ResourceDefinition<?, ?>> reference) {
        if (registered.remove(reference) != null) {
            changed();
        }
    }

    /** Calls {@code listener} after every change of the definitions in use. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public Collection<ResourceDefinition<?, ?>> all() {
        Map<String, ResourceDefinition<?, ?>> byType = new TreeMap<>();
        registered.values().forEach(d -> byType.putIfAbsent(d.type().id(), d));
        return new ArrayList<>(byType.values());
    }

    /** The definitions in use now, fixed. */
    public Definitions current() {
        return Definitions.of(List.copyOf(all()));
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.error("Definition listener {} failed", listener, e);
            }
        }
    }
}
