package org.openpe.frr.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openpe.frr.DaemonState;
import org.openpe.frr.FrrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the pid files every second and starts a daemon that died; kills and restarts one that is
 * alive but has not answered on its vty socket for a while (hung, or stopped with SIGSTOP). When
 * zebra goes every daemon is restarted, as watchfrr does: the others lose their routes and
 * interfaces with it. A daemon that goes again within a minute of its start, or fails to start, is
 * restarted after a back-off that doubles with each restart in a row, up to a cap.
 */
final class Supervisor implements AutoCloseable {

    /** What the instance does after the supervisor restarted daemons. */
    interface Events {
        void restarted(String daemon, long pid);

        void restartFailed(String daemon, String reason);

        /** Called once after a round in which at least one daemon was restarted. */
        void configurationLost();
    }

    /**
     * @param poll how often the pid files are read
     * @param stable how long a daemon must run for its restarts in a row to be forgotten
     * @param firstBackoff the delay before the second start in a row, doubled for each further one
     * @param maxBackoff the cap of that delay
     * @param probeEvery how often each running daemon is asked something on its vty socket
     * @param probeTimeout how long one such question may take
     * @param hungAfter how long a daemon may go without answering before it is killed and restarted
     */
    record Policy(Duration poll, Duration stable, Duration firstBackoff, Duration maxBackoff, Duration probeEvery,
            Duration probeTimeout, Duration hungAfter) {

        /**
         * Hung after 60 s: long enough for bgpd busy with a full table, short of the 90 s and more of
         * usual BGP hold times, so peers that noticed nothing yet lose only what a restart costs.
         */
        static final Policy DEFAULT = new Policy(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(60));

        /** None before the first restart in a row, {@code firstBackoff} before the second, doubling from there. */
        Duration backoff(int restartsInARow) {
            if (restartsInARow <= 1) {
                return Duration.ZERO;
            }
            long millis = firstBackoff.toMillis() << Math.min(restartsInARow - 2, 20);
            return Duration.ofMillis(Math.min(maxBackoff.toMillis(), millis));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

    private final Daemons daemons;
    private final Events events;
    private final Policy policy;
    private final VtyCheck vty;
    private final DaemonActivity activity;
    private final ScheduledExecutorService timer;
    private final Map<String, Life> lives = new ConcurrentHashMap<>();

    /** Asks a daemon something on its vty socket; true when it answered within the bound. */
    interface VtyCheck {
        boolean answers(String daemon, Duration timeout);
    }

    Supervisor(String pathspace, Daemons daemons, Events events, DaemonActivity activity) {
        this(pathspace, daemons, events, Policy.DEFAULT, (daemon, timeout) -> VtyProbe.answers(daemons.vtySocket(daemon), timeout),
                activity);
    }

    /** @param activity the daemons' answers to OpenPE's own commands, which show them alive as the probe's do */
    Supervisor(String pathspace, Daemons daemons, Events events, Policy policy, VtyCheck vty, DaemonActivity activity) {
        this.daemons = daemons;
        this.events = events;
        this.policy = policy;
        this.vty = vty;
        this.activity = activity;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "frr-supervisor-" + pathspace);
            t.setDaemon(true);
            return t;
        });
        long now = System.nanoTime();
        for (String daemon : Daemons.NAMES) {
            lives.put(daemon, new Life(now));
        }
    }

    void start() {
        timer.scheduleWithFixedDelay(this::check, policy.poll().toMillis(), policy.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Each daemon with its pid and what the supervisor is doing about it. */
    List<DaemonState> states() {
        List<DaemonState> states = new ArrayList<>();
        for (String daemon : Daemons.NAMES) {
            Life life = lives.get(daemon);
            OptionalLong pid = daemons.runningPid(daemon);
            Optional<Instant> next = pid.isEmpty() && life.downSince != null
                    ? Optional.of(Instant.now().plusNanos(Math.max(0, life.nextStartAt - System.nanoTime())))
                    : Optional.empty();
            long silent = System.nanoTime() - activity.lastAnswer(daemon, life.answeredAt);
            Optional<Duration> silentFor = pid.isPresent() && life.downSince == null
                    && silent > policy.probeEvery().toNanos() + policy.probeTimeout().toNanos()
                    ? Optional.of(Duration.ofNanos(silent)) : Optional.empty();
            states.add(new DaemonState(daemon, pid, life.restarts, next,
                    life.restarts > 0 ? Optional.ofNullable(life.lastFault) : Optional.empty(), silentFor));
        }
        return states;
    }

    private void check() {
        try {
            long now = System.nanoTime();
            killHung(now);
            List<String> dead = new ArrayList<>();
            for (String daemon : Daemons.NAMES) {
                Life life = lives.get(daemon);
                if (daemons.runningPid(daemon).isEmpty()) {
                    dead.add(daemon);
                    if (life.downSince == null) {
                        life.wentDown(now, "died " + seconds(now - life.startedAt) + " s after its start", policy);
                    }
                } else if (life.restarts > 0 && now - life.startedAt >= policy.stable().toNanos()) {
                    life.restarts = 0;
                    life.lastFault = null;
                }
            }
            if (dead.isEmpty()) {
                return;
            }
            List<String> toStart;
            if (dead.contains("zebra")) {
                if (now < lives.get("zebra").nextStartAt) {
                    return;
                }
                LOG.warn("FRR zebra is down; restarting every daemon");
                daemons.stopAll();
                toStart = Daemons.NAMES;
            } else {
                toStart = dead.stream().filter(d -> now >= lives.get(d).nextStartAt).toList();
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

    /** SIGKILLs every running daemon that has not answered on its vty socket for {@link Policy#hungAfter()}. */
    private void killHung(long now) {
        for (String daemon : Daemons.NAMES) {
            Life life = lives.get(daemon);
            if (life.downSince != null || now - life.probedAt < policy.probeEvery().toNanos()
                    || daemons.runningPid(daemon).isEmpty()) {
                continue;
            }
            life.probedAt = now;
            if (vty.answers(daemon, policy.probeTimeout())) {
                life.answeredAt = System.nanoTime();
                continue;
            }
            long lastAnswer = activity.lastAnswer(daemon, life.answeredAt);
            if (System.nanoTime() - lastAnswer >= policy.hungAfter().toNanos()) {
                String fault = "did not answer vtysh for " + seconds(System.nanoTime() - lastAnswer) + " s; killed";
                LOG.error("FRR {} {}", daemon, fault);
                daemons.kill(daemon);
                life.wentDown(System.nanoTime(), fault, policy);
            }
        }
    }

    private boolean restart(String daemon) {
        Life life = lives.get(daemon);
        LOG.warn("FRR {} is not running; starting it", daemon);
        try {
            long pid = daemons.start(daemon);
            life.started(System.nanoTime());
            LOG.info("FRR {} restarted as pid {}{}", daemon, pid,
                    life.restarts > 1 ? " (restart " + life.restarts + " in a row: " + life.lastFault + ")" : "");
            events.restarted(daemon, pid);
            return true;
        } catch (FrrException e) {
            life.wentDown(System.nanoTime(), "start failed: " + e.getMessage(), policy);
            LOG.error("FRR {} could not be restarted (attempt {}, next in {} ms): {}", daemon, life.restarts,
                    policy.backoff(life.restarts).toMillis(), e.getMessage());
            events.restartFailed(daemon, e.getMessage());
            return false;
        }
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos);
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

    /**
     * One daemon's recent history, in {@link System#nanoTime()}: written by the supervisor's thread,
     * read by {@link #states()}.
     */
    private static final class Life {
        volatile long startedAt;
        volatile long probedAt;
        volatile long answeredAt;
        /** Set while it is down and waits for its next start. */
        volatile Long downSince;
        volatile long nextStartAt;
        volatile int restarts;
        volatile String lastFault;

        Life(long now) {
            startedAt = now;
            probedAt = now - Long.MAX_VALUE / 2;
            answeredAt = now;
        }

        /** It died, hung or failed to start: in a row with the restarts before when that came within {@link Policy#stable()} of its start. */
        void wentDown(long now, String fault, Policy policy) {
            boolean inARow = now - startedAt < policy.stable().toNanos() || downSince != null;
            restarts = inARow ? restarts + 1 : 1;
            lastFault = fault;
            downSince = now;
            nextStartAt = now + policy.backoff(restarts).toNanos();
        }

        void started(long now) {
            startedAt = now;
            answeredAt = now;
            probedAt = now;
            downSince = null;
        }
    }
}
