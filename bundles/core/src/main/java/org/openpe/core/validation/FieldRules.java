package org.openpe.core.validation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.openpe.api.ResourceType;
import org.openpe.api.definition.Problems;
import org.openpe.api.definition.ResourceDefinition;
import org.openpe.api.model.Resource;
import org.openpe.core.config.BindingException;
import org.openpe.core.config.Candidate;
import org.openpe.core.config.ResourceBinder;
import org.openpe.core.config.Specs.UnderlaySpec;
import org.openpe.core.definition.Defined;
import org.openpe.core.definition.Definitions;
import org.openpe.core.definition.UnboundResource;

/**
 * Binds one configuration and checks it on its own: the resource, or every reason it is invalid.
 * A configuration of a type no plugin defines stands as an {@link UnboundResource}.
 */
final class FieldRules {

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,252}$");

    private FieldRules() {}

    record Result(Resource resource, List<String> problems) {}

    static Result check(Candidate c, OptionalInt nodeIndex, Definitions definitions) {
        Problems p = new Problems(c.key().toString());
        if (c.identityProblem().isPresent()) {
            p.add(c.identityProblem().get());
            return new Result(null, p.messages());
        }
        String name = c.key().name();
        if (!NAME.matcher(name).matches()) {
            p.add("the name '" + name + "' may only contain letters, digits, '.', '_' and '-' and must start with"
                    + " a letter or digit");
            return new Result(null, p.messages());
        }
        ResourceType type = c.key().type();
        Optional<ResourceDefinition<?, ?>> definition = definitions.of(type);
        if (!type.equals(ResourceType.UNDERLAY) && definition.isEmpty()) {
            return new Result(new UnboundResource(type, name), List.of());
        }
        Object spec;
        try {
            spec = ResourceBinder.bind(definition.<Class<?>>map(ResourceDefinition::specClass).orElse(UnderlaySpec.class),
                    c.properties());
        } catch (BindingException e) {
            p.add(e.getMessage());
            return new Result(null, p.messages());
        }
        Resource resource = definition.isPresent()
                ? Defined.resource(definition.get(), name, spec, p, nodeIndex)
                : UnderlayRules.check(name, (UnderlaySpec) spec, p, nodeIndex);
        return new Result(p.isEmpty() ? resource : null, p.messages());
    }
}
