package org.openpe.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.openpe.frr.FrrInstance;

/**
 * Reads FRR's state for the metrics on a thread of its own, never the reconcile thread's: an
 * observation younger than {@code maxAge} is reused, an older one is read again, and a reader
 * waits for that at most {@code bound}, then gets the previous observation (FRR busy with a
 * large apply must not hang a scrape).
 */
final class FrrObserver implements AutoCloseable {

    private final Supplier<Optional<FrrInstance>> frr;
    private final Duration maxAge;
    private final Duration bound;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(DaemonThreads.named("openpe-metrics-frr"));
    private FrrObservation last = FrrObservation.failed(Instant.EPOCH, "not read yet");
    private CompletableFuture<FrrObservation> reading;

    FrrObserver(Supplier<Optional<FrrInstance>> frr, Duration maxAge, Duration bound) {
        this.frr = frr;
        this.maxAge = maxAge;
        this.bound = bound;
    }

    FrrObservation current() {
        CompletableFuture<FrrObservation> pending;
        synchronized (this) {
            if (Duration.between(last.at(), Instant.now()).compareTo(maxAge) < 0) {
                return last;
            }
            if (reading == null) {
                reading = CompletableFuture.supplyAsync(this::read, reader).whenComplete((observation, e) -> done(observation));
            }
            pending = reading;
        }
        try {
            return pending.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return lastOr("FRR did not answer within " + bound.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lastOr("interrupted");
        } catch (ExecutionException e) {
            return lastOr(String.valueOf(e.getCause()));
        }
    }

    private synchronized void done(FrrObservation observation) {
        if (observation != null) {
            last = observation;
        }
        reading = null;
    }

    private synchronized FrrObservation lastOr(String problem) {
        return last.ok() ? last : FrrObservation.failed(Instant.now(), problem);
    }

    private FrrObservation read() {
        Optional<FrrInstance> instance = frr.get();
        if (instance.isEmpty()) {
            return FrrObservation.failed(Instant.now(), "FRR is not open");
        }
        FrrInstance f = instance.get();
        try {
            var neighbors = f.bgpNeighbors();
            // EVPN is read apart: an FRR without EVPN state must not hide the sessions
            return new FrrObservation(Instant.now(), neighbors, orEmpty(f::evpnVnis), orEmpty(f::evpnRoutes),
                    Optional.empty());
        } catch (RuntimeException e) {
            return FrrObservation.failed(Instant.now(),
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        }
    }

    private static <T> List<T> orEmpty(Supplier<List<T>> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
