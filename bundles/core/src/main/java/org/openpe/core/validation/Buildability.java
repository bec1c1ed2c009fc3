package org.openpe.core.validation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.openpe.api.Contribution;
import org.openpe.api.ReconcileException;
import org.openpe.api.frr.FrrConfig;
import org.openpe.api.model.Resource;
import org.openpe.api.model.Underlay;
import org.openpe.core.underlay.UnderlayTranslator;

/**
 * "Valid" means "buildable": the underlay, which the core translates itself, is built into its
 * kernel objects and its FRR model here, so that whatever the FRR model refuses is a validation
 * problem of this resource instead of an exception in a reconcile pass. The plugins' resources are
 * built by the engine, which rejects a candidate that fails there the same way.
 */
final class Buildability {

    private Buildability() {}

    static Optional<String> problem(Resource resource, OptionalInt nodeIndex) {
        if (!(resource instanceof Underlay underlay) || nodeIndex.isEmpty()) {
            return Optional.empty();
        }
        try {
            Contribution contribution = UnderlayTranslator.contribution(underlay, nodeIndex.getAsInt());
            new FrrConfig("validation", "informational", List.of(), contribution.frr().bfdProfiles(),
                    Optional.of(UnderlayTranslator.defaultRouter(underlay, nodeIndex.getAsInt())), List.of());
            return Optional.empty();
        } catch (ReconcileException | RuntimeException e) {
            return Optional.of("cannot be built into its FRR configuration: " + e.getMessage());
        }
    }
}
