package org.openpe.frr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openpe.api.frr.FrrConfig;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.ApplyResult.Outcome;

class ApplyQueueTest {

    private final List<String> applied = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    private ApplyResult fakeApply(FrrConfig config, Applier.Mode mode) {
        applied.add((config == null ? "last" : config.hostname()) + (mode == Applier.Mode.APPLY ? "" : " " + mode));
        if (applied.size() == 1) {
            firstStarted.countDown();
            try {
                releaseFirst.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new ApplyResult(Outcome.APPLIED, "", Instant.now(), Duration.ZERO);
    }

    @Test
    void burstsWhileApplyingCoalesceToTheLatest() throws Exception {
        try (ApplyQueue queue = new ApplyQueue("test", this::fakeApply)) {
            CompletableFuture<ApplyResult> a = queue.submit(FrrConfig.empty("a", "info"));
            firstStarted.await(10, TimeUnit.SECONDS);
            CompletableFuture<ApplyResult> b = queue.submit(FrrConfig.empty("b", "info"));
            CompletableFuture<ApplyResult> c = queue.submit(FrrConfig.empty("c", "info"));
            releaseFirst.countDown();

            assertEquals(Outcome.APPLIED, a.get(10, TimeUnit.SECONDS).outcome());
            assertEquals(Outcome.SUPERSEDED, b.get(10, TimeUnit.SECONDS).outcome());
            assertEquals(Outcome.APPLIED, c.get(10, TimeUnit.SECONDS).outcome());
            assertEquals(List.of("a", "c"), applied);
        }
    }

    @Test
    void aForcedReapplyJoinsThePendingConfiguration() throws Exception {
        try (ApplyQueue queue = new ApplyQueue("test", this::fakeApply)) {
            queue.submit(FrrConfig.empty("a", "info"));
            firstStarted.await(10, TimeUnit.SECONDS);
            CompletableFuture<ApplyResult> b = queue.submit(FrrConfig.empty("b", "info"));
            CompletableFuture<ApplyResult> restore = queue.submit(null, Applier.Mode.RESTORE);
            releaseFirst.countDown();

            assertEquals(Outcome.APPLIED, b.get(10, TimeUnit.SECONDS).outcome());
            assertEquals(Outcome.APPLIED, restore.get(10, TimeUnit.SECONDS).outcome());
            assertEquals(List.of("a", "b RESTORE"), applied);
        }
    }

    @Test
    void aNewerConfigurationKeepsTheLaterModeOfTheOneItSupersedes() throws Exception {
        try (ApplyQueue queue = new ApplyQueue("test", this::fakeApply)) {
            queue.submit(FrrConfig.empty("a", "info"));
            firstStarted.await(10, TimeUnit.SECONDS);
            queue.submit(null, Applier.Mode.REPAIR_DRIFT);
            CompletableFuture<ApplyResult> b = queue.submit(FrrConfig.empty("b", "info"));
            releaseFirst.countDown();

            assertEquals(Outcome.APPLIED, b.get(10, TimeUnit.SECONDS).outcome());
            assertEquals(List.of("a", "b REPAIR_DRIFT"), applied);
        }
    }

    @Test
    void closedQueueRefusesWork() throws Exception {
        ApplyQueue queue = new ApplyQueue("test", this::fakeApply);
        queue.close();
        assertEquals(Outcome.FAILED, queue.submit(FrrConfig.empty("a", "info")).get(1, TimeUnit.SECONDS).outcome());
    }
}
