package org.openpe.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openpe.api.ResourceType;

/**
 * One resource read from a reference YAML manifest, as the properties of its {@code .cfg} file.
 *
 * @param origin where it came from, e.g. {@code underlay.yaml document 1}
 * @param properties dotted keys in manifest order, values as text
 */
public record ImportedResource(ResourceType type, String name, String origin, Map<String, String> properties) {

    public ImportedResource {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** {@code org.openpe.<type>-<name>.cfg} */
    public String fileName() {
        return type.factoryPid() + "-" + name + ".cfg";
    }
}
