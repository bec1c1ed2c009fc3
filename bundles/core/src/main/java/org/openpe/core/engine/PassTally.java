package org.openpe.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openpe.frr.ApplyResult;

/** What one pass did, counted for {@link EngineCounters}; used by the reconcile thread only. */
final class PassTally {

    int kernelChanges;
    int netlinkErrors;
    int zebraAddressRepairs;
    int frrUnavailable;
    final Map<ApplyResult.Outcome, Integer> frrApplies = new EnumMap<>(ApplyResult.Outcome.class);
    /** The applies that reached FRR (applied, or refused by it) and the time they took. */
    int frrAppliesTimed;
    Duration frrApplyTime = Duration.ZERO;
    /** Milliseconds per step of the pass, in order: where a slow pass spends its time (logged with it). */
    final Map<String, Long> stepMillis = new LinkedHashMap<>();
    private Instant stepStart = Instant.now();

    /** Ends the current step, counting the time since the previous one ended. */
    void step(String name) {
        Instant now = Instant.now();
        stepMillis.merge(name, Duration.between(stepStart, now).toMillis(), Long::sum);
        stepStart = now;
    }

    /** The steps as {@code name ms, ...}. */
    String steps() {
        StringBuilder text = new StringBuilder();
        stepMillis.forEach((name, ms) -> text.append(text.isEmpty() ? "" : ", ").append(name).append(' ').append(ms));
        return text.toString();
    }

    void frrApplied(ApplyResult result) {
        frrApplies.merge(result.outcome(), 1, Integer::sum);
        if (result.outcome() == ApplyResult.Outcome.APPLIED || result.outcome() == ApplyResult.Outcome.FAILED) {
            frrAppliesTimed++;
            frrApplyTime = frrApplyTime.plus(result.duration());
        }
    }
}
