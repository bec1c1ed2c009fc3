package org.openpe.core.definition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openpe.api.ResourceType;
import org.openpe.api.definition.ResourceDefinition;

/** The resource definitions registered by the plugins, at one moment; the core's only source of per-type knowledge. */
public interface Definitions {

    /** Every registered definition, by type id. */
    Collection<ResourceDefinition<?, ?>> all();

    /** The definition of a type, when its plugin registered one. */
    default Optional<ResourceDefinition<?, ?>> of(ResourceType type) {
        return all().stream().filter(d -> d.type().equals(type)).findFirst();
    }

    /** The underlay and every registered type, the underlay first. */
    default List<ResourceType> types() {
        return Stream.concat(Stream.of(ResourceType.UNDERLAY), all().stream().map(ResourceDefinition::type))
                .distinct().sorted().toList();
    }

    default Optional<ResourceType> byId(String id) {
        return types().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    default Optional<ResourceType> byKind(String kind) {
        return types().stream().filter(t -> t.kind().equals(kind)).findFirst();
    }

    /** A fixed set, for tools and tests. */
    static Definitions of(List<? extends ResourceDefinition<?, ?>> definitions) {
        List<ResourceDefinition<?, ?>> sorted = new ArrayList<>(definitions);
        sorted.sort(Comparator.comparing(d -> d.type()));
        return () -> sorted;
    }

    /**
     * The type a resource factory PID names: the registered one, else one known only by its id
     * ({@code org.openpe.<id>}, its plugin not installed).
     */
    default Optional<ResourceType> byFactoryPid(String factoryPid) {
        return ResourceType.idOfFactoryPid(factoryPid)
                .map(id -> byId(id).orElseGet(() -> unknown(id)));
    }

    /** A type known by its id only; it equals the registered one of that id. */
    static ResourceType unknown(String id) {
        return new ResourceType(id, id);
    }
}
