package org.openpe.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpe.frr.ApplyResult;

class EngineCountersTest {

    private final EngineCounters counters = new EngineCounters();

    private static ReconcileReport report(int changes) {
        return new ReconcileReport(Instant.now(), Duration.ofMillis(250), java.util.Collections.nCopies(changes, "change"),
                Map.of(), "applied", Map.of());
    }

    @Test
    void countsPassesChangesAndFrrApplies() {
        PassTally tally = new PassTally();
        tally.kernelChanges = 2;
        tally.netlinkErrors = 1;
        tally.frrApplied(new ApplyResult(ApplyResult.Outcome.APPLIED, "", Instant.now(), Duration.ofMillis(500)));
        tally.frrApplied(new ApplyResult(ApplyResult.Outcome.UNCHANGED, "", Instant.now(), Duration.ofMillis(40)));
        counters.passCompleted(report(3), tally, false);
        counters.passCompleted(report(0), new PassTally(), true);
        counters.passFailed();
        counters.daemonRestarted("bgpd");

        assertEquals(2, counters.passes());
        assertEquals(1, counters.passFailures());
        assertEquals(new EngineCounters.Timed(2, 0.5), counters.passTime());
        assertEquals(3, counters.changes());
        assertEquals(1, counters.netlinkErrors());
        assertEquals(new EngineCounters.Timed(1, 0.5), counters.frrApplyTime());
        assertEquals(Map.of("applied", 1L, "unchanged", 1L, "failed", 0L, "superseded", 0L, "unavailable", 0L),
                counters.frrApplies());
        assertEquals(Map.of("bgpd", 1L), counters.daemonRestarts());
        assertEquals(Map.of("frr", 0L, "kernel", 0L, "zebra_address", 0L), counters.driftRepairs());
    }

    @Test
    void kernelChangesOfAPassWithTheSameInputsRepairDrift() {
        PassTally tally = new PassTally();
        tally.kernelChanges = 2;
        tally.zebraAddressRepairs = 1;
        counters.passCompleted(report(3), tally, true);
        counters.driftRepaired("frr");
        assertEquals(Map.of("frr", 1L, "kernel", 2L, "zebra_address", 1L), counters.driftRepairs());
    }
}
