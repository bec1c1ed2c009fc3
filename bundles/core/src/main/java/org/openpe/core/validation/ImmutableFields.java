package org.openpe.core.validation;

import java.util.Optional;
import org.openpe.api.definition.FieldChange;
import org.openpe.api.model.Resource;
import org.openpe.core.config.Candidate;
import org.openpe.core.definition.Defined;
import org.openpe.core.definition.Definitions;

/**
 * Fields that cannot change on an existing resource (spec section 3), as its type's definition
 * names them: the version in force stays, the candidate is rejected.
 */
final class ImmutableFields {

    private ImmutableFields() {}

    /** The problem when {@code now} changes an immutable field of the candidate's previous version. */
    static Optional<String> check(Candidate c, Optional<Resource> now, Definitions definitions) {
        if (c.applied().isEmpty() || now.isEmpty()) {
            return Optional.empty();
        }
        Resource before = c.applied().get().resource();
        Resource after = now.get();
        return definitions.of(c.key().type())
                .flatMap(d -> Defined.immutableChange(d, before, after))
                .map(change -> changed(c, change));
    }

    private static String changed(Candidate c, FieldChange change) {
        return c.key() + ": '" + change.key() + "' cannot be changed on an existing resource (was " + change.before()
                + ", now " + change.after() + "); delete " + c.key() + " and create it again to change it."
                + " The previous configuration stays in force";
    }
}
