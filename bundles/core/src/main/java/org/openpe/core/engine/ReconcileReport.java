package org.openpe.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openpe.core.config.ResourceKey;

/**
 * What one reconcile did.
 *
 * @param changes every change made, in order, one line each
 * @param failures object or step to the error that stopped it
 * @param frr the outcome of applying the FRR configuration
 * @param appliedGenerations the candidates this pass applied: resource to generation
 */
public record ReconcileReport(Instant finishedAt, Duration duration, List<String> changes, Map<String, String> failures,
        String frr, Map<ResourceKey, Long> appliedGenerations) {

    public ReconcileReport {
        changes = List.copyOf(changes);
        failures = Map.copyOf(failures);
        appliedGenerations = Map.copyOf(appliedGenerations);
    }
}
