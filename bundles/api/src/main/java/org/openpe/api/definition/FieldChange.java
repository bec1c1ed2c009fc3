package org.openpe.api.definition;

import java.util.Objects;

/**
 * A change of a field that may not change on an existing resource.
 *
 * @param key the configuration key, e.g. {@code hostsession.localcidr}
 * @param before the value in force, as shown to the operator
 * @param after the value asked for
 */
public record FieldChange(String key, String before, String after) {
    public FieldChange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
