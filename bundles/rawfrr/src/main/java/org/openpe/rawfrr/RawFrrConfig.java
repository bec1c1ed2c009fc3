package org.openpe.rawfrr;

import org.openpe.api.ResourceType;
import org.openpe.api.frr.RawSnippet;
import org.openpe.api.model.Resource;

/**
 * A RawFRRConfig: FRR configuration text appended to the rendered configuration, by priority.
 *
 * @param priority 0 or more; lower first, equal ones by name
 * @param rawConfig the FRR configuration text
 */
public record RawFrrConfig(String name, int priority, String rawConfig) implements Resource {

    public static final ResourceType TYPE = new ResourceType("rawfrrconfig", "RawFRRConfig");
    static final String RAW_CONFIG = "rawConfig";
    static final String PRIORITY = "priority";

    @Override
    public ResourceType type() {
        return TYPE;
    }

    /** The text as the FRR model takes it, owned by this resource and naming its key. */
    public RawSnippet snippet() {
        return new RawSnippet(TYPE.id() + " " + name, RAW_CONFIG, priority, rawConfig);
    }
}
