package org.openpe.core.definition;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.definition.Claims;
import org.openpe.api.definition.FieldChange;
import org.openpe.api.definition.Problems;
import org.openpe.api.definition.ResourceDefinition;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;

/**
 * Calls a {@link ResourceDefinition} with a resource or spec of unknown class, checking the class,
 * so that the core handles every type through one wildcard-typed definition.
 */
public final class Defined {

    private Defined() {}

    public static <S, R extends Resource> Resource resource(ResourceDefinition<S, R> d, String name, Object spec,
            Problems p, OptionalInt nodeIndex) {
        return d.resource(name, d.specClass().cast(spec), p, nodeIndex);
    }

    public static <R extends Resource> void claim(ResourceDefinition<?, R> d, Resource r, Claims claims) {
        model(d, r).ifPresent(m -> d.claim(m, claims));
    }

    public static <R extends Resource> Optional<FieldChange> immutableChange(ResourceDefinition<?, R> d,
            Resource before, Resource after) {
        Optional<R> b = model(d, before);
        Optional<R> a = model(d, after);
        return b.isPresent() && a.isPresent() ? d.immutableChange(b.get(), a.get()) : Optional.empty();
    }

    public static <R extends Resource> Map<String, Object> view(ResourceDefinition<?, R> d, Resource r) {
        return model(d, r).map(d::view).orElse(Map.of());
    }

    public static <R extends Resource> Map<String, String> allocations(ResourceDefinition<?, R> d, Resource r,
            int nodeIndex, Optional<Underlay> underlay) {
        return model(d, r).map(m -> d.allocations(m, nodeIndex, underlay)).orElse(Map.of());
    }

    private static <R extends Resource> Optional<R> model(ResourceDefinition<?, R> d, Resource r) {
        return d.modelClass().isInstance(r) ? Optional.of(d.modelClass().cast(r)) : Optional.empty();
    }
}
