package org.openpe.rawfrr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.openpe.api.Reconciler;
import org.openpe.api.ResourceType;
import org.openpe.api.definition.Dependency;
import org.openpe.api.definition.Problems;
import org.openpe.api.definition.ResourceDefinition;
import org.osgi.service.component.annotations.Component;

/**
 * RawFRRConfig (upstream's v0.3.0 resource): factory PID {@code org.openpe.rawfrrconfig}, keys
 * {@code rawConfig} (required) and {@code priority} (0 or more, default 0). Whether FRR takes the
 * text is FRR's to say: it checks the whole rendered configuration before it is applied, and a
 * snippet it refuses is rejected with FRR's message (see the FRR bundle).
 */
@Component(property = Reconciler.RESOURCE_TYPE + "=rawfrrconfig")
public class RawFrrDefinition implements ResourceDefinition<RawFrrConfigSpec, RawFrrConfig> {

    @Override
    public ResourceType type() {
        return RawFrrConfig.TYPE;
    }

    @Override
    public Class<RawFrrConfigSpec> specClass() {
        return RawFrrConfigSpec.class;
    }

    @Override
    public Class<RawFrrConfig> modelClass() {
        return RawFrrConfig.class;
    }

    /** FRR runs with or without an underlay: a snippet needs nothing else in force. */
    @Override
    public Dependency dependency() {
        return Dependency.NONE;
    }

    @Override
    public RawFrrConfig resource(String name, RawFrrConfigSpec spec, Problems problems, OptionalInt nodeIndex) {
        String text = problems.required(RawFrrConfig.RAW_CONFIG, spec.rawConfig());
        Long priority = problems.range(RawFrrConfig.PRIORITY, spec.priority(), 0, Integer.MAX_VALUE);
        if (text != null && text.isBlank()) {
            problems.add("'" + RawFrrConfig.RAW_CONFIG + "' is empty: a raw FRR snippet needs at least one line");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new RawFrrConfig(name, priority == null ? 0 : priority.intValue(), text);
    }

    @Override
    public Map<String, Object> view(RawFrrConfig resource) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(RawFrrConfig.PRIORITY, resource.priority());
        view.put(RawFrrConfig.RAW_CONFIG, resource.snippet().text());
        return view;
    }
}
