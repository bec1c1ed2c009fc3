package org.openpe.core.engine;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.openpe.frr.ApplyResult;

/**
 * Running totals of what the engine did since the core started, for the metrics. Written by the
 * reconcile thread (and FRR's supervisor thread for daemon restarts), read by any thread.
 */
public final class EngineCounters {

    /** A count and a total duration, as a Prometheus summary without quantiles. */
    public record Timed(long count, double seconds) {}

    private final LongAdder passes = new LongAdder();
    private final LongAdder passFailures = new LongAdder();
    private final LongAdder passNanos = new LongAdder();
    private final LongAdder changes = new LongAdder();
    private final LongAdder netlinkErrors = new LongAdder();
    private final LongAdder frrApplyCount = new LongAdder();
    private final LongAdder frrApplyNanos = new LongAdder();
    private final Map<String, LongAdder> frrApplies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> daemonRestarts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> driftRepairs = new ConcurrentHashMap<>();

    public EngineCounters() {
        // every series exists from the start, so that rate() sees its first increase
        for (ApplyResult.Outcome outcome : ApplyResult.Outcome.values()) {
            count(frrApplies, label(outcome), 0);
        }
        count(frrApplies, "unavailable", 0);
        count(driftRepairs, "frr", 0);
        count(driftRepairs, "kernel", 0);
        count(driftRepairs, "zebra_address", 0);
    }

    /**
     * Counts a finished pass; {@code drift} when nothing it works from (configuration, plugins)
     * changed since the pass before, so whatever it changed in the kernel repaired drift.
     */
    void passCompleted(ReconcileReport report, PassTally tally, boolean drift) {
        passes.increment();
        passNanos.add(report.duration().toNanos());
        changes.add(report.changes().size());
        netlinkErrors.add(tally.netlinkErrors);
        tally.frrApplies.forEach((outcome, n) -> count(frrApplies, label(outcome), n));
        count(frrApplies, "unavailable", tally.frrUnavailable);
        frrApplyCount.add(tally.frrAppliesTimed);
        frrApplyNanos.add(tally.frrApplyTime.toNanos());
        count(driftRepairs, "zebra_address", tally.zebraAddressRepairs);
        if (drift) {
            count(driftRepairs, "kernel", tally.kernelChanges);
        }
    }

    /** A pass that failed as a whole (e.g. the node index is unknown, the kernel could not be read). */
    void passFailed() {
        passFailures.increment();
    }

    void daemonRestarted(String daemon) {
        count(daemonRestarts, daemon, 1);
    }

    /** {@code frr}: FRR's configuration, changed behind OpenPE's back, applied again by the periodic check. */
    void driftRepaired(String kind) {
        count(driftRepairs, kind, 1);
    }

    public long passes() {
        return passes.sum();
    }

    public long passFailures() {
        return passFailures.sum();
    }

    public Timed passTime() {
        return new Timed(passes.sum(), passNanos.sum() / 1e9);
    }

    public long changes() {
        return changes.sum();
    }

    public long netlinkErrors() {
        return netlinkErrors.sum();
    }

    /** Applies that reached FRR (applied or refused), with the time they took. */
    public Timed frrApplyTime() {
        return new Timed(frrApplyCount.sum(), frrApplyNanos.sum() / 1e9);
    }

    /** FRR applies by outcome: applied, unchanged, failed (FRR refused), superseded, unavailable. */
    public Map<String, Long> frrApplies() {
        return totals(frrApplies);
    }

    public Map<String, Long> daemonRestarts() {
        return totals(daemonRestarts);
    }

    /** Drift repairs by kind: {@code kernel} objects, addresses {@code zebra_address} lost, {@code frr} configuration. */
    public Map<String, Long> driftRepairs() {
        return totals(driftRepairs);
    }

    private static String label(ApplyResult.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    private static void count(Map<String, LongAdder> counters, String key, long n) {
        counters.computeIfAbsent(key, k -> new LongAdder()).add(n);
    }

    private static Map<String, Long> totals(Map<String, LongAdder> counters) {
        Map<String, Long> totals = new TreeMap<>();
        counters.forEach((key, adder) -> totals.put(key, adder.sum()));
        return totals;
    }
}
