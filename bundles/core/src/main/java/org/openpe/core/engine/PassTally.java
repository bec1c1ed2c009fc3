package org.openpe.core.engine;

import java.time.Duration;
import java.util.EnumMap;
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

    void frrApplied(ApplyResult result) {
        frrApplies.merge(result.outcome(), 1, Integer::sum);
        if (result.outcome() == ApplyResult.Outcome.APPLIED || result.outcome() == ApplyResult.Outcome.FAILED) {
            frrAppliesTimed++;
            frrApplyTime = frrApplyTime.plus(result.duration());
        }
    }
}
