package org.openpe.core.engine;

import java.time.Instant;
import java.util.Optional;
import org.openpe.api.frr.FrrConfig;
import org.openpe.frr.ApplyResult;

/**
 * The last configuration FRR refused. It is not applied again until its back-off has passed,
 * which doubles with every refusal of the same configuration: a refused configuration is not
 * tried on every pass (each try applies part of it and rolls it back, flapping sessions).
 */
final class FrrRefusal {

    private FrrConfig config;
    private ApplyResult result;
    private int attempts;
    private Instant retryAt = Instant.MIN;

    synchronized void refused(FrrConfig refused, ApplyResult refusal, Instant now) {
        attempts = refused.equals(config) ? attempts + 1 : 1;
        config = refused;
        result = refusal;
        retryAt = now.plus(BackOff.after(attempts));
    }

    /** The refusal to report instead of applying {@code candidate} again, while its back-off runs. */
    synchronized Optional<ApplyResult> holdsBack(FrrConfig candidate, Instant now) {
        return candidate.equals(config) && now.isBefore(retryAt) ? Optional.of(result) : Optional.empty();
    }

    synchronized void clear() {
        config = null;
        result = null;
        attempts = 0;
    }
}
