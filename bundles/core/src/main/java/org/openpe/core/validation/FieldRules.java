package org.openpe.core.validation;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.openpe.api.ResourceType;
import org.openpe.api.model.Resource;
import org.openpe.core.config.BindingException;
import org.openpe.core.config.Candidate;
import org.openpe.core.config.ResourceBinder;
import org.openpe.core.config.Specs.L2VniSpec;
import org.openpe.core.config.Specs.L3PassthroughSpec;
import org.openpe.core.config.Specs.L3VniSpec;
import org.openpe.core.config.Specs.UnderlaySpec;

/** Binds one configuration and checks it on its own: the resource, or every reason it is invalid. */
final class FieldRules {

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,252}$");

    private FieldRules() {}

    record Result(Resource resource, List<String> problems) {}

    static Result check(Candidate c, OptionalInt nodeIndex) {
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
        Object spec;
        try {
            spec = ResourceBinder.bind(c.key().type(), c.properties());
        } catch (BindingException e) {
            p.add(e.getMessage());
            return new Result(null, p.messages());
        }
        Resource resource = check(c.key().type(), name, spec, p, nodeIndex);
        return new Result(p.isEmpty() ? resource : null, p.messages());
    }

    private static Resource check(ResourceType type, String name, Object spec, Problems p, OptionalInt nodeIndex) {
        return type.equals(ResourceType.UNDERLAY) ? UnderlayRules.check(name, (UnderlaySpec) spec, p, nodeIndex)
                : type.equals(ResourceType.L3VNI) ? VniRules.l3vni(name, (L3VniSpec) spec, p, nodeIndex)
                : type.equals(ResourceType.L2VNI) ? VniRules.l2vni(name, (L2VniSpec) spec, p)
                : VniRules.passthrough(name, (L3PassthroughSpec) spec, p, nodeIndex);
    }
}
