package org.openpe.frr;

import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of one {@link FrrInstance#apply} request.
 *
 * @param message for {@link Outcome#FAILED}: FRR's own error text (passwords masked); otherwise a
 *     short description
 * @param finishedAt when the request completed
 * @param duration time spent rendering, testing and reloading (zero when superseded)
 */
public record ApplyResult(Outcome outcome, String message, Instant finishedAt, Duration duration) {

    public enum Outcome {
        /** FRR now runs the configuration. */
        APPLIED,
        /** FRR already ran exactly this configuration; nothing was touched. */
        UNCHANGED,
        /** FRR rejected the configuration; the one running before stays. */
        FAILED,
        /** A newer configuration was submitted before this one was applied; it was skipped. */
        SUPERSEDED
    }

    public boolean ok() {
        return outcome == Outcome.APPLIED || outcome == Outcome.UNCHANGED;
    }
}
