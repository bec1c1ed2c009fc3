package org.openpe.core.engine;

import java.util.Optional;
import org.openpe.api.model.Resource;
import org.openpe.core.config.AppliedVersion;
import org.openpe.core.config.ResourceEntry;

/**
 * The version of a resource a pass realises: its candidate (the configured generation) or the
 * version in force.
 */
record Choice(ResourceEntry entry, Resource resource, boolean candidate) {

    /** The version in force, to realise when this candidate is rejected; empty when nothing is in force. */
    Optional<Choice> fallback() {
        return candidate ? entry.applied().map(a -> new Choice(entry, a.resource(), false)) : Optional.empty();
    }

    /** Whether realising it changes what is in force: a suspect when FRR refuses a configuration. */
    boolean changesWhatIsInForce() {
        return candidate && !entry.applied().map(AppliedVersion::resource).equals(Optional.of(resource));
    }
}
