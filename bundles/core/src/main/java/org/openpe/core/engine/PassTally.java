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
    Duration frrApplyTime = Duration.ZERO;

    void frrApplied(ApplyResult result) {
        frrApplies.merge(result.outcome(), 1, Integer::sum);
        frrApplyTime = frrApplyTime.plus(result.duration());
    }
}
