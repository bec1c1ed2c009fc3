package org.openpe.frr.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openpe.frr.FrrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the pid files every second and starts a daemon that died. When zebra dies every daemon is
 * restarted, as watchfrr does: the others lose their routes and interfaces with it.
 */
final class Supervisor implements AutoCloseable {

    /** What the instance does after the supervisor restarted daemons. */
    interface Events {
        void restarted(String daemon, long pid);

        void restartFailed(String daemon, String reason);

        /** Called once after a round in which at least one daemon was restarted. */
        void configurationLost();
    }

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Daemons daemons;
    private final Events events;
    private final ScheduledExecutorService timer;
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Long> retryAt = new HashMap<>();

    Supervisor(String pathspace, Daemons daemons, Events events) {
        this.daemons = daemons;
        this.events = events;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "frr-supervisor-" + pathspace);
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        timer.scheduleWithFixedDelay(this::check, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            List<String> dead = Daemons.NAMES.stream().filter(d -> daemons.runningPid(d).isEmpty()).toList();
            if (dead.isEmpty()) {
                return;
            }
            List<String> toStart = dead.contains("zebra") ? Daemons.NAMES : dead;
            if (dead.contains("zebra")) {
                LOG.warn("FRR zebra died; restarting every daemon");
                daemons.stopAll();
            }
            boolean restartedAny = false;
            for (String daemon : toStart) {
                restartedAny |= restart(daemon);
            }
            if (restartedAny) {
                events.configurationLost();
            }
        } catch (RuntimeException e) {
            LOG.error("FRR supervisor check failed", e);
        }
    }

    private boolean restart(String daemon) {
        if (System.nanoTime() < retryAt.getOrDefault(daemon, Long.MIN_VALUE)) {
            return false;
        }
        LOG.warn("FRR {} is not running; starting it", daemon);
        try {
            long pid = daemons.start(daemon);
            failures.remove(daemon);
            retryAt.remove(daemon);
            LOG.info("FRR {} restarted as pid {}", daemon, pid);
            events.restarted(daemon, pid);
            return true;
        } catch (FrrException e) {
            int n = failures.merge(daemon, 1, Integer::sum);
            long backoff = Math.min(MAX_BACKOFF.toMillis(), POLL.toMillis() << Math.min(n, 5));
            retryAt.put(daemon, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff));
            LOG.error("FRR {} could not be restarted (attempt {}, next in {} ms): {}", daemon, n, backoff, e.getMessage());
            events.restartFailed(daemon, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
