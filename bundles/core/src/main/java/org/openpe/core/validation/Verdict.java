package org.openpe.core.validation;

import java.util.List;

/** The outcome of validating one resource against itself and the rest of the configuration. */
public sealed interface Verdict {

    /** Every reason, each naming the resource; empty when valid. */
    default String message() {
        return "";
    }

    /** The resource can be applied. */
    record Valid() implements Verdict {}

    /** The resource is rejected; each reason names the resource, the field and the value. */
    record Invalid(List<String> reasons) implements Verdict {
        public Invalid {
            reasons = List.copyOf(reasons);
        }

        @Override
        public String message() {
            return String.join("; ", reasons);
        }
    }

    /**
     * The resource is valid but waits for another one.
     *
     * @param dependency what it waits for, e.g. {@code underlay default} or {@code node settings}
     */
    record Blocked(String dependency, String reason) implements Verdict {
        @Override
        public String message() {
            return reason;
        }
    }

    Verdict VALID = new Valid();
}
