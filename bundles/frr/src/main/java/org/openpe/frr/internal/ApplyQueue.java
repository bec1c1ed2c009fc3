package org.openpe.frr.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.openpe.api.frr.FrrConfig;
import org.openpe.frr.ApplyResult;
import org.openpe.frr.ApplyResult.Outcome;

/**
 * Serialises applies on one worker thread and coalesces bursts: while an apply runs, only the
 * newest request waits; the one it replaces completes as {@link Outcome#SUPERSEDED}.
 */
final class ApplyQueue implements AutoCloseable {

    /** {@code config} empty: re-apply whatever was applied last. */
    private record Request(FrrConfig config, Applier.Mode mode, CompletableFuture<ApplyResult> future) {}

    private final BiFunction<FrrConfig, Applier.Mode, ApplyResult> apply;
    private final ExecutorService worker;
    private Request pending;
    private boolean draining;
    private boolean closed;

    /** @param apply applies a configuration in a mode; called on the worker thread only */
    ApplyQueue(String name, BiFunction<FrrConfig, Applier.Mode, ApplyResult> apply) {
        this.apply = apply;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "frr-apply-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    CompletableFuture<ApplyResult> submit(FrrConfig config) {
        return enqueue(new Request(config, Applier.Mode.APPLY, new CompletableFuture<>()));
    }

    /**
     * Applies {@code config} (or, when it is {@code null}, the pending or last applied one) in
     * {@code mode}: a pending request is applied in the later of both modes.
     */
    CompletableFuture<ApplyResult> submit(FrrConfig config, Applier.Mode mode) {
        return enqueue(new Request(config, mode, new CompletableFuture<>()));
    }

    private synchronized CompletableFuture<ApplyResult> enqueue(Request request) {
        if (closed) {
            request.future.complete(new ApplyResult(Outcome.FAILED, "FRR instance closed", Instant.now(), Duration.ZERO));
            return request.future;
        }
        if (pending != null) {
            Applier.Mode mode = request.mode.compareTo(pending.mode) > 0 ? request.mode : pending.mode;
            if (request.config == null) {
                // a re-apply of "the latest" is satisfied by the pending request, in the later mode
                pending = new Request(pending.config, mode, pending.future);
                pending.future.thenAccept(request.future::complete);
                return request.future;
            }
            pending.future.complete(new ApplyResult(Outcome.SUPERSEDED, "a newer configuration was submitted", Instant.now(),
                    Duration.ZERO));
            request = new Request(request.config, mode, request.future);
        }
        pending = request;
        if (!draining) {
            draining = true;
            worker.execute(this::drain);
        }
        return request.future;
    }

    private void drain() {
        while (true) {
            Request next;
            synchronized (this) {
                next = pending;
                pending = null;
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.future.complete(apply.apply(next.config, next.mode));
            } catch (RuntimeException e) {
                next.future.completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() {
        Request dropped;
        synchronized (this) {
            closed = true;
            dropped = pending;
            pending = null;
        }
        if (dropped != null) {
            dropped.future.complete(new ApplyResult(Outcome.FAILED, "FRR instance closed", Instant.now(), Duration.ZERO));
        }
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
