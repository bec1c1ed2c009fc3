package org.openpe.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PassRequestsTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger passes = new AtomicInteger();
    private final CountDownLatch firstPassRuns = new CountDownLatch(1);
    private final CountDownLatch releaseFirstPass = new CountDownLatch(1);

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    private final PassRequests requests = new PassRequests(executor, () -> {
        if (passes.incrementAndGet() == 1) {
            firstPassRuns.countDown();
            await(releaseFirstPass);
        }
    }, 50);

    @Test
    void requestsBeforeAPassStartsShareIt() throws Exception {
        requests.request();
        requests.request();
        requests.request();
        assertTrue(firstPassRuns.await(5, TimeUnit.SECONDS));
        releaseFirstPass.countDown();
        drain();
        assertEquals(1, passes.get());
    }

    @Test
    void aRequestDuringAPassIsNotLostButRunsTheNextPass() throws Exception {
        requests.request();
        assertTrue(firstPassRuns.await(5, TimeUnit.SECONDS));
        requests.request(); // a change arrives while the pass runs
        releaseFirstPass.countDown();
        drain();
        assertEquals(2, passes.get());
    }

    @Test
    void nothingIsScheduledOnceShutDown() {
        executor.shutdownNow();
        requests.request();
        assertFalse(requests.later(() -> {}, 0));
        assertEquals(0, passes.get());
    }

    /** Waits until every pass scheduled so far ran: they are due 50 ms after their request, on the same thread. */
    private void drain() throws Exception {
        executor.schedule(() -> {}, 100, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
