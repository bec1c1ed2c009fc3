package org.openpe.core.engine;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests for a pass, coalesced: requests arriving before the pass starts share it, and a request
 * arriving while a pass runs schedules the next one (that pass may have read the snapshot before
 * the change), so no change waits for the periodic resync.
 */
final class PassRequests {

    private final ScheduledExecutorService executor;
    private final Runnable pass;
    private final long coalesceMillis;
    private final AtomicBoolean requested = new AtomicBoolean();

    /** @param executor one thread: passes run one at a time */
    PassRequests(ScheduledExecutorService executor, Runnable pass, long coalesceMillis) {
        this.executor = executor;
        this.pass = pass;
        this.coalesceMillis = coalesceMillis;
    }

    void request() {
        if (requested.compareAndSet(false, true) && !later(this::run, coalesceMillis)) {
            requested.set(false);
        }
    }

    /** Runs {@code task} after {@code millis}; false once the executor is shut down. */
    boolean later(Runnable task, long millis) {
        try {
            executor.schedule(task, millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void run() {
        requested.set(false);
        pass.run();
    }
}
